"""The article fields above the body: labelled fields, fields that wrap and grow, live counts."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.text import char_count, clean_line
from newsroom_desktop.ui.editor.ime import PreeditCommitMixin
from newsroom_desktop.ui.editor.track_changes import text_without_deletions


class FieldLineEdit(PreeditCommitMixin, QLineEdit):
    """A line edit that keeps the input method's pending word (byline, tags)."""


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text box as tall as its wrapped text: never an inner scrollbar, never a cut line."""

    def __init__(self, min_lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min_lines = min_lines
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def wanted_height(self) -> int:
        """Return the height that shows every wrapped line of the text whole."""
        # The laid-out lines, not lines × lineSpacing: a fallback font for a Vietnamese mark
        # below the line (the dot of "ộ") can make a line taller than the field's font says.
        text_height = 0.0
        block = self.document().begin()
        while block.isValid():
            text_height += self.blockBoundingRect(block).height()
            block = block.next()
        lines = max(self._min_lines, 1)
        text_height = max(text_height, lines * self.fontMetrics().lineSpacing())
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        frame = 2 * self.document().documentMargin()
        return math.ceil(text_height + frame) + margins + 1

    def _fit(self) -> None:
        height = self.wanted_height()
        if height != self.height() or height != self.minimumHeight():
            self.setFixedHeight(height)
        if self.verticalScrollBar().value():
            self.verticalScrollBar().setValue(0)  # a field that fits never scrolls inside

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


class WrappingLineEdit(PreeditCommitMixin, GrowingTextEdit):
    """A one-line field that wraps and grows with its text (headline, lead): Enter moves on."""

    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(1, parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().setDocumentMargin(2)
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        """Return the field's value as one clean line (tracked deleted text left out)."""
        return clean_line(text_without_deletions(self.document()))

    def set_text(self, text: str) -> None:
        """Replace the value; not undoable."""
        self.setPlainText(text)

    def _changed(self) -> None:
        self.text_changed.emit(text_without_deletions(self.document()))

    def set_font(self, font: QFont) -> None:
        """Use ``font`` and fit the height to it."""
        self.setFont(font)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.textCursor().insertText(clean_line(source.text()))


class FieldRow(QWidget):
    """Labelled fields side by side while each shows its whole text; rows wrap when they do not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: list[tuple[QLabel, QWidget]] = []
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(6)
        self._arranged: list[int] = []
        self._needs: list[int] = []

    def add_field(self, label_text: str, field: QWidget) -> QLabel:
        """Add ``field`` under a label (the field's buddy: Alt+its letter focuses it)."""
        label = QLabel(label_text, self)
        label.setObjectName("FieldLabel")
        label.setBuddy(field)
        self._fields.append((label, field))
        line = field.lineEdit() if isinstance(field, QComboBox) else field
        if isinstance(line, QLineEdit):
            line.textChanged.connect(self._arrange)
        self._arranged = []
        self._arrange()
        return label

    def row_lengths(self) -> list[int]:
        """Return how many fields stand in each row, top to bottom."""
        return list(self._arranged)

    def needed_width(self, index: int) -> int:
        """Return the width field ``index`` needs to show its whole text (or placeholder)."""
        label, field = self._fields[index]
        line = field.lineEdit() if isinstance(field, QComboBox) else field
        text = (line.text() or line.placeholderText()) if isinstance(line, QLineEdit) else ""
        extra = 52 if isinstance(field, QComboBox) else 26  # padding, frame and the arrow
        own = field.fontMetrics().horizontalAdvance(text) + extra
        return max(label.sizeHint().width(), own, 90)

    def _plan(self) -> list[int]:
        spacing = 8
        rows: list[int] = []
        used = 0
        for index in range(len(self._fields)):
            need = self.needed_width(index)
            if rows and used + spacing + need <= self.width():
                rows[-1] += 1
                used += spacing + need
            else:
                rows.append(1)
                used = need
        return rows

    def _arrange(self) -> None:
        plan = self._plan()
        needs = [self.needed_width(index) for index in range(len(self._fields))]
        if plan == self._arranged and needs == self._needs:
            return
        self._arranged, self._needs = plan, needs
        while (item := self._rows.takeAt(0)) is not None:
            row = item.layout()
            while row is not None and (cell := row.takeAt(0)) is not None:
                cell_layout = cell.layout()
                while cell_layout is not None and cell_layout.takeAt(0) is not None:
                    pass
                if cell_layout is not None:
                    cell_layout.deleteLater()
            if row is not None:
                row.deleteLater()
        fields = iter(zip(self._fields, needs, strict=True))
        for count in plan:
            row_layout = QHBoxLayout()
            row_layout.setSpacing(8)
            for (label, field), need in (next(fields) for _ in range(count)):
                cell = QVBoxLayout()
                cell.setSpacing(2)
                cell.addWidget(label)
                cell.addWidget(field)
                # Shares in proportion to need: a row that fits them all gives each its need.
                # (Minimum widths would hold the page wide and the row could never wrap.)
                row_layout.addLayout(cell, need)
            self._rows.addLayout(row_layout)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()


class CountLabel(QLabel):
    """A small live count of characters, red when over the target length."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Count")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.target: int | None = None
        self.count = 0
        self._over = False

    def show_count(self, text: str) -> None:
        """Show the character count of ``text`` against the target."""
        self.count = char_count(clean_line(text))
        if self.target:
            label = self.tr("%1 / %2 characters").replace("%1", str(self.count))
            self.setText(label.replace("%2", str(self.target)))
        else:
            self.setText(self.tr("%n characters", "", self.count))
        over = bool(self.target) and self.count > (self.target or 0)
        if self._over != over:
            self._over = over
            self.setProperty("over", over)
            self.style().unpolish(self)
            self.style().polish(self)
