"""Edits of many photo captions at once (a template, one field for all): one step, one undo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtGui import QUndoCommand, QUndoStack

from newsroom_desktop.core.code_replace import Roster, expand_all
from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.core.photo_templates import CaptionTemplate, Fill, apply_template

# The fields a photo use keeps per article, and the template fields they take.
USE_FIELDS = {"caption": "caption", "credit": "credit", "alt_text": "alt_text"}
Show = Callable[[PhotoUse], None]


def use_values(use: PhotoUse, city: str = "") -> dict[str, str]:
    """Return what a template sees of a photo use: its captions and its file's data."""
    return {
        "caption": use.caption,
        "headline": use.headline,
        "creator": use.creator,
        "credit": use.credit,
        "copyright": use.copyright,
        "city": city,
        "keywords": ", ".join(use.keywords),
        "alt_text": use.alt_text,
        "filename": use.original_filename,
        "taken_at": use.taken_at,
    }


def templated(
    template: CaptionTemplate, uses: Sequence[PhotoUse], run: Fill
) -> list[tuple[PhotoUse, PhotoUse]]:
    """Return (old, new) for each use whose caption, credit or alt text the template changes."""
    pairs = []
    for seq, use in enumerate(uses, 1):
        out = apply_template(template, use_values(use), run, seq)
        new = replace(use, caption=out["caption"], credit=out["credit"], alt_text=out["alt_text"])
        if new != use:
            pairs.append((use, new))
    return pairs


def with_field(
    uses: Sequence[PhotoUse], name: str, value: str, roster: Roster
) -> list[tuple[PhotoUse, PhotoUse]]:
    """Return (old, new) for each use whose ``name`` (caption, credit, alt_text) changes."""
    text = expand_all(value, roster).strip()
    changes: dict[str, str] = {USE_FIELDS[name]: text}
    pairs = [(use, replace(use, **changes)) for use in uses]  # type: ignore[arg-type]
    return [(old, new) for old, new in pairs if old != new]


class _BatchCommand(QUndoCommand):
    def __init__(
        self,
        label: str,
        pairs: Sequence[tuple[PhotoUse, PhotoUse]],
        show: Show,
        more: Callable[[bool], None] | None,
    ) -> None:
        super().__init__(label)
        self.pairs = list(pairs)
        self.show = show
        self.more = more

    def redo(self) -> None:
        for _old, new in self.pairs:
            self.show(new)
        if self.more is not None:
            self.more(False)

    def undo(self) -> None:
        for old, _new in self.pairs:
            self.show(old)
        if self.more is not None:
            self.more(True)


class PhotoBatch(QUndoStack):
    """The photo panel's undo stack: each batch is one command; ``show`` reports each use."""

    def __init__(self, show: Show, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.show = show

    def run(
        self,
        label: str,
        pairs: Sequence[tuple[PhotoUse, PhotoUse]],
        more: Callable[[bool], None] | None = None,
    ) -> int:
        """Apply the (old, new) pairs as one undoable step; return how many photos changed.

        ``more(undo)`` does (or undoes) the rest of the step after the captions: the fields a
        template sets on the photos themselves.
        """
        if pairs or more is not None:
            self.push(_BatchCommand(label, pairs, self.show, more))
        return len(pairs)
