"""Revision history: each saved version, who made it, when and why; read it or restore it."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.vocabulary import CURRENT
from newsroom_desktop.core.workflow_rules import STATUS_COLOURS as _WORKFLOW_COLOURS
from newsroom_desktop.core.workflow_rules import TRANSITIONS, StatusEventInfo
from newsroom_desktop.ui.labels import reason_label, role_label, status_label
from newsroom_desktop.ui.review.common import set_up_reading, t, when
from newsroom_desktop.ui.style import HISTORY_STYLE

Images = Callable[[str], QImage | None]  # photo use id -> thumbnail
PHOTO_SCHEME = "photo"
PREVIEW_IMAGE_WIDTH = 420
# Revisions the workflow wrote (submit, approve...) stand out in the list: they are the ones
# an editor looks for when comparing.
MILESTONES = {t.action: _WORKFLOW_COLOURS[t.target] for t in TRANSITIONS}
ID_ROLE = 256
ROW_PADDING = 8


def revision_title(revision: RevisionInfo, zone: ZoneInfo) -> str:
    """Return "Revision 12 · approved · Phương Nam · 07/09/2021 06:59"."""
    if revision.id == CURRENT:
        return t("Current text · last saved %1").replace("%1", when(revision.created_at, zone))
    parts = [
        t("Revision %1").replace("%1", str(revision.number)),
        reason_label(revision.reason),
        revision.author,
        when(revision.created_at, zone),
    ]
    return " · ".join(p for p in parts if p)


def revision_html(revision: RevisionInfo, images: Images) -> str:
    """Render a revision as the reader sees it: section, headline, lead, body, photos, byline."""
    captions = dict(revision.captions)

    def figure(use_id: str, alt: str) -> str:
        caption = html.escape(captions.get(use_id, ""))
        if images(use_id) is not None:
            picture = (
                f'<p align="center"><img src="{PHOTO_SCHEME}:{html.escape(use_id)}"'
                f' width="{PREVIEW_IMAGE_WIDTH}" alt="{html.escape(alt)}"></p>'
            )
        else:
            picture = f'<p align="center" style="color:#7a8290">[{html.escape(t("Photo"))}]</p>'
        return f'{picture}<p align="center" style="color:#5b6270"><i>{caption}</i></p>\n'

    parts = []
    if revision.section:
        parts.append(
            f'<p style="color:#5b6270; font-size:9pt; font-weight:600">'
            f"{html.escape(revision.section.upper())}</p>"
        )
    headline = (
        html.escape(revision.headline) or f'<span style="color:#9aa0a6">{t("(no headline)")}</span>'
    )
    parts.append(f'<h1 style="font-size:19pt">{headline}</h1>')
    if revision.lead:
        parts.append(f"<p><b>{html.escape(revision.lead)}</b></p>")
    parts.append(body_md.render_html(revision.body, figure))
    if revision.byline:
        parts.append(f'<p align="right"><b>{html.escape(revision.byline)}</b></p>')
    return "\n".join(parts)


def event_row(event: StatusEventInfo, zone: ZoneInfo) -> list[str]:
    """Return a status change as the history lists it: when, who, the step, the note."""
    step = f"{status_label(event.from_status)} → {status_label(event.to_status)}"
    who = f"{event.actor} ({role_label(event.actor_role)})" if event.actor_role else event.actor
    return [when(event.created_at, zone), who, step, " ".join(event.note.split())]


class _RoomyRows(QStyledItemDelegate):
    """Gives each revision row a little air, so that a long history stays easy to scan."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)


class RevisionView(QTextBrowser):
    """A read-only view of one revision, with the article's photo thumbnails."""

    def __init__(self, images: Images, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_up_reading(self, "revisionView")
        self._images = images
        self.revision: RevisionInfo | None = None

    def show_revision(self, revision: RevisionInfo | None) -> None:
        self.revision = revision
        self.setHtml(revision_html(revision, self._images) if revision else "")

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = QUrl(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == PHOTO_SCHEME:
            image = self._images(url.path())
            if image is not None:
                return image
        return super().loadResource(kind, name)


class HistoryDialog(QDialog):
    """Lists the revisions, newest first; shows the chosen one read-only; restores or compares."""

    restore_requested = Signal(str)  # revision id
    compare_requested = Signal(str, str)  # old, new ("current" for the text now)

    def __init__(
        self,
        revisions: Sequence[RevisionInfo],
        zone: ZoneInfo,
        images: Images,
        *,
        can_restore: bool,
        events: Sequence[StatusEventInfo] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.zone = zone
        self.revisions: list[RevisionInfo] = []
        self.list = QTreeWidget()
        self.list.setObjectName("revisionList")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setItemDelegate(_RoomyRows(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The workflow's steps, as `newsroom status` lists them: who moved it, when and why.
        self.events_label = QLabel()
        self.events_label.setObjectName("workflowEventsTitle")
        self.events = QTreeWidget()
        self.events.setObjectName("workflowEvents")
        self.events.setRootIsDecorated(False)
        self.events.setAlternatingRowColors(True)
        self.events.setWordWrap(True)
        self.events.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.header = QLabel()
        self.header.setObjectName("revisionHeader")
        self.header.setWordWrap(True)
        self.read_only = QLabel()
        self.read_only.setObjectName("readOnlyTag")
        self.view = RevisionView(images)
        self.compare_current = QPushButton()
        self.compare_previous = QPushButton()
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreRevision")
        self.close_button = QPushButton()
        self.can_restore = can_restore
        self._build()
        self.setStyleSheet(HISTORY_STYLE)
        self.retranslate()
        self.show_revisions(revisions)
        self.show_events(events)
        self.resize(1100, 720)

    def _build(self) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.read_only)
        right_layout.addLayout(head)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([430, 670])
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        for button in (self.compare_current, self.compare_previous):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        # The workflow's steps across the whole width, under the revisions and the text.
        steps = QWidget()
        steps_layout = QVBoxLayout(steps)
        steps_layout.setContentsMargins(0, 4, 0, 0)
        steps_layout.addWidget(self.events_label)
        steps_layout.addWidget(self.events, 1)
        page = QSplitter(Qt.Orientation.Vertical)
        page.addWidget(splitter)
        page.addWidget(steps)
        page.setSizes([500, 170])
        page.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(page, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.compare_current.clicked.connect(self._compare_current)
        self.compare_previous.clicked.connect(self._compare_previous)
        self.restore_button.clicked.connect(self._restore)
        self.close_button.clicked.connect(self.accept)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Revision History"))
        self.list.setHeaderLabels([self.tr("No."), self.tr("Why"), self.tr("Who"), self.tr("When")])
        self.events_label.setText(self.tr("Workflow"))
        self.events.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Step"), self.tr("Note")]
        )
        self.read_only.setText(self.tr("Read-only"))
        self.compare_current.setText(self.tr("Compare with Current Text"))
        self.compare_previous.setText(self.tr("Compare with Previous"))
        self.restore_button.setText(self.tr("Restore This Revision…"))
        self.restore_button.setToolTip(
            self.tr("Make this the current text; the text now is kept as a revision")
            if self.can_restore
            else self.tr("You cannot change this article now, so you cannot restore a revision")
        )
        self.close_button.setText(self.tr("Close"))

    def show_revisions(self, revisions: Sequence[RevisionInfo]) -> None:
        """Show ``revisions`` (newest first) and select the newest."""
        self.revisions = list(revisions)
        self.list.clear()
        for revision in self.revisions:
            current = revision.id == CURRENT
            item = QTreeWidgetItem(
                [
                    "" if current else str(revision.number),
                    self.tr("current text") if current else reason_label(revision.reason),
                    revision.author,
                    when(revision.created_at, self.zone),
                ]
            )
            item.setData(0, ID_ROLE, revision.id)
            colour = MILESTONES.get(revision.reason)
            if colour:
                item.setForeground(1, QColor(colour))
                font = item.font(1)
                font.setWeight(QFont.Weight.DemiBold)
                item.setFont(1, font)
            self.list.addTopLevelItem(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)
        top = self.list.topLevelItem(0)
        if top is not None:
            self.list.setCurrentItem(top)
        self._show_current()

    def show_events(self, events: Sequence[StatusEventInfo]) -> None:
        """Show the article's status changes, newest first, with each note in full."""
        self.events.clear()
        for event in reversed(events):
            item = QTreeWidgetItem(event_row(event, self.zone))
            item.setToolTip(3, event.note)
            colour = _WORKFLOW_COLOURS.get(event.to_status)
            if colour:
                item.setForeground(2, QColor(colour))
            self.events.addTopLevelItem(item)
        for column in range(3):
            self.events.resizeColumnToContents(column)

    def current_revision(self) -> RevisionInfo | None:
        item = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        return self.revisions[row] if 0 <= row < len(self.revisions) else None

    def select_revision(self, revision_id: str) -> bool:
        """Select the revision with this id; return False if it is not listed."""
        row = next((i for i, r in enumerate(self.revisions) if r.id == revision_id), -1)
        item = self.list.topLevelItem(row) if row >= 0 else None
        if item is not None:
            self.list.setCurrentItem(item)
        return item is not None

    def _show_current(self) -> None:
        revision = self.current_revision()
        self.view.show_revision(revision)
        self.header.setText(revision_title(revision, self.zone) if revision else "")
        has = revision is not None
        row = self.revisions.index(revision) if revision else -1
        self.compare_previous.setEnabled(has and row + 1 < len(self.revisions))
        is_current = revision is not None and revision.id == CURRENT
        self.compare_current.setEnabled(has and not is_current)
        self.restore_button.setEnabled(has and self.can_restore and not is_current)

    def _compare_current(self) -> None:
        revision = self.current_revision()
        if revision is not None:
            self.compare_requested.emit(revision.id, "current")

    def _compare_previous(self) -> None:
        revision = self.current_revision()
        if revision is None:
            return
        row = self.revisions.index(revision)
        if row + 1 < len(self.revisions):
            self.compare_requested.emit(self.revisions[row + 1].id, revision.id)

    def _restore(self) -> None:
        revision = self.current_revision()
        if revision is not None and self.can_restore:
            self.restore_requested.emit(revision.id)
