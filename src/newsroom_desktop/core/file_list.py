"""The article list read from a store file through sqlite3 alone, for short-lived commands.

`newsroom list` would spend most of its time starting SQLAlchemy and mapping the models; a
store file already at this version's schema is read here with one plain query instead, the
same one ``ArticleService.list`` builds (a test holds the two to the same answers). Anything
else (a server, a missing or older store, a busy or damaged file) gets None: the caller then
opens the store the normal way, which creates, migrates or explains.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsroom_desktop.core.documents import ArticleSummary, ListQuery
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.store_file import SCHEMA_HEAD, connect_read_only, read_schema_revision
from newsroom_desktop.core.vocabulary import STATUSES
from newsroom_desktop.core.workflow_rules import TAKEN_STATUSES

_SELECT = """
SELECT a.id, a.headline, s.name, a.byline, a.status, a.language, a.word_count, a.updated_at,
       o.name, a.deleted_at,
       EXISTS (SELECT c.id FROM sync_conflicts AS c
               WHERE c.article_id = a.id AND c.resolved_at IS NULL),
       (SELECT l.person_name FROM leases AS l WHERE l.article_id = a.id),
       CASE WHEN a.status IN ({taken}) THEN
           (SELECT e.actor_name FROM status_events AS e
            WHERE e.article_id = a.id AND e.to_status = 'editing'
            ORDER BY e.created_at DESC, e.id DESC LIMIT 1)
       END
FROM articles AS a
LEFT OUTER JOIN sections AS s ON a.section_id = s.id
LEFT OUTER JOIN people AS o ON a.owner_id = o.id
"""
_ORDER = {"updated": "a.updated_at", "headline": "a.headline_key", "created": "a.created_at"}


def list_file(
    path: Path, query: ListQuery, *, offset: int = 0, limit: int = 200
) -> list[ArticleSummary] | None:
    """Return one page of the list of the store file at ``path``; None to open it normally."""
    if query.text.strip() or query.sort not in _ORDER or not _plain_statuses(query):
        return None
    try:
        if read_schema_revision(path) != SCHEMA_HEAD:
            return None
        with closing(connect_read_only(path)) as conn:
            sql, params = _statement(query, offset, limit)
            rows = conn.execute(sql, params).fetchall()
    except (StoreError, sqlite3.Error, OSError):
        return None
    return [_summary(row) for row in rows]


def _plain_statuses(query: ListQuery) -> bool:
    statuses = (query.status,) if isinstance(query.status, str) else query.status or ()
    return all(status in STATUSES for status in statuses)


def _statement(query: ListQuery, offset: int, limit: int) -> tuple[str, list[object]]:
    taken = ", ".join(f"'{status}'" for status in TAKEN_STATUSES)
    where = ["a.deleted_at IS NOT NULL" if query.trashed else "a.deleted_at IS NULL"]
    params: list[object] = []
    statuses = (query.status,) if isinstance(query.status, str) else query.status or ()
    if statuses:
        where.append(f"a.status IN ({', '.join('?' * len(statuses))})")
        params += statuses
    if query.section:
        where.append("a.section_id = (SELECT id FROM sections WHERE name = ?)")
        params.append(query.section)
    if query.owner:
        where.append("o.name = ?")
        params.append(query.owner)
    order = f"{_ORDER[query.sort]} {'DESC' if query.descending else 'ASC'}, a.id"
    sql = f"{_SELECT.format(taken=taken)} WHERE {' AND '.join(where)} ORDER BY {order}"
    return f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset]


def _summary(row: Any) -> ArticleSummary:
    # The values as the ORM's summary_from_row takes them; SQLite keeps times as naive UTC
    # text, as the models' UTCDateTime writes them.
    return ArticleSummary(
        id=row[0],
        headline=row[1],
        section=row[2] or "",
        byline=row[3],
        status=row[4],
        language=row[5],
        word_count=row[6],
        updated_at=datetime.fromisoformat(row[7]).replace(tzinfo=UTC),
        owner=row[8] or "",
        deleted=row[9] is not None,
        in_conflict=bool(row[10]),
        lease_by=row[11] or "",
        taken_by=row[12] or "",
    )
