"""The import job: many files, each all or nothing, with progress, cancel and a summary."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.intake import PreparedImport
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.importers.registry import SkippedFile, expand_paths, parse_file
from newsroom_desktop.jobs import Progress

log = logging.getLogger(__name__)

# Files are stored in groups that share one commit (each file in its own savepoint): a commit
# waits for the disk, and a group keeps a batch of pasted pages fast. A group is written when
# it is this big or this old, and always before the batch ends or is cancelled.
GROUP_SIZE = 50
GROUP_SECONDS = 1.0


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file: the new article's id, or the error; and any warnings."""

    file: Path
    article_id: str | None = None
    error: str | None = None
    code: str = ""
    warnings: tuple[str, ...] = ()
    same_as: str | None = None
    """The article that holds this file's text already (the file was not imported again)."""

    @property
    def ok(self) -> bool:
        return self.article_id is not None


@dataclass(frozen=True)
class ImportReport:
    """The end of a batch: one result per file tried, the files skipped, and if it was cancelled."""

    results: tuple[ImportResult, ...]
    skipped: tuple[SkippedFile, ...] = ()
    cancelled: bool = False

    @property
    def imported(self) -> tuple[ImportResult, ...]:
        return tuple(r for r in self.results if r.ok)

    @property
    def failed(self) -> tuple[ImportResult, ...]:
        return tuple(r for r in self.results if not r.ok and r.same_as is None)

    @property
    def already_stored(self) -> tuple[ImportResult, ...]:
        """Return the files whose text is in the store already (not imported again)."""
        return tuple(r for r in self.results if r.same_as is not None)

    def summary(self) -> str:
        """Return one English line: how many were imported, failed and skipped."""
        line = (
            f"Imported {len(self.imported)} article(s); {len(self.failed)} failed; "
            f"{len(self.skipped)} skipped."
        )
        if self.already_stored:
            line += f" {len(self.already_stored)} already in the store."
        return f"{line} Cancelled." if self.cancelled else line


def _failure(path: Path, exc: BaseException) -> ImportResult:
    if isinstance(exc, NewsroomError):
        return ImportResult(path, error=exc.message, code=exc.code)
    # A hostile file found a corner the checks missed: report it, keep the batch going.
    log.warning("importing %s failed", path, exc_info=exc)
    reason = f"Cannot import {path.name}: it could not be read ({type(exc).__name__})"
    return ImportResult(path, error=reason, code="unreadable")


_READ_ERRORS = (NewsroomError, MemoryError, RecursionError, ValueError, OSError, LookupError)


@dataclass
class _Batch:
    """The files of one batch: results so far, and the group waiting for its commit."""

    newsroom: Newsroom
    format: str
    section: str | None
    again: bool = False
    results: list[ImportResult] = field(default_factory=list)
    waiting: list[tuple[int, PreparedImport]] = field(default_factory=list)
    since: float = field(default_factory=time.monotonic)

    def read(self, path: Path) -> None:
        """Parse one file and take its photos in; a failure is recorded, never raised."""
        self.results.append(ImportResult(path, error="not stored yet", code="pending"))
        try:
            article = parse_file(path, self.format, zone=self.newsroom.zone)
            if not self.again and any(
                p.article.headline == article.headline for _, p in self.waiting
            ):
                self.write()  # a copy of a file in this batch: store that one, then compare
            same_as = None if self.again else self.newsroom.intake.find_same(article)
            if same_as is not None:
                self.results[-1] = ImportResult(path, same_as=same_as, code="already_stored")
                return
            prepared = self.newsroom.intake.prepare(article, section=self.section)
        except _READ_ERRORS as exc:
            self.results[-1] = _failure(path, exc)
            return
        if not self.waiting:
            self.since = time.monotonic()
        self.waiting.append((len(self.results) - 1, prepared))
        if len(self.waiting) >= GROUP_SIZE or time.monotonic() - self.since >= GROUP_SECONDS:
            self.write()

    def write(self) -> None:
        """Store the waiting group in one commit and record each file's result."""
        group, self.waiting = self.waiting, []
        if not group:
            return
        outcomes = self.newsroom.intake.store_group([prepared for _, prepared in group])
        for (index, _), outcome in zip(group, outcomes, strict=True):
            path = self.results[index].file
            if isinstance(outcome, NewsroomError):
                self.results[index] = _failure(path, outcome)
            else:
                self.results[index] = ImportResult(path, outcome.id, warnings=outcome.warnings)


def import_file(
    newsroom: Newsroom,
    path: Path,
    *,
    format: str = "auto",  # noqa: A002 - the CLI's --format
    section: str | None = None,
    again: bool = False,
) -> ImportResult:
    """Import one file in its own transaction; a failure is returned, never raised.

    A file whose text is in the store already is not imported again (its result names the
    article that has it), unless ``again``.
    """
    batch = _Batch(newsroom, format, section, again)
    batch.read(path)
    batch.write()
    return batch.results[0]


def import_paths(
    newsroom: Newsroom,
    paths: Sequence[Path],
    *,
    format: str = "auto",  # noqa: A002 - the CLI's --format
    section: str | None = None,
    progress: Progress | None = None,
    again: bool = False,
) -> ImportReport:
    """Import files and folders (searched recursively); each file is all or nothing.

    ``progress(done, total, name)`` is called before each file; returning False stops the
    batch between two files (the report says it was cancelled; files read until then are
    stored). Safe to run in a worker thread with its own Newsroom: nothing here is shared.
    A file whose text is in the store already is not imported again, unless ``again``.
    """
    files, skipped = expand_paths([Path(p) for p in paths])
    batch = _Batch(newsroom, format, section, again)
    cancelled = False
    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files), path.name):
            cancelled = True
            break
        batch.read(path)
    batch.write()
    if progress is not None and not cancelled:
        progress(len(files), len(files), "")
    return ImportReport(tuple(batch.results), tuple(skipped), cancelled=cancelled)
