"""Revision history and track changes of the open article: browse, compare, restore."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from newsroom_desktop.core.changes import RESTORED, Changes
from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.core.vocabulary import CURRENT
from newsroom_desktop.core.workflow_rules import can_edit
from newsroom_desktop.ui.review.core_call import MESSAGE_MS, call_core, review_tr
from newsroom_desktop.ui.review.diff_dialog import DiffDialog
from newsroom_desktop.ui.review.history import HistoryDialog
from newsroom_desktop.ui.services import Services

Thumbnails = Callable[[PhotoUse], QImage | None]


class HistoryController(QObject):
    """Opens the history and compare dialogs of the open article and restores revisions."""

    def __init__(
        self,
        services: Services,
        history_action: QAction,
        compare_action: QAction,
        thumbnails: Thumbnails,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.newsroom = services.newsroom
        self.session = services.session
        self.thumbnails = thumbnails
        self.history_dialog: HistoryDialog | None = None
        self.diff_dialog: DiffDialog | None = None
        self._actions = (history_action, compare_action)
        history_action.triggered.connect(self.show_history)
        # Through a lambda: the action's "checked" flag must not arrive as the old version.
        compare_action.triggered.connect(lambda: self.show_compare())  # noqa: PLW0108
        self.session.loaded.connect(self._on_loaded)

    def _on_loaded(self, doc: ArticleDoc | None) -> None:
        for action in self._actions:
            action.setEnabled(doc is not None)

    def _thumbnail(self, use_id: str) -> QImage | None:
        doc = self.session.doc
        use = doc.photo(use_id) if doc is not None else None
        return self.thumbnails(use) if use is not None else None

    def _versions(self, article_id: str) -> list[Any]:
        history = self.newsroom.history
        versions = call_core(
            self.services, lambda: [history.current(article_id), *history.list(article_id)]
        )
        return versions or []

    def _events(self, article_id: str) -> list[Any]:
        workflow = self.newsroom.workflow
        return call_core(self.services, lambda: workflow.events(article_id)) or []

    def show_history(self) -> HistoryDialog | None:
        """Open the revision history of the open article (after saving what was typed)."""
        doc = self.session.doc
        if doc is None:
            return None
        self.session.flush()
        dialog = HistoryDialog(
            self._versions(doc.id),
            self.newsroom.zone,
            self._thumbnail,
            can_restore=can_edit(doc, self.newsroom.actor),
            events=self._events(doc.id),
            parent=self.services.parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(lambda rev: self.restore(rev, dialog))
        dialog.compare_requested.connect(lambda old, new: self.show_compare(old, new, dialog))
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def restore(self, revision_id: str, dialog: HistoryDialog | None = None) -> bool:
        """Ask, then make a revision the current text again (nothing is lost)."""
        doc = self.session.doc
        if doc is None:
            return False
        revision = next((r for r in self._versions(doc.id) if r.id == revision_id), None)
        number = str(revision.number) if revision is not None else revision_id[:8]
        answer = QMessageBox.question(
            dialog or self.services.parent,
            review_tr("Restore Revision"),
            review_tr(
                "Make revision %1 the current text? The text now is kept as a revision, "
                "so nothing is lost."
            ).replace("%1", number),
        )
        if answer != QMessageBox.StandardButton.Yes or not self.session.flush():
            return False
        history = self.newsroom.history
        restored = call_core(
            self.services,
            lambda: history.restore(doc.id, revision_id),
            review_tr("Could not restore the revision"),
        )
        if restored is None:
            return False
        self.services.changes.publish(Changes.of([restored], RESTORED))
        self.services.status(review_tr("Revision %1 restored.").replace("%1", number), MESSAGE_MS)
        if dialog is not None:
            dialog.show_revisions(self._versions(doc.id))
        return True

    def show_compare(
        self, old: str | None = None, new: str = CURRENT, parent: QWidget | None = None
    ) -> DiffDialog | None:
        """Compare two versions; by default the submitted one (or the first) with the text now."""
        doc = self.session.doc
        if doc is None:
            return None
        self.session.flush()
        versions = self._versions(doc.id)
        if old is None:
            history = self.newsroom.history
            submitted = call_core(self.services, lambda: history.submitted_revision(doc.id))
            old = submitted.id if submitted is not None else versions[-1].id
        article_id, diffs = doc.id, self.newsroom.diffs
        dialog = DiffDialog(
            versions,
            lambda a, b: diffs.compare(article_id, a, b),
            self.newsroom.zone,
            old=old,
            new=new,
            parent=parent or self.services.parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.diff_dialog = dialog
        dialog.open()
        return dialog
