"""Grid thumbnails made and read off the GUI thread, scaled once, kept in a bounded cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThread, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.photo_records import LibraryPhoto

# Thumbnails kept scaled in memory: a few screens of a big grid (each about 100 kB).
CACHE_SIZE = 600
# Loads for cells on screen go before loads for the screen the scroll comes to next.
_SHOWN, _AHEAD = 1, 0


class _Signals(QObject):
    ready = Signal(str, QImage)  # sha256, scaled image (null if none could be made)


class _Load(QRunnable):
    """Make (or read) one photo's cached thumbnail file and scale it for the grid."""

    def __init__(
        self,
        photo: LibraryPhoto,
        thumbnail: Callable[[LibraryPhoto], Path],
        size: QSize,
        signals: _Signals,
        alive: threading.Event,
    ) -> None:
        super().__init__()
        self.photo = photo
        self.thumbnail = thumbnail
        self.size = size
        self.signals = signals
        self.alive = alive

    @Slot()
    def run(self) -> None:
        if not self.alive.is_set():
            return
        image = QImage()
        try:
            path = self.thumbnail(self.photo)
        except (NewsroomError, OSError):
            path = None
        if path is not None and image.load(str(path)):
            image = image.scaled(
                self.size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            ).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        if self.alive.is_set():
            self.signals.ready.emit(self.photo.sha256, image)


class GridThumbnails(QObject):
    """Ask for a photo's grid image: returned at once when loaded, else loaded in the background.

    ``ready(sha256)`` says an image arrived. Files are read and scaled on a pool of its own
    (two threads, one on a two-core machine: a core stays free for the GUI thread while a scroll
    brings in new cells), so the GUI thread only paints images already the grid's size.
    """

    ready = Signal(str)

    def __init__(
        self,
        thumbnail: Callable[[LibraryPhoto], Path],
        size: QSize,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._thumbnail = thumbnail
        self._size = size
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._pending: set[str] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, min(2, QThread.idealThreadCount() - 1)))
        self._alive = threading.Event()
        self._alive.set()
        self._signals = _Signals()
        self._signals.ready.connect(self._arrived)

    def image(self, photo: LibraryPhoto) -> QImage | None:
        """Return the photo's grid image if loaded (None: asked for, or none to be had)."""
        image = self._images.get(photo.sha256)
        if image is not None:
            self._images.move_to_end(photo.sha256)
            return None if image.isNull() else image
        self._request(photo, _SHOWN)
        return None

    def prefetch(self, photos: Iterable[LibraryPhoto]) -> None:
        """Load these photos' grid images ahead of need, after those a cell waits for."""
        for photo in photos:
            if photo.sha256 not in self._images:
                self._request(photo, _AHEAD)

    def _request(self, photo: LibraryPhoto, priority: int) -> None:
        if photo.sha256 not in self._pending:
            self._pending.add(photo.sha256)
            load = _Load(photo, self._thumbnail, self._size, self._signals, self._alive)
            self._pool.start(load, priority)

    def loaded(self, sha256: str) -> bool:
        """Tell whether the photo's grid image has arrived (or failed for good)."""
        return sha256 in self._images

    def failed(self, sha256: str) -> bool:
        """Tell whether no thumbnail could be had (the original is missing or unreadable)."""
        image = self._images.get(sha256)
        return image is not None and image.isNull()

    def forget_pending(self) -> None:
        """Drop the loads not started yet (the grid shows other photos now)."""
        self._pool.clear()
        self._pending.clear()

    def stop(self) -> None:
        """Let no load report any more, and wait for those running."""
        self._alive.clear()
        self._pool.clear()
        self._pool.waitForDone()

    def _arrived(self, sha256: str, image: QImage) -> None:
        self._pending.discard(sha256)
        self._images[sha256] = image
        while len(self._images) > CACHE_SIZE:
            self._images.popitem(last=False)
        self.ready.emit(sha256)
