"""Crop recipes: crop, quarter turns and straightening of one photo use, as plain geometry.

A recipe never touches the original. Its frame is the photo upright (EXIF orientation
applied), then turned clockwise by ``quarter_turns``; the crop box is in that frame's
full-resolution pixels. Straightening rotates the picture about the frame's centre by a few
degrees (positive: clockwise); the box is then kept inside the largest centred rectangle of
the frame's shape that has no empty corners (the auto-crop).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from newsroom_desktop.core.errors import ValidationError

Box = tuple[float, float, float, float]  # left, top, right, bottom
# The aspect presets a crop can keep; "free" keeps none.
ASPECTS: dict[str, tuple[int, int] | None] = {
    "free": None,
    "16:9": (16, 9),
    "3:2": (3, 2),
    "4:3": (4, 3),
    "1:1": (1, 1),
}
MAX_STRAIGHTEN = 15.0  # degrees either way
MIN_CROP = 16  # pixels: a smaller crop is a slip of the mouse, not a picture
MAX_RECIPE_CHARS = 400  # the stored JSON; a recipe is a few numbers
_ASPECT_SLACK = 0.02  # a fixed-aspect box may differ from its ratio by rounding only
_SWAPPED_ORIENTATIONS = frozenset({5, 6, 7, 8})


def upright_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """Return the size of a stored picture once its EXIF orientation is applied."""
    return (height, width) if orientation in _SWAPPED_ORIENTATIONS else (width, height)


def turned_size(size: tuple[int, int], quarter_turns: int) -> tuple[int, int]:
    """Return ``size`` after ``quarter_turns`` turns of 90°."""
    return (size[1], size[0]) if quarter_turns % 2 else size


def straighten_scale(size: tuple[float, float], degrees: float) -> float:
    """Return how much of the frame (as a scale) is left without empty corners at ``degrees``."""
    width, height = size
    if not degrees or width <= 0 or height <= 0:
        return 1.0
    cos, sin = abs(math.cos(math.radians(degrees))), abs(math.sin(math.radians(degrees)))
    return min(width / (width * cos + height * sin), height / (width * sin + height * cos))


def valid_box(size: tuple[float, float], degrees: float) -> Box:
    """Return the centred rectangle of a frame that straightening leaves without empty corners."""
    width, height = size
    scale = straighten_scale(size, degrees)
    margin_x, margin_y = width * (1 - scale) / 2, height * (1 - scale) / 2
    return margin_x, margin_y, width - margin_x, height - margin_y


def aspect_box(within: Box, ratio: float) -> Box:
    """Return the largest box of ``ratio`` (width / height) centred in ``within``."""
    left, top, right, bottom = within
    width, height = right - left, bottom - top
    if width / height > ratio:
        width = height * ratio
    else:
        height = width / ratio
    cx, cy = (left + right) / 2, (top + bottom) / 2
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def fit_box(box: Box, within: Box, ratio: float | None = None) -> Box:
    """Return ``box`` shrunk about its centre (keeping ``ratio``) and moved into ``within``."""
    left, top, right, bottom = box
    width, height = max(right - left, 1e-6), max(bottom - top, 1e-6)
    room_w, room_h = within[2] - within[0], within[3] - within[1]
    if ratio is not None:
        height = width / ratio
    shrink = min(1.0, room_w / width, room_h / height)
    width, height = width * shrink, height * shrink
    cx, cy = (left + right) / 2, (top + bottom) / 2
    cx = min(max(cx, within[0] + width / 2), within[2] - width / 2)
    cy = min(max(cy, within[1] + height / 2), within[3] - height / 2)
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def turn_box(box: Box, size: tuple[float, float], clockwise: bool = True) -> Box:
    """Return ``box`` of a frame of ``size`` as it lies after turning the frame by 90°."""
    left, top, right, bottom = box
    width, height = size
    if clockwise:
        return height - bottom, left, height - top, right
    return top, width - right, bottom, width - left


@dataclass(frozen=True, slots=True)
class Recipe:
    """How one use of a photo is cropped, turned and straightened; the original stays as is."""

    crop: tuple[int, int, int, int] | None = None  # left, top, width, height; None: whole frame
    aspect: str = "free"
    quarter_turns: int = 0  # clockwise, 0–3
    straighten: float = 0.0  # degrees, clockwise positive

    @property
    def is_identity(self) -> bool:
        return (
            self.crop is None
            and self.aspect == "free"
            and self.quarter_turns == 0
            and self.straighten == 0
        )

    @property
    def ratio(self) -> float | None:
        """Return the preset's width / height, or None for a free crop."""
        pair = ASPECTS.get(self.aspect)
        return pair[0] / pair[1] if pair else None

    def frame(self, upright: tuple[int, int]) -> tuple[int, int]:
        """Return the size of the frame the crop box is in, for a photo ``upright`` big."""
        return turned_size(upright, self.quarter_turns)

    def box(self, upright: tuple[int, int]) -> Box:
        """Return the part of the frame that shows: the crop kept clear of empty corners."""
        frame = self.frame(upright)
        valid = valid_box(frame, self.straighten)
        if self.crop is None:
            whole = valid
            return aspect_box(whole, self.ratio) if self.ratio else whole
        left, top, width, height = self.crop
        return fit_box((left, top, left + width, top + height), valid, self.ratio)

    def final_size(self, upright: tuple[int, int]) -> tuple[int, int]:
        """Return the pixel size of the picture the recipe gives at full resolution."""
        left, top, right, bottom = self.box(upright)
        return max(1, round(right - left)), max(1, round(bottom - top))

    def to_json(self) -> str:
        """Return the recipe as stored: compact JSON, or "" when it changes nothing."""
        if self.is_identity:
            return ""
        data: dict[str, Any] = {"turns": self.quarter_turns, "straighten": self.straighten}
        if self.crop is not None:
            data["crop"] = list(self.crop)
        if self.aspect != "free":
            data["aspect"] = self.aspect
        return json.dumps(data, sort_keys=True, separators=(",", ":"))


def _number(data: dict[str, Any], name: str, default: float) -> float:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(f"The crop recipe's {name} must be a number, not {value!r}.")
    return float(value)


def parse_recipe(text: str) -> Recipe | None:
    """Return the recipe stored as ``text`` ("" gives None); ValidationError if it is bad."""
    if not text:
        return None
    if len(text) > MAX_RECIPE_CHARS:
        raise ValidationError(f"A crop recipe is at most {MAX_RECIPE_CHARS} characters.")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValidationError("The crop recipe is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise ValidationError("The crop recipe must be a JSON object.")
    turns = _number(data, "turns", 0)
    crop = data.get("crop")
    if crop is not None and (
        not isinstance(crop, list)
        or len(crop) != 4
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in crop)
    ):
        raise ValidationError("The crop recipe's crop must be four whole numbers.")
    aspect = data.get("aspect", "free")
    recipe = Recipe(
        crop=(crop[0], crop[1], crop[2], crop[3]) if crop is not None else None,
        aspect=aspect if isinstance(aspect, str) else "",
        quarter_turns=int(turns) if turns == int(turns) else -1,
        straighten=_number(data, "straighten", 0.0),
    )
    check_recipe(recipe)
    return recipe


def check_recipe(recipe: Recipe, upright: tuple[int, int] | None = None) -> Recipe:
    """Return ``recipe`` if it makes sense (for a photo ``upright`` big), else ValidationError."""
    if recipe.aspect not in ASPECTS:
        raise ValidationError(
            f"Unknown crop aspect {recipe.aspect[:20]!r}; use one of {', '.join(ASPECTS)}."
        )
    if recipe.quarter_turns not in (0, 1, 2, 3):
        raise ValidationError("A photo turns by 0, 1, 2 or 3 quarter turns.")
    if not abs(recipe.straighten) <= MAX_STRAIGHTEN:
        raise ValidationError(
            f"Straighten by at most {MAX_STRAIGHTEN:g}° either way, not {recipe.straighten:g}°."
        )
    if recipe.crop is None:
        return recipe
    left, top, width, height = recipe.crop
    if width < MIN_CROP or height < MIN_CROP:
        raise ValidationError(f"A crop is at least {MIN_CROP} × {MIN_CROP} pixels.")
    ratio = recipe.ratio
    if ratio is not None and abs(width / height - ratio) > _ASPECT_SLACK * ratio:
        raise ValidationError(f"The crop is {width} × {height}, not {recipe.aspect}.")
    if upright is not None:
        frame_w, frame_h = recipe.frame(upright)
        if left < 0 or top < 0 or left + width > frame_w or top + height > frame_h:
            raise ValidationError(
                f"The crop {width} × {height} at {left}, {top} is outside the photo "
                f"({frame_w} × {frame_h})."
            )
    return recipe
