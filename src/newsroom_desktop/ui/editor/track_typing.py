"""Typing while changes are tracked, as in Word: new text is marked, deleted text stays shown.

Deleting text of the submitted version marks it deleted instead of removing it; deleting
text that was inserted removes it; typing never lands in deleted text's format, so nothing
typed is lost from the body and no deleted text becomes body text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from newsroom_desktop.core.body import OBJECT_CHAR
from newsroom_desktop.ui.editor.formats import heading_of
from newsroom_desktop.ui.editor.track_changes import fragments, mark_span
from newsroom_desktop.ui.editor.track_formats import (
    DELETE,
    INSERT,
    TRACK_AUTHOR,
    TRACK_PAD,
    track_kind,
    tracked_format,
)

_DELETE_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
TextField = QTextEdit | QPlainTextEdit  # the body; the headline and lead


def tracked_delete(doc: QTextDocument, start: int, end: int, author: str) -> int:
    """Delete [start, end) as a tracked change; return where that span now ends.

    Inserted text goes, body text is marked deleted, deleted text stays as it is; photos and
    paragraph breaks are left alone.
    """
    cursor = QTextCursor(doc)
    pieces = [(lo, hi, track_kind(fmt)) for lo, hi, _, fmt in fragments(doc, start, end)]
    removed = 0
    for lo, hi, kind in reversed(pieces):  # from the end: earlier positions stay put
        if kind == INSERT:
            cursor.setPosition(lo)
            cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            removed += hi - lo
        elif not kind:
            mark_span(doc, lo, hi, DELETE, author)
    return end - removed


def deletion_end(doc: QTextDocument, pos: int) -> int:
    """Return the end of the deleted text ``pos`` stands inside of (or just before its pad
    space), or ``pos`` itself: what is typed there goes after the struck-through words."""
    block = doc.findBlock(pos)
    end = pos
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        lo, hi = fragment.position(), fragment.position() + fragment.length()
        inside = lo < pos or fmt.hasProperty(TRACK_PAD)
        if track_kind(fmt) == DELETE and lo <= end < hi and inside:
            end = hi
        it += 1
    return end


class TrackedTyping(QObject):
    """Watches a body editor's keys while its changes are tracked, for ``author``."""

    def __init__(self, edit: TextField, author: str) -> None:
        super().__init__(edit)
        self.edit = edit
        self.author = author
        edit.installEventFilter(self)

    def stop(self) -> None:
        """Stop watching (tracking was switched off)."""
        self.edit.removeEventFilter(self)
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.edit or self.edit.isReadOnly():
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if event.type() == QEvent.Type.InputMethod:
            self._type_here()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        cursor = self.edit.textCursor()
        if event.matches(QKeySequence.StandardKey.Cut):
            if cursor.hasSelection():
                self.edit.copy()
                self._delete_selection(to_end=False)
            return True
        if event.matches(QKeySequence.StandardKey.Paste):
            self._paste()
            return True
        if event.key() in _DELETE_KEYS:
            return self._delete_key(event)
        if event.text() and event.text().isprintable():
            if cursor.hasSelection():
                self._delete_selection(to_end=True)
            self._type_here()
        return False

    def _type_here(self) -> None:
        """Make what is typed next an insertion by the author, outside any deleted text."""
        cursor = self.edit.textCursor()
        end = deletion_end(self.edit.document(), cursor.position())
        if end != cursor.position() and not cursor.hasSelection():
            cursor.setPosition(end)  # as in Word: new words go after the struck-through ones
            self.edit.setTextCursor(cursor)
        fmt = self.edit.currentCharFormat()
        if track_kind(fmt) == INSERT and fmt.stringProperty(TRACK_AUTHOR) == self.author:
            return
        typing = tracked_format(fmt, heading_of(cursor.block().blockFormat()), INSERT, self.author)
        self.edit.setCurrentCharFormat(typing)

    def _delete_selection(self, *, to_end: bool) -> None:
        cursor = self.edit.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        new_end = tracked_delete(self.edit.document(), start, end, self.author)
        cursor.endEditBlock()
        cursor.setPosition(new_end if to_end else start)
        self.edit.setTextCursor(cursor)

    def _delete_key(self, event: QKeyEvent) -> bool:
        cursor = self.edit.textCursor()
        backwards = event.key() == Qt.Key.Key_Backspace
        if cursor.hasSelection():
            self._delete_selection(to_end=not backwards)
            return True
        if cursor.atBlockStart() if backwards else cursor.atBlockEnd():
            return False  # joining paragraphs, or a photo: the editor's own way
        span = QTextCursor(cursor)
        word = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        op = QTextCursor.MoveOperation
        if word:
            span.movePosition(
                op.PreviousWord if backwards else op.EndOfWord, span.MoveMode.KeepAnchor
            )
        else:
            span.movePosition(
                op.PreviousCharacter if backwards else op.NextCharacter, span.MoveMode.KeepAnchor
            )
        start, end = span.selectionStart(), span.selectionEnd()
        if start == end or OBJECT_CHAR in span.selectedText():
            return False
        cursor.beginEditBlock()
        new_end = tracked_delete(self.edit.document(), start, end, self.author)
        cursor.endEditBlock()
        cursor.setPosition(start if backwards else new_end)
        self.edit.setTextCursor(cursor)
        return True

    def _paste(self) -> None:
        if self.edit.textCursor().hasSelection():
            self._delete_selection(to_end=True)
        start = self.edit.textCursor().position()
        self.edit.paste()
        end = self.edit.textCursor().position()
        if end > start:
            cursor = self.edit.textCursor()
            cursor.joinPreviousEditBlock()
            mark_span(self.edit.document(), start, end, INSERT, self.author)
            cursor.endEditBlock()
