"""The main window: composes the list, the editor and the photo panel, and wires them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from newsroom_desktop.core.changes import CREATED, PHOTOS, TRASHED, Changes
from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.core.workflow_rules import can_edit
from newsroom_desktop.ui.actions import build_actions, build_menus, build_toolbar
from newsroom_desktop.ui.article_list import ArticleListModel, ArticleListPanel
from newsroom_desktop.ui.caption_desk import CaptionDeskController
from newsroom_desktop.ui.crop_dialog import CropController
from newsroom_desktop.ui.editor.panel import EditorPanel
from newsroom_desktop.ui.hub import ChangeHub
from newsroom_desktop.ui.i18n import install_translations
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.ops import OperationRunner, ProgressStrip
from newsroom_desktop.ui.photo_desk.window import PhotoDeskController
from newsroom_desktop.ui.photo_panel import PhotoPanel
from newsroom_desktop.ui.proofing import ProofingController
from newsroom_desktop.ui.review.compose import Review
from newsroom_desktop.ui.review.track_control import TrackChangesController
from newsroom_desktop.ui.safety import SafetyController
from newsroom_desktop.ui.server_desk import ServerDesk
from newsroom_desktop.ui.services import Selection, Services, SettingsHolder
from newsroom_desktop.ui.session import ArticleSession
from newsroom_desktop.ui.sync_desk import SyncDesk
from newsroom_desktop.ui.sync_strip import SyncArticleController
from newsroom_desktop.ui.thumbnails import Thumbnails
from newsroom_desktop.ui.window_frame import (
    DEFAULT_SIZE,
    GEOMETRY_KEY,
    restore_geometry,
    window_state,
)

__all__ = ["DEFAULT_SIZE", "MainWindow"]  # DEFAULT_SIZE: the size of a first start
STATUS_MS = 5000
NOTICE_MS = 15000
_REPLACEMENTS: list[MainWindow] = []  # the window that replaced the first one, if any


class MainWindow(QMainWindow):
    """Article list on the left, editor in the middle, photos and captions on the right."""

    closed = Signal()  # the window was closed (its frame, if it has one, closes with it)

    def __init__(
        self, newsroom: Newsroom, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.newsroom = newsroom
        self.setObjectName("mainWindow")
        self.changes = ChangeHub(self)
        self.thumbnail = Thumbnails(newsroom.photos)
        self._build_panels()
        self.commands = build_actions(self)
        self.menus = build_menus(self, self.commands, self.editor)
        self.toolbar = build_toolbar(self, self.commands, self.editor)
        self._build_status_bar()
        self._build_view_menu()
        self.operations = OperationRunner(self.progress, self)
        self.session = ArticleSession(newsroom, self.editor, self.changes, self.operations, self)
        self.services = self._build_services(settings)
        # The window's own panels hear the session first; the controllers build on what they show.
        self._wire()
        self._build_controllers()
        self.photo_desk = PhotoDeskController(self, self.services)  # the Photos view (Alt+2)
        self.session.saver.set_interval(int(settings.autosave_seconds * 1000))
        self.photo_panel.set_min_width(settings.min_photo_width)
        self.retranslate()
        self._restore_state()
        self.refresh_list()

    # -- building ------------------------------------------------------------------------

    def _build_panels(self) -> None:
        self.list_model = ArticleListModel(self.newsroom.articles, self.newsroom.zone, self)
        self.list_panel = ArticleListPanel(self.list_model)
        self.editor = EditorPanel()
        self.photo_panel = PhotoPanel()
        self.photo_panel.set_thumbnail_source(self.thumbnail)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.list_panel, self.editor, self.photo_panel):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.list_panel.setMinimumWidth(280)
        self.photo_panel.setMinimumWidth(260)
        self.setCentralWidget(self.splitter)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.words_label = QLabel()
        self.words_label.setObjectName("wordCount")
        self.chars_label = QLabel()
        self.chars_label.setObjectName("charCount")
        self.save_label = QLabel()
        self.save_label.setObjectName("saveState")
        self.progress = ProgressStrip()
        bar.addWidget(self.progress)
        for label in (self.words_label, self.chars_label, self.save_label):
            bar.addPermanentWidget(label)

    def _build_view_menu(self) -> None:
        view = self.menus["view"]
        for widget, title in ((self.list_panel, "list"), (self.photo_panel, "photos")):
            action = view.addAction(title)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(widget.setVisible)
            action.setObjectName(f"toggle_{title}")
        view.addSeparator()
        view.addAction(self.toolbar.toggleViewAction())

    def _build_services(self, settings: Settings) -> Services:
        selection = Selection(
            selected_ids=self.list_panel.selected_ids,
            select=lambda article_id: self.list_panel.select_article(article_id, emit=False),
            open=self.open_article,
        )
        return Services(
            newsroom=self.newsroom,
            settings=SettingsHolder(settings),
            session=self.session,
            operations=self.operations,
            selection=selection,
            changes=self.changes,
            parent=self,
            # Looked up at each call: tests (and later a log) may replace show_problem.
            problem=lambda title, message: self.show_problem(title, message),  # noqa: PLW0108
            status=lambda message, ms: self.statusBar().showMessage(message, ms),
        )

    def _build_controllers(self) -> None:
        # Review before safety: a read-only store locks the photo panel after review unlocks it.
        self.review = Review(
            self.services,
            self,
            commands=self.commands,
            menu=self.menus["article"],
            editor=self.editor,
            list_panel=self.list_panel,
            photo_panel=self.photo_panel,
            thumbnails=self.thumbnail,
        )
        self.safety = SafetyController(
            self.services,
            editor=self.editor,
            photo_panel=self.photo_panel,
            commands=self.commands,
            status_bar=self.statusBar(),
            parent=self,
        )
        self.crop = CropController(
            self.session.set_recipe,
            self.newsroom.photos,
            lambda: self.settings.min_photo_width,
            self,
            stack=self.photo_panel.batch,  # the panel's Undo and Redo (Ctrl+Z on the thumbnails)
        )
        self.sync_desk = SyncDesk(
            self.services,
            status_bar=self.statusBar(),
            action=self.commands["sync_now"],
            older=self.commands["fetch_older"],
        )
        self.server_desk = ServerDesk(
            self.services,
            status_bar=self.statusBar(),
            connect_action=self.commands["connect_server"],
            local_action=self.commands["use_local"],
            switch=self.replace_with,
            joined=self.sync_desk.start,
        )
        self.caption_desk = CaptionDeskController(
            self.services,
            photo_panel=self.photo_panel,
            menu=self.menus["edit"],
            before=self.commands["preferences"],
        )
        self.track_changes = TrackChangesController(
            self.services,
            editor=self.editor,
            window=self,
            before=self.menus["view"],
            main_toolbar=self.toolbar,
        )
        self.sync_article = SyncArticleController(
            self.services, self.sync_desk, editor=self.editor, menu=self.menus["article"]
        )
        self.proofing = ProofingController(
            self.services,
            editor=self.editor,
            menu=self.menus["format"],
            caption=self.photo_panel.caption,
        )

    def _wire(self) -> None:
        a, services = self.commands, self.services
        a["new"].triggered.connect(self.new_article)
        a["save"].triggered.connect(lambda: self.session.save("save"))
        a["quit"].triggered.connect(self.close)
        a["trash"].triggered.connect(self.trash_selected)
        a["focus_search"].triggered.connect(self._focus_search)
        a["about"].triggered.connect(self.show_about)
        a["preferences"].triggered.connect(self.show_preferences)
        a["import"].triggered.connect(self.import_dialog)
        a["import_folder"].triggered.connect(self.import_folder_dialog)
        a["paste_new"].triggered.connect(self.paste_as_new_article)
        a["export"].triggered.connect(self.export_dialog)
        a["print"].triggered.connect(lambda: self._print(preview=False))
        a["print_preview"].triggered.connect(lambda: self._print(preview=True))
        self.changes.changed.connect(self._refresh)
        self.list_panel.article_selected.connect(self.open_article)
        self.list_panel.files_dropped.connect(self.import_files)
        self.editor.counts_changed.connect(self._show_counts)
        self.editor.photo_activated.connect(self._select_photo)
        self.editor.caption_replaced.connect(self._caption_replaced)
        self.editor.caption_found.connect(self.photo_panel.show_caption_match)
        self.session.loaded.connect(self._on_loaded)
        self.session.state.connect(self._show_save_state)
        self.session.problem.connect(self.show_problem)
        self.session.notice.connect(lambda message: services.status(message, NOTICE_MS))
        p = self.photo_panel
        p.add_files.connect(self.session.add_photos)
        p.caption_edited.connect(self.session.edit_caption)
        p.lead_requested.connect(self.session.set_lead)
        p.remove_requested.connect(self.session.remove_photo)
        p.insert_requested.connect(self.session.insert_photo)
        p.attach_file.connect(self.session.attach_photo)
        p.order_changed.connect(self.session.reorder)
        p.crop_requested.connect(self._crop_photo)
        self.session.loaded.connect(lambda doc: self.crop.follow(doc.id if doc else None))
        self.session.photos_added.connect(p.show_added)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # type: ignore[union-attr]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Newsroom Desktop"))
        view = self.menus["view"].actions()
        view[0].setText(self.tr("Article &List"))
        view[1].setText(self.tr("&Photos Panel"))
        self._show_counts(0, 0)

    # -- state ---------------------------------------------------------------------------

    def _restore_state(self) -> None:
        # Window state lives beside settings.json, in the config folder platformdirs gives.
        state = window_state()
        restore_geometry(self)
        splitter = state.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([380, 760, 300])

    def _save_state(self) -> None:
        state = window_state()
        # The top-level window's: this one, or the frame the app started in (ui.window_frame).
        state.setValue(GEOMETRY_KEY, self.window().saveGeometry())
        state.setValue("window/splitter", self.splitter.saveState())
        state.sync()

    # -- articles ------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.services.settings.current

    def refresh_list(self) -> None:
        self.list_panel.set_sections(self.newsroom.articles.sections())
        self.list_panel.apply_filters()

    def open_article(self, article_id: str | None) -> None:
        try:
            self.session.open(article_id)
        except NewsroomError as exc:
            self.show_problem(
                self.tr("Could not open the article"), error_message(exc.code, exc.message)
            )

    def new_article(self) -> None:
        if not self.session.flush():
            return
        doc = self.newsroom.articles.new_draft(self.settings.ui_language or "vi")
        self.changes.publish(Changes.of([doc], CREATED))
        self.list_panel.select_article(doc.id, emit=False)
        self.session.open(doc.id)
        self.editor.focus_headline()

    def trash_selected(self) -> None:
        ids = self.list_panel.selected_ids()
        if not ids:
            return
        if self.session.doc is not None and self.session.doc.id in ids:
            self.session.flush()
            self.session.open(None)
        trashed: list[str] = []
        try:
            for article_id in ids:
                self.newsroom.articles.trash(article_id)
                trashed.append(article_id)
        finally:
            self.changes.publish(Changes(kind=TRASHED, removed=tuple(trashed)))
        self.statusBar().showMessage(
            self.tr("Moved %n article(s) to the trash.", "", len(ids)), STATUS_MS
        )

    def import_files(self, paths: list[str]) -> None:
        """Import dropped files (File ▸ Import… does the same through a dialog)."""
        from newsroom_desktop.ui.import_dialog import run_import  # noqa: PLC0415 - lazy, for start-up time

        run_import(self.services, paths)

    def paste_as_new_article(self) -> None:
        """Make a new draft of the clipboard's page (Edit ▸ Paste as New Article)."""
        from newsroom_desktop.ui.paste_article import paste_as_new_article  # noqa: PLC0415 - lazy, for start-up time

        paste_as_new_article(self.services)

    def import_dialog(self) -> None:
        from newsroom_desktop.ui.import_dialog import choose_import_paths  # noqa: PLC0415 - lazy, for start-up time

        self.import_files(choose_import_paths(self))

    def import_folder_dialog(self) -> None:
        from newsroom_desktop.ui.import_dialog import choose_import_folder  # noqa: PLC0415 - lazy, for start-up time

        self.import_files(choose_import_folder(self))

    def export_dialog(self) -> None:
        from newsroom_desktop.ui.export_dialog import run_export  # noqa: PLC0415 - lazy, for start-up time

        run_export(self.services)

    def _print(self, *, preview: bool) -> None:
        from newsroom_desktop.ui.export_dialog import print_article  # noqa: PLC0415 - lazy, for start-up time

        print_article(self.services, preview=preview)

    def _on_loaded(self, doc: ArticleDoc | None) -> None:
        sections = self.newsroom.articles.sections()
        if doc is None:
            self.editor.clear()
        else:
            self.editor.load_article(doc, sections, self.thumbnail)
            self.editor.set_read_only(not can_edit(doc, self.newsroom.actor))
        self.photo_panel.show_article(doc)
        self._show_save_state("loaded")

    def _refresh(self, changes: Changes) -> None:
        """Show a change set: the list rows it touches, the open article, its photos."""
        self.list_panel.show_changes(changes)
        self.session.follow(changes)
        doc = self.session.doc
        if changes.kind == PHOTOS and doc is not None and changes.touches(doc.id):
            self.photo_panel.show_article(doc, changes.focus or None)

    def _caption_replaced(self, use: PhotoUse) -> None:
        self.session.edit_caption(use)
        self.photo_panel.update_use(use)

    def _crop_photo(self, use_id: str) -> None:
        use = self.session.doc.photo(use_id) if self.session.doc else None
        if use is not None:
            self.crop.crop(use)

    def _select_photo(self, use_id: str) -> None:
        if self.session.doc is not None:
            self.photo_panel.show_article(self.session.doc, use_id)

    # -- status --------------------------------------------------------------------------

    def _show_counts(self, words: int, chars: int) -> None:
        self.words_label.setText(self.tr("%n word(s)", "", words))
        self.chars_label.setText(self.tr("%n character(s)", "", chars))

    def _show_save_state(self, state: str) -> None:
        saved_at = self.session.saver.last_saved_at
        texts = {
            "saving": self.tr("Saving…"),
            "dirty": self.tr("Unsaved changes"),
            "failed": self.tr("Not saved"),
            "conflict": self.tr("Changed elsewhere"),
            "loaded": "",
        }
        if state == "saved" and saved_at is not None:
            local = saved_at.astimezone(self.newsroom.zone)  # the newsroom's clock, as the list
            text = self.tr("Saved %1").replace("%1", local.strftime("%H:%M"))
        else:
            text = texts.get(state, "")
        self.save_label.setText(text)

    def show_problem(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _focus_search(self) -> None:
        self.list_panel.search.setFocus()
        self.list_panel.search.selectAll()

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving the editor (for the list, a dialog, another app) saves what was typed.
        left = old is not None and self.editor.isAncestorOf(old)
        elsewhere = new is None or not self.editor.isAncestorOf(new)
        if left and elsewhere and self.session.dirty:
            self.session.save("autosave")

    def show_about(self) -> None:
        from newsroom_desktop import __version__  # noqa: PLC0415 - lazy, for start-up time

        QMessageBox.about(
            self,
            self.tr("About Newsroom Desktop"),
            self.tr(
                "Newsroom Desktop %1\nA desktop newsroom editor for reporters and editors.\nGPL-3.0-or-later."  # noqa: E501
            ).replace("%1", __version__),
        )

    def show_preferences(self) -> None:
        from newsroom_desktop.ui.preferences import PreferencesDialog  # noqa: PLC0415 - lazy, for start-up time

        dialog = PreferencesDialog(self.settings, self)
        dialog.offer_house_style(self.proofing.show_house_style)
        if dialog.exec():
            self.session.flush()  # what was typed is saved as the person who typed it
            dialog.apply(self.services)
            self.photo_panel.set_min_width(self.settings.min_photo_width)
            self.review.workflow.profile_changed()
            if dialog.language_changed():
                self.reopen_in_language()

    def save_screenshot(self, path: Path) -> bool:
        """Render the window once to a PNG file."""
        app = QApplication.instance()
        for _ in range(5):
            app.processEvents()  # type: ignore[union-attr]
        path.parent.mkdir(parents=True, exist_ok=True)
        return bool(self.grab().save(str(path), "PNG"))

    # -- closing -------------------------------------------------------------------------

    def replace_with(self, newsroom: Newsroom) -> bool:
        """Continue on ``newsroom`` in a new window once this one's edits are saved."""
        if not self.session.flush():
            self.show_problem(
                self.tr("Not saved"),
                self.tr("Your last changes could not be saved; the window stays on this store."),
            )
            return False
        window = MainWindow(newsroom, self.settings)
        window.list_model.set_language(self.list_model.language)
        window.show()
        # Nothing else holds a window made here: keep it until it is replaced in turn.
        _REPLACEMENTS[:] = [window]
        old = self.newsroom
        self.close()
        self.deleteLater()
        old.close()
        window.safety.offer_recoveries()
        return True

    def reopen_in_language(self) -> bool:
        """Show this window again in the language of the settings, without a restart.

        Every text of the window, its panels and menus is set as it is built, so the window is
        built anew on the same open store, with the same article open, and this one closes.
        """
        if not self.session.flush():
            return False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        language = install_translations(app, self.settings.ui_language)
        article = self.session.doc.id if self.session.doc is not None else None
        self._save_state()
        window = MainWindow(self.newsroom, self.settings)
        window.list_model.set_language(language)
        window.show()
        if article is not None:
            window.list_panel.select_article(article, emit=False)
            window.open_article(article)
        _REPLACEMENTS[:] = [window]  # nothing else holds a window made here
        self.close()
        self.deleteLater()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.flush():
            answer = QMessageBox.question(
                self,
                self.tr("Not saved"),
                self.tr(
                    "Your last changes could not be saved. Close anyway? They are kept in the recovery file."  # noqa: E501
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._save_state()
        self.safety.stop()
        self.sync_desk.stop()
        # Nothing of a closed window asks its store anything any more (counts, list reloads).
        for timer in self.findChildren(QTimer):
            timer.stop()
        event.accept()
        self.closed.emit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.session.doc is None and self.list_model.rowCount() > 0:
            # With the window as context: a window closed (and deleted) first cancels it.
            QTimer.singleShot(
                0,
                self.list_panel.view,
                lambda: self.list_panel.view.setCurrentIndex(self.list_model.index(0, 0)),
            )
