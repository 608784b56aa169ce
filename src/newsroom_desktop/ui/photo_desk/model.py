"""The grid's item model: plain LibraryPhoto records, thumbnails asked for as rows are shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
)

from newsroom_desktop.core.photo_records import LibraryPhoto
from newsroom_desktop.ui.photo_desk.thumbs import GridThumbnails

PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING_ROLE = Qt.ItemDataRole.UserRole + 2  # no thumbnail could be made: the original is gone
# What a drag from the grid carries besides the originals' file URLs: the photos' ids.
PHOTO_IDS_MIME = "application/x-newsroom-photo-ids"
Index = QModelIndex | QPersistentModelIndex


class PhotoGridModel(QAbstractListModel):
    """The photos the grid shows, in order; rows change only through ``set_photos``/``update``."""

    def __init__(self, thumbnails: GridThumbnails, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self._photos: list[LibraryPhoto] = []
        self._rows: dict[str, list[int]] = {}  # sha256 -> rows (a file is one photo, once)
        self._by_id: dict[str, int] = {}
        thumbnails.ready.connect(self._thumbnail_ready)

    def set_photos(self, photos: Sequence[LibraryPhoto]) -> None:
        self.beginResetModel()
        self.thumbnails.forget_pending()
        self._photos = list(photos)
        self._rows = {}
        for row, photo in enumerate(self._photos):
            self._rows.setdefault(photo.sha256, []).append(row)
        self._by_id = {photo.id: row for row, photo in enumerate(self._photos)}
        self.endResetModel()

    def update(self, photos: Sequence[LibraryPhoto]) -> None:
        """Show these photos' new marks or metadata where they are in the grid."""
        for photo in photos:
            row = self._by_id.get(photo.id)
            if row is not None:
                self._photos[row] = photo
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def photo(self, row: int) -> LibraryPhoto:
        return self._photos[row]

    def row_of(self, photo_id: str) -> int | None:
        return self._by_id.get(photo_id)

    def photos(self) -> list[LibraryPhoto]:
        return list(self._photos)

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._photos)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        photo = self._photos[index.row()]
        if role == PHOTO_ROLE:
            return photo
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.original_filename
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.image(photo)
        if role == MISSING_ROLE:
            return self.thumbnails.failed(photo.sha256)
        if role == Qt.ItemDataRole.ToolTipRole:
            return photo.description or photo.original_filename
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [PHOTO_IDS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Carry the photos' ids and their originals: the photo panel takes either."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        photos = [self._photos[row] for row in rows]
        mime = QMimeData()
        mime.setData(PHOTO_IDS_MIME, "\n".join(p.id for p in photos).encode("ascii"))
        mime.setUrls([QUrl.fromLocalFile(str(p.file)) for p in photos])
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def _thumbnail_ready(self, sha256: str) -> None:
        for row in self._rows.get(sha256, ()):
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
