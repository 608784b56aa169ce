"""The photo and caption panel: thumbnails to order and mark, and the chosen photo's captions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.core.photo_checks import (
    ALT_REPEATS_CAPTION,
    MISSING_ALT,
    MISSING_CAPTION,
    MISSING_CREDIT,
    MISSING_FILE,
    use_warnings,
)

Thumbnails = Callable[[PhotoUse], QImage | None]
IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
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


class PhotoPanel(QWidget):
    """Shows the article's photos; edits of captions are reported, never saved here."""

    add_files = Signal(list)
    caption_edited = Signal(object)  # the PhotoUse with the new caption, credit and alt text
    lead_requested = Signal(str)
    remove_requested = Signal(str)
    insert_requested = Signal(str)
    attach_file = Signal(str, str)  # use id, file: a photo for a figure waiting for one
    order_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: ArticleDoc | None = None
        self._thumbnails: Thumbnails = lambda use: None
        self._current: PhotoUse | None = None
        self._loading = False
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.list = _ThumbList()
        self.list.setObjectName("photoList")
        self.add_button = QToolButton()
        self.insert_button = QToolButton()
        self.lead_button = QToolButton()
        self.remove_button = QToolButton()
        self.attach_button = QPushButton()
        self.attach_button.setObjectName("attachPhoto")
        self.attach_button.hide()
        self.preview = QLabel()
        self.caption = QPlainTextEdit()
        self.caption.setObjectName("captionEdit")
        self.credit = QLineEdit()
        self.credit.setObjectName("creditEdit")
        self.alt_text = QPlainTextEdit()
        self.alt_text.setObjectName("altEdit")
        self.file_info = QLabel()
        self.warnings = QLabel()
        self.warnings.setObjectName("photoWarnings")
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(0)
        self._build()
        self._wire()
        self.retranslate()
        self.show_article(None)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.insert_button, self.lead_button, self.remove_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(160)
        self.preview.setObjectName("photoPreview")
        for box in (self.caption, self.alt_text):
            box.setTabChangesFocus(True)
            box.setFixedHeight(64)
        self.file_info.setWordWrap(True)
        self.file_info.setObjectName("fileInfo")
        self.file_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.addRow("", self.caption)
        self.form.addRow("", self.credit)
        self.form.addRow("", self.alt_text)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.preview)
        details_layout.addWidget(self.attach_button)
        details_layout.addWidget(self.warnings)
        details_layout.addLayout(self.form)
        details_layout.addWidget(self.file_info)
        details_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(details)
        self.details = details
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.addWidget(self.title)
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
        self.insert_button.clicked.connect(lambda: self._emit_for_current(self.insert_requested))
        self.lead_button.clicked.connect(lambda: self._emit_for_current(self.lead_requested))
        self.remove_button.clicked.connect(lambda: self._emit_for_current(self.remove_requested))
        self.caption.textChanged.connect(self._edit_timer.start)
        self.credit.textChanged.connect(self._edit_timer.start)
        self.alt_text.textChanged.connect(self._edit_timer.start)
        self._edit_timer.timeout.connect(self._emit_caption)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Photos"))
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add photos from files (or drop them here)"))
        self.insert_button.setText(self.tr("Insert"))
        self.insert_button.setToolTip(self.tr("Place the photo in the body at the cursor"))
        self.lead_button.setText(self.tr("Lead"))
        self.lead_button.setToolTip(self.tr("Make this the lead photo"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take this photo out of the article"))
        self.attach_button.setText(self.tr("Choose the Photo…"))
        self.attach_button.setToolTip(self.tr("Give this figure its photo file"))
        self.caption.setPlaceholderText(self.tr("Caption for this article"))
        self.credit.setPlaceholderText(self.tr("Credit, e.g. Ảnh: Ngọc Hậu"))
        self.alt_text.setPlaceholderText(
            self.tr("Alt text: what the photo shows, for readers who cannot see it")
        )
        labels = (self.tr("Caption"), self.tr("Credit"), self.tr("Alt text"))
        for row, text in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.setText(text)
        self._refresh_details()

    def choose_attachment(self) -> None:
        """Ask for the file of the figure that waits for its photo."""
        if self._current is None:
            return
        file, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the photo"),
            "",
            self.tr("Images (%1)").replace("%1", IMAGE_FILTER),
        )
        if file:
            self.attach_file.emit(self._current.id, file)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images (%1)").replace("%1", IMAGE_FILTER)
        )
        if files:
            self.add_files.emit(files)

    def _emit_for_current(self, signal: Any) -> None:
        if self._current is not None:
            signal.emit(self._current.id)

    def set_thumbnail_source(self, thumbnails: Thumbnails) -> None:
        self._thumbnails = thumbnails

    def show_article(self, doc: ArticleDoc | None, select: str | None = None) -> None:
        """Show the photos of ``doc`` (None: no article), keeping or choosing the selection."""
        keep = select or (self._current.id if self._current else None)
        self._doc = doc
        self._loading = True
        self.list.clear()
        for use in doc.photos if doc else ():
            item = QListWidgetItem(self._item_text(use))
            item.setData(ID_ROLE, use.id)
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
        warn = " ⚠" if use_warnings(use) else ""
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
        """Return a thumbnail's tooltip: its whole caption, and its file's name."""
        return "\n".join(t for t in (use.caption, use.original_filename) if t)

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
        for widget in (self.caption, self.credit, self.alt_text, self.insert_button,
                       self.lead_button, self.remove_button):  # fmt: skip
            widget.setEnabled(has)
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
        width = max(160, self.preview.width() - 8)
        self.preview.setPixmap(
            pixmap.scaledToWidth(
                min(width, pixmap.width() * 2), Qt.TransformationMode.SmoothTransformation
            )
        )

    def _file_text(self, use: PhotoUse) -> str:
        rows = [
            (self.tr("File says"), use.description),
            (self.tr("Creator"), use.creator),
            (self.tr("Copyright"), use.copyright),
            (self.tr("Taken"), use.taken_at.replace("T", " ")),
            (self.tr("Camera"), use.camera),
            (self.tr("Size"), f"{use.width} × {use.height} {use.format}" if use.width else ""),
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
        }
        found = [texts.get(w.code, w.message) for w in use_warnings(use)]
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
        self._current = edited
        item = self.list.currentItem()
        if item is not None:
            item.setText(self._item_text(edited))
            item.setToolTip(self._item_tip(edited))
        self._show_warnings(edited)
        self.caption_edited.emit(edited)

    def current_use(self) -> PhotoUse | None:
        return self._current

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls() and self._doc is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_files.emit([str(Path(p)) for p in paths])
            event.acceptProposedAction()
