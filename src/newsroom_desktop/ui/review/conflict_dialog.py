"""Resolve a sync conflict: both versions side by side, a choice per difference, the result."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.conflicts import (
    CHOICES,
    DEFAULT_CHOICE,
    Choice,
    ChunkKey,
    ConflictSide,
    conflict_chunks,
    merge,
)
from newsroom_desktop.core.text import nfc
from newsroom_desktop.ui.labels import field_label
from newsroom_desktop.ui.review.common import t
from newsroom_desktop.ui.review.conflict_rows import (
    SHORTCUTS,
    ChoiceRow,
    choice_label,
    reading_font,
    same_row,
)
from newsroom_desktop.ui.style import CONFLICT_DIALOG_STYLE

TextEdit = QLineEdit | QPlainTextEdit
# From the scroll area's edge to a row's text panes: frame, row border and margin.
ROW_INSET = 17
SPLIT = (440, 250)  # the comparison above, the result below


class ConflictDialog(QDialog):
    """Choose, difference by difference, between this desk's version and the server's."""

    def __init__(self, ours: ConflictSide, theirs: ConflictSide, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.chunks = conflict_chunks(ours, theirs)
        self.choices: dict[ChunkKey, Choice] = {
            key: DEFAULT_CHOICE for key, _ in self.chunks.differing()
        }
        self.rows: list[ChoiceRow] = []
        self.current = 0
        self._merged = merge(self.chunks, self.choices)
        self.result_edits: dict[str, TextEdit] = {
            "headline": QLineEdit(),
            "lead": QPlainTextEdit(),
            "body": QPlainTextEdit(),
        }
        self.result_state = QLabel()
        self.use_button = QPushButton(t("&Use the result"))
        self.later_button = QPushButton(t("&Decide later"))
        self.setWindowTitle(
            t("Resolve the conflict — %1").replace("%1", theirs.headline or ours.headline)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._compare_area(ours, theirs))
        splitter.addWidget(self._result_area())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes(list(SPLIT))
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())
        self._build_actions()
        self.setStyleSheet(CONFLICT_DIALOG_STYLE)
        self._fill_result()
        self._set_current(0)
        self.resize(1100, 750)

    # --- building --------------------------------------------------------------------------

    def _intro(self) -> QLabel:
        count = len(self.chunks.differing())
        text = t(
            "This article was changed on this desk and on the server while they were apart. "
            "Choose a version for each difference, or edit the result below."
        )
        intro = QLabel(f"<b>{t('%n difference(s)', '', count)}</b> · {text}")
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        return intro

    def _column_headers(self, ours: ConflictSide, theirs: ConflictSide) -> QWidget:
        header = QWidget()
        grid = QGridLayout(header)
        # Keep the labels above the panes: the rows sit inside the frame, beside its scroll bar.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        grid.setContentsMargins(ROW_INSET, 0, ROW_INSET + bar, 0)
        grid.setHorizontalSpacing(12)
        for column, (name, side) in enumerate((("conflictOursLabel", ours),
                                              ("conflictTheirsLabel", theirs))):  # fmt: skip
            label = QLabel(side.label)
            label.setObjectName(name)
            grid.addWidget(label, 0, column)
            grid.setColumnStretch(column, 1)
        return header

    def _compare_area(self, ours: ConflictSide, theirs: ConflictSide) -> QWidget:
        inner = QWidget()
        inner.setObjectName("conflictRows")
        rows = QVBoxLayout(inner)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        for key, chunk in self.chunks.keyed():
            if not chunk.differs:
                rows.addWidget(same_row(key, chunk))
                continue
            row = ChoiceRow(key, chunk, self.choices[key])
            row.chosen.connect(lambda choice, k=key: self._choose(k, choice))
            row.entered.connect(lambda k=key: self._set_current(self._index(k)))
            self.rows.append(row)
            rows.addWidget(row)
        rows.addStretch(1)
        self.rows_area = QScrollArea()
        self.rows_area.setObjectName("conflictScroll")
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.rows_area.setWidget(inner)
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._column_headers(ours, theirs))
        layout.addWidget(self.rows_area, 1)
        return area

    def _result_area(self) -> QWidget:
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 6, 0, 0)
        title = QHBoxLayout()
        heading = QLabel(t("Result"))
        heading.setObjectName("conflictResultTitle")
        self.result_state.setObjectName("conflictResultState")
        title.addWidget(heading)
        title.addWidget(self.result_state)
        title.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, edit in self.result_edits.items():
            edit.setObjectName(f"result_{name}")
            edit.setFont(reading_font())
            if isinstance(edit, QPlainTextEdit):
                edit.setTabChangesFocus(True)
                edit.textChanged.connect(self._show_state)
            else:
                edit.textEdited.connect(self._show_state)
            label = QLabel(field_label(name))
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.result_edits["lead"].setMaximumHeight(56)
        layout.addLayout(title)
        layout.addLayout(form, 1)
        return area

    def _buttons(self) -> QHBoxLayout:
        hint = QLabel(
            t("Alt+↑ / Alt+↓: previous / next difference · %1 / %2 / %3: %4 / %5 / %6")
            .replace("%1", SHORTCUTS["ours"]).replace("%2", SHORTCUTS["theirs"])
            .replace("%3", SHORTCUTS["both"]).replace("%4", choice_label("ours"))
            .replace("%5", choice_label("theirs")).replace("%6", choice_label("both"))
        )  # fmt: skip
        hint.setObjectName("conflictHint")
        self.use_button.setObjectName("conflictUse")
        self.use_button.setDefault(True)
        self.later_button.setObjectName("conflictLater")
        self.later_button.setAutoDefault(False)
        self.use_button.clicked.connect(self.accept)
        self.later_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.later_button)
        bottom.addWidget(self.use_button)
        return bottom

    def _build_actions(self) -> None:
        keys: list[tuple[str, object]] = [
            ("Alt+Up", lambda: self.go_to(self.current - 1)),
            ("Alt+Down", lambda: self.go_to(self.current + 1)),
            *((SHORTCUTS[c], partial(self.choose_current, c)) for c in CHOICES),
        ]
        for key, slot in keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)

    # --- choosing ----------------------------------------------------------------------------

    def _choose(self, key: ChunkKey, choice: Choice) -> None:
        self.choices[key] = choice
        self._set_current(self._index(key))
        self._remerge()

    def _index(self, key: ChunkKey) -> int:
        return next(n for n, row in enumerate(self.rows) if row.key == key)

    def choose(self, key: ChunkKey, choice: Choice) -> None:
        """Take ``choice`` for the difference ``key`` and rewrite the result (undoably)."""
        self.rows[self._index(key)].set_choice(choice)
        self._choose(key, choice)

    def choose_current(self, choice: Choice) -> None:
        if self.rows:
            self.choose(self.rows[self.current].key, choice)

    def go_to(self, number: int) -> None:
        """Make the ``number``-th difference (0-based, within bounds) current and show it."""
        if not self.rows:
            return
        self._set_current(min(max(0, number), len(self.rows) - 1))
        row = self.rows[self.current]
        self.rows_area.ensureWidgetVisible(row, 0, 24)
        row.focus_choice()

    def _set_current(self, number: int) -> None:
        self.current = number
        for n, row in enumerate(self.rows):
            row.set_current(n == number)

    # --- the result --------------------------------------------------------------------------

    def _fill_result(self) -> None:
        for name, edit in self.result_edits.items():
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(self._merged[name])
            else:
                edit.setText(self._merged[name])
        self._show_state()

    def _remerge(self) -> None:
        """Rewrite the fields whose merge changed; a hand edit elsewhere stays, Ctrl+Z undoes."""
        merged = merge(self.chunks, self.choices)
        for name, edit in self.result_edits.items():
            if merged[name] != self._merged[name]:
                _replace_undoably(edit, merged[name])
        self._merged = merged
        self._show_state()

    def _show_state(self) -> None:
        edited = any(self._text(name) != self._merged[name] for name in self.result_edits)
        self.result_state.setText(t("edited by hand") if edited else "")

    def _text(self, name: str) -> str:
        edit = self.result_edits[name]
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def resolved(self) -> dict[str, str]:
        """Return the headline, lead and body of the result, as shown (hand edits included)."""
        return {name: nfc(self._text(name).strip()) for name in self.result_edits}


def _replace_undoably(edit: TextEdit, text: str) -> None:
    """Replace an edit's text as one step of its undo history (setText would clear it)."""
    if isinstance(edit, QLineEdit):
        edit.selectAll()
        edit.insert(text)
        return
    cursor = QTextCursor(edit.document())
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()
