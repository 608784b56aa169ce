"""The photo library's records: a photo with its marks, what the grid shows, a folder import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path

from newsroom_desktop.core.photos.ingest import original_path
from newsroom_desktop.core.text import fold

MAX_RATING = 5
# Photo Mechanic's and Lightroom's keys 6–9 give these, in this order.
COLOR_LABELS = ("red", "yellow", "green", "blue")


@dataclass(frozen=True)  # not slots: ``folded`` is computed once, on first search
class LibraryPhoto:
    """One photo of the newsroom with what its file says, its marks and how often it is used."""

    id: str
    sha256: str
    original_filename: str
    format: str
    width: int
    height: int
    file_size: int
    taken_at: str
    camera: str
    description: str
    headline: str
    creator: str
    credit: str
    copyright: str
    alt_text: str
    keywords: tuple[str, ...]
    rating: int
    color_label: str
    uses: int
    added_at: datetime
    originals_dir: Path

    @property
    def file(self) -> Path:
        """Return where the photo's original is (or would be fetched to) on this desk."""
        return original_path(self.originals_dir, self.sha256, self.format)

    @cached_property
    def folded(self) -> str:
        """Return what a search looks in (caption, creator, keywords, file name), folded."""
        parts = (
            self.description,
            self.headline,
            self.creator,
            self.alt_text,
            " ".join(self.keywords),
            self.original_filename,
        )
        return fold(" ".join(parts))


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    """What the library shows: a search and filters; empty fields filter nothing.

    ``taken_from`` and ``taken_to`` are ISO dates (YYYY-MM-DD), both ends included; a photo
    without a date taken is left out when either is given.
    """

    search: str = ""
    creator: str = ""
    taken_from: str = ""
    taken_to: str = ""
    unused_only: bool = False
    min_rating: int = 0
    color_label: str = ""

    def matches(self, photo: LibraryPhoto, words: Sequence[str]) -> bool:
        """Tell whether ``photo`` passes this filter (``words``: the folded search words)."""
        if self.unused_only and photo.uses:
            return False
        if photo.rating < self.min_rating:
            return False
        if self.color_label and photo.color_label != self.color_label:
            return False
        if self.creator and fold(self.creator) not in fold(photo.creator):
            return False
        day = photo.taken_at[:10]
        if (self.taken_from or self.taken_to) and not day:
            return False
        if self.taken_from and day < self.taken_from:
            return False
        if self.taken_to and day > self.taken_to:
            return False
        if words:
            text = photo.folded
            return all(word in text for word in words)
        return True


@dataclass(frozen=True, slots=True)
class FolderImport:
    """What taking in a folder did: photos recorded (new or known), and files refused."""

    added: tuple[LibraryPhoto, ...]
    already: int
    refused: tuple[tuple[str, str], ...]  # (file name, why)
    skipped: int  # files over the folder's limit, or symlinks out of it


def filter_photos(photos: Sequence[LibraryPhoto], wanted: LibraryFilter) -> list[LibraryPhoto]:
    """Return the photos that pass ``wanted``, in their order."""
    words = fold(wanted.search).split()
    return [p for p in photos if wanted.matches(p, words)]


def creators_of(photos: Sequence[LibraryPhoto]) -> list[str]:
    """Return the creators the photos name, A–Z as Vietnamese sorts (folded, then as written)."""
    return sorted({p.creator for p in photos if p.creator}, key=lambda name: (fold(name), name))
