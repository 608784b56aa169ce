"""How much metadata a photo may bring in: one table of limits, and the cut that keeps to it.

A photo's file is untrusted: a 40 MB XMP packet once became a 40 MB caption. Every text field
read from a photo (XMP, IPTC-IIM or EXIF) is cut to its limit below, in characters after
tidying, and every XMP packet longer than ``MAX_XMP_BYTES`` is left unread; each cut is a
warning in the ingest result.

=============  =======  ===============================================================
field          limit    why
=============  =======  ===============================================================
description    2,000    IIM Caption/Abstract (2:120) holds 2,000 bytes; desks follow it
headline       256      IIM Headline (2:105) holds 256 bytes
alt_text       1,000    IPTC advises alt text under 250; room for a long description
creator        256      a few photographers' names, joined ("A, B, C")
credit         128      one credit line ("Ảnh: Ngọc Hậu / TTXVN")
copyright      256      one notice; IIM Copyright Notice (2:116) holds 128 bytes
camera         128      maker and model
keyword        64       IIM Keywords (2:25) holds 64 bytes each; at most 100 keywords
XMP packet     4 MiB    any container (JPEG extended XMP, PNG iTXt, WebP, TIFF); a real
                        caption packet is a few KB, a bloated Photoshop history < 4 MiB
=============  =======  ===============================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

MAX_XMP_BYTES = 4 << 20
FIELD_LIMITS: dict[str, int] = {
    "description": 2000,
    "headline": 256,
    "alt_text": 1000,
    "creator": 256,
    "credit": 128,
    "copyright": 256,
    "camera": 128,
    "keyword": 64,
}
MAX_KEYWORDS = 100
_LABELS = {
    "description": "caption",
    "alt_text": "alt text",
    "credit": "credit line",
    "copyright": "copyright notice",
    "camera": "camera name",
}
# Tidying (NFC, control characters out) is linear but not free: a value is first cut to a few
# times its limit, so a hostile field costs no more than a long honest one.
_SLACK = 4


def capped(name: str, raw: str, tidy: Callable[[str], str], warn: Callable[[str], None]) -> str:
    """Return ``raw`` tidied and cut to the limit of field ``name``; a cut is a warning."""
    limit = FIELD_LIMITS[name]
    value = tidy(raw[: limit * _SLACK])
    if len(value) <= limit and len(raw) <= limit * _SLACK:
        return value
    label = _LABELS.get(name, name)
    warn(f"its {label} was {len(raw):,} characters; the first {limit:,} were kept.")
    return value[:limit].rstrip()


def capped_keywords(
    raw: Iterable[str], tidy: Callable[[str], str], warn: Callable[[str], None]
) -> tuple[str, ...]:
    """Return at most MAX_KEYWORDS distinct keywords, each cut to its limit; a cut is a warning."""
    given = list(raw)
    limit = FIELD_LIMITS["keyword"]
    kept: dict[str, None] = {}
    long = False
    for keyword in given[:MAX_KEYWORDS]:
        value = tidy(keyword[: limit * _SLACK])
        long = long or len(value) > limit
        if value[:limit].rstrip():
            kept.setdefault(value[:limit].rstrip())
    if len(given) > MAX_KEYWORDS:
        each = f", each at most {limit} characters" if long else ""
        warn(f"it has {len(given):,} keywords; the first {MAX_KEYWORDS} were kept{each}.")
    elif long:
        warn(f"its keywords were cut to {limit} characters each.")
    return tuple(kept)
