"""The large preview of a photo (Space): the picture fitted to the window, and its caption."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.photo_records import LibraryPhoto

PREVIEW_SIZE = 1600  # the longest side of the preview's cached rendition


class _Signals(QObject):
    ready = Signal(str, QImage)


class _LoadLarge(QRunnable):
    def __init__(
        self,
        photo: LibraryPhoto,
        large: Callable[[LibraryPhoto], Path],
        signals: _Signals,
        alive: threading.Event,
    ) -> None:
        super().__init__()
        self.photo, self.large, self.signals, self.alive = photo, large, signals, alive

    @Slot()
    def run(self) -> None:
        image = QImage()
        with contextlib.suppress(NewsroomError, OSError):
            image.load(str(self.large(self.photo)))
        if self.alive.is_set():
            self.signals.ready.emit(self.photo.id, image)


class PhotoPreview(QDialog):
    """Shows one photo large; Space or Escape closes, arrows move, 0–9 mark (as in the grid)."""

    step = Signal(int)  # -1: the previous photo, +1: the next
    key_pressed = Signal(int)  # a mark key, for the grid to apply

    def __init__(
        self, large: Callable[[LibraryPhoto], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoPreview")
        self.setWindowTitle(self.tr("Preview"))
        self.resize(1000, 760)
        self._large = large
        self._photo: LibraryPhoto | None = None
        self._image = QImage()
        self.picture = QLabel()
        self.picture.setObjectName("photoPreviewPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setStyleSheet("background: #1d2330; color: #c9ced6;")
        self.caption = QLabel()
        self.caption.setObjectName("photoPreviewCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel()
        self.details.setObjectName("photoPreviewDetails")
        self.details.setStyleSheet("color: #5b6270;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.details)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._alive = threading.Event()
        self._alive.set()
        self._signals = _Signals()
        self._signals.ready.connect(self._arrived)

    @property
    def photo(self) -> LibraryPhoto | None:
        return self._photo

    def show_photo(self, photo: LibraryPhoto, small: QImage | None) -> None:
        """Show ``photo`` at once from its grid image, then sharp when the large one is read."""
        self._photo = photo
        self._image = small if small is not None else QImage()
        self._fit()
        self.caption.setText(photo.description or self.tr("(no caption)"))
        self.show_marks(photo)
        self._pool.start(_LoadLarge(photo, self._large, self._signals, self._alive))

    def show_marks(self, photo: LibraryPhoto) -> None:
        """Show the photo's facts and marks (again, after a key changed them)."""
        self._photo = photo
        stars = "★" * photo.rating + "☆" * (5 - photo.rating)
        facts = [
            photo.original_filename,
            f"{photo.width}×{photo.height}",
            photo.taken_at[:16].replace("T", " "),
            photo.creator,
            photo.credit,
            stars,
        ]
        self.details.setText("  ·  ".join(f for f in facts if f))

    def _arrived(self, photo_id: str, image: QImage) -> None:
        if self._photo is not None and photo_id == self._photo.id and not image.isNull():
            self._image = image
            self._fit()

    def _fit(self) -> None:
        if self._image.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("Loading…"))
            return
        size = self.picture.size()
        self.picture.setPixmap(
            QPixmap.fromImage(self._image).scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Escape):
            self.close()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step.emit(1)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.key_pressed.emit(int(key))
        else:
            super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self._alive.clear()
        self._alive = threading.Event()
        self._alive.set()
        super().done(result)

    def closeEvent(self, event: Any) -> None:
        self._pool.clear()
        super().closeEvent(event)
