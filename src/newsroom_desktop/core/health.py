"""Check a store: SQLite's integrity check, its schema, and photo originals missing from disk."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.models import ArticlePhoto, Photo
from newsroom_desktop.core.paths import StoreLocation, resolve_store
from newsroom_desktop.core.photos.ingest import original_path
from newsroom_desktop.core.store import Store
from newsroom_desktop.core.store_file import connect_read_only, read_schema_revision


@dataclass(frozen=True)
class MissingOriginal:
    """A photo the store knows whose original file is not in the originals folder."""

    photo_id: str
    sha256: str
    original_filename: str
    path: Path
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class StoreCheck:
    """The outcome of ``check_store``: ``problems`` empty means the store is sound."""

    path: Path
    schema_revision: str | None
    integrity: tuple[str, ...]
    article_count: int | None
    missing_originals: tuple[MissingOriginal, ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def integrity_problems(path: Path, *, limit: int = 20) -> list[str]:
    """Return what ``PRAGMA integrity_check`` finds wrong with the file ([] when sound)."""
    try:
        with contextlib.closing(connect_read_only(path)) as conn:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def missing_originals(store: Store) -> list[MissingOriginal]:
    """Return the stored photos whose original file is gone from the originals folder."""
    originals = store.location.originals_dir
    with store.read() as session:
        photos = session.execute(
            select(Photo.id, Photo.sha256, Photo.format, Photo.original_filename)
        ).all()
        missing = []
        for photo_id, sha256, fmt, name in photos:
            path = original_path(originals, sha256, fmt)
            if not path.is_file():
                missing.append((photo_id, sha256, name, path))
        if not missing:
            return []
        uses = session.execute(
            select(ArticlePhoto.photo_id, ArticlePhoto.article_id).where(
                ArticlePhoto.photo_id.in_([m[0] for m in missing])
            )
        ).all()
    articles: dict[str, list[str]] = {}
    for used_photo, article_id in uses:
        if used_photo is not None:
            articles.setdefault(used_photo, []).append(article_id)
    return [
        MissingOriginal(pid, sha, name, path, tuple(sorted(articles.get(pid, []))))
        for pid, sha, name, path in missing
    ]


def check_store(location: StoreLocation | Path | str) -> StoreCheck:
    """Check the store at ``location`` without changing it; damage is reported, not raised."""
    loc = location if isinstance(location, StoreLocation) else resolve_store(location)
    if loc.path is None:
        raise StoreError(
            f"{loc.display} is a newsroom server: it is checked on the server (the server "
            "keeps its own data sound; `newsroom --store URL list` shows it answers).",
            code="store_server_check",
        )
    path = loc.path
    if not path.exists():
        raise StoreError(f"There is no store at {path}.", code="not_found")
    problems: list[str] = []
    try:
        revision = read_schema_revision(path)
    except StoreError as exc:
        return StoreCheck(path, None, (exc.message,), None, (), (exc.message,))
    integrity = integrity_problems(path)
    if integrity:
        problems.append(
            f"The store {path} is damaged: {'; '.join(integrity)[:300]}. Restore it from a "
            f"backup (newsroom backups lists them; they are in {loc.backups_dir})."
        )
        return StoreCheck(path, revision, tuple(integrity), None, (), tuple(problems))
    try:
        store = Store.open(loc, read_only=True)
    except StoreError as exc:
        return StoreCheck(path, revision, (), None, (), (exc.message,))
    try:
        missing = missing_originals(store)
        with contextlib.closing(connect_read_only(path)) as conn:
            count = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        store.close()
    for item in missing:
        used = f" (used by {len(item.article_ids)} article(s))" if item.article_ids else ""
        problems.append(
            f"The original of photo {item.original_filename or item.sha256[:12]}{used} is "
            f"missing from {item.path}; restore the originals folder from a backup."
        )
    return StoreCheck(path, revision, (), count, tuple(missing), tuple(problems))
