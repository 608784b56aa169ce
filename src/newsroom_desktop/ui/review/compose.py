"""Editorial review in the window: builds its panels and actions, hands them to controllers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QStatusBar, QWidget

from newsroom_desktop.core.workflow_rules import ACTIONS
from newsroom_desktop.ui.article_list import ArticleListPanel
from newsroom_desktop.ui.review.core_call import review_tr
from newsroom_desktop.ui.review.filters_control import SavedFiltersController
from newsroom_desktop.ui.review.history_control import HistoryController, Thumbnails
from newsroom_desktop.ui.review.notes_control import NotesController
from newsroom_desktop.ui.review.notes_panel import NotesPanel
from newsroom_desktop.ui.review.saved_filters import SavedFilterBar
from newsroom_desktop.ui.review.status import WorkflowBar
from newsroom_desktop.ui.review.targets import LengthIndicator
from newsroom_desktop.ui.review.targets_control import TargetsController
from newsroom_desktop.ui.review.workflow_control import WorkflowController
from newsroom_desktop.ui.services import Services


def workflow_actions(menu: QMenu, parent: QObject) -> dict[str, QAction]:
    """Put one action per workflow step first in the Article menu; return them by key."""
    first = menu.actions()[0]
    actions: dict[str, QAction] = {}
    for key in ACTIONS:
        action = QAction(parent)
        action.setObjectName(f"action_workflow_{key}")
        action.setEnabled(False)
        menu.insertAction(first, action)
        actions[key] = action
    menu.insertSeparator(first)
    # A workflow step that cannot run now says why in its tooltip: let the menu show it.
    menu.setToolTipsVisible(True)
    return actions


def notes_dock(panel: NotesPanel, window: QMainWindow) -> QDockWidget:
    """Dock the notes panel on the right, hidden until an article has open notes."""
    dock = QDockWidget(window)
    dock.setObjectName("notesDock")
    dock.setWidget(panel)
    dock.setTitleBarWidget(panel.header)
    panel.close_button.clicked.connect(dock.hide)
    dock.setAllowedAreas(
        Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
    )
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    panel.setMinimumWidth(250)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [280], Qt.Orientation.Horizontal)
    dock.hide()
    return dock


class Review(QObject):
    """The review panels in the window and the controllers that work them."""

    def __init__(
        self,
        services: Services,
        window: QMainWindow,
        *,
        commands: dict[str, QAction],
        menu: QMenu,
        editor: Any,
        list_panel: ArticleListPanel,
        photo_panel: QWidget,
        thumbnails: Thumbnails,
    ) -> None:
        super().__init__(window)
        self.workflow_actions = workflow_actions(menu, window)
        # Submit with a message to the desk: beside Submit in the menu and on Submit's button.
        self.submit_with_message = QAction(window)
        self.submit_with_message.setObjectName("action_workflow_submit_message")
        self.submit_with_message.setEnabled(False)
        menu.insertAction(self.workflow_actions["take"], self.submit_with_message)
        menu.addSeparator()
        self.targets_action = QAction(window)
        self.targets_action.setObjectName("action_targets")
        menu.addAction(self.targets_action)
        self.bar = WorkflowBar()
        self.bar.set_actions(self.workflow_actions)
        self.bar.add_menu_action("submit", self.submit_with_message)
        editor.add_top_bar(self.bar)
        self.notes_panel = NotesPanel()
        self.notes_dock = notes_dock(self.notes_panel, window)
        self.length = LengthIndicator()
        # Right after the word count (the status bar holds one plain widget, the progress strip).
        status_bar: QStatusBar = window.statusBar()
        status_bar.insertPermanentWidget(2, self.length)
        self.filters = SavedFilterBar(lambda: services.newsroom.actor)
        fields = {"body": editor.body, "headline": editor.headline, "lead": editor.lead}
        self.notes = NotesController(
            services,
            self.notes_panel,
            self.notes_dock,
            bar=self.bar,
            toggle=commands["notes"],
            fields=fields,
            parent=self,
        )
        self.workflow = WorkflowController(
            services,
            self.workflow_actions,
            self.bar,
            photo_panel,
            self,
            submit_with_message=self.submit_with_message,
        )
        self.history = HistoryController(
            services, commands["history"], commands["compare"], thumbnails, self
        )
        self.targets = TargetsController(services, self.targets_action, self.length, editor, self)
        self.saved_filters = SavedFiltersController(services, self.filters, list_panel, self)
        self.retranslate()
        doc = services.session.doc
        for show in (self.history._on_loaded, self.workflow.show_article,
                     self.notes.show_article, self.targets.show_article):  # fmt: skip
            show(doc)

    def retranslate(self) -> None:
        self.workflow.retranslate()
        self.targets.retranslate()
        self.notes_dock.setWindowTitle(review_tr("Notes"))
        self.notes_panel.retranslate()
        self.filters.retranslate()
