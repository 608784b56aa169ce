"""EXIF through Pillow: orientation, date taken, camera, and last-resort caption fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PIL import Image

from newsroom_desktop.core.photos.fields import CaptionFields, decode_legacy, iso_datetime

ORIENTATION = 0x0112
EXIF_IFD = 0x8769
MAKE = 0x010F
MODEL = 0x0110
IMAGE_DESCRIPTION = 0x010E
ARTIST = 0x013B
COPYRIGHT = 0x8298
DATE_TIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011
_DATE_RE = re.compile(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET_RE = re.compile(r"[+-]\d{2}:\d{2}")
# Camera firmware fills ImageDescription with its own name; that is not a caption.
_FIRMWARE_DESCRIPTIONS = frozenset(
    {
        "olympus digital camera",
        "sony dsc",
        "digital camera",
        "minolta digital camera",
        "konica minolta digital camera",
        "exif_jpeg_picture",
        "default",
    }
)


@dataclass(frozen=True, slots=True)
class ExifInfo:
    """What we take from EXIF: orientation 1–8, camera "Make Model", and caption fallbacks."""

    orientation: int = 1
    camera: str = ""
    fields: CaptionFields = field(default_factory=CaptionFields)


def exif_info(exif: Image.Exif) -> ExifInfo:
    """Return orientation, camera and caption fields of a parsed EXIF block."""
    sub_ifd = exif.get_ifd(EXIF_IFD)
    description = _text(exif.get(IMAGE_DESCRIPTION))
    if description.strip().lower() in _FIRMWARE_DESCRIPTIONS:
        description = ""
    fields = CaptionFields(
        description=description,
        creator=_text(exif.get(ARTIST)),
        copyright=_text(exif.get(COPYRIGHT)),
        taken_at=_taken_at(sub_ifd.get(DATE_TIME_ORIGINAL), sub_ifd.get(OFFSET_TIME_ORIGINAL)),
    )
    return ExifInfo(
        orientation=orientation_of(exif),
        camera=camera_name(_text(exif.get(MAKE)), _text(exif.get(MODEL))),
        fields=fields,
    )


def orientation_of(exif: Image.Exif) -> int:
    """Return the EXIF orientation, 1 when absent or out of range."""
    value = exif.get(ORIENTATION)
    if isinstance(value, tuple) and value:
        value = value[0]
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def camera_name(make: str, model: str) -> str:
    """Return "Make Model" without the make twice ("Canon Canon EOS R5" -> "Canon EOS R5")."""
    make, model = " ".join(make.split()), " ".join(model.split())
    if not make or not model:
        return make or model
    brand = make.split()[0].lower()
    # "NIKON CORPORATION" + "NIKON D850" and "Canon" + "Canon EOS R5" name the make already.
    if model.lower().startswith((make.lower(), brand + " ", brand + "-")):
        return model
    return f"{make} {model}"


def _text(value: object) -> str:
    """Return an EXIF ASCII value as text; tools often put UTF-8 there, Pillow reads Latin-1."""
    if isinstance(value, str):
        try:
            raw = value.encode("latin-1")
        except UnicodeEncodeError:
            return value
    elif isinstance(value, bytes):
        raw = value
    else:
        return ""
    # Copyright may hold "photographer\0editor"; other fields just end in NULs.
    parts = [decode_legacy(part).strip() for part in raw.split(b"\x00")]
    return "; ".join(part for part in parts if part)


def _taken_at(value: object, offset: object) -> str:
    match = _DATE_RE.match(_text(value))
    if not match:
        return ""
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    zone = _text(offset)
    zone = zone if _OFFSET_RE.fullmatch(zone) else ""
    return iso_datetime(year, month, day, (hour, minute, second), zone)
