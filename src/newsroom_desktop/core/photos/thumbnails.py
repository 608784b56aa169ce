"""Thumbnails in the cache folder: upright, sRGB, decoded at reduced scale, written atomically."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image

from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos.files import atomic_write_bytes
from newsroom_desktop.core.photos.formats import open_image
from newsroom_desktop.core.photos.imaging import (
    decode,
    draft,
    exif_orientation,
    has_alpha,
    orient,
    web_pixels,
)

DEFAULT_SIZE = 320
_SHA256_RE = re.compile(r"[0-9a-f]{64}")


def check_sha256(sha256: str) -> str:
    """Return ``sha256`` if it is 64 lower-case hex digits, else raise PhotoError("invalid")."""
    if not _SHA256_RE.fullmatch(sha256):
        raise PhotoError(f"Not a SHA-256 hex digest: {sha256[:80]!r}", code="invalid")
    return sha256


def thumbnail_path(cache_dir: Path, sha256: str, size: int, *, alpha: bool = False) -> Path:
    """Return where the thumbnail of a photo is cached: JPEG, or PNG when it keeps alpha."""
    check_sha256(sha256)
    return cache_dir / sha256[:2] / f"{sha256}-{size}{'.png' if alpha else '.jpg'}"


def cached_thumbnail(cache_dir: Path, sha256: str, size: int) -> Path | None:
    """Return the cached thumbnail of a photo if one exists."""
    for alpha in (False, True):
        path = thumbnail_path(cache_dir, sha256, size, alpha=alpha)
        if path.is_file():
            return path
    return None


def make_thumbnail(original: Path, sha256: str, cache_dir: Path, size: int = DEFAULT_SIZE) -> Path:
    """Return the thumbnail of ``original`` (longest side ``size``), making it if not cached."""
    if size < 1:
        raise PhotoError(f"Thumbnail size must be positive, not {size}", code="invalid")
    cached = cached_thumbnail(cache_dir, sha256, size)
    if cached is not None:
        return cached
    with open_image(original) as image:
        prepare_decode(image, size)
        decode(image, original)
        return write_thumbnail(image, sha256, cache_dir, size)


def prepare_decode(image: Image.Image, size: int) -> None:
    """Ask a JPEG to decode at the smallest scale (down to 1/8) that still covers ``size``."""
    draft(image, (size, size))


def write_thumbnail(image: Image.Image, sha256: str, cache_dir: Path, size: int) -> Path:
    """Write the thumbnail of a decoded image to the cache and return its path."""
    orientation = exif_orientation(image)
    alpha = has_alpha(image)
    small = orient(web_pixels(image, size, keep_alpha=alpha), orientation)
    buffer = io.BytesIO()
    if alpha:
        small.save(buffer, "PNG", compress_level=6)
    else:
        small.save(buffer, "JPEG", quality=85)
    path = thumbnail_path(cache_dir, sha256, size, alpha=alpha)
    atomic_write_bytes(path, buffer.getvalue())
    return path
