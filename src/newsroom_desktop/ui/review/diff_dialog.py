"""Track changes: two versions of the article in one text, insertions and deletions marked."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.diff import ArticleDiff
from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.vocabulary import CURRENT
from newsroom_desktop.ui.labels import reason_label
from newsroom_desktop.ui.review.common import set_up_reading, t, when
from newsroom_desktop.ui.review.diff_render import ANCHOR, DELETE_CSS, INSERT_CSS, render_diff
from newsroom_desktop.ui.style import DIFF_DIALOG_STYLE

Compare = Callable[[str, str], ArticleDiff]  # old id, new id -> diff
CONTEXT_PX = 72


def version_label(revision: RevisionInfo, zone: ZoneInfo) -> str:
    """Return how a version is named in the combos: "12 · submitted · Ngọc Hậu · 07/09 06:59"."""
    if revision.id == CURRENT:
        return t("Current text")
    parts = [str(revision.number), reason_label(revision.reason), revision.author,
             when(revision.created_at, zone)]  # fmt: skip
    return " · ".join(p for p in parts if p)


class DiffDialog(QDialog):
    """Compare any two versions; by default the reporter's submitted text with the current one."""

    def __init__(
        self,
        versions: Sequence[RevisionInfo],
        compare: Compare,
        zone: ZoneInfo,
        *,
        old: str,
        new: str = CURRENT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diffDialog")
        self._compare = compare
        self.diff: ArticleDiff | None = None
        self.changes = 0
        self.position = 0
        self.old_combo = QComboBox()
        self.old_combo.setObjectName("diffOld")
        self.new_combo = QComboBox()
        self.new_combo.setObjectName("diffNew")
        self._fill(versions, zone)
        self.swap = QToolButton()
        self.added = QLabel()
        self.added.setObjectName("diffAdded")
        self.removed = QLabel()
        self.removed.setObjectName("diffRemoved")
        self.view = QTextBrowser()
        set_up_reading(self.view, "diffView")
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.position_label = QLabel()
        self.position_label.setObjectName("diffPosition")
        self.legend = QLabel()
        self.close_button = QPushButton()
        self._build()
        self.setStyleSheet(DIFF_DIALOG_STYLE)
        self.retranslate()
        self.old_combo.setCurrentIndex(max(0, self.old_combo.findData(old)))
        self.new_combo.setCurrentIndex(max(0, self.new_combo.findData(new)))
        self.old_combo.currentIndexChanged.connect(self.refresh)
        self.new_combo.currentIndexChanged.connect(self.refresh)
        self.refresh()
        self.resize(920, 760)

    def _fill(self, versions: Sequence[RevisionInfo], zone: ZoneInfo) -> None:
        for combo in (self.old_combo, self.new_combo):
            combo.setMinimumWidth(280)
            for version in versions:
                combo.addItem(version_label(version, zone), version.id)

    def _build(self) -> None:
        self.from_label = QLabel()
        self.to_label = QLabel()
        choose = QHBoxLayout()
        choose.addWidget(self.from_label)
        choose.addWidget(self.old_combo, 1)
        choose.addWidget(self.swap)
        choose.addWidget(self.to_label)
        choose.addWidget(self.new_combo, 1)
        summary = QHBoxLayout()
        summary.addWidget(self.added)
        summary.addWidget(self.removed)
        summary.addSpacing(12)
        summary.addWidget(self.legend)
        summary.addStretch(1)
        summary.addWidget(self.position_label)
        summary.addWidget(self.previous_button)
        summary.addWidget(self.next_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addLayout(summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.swap.clicked.connect(self._swap)
        self.previous_button.clicked.connect(lambda: self.go_to_change(self.position - 1))
        self.next_button.clicked.connect(lambda: self.go_to_change(self.position + 1))
        self.close_button.clicked.connect(self.accept)
        self.previous_button.setShortcut("Alt+Up")
        self.next_button.setShortcut("Alt+Down")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare Revisions"))
        self.from_label.setText(self.tr("Compare"))
        self.to_label.setText(self.tr("with"))
        self.swap.setText("⇄")
        self.swap.setToolTip(self.tr("Swap the two versions"))
        self.previous_button.setText(self.tr("Previous Change"))
        self.next_button.setText(self.tr("Next Change"))
        self.legend.setText(
            f'<span style="{INSERT_CSS}">{html.escape(self.tr("inserted"))}</span>&nbsp;&nbsp;'
            f'<span style="{DELETE_CSS}">{html.escape(self.tr("deleted"))}</span>'
        )
        self.close_button.setText(self.tr("Close"))

    def old_id(self) -> str:
        return str(self.old_combo.currentData())

    def new_id(self) -> str:
        return str(self.new_combo.currentData())

    def refresh(self) -> None:
        """Compare the two chosen versions and show the result from its top."""
        self.diff = self._compare(self.old_id(), self.new_id())
        rendered = render_diff(self.diff)
        self.changes = rendered.changes
        self.view.setHtml(rendered.html)
        self.added.setText(self.tr("+%n word(s)", "", self.diff.added_words))
        self.removed.setText(self.tr("−%n word(s)", "", self.diff.removed_words))
        self.position = 0
        self._update_position()

    def go_to_change(self, number: int) -> None:
        """Scroll to the ``number``-th change (1-based), within bounds."""
        if not self.changes:
            return
        self.position = min(max(1, number), self.changes)
        self.view.scrollToAnchor(f"{ANCHOR}{self.position}")
        # Leave a few lines above the change, so that it is read in its context.
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() - CONTEXT_PX)
        self._update_position()

    def _update_position(self) -> None:
        if not self.changes:
            self.position_label.setText(self.tr("No changes"))
        elif self.position:
            self.position_label.setText(
                self.tr("Change %1 of %2")
                .replace("%1", str(self.position))
                .replace("%2", str(self.changes))
            )
        else:
            self.position_label.setText(self.tr("%n change(s)", "", self.changes))
        self.previous_button.setEnabled(self.position > 1)
        self.next_button.setEnabled(self.position < self.changes)

    def _swap(self) -> None:
        old, new = self.old_combo.currentIndex(), self.new_combo.currentIndex()
        for combo in (self.old_combo, self.new_combo):
            combo.blockSignals(True)
        self.old_combo.setCurrentIndex(new)
        self.new_combo.setCurrentIndex(old)
        for combo in (self.old_combo, self.new_combo):
            combo.blockSignals(False)
        self.refresh()

    def view_text(self) -> str:
        """Return the comparison as plain text (what the view shows)."""
        return self.view.toPlainText()
