"""Full-text search over folded text (FTS5, or a server tsvector), kept in step with saves."""

from __future__ import annotations

import re
from dataclasses import asdict

from sqlalchemy import Float, Integer, Subquery, column, text
from sqlalchemy.orm import Session

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core import search_index, search_pg
from newsroom_desktop.core.models import Article
from newsroom_desktop.core.text import fold

SEARCH_TABLE = search_index.SEARCH_TABLE
# The same split as FTS5's unicode61 tokenizer: letters and digits, nothing else. Quoting every
# word makes FTS5 syntax in a query ('"', '*', '-', '(', NEAR, OR) plain text.
_TOKEN_RE = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 12
# Ranking costs time for every matching article, and a word found in nearly every article (an
# "Đảng" in a Party newsroom) matches the whole store. So the ranking looks at the newest
# RANK_WINDOW matches: every match whenever fewer match, and a bounded cost when more do.
# (bench/bench_store.py on 100k articles: p95 28 ms with 1000, under 20 ms with 500.)
RANK_WINDOW = 500
MIN_PREFIX = 2


IndexedText = search_index.IndexedText


def source_text(article: Article) -> IndexedText:
    """Return the searched text of ``article``, not yet folded (the body as plain text)."""
    captions = " ".join(
        f"{link.caption} {link.credit} {link.alt_text}" for link in article.photo_links
    )
    return IndexedText(
        headline=article.headline,
        lead=article.lead,
        body=body_md.plain_text(article.body),
        byline=article.byline,
        captions=captions,
        tags=" ".join(tag.name for tag in article.tags),
    )


def on_server(session: Session) -> bool:
    """Tell whether the session speaks to PostgreSQL (a tsvector index, not FTS5)."""
    return session.get_bind().dialect.name == "postgresql"


def index_article(session: Session, article: Article) -> None:
    """Make the article's row in the index what it is now, inside the caller's transaction.

    In a store file the session's flushes keep the index in step (search_index); this flushes
    and indexes an article that was never indexed.
    """
    if on_server(session):
        search_pg.index_article(session, article.num, asdict(source_text(article)))
        return
    session.flush()
    search_index.add(session.connection(), article.num)


# What a hit in each field is worth (the weights bm25 had): the index keeps which fields hold a
# word, not where in them (migration 0014), so a hit ranks by the fields that hold every word.
FIELD_WEIGHTS = (
    ("headline", 10.0),
    ("lead", 5.0),
    ("body", 1.0),
    ("byline", 3.0),
    ("captions", 2.0),
    ("tags", 4.0),
)


def _rank_sql(hit: str, lowest: str) -> str:
    """Return the rank of the hit ``hit``: minus the weights of the fields that match it all.

    Each field's matches at or above row ``lowest`` are found once, a lookup per field.
    """
    fields = " + ".join(
        f"{weight} * ({hit} IN (SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH "
        f"'{{{name}}} : (' || :match || ')' AND rowid >= {lowest}))"
        for name, weight in FIELD_WEIGHTS
    )
    return f"-({fields})"


def hits_subquery(*, newest: bool) -> Subquery:
    """Return the hits for the bound ``:match`` that the ranking looks at, as (num, rank).

    With ``newest``, the ``:window`` newest matches, found in one pass over the index
    (unfiltered lists: the index alone knows them); otherwise the matches at or above row
    ``:cutoff``, which the caller found through the list's filters. The lower the rank, the
    better the hit; hits of one rank come newest first. (A store file; a server ranks with
    search_pg.newest_hits.)
    """
    where = f"FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :match"
    if newest:
        sql = (
            f"WITH found AS (SELECT rowid AS num {where} ORDER BY rowid DESC LIMIT :window) "
            f"SELECT num, {_rank_sql('num', '(SELECT min(num) FROM found)')} AS rank FROM found"
        )
    else:
        rank = _rank_sql("rowid", ":cutoff")
        sql = f"SELECT rowid AS num, {rank} AS rank {where} AND rowid >= :cutoff"
    return text(sql).columns(column("num", Integer), column("rank", Float)).subquery("hits")


def matches_subquery(session: Session) -> Subquery:
    """Return every hit for the bound ``:match`` as (num) rows, unranked, in a store file."""
    del session
    return (
        text(f"SELECT rowid AS num FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :match")
        .columns(column("num", Integer))
        .subquery("matches")
    )


def unindex_article(session: Session, num: int) -> None:
    """Remove one article from the index (before its rows leave the store)."""
    if on_server(session):
        session.execute(text(f"DELETE FROM {SEARCH_TABLE} WHERE num = :n"), {"n": num})
        return
    session.flush()
    search_index.remove(session.connection(), num)


def query_words(query: str) -> list[str]:
    """Return the folded words of a query, as the index tokenises them."""
    return _TOKEN_RE.findall(fold(query))[:MAX_QUERY_WORDS]


def match_expression(query: str, *, prefix_last: bool = True, server: bool = False) -> str | None:
    """Return a safe match expression for what the user typed, or None if it has no words.

    FTS5 MATCH syntax, or with ``server`` PostgreSQL tsquery syntax. Every word must match;
    the last one also matches as a prefix, since the user may still be typing it.
    """
    words = query_words(query)
    if not words:
        return None
    # Words are letters and digits only, so quoting makes every other character text.
    quote, prefix, joiner = ("'", ":*", " & ") if server else ('"', "*", " AND ")
    terms = [f"{quote}{w}{quote}" for w in words]
    # A single letter as a prefix matches nearly everything; it only matches as a word.
    if prefix_last and not query[-1:].isspace() and len(words[-1]) >= MIN_PREFIX:
        terms[-1] += prefix
    return joiner.join(terms)
