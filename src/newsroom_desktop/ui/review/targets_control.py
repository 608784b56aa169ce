"""Length targets of the open article: the status bar indicator and the targets dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from newsroom_desktop.core.changes import UPDATED, Changes
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.workflow_rules import can_edit
from newsroom_desktop.ui.review.core_call import MESSAGE_MS, call_core, review_tr
from newsroom_desktop.ui.review.targets import LengthIndicator, LengthWatch, TargetsDialog
from newsroom_desktop.ui.services import Services


class TargetsController(QObject):
    """Keeps the length indicator on the open article and stores the targets asked for."""

    def __init__(
        self,
        services: Services,
        action: QAction,
        indicator: LengthIndicator,
        editor: Any,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.newsroom = services.newsroom
        self.session = services.session
        self.action = action
        self.lengths = LengthWatch(editor, indicator, self)
        action.triggered.connect(self.edit_targets)
        self.session.loaded.connect(self.show_article)

    def retranslate(self) -> None:
        self.action.setText(review_tr("Len&gth Targets…"))
        self.action.setStatusTip(review_tr("Set how long the article, headline and lead should be"))

    def show_article(self, doc: ArticleDoc | None) -> None:
        self.action.setEnabled(doc is not None and can_edit(doc, self.newsroom.actor))
        self.lengths.show_article(doc)

    def edit_targets(self) -> None:
        """Ask for the open article's length targets and store them."""
        doc = self.session.doc
        if doc is None or not can_edit(doc, self.newsroom.actor):
            return
        dialog = TargetsDialog(doc, self.lengths.words, self.services.parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_targets(dialog.values())

    def set_targets(self, targets: dict[str, int | None]) -> None:
        """Store length targets on the open article, after saving what was typed."""
        doc = self.session.doc
        if doc is None or not self.session.flush():
            return
        articles = self.newsroom.articles
        saved = call_core(
            self.services,
            lambda: articles.save(doc.id, targets, reason="save"),
            review_tr("Could not set the targets"),
        )
        if saved is not None:
            self.services.changes.publish(Changes.of([saved.article], UPDATED))
            self.services.status(review_tr("Length targets set."), MESSAGE_MS)
