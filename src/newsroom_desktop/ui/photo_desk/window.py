"""The Photos view in the main window: the switch beside Articles, imports, drops on articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QStackedWidget, QWidget

from newsroom_desktop.core.changes import PHOTOS, Changes
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_records import FolderImport
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.ops import Operation
from newsroom_desktop.ui.photo_desk.desk import PhotoDesk
from newsroom_desktop.ui.photo_desk.model import PHOTO_IDS_MIME
from newsroom_desktop.ui.services import Services
from newsroom_desktop.ui.session import NO_GENERATION

STATUS_MS = 6000
MAX_REFUSED_SHOWN = 12


class PhotoDeskController(QObject):
    """Puts the Photos view beside the articles and wires it to the window's services."""

    def __init__(self, window: Any, services: Services) -> None:
        super().__init__(window)
        self.main: Any = window  # the MainWindow (not imported: it imports this)
        self.services = services
        self.newsroom: Newsroom = services.newsroom
        self.desk = PhotoDesk(self.newsroom.library)
        self.stack = QStackedWidget()
        self.stack.setObjectName("mainViews")
        self.stack.addWidget(window.splitter)
        self.stack.addWidget(self.desk)
        window.setCentralWidget(self.stack)
        self._stale = True
        self._build_actions(window)
        self._wire(window)

    def _build_actions(self, window: Any) -> None:
        group = QActionGroup(self)
        self.show_articles = QAction(self.tr("&Articles"), window)
        self.show_articles.setObjectName("action_view_articles")
        self.show_articles.setShortcut(QKeySequence("Alt+1"))
        self.show_photos = QAction(self.tr("P&hotos"), window)
        self.show_photos.setObjectName("action_view_photos")
        self.show_photos.setShortcut(QKeySequence("Alt+2"))
        self.show_photos.setStatusTip(self.tr("Every photo of the newsroom, to browse and pick"))
        self.import_folder = QAction(self.tr("Import a Folder of P&hotos…"), window)
        self.import_folder.setObjectName("action_import_photo_folder")
        for action in (self.show_articles, self.show_photos):
            action.setCheckable(True)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            group.addAction(action)
            window.addAction(action)
        self.show_articles.setChecked(True)
        view = window.menus["view"]
        view.addSeparator()
        view.addAction(self.show_articles)
        view.addAction(self.show_photos)
        file_menu = window.menus["file"]
        file_menu.insertAction(window.commands["export"], self.import_folder)
        window.toolbar.addSeparator()
        window.toolbar.addAction(self.show_articles)
        window.toolbar.addAction(self.show_photos)

    def _wire(self, window: Any) -> None:
        self.show_articles.triggered.connect(lambda: self.switch(photos=False))
        self.show_photos.triggered.connect(lambda: self.switch(photos=True))
        self.import_folder.triggered.connect(self.choose_folder)
        self.desk.import_requested.connect(self.choose_folder)
        self.desk.use_requested.connect(self._use_from_menu)
        self.desk.problem.connect(self.services.problem)
        self.desk.status.connect(lambda text: self.services.status(text, STATUS_MS))
        self.services.changes.changed.connect(self._on_changes)
        window.closed.connect(self.desk.stop)
        self._drops = _PhotoDrops(self)
        for target in (window.photo_panel, window.photo_panel.list.viewport()):
            target.installEventFilter(self._drops)
        window.editor.body.viewport().installEventFilter(self._drops)

    # -- the switch ----------------------------------------------------------------------

    def switch(self, *, photos: bool) -> None:
        """Show the Photos view (True) or the articles."""
        if photos:
            self.services.session.flush()  # what was typed is saved before the view changes
            self.stack.setCurrentWidget(self.desk)
            self.show_photos.setChecked(True)
            if self._stale or not self.desk.loaded:
                self._stale = False
                self.desk.reload()
            self.desk.grid.setFocus()
        else:
            self.stack.setCurrentWidget(self.main.splitter)
            self.show_articles.setChecked(True)

    def _on_changes(self, changes: Changes) -> None:
        if changes.kind not in (PHOTOS, "store", "elsewhere", "imported"):
            return
        if self.stack.currentWidget() is self.desk:
            self.desk.reload()
        else:
            self._stale = True

    # -- import --------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.main, self.tr("Import a Folder of Photos"))
        if folder:
            self.import_from(Path(folder))

    def import_from(self, folder: Path) -> Operation:
        """Take in every photo of ``folder`` in the background, with progress and Cancel."""
        library = self.newsroom.library
        operation = Operation(
            self.tr("Importing photos…"),
            lambda progress: library.import_folder(folder, progress),
            self,
        )
        return self.services.operations.start(
            operation, done=self._imported, failed=self._import_failed
        )

    def _imported(self, report: FolderImport) -> None:
        self._stale = False
        self.switch(photos=True)
        self.desk.reload(then=lambda: self._select_added(report))
        text = self.tr("Imported %n new photo(s).", "", len(report.added))
        if report.already:
            text += " " + self.tr("%n were in the newsroom already.", "", report.already)
        self.services.status(text, STATUS_MS)
        if report.refused or report.skipped:
            self._tell_left_out(report)

    def _select_added(self, report: FolderImport) -> None:
        rows = [self.desk.model.row_of(p.id) for p in report.added]
        self.desk.select_rows([r for r in rows if r is not None])

    def _tell_left_out(self, report: FolderImport) -> None:
        lines = [f"{name}: {why}" for name, why in report.refused[:MAX_REFUSED_SHOWN]]
        if len(report.refused) > MAX_REFUSED_SHOWN:
            lines.append("…")
        if report.skipped:
            lines.append(
                self.tr(
                    "%n file(s) were left out: links out of the folder, or over the limit of one import.",  # noqa: E501
                    "",
                    report.skipped,
                )
            )
        self.services.problem(
            self.tr("Some files were not imported"),
            self.tr("The other photos were imported.") + "\n\n" + "\n".join(lines),
        )

    def _import_failed(self, error: object) -> None:
        self.desk.reload()  # what was recorded before a cancel or a failure stays
        if isinstance(error, NewsroomError) and error.code == "cancelled":
            self.services.status(
                self.tr("Import cancelled; the photos taken in so far are kept."), STATUS_MS
            )
            return
        message = (
            error_message(error.code, error.message)
            if isinstance(error, NewsroomError)
            else str(error)
        )
        self.services.problem(self.tr("Could not import the photos"), message)

    def _use_from_menu(self, photo_ids: list[str]) -> None:
        if self.services.session.doc is None:
            self.services.status(
                self.tr("Open an article first, then add the photos to it."), STATUS_MS
            )
            return
        if self.use_photos(photo_ids):
            self.services.status(
                self.tr("Added %n photo(s) to the open article.", "", len(photo_ids)), STATUS_MS
            )

    # -- drops on the open article -------------------------------------------------------

    def use_photos(self, photo_ids: list[str], body_point: QPoint | None = None) -> list[str]:
        """Add library photos to the open article; at ``body_point`` place them in the body."""
        session = self.services.session
        if session.doc is None or not photo_ids or not session.flush():
            return []
        article_id = session.doc.id
        before = {p.id for p in session.doc.photos}
        try:
            session.saver.run_now(lambda nr, _v: _linked(nr, article_id, photo_ids), NO_GENERATION)
        except NewsroomError as exc:
            self.services.problem(
                self.tr("Could not add the photos"), error_message(exc.code, exc.message)
            )
            return []
        doc = session.doc
        if doc is None:
            return []
        new = [p for p in doc.photos if p.id not in before]
        editor = self.main.editor
        if body_point is not None:
            editor.body.setTextCursor(editor.body.cursorForPosition(body_point))
        for use in new:
            editor.update_photo(use)
            if body_point is not None:
                editor.insert_photo(use)
        self.services.changes.publish(Changes.of([doc], PHOTOS, focus=new[0].id if new else ""))
        if new:
            session.photos_added.emit(new)
        return [use.id for use in new]


def _linked(newsroom: Newsroom, article_id: str, photo_ids: list[str]) -> Any:
    newsroom.library.use_in_article(article_id, photo_ids)
    return newsroom.articles.get(article_id)


def dropped_ids(event: QDropEvent) -> list[str]:
    """Return the library photo ids a drag from the grid carries (none for other drags)."""
    mime = event.mimeData()
    if not mime.hasFormat(PHOTO_IDS_MIME):
        return []
    raw = bytes(mime.data(PHOTO_IDS_MIME).data()).decode("ascii", "replace")
    return [line for line in raw.split() if line][:500]


class _PhotoDrops(QObject):
    """Takes drags from the grid on the photo panel and the body (before their own handling)."""

    def __init__(self, controller: PhotoDeskController) -> None:
        super().__init__(controller)
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDropEvent)
        if not event.mimeData().hasFormat(PHOTO_IDS_MIME):
            return False
        session = self.controller.services.session
        editor = self.controller.main.editor
        if session.doc is None or editor.body.isReadOnly():
            event.ignore()
            return True
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if kind == QEvent.Type.Drop:
            body = watched is editor.body.viewport()
            point = event.position().toPoint() if body else None
            self.controller.use_photos(dropped_ids(event), point)
        return True


def photo_desk_of(widget: QWidget) -> PhotoDesk | None:
    """Return the Photos view inside ``widget`` (a main window), if it has one."""
    return widget.findChild(PhotoDesk)
