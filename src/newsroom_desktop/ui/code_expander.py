"""Code replacement as you type: ``=ht=`` in a caption field becomes the roster's text."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from newsroom_desktop.core.code_replace import DELIMITER, EMPTY, Roster, expand_at

TextBox = QPlainTextEdit | QTextEdit


class CodeExpander(QObject):
    """Watches text fields; typing the closing "=" of a roster code puts its text there.

    The expansion is an edit of its own: Undo in the field gives the code back as typed.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.roster: Roster = EMPTY

    def set_roster(self, roster: Roster) -> None:
        self.roster = roster

    def watch(self, *fields: QLineEdit | TextBox) -> None:
        """Expand codes typed into each of ``fields``."""
        for box in fields:
            if isinstance(box, QLineEdit):
                # After the keystroke is done (its undo step closed); never for a closed field.
                box.textEdited.connect(
                    lambda _text, line=box: QTimer.singleShot(
                        0, line, lambda: self._expand_line(line)
                    )
                )
            else:
                box.document().contentsChange.connect(
                    lambda at, removed, added, field=box: self._typed(field, at, removed, added)
                )

    def _expand_line(self, line: QLineEdit) -> None:
        found = expand_at(line.text(), line.cursorPosition(), self.roster)
        if found is None:
            return
        start, end, replacement = found
        # Selected and typed over: one step of the field's own undo.
        line.setSelection(start, end - start)
        line.insert(replacement)

    def _typed(self, box: TextBox, at: int, removed: int, added: int) -> None:
        if added != 1 or removed or box.isReadOnly() or not self.roster.codes:
            return
        if box.document().characterAt(at) != DELIMITER:
            return
        # After the keystroke's own edit is done: a document is not changed inside its signal.
        QTimer.singleShot(0, box, lambda: self._expand_box(box, at + 1))

    def _expand_box(self, box: TextBox, cursor_at: int) -> None:
        text = box.toPlainText()
        found = expand_at(text, cursor_at, self.roster)
        if found is None:
            return
        start, end, replacement = found
        # A cursor of its own: the person's cursor moves with the edit, wherever it is by now.
        cursor = QTextCursor(box.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
