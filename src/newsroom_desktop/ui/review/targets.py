"""Length targets: the dialog that sets them, and the bars that show under, near or over."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.targets import LengthInfo, LengthStatus, length_status
from newsroom_desktop.core.text import char_count, clean_line
from newsroom_desktop.ui.review.common import t
from newsroom_desktop.ui.style import LENGTH_COUNT_STYLE

COLOURS: dict[str, str] = {
    "under": "#8a8f98",
    "near": "#1a7f37",
    "over": "#cf222e",
    "none": "#8a8f98",
}
# The bar runs to this share of the target, so that "over" has room to show.
BAR_SPAN = 1.25


def status_text(status: str) -> str:
    """Return the translated word for where a length stands against its target."""
    names = {"under": t("under target"), "near": t("on target"), "over": t("over target")}
    return names.get(status, "")


class LengthBar(QWidget):
    """A thin bar: the length against its target (tick), grey under, green near, red over."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: LengthInfo | None = None
        self.setFixedSize(QSize(90, 14))

    def show_length(self, info: LengthInfo | None) -> None:
        self.info = info
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        info = self.info
        if info is None or not info.target:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(0, self.height() / 2 - 3, self.width(), 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e4e7ec"))
        painter.drawRoundedRect(track, 3, 3)
        share = min(info.value / (info.target * BAR_SPAN), 1.0)
        painter.setBrush(QColor(COLOURS[info.status]))
        painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * share, 6), 3, 3)
        tick = track.width() / BAR_SPAN
        painter.setBrush(QColor("#1d2330"))
        painter.drawRect(QRectF(tick - 0.75, track.top() - 3, 1.5, 12))
        painter.end()


class LengthIndicator(QWidget):
    """The status bar's target: a bar and "640 / 800 words"; hidden without a word target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lengthIndicator")
        self.bar = LengthBar()
        self.label = QLabel()
        self.label.setObjectName("lengthLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.target: int | None = None
        self.status: LengthStatus = "none"
        self.setVisible(False)

    def show_words(self, words: int, target: int | None) -> None:
        """Show ``words`` against ``target`` (None hides the indicator)."""
        self.target = target or None
        self.status = length_status(words, self.target)
        self.setVisible(self.target is not None)
        if self.target is None:
            return
        info = LengthInfo("words", "words", words, self.target, self.status)
        self.bar.show_length(info)
        difference = words - self.target
        self.label.setText(
            self.tr("target %1 (%2)")
            .replace("%1", str(self.target))
            .replace("%2", f"{difference:+d}")
        )
        self.label.setStyleSheet(f"color: {COLOURS[self.status]};")
        self.setToolTip(
            self.tr("%1 of %2 words: %3")
            .replace("%1", str(words))
            .replace("%2", str(self.target))
            .replace("%3", status_text(self.status))
        )


class LengthWatch(QObject):
    """Keeps the editor's counts and the status bar in step with the open article's targets."""

    def __init__(self, editor: Any, indicator: LengthIndicator, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.indicator = indicator
        self.target_words: int | None = None
        self.words = 0
        for label in (editor.headline_count, editor.lead_count):
            label.setStyleSheet(LENGTH_COUNT_STYLE)
        editor.counts_changed.connect(self._on_counts)
        editor.headline.text_changed.connect(lambda text: self._mark(editor.headline_count, text))
        editor.lead.text_changed.connect(lambda text: self._mark(editor.lead_count, text))

    def show_article(self, doc: ArticleDoc | None) -> None:
        """Take the targets of the article just loaded (None: no article)."""
        self.target_words = doc.target_words if doc else None
        self.words = doc.word_count if doc else 0
        self.indicator.show_words(self.words, self.target_words)
        self._mark(self.editor.headline_count, self.editor.headline.toPlainText())
        self._mark(self.editor.lead_count, self.editor.lead.toPlainText())

    def _on_counts(self, words: int, _chars: int) -> None:
        self.words = words
        self.indicator.show_words(words, self.target_words)

    @staticmethod
    def _mark(label: QLabel, text: str) -> None:
        status = length_status(char_count(clean_line(text)), getattr(label, "target", None))
        if label.property("length") != status:
            label.setProperty("length", status)
            label.style().unpolish(label)
            label.style().polish(label)
        label.setToolTip(status_text(status))


def _spin(maximum: int, step: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setSpecialValueText(t("No target"))
    box.setMinimumWidth(150)
    return box


class TargetsDialog(QDialog):
    """Set the article's length targets: words, headline and lead characters (0: none)."""

    def __init__(self, doc: ArticleDoc, words_now: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsDialog")
        self.setWindowTitle(self.tr("Length Targets"))
        self.words = _spin(20000, 50, self.tr(" words"))
        self.headline = _spin(500, 5, self.tr(" characters"))
        self.lead = _spin(2000, 10, self.tr(" characters"))
        self.words.setValue(doc.target_words or 0)
        self.headline.setValue(doc.target_headline_chars or 0)
        self.lead.setValue(doc.target_lead_chars or 0)
        intro = QLabel(
            self.tr(
                "How long the slot for this article is. The counts turn green near the "
                "target and red over it."
            )
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._form((words_now, char_count(doc.headline), char_count(doc.lead))))
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _form(self, now: tuple[int, int, int]) -> QFormLayout:
        """Lay out the three targets, each beside the length it has now."""
        form = QFormLayout()
        rows = (
            (self.tr("Article length"), self.words),
            (self.tr("Headline"), self.headline),
            (self.tr("Lead"), self.lead),
        )
        for (label, box), value in zip(rows, now, strict=True):
            row = QHBoxLayout()
            row.addWidget(box)
            current = QLabel(self.tr("now %1").replace("%1", str(value)))
            current.setStyleSheet("color: #5b6270;")
            row.addWidget(current)
            row.addStretch(1)
            form.addRow(label, row)
        return form

    def values(self) -> dict[str, int | None]:
        """Return the targets as ArticleService.save takes them (None: no target)."""
        return {
            "target_words": self.words.value() or None,
            "target_headline_chars": self.headline.value() or None,
            "target_lead_chars": self.lead.value() or None,
        }
