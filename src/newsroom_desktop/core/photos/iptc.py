"""IPTC-IIM in Photoshop image resources (8BIM 0x0404): parse what tools wrote, write ours."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from newsroom_desktop.core.photos.fields import (
    CaptionFields,
    decode_legacy,
    decode_utf8,
    iso_datetime,
)

IPTC_RESOURCE = 0x0404
DIGEST_RESOURCE = 0x0425
PHOTOSHOP_HEADERS = (b"Photoshop 3.0\x00", b"Adobe_Photoshop2.5:")
_SIGNATURES = frozenset({b"8BIM", b"MeSa", b"PHUT", b"AgHg", b"DCSR"})
_UTF8_MARKER = b"\x1b%G"
_TAG = 0x1C
_DATE_RE = re.compile(rb"(\d{4})(\d{2})(\d{2})")
_TIME_RE = re.compile(rb"(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?")

# IIM datasets as (record, dataset).
CODED_CHARACTER_SET = (1, 90)
RECORD_VERSION = (2, 0)
OBJECT_NAME = (2, 5)
KEYWORDS = (2, 25)
DATE_CREATED = (2, 55)
TIME_CREATED = (2, 60)
BY_LINE = (2, 80)
HEADLINE = (2, 105)
CREDIT = (2, 110)
COPYRIGHT = (2, 116)
CAPTION = (2, 120)
# The IIM 4.2 maximum length in bytes of each dataset we write.
MAX_BYTES = {
    OBJECT_NAME: 64,
    KEYWORDS: 64,
    BY_LINE: 32,
    HEADLINE: 256,
    CREDIT: 32,
    COPYRIGHT: 128,
    CAPTION: 2000,
}


def photoshop_payload(app13_payloads: Iterable[bytes]) -> bytes:
    """Join the image-resource data of the Photoshop APP13 segments (split when over 64 KB)."""
    parts = []
    for payload in app13_payloads:
        for header in PHOTOSHOP_HEADERS:
            if payload.startswith(header):
                parts.append(payload[len(header) :])
                break
    return b"".join(parts)


def image_resources(data: bytes) -> dict[int, bytes]:
    """Return the Photoshop image resources by id (first wins); stop at the first damage."""
    resources: dict[int, bytes] = {}
    pos = 0
    while pos + 12 <= len(data) and data[pos : pos + 4] in _SIGNATURES:
        resource_id = int.from_bytes(data[pos + 4 : pos + 6], "big")
        name_length = data[pos + 6]
        pos += 7 + name_length + ((1 + name_length) % 2)  # Pascal name padded to even
        if pos + 4 > len(data):
            break
        size = int.from_bytes(data[pos : pos + 4], "big")
        pos += 4
        if pos + size > len(data):
            break
        resources.setdefault(resource_id, data[pos : pos + size])
        pos += size + (size % 2)
    return resources


def parse_datasets(data: bytes) -> dict[tuple[int, int], list[bytes]]:
    """Return IIM dataset values by (record, dataset); a truncated last dataset is skipped."""
    datasets: dict[tuple[int, int], list[bytes]] = {}
    pos = 0
    while pos + 5 <= len(data) and data[pos] == _TAG:
        key = (data[pos + 1], data[pos + 2])
        length = int.from_bytes(data[pos + 3 : pos + 5], "big")
        pos += 5
        if length & 0x8000:  # extended dataset: the low bits count the length bytes
            count = length & 0x7FFF
            if count > 4 or pos + count > len(data):
                break
            length = int.from_bytes(data[pos : pos + count], "big")
            pos += count
        if pos + length > len(data):
            break
        datasets.setdefault(key, []).append(data[pos : pos + length])
        pos += length
    return datasets


def iim_fields(iim: bytes) -> CaptionFields:
    """Return the caption fields of an IIM block, decoding its text by 1:90 or by sniffing."""
    datasets = parse_datasets(iim)
    marked = datasets.get(CODED_CHARACTER_SET, [b""])[0].startswith(_UTF8_MARKER)
    decode = decode_utf8 if marked else decode_legacy

    def texts(key: tuple[int, int]) -> list[str]:
        return [t for t in (decode(v).strip() for v in datasets.get(key, [])) if t]

    def first(key: tuple[int, int]) -> str:
        found = texts(key)
        return found[0] if found else ""

    return CaptionFields(
        description=first(CAPTION),
        headline=first(HEADLINE),
        creator=", ".join(texts(BY_LINE)),
        credit=first(CREDIT),
        copyright=first(COPYRIGHT),
        keywords=tuple(texts(KEYWORDS)),
        taken_at=_taken_at(datasets),
    )


def _taken_at(datasets: dict[tuple[int, int], list[bytes]]) -> str:
    date_match = _DATE_RE.fullmatch(datasets.get(DATE_CREATED, [b""])[0].strip())
    if not date_match:
        return ""
    year, month, day = (int(part) for part in date_match.groups())
    time_match = _TIME_RE.fullmatch(datasets.get(TIME_CREATED, [b""])[0].strip())
    if not time_match:
        return iso_datetime(year, month, day, None, "")
    hour, minute, second, sign, off_h, off_m = time_match.groups()
    offset = f"{sign.decode()}{off_h.decode()}:{off_m.decode()}" if sign else ""
    return iso_datetime(year, month, day, (int(hour), int(minute), int(second)), offset)


def fields_from_photoshop(data: bytes) -> CaptionFields:
    """Return the caption fields of Photoshop image-resource data, or empty ones."""
    iim = image_resources(data).get(IPTC_RESOURCE)
    return iim_fields(iim) if iim else CaptionFields()


def truncate_utf8(text: str, limit: int) -> bytes:
    """Encode ``text`` as UTF-8 cut to ``limit`` bytes without splitting a character."""
    raw = text.encode("utf-8")
    if len(raw) <= limit:
        return raw
    return raw[:limit].decode("utf-8", "ignore").encode("utf-8")


def build_iim(text: CaptionFields) -> bytes:
    """Return an IIM block: UTF-8 marked, datasets in ascending order, cut to their limits."""
    entries: list[tuple[tuple[int, int], bytes]] = [
        (CODED_CHARACTER_SET, _UTF8_MARKER),
        (RECORD_VERSION, (4).to_bytes(2, "big")),
    ]
    entries += _texts(OBJECT_NAME, [text.title])
    entries += _texts(KEYWORDS, text.keywords)
    entries += _texts(BY_LINE, [text.creator])
    entries += _texts(HEADLINE, [text.headline])
    entries += _texts(CREDIT, [text.credit])
    entries += _texts(COPYRIGHT, [text.copyright])
    entries += _texts(CAPTION, [text.description])
    return b"".join(
        bytes((_TAG, record, dataset)) + len(value).to_bytes(2, "big") + value
        for (record, dataset), value in entries
    )


def _texts(key: tuple[int, int], values: Sequence[str]) -> list[tuple[tuple[int, int], bytes]]:
    encoded = (truncate_utf8(value, MAX_BYTES[key]) for value in values)
    return [(key, raw) for raw in encoded if raw]


def build_photoshop_app13(iim: bytes) -> bytes:
    """Return an APP13 payload with the IIM block and its IPTC digest (8BIM 0x0425)."""
    digest = hashlib.md5(iim, usedforsecurity=False).digest()
    return PHOTOSHOP_HEADERS[0] + _resource(IPTC_RESOURCE, iim) + _resource(DIGEST_RESOURCE, digest)


def _resource(resource_id: int, data: bytes) -> bytes:
    header = b"8BIM" + resource_id.to_bytes(2, "big") + b"\x00\x00" + len(data).to_bytes(4, "big")
    return header + data + (b"\x00" if len(data) % 2 else b"")
