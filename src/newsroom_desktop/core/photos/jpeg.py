"""JPEG marker segments: read the APPn headers of a file and insert new ones into a stream."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

APP1 = 0xE1
APP13 = 0xED
MAX_PAYLOAD = 65533  # a segment length field is 16 bits and counts itself
_SOI = b"\xff\xd8"
_SOS = 0xDA
_EOI = 0xD9
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
# Headers beyond this are not metadata any tool writes; stop instead of reading on.
_MAX_HEADER_BYTES = 32 << 20


def read_app_segments(path: Path, markers: frozenset[int]) -> list[tuple[int, bytes]]:
    """Return ``(marker, payload)`` for the wanted APPn segments before the first scan."""
    try:
        with path.open("rb") as stream:
            return _scan(stream, markers)
    except OSError:
        return []


def _scan(stream: BinaryIO, markers: frozenset[int]) -> list[tuple[int, bytes]]:
    found: list[tuple[int, bytes]] = []
    if stream.read(2) != _SOI:
        return found
    consumed = 2
    while consumed < _MAX_HEADER_BYTES:
        marker = _next_marker(stream)
        if marker is None or marker in (_SOS, _EOI):
            break
        if marker in _STANDALONE:
            continue
        raw_length = stream.read(2)
        if len(raw_length) < 2 or int.from_bytes(raw_length, "big") < 2:
            break
        length = int.from_bytes(raw_length, "big") - 2
        consumed += length + 4
        if marker not in markers:
            stream.seek(length, 1)
            continue
        payload = stream.read(length)
        if len(payload) < length:  # truncated file: keep what was whole
            break
        found.append((marker, payload))
    return found


def _next_marker(stream: BinaryIO) -> int | None:
    byte = stream.read(1)
    if byte != b"\xff":
        return None  # garbage where a marker should be: the header ends here
    while byte == b"\xff":  # fill bytes may precede a marker
        byte = stream.read(1)
    return byte[0] if byte else None


def segment(marker: int, payload: bytes) -> bytes:
    """Return one marker segment; raise ValueError if the payload cannot fit."""
    if len(payload) > MAX_PAYLOAD:
        raise ValueError(f"segment payload of {len(payload)} bytes exceeds {MAX_PAYLOAD}")
    return bytes((0xFF, marker)) + (len(payload) + 2).to_bytes(2, "big") + payload


def insert_segments(jpeg: bytes, segments: list[bytes]) -> bytes:
    """Insert ``segments`` after SOI and the leading APP0 (JFIF) and APP1 (Exif) segments."""
    if not jpeg.startswith(_SOI):
        raise ValueError("not a JPEG stream")
    pos = 2
    while pos + 4 <= len(jpeg) and jpeg[pos] == 0xFF and jpeg[pos + 1] in (0xE0, APP1):
        if jpeg[pos + 1] == APP1 and jpeg[pos + 4 : pos + 10] != b"Exif\x00\x00":
            break
        pos += 2 + int.from_bytes(jpeg[pos + 2 : pos + 4], "big")
    return jpeg[:pos] + b"".join(segments) + jpeg[pos:]
