"""Marking photos as undoable steps: one key on a selection is one step of the desk's undo."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import PhotoLibrary
from newsroom_desktop.core.photo_records import LibraryPhoto

Marks = list[tuple[str, int, str]]  # (photo id, rating, colour label)


class MarkCommand(QUndoCommand):
    """Give photos new marks (redo) or their marks from before (undo), through the library."""

    def __init__(
        self,
        library: PhotoLibrary,
        photos: Sequence[LibraryPhoto],
        *,
        rating: int | None,
        color_label: str | None,
        shown: Callable[[list[LibraryPhoto]], None],
        failed: Callable[[NewsroomError], None],
        text: str,
    ) -> None:
        super().__init__(text)
        self._library = library
        self._shown = shown
        self._failed = failed
        self._done = False
        self.before: Marks = [(p.id, p.rating, p.color_label) for p in photos]
        self.after: Marks = [
            (
                p.id,
                p.rating if rating is None else rating,
                p.color_label if color_label is None else color_label,
            )
            for p in photos
        ]

    def apply(self) -> bool:
        """Mark the photos now; False (and the error told) if the store refused."""
        self._done = self._set(self.after)
        return self._done

    def redo(self) -> None:
        if self._done:  # applied before it was pushed (QUndoStack.push calls redo)
            self._done = False
            return
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, marks: Marks) -> bool:
        try:
            photos = self._library.set_marks(marks)
        except NewsroomError as exc:  # a Qt virtual: an exception would not reach the caller
            self._failed(exc)
            return False
        self._shown(photos)
        return True
