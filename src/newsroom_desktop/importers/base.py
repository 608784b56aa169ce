"""What every importer produces: a plain ImportedArticle, before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


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

    @property
    def figures(self) -> tuple[ImportedFigure, ...]:
        return tuple(b for b in self.blocks if isinstance(b, ImportedFigure))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b for b in self.blocks if isinstance(b, str))
