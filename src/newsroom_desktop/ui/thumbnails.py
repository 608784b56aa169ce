"""Thumbnail images of photo uses, made once by the core and cached for the panels."""

from __future__ import annotations

from PySide6.QtGui import QImage

from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import PhotoService
from newsroom_desktop.ui.crop_view import cropped_image


class Thumbnails:
    """Return a photo use's thumbnail image (None while it waits for a file), cached by hash."""

    def __init__(self, photos: PhotoService) -> None:
        self._photos = photos
        self._cache: dict[str, QImage] = {}

    def __call__(self, use: PhotoUse) -> QImage | None:
        """Return the photo as this use shows it: cropped, turned and straightened."""
        image = self.upright(use)
        if image is None or use.recipe is None or use.recipe.is_identity:
            return image
        key = f"{use.sha256}:{use.recipe.to_json()}"
        cropped = self._cache.get(key)
        if cropped is None:
            cropped = self._cache[key] = cropped_image(image, use.recipe, use.upright_size)
        return cropped

    def upright(self, use: PhotoUse) -> QImage | None:
        """Return the whole photo's thumbnail, upright (None while it waits for a file)."""
        if not use.sha256:
            return None
        image = self._cache.get(use.sha256)
        if image is None:
            try:
                path = self._photos.thumbnail(use)
            except (NewsroomError, OSError):
                return None
            if path is None:
                return None
            image = QImage(str(path))
            if image.isNull():
                return None
            self._cache[use.sha256] = image
        return image
