"""Web renditions for export: upright, sRGB, resized, with caption fields inside as XMP and IIM."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos import iptc, jpeg, xmp
from newsroom_desktop.core.photos.cropping import DRAFT_FACTOR, recipe_pixels
from newsroom_desktop.core.photos.exif import (
    DATE_TIME_ORIGINAL,
    EXIF_IFD,
    MAKE,
    MODEL,
    OFFSET_TIME_ORIGINAL,
    ORIENTATION,
)
from newsroom_desktop.core.photos.fields import CaptionFields
from newsroom_desktop.core.photos.files import atomic_write_bytes
from newsroom_desktop.core.photos.formats import open_image
from newsroom_desktop.core.photos.imaging import (
    decode,
    draft,
    draft_target,
    exif_orientation,
    orient,
    srgb_icc,
    web_pixels,
)
from newsroom_desktop.core.photos.recipe import Recipe
from newsroom_desktop.core.text import clean, clean_line

DEFAULT_MAX_SIDE = 1600
DEFAULT_QUALITY = 85


@dataclass(frozen=True, slots=True)
class RenditionInfo:
    """A rendition written: its pixel size and where it is."""

    width: int
    height: int
    path: Path


def write_rendition(
    original: Path,
    dest: Path,
    *,
    max_side: int = DEFAULT_MAX_SIDE,
    quality: int = DEFAULT_QUALITY,
    caption: str,
    credit: str,
    creator: str,
    copyright: str,  # noqa: A002
    alt_text: str,
    headline: str = "",
    keywords: Sequence[str] = (),
    title: str = "",
    recipe: Recipe | None = None,
) -> RenditionInfo:
    """Write a progressive sRGB JPEG of ``original`` to ``dest`` with the caption fields inside.

    With a ``recipe`` the picture is cropped, turned and straightened as it says.
    """
    if max_side < 1 or not 1 <= quality <= 100:
        message = f"Bad rendition settings: max_side={max_side}, quality={quality}"
        raise PhotoError(message, code="invalid")
    text = CaptionFields(
        description=clean(caption).strip(),
        headline=clean_line(headline),
        creator=clean_line(creator),
        credit=clean_line(credit),
        copyright=clean(copyright).strip(),
        alt_text=clean(alt_text).strip(),
        title=clean_line(title),
        keywords=tuple(dict.fromkeys(k for k in (clean_line(k) for k in keywords) if k)),
    )
    with open_image(original) as image:
        if recipe is not None and not recipe.is_identity:
            pixels = recipe_pixels(image, original, recipe, max_side)
            exif = _kept_exif(image)
        else:
            draft(image, draft_target(image.size, max_side, DRAFT_FACTOR), fast=True)
            decode(image, original)
            orientation = exif_orientation(image)
            exif = _kept_exif(image)
            pixels = orient(web_pixels(image, max_side, keep_alpha=False), orientation)
    data = jpeg.insert_segments(_encode(pixels, quality, exif), _metadata_segments(text, original))
    atomic_write_bytes(dest, data)
    return RenditionInfo(width=pixels.width, height=pixels.height, path=dest)


def _encode(pixels: Image.Image, quality: int, exif: Image.Exif) -> bytes:
    buffer = io.BytesIO()
    pixels.info = {}  # no comment, DPI or profile carried over from the original by Pillow
    pixels.save(
        buffer,
        "JPEG",
        quality=quality,
        progressive=True,
        optimize=True,
        icc_profile=srgb_icc(),
        exif=exif.tobytes(),
    )
    return buffer.getvalue()


def _kept_exif(image: Image.Image) -> Image.Exif:
    """Return the EXIF we pass on: camera and date taken; orientation reset to 1.

    Everything else (GPS position, serial numbers, maker notes) stays out of published files.
    """
    kept = Image.Exif()
    kept[ORIENTATION] = 1
    try:
        source = image.getexif()
        for tag in (MAKE, MODEL):
            if isinstance(source.get(tag), str):
                kept[tag] = source[tag]
        source_ifd = source.get_ifd(EXIF_IFD)
        wanted = (DATE_TIME_ORIGINAL, OFFSET_TIME_ORIGINAL)
        dates = {tag: source_ifd[tag] for tag in wanted if tag in source_ifd}
        if dates:
            kept.get_ifd(EXIF_IFD).update(dates)
    except Exception:  # damaged EXIF: publish without it rather than fail the export
        kept = Image.Exif()
        kept[ORIENTATION] = 1
    return kept


def _metadata_segments(text: CaptionFields, original: Path) -> list[bytes]:
    """Return the XMP APP1 and the Photoshop/IPTC APP13 segments for ``text``."""
    try:
        return [
            jpeg.segment(jpeg.APP1, xmp.XMP_HEADER + xmp.build_packet(text)),
            jpeg.segment(jpeg.APP13, iptc.build_photoshop_app13(iptc.build_iim(text))),
        ]
    except ValueError as exc:
        raise PhotoError(
            f"The caption fields for {original.name} are too long to embed in a JPEG",
            code="metadata_too_large",
        ) from exc
