"""The store file's search index keeps no copy of its text, and fewer prefix indexes

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

SQLite only: ``article_search`` becomes a contentless FTS5 table (``content=''``), built from
the old table's folded text, which was the same text core/search_index.py makes from the
store's rows; the prefix indexes shrink from 2-7 letters to 2-5. Measured on the 100,000-article
store (200 typed queries, CPU time of the window's match and rank): prefixes 2-3 make a 339 MB
index with p95 17.3 ms, 2-4 414 MB and 9.3 ms, 2-5 436 MB and 8.3 ms, 2-7 442 MB and 8.4 ms;
without a prefix index of its length a prefix merges every word it opens, whole doclists.
The index and its copy of the text took 788 MB; now 436 MB. A server's search (0002) is
unchanged.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = "headline, lead, body, byline, captions, tags"
TOKENIZER = "unicode61 remove_diacritics 2"
RANK = "bm25(10.0, 5.0, 1.0, 3.0, 2.0, 4.0)"


def _create(name: str, *, contentless: bool, prefixes: str) -> None:
    content = "content='', " if contentless else ""
    op.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5({COLUMNS}, {content}"
        f"tokenize='{TOKENIZER}', prefix='{prefixes}')"
    )


def _finish(name: str) -> None:
    op.execute(f"INSERT INTO {name}({name}) VALUES('optimize')")
    op.execute(f"INSERT INTO {name}({name}, rank) VALUES('rank', '{RANK}')")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _create("article_search_new", contentless=True, prefixes="2 3 4 5")
    op.execute(
        f"INSERT INTO article_search_new(rowid, {COLUMNS}) "
        f"SELECT rowid, {COLUMNS} FROM article_search"
    )
    op.execute("DROP TABLE article_search")
    op.execute("ALTER TABLE article_search_new RENAME TO article_search")
    _finish("article_search")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    from newsroom_desktop.core import search_index  # noqa: PLC0415 - the text, made anew

    op.execute("DROP TABLE article_search")
    _create("article_search", contentless=False, prefixes="2 3 4 5 6 7")
    conn = op.get_bind()
    for (num,) in conn.exec_driver_sql("SELECT num FROM articles").all():
        doc = search_index.stored_text(conn, num)
        if doc is not None:
            conn.exec_driver_sql(
                f"INSERT INTO article_search(rowid, {COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (num, *doc.__dict__.values()),
            )
    _finish("article_search")
