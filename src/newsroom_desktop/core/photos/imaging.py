"""Pixel work shared by thumbnails, ingest and renditions: draft decode, orientation, sRGB."""

from __future__ import annotations

import hashlib
import io
import math
import struct
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, ImageFile

from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos.exif import orientation_of
from newsroom_desktop.core.photos.formats import is_jpeg
from newsroom_desktop.core.photos.resize import resize

# The transposition that undoes each EXIF orientation, as ImageOps.exif_transpose applies it.
_UNDO_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_GREY_MODES = frozenset({"1", "L", "LA", "La", "I", "I;16", "I;16B", "I;16L", "I;16N", "F"})
# Modes Pillow resizes with any filter; the colour conversion then runs on fewer pixels.
_RESIZABLE_MODES = frozenset({"RGB", "RGBA", "L", "LA", "CMYK"})
_ALPHA_MODES = frozenset({"RGBA", "RGBa", "LA", "La", "PA"})


def draft(image: Image.Image, at_least: tuple[int, int], *, fast: bool = False) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 scale while staying at least ``at_least`` big.

    ``fast`` also asks libjpeg for its fast integer IDCT and plain chroma upsampling: a fifth
    less decode time at full scale, for differences under one level on average, which the
    resize and the encode of a web rendition smooth away. Thumbnails and previews keep the
    accurate decode.
    """
    if not is_jpeg(image):
        return
    image.draft(None, (max(1, at_least[0]), max(1, at_least[1])))
    if fast and isinstance(image, ImageFile.ImageFile) and len(image.decoderconfig) == 2:
        scale = image.decoderconfig[0]  # Pillow's JPEG decoder takes (scale, draft flag)
        image.decoderconfig = (scale, 1)


def decode(image: Image.Image, path: Path) -> None:
    """Decode the pixels (at draft scale if set), or raise PhotoError("unreadable")."""
    try:
        image.load()
    except Exception as exc:  # truncated or corrupt data surfaces as OSError, ValueError, ...
        raise PhotoError(
            f"{path.name} is damaged or truncated and cannot be decoded", code="unreadable"
        ) from exc


def exif_orientation(image: Image.Image) -> int:
    """Return the image's EXIF orientation (1–8), 1 when EXIF is absent or unreadable."""
    try:
        return orientation_of(image.getexif())
    except Exception:  # damaged EXIF: show the pixels as stored
        return 1


def undo_orientation(orientation: int) -> Image.Transpose | None:
    """Return the transposition that turns a picture of this EXIF orientation upright."""
    return _UNDO_ORIENTATION.get(orientation)


def orient(image: Image.Image, orientation: int) -> Image.Image:
    """Return ``image`` turned upright for its EXIF orientation."""
    method = _UNDO_ORIENTATION.get(orientation)
    return image.transpose(method) if method is not None else image


def fit_within(size: tuple[int, int], longest: int) -> tuple[int, int]:
    """Return ``size`` scaled so its longest side is at most ``longest`` (never enlarged)."""
    width, height = size
    scale = longest / max(width, height)
    if scale >= 1:
        return size
    return max(1, round(width * scale)), max(1, round(height * scale))


def has_alpha(image: Image.Image) -> bool:
    """Return whether the image has a transparency channel or a transparent palette entry."""
    return image.mode in _ALPHA_MODES or (image.mode == "P" and "transparency" in image.info)


def to_srgb(image: Image.Image, *, keep_alpha: bool) -> Image.Image:
    """Return RGB (or RGBA) pixels in sRGB, converting an embedded ICC profile and CMYK."""
    alpha = None
    if has_alpha(image):
        rgba = image.convert("RGBA")
        alpha = rgba.getchannel("A")
        color = rgba.convert("RGB")
    else:
        band_mode = "CMYK" if image.mode == "CMYK" else "L" if image.mode in _GREY_MODES else "RGB"
        color = image if image.mode == band_mode else image.convert(band_mode)
    icc = image.info.get("icc_profile")
    converted = _convert_profile(color, icc) if isinstance(icc, bytes) and icc else None
    rgb = color.convert("RGB") if converted is None else converted
    if alpha is None:
        return rgb
    if not keep_alpha:
        white = Image.new("RGB", rgb.size, (255, 255, 255))
        return Image.composite(rgb, white, alpha)
    rgb.putalpha(alpha)
    return rgb


def _convert_profile(image: Image.Image, icc: bytes) -> Image.Image | None:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode == "RGB" and "srgb" in ImageCms.getProfileDescription(source).lower():
            return image
        result = ImageCms.profileToProfile(
            image,
            source,
            _srgb_profile(),
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode="RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None  # a broken or mismatched profile: fall back to a plain conversion
    return result


@lru_cache(maxsize=1)
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


# The date and time an ICC header carries (bytes 24-35): LittleCMS writes the moment the
# profile was made, so every process (and every second) would embed different bytes.
_ICC_DATE = slice(24, 36)
_ICC_FIXED_DATE = struct.pack(">6H", 2000, 1, 1, 0, 0, 0)
_ICC_PROFILE_ID = slice(84, 100)


@lru_cache(maxsize=1)
def srgb_icc() -> bytes:
    """Return the bytes of an sRGB ICC profile to embed in what we write.

    Always the same bytes: its header's date is fixed, so an export made again, in another
    process or another second, writes the same files.
    """
    profile = bytearray(_srgb_profile().tobytes())
    profile[_ICC_DATE] = _ICC_FIXED_DATE
    if any(profile[_ICC_PROFILE_ID]):  # an MD5 profile id covers the date: made again
        profile[_ICC_PROFILE_ID] = bytes(16)
        hashed = bytearray(profile)
        hashed[44:48] = hashed[64:68] = bytes(4)  # flags and intent are left out of the id
        profile[_ICC_PROFILE_ID] = hashlib.md5(hashed, usedforsecurity=False).digest()
    return bytes(profile)


def reduce_to(image: Image.Image, longest: int) -> Image.Image:
    """Return ``image`` resized so its longest side is at most ``longest``."""
    target = fit_within(image.size, longest)
    if target == image.size:
        return image
    return resize(image, target)


def web_pixels(image: Image.Image, longest: int, *, keep_alpha: bool) -> Image.Image:
    """Return ``image`` reduced to ``longest`` and in sRGB; reduce first where the mode allows."""
    if image.mode in _RESIZABLE_MODES:
        return to_srgb(reduce_to(image, longest), keep_alpha=keep_alpha)
    return reduce_to(to_srgb(image, keep_alpha=keep_alpha), longest)


def draft_target(size: tuple[int, int], longest: int, factor: float) -> tuple[int, int]:
    """Return the smallest decode size that still gives ``factor`` × the final size."""
    width, height = fit_within(size, longest)
    return math.ceil(width * factor), math.ceil(height * factor)
