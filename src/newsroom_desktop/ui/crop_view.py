"""A photo as its crop recipe shows it: the cropped thumbnail, and the canvas to crop on."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from newsroom_desktop.core.photos.recipe import (
    MIN_CROP,
    Box,
    Recipe,
    aspect_box,
    fit_box,
    valid_box,
)

HANDLE = 8  # pixels of the screen around a corner or edge that grab it
_ARROW_STEP = 0.01  # share of the frame an arrow key moves the crop (Shift: ten times)


def paint_turned(painter: QPainter, image: QImage, recipe: Recipe, scale: float) -> None:
    """Draw the upright ``image`` turned and straightened as ``recipe`` says, in the frame's
    coordinates times ``scale`` (the painter's origin is the frame's top left)."""
    frame_w, frame_h = (image.width() / scale, image.height() / scale)
    if recipe.quarter_turns % 2:
        frame_w, frame_h = frame_h, frame_w
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.translate(frame_w * scale / 2, frame_h * scale / 2)
    painter.rotate(recipe.quarter_turns * 90 + recipe.straighten)  # clockwise on screen
    painter.drawImage(QPointF(-image.width() / 2, -image.height() / 2), image)
    painter.restore()


def cropped_image(image: QImage, recipe: Recipe, upright: tuple[int, int]) -> QImage:
    """Return the upright thumbnail ``image`` of a photo ``upright`` big, cropped as ``recipe``."""
    if upright[0] <= 0 or image.isNull():
        return image
    scale = image.width() / upright[0]
    left, top, right, bottom = recipe.box(upright)
    size = QSize(max(1, round((right - left) * scale)), max(1, round((bottom - top) * scale)))
    out = QImage(size, QImage.Format.Format_RGB32)
    out.fill(Qt.GlobalColor.white)
    painter = QPainter(out)
    painter.translate(-left * scale, -top * scale)
    paint_turned(painter, image, recipe, scale)
    painter.end()
    return out


class _Grip(Enum):
    NONE = 0
    MOVE = 1
    NEW = 2
    EDGE = 3


class CropCanvas(QWidget):
    """The turned, straightened photo with a crop frame to drag, resize or draw anew."""

    changed = Signal()

    def __init__(self, image: QImage, upright: tuple[int, int], parent: QWidget | None = None):
        super().__init__(parent)
        self.image = image
        self.upright = upright
        self.recipe = Recipe()
        self.box: Box = (0.0, 0.0, float(upright[0]), float(upright[1]))
        self._grip = _Grip.NONE
        self._edges: tuple[bool, bool, bool, bool] = (False, False, False, False)
        self._press = QPointF()
        self._start_box = self.box
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- geometry -------------------------------------------------------------------------

    def frame(self) -> tuple[int, int]:
        return self.recipe.frame(self.upright)

    def valid(self) -> Box:
        return valid_box(self.frame(), self.recipe.straighten)

    def _view(self) -> tuple[float, QPointF]:
        """Return the screen scale of the frame and where its top left sits on the widget."""
        frame_w, frame_h = self.frame()
        room_w, room_h = max(1, self.width() - 24), max(1, self.height() - 24)
        scale = min(room_w / frame_w, room_h / frame_h)
        origin = QPointF(
            (self.width() - frame_w * scale) / 2, (self.height() - frame_h * scale) / 2
        )
        return scale, origin

    def _to_frame(self, point: QPointF) -> QPointF:
        scale, origin = self._view()
        return (point - origin) / scale

    def screen_box(self) -> QRectF:
        """Return the crop frame as it shows on the widget."""
        scale, origin = self._view()
        left, top, right, bottom = self.box
        return QRectF(origin.x() + left * scale, origin.y() + top * scale,
                      (right - left) * scale, (bottom - top) * scale)  # fmt: skip

    def set_recipe(self, recipe: Recipe, box: Box | None = None) -> None:
        """Show ``recipe``; its crop (or ``box``) is kept clear of the straightened corners."""
        self.recipe = recipe
        if box is None:
            box = self.recipe.box(self.upright)
        self.box = fit_box(box, self.valid(), recipe.ratio)
        self.update()
        self.changed.emit()

    def crop(self) -> tuple[int, int, int, int]:
        """Return the crop frame in whole pixels of the frame: left, top, width, height."""
        left, top, right, bottom = self.box
        frame_w, frame_h = self.frame()
        x, y = max(0, round(left)), max(0, round(top))
        width = min(frame_w - x, max(MIN_CROP, round(right - left)))
        height = min(frame_h - y, max(MIN_CROP, round(bottom - top)))
        if self.recipe.ratio:  # whole pixels must keep the ratio the rounding may have bent
            height = min(height, max(MIN_CROP, round(width / self.recipe.ratio)))
            width = min(width, max(MIN_CROP, round(height * self.recipe.ratio)))
        return x, y, width, height

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(160))
        scale, origin = self._view()
        painter.save()
        painter.translate(origin)
        painter.setClipRect(QRectF(0, 0, self.frame()[0] * scale, self.frame()[1] * scale))
        image_scale = self.image.width() / max(1, self.upright[0])
        painter.scale(scale / image_scale, scale / image_scale)
        paint_turned(painter, self.image, self.recipe, image_scale)
        painter.restore()
        shown = self.screen_box()
        shade = QPainterPath()
        shade.addRect(QRectF(self.rect()))
        inner = QPainterPath()
        inner.addRect(shown)
        painter.fillPath(shade.subtracted(inner), QColor(0, 0, 0, 140))
        painter.setPen(QPen(QColor(255, 255, 255, 110), 1))
        for third in (1, 2):  # the rule of thirds
            x = shown.left() + shown.width() * third / 3
            y = shown.top() + shown.height() * third / 3
            painter.drawLine(QPointF(x, shown.top()), QPointF(x, shown.bottom()))
            painter.drawLine(QPointF(shown.left(), y), QPointF(shown.right(), y))
        painter.setPen(QPen(QColor("white"), 2))
        painter.drawRect(shown)
        painter.setBrush(QColor("white"))
        for corner in (shown.topLeft(), shown.topRight(), shown.bottomLeft(), shown.bottomRight()):
            painter.drawRect(QRectF(corner.x() - 4, corner.y() - 4, 8, 8))
        painter.end()

    # -- mouse and keys -------------------------------------------------------------------

    def _hit(self, point: QPointF) -> tuple[_Grip, tuple[bool, bool, bool, bool]]:
        shown = self.screen_box()
        near = (
            abs(point.x() - shown.left()) <= HANDLE,
            abs(point.y() - shown.top()) <= HANDLE,
            abs(point.x() - shown.right()) <= HANDLE,
            abs(point.y() - shown.bottom()) <= HANDLE,
        )
        inside = shown.adjusted(-HANDLE, -HANDLE, HANDLE, HANDLE).contains(point)
        if inside and any(near):
            return _Grip.EDGE, near
        if shown.contains(point):
            return _Grip.MOVE, near
        return _Grip.NEW, near

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position()
        self._grip, self._edges = self._hit(point)
        self._press = self._to_frame(point)
        self._start_box = self.box
        if self._grip == _Grip.NEW:  # a new frame drawn from here, grabbed by its far corner
            x, y = self._press.x(), self._press.y()
            self._start_box = (x, y, x, y)
            self._grip, self._edges = _Grip.EDGE, (False, False, True, True)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grip == _Grip.NONE:
            grip, near = self._hit(event.position())
            self.setCursor(self._cursor(grip, near))
            return
        point = self._to_frame(event.position())
        dx, dy = point.x() - self._press.x(), point.y() - self._press.y()
        left, top, right, bottom = self._start_box
        valid = self.valid()
        if self._grip == _Grip.MOVE:
            moved = (left + dx, top + dy, right + dx, bottom + dy)
            self.box = fit_box(moved, valid, None)
        else:
            self.box = self._resized(point, valid)
        self.update()
        self.changed.emit()

    def _resized(self, point: QPointF, valid: Box) -> Box:
        """Return the frame with the grabbed edges at ``point``, inside ``valid``, keeping ratio."""
        left, top, right, bottom = self._start_box
        x = min(max(point.x(), valid[0]), valid[2])
        y = min(max(point.y(), valid[1]), valid[3])
        grab_l, grab_t, grab_r, grab_b = self._edges
        ratio = self.recipe.ratio
        if ratio is None:
            left, right = sorted((x if grab_l else left, x if grab_r else right))
            top, bottom = sorted((y if grab_t else top, y if grab_b else bottom))
            right, bottom = max(right, left + MIN_CROP), max(bottom, top + MIN_CROP)
            return fit_box((left, top, right, bottom), valid)
        sideways, upways = grab_l or grab_r, grab_t or grab_b
        # A fixed-shape frame grows from the corner opposite the one (or the edge) grabbed.
        anchor_x = right if grab_l else left
        anchor_y = bottom if grab_t else top
        sign_x = -1 if grab_l or (sideways and x < anchor_x) else 1
        sign_y = -1 if grab_t or (upways and y < anchor_y) else 1
        wanted = max(
            abs(x - anchor_x) if sideways else 0.0,
            abs(y - anchor_y) * ratio if upways else 0.0,
            MIN_CROP * max(1.0, ratio),
        )
        room_w = valid[2] - anchor_x if sign_x > 0 else anchor_x - valid[0]
        room_h = valid[3] - anchor_y if sign_y > 0 else anchor_y - valid[1]
        width = min(wanted, room_w, room_h * ratio)
        left, right = sorted((anchor_x, anchor_x + sign_x * width))
        top, bottom = sorted((anchor_y, anchor_y + sign_y * width / ratio))
        return fit_box((left, top, right, bottom), valid, ratio)

    @staticmethod
    def _cursor(grip: _Grip, near: tuple[bool, bool, bool, bool]) -> Qt.CursorShape:
        if grip == _Grip.MOVE:
            return Qt.CursorShape.SizeAllCursor
        if grip != _Grip.EDGE:
            return Qt.CursorShape.CrossCursor
        left, top, right, bottom = near
        if (left and top) or (right and bottom):
            return Qt.CursorShape.SizeFDiagCursor
        if (right and top) or (left and bottom):
            return Qt.CursorShape.SizeBDiagCursor
        return Qt.CursorShape.SizeHorCursor if left or right else Qt.CursorShape.SizeVerCursor

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._grip = _Grip.NONE

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys move the frame (Shift: ten times as far)."""
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if event.key() not in steps:
            super().keyPressEvent(event)
            return
        sx, sy = steps[Qt.Key(event.key())]
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        step = max(self.frame()) * _ARROW_STEP * (10 if shift else 1)
        left, top, right, bottom = self.box
        moved = (left + sx * step, top + sy * step, right + sx * step, bottom + sy * step)
        self.box = fit_box(moved, self.valid(), None)
        self.update()
        self.changed.emit()


def default_box(recipe: Recipe, upright: tuple[int, int]) -> Box:
    """Return the largest frame of the recipe's shape the straightened photo allows."""
    valid = valid_box(recipe.frame(upright), recipe.straighten)
    return aspect_box(valid, recipe.ratio) if recipe.ratio else valid
