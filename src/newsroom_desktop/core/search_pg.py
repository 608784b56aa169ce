"""Search on the newsroom server: a GIN-indexed tsvector of folded words (migration 0002)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Subquery,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from newsroom_desktop.core.models import Article
from newsroom_desktop.core.text import fold

# A tsvector holds at most 1 MB, and every word of a long body keeps up to 256 positions:
# a body longer than LONG_BODY is indexed as its distinct words (found alike, ranked a little
# differently), as many as BODY_BUDGET bytes of index hold, so that saving a book-length
# text never fails on its index. (Only a body of some 100,000 distinct words, a table of
# codes, reaches the budget; SQLite's FTS5 has no such limit.)
LONG_BODY = 200_000
BODY_BUDGET = 800_000
_WORD_COST = 8  # a lexeme's entry and its one position, besides its letters
_WORD_RE = re.compile(r"[^\W_]+")
# ts_rank's weights for D, C, B, A: body; byline and captions; lead and tags; headline. The
# same order as the FTS5 store's bm25 weights (1; 3 and 2; 5 and 4; 10).
_WEIGHTS = "'{0.1, 0.25, 0.5, 1.0}'::float4[]"
INDEX = table("article_search", column("num", Integer), column("document"))


def index_article(session: Session, num: int, texts: Mapping[str, str]) -> None:
    """Write (or rewrite) one article's tsvector, inside the caller's transaction."""
    params = dict(texts)
    if len(params["body"]) > LONG_BODY:
        params["body"] = _distinct_words(params["body"])
    session.execute(
        text(
            "INSERT INTO article_search (num, document) VALUES (:num, newsroom_search_document("
            ":headline, :lead, :body, :byline, :captions, :tags)) "
            "ON CONFLICT (num) DO UPDATE SET document = EXCLUDED.document"
        ),
        {"num": num, **params},
    )


def _distinct_words(body: str) -> str:
    kept: list[str] = []
    cost = 0
    for word in dict.fromkeys(_WORD_RE.findall(fold(body))):
        cost += len(word.encode()) + _WORD_COST
        if cost > BODY_BUDGET:
            break
        kept.append(word)
    return " ".join(kept)


def newest_hits(within: Select[Any], window: int, first: int) -> Subquery:
    """Return (num, rank) of the ``first`` best among the ``window`` newest matches of
    ``:match`` in ``within`` (a select of the listed articles), the best lowest.
    """
    # A tsvector of a body is a few kB, compressed: a cutoff query and a ranked query each
    # decompressed every match they read, and the planner sent the second to a parallel worker
    # for its estimated thousands of rows. One statement reads the newest matches once, ranks
    # only them, and the list joins its sections and owners to the page it shows.
    found = (
        within.with_only_columns(INDEX.c.num, INDEX.c.document, Article.updated_at)
        .join(INDEX, INDEX.c.num == Article.num)
        .where(INDEX.c.document.bool_op("@@")(_tsquery()))
        .order_by(INDEX.c.num.desc())
        .limit(window)
        .subquery("newest")
    )
    rank = (-func.ts_rank(literal_column(_WEIGHTS), found.c.document, _tsquery())).label("rank")
    return (
        select(found.c.num, rank)
        .order_by(rank, found.c.updated_at.desc())
        .limit(first)
        .subquery("hits")
    )


def _tsquery() -> ColumnElement[Any]:
    return func.to_tsquery(literal_column("'simple'::regconfig"), bindparam("match", type_=String))
