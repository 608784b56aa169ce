"""The store file's search index keeps which columns hold a word, not where in them

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

SQLite only: ``article_search`` is made anew with ``detail=column``: for each word and article
the index keeps the columns that hold it, not every position of it (a position list per word
per article, for the main index and for each of the prefix indexes). Search asks for single
words and prefixes joined by AND, never a phrase or NEAR, so every query finds what it found.
bm25 counts a word once a column (each field's weight still counts). Measured on a
10,000-article store made by bench/generate.py (text 31 MB): detail=full with prefixes 2-5 took
43.6 MB, detail=column 16.1 MB (prefixes 2-3: 12.3 MB, none: 6.1 MB). The prefix indexes grow
from 2-5 to 2-7 letters, for 0.2 MB: a folded Vietnamese syllable has up to 7 letters
("nghieng"), and a prefix without an index of its length merges the whole doclist of every
word it opens, which grows with the store. The index is contentless (0007): it is made again
from the store's rows (core/search_index.py), not from the old index. The downgrade makes the
index of 0007 (detail=full, prefixes 2-5). On the 100,000-article store the index goes from
435 MB to 162 MB and the store from 1,019 MB (3.30x its text) to 737 MB (2.39x); making the
index anew took 70-93 s on a busy 2-core machine (bench/bench_size.py, bench/bench_search.py).
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

COLUMNS = "headline, lead, body, byline, captions, tags"
TOKENIZER = "unicode61 remove_diacritics 2"
RANK = "bm25(10.0, 5.0, 1.0, 3.0, 2.0, 4.0)"
PREFIXES = "2 3 4 5 6 7"


def _make(detail: str, prefixes: str) -> None:
    from newsroom_desktop.core import search_index  # noqa: PLC0415 - the text, made anew

    op.execute("DROP TABLE article_search")
    op.execute(
        f"CREATE VIRTUAL TABLE article_search USING fts5({COLUMNS}, content='', "
        f"tokenize='{TOKENIZER}', prefix='{prefixes}', detail={detail})"
    )
    search_index.fill(op.get_bind())
    op.execute("INSERT INTO article_search(article_search) VALUES('optimize')")
    op.execute(f"INSERT INTO article_search(article_search, rank) VALUES('rank', '{RANK}')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _make("column", PREFIXES)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _make("full", "2 3 4 5")
