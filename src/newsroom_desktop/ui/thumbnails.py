"""Thumbnail images of photo uses, made once by the core and cached for the panels."""

from __future__ import annotations

from PySide6.QtGui import QImage

from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import PhotoService
from newsroom_desktop.core.photos.thumbnails import DEFAULT_SIZE
from newsroom_desktop.ui.crop_view import cropped_image

CROP_PICTURE = 1200  # longest side of the crop dialog's picture, cached beside the thumbnail
SHARP_SHARE = 0.5  # a crop narrower than this share of the photo is cut from that picture


class Thumbnails:
    """Return a photo use's thumbnail image (None while it waits for a file), cached by hash."""

    def __init__(self, photos: PhotoService) -> None:
        self._photos = photos
        self._cache: dict[str, QImage] = {}

    def __call__(self, use: PhotoUse) -> QImage | None:
        """Return the photo as this use shows it: cropped, turned and straightened."""
        recipe = use.recipe
        if recipe is None or recipe.is_identity:
            return self.upright(use)
        key = f"{use.sha256}:{recipe.to_json()}"
        cropped = self._cache.get(key)
        if cropped is None:
            # A small crop is cut from the crop dialog's larger picture, so it stays sharp.
            left, _top, right, _bottom = recipe.box(use.upright_size)
            small = (right - left) < max(use.upright_size) * SHARP_SHARE
            image = self.upright(use, CROP_PICTURE if small else DEFAULT_SIZE)
            if image is None:
                return None
            cropped = self._cache[key] = cropped_image(image, recipe, use.upright_size)
        return cropped

    def upright(self, use: PhotoUse, size: int = DEFAULT_SIZE) -> QImage | None:
        """Return the whole photo's thumbnail, upright (None while it waits for a file)."""
        if not use.sha256:
            return None
        key = use.sha256 if size == DEFAULT_SIZE else f"{use.sha256}@{size}"
        image = self._cache.get(key)
        if image is None:
            try:
                path = self._photos.thumbnail(use, size)
            except (NewsroomError, OSError):
                return None
            if path is None:
                return None
            image = QImage(str(path))
            if image.isNull():
                return None
            self._cache[key] = image
        return image
