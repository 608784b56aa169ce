"""The photo and caption panel: thumbnails to order and mark, and the chosen photo's captions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFontMetrics,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.core.photo_checks import (
    ALT_REPEATS_CAPTION,
    MISSING_ALT,
    MISSING_CAPTION,
    MISSING_CREDIT,
    MISSING_FILE,
    REPEATED,
    TOO_NARROW,
    repeated_uses,
    shown_width,
    too_narrow,
    use_warnings,
)
from newsroom_desktop.ui.code_expander import CodeExpander
from newsroom_desktop.ui.editor.fields import GrowingTextEdit
from newsroom_desktop.ui.editor.paste import MARKDOWN_MIME
from newsroom_desktop.ui.folders import PHOTOS, remember_folder, start_folder
from newsroom_desktop.ui.photo_batch import PhotoBatch

Thumbnails = Callable[[PhotoUse], QImage | None]
IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALT_ROLE = Qt.ItemDataRole.UserRole + 2
GRID = QSize(132, 116)
LABEL_WIDTH = GRID.width() - 12  # the cell less the view's text margins


class _ThumbList(QListWidget):
    """Thumbnails that can be dragged into a new order, and take image files dropped on them."""

    files_dropped = Signal(list)
    reordered = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(104, 78))
        self.setGridSize(GRID)
        self.setMovement(QListWidget.Movement.Snap)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        # One line under each thumbnail, elided by the panel (with "…"), never cut mid-word.
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(4)
        self.setMinimumHeight(130)

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            if paths:
                self.files_dropped.emit(paths)
            return
        before = self.order()
        super().dropEvent(event)
        after = self.order()
        if after != before and sorted(after) == sorted(before):
            self.reordered.emit(after)

    def order(self) -> list[str]:
        return [str(self.item(i).data(ID_ROLE)) for i in range(self.count())]

    def mimeData(self, items: Any) -> QMimeData:
        # Dragged into the body, a thumbnail places its photo there (the body reads this).
        mime = super().mimeData(items)
        figures = [
            body_md.figure_markdown(str(item.data(ID_ROLE)), str(item.data(ALT_ROLE) or ""))
            for item in items
        ]
        mime.setData(MARKDOWN_MIME, "\n\n".join(figures).encode("utf-8"))
        return mime


class _Preview(QLabel):
    """The chosen photo, large; a double click opens it for cropping."""

    double_clicked = Signal()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit()
        event.accept()


class PhotoPanel(QWidget):
    """Shows the article's photos; edits of captions are reported, never saved here."""

    add_files = Signal(list)
    caption_edited = Signal(object)  # the PhotoUse with the new caption, credit and alt text
    lead_requested = Signal(str)
    remove_requested = Signal(str)
    insert_requested = Signal(str)
    attach_file = Signal(str, str)  # use id, file: a photo for a figure waiting for one
    order_changed = Signal(list)
    crop_requested = Signal(str)  # use id: open the crop dialog for it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: ArticleDoc | None = None
        self._thumbnails: Thumbnails = lambda use: None
        self._current: PhotoUse | None = None
        self._loading = False
        self.min_width = 0  # photos narrower than this are too small for the web (0: no check)
        self._repeated: frozenset[str] = frozenset()  # uses showing a photo shown elsewhere too
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.list = _ThumbList()
        self.list.setObjectName("photoList")
        self.add_button = QToolButton()
        self.insert_button = QToolButton()
        self.lead_button = QToolButton()
        self.remove_button = QToolButton()
        self.crop_button = QToolButton()
        self.crop_button.setObjectName("cropPhoto")
        self.attach_button = QPushButton()
        self.attach_button.setObjectName("attachPhoto")
        self.attach_button.hide()
        self.preview = _Preview()
        self.caption = GrowingTextEdit(2)
        self.caption.setObjectName("captionEdit")
        self.credit = QLineEdit()
        self.credit.setObjectName("creditEdit")
        self.alt_text = GrowingTextEdit(2)
        self.alt_text.setObjectName("altEdit")
        self.caption_label = QLabel()
        self.credit_label = QLabel()
        self.alt_label = QLabel()
        self.file_info = QLabel()
        self.warnings = QLabel()
        self.warnings.setObjectName("photoWarnings")
        self.added_notice = QLabel()  # what the photos just added need, until the next article
        self.added_notice.setObjectName("photoAddedNotice")
        self.action_insert = QAction(self)
        self.action_lead = QAction(self)
        self.action_remove = QAction(self)
        self.action_crop = QAction(self)
        self.action_crop.setShortcut(QKeySequence("C"))
        # C is a letter to type in the caption: the shortcut is the panel's, never the window's.
        self.action_crop.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.action_crop)
        self._build_batch_actions()
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(0)
        self._build()
        self._wire()
        self.retranslate()
        self.show_article(None)

    def _build_batch_actions(self) -> None:
        """Captions of many photos at once (the caption desk's controller runs these)."""
        self.action_apply_template = QAction(self)
        self.action_apply_template.setObjectName("applyTemplate")
        self.action_batch_edit = QAction(self)
        self.action_batch_edit.setObjectName("batchEdit")
        self.batch = PhotoBatch(self._show_batch_use, self)
        self.action_undo_batch = self.batch.createUndoAction(self)
        self.action_undo_batch.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action_redo_batch = self.batch.createRedoAction(self)
        self.action_redo_batch.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.expander = CodeExpander(self)

    def _button_row(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        row = (self.add_button, self.crop_button, self.lead_button, self.remove_button)
        for button in (*row, self.insert_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for button in row:
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Under the chosen photo, as wide as it: the one step that puts it into the text.
        self.insert_button.setObjectName("insertPhoto")
        self.insert_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        separator = QAction(self)
        separator.setSeparator(True)
        self.list.addActions(
            [self.action_insert, self.action_crop, self.action_lead, self.action_remove, separator]
        )
        self.list.addActions([self.action_apply_template, self.action_batch_edit])
        self.list.addActions([self.action_undo_batch, self.action_redo_batch])
        for action in (self.action_undo_batch, self.action_redo_batch):
            # Only while the thumbnails have the focus: the caption fields keep their own undo.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.insert_button.setDefaultAction(self.action_insert)
        self.lead_button.setDefaultAction(self.action_lead)
        self.remove_button.setDefaultAction(self.action_remove)
        self.crop_button.setDefaultAction(self.action_crop)
        return buttons

    def _build(self) -> None:
        buttons = self._button_row()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(160)
        self.preview.setObjectName("photoPreview")
        # The picture follows the panel's width; it never makes the panel wider.
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for box in (self.caption, self.alt_text):
            box.setTabChangesFocus(True)
        self.file_info.setWordWrap(True)
        self.file_info.setObjectName("fileInfo")
        self.file_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        self.added_notice.setWordWrap(True)
        self.added_notice.hide()
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for label, field in (
            (self.caption_label, self.caption),
            (self.credit_label, self.credit),
            (self.alt_label, self.alt_text),
        ):
            label.setObjectName("FieldLabel")
            label.setBuddy(field)
            self.form.addRow(label, field)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.preview)
        details_layout.addWidget(self.insert_button)
        details_layout.addWidget(self.attach_button)
        details_layout.addWidget(self.warnings)
        details_layout.addLayout(self.form)
        details_layout.addWidget(self.file_info)
        details_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(details)
        self.details = details
        self.details_scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.added_notice)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        self.setAcceptDrops(True)

    def _wire(self) -> None:
        self.list.currentItemChanged.connect(self._on_current)
        self.list.files_dropped.connect(self.add_files)
        self.list.reordered.connect(self.order_changed)
        self.add_button.clicked.connect(self.choose_files)
        self.attach_button.clicked.connect(self.choose_attachment)
        self.action_insert.triggered.connect(lambda: self._emit_for_current(self.insert_requested))
        self.action_lead.triggered.connect(lambda: self._emit_for_current(self.lead_requested))
        self.action_remove.triggered.connect(lambda: self._emit_for_current(self.remove_requested))
        self.action_crop.triggered.connect(self._request_crop)
        self.preview.double_clicked.connect(self._request_crop)
        # Enter or a double click on a thumbnail places it in the text, as the button does.
        self.list.itemActivated.connect(lambda _item: self.action_insert.trigger())
        self.caption.textChanged.connect(self._edit_timer.start)
        self.credit.textChanged.connect(self._edit_timer.start)
        self.alt_text.textChanged.connect(self._edit_timer.start)
        self._edit_timer.timeout.connect(self._emit_caption)
        self.expander.watch(self.caption, self.credit, self.alt_text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Photos"))
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add photos from files (or drop them here)"))
        self.action_insert.setText(self.tr("Insert in Text"))
        self.action_insert.setToolTip(
            self.tr("Place the photo in the body at the cursor (or drag it into the text)")
        )
        self.action_lead.setText(self.tr("Lead"))
        self.action_lead.setToolTip(self.tr("Make this the lead photo"))
        self.action_remove.setText(self.tr("Remove"))
        self.action_remove.setToolTip(self.tr("Take this photo out of the article"))
        self.action_crop.setText(self.tr("Crop…"))
        self.action_crop.setToolTip(
            self.tr("Crop, turn or straighten the photo for this article (C, or double-click it)")
        )
        self.attach_button.setText(self.tr("Choose the Photo…"))
        self.attach_button.setToolTip(self.tr("Give this figure its photo file"))
        self.action_apply_template.setText(self.tr("Apply Caption &Template…"))
        self.action_apply_template.setToolTip(
            self.tr("Fill the selected photos' captions from a caption template")
        )
        self.action_batch_edit.setText(self.tr("Set a Field for &All Selected…"))
        self.action_batch_edit.setToolTip(
            self.tr("Give the caption, credit or alt text of every selected photo one text")
        )
        self.caption.setPlaceholderText(self.tr("Caption for this article"))
        self.credit.setPlaceholderText(self.tr("Credit, e.g. Ảnh: Ngọc Hậu"))
        self.alt_text.setPlaceholderText(
            self.tr("Alt text: what the photo shows, for readers who cannot see it")
        )
        self.caption_label.setText(self.tr("Ca&ption"))
        self.credit_label.setText(self.tr("C&redit"))
        self.alt_label.setText(self.tr("Alt te&xt"))
        self._refresh_details()

    def choose_attachment(self) -> None:
        """Ask for the file of the figure that waits for its photo."""
        if self._current is None:
            return
        file, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the photo"),
            start_folder(PHOTOS),
            self.tr("Images (%1)").replace("%1", IMAGE_FILTER),
        )
        remember_folder(PHOTOS, file)
        if file:
            self.attach_file.emit(self._current.id, file)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            start_folder(PHOTOS),
            self.tr("Images (%1)").replace("%1", IMAGE_FILTER),
        )
        remember_folder(PHOTOS, files)
        if files:
            self.add_files.emit(files)

    def _request_crop(self) -> None:
        if self._current is not None and self._current.has_file:
            self.crop_requested.emit(self._current.id)

    def _emit_for_current(self, signal: Any) -> None:
        if self._current is not None:
            signal.emit(self._current.id)

    def set_thumbnail_source(self, thumbnails: Thumbnails) -> None:
        self._thumbnails = thumbnails

    def set_min_width(self, pixels: int) -> None:
        """Flag photos narrower than ``pixels`` as too small for the web (0: never)."""
        self.min_width = pixels
        self.show_article(self._doc)

    def show_added(self, uses: list[PhotoUse]) -> None:
        """Say where the photos just added went, and which are too small for the web."""
        narrow = [u for u in uses if too_narrow(u, self.min_width)]
        if not narrow:
            self.added_notice.hide()
            return
        names = ", ".join(
            self.tr("%1 (%2 px)")
            .replace("%1", u.original_filename or self.tr("photo"))
            .replace("%2", str(shown_width(u)))
            for u in narrow
        )
        self.added_notice.setText(
            "⚠ "
            + self.tr("Too small for the web (narrower than %1 px): %2")
            .replace("%1", str(self.min_width))
            .replace("%2", names)
        )
        self.added_notice.show()

    def show_article(self, doc: ArticleDoc | None, select: str | None = None) -> None:
        """Show the photos of ``doc`` (None: no article), keeping or choosing the selection."""
        keep = select or (self._current.id if self._current else None)
        if doc is None or self._doc is None or doc.id != self._doc.id:
            self.added_notice.hide()
            self.batch.clear()  # a batch's undo belongs to the article it changed
        self._doc = doc
        placed = body_md.photo_ids(doc.body) if doc and doc.photos else []
        self._repeated = repeated_uses(doc.photos, placed) if doc else frozenset()
        self._loading = True
        self.list.clear()
        for use in doc.photos if doc else ():
            item = QListWidgetItem(self._item_text(use))
            item.setData(ID_ROLE, use.id)
            item.setData(ALT_ROLE, use.alt_text)
            image = self._thumbnails(use)
            if image is not None:
                item.setIcon(QPixmap.fromImage(image))
            item.setToolTip(self._item_tip(use))
            self.list.addItem(item)
        self._loading = False
        ids = [u.id for u in doc.photos] if doc else []
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.list.setCurrentRow(row)
        if row < 0:
            self._current = None
            self._refresh_details()
        enabled = doc is not None
        self.add_button.setEnabled(enabled)
        self.setAcceptDrops(enabled)

    def _item_text(self, use: PhotoUse) -> str:
        """Return the label under a thumbnail: two lines of caption, elided with "…", marks kept."""
        mark = "★ " if use.is_lead else ""
        warn = " ⚠" if self._warnings(use) else ""
        words = (use.caption or self.tr("(no caption)")).split()
        metrics = QFontMetrics(self.list.font())
        first = mark
        while words and metrics.horizontalAdvance(f"{first}{words[0]}") <= LABEL_WIDTH:
            first += f"{words.pop(0)} "
        if not words:
            return f"{first.rstrip()}{warn}"
        rest = " ".join(words)
        room = LABEL_WIDTH - metrics.horizontalAdvance(warn)
        if first == mark:  # a first word too long for a line: elide it there
            return f"{mark}{metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room)}{warn}"
        second = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room)
        return f"{first.rstrip()}\n{second}{warn}"

    def _item_tip(self, use: PhotoUse) -> str:
        """Return a thumbnail's tooltip: its whole caption, its file's name, a width warning."""
        tip = "\n".join(t for t in (use.caption, use.original_filename) if t)
        if too_narrow(use, self.min_width):
            tip = f"{tip}\n⚠ {self._narrow_text(use)}"
        return tip

    def _warnings(self, use: PhotoUse) -> list[Any]:
        return use_warnings(use, self.min_width, repeated=use.id in self._repeated)

    def _narrow_text(self, use: PhotoUse) -> str:
        if use.recipe is not None:
            return (
                self.tr("Only %1 px wide once cropped: too small for the web (at least %2 px).")
                .replace("%1", str(shown_width(use)))
                .replace("%2", str(self.min_width))
            )
        return (
            self.tr("Only %1 px wide: too small for the web (at least %2 px).")
            .replace("%1", str(shown_width(use)))
            .replace("%2", str(self.min_width))
        )

    def _on_current(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if self._loading:
            return
        use_id = item.data(ID_ROLE) if item is not None else None
        self._current = self._doc.photo(use_id) if self._doc and use_id else None
        self._refresh_details()

    def _refresh_details(self) -> None:
        use = self._current
        self._loading = True
        has = use is not None
        for widget in (self.caption, self.credit, self.alt_text):
            widget.setEnabled(has)
        for action in (self.action_insert, self.action_lead, self.action_remove):
            action.setEnabled(has)
        self.action_crop.setEnabled(use is not None and use.has_file)
        self.caption.setPlainText(use.caption if use else "")
        self.credit.setText(use.credit if use else "")
        self.alt_text.setPlainText(use.alt_text if use else "")
        self._edit_timer.stop()  # showing a photo's captions is not an edit of them
        self._loading = False
        self._show_preview(use)
        self.attach_button.setVisible(use is not None and not use.has_file)
        self.file_info.setText(self._file_text(use) if use else "")
        self._show_warnings(use)

    def _show_preview(self, use: PhotoUse | None) -> None:
        image = self._thumbnails(use) if use is not None else None
        if image is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(
                self.tr("No photo selected") if use is None else self.tr("Waiting for its photo")
            )
            return
        pixmap = QPixmap.fromImage(image)
        ratio = self.devicePixelRatioF()
        width = max(120, self.details_scroll.viewport().width() - 8)
        scaled = pixmap.scaledToWidth(
            round(min(width, pixmap.width() * 2) * ratio),
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(ratio)
        self.preview.setPixmap(scaled)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_preview(self._current)

    def _file_text(self, use: PhotoUse) -> str:
        rows = [
            (self.tr("File says"), use.description),
            (self.tr("Creator"), use.creator),
            (self.tr("Copyright"), use.copyright),
            (self.tr("Taken"), use.taken_at.replace("T", " ")),
            (self.tr("Camera"), use.camera),
            (self.tr("Size"), f"{use.width} × {use.height} {use.format}" if use.width else ""),
            (self.tr("Cropped to"), "{} × {}".format(*use.final_size) if use.recipe else ""),
            (self.tr("File"), use.original_filename),
        ]
        return "\n".join(f"{label}: {value}" for label, value in rows if value)

    def _show_warnings(self, use: PhotoUse | None) -> None:
        if use is None:
            self.warnings.setText("")
            self.warnings.hide()
            return
        texts = {
            MISSING_FILE: self.tr("This figure is waiting for its photo."),
            MISSING_CAPTION: self.tr("No caption."),
            MISSING_CREDIT: self.tr("No credit."),
            MISSING_ALT: self.tr("No alt text."),
            ALT_REPEATS_CAPTION: self.tr("The alt text only repeats the caption."),
            TOO_NARROW: self._narrow_text(use),
            REPEATED: self.tr("The article shows this photo more than once."),
        }
        found = [texts.get(w.code, w.message) for w in self._warnings(use)]
        self.warnings.setText("\n".join(f"⚠ {t}" for t in found))
        self.warnings.setVisible(bool(found))

    def _emit_caption(self) -> None:
        if self._loading or self._current is None:
            return
        edited = replace(
            self._current,
            caption=self.caption.toPlainText(),
            credit=self.credit.text(),
            alt_text=self.alt_text.toPlainText(),
        )
        if edited == self._current:
            return  # Qt said "changed" for underlines redrawn (spelling), not for typing
        self._current = edited
        item = self.list.currentItem()
        if item is not None:
            item.setText(self._item_text(edited))
            item.setData(ALT_ROLE, edited.alt_text)
            item.setToolTip(self._item_tip(edited))
        self._show_warnings(edited)
        self.caption_edited.emit(edited)

    def update_use(self, use: PhotoUse) -> None:
        """Show a photo's captions changed elsewhere (a replace); not reported as an edit."""
        if self._doc is None or self._doc.photo(use.id) is None:
            return
        photos = tuple(use if p.id == use.id else p for p in self._doc.photos)
        self._doc = replace(self._doc, photos=photos)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == use.id:
                item.setText(self._item_text(use))
                item.setToolTip(self._item_tip(use))
        if self._current is not None and self._current.id == use.id:
            self._current = use
            self._refresh_details()

    def show_caption_match(self, use_id: str, start: int, end: int) -> None:
        """Select the photo and, in its caption, the text from ``start`` to ``end``."""
        order = self.list.order()
        if use_id not in order:
            return
        self.list.setCurrentRow(order.index(use_id))
        cursor = self.caption.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.caption.setTextCursor(cursor)
        self.caption.ensureCursorVisible()

    def current_use(self) -> PhotoUse | None:
        return self._current

    def selected_uses(self) -> list[PhotoUse]:
        """Return the selected photos in the article's order (the current one if none is)."""
        chosen = {str(item.data(ID_ROLE)) for item in self.list.selectedItems()}
        uses = [u for u in self._doc.photos if u.id in chosen] if self._doc else []
        if not uses and self._current is not None:
            uses = [self._current]
        return uses

    def _show_batch_use(self, use: PhotoUse) -> None:
        """Show and report one photo's captions set by a batch (or its undo)."""
        self.update_use(use)
        self.caption_edited.emit(use)

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls() and self._doc is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_files.emit([str(Path(p)) for p in paths])
            event.acceptProposedAction()
