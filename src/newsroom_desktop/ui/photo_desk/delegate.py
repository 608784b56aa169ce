"""How one photo looks in the grid: its thumbnail, file name, stars, colour label, use."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from newsroom_desktop.core.photo_records import LibraryPhoto
from newsroom_desktop.ui.photo_desk.model import MISSING_ROLE, PHOTO_ROLE

CELL = QSize(176, 196)
IMAGE = QSize(160, 130)  # the thumbnail's box inside a cell (grid images are scaled to it)
PAD = 8
LABEL_COLOURS = {
    "red": QColor("#e5484d"),
    "yellow": QColor("#f5c400"),
    "green": QColor("#30a46c"),
    "blue": QColor("#3e63dd"),
}
STAR_ON = QColor("#f0a500")
STAR_OFF = QColor("#c9ced6")


class PhotoGridDelegate(QStyledItemDelegate):
    """Paints a cell from the model's data only: nothing is read or scaled here.

    A scroll repaints a screen of cells each frame, so what every cell shares (its frame in
    each state, the stars of each rating, the label marks) is drawn once into pixmaps.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[tuple[object, ...], QPixmap] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return CELL

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        photo = index.data(PHOTO_ROLE)
        if not isinstance(photo, LibraryPhoto):
            return
        painter.save()
        rect: QRect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        ratio = painter.device().devicePixelRatioF()
        painter.drawPixmap(rect.topLeft(), self._frame(rect.size(), selected, focused, ratio))
        box = QRect(rect.left() + (rect.width() - IMAGE.width()) // 2, rect.top() + PAD, *_wh())
        image = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(image, QImage) and not image.isNull():
            x = box.left() + (box.width() - image.width()) // 2
            y = box.top() + (box.height() - image.height()) // 2
            painter.drawImage(x, y, image)
        else:
            painter.fillRect(box, QColor("#eceef2"))
            if index.data(MISSING_ROLE):
                painter.setPen(QColor("#a15c00"))
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignCenter, "⚠ " + self.tr("Original missing")
                )
        self._paint_label(painter, photo, rect)
        self._paint_text(painter, option, photo, rect, box)
        painter.restore()

    def _frame(self, size: QSize, selected: bool, focused: bool, ratio: float) -> QPixmap:
        key = ("frame", size.width(), size.height(), selected, focused, ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = _blank(size, ratio)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor("#3e63dd") if focused else QColor("#dfe1e6"))
            painter.setBrush(QColor("#dbe7fb") if selected else QColor("#ffffff"))
            painter.drawRoundedRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1), 6, 6)
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap

    def _dot(self, label: str, ratio: float) -> QPixmap:
        key = ("dot", label, ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = _blank(QSize(12, 12), ratio)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LABEL_COLOURS[label])
            painter.drawEllipse(QRectF(0, 0, 12, 12))
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap

    def _stars(self, rating: int, font: QFont, ratio: float) -> QPixmap:
        key = ("stars", rating, font.key(), ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            metrics = QFontMetrics(font)
            on, off = "★" * rating, "☆" * (5 - rating)
            size = QSize(metrics.horizontalAdvance(on + off) + 2, metrics.height())
            pixmap = _blank(size, ratio)
            painter = QPainter(pixmap)
            painter.setFont(font)
            painter.setPen(STAR_ON)
            painter.drawText(0, metrics.ascent(), on)
            painter.setPen(STAR_OFF)
            painter.drawText(metrics.horizontalAdvance(on), metrics.ascent(), off)
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap

    def _paint_label(self, painter: QPainter, photo: LibraryPhoto, rect: QRect) -> None:
        colour = LABEL_COLOURS.get(photo.color_label)
        if colour is None:
            return
        painter.fillRect(QRect(rect.left() + 2, rect.top(), rect.width() - 4, 5), colour)
        ratio = painter.device().devicePixelRatioF()
        painter.drawPixmap(
            rect.right() - 18, rect.bottom() - 20, self._dot(photo.color_label, ratio)
        )

    def _paint_text(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        photo: LibraryPhoto,
        rect: QRect,
        box: QRect,
    ) -> None:
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        name_rect = QRect(rect.left() + PAD, box.bottom() + 6, rect.width() - 2 * PAD, 18)
        painter.setFont(font)
        painter.setPen(QColor("#1d2330"))
        name = metrics.elidedText(
            photo.original_filename, Qt.TextElideMode.ElideMiddle, name_rect.width()
        )
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name
        )
        stars_rect = QRect(name_rect.left(), name_rect.bottom() + 2, 90, 18)
        stars = self._stars(photo.rating, font, painter.device().devicePixelRatioF())
        painter.drawPixmap(stars_rect.left(), stars_rect.top(), stars)
        if photo.uses:
            small = QFont(font)
            small.setPointSizeF(max(6.0, font.pointSizeF() - 1))
            painter.setFont(small)
            painter.setPen(QColor("#5b6270"))
            used = QRect(stars_rect.right() + 4, stars_rect.top(), 40, 18)
            painter.drawText(used, Qt.AlignmentFlag.AlignVCenter, f"✓{photo.uses}")


def _blank(size: QSize, ratio: float) -> QPixmap:
    pixmap = QPixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def _wh() -> tuple[int, int]:
    return IMAGE.width(), IMAGE.height()
