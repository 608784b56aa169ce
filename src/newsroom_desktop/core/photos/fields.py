"""Caption fields as one record, and the text decoding the metadata sources share."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date, datetime

_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?"
)


@dataclass(frozen=True, slots=True)
class CaptionFields:
    """A photo's caption fields; empty strings where nothing is said.

    One record for what a metadata source (XMP, IPTC-IIM or EXIF) states before merging, what a
    photo file says after it (``PhotoMetadata`` adds the file's facts), and what we write into
    a rendition. ``taken_at`` is only read; ``title`` (IIM Object Name, XMP dc:title) only
    written.
    """

    description: str = ""
    headline: str = ""
    creator: str = ""
    credit: str = ""
    copyright: str = ""
    alt_text: str = ""
    keywords: tuple[str, ...] = ()
    taken_at: str = ""
    title: str = ""


def decode_utf8(raw: bytes) -> str:
    """Decode UTF-8, replacing bad bytes and dropping a last character cut by a byte limit."""
    # final=False keeps an incomplete trailing sequence in the decoder instead of emitting U+FFFD.
    return codecs.getincrementaldecoder("utf-8")("replace").decode(raw, final=False)


def decode_legacy(raw: bytes) -> str:
    """Decode text of unknown charset: UTF-8 if valid, else cp1252 (Latin-1 for its gaps)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start]
        # A character cut at the end by a byte limit. One lone lead byte after ASCII text is
        # more likely Latin-1 ("Caf\xe9"); two bytes of a sequence, or earlier multi-byte
        # characters, say UTF-8.
        cut = len(raw) - exc.start
        if exc.reason == "unexpected end of data" and (cut > 1 or not prefix.isascii()):
            return prefix.decode("utf-8")
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # cp1252 leaves five bytes undefined


def iso_datetime(
    year: int, month: int, day: int, clock: tuple[int, int, int] | None, offset: str
) -> str:
    """Return a checked ISO 8601 date or date-time string, or "" if it is not a real moment."""
    try:
        if clock is None:
            return date(year, month, day).isoformat()
        moment = datetime(year, month, day, *clock)  # the offset is kept as text
    except ValueError:
        return ""
    return moment.isoformat() + offset


def normalise_iso(text: str) -> str:
    """Return an ISO 8601 date(-time) from XMP as ``YYYY-MM-DD[THH:MM:SS[+HH:MM]]``, or ""."""
    match = _ISO_RE.fullmatch(text.strip())
    if not match:
        return ""
    year, month, day, hour, minute, second, zone = match.groups()
    clock = None if hour is None else (int(hour), int(minute), int(second or 0))
    offset = "+00:00" if zone == "Z" else (zone or "")
    return iso_datetime(int(year), int(month), int(day), clock, offset)
