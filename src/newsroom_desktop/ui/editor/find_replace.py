"""Find and replace in the body: next/previous, replace, replace all as one undo step."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from newsroom_desktop.core.text import fold, nfc

MAX_HIGHLIGHTS = 2000
HIGHLIGHT = QColor("#fde68a")
_WORD_CHAR = re.compile(r"\w")
_FOLDED: dict[str, str] = {}


@dataclass(frozen=True)
class FindOptions:
    """How to match: case, whole words, and ignoring Vietnamese diacritics (a ≈ ă ≈ â ≈ á)."""

    match_case: bool = False
    whole_words: bool = False
    ignore_accents: bool = False


def _fold_char(ch: str) -> str:
    folded = _FOLDED.get(ch)
    if folded is None:
        folded = fold(ch) or ch
        _FOLDED[ch] = folded
    return folded


def _folded(text: str) -> tuple[str, list[int]]:
    """Return the folded text and, for each folded char, the index of its source char."""
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        parts.append(f)
        index.extend([i] * len(f))
    index.append(len(text))
    return "".join(parts), index


def _is_word_edge(text: str, start: int, end: int) -> bool:
    before = start > 0 and _WORD_CHAR.match(text[start - 1])
    after = end < len(text) and _WORD_CHAR.match(text[end])
    return not before and not after


def _folded_matches(doc: QTextDocument, needle: str, options: FindOptions) -> list[tuple[int, int]]:
    target = fold(needle)
    if not target:
        return []
    out: list[tuple[int, int]] = []
    block = doc.begin()
    while block.isValid():
        text = block.text()
        folded, index = _folded(text)
        pos = folded.find(target)
        while pos >= 0:
            start, end = index[pos], index[pos + len(target)]
            if not options.whole_words or _is_word_edge(text, start, end):
                out.append((block.position() + start, block.position() + end))
            pos = folded.find(target, pos + 1)
        block = block.next()
    return out


def _flags(options: FindOptions, backward: bool = False) -> QTextDocument.FindFlag:
    flags = QTextDocument.FindFlag(0)
    if options.match_case:
        flags |= QTextDocument.FindFlag.FindCaseSensitively
    if options.whole_words:
        flags |= QTextDocument.FindFlag.FindWholeWords
    if backward:
        flags |= QTextDocument.FindFlag.FindBackward
    return flags


def find_all(doc: QTextDocument, needle: str, options: FindOptions) -> list[tuple[int, int]]:
    """Return (start, end) of every match in the document, in order."""
    needle = nfc(needle)
    if not needle:
        return []
    if options.ignore_accents:
        return _folded_matches(doc, needle, options)
    out: list[tuple[int, int]] = []
    cursor = doc.find(needle, 0, _flags(options))
    while not cursor.isNull():
        out.append((cursor.selectionStart(), cursor.selectionEnd()))
        cursor = doc.find(needle, cursor, _flags(options))
    return out


def find_from(
    doc: QTextDocument, needle: str, cursor: QTextCursor, options: FindOptions, backward: bool
) -> QTextCursor | None:
    """Return a cursor selecting the next (or previous) match, wrapping around, or None."""
    matches = find_all(doc, needle, options)
    if not matches:
        return None
    if backward:
        before = [m for m in matches if m[1] <= cursor.selectionStart()]
        start, end = before[-1] if before else matches[-1]
    else:
        after = [m for m in matches if m[0] >= cursor.selectionEnd()]
        start, end = after[0] if after else matches[0]
    found = QTextCursor(doc)
    found.setPosition(start)
    found.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return found


def replace_all(doc: QTextDocument, needle: str, replacement: str, options: FindOptions) -> int:
    """Replace every match, as one undoable step; return how many were replaced."""
    matches = find_all(doc, needle, options)
    if not matches:
        return 0
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for start, end in reversed(matches):
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(nfc(replacement))
    cursor.endEditBlock()
    return len(matches)


class FindBar(QWidget):
    """A slim find/replace bar under the body."""

    closed = Signal()

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("FindBar")
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.match_case = QCheckBox(self.tr("Match case"), self)
        self.whole_words = QCheckBox(self.tr("Whole words"), self)
        self.ignore_accents = QCheckBox(self.tr("Ignore accents"), self)
        self.ignore_accents.setToolTip(self.tr("Find “Đảng” when typing “dang”"))
        self.status = QLabel(self)
        self.status.setObjectName("FindStatus")
        self._highlight_timer = QTimer(self, singleShot=True, interval=120)
        self._highlight_timer.timeout.connect(self.update_highlights)
        self._build()

    def _build(self) -> None:
        previous = self._tool_button("↑", self.tr("Find previous (Shift+Enter)"))
        nxt = self._tool_button("↓", self.tr("Find next (Enter)"))
        close = self._tool_button("✕", self.tr("Close (Esc)"))
        close.setAutoRaise(True)
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.setHorizontalSpacing(6)
        options = QHBoxLayout()
        for box in (self.match_case, self.whole_words, self.ignore_accents):
            options.addWidget(box)
            box.toggled.connect(self._options_changed)
        options.addStretch(1)
        options.addWidget(self.status)
        grid.addWidget(self.find_edit, 0, 0)
        grid.addWidget(previous, 0, 1)
        grid.addWidget(nxt, 0, 2)
        grid.addLayout(options, 0, 3)
        grid.addWidget(close, 0, 4)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addWidget(self.replace_button, 1, 1, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 3, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(3, 3)
        previous.clicked.connect(self.find_previous)
        nxt.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.find_edit.textChanged.connect(self._options_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_current)

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        return button

    # --- showing ---------------------------------------------------------------------

    def show_find(self, replace: bool = False) -> None:
        """Show the bar (with the replace row if ``replace``), seeded from the selection."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        for widget in (self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(replace and not self.editor.isReadOnly())
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.update_highlights()

    def close_bar(self) -> None:
        """Hide the bar, clear the highlights and give the body the focus back."""
        self.hide()
        self.editor.setExtraSelections([])
        self.editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
            self.find_previous()
            return
        super().keyPressEvent(event)

    # --- searching -------------------------------------------------------------------

    def options(self) -> FindOptions:
        """Return the options the check boxes set."""
        return FindOptions(
            self.match_case.isChecked(),
            self.whole_words.isChecked(),
            self.ignore_accents.isChecked(),
        )

    def _options_changed(self) -> None:
        self._highlight_timer.start()

    def _find(self, backward: bool) -> bool:
        doc = self.editor.document()
        found = find_from(
            doc, self.find_edit.text(), self.editor.textCursor(), self.options(), backward
        )
        if found is None:
            self.status.setText(self.tr("Not found") if self.find_edit.text() else "")
            return False
        self.editor.setTextCursor(found)
        self.editor.ensureCursorVisible()
        self.update_highlights()
        return True

    def find_next(self) -> bool:
        """Select the next match after the cursor (wrapping); return False if none."""
        return self._find(backward=False)

    def find_previous(self) -> bool:
        """Select the match before the cursor (wrapping); return False if none."""
        return self._find(backward=True)

    def _selection_matches(self) -> bool:
        cursor = self.editor.textCursor()
        span = (cursor.selectionStart(), cursor.selectionEnd())
        return cursor.hasSelection() and span in find_all(
            self.editor.document(), self.find_edit.text(), self.options()
        )

    def replace_current(self) -> bool:
        """Replace the selected match and select the next one; return False if none."""
        if self.editor.isReadOnly():
            return False
        if not self._selection_matches() and not self.find_next():
            return False
        cursor = self.editor.textCursor()
        cursor.insertText(nfc(self.replace_edit.text()))
        self.editor.setTextCursor(cursor)
        self.find_next()
        self.update_highlights()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; return how many were replaced."""
        if self.editor.isReadOnly():
            return 0
        count = replace_all(
            self.editor.document(), self.find_edit.text(), self.replace_edit.text(), self.options()
        )
        self.update_highlights()
        self.status.setText(self.tr("%n replaced", "", count))
        return count

    def update_highlights(self) -> None:
        """Mark every match in the body and show how many there are."""
        matches = find_all(self.editor.document(), self.find_edit.text(), self.options())
        selections: list[QTextEdit.ExtraSelection] = []
        for start, end in matches[:MAX_HIGHLIGHTS]:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(HIGHLIGHT)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.editor.setExtraSelections(selections if self.isVisible() else [])
        if self.find_edit.text():
            self.status.setText(
                self.tr("%n matches", "", len(matches)) if matches else self.tr("Not found")
            )
        else:
            self.status.clear()
