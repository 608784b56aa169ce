"""Revisions kept compressed in a store file, read plain through the view revision_texts

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-06

Store files only: a revision whose body is its article's body keeps a reference to it (an
empty BLOB), and the trigger ``revisions_keep_article_body`` writes the text into such
revisions before the article's body changes; every other body is rewritten as
core/packing.py packs it (a zlib stream when that is smaller). The view ``revision_texts``
gives each revision with its body plain, through ``unpack_text(x)``, which every connection of
the app registers. The column keeps its type: SQLite stores a BLOB in it as it is. A newsroom
server keeps its revisions plain: PostgreSQL compresses any value over 2 kB itself (TOAST),
and its revisions cannot be rewritten (0004).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from newsroom_desktop.core.packing import pack_text, unpack_text

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_BATCH = 2000
_COLUMNS = (
    "id, article_id, number, article_version, created_at, author_id, author_name, reason, "
    "section, headline, lead, {body} AS body, byline, language, tags_json, photos_json, "
    "content_hash"
)
_REFERENCE = "typeof(body) = 'blob' AND length(body) = 0"
_ARTICLE_BODY = "(SELECT a.body FROM articles a WHERE a.id = revisions.article_id)"
VIEW = (
    "CREATE VIEW revision_texts AS SELECT "
    + _COLUMNS.format(
        body=f"CASE WHEN {_REFERENCE} THEN {_ARTICLE_BODY} ELSE unpack_text(body) END"
    )
    + " FROM revisions"
)
# Plain SQL, no function of ours: any SQLite client may change an article's body.
TRIGGER = f"""
CREATE TRIGGER revisions_keep_article_body BEFORE UPDATE OF body ON articles
WHEN OLD.body IS NOT NEW.body
BEGIN
  UPDATE revisions SET body = OLD.body WHERE article_id = OLD.id AND {_REFERENCE};
END
"""


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
    op.execute(
        f"UPDATE revisions SET body = X'' WHERE typeof(body) = 'text' AND body = {_ARTICLE_BODY}"
    )
    _rewrite("text", _pack)
    op.execute(TRIGGER)
    op.execute(VIEW)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP VIEW revision_texts")
    op.execute("DROP TRIGGER revisions_keep_article_body")
    op.execute(f"UPDATE revisions SET body = {_ARTICLE_BODY} WHERE {_REFERENCE}")
    _rewrite("blob", _unpack)
