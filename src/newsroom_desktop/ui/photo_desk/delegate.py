"""How one photo looks in the grid: its thumbnail, file name, stars, colour label, use."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from newsroom_desktop.core.photo_records import LibraryPhoto
from newsroom_desktop.ui.photo_desk.model import PHOTO_ROLE

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
    """Paints a cell from the model's data only: nothing is read or scaled here."""

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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#3e63dd") if focused else QColor("#dfe1e6"))
        painter.setBrush(QColor("#dbe7fb") if selected else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        box = QRect(rect.left() + (rect.width() - IMAGE.width()) // 2, rect.top() + PAD, *_wh())
        image = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(image, QImage) and not image.isNull():
            x = box.left() + (box.width() - image.width()) // 2
            y = box.top() + (box.height() - image.height()) // 2
            painter.drawImage(x, y, image)
        else:
            painter.fillRect(box, QColor("#eceef2"))
        self._paint_label(painter, photo, rect)
        self._paint_text(painter, option, photo, rect, box)
        painter.restore()

    def _paint_label(self, painter: QPainter, photo: LibraryPhoto, rect: QRect) -> None:
        colour = LABEL_COLOURS.get(photo.color_label)
        if colour is None:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), rect.width(), 5), 2, 2)
        painter.drawEllipse(QRect(rect.right() - 18, rect.bottom() - 20, 12, 12))

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
        painter.setPen(STAR_ON)
        on = "★" * photo.rating
        painter.drawText(stars_rect, Qt.AlignmentFlag.AlignVCenter, on)
        painter.setPen(STAR_OFF)
        painter.drawText(
            stars_rect.adjusted(metrics.horizontalAdvance(on), 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter,
            "☆" * (5 - photo.rating),
        )
        if photo.uses:
            small = QFont(font)
            small.setPointSizeF(max(6.0, font.pointSizeF() - 1))
            painter.setFont(small)
            painter.setPen(QColor("#5b6270"))
            used = QRect(stars_rect.right() + 4, stars_rect.top(), 40, 18)
            painter.drawText(used, Qt.AlignmentFlag.AlignVCenter, f"✓{photo.uses}")


def _wh() -> tuple[int, int]:
    return IMAGE.width(), IMAGE.height()
