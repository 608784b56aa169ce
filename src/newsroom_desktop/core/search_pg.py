"""Search on the newsroom server: a GIN-indexed tsvector of folded words (migration 0002)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqlalchemy import Float, Integer, Subquery, column, text
from sqlalchemy.orm import Session

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
_QUERY = "to_tsquery('simple', :match)"


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


def hits_subquery() -> Subquery:
    """Return the hits for ``:match`` at or above row ``:cutoff`` as (num, rank), best lowest."""
    return (
        text(
            f"SELECT s.num AS num, -ts_rank({_WEIGHTS}, s.document, q.query) AS rank "
            f"FROM article_search s, {_QUERY} AS q(query) "
            "WHERE s.document @@ q.query AND s.num >= :cutoff"
        )
        .columns(column("num", Integer), column("rank", Float))
        .subquery("hits")
    )


def newest_matches_cutoff(session: Session, match: str, window: int) -> int:
    """Return the row of the ``window``-th newest match (0 if fewer match)."""
    row = session.execute(
        text(
            f"SELECT num FROM article_search WHERE document @@ {_QUERY} "
            "ORDER BY num DESC LIMIT 1 OFFSET :skip"
        ),
        {"match": match, "skip": window - 1},
    ).first()
    return int(row[0]) if row is not None else 0


def matches_subquery() -> Subquery:
    """Return every hit for ``:match`` as (num) rows, unranked."""
    return (
        text(f"SELECT num FROM article_search WHERE document @@ {_QUERY}")
        .columns(column("num", Integer))
        .subquery("matches")
    )
