"""What every exporter shares: the Exporter protocol, the options, output names and writes."""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from newsroom_desktop.core.dates import DEFAULT_ZONE
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.core.photos.files import open_temp
from newsroom_desktop.core.photos.rendition import DEFAULT_MAX_SIDE, DEFAULT_QUALITY

PAPERS = ("a4", "letter")
# The private folder an export run stages its files in (see exporters.manifest.Placement): no
# one reads a file there before it is moved into place, so it is written without a temp file.
STAGING_PREFIX = ".newsroom-staging-"
# The SHA-256 and size of each file written to a staging folder, until it is moved into place.
STAGED_DIGESTS: dict[Path, tuple[str, int]] = {}


@dataclass(frozen=True)
class ExportOptions:
    """How to export: the same options serve every format; each uses what applies to it."""

    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_ZONE))
    paper: str = "a4"
    max_side: int = DEFAULT_MAX_SIDE
    quality: int = DEFAULT_QUALITY
    share_links: bool = False
    # Markdown: the lead opens the body too, since most Hugo and Jekyll themes ignore summary.
    lead_in_body: bool = True
    zip: bool = False
    strict: bool = False
    # A preview (print preview, a look before publishing) records nothing in the store.
    preview: bool = False
    # The newsroom's copyright line for photos whose files name no copyright holder.
    copyright: str = ""
    # The output name without suffix; "" uses the article's slug.
    stem: str = ""
    # Replace files in the folder that are not this article's own earlier export (the user
    # was asked, or gave --force); without it such an article fails, keeping those files.
    force: bool = False
    # The pre-export check calls a photo narrower than this (as cropped) too small; 0: never.
    min_photo_width: int = 0

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ExportFailedError(f"Unknown paper size {self.paper!r}; use a4 or letter.")
        if self.max_side < 16:
            raise ExportFailedError(
                f"The longest photo side must be at least 16 px, not {self.max_side}."
            )
        if not 1 <= self.quality <= 100:
            raise ExportFailedError(f"JPEG quality must be 1–100, not {self.quality}.")

    def stem_for(self, doc: ArticleDoc) -> str:
        """Return the file name (without suffix) for ``doc``."""
        return self.stem_of(doc.id, doc.slug)

    def stem_of(self, article_id: str, slug: str) -> str:
        """Return the file name (without suffix) for the article with this id and slug."""
        return self.stem or slug or article_id[:8]


class Exporter(Protocol):
    """One output format: ``export`` writes the files for one article and returns them."""

    name: str
    suffix: str
    label: str

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        """Write ``doc`` into ``out_dir``; return the files written, main file first."""
        ...


def write_text(dest: Path, text: str) -> Path:
    """Write UTF-8 text atomically (LF line ends); return ``dest``."""
    return write_bytes(dest, text.encode("utf-8"))


def write_bytes(dest: Path, data: bytes) -> Path:
    """Write bytes atomically (readers see the old file or the new one), or ExportFailedError.

    Unlike the store's writes there is no fsync: an export can be made again, and a batch of
    thousands of files would otherwise wait on the disk for each one.
    """
    if any(part.startswith(STAGING_PREFIX) for part in dest.parent.parts):
        return _write_staged(dest, data)
    tmp: Path | None = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp, stream = open_temp(dest.parent, dest.name)
        with stream:
            stream.write(data)
        tmp.replace(dest)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise ExportFailedError(f"Cannot write {dest}: {reason}.") from exc
    return dest


def _write_staged(dest: Path, data: bytes) -> Path:
    STAGED_DIGESTS.pop(dest, None)
    try:
        _write_new(dest, data)
    except OSError as exc:
        with contextlib.suppress(OSError):
            dest.unlink(missing_ok=True)
        raise ExportFailedError(f"Cannot write {dest}: {exc.strerror or exc}.") from exc
    STAGED_DIGESTS[dest] = (hashlib.sha256(data).hexdigest(), len(data))  # placing reads none
    return dest


def _write_new(dest: Path, data: bytes) -> None:
    """Write ``data`` to ``dest`` in a few system calls (a batch writes thousands of files)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC | os.O_NOFOLLOW
    try:
        fd = os.open(dest, flags, 0o666)
    except FileNotFoundError:  # its folder is made once, on the first file written into it
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(dest, flags, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
