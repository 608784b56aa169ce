"""The article fields above the body: one-line fields that wrap, and live character counts."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from newsroom_desktop.core.text import char_count, clean_line
from newsroom_desktop.ui.editor.ime import PreeditCommitMixin


class FieldLineEdit(PreeditCommitMixin, QLineEdit):
    """A line edit that keeps the input method's pending word (byline, tags)."""


class WrappingLineEdit(PreeditCommitMixin, QPlainTextEdit):
    """A one-line field that wraps and grows to fit (headline, lead): Enter moves on."""

    text_changed = Signal(str)

    def __init__(self, max_lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(2)
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        """Return the field's value as one clean line."""
        return clean_line(self.toPlainText())

    def set_text(self, text: str) -> None:
        """Replace the value; not undoable."""
        self.setPlainText(text)

    def _changed(self) -> None:
        self._fit()
        self.text_changed.emit(self.toPlainText())

    def _fit(self) -> None:
        lines = max(1, min(self._max_lines, int(self.document().size().height())))
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        self.setFixedHeight(lines * line + margins + 2 * int(self.document().documentMargin()))

    def set_font(self, font: QFont) -> None:
        """Use ``font`` and fit the height to it."""
        self.setFont(font)
        self._fit()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.textCursor().insertText(clean_line(source.text()))


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
