"""The open article's sync strip: two versions kept (Resolve…), who has it checked out, notices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.changes import ELSEWHERE, Changes
from newsroom_desktop.core.conflicts import ConflictSide
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.ops import Operation, Progress
from newsroom_desktop.ui.review.common import when
from newsroom_desktop.ui.review.conflict_dialog import ConflictDialog
from newsroom_desktop.ui.services import Services
from newsroom_desktop.ui.sync_desk import SyncDesk

EDITORS = frozenset({"editor", "admin"})
MESSAGE_MS = 5000

SYNC_STRIP_STYLE = """
#syncStrip { background: #ffffff; border-bottom: 1px solid #eceef2; }
#syncStrip[kind="conflict"] { background: #fdecea; border-bottom: 1px solid #f3c2bd; }
#syncStrip[kind="lease"] { background: #fff8eb; border-bottom: 1px solid #f2d3a2; }
QLabel#syncConflict { color: #8c1d18; font-weight: 600; }
QLabel#syncLease { color: #7a4500; }
QLabel#syncNotice { color: #1d3f7a; }
#syncStrip QPushButton { border: 1px solid #c9ced6; border-radius: 5px; padding: 3px 10px;
    background: #ffffff; color: #1d2330; }
#syncStrip QPushButton:hover { background: #eef1f6; }
#syncStrip QPushButton#resolveConflict { background: #b42318; border-color: #b42318;
    color: #ffffff; font-weight: 600; }
#syncStrip QPushButton#resolveConflict:hover { background: #9a1e14; }
"""


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class SyncStrip(QWidget):
    """Above the article on a synced desk: what sync kept aside, and who is editing it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.conflict = QLabel()
        self.conflict.setObjectName("syncConflict")
        self.resolve = _button("resolveConflict")
        self.lease = QLabel()
        self.lease.setObjectName("syncLease")
        self.check_out = _button("checkOut")
        self.check_in = _button("checkIn")
        self.break_lease = _button("breakCheckOut")
        self.notice = QLabel()
        self.notice.setObjectName("syncNotice")
        self.notice.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(8)
        for widget in (self.conflict, self.resolve, self.lease):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.check_out, self.check_in, self.break_lease):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 6, 24, 4)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        self.setStyleSheet(SYNC_STRIP_STYLE)
        self.retranslate()
        self.show_info(None, me="", editor=False)

    def retranslate(self) -> None:
        self.conflict.setText("⚠ " + self.tr("In conflict: two versions kept"))
        self.resolve.setText(self.tr("Resolve…"))
        self.resolve.setToolTip(self.tr("Compare the two versions and choose what stays"))
        self.check_out.setText(self.tr("Check out"))
        self.check_out.setToolTip(self.tr("Tell the other desks that you are editing this article"))
        self.check_in.setText(self.tr("Check in"))
        self.break_lease.setText(self.tr("Break check-out"))

    def show_info(self, info: Any, *, me: str, editor: bool) -> None:
        """Show an article's sync state (None: none, the strip hides)."""
        conflicted = bool(info and info.conflicts)
        lease_by = info.lease_by if info else ""
        for widget in (self.conflict, self.resolve):
            widget.setVisible(conflicted)
        self.lease.setVisible(bool(lease_by))
        mine = bool(lease_by) and lease_by == me
        self.lease.setText("✎ " + (
            self.tr("Checked out to you") if mine
            else self.tr("Being edited by %1").replace("%1", lease_by)
        ))  # fmt: skip
        self.check_out.setVisible(editor and not lease_by and info is not None)
        self.check_in.setVisible(mine)
        self.break_lease.setVisible(editor and bool(lease_by) and not mine)
        self.notice.setText(info.notice if info else "")
        self.notice.setVisible(bool(info and info.notice))
        self._set_kind("conflict" if conflicted else "lease" if lease_by else "")
        self.setVisible(conflicted or bool(lease_by) or bool(info and info.notice) or (
            editor and info is not None))  # fmt: skip

    def _set_kind(self, kind: str) -> None:
        if self.property("kind") != kind:
            self.setProperty("kind", kind)
            self.style().unpolish(self)
            self.style().polish(self)


class SyncArticleController(QObject):
    """Shows the open article's sync state and resolves it: conflicts and check-outs."""

    def __init__(
        self, services: Services, desk: SyncDesk, *, editor: Any, menu: QMenu | None = None
    ) -> None:
        super().__init__(services.parent)
        self.services = services
        self.newsroom = services.newsroom
        self.session = services.session
        self.desk = desk
        self.strip = SyncStrip()
        editor.add_top_bar(self.strip)
        self.operation: Operation | None = None
        self.strip.resolve.clicked.connect(self.resolve)
        self.strip.check_out.clicked.connect(lambda: self._lease("check_out"))
        self.strip.check_in.clicked.connect(lambda: self._lease("release"))
        self.strip.break_lease.clicked.connect(lambda: self._lease("release"))
        self.resolve_action = QAction(self.tr("Resol&ve Conflict…"), services.parent)
        self.resolve_action.setObjectName("action_resolve_conflict")
        self.resolve_action.triggered.connect(self.resolve)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.resolve_action)
        self.session.loaded.connect(self.show_article)
        services.changes.changed.connect(self._on_changes)
        desk.synced.connect(lambda: self.show_article(self.session.doc))
        self.show_article(self.session.doc)

    def show_article(self, doc: ArticleDoc | None) -> None:
        """Show ``doc``'s conflicts and check-out (a desk not joined shows nothing)."""
        info = None
        if doc is not None and self.desk.joined:
            try:
                info = self.newsroom.sync.article_info(doc.id)
            except NewsroomError:
                info = None
        actor = self.newsroom.actor
        self.strip.show_info(info, me=actor.name, editor=actor.role in EDITORS)
        self.resolve_action.setEnabled(bool(info and info.conflicts))

    def _on_changes(self, changes: Changes) -> None:
        doc = self.session.doc
        if doc is not None and changes.touches(doc.id):
            self.show_article(self.session.doc)

    # -- conflicts -----------------------------------------------------------------------

    def resolve(self) -> None:
        """Compare the kept version with the current text; save what the person chooses."""
        doc = self.session.doc
        if doc is None or not self.session.flush():
            return  # nothing of the editor's is lost: unsaved text would be overwritten
        versions = self._call(lambda: self.newsroom.sync.conflict(doc.id))
        if versions is None:
            self.show_article(doc)
            return
        ours, theirs = self.sides(versions)
        dialog = ConflictDialog(ours, theirs, self.services.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fields = dialog.resolved()
        cid = versions.conflict_id
        if self._call(lambda: self.newsroom.sync.resolve(doc.id, cid, fields)) is None:
            return
        self.session.reload()
        self._publish(doc.id)
        self.services.status(self.tr("Conflict resolved; the next sync sends it."), MESSAGE_MS)
        self.desk.refresh()
        self.desk.soon()

    def sides(self, versions: Any) -> tuple[ConflictSide, ConflictSide]:
        """Return the kept version and the current text as the dialog names them."""
        zone = self.newsroom.zone
        kept, current = versions.kept, versions.current
        kept_at = when(kept.created_at, zone)
        if versions.kept_is_mine:
            label = self.tr("Your version · %1").replace("%1", kept_at)
        else:
            label = self.tr("%1's version · %2").replace("%1", kept.author).replace("%2", kept_at)
        current_label = (
            self.tr("Current text · %1 · %2")
            .replace("%1", current.author or "—")
            .replace("%2", when(current.created_at, zone))
        )
        return (
            ConflictSide(label, kept.headline, kept.lead, kept.body),
            ConflictSide(current_label, current.headline, current.lead, current.body),
        )

    # -- check-outs ----------------------------------------------------------------------

    def _lease(self, how: str) -> None:
        """Check the open article out or in on the server, in the background."""
        doc = self.session.doc
        if doc is None or self.operation is not None:
            return
        title = self.tr("Checking out…") if how == "check_out" else self.tr("Checking in…")
        self.operation = Operation(title, _lease_work(self.newsroom, how, doc.id), self)
        self.services.operations.start(
            self.operation,
            done=lambda _r: self._lease_done(doc.id),
            failed=self._lease_failed,
        )

    def _lease_done(self, article_id: str) -> None:
        self.operation = None
        self._publish(article_id)
        self.show_article(self.session.doc)

    def _lease_failed(self, error: object) -> None:
        self.operation = None
        if isinstance(error, NewsroomError):
            message = error_message(error.code, error.message)
        else:
            message = str(error)
        self.services.problem(self.tr("Could not change the check-out"), message)
        self.show_article(self.session.doc)

    # -- helpers -------------------------------------------------------------------------

    def _publish(self, article_id: str) -> None:
        """Show the article's list entry as stored now (its marks included)."""
        summaries = self._call(lambda: self.newsroom.articles.summaries([article_id]))
        if summaries:
            self.services.changes.publish(Changes(tuple(summaries), kind=ELSEWHERE))

    def _call(self, work: Callable[[], Any]) -> Any:
        try:
            return work()
        except NewsroomError as exc:
            self.services.problem(
                self.tr("Could not do that"), error_message(exc.code, exc.message)
            )
            return None


def _lease_work(newsroom: Newsroom, how: str, article_id: str) -> Callable[[Progress], None]:
    def work(_progress: Progress) -> None:
        leases = newsroom.for_worker().leases
        (leases.check_out if how == "check_out" else leases.release)(article_id)

    return work
