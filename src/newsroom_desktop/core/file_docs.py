"""Articles read for an export from a store file through sqlite3 alone, before SQLAlchemy starts.

A large export from the command line hands its first articles to its writers while the rest of
the program still starts (SQLAlchemy and the models take a fifth of a second). The articles
without photos are read here with the plain query ``ExportService.documents`` builds for them
(a test holds the two to the same documents); an article with photos is only named here (its
slug, whether it is in the trash) and read later through the core. A store file not at this
version's schema, a server, a busy or damaged file give None: the export is done the usual way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.store_file import SCHEMA_HEAD, connect_read_only, read_schema_revision

# Ids a query names at once (SQLite allows 32,766 parameters).
_SLICE = 500
_COLUMNS = """a.id, s.name, a.headline, a.lead, a.body, a.byline, a.language, a.slug, a.status,
o.name, a.word_count, a.version, a.created_at, a.updated_at, a.published_at, a.exported_at,
a.deleted_at, a.target_words, a.target_headline_chars, a.target_lead_chars"""


@dataclass(frozen=True)
class Pictured:
    """An article with photos, named only: read through the core once the store is open."""

    slug: str
    trashed: bool


@dataclass(frozen=True)
class FileArticles:
    """What a store file holds of some ids: documents, articles with photos; the rest is absent."""

    docs: dict[str, ArticleDoc]
    pictured: dict[str, Pictured]


class FileReader:
    """One read of a store file at this version's schema, through sqlite3 alone."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @classmethod
    def open(cls, path: Path) -> FileReader | None:
        """Open the store file for reading; None when it is to be read through the core."""
        try:
            if read_schema_revision(path) != SCHEMA_HEAD:
                return None
            conn = connect_read_only(path)
            try:
                conn.execute("BEGIN")  # one read transaction: every slice sees the same state
            except sqlite3.Error:
                conn.close()
                raise
        except (StoreError, sqlite3.Error, OSError):
            return None
        return cls(conn)

    def existing(self, ids: Sequence[str]) -> set[str] | None:
        """Return which of these ids name articles (in the trash or not); None on a read error."""
        found: set[str] = set()
        try:
            for start in range(0, len(ids), _SLICE):
                part = list(ids[start : start + _SLICE])
                marks = ", ".join("?" * len(part))
                rows = self._conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", part)
                found.update(row[0] for row in rows)
        except sqlite3.Error:
            return None
        return found

    def read(self, ids: Sequence[str]) -> FileArticles | None:
        """Return the articles with these exact ids; None on a read error."""
        found = FileArticles({}, {})
        try:
            for start in range(0, len(ids), _SLICE):
                _read_slice(self._conn, list(ids[start : start + _SLICE]), found)
        except (sqlite3.Error, ValueError):
            return None
        return found

    def close(self) -> None:
        self._conn.close()


def _read_slice(conn: sqlite3.Connection, ids: list[str], found: FileArticles) -> None:
    marks = ", ".join("?" * len(ids))
    pictured = {
        row[0]
        for row in conn.execute(
            f"SELECT DISTINCT article_id FROM article_photos WHERE article_id IN ({marks})", ids
        )
    }
    for ident, slug, deleted in conn.execute(
        f"SELECT id, slug, deleted_at FROM articles WHERE id IN ({marks})", ids
    ):
        if ident in pictured:
            found.pictured[ident] = Pictured(slug, deleted is not None)
    plain = [i for i in ids if i not in pictured]
    if not plain:
        return
    marks = ", ".join("?" * len(plain))
    tags: dict[str, list[str]] = {}
    for article_id, name in conn.execute(
        "SELECT t.article_id, g.name FROM article_tags AS t JOIN tags AS g ON g.id = t.tag_id "
        f"WHERE t.article_id IN ({marks}) ORDER BY g.name",
        plain,
    ):
        tags.setdefault(article_id, []).append(name)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM articles AS a "
        "LEFT OUTER JOIN sections AS s ON a.section_id = s.id "
        "LEFT OUTER JOIN people AS o ON a.owner_id = o.id "
        f"WHERE a.id IN ({marks})",
        plain,
    )
    for row in rows:
        found.docs[row[0]] = _doc(row, tuple(tags.get(row[0], ())))


def _time(value: str | None) -> datetime | None:
    # SQLite keeps times as naive UTC text, as the models' UTCDateTime writes them.
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def _doc(row: Any, tags: tuple[str, ...]) -> ArticleDoc:
    times = [_time(value) for value in row[12:17]]
    if times[0] is None or times[1] is None:
        raise ValueError(f"article {row[0]} has no creation or change time")
    return plain_doc((*row[:12], *times, *row[17:]), tags)


def plain_doc(row: Any, tags: tuple[str, ...]) -> ArticleDoc:
    """Return the document of an article without photos from a row of the plain columns.

    The columns are ``ExportService``'s plain query's (and ``_COLUMNS`` here), times as
    aware datetimes.
    """
    (ident, section, headline, lead, body, byline, language, slug, status, owner, words,
     version, created, updated, published, exported, deleted, target_words,
     target_headline, target_lead) = row  # fmt: skip
    return ArticleDoc(
        id=ident, section=section or "", headline=headline, lead=lead, body=body,
        byline=byline, language=language, slug=slug, status=status, tags=tags,
        owner=owner or "", word_count=words, version=version, created_at=created,
        updated_at=updated, published_at=published, exported_at=exported, deleted_at=deleted,
        photos=(), target_words=target_words, target_headline_chars=target_headline,
        target_lead_chars=target_lead,
    )  # fmt: skip
