"""Crop, turn and straighten a photo for the web; each OK is one step to undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import PhotoService
from newsroom_desktop.core.photos.recipe import ASPECTS, MAX_STRAIGHTEN, Recipe, turn_box
from newsroom_desktop.ui.crop_view import CropCanvas, default_box
from newsroom_desktop.ui.thumbnails import CROP_PICTURE

PREVIEW_SIZE = CROP_PICTURE  # longest side of the picture the dialog crops on
_TENTHS = 10  # the slider moves in tenths of a degree


class CropDialog(QDialog):
    """The photo with a crop frame, aspect presets, quarter turns and a straighten slider."""

    def __init__(
        self, image: QImage, use: PhotoUse, min_width: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cropDialog")
        self.use = use
        self.min_width = min_width
        self.canvas = CropCanvas(image, use.upright_size, self)
        self.canvas.setObjectName("cropCanvas")
        self.aspect = QComboBox()
        self.aspect.setObjectName("cropAspect")
        self.turn_left = QPushButton()
        self.turn_right = QPushButton()
        self.straighten = QSlider(Qt.Orientation.Horizontal)
        self.straighten.setObjectName("cropStraighten")
        limit = round(MAX_STRAIGHTEN * _TENTHS)
        self.straighten.setRange(-limit, limit)
        self.straighten.setPageStep(_TENTHS)
        self.angle = QLabel()
        self.size_label = QLabel()
        self.size_label.setObjectName("cropSize")
        self.reset = QPushButton()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._build()
        start = use.recipe or Recipe()
        self._set_aspect_box(start.aspect)
        self.straighten.setValue(round(start.straighten * _TENTHS))
        box = None
        if start.crop is not None:
            left, top, width, height = start.crop
            box = (left, top, left + width, top + height)
        self.canvas.set_recipe(start, box)
        self._wire()
        self._show_size()
        self.resize(760, 620)

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Crop Photo"))
        for name, pair in ASPECTS.items():
            self.aspect.addItem(self.tr("Free") if pair is None else name, name)
        self.turn_left.setText(self.tr("Turn &Left"))
        self.turn_left.setShortcut(QKeySequence("Ctrl+["))
        self.turn_left.setToolTip(self.tr("Turn the photo a quarter left (Ctrl+[)"))
        self.turn_right.setText(self.tr("Turn &Right"))
        self.turn_right.setShortcut(QKeySequence("Ctrl+]"))
        self.turn_right.setToolTip(self.tr("Turn the photo a quarter right (Ctrl+])"))
        self.reset.setText(self.tr("Re&set"))
        self.reset.setToolTip(self.tr("Show the whole photo as it was taken"))
        aspect_label = QLabel(self.tr("&Aspect"))
        aspect_label.setBuddy(self.aspect)
        straighten_label = QLabel(self.tr("S&traighten"))
        straighten_label.setBuddy(self.straighten)
        tools = QHBoxLayout()
        first: list[QWidget] = [aspect_label, self.aspect, self.turn_left, self.turn_right]
        for widget in first:
            tools.addWidget(widget)
        tools.addSpacing(12)
        second: list[QWidget] = [straighten_label, self.straighten, self.angle]
        for widget in second:
            tools.addWidget(widget)
        tools.setStretchFactor(self.straighten, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reset)
        bottom.addWidget(self.size_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(bottom)
        hint = QLabel(
            self.tr(
                "Drag the frame to move it, its corners and edges to resize it; arrow keys move it."
            )
        )
        hint.setObjectName("cropHint")
        hint.setWordWrap(True)
        layout.insertWidget(2, hint)

    def _wire(self) -> None:
        self.aspect.currentIndexChanged.connect(self._aspect_changed)
        self.turn_left.clicked.connect(lambda: self._turn(clockwise=False))
        self.turn_right.clicked.connect(lambda: self._turn(clockwise=True))
        self.straighten.valueChanged.connect(self._straighten_changed)
        self.reset.clicked.connect(self.reset_recipe)
        self.canvas.changed.connect(self._show_size)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.canvas.setFocus()

    def _set_aspect_box(self, aspect: str) -> None:
        index = self.aspect.findData(aspect)
        self.aspect.blockSignals(True)
        self.aspect.setCurrentIndex(max(0, index))
        self.aspect.blockSignals(False)

    def _with(self, **changes: Any) -> Recipe:
        """Return the canvas's recipe with ``changes``; the crop box lives on the canvas."""
        return replace(self.canvas.recipe, crop=None, **changes)

    def _aspect_changed(self) -> None:
        recipe = self._with(aspect=str(self.aspect.currentData()))
        self.canvas.set_recipe(recipe)  # the largest frame of the new shape

    def _turn(self, *, clockwise: bool) -> None:
        old = self.canvas.recipe
        turns = (old.quarter_turns + (1 if clockwise else 3)) % 4
        box = turn_box(self.canvas.box, old.frame(self.use.upright_size), clockwise)
        self.canvas.set_recipe(self._with(quarter_turns=turns), box)

    def _straighten_changed(self, value: int) -> None:
        self.canvas.set_recipe(self._with(straighten=value / _TENTHS), self.canvas.box)

    def reset_recipe(self) -> None:
        """Show the whole photo again: free aspect, no turn, straight."""
        self._set_aspect_box("free")
        self.straighten.blockSignals(True)
        self.straighten.setValue(0)
        self.straighten.blockSignals(False)
        self.canvas.set_recipe(Recipe())

    def recipe(self) -> Recipe | None:
        """Return the recipe as the dialog shows it; None when it shows the whole photo."""
        shown = self.canvas.recipe
        frame = shown.frame(self.use.upright_size)
        crop = self.canvas.crop()
        whole = default_box(shown, self.use.upright_size)
        whole_frame = crop == (0, 0, frame[0], frame[1])
        kept = None if whole_frame or _same_box(crop, whole) else crop
        recipe = Recipe(kept, shown.aspect, shown.quarter_turns, shown.straighten)
        return None if recipe.is_identity else recipe

    def _show_size(self) -> None:
        self.angle.setText(
            self.tr("%1°").replace("%1", f"{self.straighten.value() / _TENTHS:+.1f}")
        )
        _x, _y, width, height = self.canvas.crop()
        text = self.tr("%1 × %2 px").replace("%1", str(width)).replace("%2", str(height))
        if 0 < width < self.min_width:
            text = "⚠ " + self.tr("%1: too small for the web (at least %2 px wide)").replace(
                "%1", text
            ).replace("%2", str(self.min_width))
        self.size_label.setText(text)


def _same_box(crop: tuple[int, int, int, int], box: tuple[float, float, float, float]) -> bool:
    left, top, right, bottom = box
    wanted = (left, top, right - left, bottom - top)
    return all(abs(a - b) <= 1 for a, b in zip(crop, wanted, strict=True))


SetRecipe = Callable[[str, Recipe | None], None]


class _CropCommand(QUndoCommand):
    """One crop: redo sets the new recipe of the use, undo the one it had before."""

    def __init__(self, apply: SetRecipe, use_id: str, old: Recipe | None, new: Recipe | None):
        super().__init__()
        self._apply = apply
        self._use_id = use_id
        self._old = old
        self._new = new

    def redo(self) -> None:
        self._apply(self._use_id, self._new)

    def undo(self) -> None:
        self._apply(self._use_id, self._old)


class CropController(QObject):
    """Opens the crop dialog for the photo panel's photo and keeps the crops' undo history."""

    def __init__(
        self,
        apply: SetRecipe,
        photos: PhotoService,
        min_width: Callable[[], int],
        parent: QWidget,
        stack: QUndoStack | None = None,
    ) -> None:
        """``stack``: the undo history the crops join (the photo panel's, so one Ctrl+Z on the
        thumbnails undoes the last crop or caption batch, whichever came last); None: its own."""
        super().__init__(parent)
        self._apply = apply
        self._photos = photos
        self._min_width = min_width
        self._parent = parent
        self.stack = stack if stack is not None else QUndoStack(self)
        self._article_id: str | None = None  # the article whose crops the history holds
        self.undo_action: QAction = self.stack.createUndoAction(self, self.tr("Undo"))
        self.redo_action: QAction = self.stack.createRedoAction(self, self.tr("Redo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)

    def attach(self, widget: QWidget) -> None:
        """Offer Undo and Redo of crops on ``widget`` (its context menu; Ctrl+Z while it has
        the focus, so the text fields keep their own undo)."""
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            widget.addAction(action)

    def _picture(self, use: PhotoUse) -> QImage | None:
        path = self._photos.thumbnail(use, PREVIEW_SIZE)
        return QImage(str(path)) if path is not None else None

    def crop(self, use: PhotoUse) -> bool:
        """Ask for the use's crop; True if one was applied (one step in the undo history)."""
        if not use.has_file:
            return False
        try:
            image = self._picture(use)
        except (NewsroomError, OSError):
            image = None
        if image is None or image.isNull():
            return False
        dialog = CropDialog(image, use, self._min_width(), self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        new = dialog.recipe()
        if new == use.recipe:
            return False
        command = _CropCommand(self._apply, use.id, use.recipe, new)
        command.setText(self.tr("Crop Photo"))
        self.stack.push(command)  # runs redo(): the crop is stored now
        return True

    def follow(self, article_id: str | None) -> None:
        """Drop the undo history when another article opens (the same one reloaded keeps it)."""
        if article_id != self._article_id:
            self.stack.clear()
        self._article_id = article_id
