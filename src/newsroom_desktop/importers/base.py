"""What every importer shares: reading files and streams within limits, decoding, errors."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from newsroom_desktop.core.dates import DEFAULT_ZONE
from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.core.textio import decode_text

# A news article is a few hundred kilobytes at most; a bigger text, HTML or Markdown file is not
# an article, and refusing it before reading keeps a 100 MB paste from filling memory.
MAX_TEXT_BYTES = 20 * 1024 * 1024
_CHUNK_BYTES = 1024 * 1024
DEFAULT_TZ = ZoneInfo(DEFAULT_ZONE)


def failed(path: Path, reason: str, *, code: str = "import") -> ImportFailedError:
    """Return the one-line error for a file that cannot be imported."""
    return ImportFailedError(f"Cannot import {path.name}: {reason}", code=code)


def _refused(subject: str, reason: str, code: str) -> ImportFailedError:
    return ImportFailedError(f"Cannot {subject}: {reason}", code=code)


def _not_regular(mode: int) -> str:
    """Return why a file of this kind is never read as an article ("" for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    return "it is not a file (a socket or other special file)"


def _too_large(what: str, size: float, limit: int) -> str:
    return (
        f"the {what} is {size / 1048576:.0f} MB; an article file may be at most "
        f"{limit // 1048576} MB"
    )


def check_regular(path: Path, *, subject: str = "") -> None:
    """Refuse ``path`` unless it is a regular file: folders, pipes and devices are never read."""
    subject = subject or f"import {path.name}"
    try:
        reason = _not_regular(path.stat().st_mode)
    except OSError as exc:
        raise _refused(subject, exc.strerror or str(exc), "unreadable") from exc
    if reason:
        raise _refused(subject, reason, "unreadable")


def read_bytes(
    path: Path, limit: int = MAX_TEXT_BYTES, what: str = "file", *, subject: str = ""
) -> bytes:
    """Read the regular file ``path`` whole, refusing it by its kind and size before reading.

    ``subject`` says what was being done in the error ("read the body file x"); by default
    "import <name>".
    """
    subject = subject or f"import {path.name}"
    check_regular(path, subject=subject)
    try:
        # Non-blocking, so that a file swapped for a pipe since stat() cannot stall the open;
        # what is checked is the file actually opened.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(stream.fileno())
            reason = _not_regular(info.st_mode)
            if reason:
                raise _refused(subject, reason, "unreadable")
            if info.st_size > limit:
                raise _refused(subject, _too_large(what, info.st_size, limit), "too_large")
            # Its size and one byte more (read() sets aside all it is asked for, so not the
            # whole limit); a file that grew since fstat() is read on, up to one byte past it.
            data = stream.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += stream.read(limit + 1 - len(data))
    except OSError as exc:
        raise _refused(subject, exc.strerror or str(exc), "unreadable") from exc
    if len(data) > limit:
        raise _refused(subject, f"the {what} is larger than {limit // 1048576} MB", "too_large")
    return data


def read_stream(
    stream: BinaryIO, subject: str, limit: int = MAX_TEXT_BYTES, what: str = "text"
) -> bytes:
    """Read a stream (standard input) to its end, refusing it once it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= limit:
            chunk = stream.read(min(_CHUNK_BYTES, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _refused(subject, exc.strerror or str(exc), "unreadable") from exc
    if size > limit:
        raise _refused(
            subject,
            f"the {what} is larger than {limit // 1048576} MB, the most an article may be",
            "too_large",
        )
    return b"".join(chunks)


def decode(data: bytes, name: str, subject: str) -> tuple[str, tuple[str, ...]]:
    """Return bytes read from a text file as NFC text (legacy code pages with a warning)."""
    # NUL bytes mean a binary file (a photo, a PDF, an old .doc), except in UTF-16 text.
    if b"\x00" in data[:65536] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _refused(subject, "it is a binary file, not text", "not_text")
    decoded = decode_text(data, name)
    return decoded.text, ((decoded.warning,) if decoded.warning else ())


def read_text(path: Path, limit: int = MAX_TEXT_BYTES) -> tuple[str, tuple[str, ...]]:
    """Read a text file as NFC text (legacy code pages with a warning); return text, warnings."""
    return decode(read_bytes(path, limit, "text"), path.name, f"import {path.name}")
