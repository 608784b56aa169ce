"""Which article wrote each file of an export folder, so an export replaces only its own files.

An article is exported into a hidden staging folder inside the destination first. Its files
then move into place (an atomic rename each) only if none of them would replace a file that
is not this article's own earlier export: a file the folder's record
(``.newsroom-exports.jsonl``) gives to this article *and* whose content is still what was
written. Anything else (the user's own file, another article's, an export the user edited)
is kept, and the article fails with ``export_would_overwrite`` unless the export is forced.

The record is a log: one line per file, appended *before* the files move in and naming both
the new content and the old, so an export killed halfway still owns whichever version each
file holds. A damaged line or record only makes files unowned: the next export asks.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.exporters.base import STAGED_DIGESTS, STAGING_PREFIX, write_text

MANIFEST_NAME = ".newsroom-exports.jsonl"
# A record this large is not ours (10,000 exported files take about 2 MB); it is not read.
MAX_RECORD_BYTES = 32 * 1024 * 1024
# The log is rewritten (one line a file) once it holds this many lines more than files.
COMPACT_SLACK = 200
# Staging folders left by an export that was killed are removed after a day.
STALE_STAGING_SECONDS = 24 * 3600
LISTED = 5


class WouldOverwriteError(ExportFailedError):
    """Exporting would replace files that are not this article's own earlier export."""

    code = "export_would_overwrite"

    def __init__(self, files: Sequence[Path]) -> None:
        self.files = tuple(files)
        shown = ", ".join(str(path) for path in self.files[:LISTED])
        more = f" and {len(self.files) - LISTED} more" if len(self.files) > LISTED else ""
        super().__init__(
            f"Not exported: it would replace {shown}{more}, which an earlier export of this "
            "article did not write."
        )


@dataclass(frozen=True)
class Entry:
    """One exported file: the article it came from and the contents that count as its own."""

    article: str
    digests: tuple[str, ...]


def file_digest(path: Path) -> str:
    """Return the SHA-256 of the file at ``path``."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def staged_digest(path: Path) -> str:
    """Return the SHA-256 of a file just written to a staging folder, hashed as it was written."""
    known = STAGED_DIGESTS.pop(path, None)
    with contextlib.suppress(OSError):
        if known is not None and path.stat().st_size == known[1]:
            return known[0]
    return file_digest(path)


def _digest_or_none(path: Path) -> str | None:
    try:
        return file_digest(path) if path.is_file() else None
    except OSError:
        return None


def _entry(item: Any) -> tuple[str, Entry] | None:
    if not isinstance(item, dict):
        return None
    name, article, digests = item.get("file"), item.get("article"), item.get("sha256")
    if not (isinstance(name, str) and isinstance(article, str) and isinstance(digests, list)):
        return None
    if not digests or not all(isinstance(d, str) for d in digests):
        return None
    return name, Entry(article, tuple(digests))


def read_record(path: Path) -> tuple[dict[str, Entry], int]:
    """Return the record's entries (the last line for a file wins) and its number of lines.

    A missing, oversized or strange record (a folder, a pipe, a link) gives no entries, and
    lines that are not whole entries are skipped.
    """
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RECORD_BYTES:
            return {}, 0
        lines = path.read_bytes().splitlines()
    except OSError:
        return {}, 0
    entries: dict[str, Entry] = {}
    for line in lines:
        try:
            found = _entry(json.loads(line))
        except ValueError:
            continue
        if found is not None:
            entries[found[0]] = found[1]
    return entries, len(lines)


def _line(name: str, entry: Entry) -> str:
    item = {"file": name, "article": entry.article, "sha256": list(entry.digests)}
    return json.dumps(item, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class PlacementPlan:
    """An article's staged files checked against the folder: where each goes, and its claim."""

    article_id: str
    moves: tuple[tuple[Path, Path], ...]  # (staged file, destination)
    claims: dict[str, Entry]


class ExportManifest:
    """The record of one export folder: file name (relative, with /) to article and content."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST_NAME
        self._entries, self._lines = read_record(self.path)

    def owns(self, name: str, article_id: str, digest: str | None = None) -> bool:
        """Tell whether the file ``name`` (content ``digest``, if known) is the article's own."""
        entry = self._entries.get(name)
        if entry is None or entry.article != article_id:
            return False
        return (digest or _digest_or_none(self.folder / name)) in entry.digests

    def conflicts(self, names: Sequence[str], article_id: str) -> list[Path]:
        """Return the files writing ``names`` would replace that the article does not own."""
        return [
            self.folder / name
            for name in names
            if os.path.lexists(self.folder / name) and not self.owns(name, article_id)
        ]

    def claim(self, entries: dict[str, Entry]) -> None:
        """Append ``entries`` to the record (a regular file, never through a link or a pipe)."""
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
        text = "".join(_line(name, entry) for name, entry in entries.items())
        try:
            fd = os.open(self.path, flags, 0o644)
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    raise OSError(0, "not a regular file")
                stream.write(text)
        except OSError as exc:
            raise ExportFailedError(
                f"Cannot record the export in {self.path}: {exc.strerror or exc}."
            ) from exc
        self._entries.update(entries)
        self._lines += len(entries)

    def noted(self, entries: dict[str, Entry]) -> None:
        """Count in ``entries`` that another process appended to the record."""
        self._entries.update(entries)
        self._lines += len(entries)

    def compact(self) -> None:
        """Rewrite a long log as one line per file that still exists (atomically)."""
        if self._lines <= len(self._entries) + COMPACT_SLACK:
            return
        entries, _ = read_record(self.path)  # with what other exports appended meanwhile
        kept = {name: e for name, e in entries.items() if (self.folder / name).is_file()}
        with contextlib.suppress(ExportFailedError):
            write_text(self.path, "".join(_line(name, e) for name, e in kept.items()))
            self._entries, self._lines = kept, len(kept)


class Placement:
    """Where one export run puts its files: staged, checked against the record, moved in."""

    def __init__(self, out_dir: Path, *, force: bool = False) -> None:
        self.out_dir = out_dir
        self.force = force
        self.manifest = ExportManifest(out_dir)
        self._root: Path | None = None

    def stage(self) -> Path:
        """Return the staging folder to export one article into (its files leave it by place)."""
        if self._root is None:
            try:
                self.out_dir.mkdir(parents=True, exist_ok=True)
                _remove_stale_staging(self.out_dir)
                self._root = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
            except OSError as exc:
                raise ExportFailedError(
                    f"Cannot write into {self.out_dir}: {exc.strerror or exc}."
                ) from exc
        return self._root

    def place(self, staged: Path, files: Sequence[Path], article_id: str) -> list[Path]:
        """Move the article's staged ``files`` into the folder; WouldOverwriteError if unsafe."""
        placed = self.commit([self.plan(staged, files, article_id)])[0]
        if isinstance(placed, ExportFailedError):
            raise placed
        return placed

    def plan(self, staged: Path, files: Sequence[Path], article_id: str) -> PlacementPlan:
        """Check where the article's staged ``files`` go; WouldOverwriteError if unsafe.

        Nothing is moved or recorded yet (``commit`` does it); a refused article's staged
        files are removed.
        """
        names = [path.relative_to(staged).as_posix() for path in files]
        dests = {name: self.out_dir / name for name in names}  # each path made once
        present = {name for name in names if os.path.lexists(dests[name])}
        current = {
            name: _digest_or_none(dests[name]) if name in present else None for name in names
        }
        conflicts = [
            dests[name]
            for name in names
            if name in present and not self.manifest.owns(name, article_id, current[name])
        ]
        if conflicts and not self.force:
            for path in files:
                path.unlink(missing_ok=True)  # the next article is staged in the same folder
            raise WouldOverwriteError(conflicts)
        claims: dict[str, Entry] = {}
        for name, path in zip(names, files, strict=True):
            new, old = staged_digest(path), current[name]
            claims[name] = Entry(article_id, (new,) if old in (None, new) else (new, str(old)))
        moves = tuple((path, dests[name]) for name, path in zip(names, files, strict=True))
        return PlacementPlan(article_id, moves, claims)

    def commit(self, plans: Sequence[PlacementPlan]) -> list[list[Path] | ExportFailedError]:
        """Record every plan's files in one append, then move them in; one outcome a plan.

        The record comes first: killed while moving, each file is still owned. A file that
        cannot be moved fails its own article only.
        """
        claims: dict[str, Entry] = {}
        for plan in plans:
            claims.update(plan.claims)
        if claims:
            self.manifest.claim(claims)
        made: set[Path] = {self.out_dir}
        outcomes: list[list[Path] | ExportFailedError] = []
        for plan in plans:
            placed: list[Path] = []
            for path, dest in plan.moves:
                try:
                    if dest.parent not in made:
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        made.add(dest.parent)
                    path.replace(dest)
                except OSError as exc:
                    reason = exc.strerror or exc
                    outcomes.append(ExportFailedError(f"Cannot write {dest}: {reason}."))
                    break
                placed.append(dest)
            else:
                outcomes.append(placed)
        return outcomes

    def noted(self, entries: Sequence[tuple[str, Entry]]) -> None:
        """Take in record lines another process (a worker of this batch) wrote for the folder."""
        self.manifest.noted(dict(entries))

    def close(self) -> None:
        """Remove the staging folder and tidy the record."""
        if self._root is not None:
            for path in [p for p in STAGED_DIGESTS if p.is_relative_to(self._root)]:
                del STAGED_DIGESTS[path]
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None
        self.manifest.compact()


def _remove_stale_staging(folder: Path) -> None:
    cutoff = time.time() - STALE_STAGING_SECONDS
    for path in folder.glob(f"{STAGING_PREFIX}*"):
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink() and path.stat().st_mtime < cutoff:
                shutil.rmtree(path, ignore_errors=True)
