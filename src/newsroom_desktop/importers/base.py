"""What every importer produces: a plain ImportedArticle, before anything is stored."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from newsroom_desktop.core.context import DEFAULT_ZONE
from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.core.textio import decode_text

# A news article is a few hundred kilobytes at most; a bigger text, HTML or Markdown file is not
# an article, and refusing it before reading keeps a 100 MB paste from filling memory.
MAX_TEXT_BYTES = 20 * 1024 * 1024
DEFAULT_TZ = ZoneInfo(DEFAULT_ZONE)


@dataclass(frozen=True)
class ImportedFigure:
    """A photo found in the source: its caption and credit, and the image if there is one.

    ``image`` is a file path (an image beside an HTML page), ``image_bytes`` the image data
    (embedded in a DOCX); with neither, the figure waits for its photo.
    """

    caption: str = ""
    credit: str = ""
    alt_text: str = ""
    image: Path | None = None
    image_bytes: bytes | None = None
    image_name: str = ""

    @property
    def has_image(self) -> bool:
        return self.image is not None or self.image_bytes is not None


Block = str | ImportedFigure
"""A body block: a Markdown block (paragraph, heading, list, quote) or a figure."""


@dataclass(frozen=True)
class ImportedArticle:
    """An article read from a file, ready for the store to take in one transaction."""

    headline: str
    section: str = ""
    lead: str = ""
    blocks: tuple[Block, ...] = ()
    byline: str = ""
    language: str = "vi"
    tags: tuple[str, ...] = ()
    updated_at: datetime | None = None
    created_at: datetime | None = None
    warnings: tuple[str, ...] = field(default=())
    source: str = ""
    attached: tuple[ImportedFigure, ...] = ()
    """Photos that belong to the article but are not placed in its body."""

    @property
    def figures(self) -> tuple[ImportedFigure, ...]:
        """Return the figures placed in the body, in reading order."""
        return tuple(b for b in self.blocks if isinstance(b, ImportedFigure))

    @property
    def all_figures(self) -> tuple[ImportedFigure, ...]:
        """Return the placed figures, then the attached ones."""
        return self.figures + self.attached

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b for b in self.blocks if isinstance(b, str))

    def with_warnings(self, *more: str) -> ImportedArticle:
        """Return a copy with ``more`` warnings added (empty ones ignored)."""
        extra = tuple(w for w in more if w)
        return replace(self, warnings=self.warnings + extra) if extra else self


def failed(path: Path, reason: str, *, code: str = "import") -> ImportFailedError:
    """Return the one-line error for a file that cannot be imported."""
    return ImportFailedError(f"Cannot import {path.name}: {reason}", code=code)


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES, what: str = "file") -> bytes:
    """Read ``path`` whole, refusing it by its size before reading if it is over ``limit``."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise failed(path, "it is not a file", code="unreadable")
        if size > limit:
            raise failed(
                path,
                f"the {what} is {size / 1048576:.0f} MB; an article file may be at most "
                f"{limit // 1048576} MB",
                code="too_large",
            )
        with path.open("rb") as stream:
            # Read one byte past the limit so a file that grew since stat() is still refused.
            data = stream.read(limit + 1)
    except OSError as exc:
        raise failed(path, exc.strerror or str(exc), code="unreadable") from exc
    if len(data) > limit:
        raise failed(path, f"the {what} is larger than {limit // 1048576} MB", code="too_large")
    return data


def read_text(path: Path, limit: int = MAX_TEXT_BYTES) -> tuple[str, tuple[str, ...]]:
    """Read a text file as NFC text (legacy code pages with a warning); return text, warnings."""
    data = read_bytes(path, limit, "text")
    # NUL bytes mean a binary file (a photo, a PDF, an old .doc), except in UTF-16 text.
    if b"\x00" in data[:65536] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise failed(path, "it is a binary file, not text", code="not_text")
    decoded = decode_text(data, path.name)
    return decoded.text, ((decoded.warning,) if decoded.warning else ())
