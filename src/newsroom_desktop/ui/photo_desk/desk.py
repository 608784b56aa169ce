"""The Photos view: the filter bar over a grid of every photo; keys mark, Space previews."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import PhotoLibrary
from newsroom_desktop.core.photo_records import (
    COLOR_LABELS,
    LibraryPhoto,
    creators_of,
    filter_photos,
)
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.ops import Operation
from newsroom_desktop.ui.photo_desk.delegate import CELL, IMAGE, PhotoGridDelegate
from newsroom_desktop.ui.photo_desk.filters import PhotoFilterBar, label_names
from newsroom_desktop.ui.photo_desk.marks import MarkCommand
from newsroom_desktop.ui.photo_desk.model import PhotoGridModel
from newsroom_desktop.ui.photo_desk.preview import PREVIEW_SIZE, PhotoPreview
from newsroom_desktop.ui.photo_desk.thumbs import GridThumbnails

RATING_KEYS = {Qt.Key.Key_0 + n: n for n in range(6)}
LABEL_KEYS = {Qt.Key.Key_6 + n: label for n, label in enumerate(COLOR_LABELS)}


class PhotoGrid(QListView):
    """The grid of thumbnails: a list view in icon mode, cells of one size, drag to articles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoGrid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(CELL)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDragEnabled(True)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(CELL.height() // 4)
        self.setItemDelegate(PhotoGridDelegate(self))
        self.setSpacing(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Cells share the row's width: no empty band on the right whatever the window's size.
        width = self.viewport().width()
        columns = max(1, width // CELL.width())
        grid = QSize(width // columns, CELL.height())
        if grid != self.gridSize():
            self.setGridSize(grid)
        super().resizeEvent(event)


class PhotoDesk(QWidget):
    """Every photo of the newsroom to browse and pick; writes go through the photo library."""

    import_requested = Signal()
    use_requested = Signal(list)  # photo ids to add to the open article
    problem = Signal(str, str)  # title, message
    status = Signal(str)

    def __init__(self, library: PhotoLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoDesk")
        self.library = library
        self.thumbnails = GridThumbnails(library.thumbnail, IMAGE, self)
        self.model = PhotoGridModel(self.thumbnails, self)
        self.filters = PhotoFilterBar()
        self.grid = PhotoGrid()
        self.grid.setModel(self.model)
        self.grid.installEventFilter(self)
        self.filters.search.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("photoCount")
        self.import_button = QPushButton(self.tr("Import a Folder of Photos…"))
        self.import_button.setObjectName("photoImportFolder")
        self.import_button.setToolTip(
            self.tr("Take in every photo of a card or folder, with its sub-folders")
        )
        self.hint = QLabel(
            self.tr("0–5: rating · 6–9: colour label · Space: preview · drag onto an article")
        )
        self.hint.setObjectName("photoKeysHint")
        self.hint.setStyleSheet("color: #7a8290;")
        self.preview = PhotoPreview(lambda photo: library.thumbnail(photo, PREVIEW_SIZE), self)
        self._build()
        self.filters.changed.connect(self.refilter)
        self.import_button.clicked.connect(self.import_requested)
        self.preview.step.connect(self._step_preview)
        self.preview.key_pressed.connect(self._mark_key)
        self.undo_stack = QUndoStack(self)
        self._build_undo()
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.grid.activated.connect(lambda _index: self.show_preview())
        self._scrolled_to = 0
        self.grid.verticalScrollBar().valueChanged.connect(self._prefetch)
        self.loaded = False
        self._every: dict[str, LibraryPhoto] = {}  # every photo, newest taken first
        self._loading: Operation | None = None
        self._reload_again = False
        self._after_load: list[Callable[[], None]] = []

    def _build_undo(self) -> None:
        """Ctrl+Z and Ctrl+Shift+Z in the Photos view take marks back and again."""
        self.action_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo Marking"))
        self.action_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo Marking"))
        for action, key in (
            (self.action_undo, QKeySequence.StandardKey.Undo),
            (self.action_redo, QKeySequence.StandardKey.Redo),
        ):
            action.setShortcuts(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.action_find = QAction(self.tr("Search Photos"), self)
        self.action_find.setShortcuts(QKeySequence.StandardKey.Find)
        self.action_find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action_find.triggered.connect(self.focus_search)
        self.addAction(self.action_find)

    def _build(self) -> None:
        top = QHBoxLayout()
        title = QLabel(self.tr("Photos"))
        title.setObjectName("panelTitle")
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.hint)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.grid, 1)

    def _prefetch(self, value: int) -> None:
        """Ask for the next screen's thumbnails in the scroll's direction.

        A cell that scrolls in with its image painted once, whole: no grey cell painted first
        and again when its image arrives, which halves the GUI thread's work in a scroll.
        """
        down = value >= self._scrolled_to
        self._scrolled_to = value
        area = self.grid.viewport().rect()
        cell = self.grid.gridSize()
        edge = QPoint(area.left() + cell.width() // 2, area.bottom() if down else area.top())
        index = self.grid.indexAt(edge)  # the first cell of the row at the edge scrolled to
        if not index.isValid():
            return
        columns = max(1, area.width() // max(1, cell.width()))
        screen = columns * (area.height() // max(1, cell.height()) + 1)
        first = index.row() - index.row() % columns
        if down:
            rows = range(first + columns, min(self.model.rowCount(), first + columns + screen))
        else:
            rows = range(max(0, first - screen), first)
        self.thumbnails.prefetch(self.model.photo(row) for row in rows)

    # -- showing -------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Tell whether the photos are being read (the grid shows the last ones meanwhile)."""
        return self._loading is not None

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the newsroom's photos afresh, off the GUI thread; then show them and call ``then``.

        A change seen while the grid is scrolled (another desk saved) must not stall it: the
        store is read by a worker, and a list that comes back with the same photos in the same
        order only repaints the cells whose photo changed.
        """
        if then is not None:
            self._after_load.append(then)
        if self._loading is not None:
            self._reload_again = True
            return
        library = self.library
        operation = Operation(
            self.tr("Reading photos…"),
            lambda _progress: library.photos(),
            self,
        )
        operation.done.connect(self._loaded)
        operation.failed.connect(self._load_failed)
        self._loading = operation.start()

    def _loaded(self, every: list[LibraryPhoto]) -> None:
        self._loading = None
        if self._reload_again:  # something changed while reading: read once more
            self._reload_again = False
            self.reload()
            return
        self._every = {p.id: p for p in every}
        self.filters.set_creators(creators_of(every))
        self.loaded = True
        self.refilter()
        callbacks, self._after_load = self._after_load, []
        for callback in callbacks:
            callback()

    def _load_failed(self, error: object) -> None:
        self._loading = None
        self._reload_again = False
        self._after_load = []
        message = (
            error_message(error.code, error.message)
            if isinstance(error, NewsroomError)
            else str(error)
        )
        self.problem.emit(self.tr("Could not show the photos"), message)

    def refilter(self) -> None:
        """Show the photos the filters ask for (from memory), keeping the current photo."""
        current = self.current_photo()
        photos = filter_photos(list(self._every.values()), self.filters.current())
        self.count_label.setText(self.tr("%n photo(s)", "", len(photos)))
        shown = self.model.photos()
        if [p.id for p in photos] == [p.id for p in shown]:
            # The same photos in the same order: repaint what changed, keep the scroll.
            self.model.update([new for new, old in zip(photos, shown, strict=True) if new != old])
            return
        self.model.set_photos(photos)
        row = self.model.row_of(current.id) if current is not None else None
        if row is None and photos:
            row = 0
        if row is not None:
            self.grid.setCurrentIndex(self.model.index(row))

    def focus_search(self) -> None:
        """Put the cursor in the search field (Ctrl+F); Down or Tab goes back to the grid."""
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def current_photo(self) -> LibraryPhoto | None:
        index = self.grid.currentIndex()
        return self.model.photo(index.row()) if index.isValid() else None

    def selected_photos(self) -> list[LibraryPhoto]:
        """Return the selected photos in grid order (the current one if none is selected)."""
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        if not rows:
            current = self.current_photo()
            return [current] if current is not None else []
        return [self.model.photo(row) for row in rows]

    def select_rows(self, rows: list[int]) -> None:
        selection = self.grid.selectionModel()
        selection.clearSelection()
        flag = QItemSelectionModel.SelectionFlag.Select
        for row in rows:
            selection.select(self.model.index(row), flag)
        if rows:
            selection.setCurrentIndex(
                self.model.index(rows[-1]), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    # -- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filters.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.filters.flush()
                self.grid.setFocus()
                return True
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.NoModifier:
                if event.key() == Qt.Key.Key_Space:
                    self.show_preview()
                    return True
                if self._mark_key(event.key()):
                    return True
        return super().eventFilter(watched, event)

    def _mark_key(self, key: int) -> bool:
        """Apply a rating key (0–5) or colour-label key (6–9) to the selection."""
        photos = self.selected_photos()
        if not photos:
            return False
        if key in RATING_KEYS:
            self.mark(photos, rating=RATING_KEYS[key])
            return True
        if key in LABEL_KEYS:
            label = LABEL_KEYS[key]
            # The same key again takes the label off, as in Photo Mechanic and Lightroom.
            same = all(p.color_label == label for p in photos)
            self.mark(photos, color_label="" if same else label)
            return True
        return False

    def mark(
        self,
        photos: list[LibraryPhoto],
        *,
        rating: int | None = None,
        color_label: str | None = None,
    ) -> None:
        """Mark photos as one step of the desk's undo (Ctrl+Z takes it back)."""
        text = self._mark_text(len(photos), rating, color_label)
        command = MarkCommand(
            self.library,
            photos,
            rating=rating,
            color_label=color_label,
            shown=self._show_marks,
            failed=self._mark_failed,
            text=text,
        )
        if command.apply():
            self.undo_stack.push(command)
            self.status.emit(text)

    def _mark_text(self, count: int, rating: int | None, color_label: str | None) -> str:
        if rating is not None:
            return self.tr("Rated %n photo(s): ", "", count) + "★" * rating + "☆" * (5 - rating)
        if color_label:
            name = label_names()[COLOR_LABELS.index(color_label)]
            return self.tr("Labelled %n photo(s): ", "", count) + name
        return self.tr("Took the colour label off %n photo(s).", "", count)

    def _show_marks(self, marked: list[LibraryPhoto]) -> None:
        self._every.update((p.id, p) for p in marked if p.id in self._every)
        self.model.update(marked)
        if self.preview.isVisible() and self.preview.photo is not None:
            shown = [p for p in marked if p.id == self.preview.photo.id]
            if shown:
                self.preview.show_marks(shown[0])

    def _mark_failed(self, exc: NewsroomError) -> None:
        self.problem.emit(
            self.tr("Could not mark the photos"), error_message(exc.code, exc.message)
        )

    def _context_menu(self, point: QPoint) -> None:
        photos = self.selected_photos()
        if not photos:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Preview\tSpace"), self.show_preview)
        menu.addAction(
            self.tr("Add to the Open Article"),
            lambda: self.use_requested.emit([p.id for p in photos]),
        )
        rating = menu.addMenu(self.tr("Rating"))
        for stars in range(6):
            text = ("★" * stars + "☆" * (5 - stars)) + f"\t{stars}"
            rating.addAction(text, partial(self.mark, photos, rating=stars))
        label = menu.addMenu(self.tr("Colour Label"))
        for key, (name, text) in enumerate(zip(COLOR_LABELS, label_names(), strict=True), 6):
            label.addAction(f"{text}\t{key}", partial(self.mark, photos, color_label=name))
        label.addAction(self.tr("None"), lambda: self.mark(photos, color_label=""))
        menu.addSeparator()
        menu.addAction(self.action_undo)
        menu.addAction(self.action_redo)
        menu.exec(self.grid.viewport().mapToGlobal(point))

    # -- preview -------------------------------------------------------------------------

    def show_preview(self) -> None:
        """Show the current photo large (Space again closes)."""
        photo = self.current_photo()
        if photo is None:
            return
        self.preview.show_photo(photo, self.thumbnails.image(photo))
        self.preview.show()
        self.preview.raise_()
        self.preview.activateWindow()

    def _step_preview(self, step: int) -> None:
        index = self.grid.currentIndex()
        row = index.row() + step if index.isValid() else 0
        if 0 <= row < self.model.rowCount():
            self.select_rows([row])
            self.grid.scrollTo(self.model.index(row))
            self.show_preview()

    def stop(self) -> None:
        """Stop the background loads (the window closes)."""
        self.thumbnails.stop()
        self.preview.close()
