"""Read a photo's caption fields (XMP, then IPTC-IIM, then EXIF) and technical facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar
from xml.etree.ElementTree import Element

from PIL import Image

from newsroom_desktop.core.photos import iptc, jpeg, xmp
from newsroom_desktop.core.photos.exif import ExifInfo, exif_info
from newsroom_desktop.core.photos.fields import CaptionFields
from newsroom_desktop.core.photos.formats import is_jpeg, normalise_format, open_image
from newsroom_desktop.core.photos.limits import MAX_XMP_BYTES, capped, capped_keywords
from newsroom_desktop.core.text import clean, clean_line

_T = TypeVar("_T")
_TIFF_XMP = 700
_TIFF_IPTC = 33723
_TIFF_PHOTOSHOP = 34377


@dataclass(frozen=True, slots=True, kw_only=True)
class PhotoMetadata(CaptionFields):
    """What a photo file says about itself: its caption fields and the file's facts.

    Text is NFC and trimmed, "" when absent, and keeps to ``limits.FIELD_LIMITS``;
    ``warnings`` says what was cut or left unread.
    """

    format: str
    width: int
    height: int
    orientation: int = 1
    camera: str = ""
    warnings: tuple[str, ...] = ()


def read_metadata(path: Path) -> PhotoMetadata:
    """Return the metadata of the photo at ``path``; raise PhotoError if it is no image."""
    with open_image(path) as image:
        return metadata_from_image(image, path)


def metadata_from_image(image: Image.Image, path: Path) -> PhotoMetadata:
    """Return the metadata of an image opened from ``path``; damaged parts are skipped."""
    oversized: list[int] = []
    if is_jpeg(image):
        segments = jpeg.read_app_segments(path, frozenset({jpeg.APP1, jpeg.APP13}))
        xmp_fields = _guard(lambda: _jpeg_xmp(segments, oversized), CaptionFields())
        iim_fields = _guard(lambda: _jpeg_iim(segments), CaptionFields())
    else:
        xmp_fields = _guard(lambda: _embedded_xmp(image, oversized), CaptionFields())
        iim_fields = _guard(lambda: _tiff_iim(image), CaptionFields())
    exif = _guard(lambda: _exif(image), ExifInfo())
    warnings = [
        f"its XMP metadata is {size / (1 << 20):.1f} MB, over the "
        f"{MAX_XMP_BYTES >> 20} MB limit; it was not read."
        for size in oversized
    ]
    meta = _merge(image, xmp_fields, iim_fields, exif, warnings.append)
    return replace(meta, warnings=tuple(f"{path.name}: {w}" for w in warnings))


def _guard(read: Callable[[], _T], default: _T) -> _T:
    # Metadata is untrusted and optional: any failure to parse one source (Pillow's EXIF
    # reader raises struct.error, ValueError, KeyError, ...) leaves that source empty.
    try:
        return read()
    except Exception:
        return default


def _exif(image: Image.Image) -> ExifInfo:
    # Pillow's PNG getexif() decodes every pixel to look for an eXIf chunk after the image
    # data; reading metadata must stay cheap, so only an eXIf chunk before it counts.
    if image.format == "PNG" and "exif" not in image.info:
        return ExifInfo()
    return exif_info(image.getexif())


def _merge(
    image: Image.Image,
    xmp_fields: CaptionFields,
    iim: CaptionFields,
    exif: ExifInfo,
    warn: Callable[[str], None],
) -> PhotoMetadata:
    sources = (xmp_fields, iim, exif.fields)

    def pick(name: str, tidy: Callable[[str], str]) -> str:
        for source in sources:
            value = capped(name, getattr(source, name), tidy, warn)
            if value:
                return value
        return ""

    keywords = next((s.keywords for s in sources if s.keywords), ())
    dated = (exif.fields, iim, xmp_fields)  # the camera's clock first, then what people typed
    return PhotoMetadata(
        format=normalise_format(image.format),
        width=image.width,
        height=image.height,
        orientation=exif.orientation,
        taken_at=next((s.taken_at for s in dated if s.taken_at), ""),
        description=pick("description", _block),
        headline=pick("headline", clean_line),
        creator=pick("creator", clean_line),
        credit=pick("credit", clean_line),
        copyright=pick("copyright", _block),
        alt_text=pick("alt_text", _block),
        camera=capped("camera", exif.camera, clean_line, warn),
        keywords=capped_keywords(keywords, clean_line, warn),
    )


def _block(text: str) -> str:
    """Tidy a text that may span lines: NFC, control characters removed, trimmed."""
    return clean(text).strip()


def _jpeg_xmp(segments: list[tuple[int, bytes]], oversized: list[int]) -> CaptionFields:
    app1 = [payload for marker, payload in segments if marker == jpeg.APP1]
    main = next((p[len(xmp.XMP_HEADER) :] for p in app1 if p.startswith(xmp.XMP_HEADER)), None)
    root = xmp.parse_packet(main) if main else None  # one segment: under the limit
    if root is None:
        return CaptionFields()
    roots = [root]
    guid = xmp.extension_guid(root)
    if guid:
        header = xmp.EXTENSION_HEADER
        chunks = [p[len(header) :] for p in app1 if p.startswith(header)]
        try:
            extended = xmp.extended_packet(chunks, guid)
        except xmp.PacketTooLargeError as exc:
            oversized.append(exc.size)
            extended = None
        extended_root = xmp.parse_packet(extended) if extended else None
        roots += [extended_root] if extended_root is not None else []
    return xmp.xmp_fields(roots)


def _jpeg_iim(segments: list[tuple[int, bytes]]) -> CaptionFields:
    app13 = (payload for marker, payload in segments if marker == jpeg.APP13)
    return iptc.fields_from_photoshop(iptc.photoshop_payload(app13))


def _embedded_xmp(image: Image.Image, oversized: list[int]) -> CaptionFields:
    packet = image.info.get("xmp") or _tiff_tag(image, _TIFF_XMP)
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    if not isinstance(packet, bytes):
        return CaptionFields()
    if len(packet) > MAX_XMP_BYTES:
        oversized.append(len(packet))
        return CaptionFields()
    root: Element | None = xmp.parse_packet(packet)
    return xmp.xmp_fields([root]) if root is not None else CaptionFields()


def _tiff_iim(image: Image.Image) -> CaptionFields:
    photoshop = _tiff_tag(image, _TIFF_PHOTOSHOP)
    if isinstance(photoshop, bytes):
        found = iptc.fields_from_photoshop(photoshop)
        if found != CaptionFields():
            return found
    raw = _tiff_tag(image, _TIFF_IPTC)
    return iptc.iim_fields(raw) if isinstance(raw, bytes) else CaptionFields()


def _tiff_tag(image: Image.Image, tag: int) -> object:
    """Return a TIFF tag's raw bytes when Pillow kept them, else its decoded value."""
    tags = getattr(image, "tag_v2", None)
    if tags is None:
        return None
    # Photoshop and exiftool label the IIM tag LONG; Pillow would keep only its first number.
    raw = getattr(tags, "_tagdata", {}).get(tag)
    return raw if isinstance(raw, bytes) else tags.get(tag)
