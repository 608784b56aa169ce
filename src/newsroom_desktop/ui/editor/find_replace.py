"""Find and replace in headline, lead, body and captions: next/previous, replace, replace all.

Replace all is one undo step in each field it changed (Ctrl+Z there), and the bar's Undo takes
the whole of it back at once, captions included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.core.text import fold, nfc
from newsroom_desktop.ui.editor.find_scope import (
    ALL,
    BODY,
    CAPTIONS,
    HEADLINE,
    LEAD,
    SCOPES,
    CaptionEdit,
    FindScope,
    Match,
    next_match,
    replaced_caption,
)

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
    """A slim find/replace bar under the body, over the fields its scope names."""

    closed = Signal()
    caption_replaced = Signal(object)  # the PhotoUse with its new caption
    caption_found = Signal(str, int, int)  # use id, start, end: show this caption's match

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.fields = FindScope(editor)
        self.setObjectName("FindBar")
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.scope = QComboBox(self)
        self.scope.setObjectName("FindScope")
        self.scope.setToolTip(self.tr("Where to find and replace"))
        self.match_case = QCheckBox(self.tr("Match case"), self)
        self.whole_words = QCheckBox(self.tr("Whole words"), self)
        self.ignore_accents = QCheckBox(self.tr("Ignore accents"), self)
        self.ignore_accents.setToolTip(self.tr("Find “Đảng” when typing “dang”"))
        self.status = QLabel(self)
        self.status.setObjectName("FindStatus")
        self.status.setWordWrap(True)
        self._here = (BODY, 0, 0)  # the place (field or photo use id) and span found last
        self._undo: tuple[list[tuple[QTextDocument, int]], list[CaptionEdit]] | None = None
        self._highlight_timer = QTimer(self, singleShot=True, interval=120)
        self._highlight_timer.timeout.connect(self.update_highlights)
        self._build()
        self.retranslate_scopes()

    def _build(self) -> None:
        previous = self._tool_button("↑", self.tr("Find previous (Shift+Enter)"))
        nxt = self._tool_button("↓", self.tr("Find next (Enter)"))
        close = self._tool_button("✕", self.tr("Close (Esc)"))
        close.setAutoRaise(True)
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        self.replace_all_button.setToolTip(self.tr("Replace every match (Ctrl+Alt+Enter)"))
        self.undo_button = QPushButton(self.tr("Undo Replace All"), self)
        self.undo_button.setObjectName("FindUndo")
        self.undo_button.setToolTip(
            self.tr("Put back every field and caption this replace changed")
        )
        self.undo_button.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        find_row = QHBoxLayout()
        find_row.addWidget(previous)
        find_row.addWidget(nxt)
        find_row.addWidget(self.scope)
        find_row.addStretch(1)
        find_row.addWidget(close)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        replace_row.addWidget(self.undo_button)
        replace_row.addStretch(1)
        options = QHBoxLayout()
        for box in (self.match_case, self.whole_words, self.ignore_accents):
            options.addWidget(box)
            box.toggled.connect(self._options_changed)
        options.addWidget(self.status, 1)
        self.scope.currentIndexChanged.connect(self._options_changed)
        grid.addWidget(self.find_edit, 0, 0)
        grid.addLayout(find_row, 0, 1)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addLayout(replace_row, 1, 1)
        grid.addLayout(options, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        previous.clicked.connect(self.find_previous)
        nxt.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self._add_replace_all_shortcut()
        self.undo_button.clicked.connect(self.undo_replace_all)
        self.find_edit.textChanged.connect(self._options_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_current)

    def _add_replace_all_shortcut(self) -> None:
        action = QAction(self)
        action.setShortcuts([QKeySequence("Ctrl+Alt+Return"), QKeySequence("Ctrl+Alt+Enter")])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(
            lambda: self.replace_all() if self.replace_all_button.isVisible() else None
        )
        self.addAction(action)

    def retranslate_scopes(self) -> None:
        """Name the scopes in the interface language, keeping the one chosen."""
        chosen = self.scope.currentData() or ALL
        self.scope.blockSignals(True)
        self.scope.clear()
        for key in SCOPES:
            self.scope.addItem(self.place_label(key), key)
        self.scope.setCurrentIndex(max(0, self.scope.findData(chosen)))
        self.scope.blockSignals(False)

    def place_label(self, key: str) -> str:
        """Return the name of a scope (as the chooser shows it) or of a field (in counts)."""
        labels = {
            ALL: self.tr("All fields"),
            BODY: self.tr("Body only"),
            HEADLINE: self.tr("Headline"),
            LEAD: self.tr("Lead"),
            CAPTIONS: self.tr("Captions"),
        }
        return labels[key]

    def field_label(self, key: str) -> str:
        """Return the name of a field as counts show it."""
        return self.tr("Body") if key == BODY else self.place_label(key)

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        return button

    # --- showing ---------------------------------------------------------------------

    def show_find(self, replace: bool = False) -> None:
        """Show the bar (with the replace row if ``replace``), seeded from the selection.

        Finding starts where the cursor is: in the headline, the lead or the body.
        """
        origin = self._focused_field()
        cursor = self.fields.fields[origin].textCursor()
        self._here = (origin, cursor.selectionStart(), cursor.selectionStart())
        selected = cursor.selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        for widget in (self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(replace and not self.editor.isReadOnly())
        self.undo_button.setVisible(replace and self._undo is not None)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.update_highlights()

    def forget(self) -> None:
        """Drop what Undo Replace All would take back (another article is loaded)."""
        self._undo = None
        self.undo_button.hide()
        self._here = (BODY, 0, 0)

    def place(self) -> str:
        """Return where finding stands: a field's name, or the photo use id of a caption."""
        return self._here[0]

    def _focused_field(self) -> str:
        for name, edit in self.fields.fields.items():
            if edit.hasFocus():
                return name
        return BODY

    def close_bar(self) -> None:
        """Hide the bar, clear the highlights and give the body the focus back."""
        self.hide()
        for edit in self.fields.fields.values():
            edit.setExtraSelections([])
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

    def current_scope(self) -> str:
        """Return the scope chosen: all fields, body only, headline, lead or captions."""
        return str(self.scope.currentData() or ALL)

    def matches(self) -> list[Match]:
        """Return every match in the chosen scope, in reading order."""
        options = self.options()
        return self.fields.matches(
            self.current_scope(),
            self.find_edit.text(),
            lambda doc, needle: find_all(doc, needle, options),
        )

    def _options_changed(self) -> None:
        self._highlight_timer.start()

    def _position(self, order: list[str]) -> tuple[int, int, int]:
        place, start, end = self._here
        edit = self.fields.fields.get(place)
        if edit is not None:  # the person may have moved the cursor since
            cursor = edit.textCursor()
            start, end = cursor.selectionStart(), cursor.selectionEnd()
        return (order.index(place) if place in order else -1), start, end

    def _find(self, backward: bool) -> bool:
        order = self.fields.order(self.current_scope())
        found = next_match(self.matches(), order, self._position(order), backward)
        if found is None:
            self.status.setText(self.tr("Not found") if self.find_edit.text() else "")
            return False
        self._select(found)
        self.update_highlights()
        return True

    def _select(self, match: Match) -> None:
        if match.field == CAPTIONS:
            self._here = (match.use_id, match.start, match.end)
            self.caption_found.emit(match.use_id, match.start, match.end)
            return
        self._here = (match.field, match.start, match.end)
        edit = self.fields.fields[match.field]
        cursor = QTextCursor(edit.document())
        cursor.setPosition(match.start)
        cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()

    def find_next(self) -> bool:
        """Select the next match after the cursor (wrapping); return False if none."""
        return self._find(backward=False)

    def find_previous(self) -> bool:
        """Select the match before the cursor (wrapping); return False if none."""
        return self._find(backward=True)

    def _selected_match(self) -> Match | None:
        order = self.fields.order(self.current_scope())
        at, start, end = self._position(order)
        for match in self.matches():
            if match.key(order) == (at, start) and match.end == end and start != end:
                return match
        return None

    def replace_current(self) -> bool:
        """Replace the selected match and select the next one; return False if none."""
        if self.editor.isReadOnly():
            return False
        match = self._selected_match()
        if match is None:
            if not self.find_next():
                return False
            match = self._selected_match()
            if match is None:
                return False
        if match.field == CAPTIONS:
            use = self._use(match.use_id)
            if use is not None:
                new = replaced_caption(use, [(match.start, match.end)], self.replace_edit.text())
                self._here = (use.id, match.start, match.start + len(nfc(self.replace_edit.text())))
                self.caption_replaced.emit(replace(use, caption=new))
        else:
            edit = self.fields.fields[match.field]
            cursor = edit.textCursor()
            cursor.insertText(nfc(self.replace_edit.text()))
            edit.setTextCursor(cursor)
        self.find_next()
        self.update_highlights()
        return True

    def _use(self, use_id: str) -> PhotoUse | None:
        return next((u for u in self.fields.captions() if u.id == use_id), None)

    def replace_all(self) -> int:
        """Replace every match in the scope; return how many were replaced.

        Each field changed gets one undo step of its own; Undo Replace All takes back all.
        """
        if self.editor.isReadOnly():
            return 0
        needle, options, scope = self.find_edit.text(), self.options(), self.current_scope()
        counts: dict[str, int] = {}
        docs: list[tuple[QTextDocument, int]] = []
        for name in self.fields.names(scope):
            doc = self.fields.fields[name].document()
            count = replace_all(doc, needle, self.replace_edit.text(), options)
            if count:
                counts[name] = count
                docs.append((doc, doc.availableUndoSteps()))
        captions = self._replace_captions(scope)
        if captions:
            counts[CAPTIONS] = sum(n for _edit, n in captions)
        self._undo = (docs, [edit for edit, _n in captions]) if counts else None
        self.undo_button.setVisible(self._undo is not None)
        self.update_highlights()
        self.status.setText(self._replaced_text(counts))
        return sum(counts.values())

    def _replace_captions(self, scope: str) -> list[tuple[CaptionEdit, int]]:
        found: dict[str, list[tuple[int, int]]] = {}
        for match in self.matches():
            if match.field == CAPTIONS:
                found.setdefault(match.use_id, []).append((match.start, match.end))
        out = []
        for use in self.fields.uses(scope):
            spans = found.get(use.id)
            if spans:
                new = replaced_caption(use, spans, self.replace_edit.text())
                out.append((CaptionEdit(use, use.caption, new), len(spans)))
                self.caption_replaced.emit(replace(use, caption=new))
        return out

    def _replaced_text(self, counts: dict[str, int]) -> str:
        total = sum(counts.values())
        if not total:
            return self.tr("%n replaced", "", 0)
        where = ", ".join(f"{self.field_label(k)} {n}" for k, n in counts.items())
        return self.tr("%n replaced: %1", "", total).replace("%1", where)

    def undo_replace_all(self) -> bool:
        """Take back the last Replace All in every field and caption; False if edited since."""
        if self._undo is None:
            return False
        docs, captions = self._undo
        self._undo = None
        self.undo_button.hide()
        intact = True
        for doc, steps in docs:
            if doc.availableUndoSteps() == steps:
                doc.undo()
            else:
                intact = False
        for edit in captions:
            use = self._use(edit.use.id)
            if use is not None and use.caption == edit.new:
                self.caption_replaced.emit(replace(use, caption=edit.old))
            else:
                intact = False
        self.update_highlights()
        self.status.setText(
            self.tr("Replace undone.")
            if intact
            else self.tr("Replace undone where nothing was edited since; use Undo in the others.")
        )
        return intact

    def update_highlights(self) -> None:
        """Mark every match in the fields of the scope and show how many there are."""
        matches = self.matches()
        by_field: dict[str, list[QTextEdit.ExtraSelection]] = {n: [] for n in self.fields.fields}
        for match in matches[:MAX_HIGHLIGHTS]:
            if match.field == CAPTIONS:
                continue
            edit = self.fields.fields[match.field]
            cursor = QTextCursor(edit.document())
            cursor.setPosition(match.start)
            cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(HIGHLIGHT)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            by_field[match.field].append(selection)
        for name, edit in self.fields.fields.items():
            edit.setExtraSelections(by_field[name] if self.isVisible() else [])
        if self.find_edit.text():
            self.status.setText(self._found_text(matches))
        else:
            self.status.clear()

    def _found_text(self, matches: list[Match]) -> str:
        if not matches:
            return self.tr("Not found")
        counts: dict[str, int] = {}
        for match in matches:
            counts[match.field] = counts.get(match.field, 0) + 1
        if len(counts) == 1:
            return self.tr("%n matches", "", len(matches))
        where = ", ".join(f"{self.field_label(k)} {n}" for k, n in counts.items())
        return self.tr("%n matches: %1", "", len(matches)).replace("%1", where)
