"""Revisions kept compressed in a store file, read plain through the view revision_texts

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-06

Store files only: every revision's body is rewritten as core/packing.py packs it (a zlib
stream when that is smaller), and the view ``revision_texts`` gives each revision with its
body plain through ``unpack_text(x)``, which every connection of the app registers. The
column keeps its type: SQLite stores a BLOB in it as it is. A newsroom server keeps its
revisions plain: PostgreSQL compresses any value over 2 kB itself (TOAST), and its
revisions cannot be rewritten (0004).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from newsroom_desktop.core.packing import pack_text, unpack_text

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None

_BATCH = 2000
_COLUMNS = (
    "id, article_id, number, article_version, created_at, author_id, author_name, reason, "
    "section, headline, lead, {body} AS body, byline, language, tags_json, photos_json, "
    "content_hash"
)
VIEW = (
    "CREATE VIEW revision_texts AS SELECT "
    + _COLUMNS.format(body="unpack_text(body)")
    + " FROM revisions"
)


def _rewrite(kind: str, convert: Callable[[str | bytes], str | bytes]) -> None:
    """Rewrite every revision body of SQLite type ``kind`` with ``convert``, a batch at a time."""
    bind = op.get_bind()
    after = -1
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT rowid, body FROM revisions WHERE rowid > :after AND typeof(body) = :kind "
                "ORDER BY rowid LIMIT :batch"
            ),
            {"after": after, "kind": kind, "batch": _BATCH},
        ).all()
        if not rows:
            return
        changed = [
            {"rowid": rowid, "body": new}
            for rowid, body in rows
            if (new := convert(body)) is not body
        ]
        if changed:
            bind.execute(sa.text("UPDATE revisions SET body = :body WHERE rowid = :rowid"), changed)
        after = rows[-1][0]


def _pack(body: str | bytes) -> str | bytes:
    return pack_text(body) if isinstance(body, str) else body


def _unpack(body: str | bytes) -> str | bytes:
    return unpack_text(body) or ""


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _rewrite("text", _pack)
    op.execute(VIEW)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP VIEW revision_texts")
    _rewrite("blob", _unpack)
