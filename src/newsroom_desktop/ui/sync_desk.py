"""An offline desk in the window: the sync label, syncs in the background, what they brought."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QStatusBar, QToolButton

from newsroom_desktop.core import dates
from newsroom_desktop.core.changes import ELSEWHERE, Changes
from newsroom_desktop.core.documents import ArticleSummary
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.ops import Operation, Progress
from newsroom_desktop.ui.services import Services

SYNC_EVERY_MS = 60_000
AFTER_SAVE_MS = 5_000  # a sync follows the last save of a burst, not each keystroke's autosave
STOP_WAIT_MS = 15_000
NOTICE_MS = 15_000
OFFLINE = "sync_offline"
DEFAULT_OLDER_DAYS, MAX_OLDER_DAYS = 60, 3650

SYNC_LABEL_STYLE = """
QToolButton#syncState { border: none; padding: 0 6px; color: #2e6b3f; }
QToolButton#syncState:hover { text-decoration: underline; }
QToolButton#syncState[state="offline"] { color: #8a5a00; }
QToolButton#syncState[state="busy"] { color: #2f6fdb; }
QToolButton#syncState[state="conflict"], QToolButton#syncState[state="failed"] {
    color: #b42318; font-weight: 600; }
"""


def _sync_work(newsroom: Newsroom, older_days: int = 0) -> Any:
    """Return the background work of one sync (or of fetching the last ``older_days`` days):
    the report and the list entries it touched."""

    def work(progress: Progress) -> tuple[Any, list[ArticleSummary], list[str], int]:
        worker = newsroom.for_worker()

        def step(done: int, total: int) -> None:
            progress(done, total, "")

        if older_days:
            report = worker.sync.fetch_older(older_days)
        else:
            report = worker.sync.sync(progress=step)
        ids = sorted(report.articles)
        summaries = worker.articles.summaries(ids) if ids else []
        gone = sorted(set(ids) - {s.id for s in summaries})
        return report, summaries, gone, worker.articles.count() if ids else -1

    return work


class SyncDesk(QObject):
    """Keeps a desk joined to a newsroom server in step: at start, after saves, every minute."""

    synced = Signal()  # a sync ended (or the desk found itself offline): look again

    def __init__(
        self,
        services: Services,
        *,
        status_bar: QStatusBar,
        action: QAction,
        older: QAction | None = None,
    ) -> None:
        super().__init__(services.parent)
        self.services = services
        self.newsroom = services.newsroom
        self.label = QToolButton()
        self.label.setObjectName("syncState")
        self.label.setAutoRaise(True)
        self.label.setStyleSheet(SYNC_LABEL_STYLE)
        self.label.clicked.connect(self.sync_now)
        status_bar.addPermanentWidget(self.label)
        self.action = action
        action.triggered.connect(self.sync_now)
        self.older = older
        if older is not None:
            older.triggered.connect(self.ask_older)
        self.every = QTimer(self, interval=SYNC_EVERY_MS)
        self.every.timeout.connect(self.sync_now)
        self.after_save = QTimer(self, interval=AFTER_SAVE_MS, singleShot=True)
        self.after_save.timeout.connect(self.sync_now)
        services.session.stored.connect(lambda _doc: self.soon())
        self.operation: Operation | None = None
        self._again = False
        self._percent = -1
        self._problem = ""  # "" when the last sync worked or none ran yet
        self._offline = False
        self.status: Any = None
        self.start()

    @property
    def joined(self) -> bool:
        return self.status is not None and self.status.joined

    def start(self) -> None:
        """Show the label and sync now (and every minute) if the desk is joined to a server."""
        self._read_status()
        self.action.setEnabled(self.joined)
        if self.older is not None:
            self.older.setEnabled(self.joined)
        if self.joined:
            self.every.start()
            QTimer.singleShot(0, self, self.sync_now)

    def stop(self) -> None:
        """Stop syncing (the window closes): a sync under way is let finish first."""
        self.every.stop()
        self.after_save.stop()
        if self.operation is not None and not self.operation.finished:
            QThreadPool.globalInstance().waitForDone(STOP_WAIT_MS)

    def soon(self) -> None:
        """Sync a few seconds after the last of a run of saves."""
        if self.joined:
            self.after_save.start()

    # -- one sync ------------------------------------------------------------------------

    def ask_older(self) -> None:
        """Ask how many days back, then bring the older articles this desk lacks."""
        if not self.joined or self.operation is not None:
            return
        days, ok = QInputDialog.getInt(
            self.services.parent,
            self.tr("Fetch Older Articles"),
            self.tr("Bring the newsroom's articles of the last how many days?"),
            DEFAULT_OLDER_DAYS,
            1,
            MAX_OLDER_DAYS,
        )
        if ok:
            self._run(older_days=days)

    def sync_now(self) -> None:
        """Sync now in the background; a sync asked for while one runs follows it."""
        self._run()

    def _run(self, *, older_days: int = 0) -> None:
        if not self.joined:
            return
        if self.operation is not None:
            self._again = True
            return
        if self.services.session.dirty:
            self.after_save.start()  # what is being typed is saved first, then sent
            return
        self.after_save.stop()
        self._percent = 0
        self.operation = Operation(self.tr("Syncing"), _sync_work(self.newsroom, older_days), self)
        self.operation.progress.connect(self._on_progress)
        self._show()
        self.services.operations.start(
            self.operation, track=False, done=self._on_done, failed=self._on_failed
        )

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self._percent = min(100, done * 100 // total) if total > 0 else 0
        self._show()

    def _on_done(self, result: tuple[Any, list[ArticleSummary], list[str], int]) -> None:
        report, summaries, gone, live = result
        self._problem, self._offline = "", False
        if summaries or gone:
            # What the sync wrote shows as any change seen in the store: the rows shown, and
            # the open article when it is not being typed in.
            changes = Changes(tuple(summaries), live, kind=ELSEWHERE, removed=tuple(gone))
            self.services.changes.publish(changes)
        if report.conflicts:
            self.services.status(
                self.tr("Two versions kept of: %1. Open the article to resolve it.").replace(
                    "%1", ", ".join(report.conflicts)
                ),
                NOTICE_MS,
            )
        self._finish()

    def _on_failed(self, error: object) -> None:
        if isinstance(error, NewsroomError) and error.code == OFFLINE:
            self._offline, self._problem = True, ""
        else:
            self._offline = False
            if isinstance(error, NewsroomError):
                self._problem = error_message(error.code, error.message)
            else:
                self._problem = str(error)
            self.services.status(self.tr("Sync failed: %1").replace("%1", self._problem), NOTICE_MS)
        self._finish()

    def _finish(self) -> None:
        self.operation = None
        self._percent = -1
        self._read_status()
        self.synced.emit()
        if self._again:
            self._again = False
            self.sync_now()

    # -- the label -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the desk's state again (a conflict resolved here): no network."""
        self._read_status()

    def _read_status(self) -> None:
        try:
            self.status = self.newsroom.sync.status()
        except NewsroomError:
            self.status = None  # a store that cannot say: nothing to show
        self._show()

    def _show(self) -> None:
        status = self.status
        self.label.setVisible(self.joined)
        if not self.joined:
            return
        text, state = self._text()
        if status.conflicts and self._percent < 0:
            text += " · " + self.tr("%n in conflict", "", status.conflicts)
            state = "failed" if state == "failed" else "conflict"
        self.label.setText(text)
        self.label.setToolTip(self._tip())
        if self.label.property("state") != state:
            self.label.setProperty("state", state)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)

    def _text(self) -> tuple[str, str]:
        status = self.status
        if self._percent >= 0:
            return self.tr("Syncing %1 %").replace("%1", str(self._percent)), "busy"
        if self._offline:
            if status.waiting:
                return self.tr("Offline: %n change(s) waiting", "", status.waiting), "offline"
            return self.tr("Offline"), "offline"
        if self._problem:
            return self.tr("Sync failed"), "failed"
        if status.last_sync is None:
            return self.tr("Not synced yet"), "offline"
        at = dates.local(status.last_sync, self.newsroom.zone).strftime("%H:%M")
        return self.tr("Synced %1").replace("%1", at), "ok"

    def _tip(self) -> str:
        status = self.status
        lines = [self.tr("Newsroom server: %1").replace("%1", status.server)]
        if status.last_sync is not None:
            when = dates.short(status.last_sync, self.newsroom.zone)
            lines.append(self.tr("Last sync: %1").replace("%1", when))
        if status.waiting:
            lines.append(self.tr("%n change(s) waiting to be sent", "", status.waiting))
        if self._problem:
            lines.append(self._problem)
        lines.append(self.tr("Click to sync now (Ctrl+Shift+S)."))
        return "\n".join(lines)
