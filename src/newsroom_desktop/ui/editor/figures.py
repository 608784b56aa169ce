"""Placed photos in the editor: one object character drawn as the export's figure."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)

from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.ui.editor.formats import FIGURE_ALT, FIGURE_ID, FIGURE_OBJECT
from newsroom_desktop.ui.labels import translator

Thumbnails = Callable[[PhotoUse], QImage | None]
CAPTION_COLOUR = QColor("#5f6368")
CREDIT_COLOUR = QColor("#80868b")
PLACEHOLDER_FILL = QColor("#eef0f2")
PLACEHOLDER_LINE = QColor("#c4c8cc")
_GAP = 8.0
_MAX_IMAGE_HEIGHT = 420.0
_HANDLER_ATTR = "_newsroom_figures"
_WRAP = int(Qt.TextFlag.TextWordWrap.value)


_tr = translator("FigureObject")


class FigureSource:
    """The photos an article's body may place: their uses and thumbnails, by use id."""

    def __init__(self, uses: Iterable[PhotoUse] = (), thumbnails: Thumbnails | None = None):
        self._uses = {use.id: use for use in uses}
        self._thumbnails = thumbnails
        self._images: dict[str, QImage | None] = {}

    def use(self, use_id: str) -> PhotoUse | None:
        """Return the photo use with this id, or None if the article has none."""
        return self._uses.get(use_id)

    def uses(self) -> list[PhotoUse]:
        """Return the article's photo uses, in the article's order."""
        return list(self._uses.values())

    def knows(self, use_id: str) -> bool:
        """Return True if the article has a photo use with this id."""
        return use_id in self._uses

    def update(self, use: PhotoUse) -> None:
        """Take a new or changed photo use; its thumbnail is fetched again if the file or its
        crop changed."""
        old = self._uses.get(use.id)
        self._uses[use.id] = use
        if old is None or (old.photo_id, old.file, old.recipe) != (
            use.photo_id,
            use.file,
            use.recipe,
        ):
            self._images.pop(use.id, None)

    def image(self, use_id: str) -> QImage | None:
        """Return the thumbnail of a use, fetched once, or None."""
        if use_id not in self._images:
            use = self._uses.get(use_id)
            image = self._thumbnails(use) if use is not None and self._thumbnails else None
            self._images[use_id] = image if image is not None and not image.isNull() else None
        return self._images[use_id]

    def aspect(self, use_id: str) -> float:
        """Return height / width of the photo, from the stored size when there is one."""
        use = self._uses.get(use_id)
        if use is not None and use.width > 0 and use.height > 0:
            swap = use.orientation in (5, 6, 7, 8)
            return use.width / use.height if swap else use.height / use.width
        image = self.image(use_id)
        if image is not None and image.width() > 0:
            return image.height() / image.width()
        return 2 / 3


class FigureObject(QPyTextObject):
    """Lays out and draws a placed photo: the picture, then its caption and credit."""

    def __init__(self, source: FigureSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source

    def _fonts(self, doc: QTextDocument) -> tuple[QFont, QFont]:
        caption = QFont(doc.defaultFont())
        caption.setPointSizeF(caption.pointSizeF() * 0.86)
        caption.setItalic(True)
        credit = QFont(doc.defaultFont())
        credit.setPointSizeF(credit.pointSizeF() * 0.76)
        return caption, credit

    def _texts(self, use_id: str) -> tuple[str, str]:
        use = self.source.use(use_id)
        if use is None:
            return _tr("This photo is not attached to the article."), ""
        return use.caption, use.credit

    def _layout(self, doc: QTextDocument, use_id: str) -> tuple[float, float, float, float]:
        """Return (width, image height, caption height, credit height)."""
        width = doc.textWidth() - 2 * doc.documentMargin() - 4
        width = width if width > 120 else 640.0
        image_h = min(width * self.source.aspect(use_id), _MAX_IMAGE_HEIGHT)
        caption, credit = self._texts(use_id)
        cap_font, credit_font = self._fonts(doc)
        box = QRectF(0, 0, width, 10_000)
        cap_h = QFontMetricsF(cap_font).boundingRect(box, _WRAP, caption).height() if caption else 0
        credit_h = QFontMetricsF(credit_font).height() if credit else 0
        return width, image_h, cap_h, credit_h

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        width, image_h, cap_h, credit_h = self._layout(doc, fmt.stringProperty(FIGURE_ID))
        extra = (_GAP + cap_h if cap_h else 0) + (4 + credit_h if credit_h else 0)
        return QSizeF(width, image_h + extra)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        rect = QRectF(rect)
        use_id = fmt.stringProperty(FIGURE_ID)
        width, image_h, cap_h, credit_h = self._layout(doc, use_id)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(rect.left(), rect.top(), rect.width(), image_h)
        image = self.source.image(use_id)
        if image is None:
            self._draw_placeholder(painter, frame, use_id, fmt.stringProperty(FIGURE_ALT))
        else:
            size = image.size().toSizeF().scaled(frame.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(0, 0, size.width(), size.height())
            target.moveCenter(frame.center())
            painter.drawImage(target, image)
        caption, credit = self._texts(use_id)
        cap_font, credit_font = self._fonts(doc)
        top = frame.bottom() + _GAP
        if caption:
            painter.setFont(cap_font)
            painter.setPen(CAPTION_COLOUR)
            painter.drawText(QRectF(rect.left(), top, width, cap_h), _WRAP, caption)
            top += cap_h + 4
        if credit:
            painter.setFont(credit_font)
            painter.setPen(CREDIT_COLOUR)
            align = int(Qt.AlignmentFlag.AlignRight.value)
            painter.drawText(QRectF(rect.left(), top, width, credit_h), align, credit)
        painter.restore()

    def _draw_placeholder(self, painter: QPainter, frame: QRectF, use_id: str, alt: str) -> None:
        painter.setPen(QPen(PLACEHOLDER_LINE, 1, Qt.PenStyle.DashLine))
        painter.setBrush(PLACEHOLDER_FILL)
        painter.drawRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        use = self.source.use(use_id)
        label = _tr("Photo to come") if use is not None and not use.has_file else _tr("Photo")
        text = f"{label}\n{alt}" if alt else label
        painter.setPen(CREDIT_COLOUR)
        centre = int((Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap).value)
        painter.drawText(frame.adjusted(16, 16, -16, -16), centre, text)


def register_figures(doc: QTextDocument, source: FigureSource) -> FigureObject:
    """Let ``doc`` draw placed photos from ``source``; return the handler."""
    # A Python attribute, not findChild()/property(): PySide6 6.12 on Python 3.11 loses a
    # reference to None whenever a binding returns a null pointer or an empty QVariant.
    handler = getattr(doc, _HANDLER_ATTR, None)
    if isinstance(handler, FigureObject):
        handler.source = source
        return handler
    handler = FigureObject(source, doc)
    doc.documentLayout().registerHandler(FIGURE_OBJECT, handler)
    setattr(doc, _HANDLER_ATTR, handler)
    return handler


def figure_source(doc: QTextDocument) -> FigureSource | None:
    """Return the photo source registered on ``doc``, if any."""
    handler = getattr(doc, _HANDLER_ATTR, None)
    return handler.source if isinstance(handler, FigureObject) else None
