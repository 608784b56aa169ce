"""Nothing lost, in the window: backups, recovery files, read-only stores, others' changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core import dates
from newsroom_desktop.core.changes import STORE, UPDATED, Changes
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import StoreWatcher
from newsroom_desktop.core.safety_records import BackupInfo, should_keep
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.ops import Operation
from newsroom_desktop.ui.services import Services

WATCH_MS = 1500
BACKUP_EVERY_MS = 60 * 60 * 1000


class SafetyController(QObject):
    """Keeps the open work safe and the window in step with the store on disk."""

    def __init__(
        self,
        services: Services,
        *,
        editor: Any,
        photo_panel: QWidget,
        commands: dict[str, QAction],
        status_bar: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.newsroom = services.newsroom
        self.session = services.session
        self.editor = editor
        self.photo_panel = photo_panel
        self.commands = commands
        self.watcher: StoreWatcher | None = None
        self._backup_running = False
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyStore")
        self.read_only_label.setStyleSheet("color: #a15c00; font-weight: 600;")
        self.read_only_label.hide()
        status_bar.addPermanentWidget(self.read_only_label)
        self.watch_timer = QTimer(self, interval=WATCH_MS)
        self.watch_timer.timeout.connect(self.poll_changes)
        self.backup_timer = QTimer(self, interval=BACKUP_EVERY_MS)
        self.backup_timer.timeout.connect(self.backup_in_background)
        self.session.saver.failed.connect(self.keep_failed_edit)
        self.session.loaded.connect(self._lock_if_read_only)
        commands["restore_backup"].triggered.connect(self.restore_from_backup)
        self._start()

    def _start(self) -> None:
        if self.newsroom.read_only:
            self.read_only_label.setText(self.tr("Read-only store: changes cannot be saved"))
            self.read_only_label.show()
            for key in ("new", "import", "import_folder", "trash", "restore_backup"):
                self.commands[key].setEnabled(False)
        try:
            self.watcher = self.newsroom.watch()
        except (NewsroomError, OSError):
            self.watcher = None  # the list still works; it just won't notice other programs
        if self.watcher is not None:
            # A server's notices wait in memory: looking often costs nothing and brings
            # other desks' changes within a fraction of a second.
            self.watch_timer.setInterval(self.watcher.poll_ms)
            self.watch_timer.start()
        self.backup_timer.start()

    def stop(self) -> None:
        """Stop watching and backing up: the window closed, its store is about to close."""
        self.watch_timer.stop()
        self.backup_timer.stop()
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None

    # -- read-only ----------------------------------------------------------------------

    def _lock_if_read_only(self, doc: Any) -> None:
        if self.newsroom.read_only and doc is not None:
            self.editor.set_read_only(True)
            self.photo_panel.setEnabled(False)

    def explain_read_only(self) -> None:
        """Say at start why the store opened read-only and what to do."""
        QMessageBox.information(
            self.services.parent,
            self.tr("Read-only store"),
            self.tr(
                "The store %1 cannot be written (a read-only disk or folder). You can read, "
                "search and export articles; to edit, copy the store to a writable folder and "
                "open that copy with --store."
            ).replace("%1", self.newsroom.store.location.display),
        )

    # -- edits that could not be saved --------------------------------------------------

    def keep_failed_edit(self, error: object) -> None:
        """Put the editor's text in a recovery file when a save failed for a lasting reason."""
        doc = self.session.doc
        if doc is None or not isinstance(error, BaseException) or not should_keep(error):
            return
        fields = self.editor.current_fields()
        message = error if isinstance(error, NewsroomError) else str(error)
        try:
            path = self.newsroom.recovery.save(doc.id, fields, self.session.saver.version, message)
        except NewsroomError as exc:
            self.services.problem(self.tr("Your text is not saved"), exc.message)
            return
        self.services.status(
            self.tr(
                "Not saved: your text is kept in %1 and offered back at the next start."
            ).replace("%1", str(path)),
            15000,
        )

    def offer_recoveries(self) -> int:
        """Offer back the edits kept from a previous session; return how many were applied."""
        pending = self.newsroom.recovery.pending()
        if not pending or self.newsroom.read_only:
            return 0
        lines = [
            f"• {info.headline or info.article_id[:8]} — "
            f"{dates.short(info.saved_at, self.newsroom.zone)} ({info.error})"
            for info in pending
        ]
        answer = QMessageBox.question(
            self.services.parent,
            self.tr("Unsaved edits found"),
            self.tr(
                "These edits could not be saved last time:\n\n%1\n\nBring them back now?"
            ).replace("%1", "\n".join(lines)),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Discard,
        )
        if answer == QMessageBox.StandardButton.Discard:
            for info in pending:
                self.newsroom.recovery.discard(info)
            return 0
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        return self._apply(pending)

    def _apply(self, pending: list[Any]) -> int:
        applied, conflicts, docs = 0, [], []
        for info in pending:
            try:
                result = self.newsroom.recovery.apply(info)
            except NewsroomError as exc:
                self.services.problem(self.tr("Could not bring an edit back"), exc.message)
                continue
            applied += 1
            docs.append(result.article)
            if result.conflict:
                conflicts.append(result.article.headline)
        if conflicts:
            QMessageBox.information(
                self.services.parent,
                self.tr("Changed since"),
                self.tr(
                    "These articles changed after your edit; your text was kept as a revision "
                    "beside the newer one (see Revision History):\n%1"
                ).replace("%1", "\n".join(f"• {h}" for h in conflicts)),
            )
        self.services.changes.publish(Changes.of(docs, UPDATED))
        return applied

    # -- backups ------------------------------------------------------------------------

    def backup_in_background(self) -> Operation | None:
        """Make the automatic backup if one is due, on a worker thread."""
        if self._backup_running or self.newsroom.read_only:
            return None
        backups, keep = self.newsroom.backups, self.services.settings.current.backups_keep
        operation = Operation(
            self.tr("Backing up…"), lambda _progress: backups.auto_if_due(keep=keep), self
        )
        self._backup_running = True

        def finished(_result: object) -> None:
            self._backup_running = False

        def failed(error: object) -> None:
            self._backup_running = False
            message = getattr(error, "message", str(error))
            self.services.status(
                self.tr("The automatic backup failed: %1").replace("%1", message), 15000
            )

        operation.done.connect(finished)
        operation.failed.connect(failed)
        return self.services.operations.start(operation, track=False)

    def restore_from_backup(self) -> bool:
        """Let the user pick a backup and put it in place of the store (the current is kept)."""
        backups = self.newsroom.backups.list()
        dialog = BackupDialog(backups, self.newsroom, self.services.parent)
        if not dialog.exec() or dialog.chosen() is None:
            return False
        chosen = dialog.chosen()
        assert chosen is not None
        if not self.session.flush("save"):
            return False
        self.session.open(None)
        # The restore may replace the file: no connection of ours may be open meanwhile (the
        # service closes the store's own for the restore; the watcher's is closed here).
        if self.watcher is not None:
            self.watcher.close()
        try:
            self.newsroom.backups.restore(
                chosen.path, keep=self.services.settings.current.backups_keep
            )
        except NewsroomError as exc:
            self.services.problem(
                self.tr("Could not restore"), error_message(exc.code, exc.message)
            )
            return False
        finally:
            if self.watcher is not None:
                self.watcher = self.newsroom.watch()
        self.services.changes.publish(Changes(kind=STORE))
        self.services.status(
            self.tr(
                "Restored the backup of %1; the store as it was is kept as a backup too."
            ).replace("%1", dates.short(chosen.created_at, self.newsroom.zone)),
            15000,
        )
        return True

    # -- other windows and programs -----------------------------------------------------

    def poll_changes(self) -> None:
        """Tell the panels what other windows or programs changed in the store lately."""
        if self.watcher is None:
            return
        try:
            changes = self.watcher.poll()
        except (NewsroomError, OSError):
            return
        if changes is None:
            return
        self.services.changes.publish(changes)


class BackupDialog(QDialog):
    """The store's backups with their dates and article counts; one can be restored."""

    def __init__(self, backups: list[BackupInfo], newsroom: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.backups = backups
        self.table = QTableWidget(len(backups), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Articles"), self.tr("Size")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, info in enumerate(backups):
            count = str(info.article_count) if info.article_count is not None else info.problem
            cells = (
                dates.short(info.created_at, newsroom.zone),
                self._label(info.label),
                count,
                f"{info.size / 1e6:.1f} MB",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not info.usable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        note = QLabel(
            self.tr(
                "Restoring replaces the articles in the store with those in the backup. The "
                "store as it is now is kept as a backup first, so this can be undone."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        if not backups:
            layout.insertWidget(0, QLabel(self.tr("There is no backup of this store yet.")))
        self.resize(560, 420)

    def _label(self, label: str) -> str:
        names = {
            "auto": self.tr("automatic"),
            "manual": self.tr("made by hand"),
            "before-restore": self.tr("before a restore"),
        }
        if label.startswith("before-migration"):
            return self.tr("before an upgrade")
        return names.get(label, label)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = self.backups[rows[0].row()]
        return info if info.usable else None
