"""The store file's search index: a contentless FTS5 table kept in step with every flush.

The index keeps no copy of the text it was made from (``content=''``): on a 100,000-article
store that copy was 345 MB. SQLite 3.40 (Debian 12) cannot delete a row of a contentless table
by its rowid, only by handing back the very values it indexed; so an article's row is always
made from what the store holds (``stored_text``), and a session hook takes the old row out
before any flush that changes an article's indexed text and writes the new one after it. The
store's rows are then the index's content: whatever changes them through a session keeps the
index true. (A change to ``fold`` or ``body.plain_text`` changes what an article's row would
be: it needs a migration that rebuilds the index.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, event, inspect, text
from sqlalchemy.orm import Session, UOWTransaction

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.models import Article, ArticlePhoto, Tag
from newsroom_desktop.core.text import fold

SEARCH_TABLE = "article_search"
COLUMNS = ("headline", "lead", "body", "byline", "captions", "tags")
ARTICLE_FIELDS = ("headline", "lead", "body", "byline", "tags", "photo_links")
LINK_FIELDS = ("caption", "credit", "alt_text", "position", "article_id", "article")
_PENDING = "search_index_pending"


@dataclass(frozen=True)
class IndexedText:
    """The folded text of one article as the index holds it."""

    headline: str
    lead: str
    body: str
    byline: str
    captions: str
    tags: str


def source_text(
    *, headline: str, lead: str, body: str, byline: str, captions: str, tags: str
) -> IndexedText:
    """Return the folded columns of an article's stored values (``body`` as Markdown)."""
    return IndexedText(
        headline=fold(headline),
        lead=fold(lead),
        body=fold(body_md.plain_text(body)),
        byline=fold(byline),
        captions=fold(captions),
        tags=fold(tags),
    )


def stored_text(conn: Connection, num: int) -> IndexedText | None:
    """Return the index's row for article ``num`` as the store holds it now (None if no such)."""
    row = conn.execute(
        text("SELECT id, headline, lead, body, byline FROM articles WHERE num = :n"), {"n": num}
    ).first()
    if row is None:
        return None
    links = conn.execute(
        text(
            "SELECT caption, credit, alt_text FROM article_photos WHERE article_id = :a "
            "ORDER BY position, id"
        ),
        {"a": row.id},
    )
    tags = conn.execute(
        text(
            "SELECT t.name FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id "
            "WHERE at.article_id = :a ORDER BY t.name"
        ),
        {"a": row.id},
    )
    captions = " ".join(f"{c or ''} {cr or ''} {a or ''}" for c, cr, a in links)
    names = " ".join(name for (name,) in tags)
    return source_text(
        headline=row.headline,
        lead=row.lead,
        body=row.body or "",
        byline=row.byline,
        captions=captions,
        tags=names,
    )


def _batch_texts(conn: Connection, after: int, size: int) -> list[tuple[int, IndexedText]]:
    """Return the index rows of the ``size`` articles numbered after ``after``, in order."""
    rows = conn.execute(
        text(
            "SELECT id, num, headline, lead, body, byline FROM articles WHERE num > :after "
            "ORDER BY num LIMIT :size"
        ),
        {"after": after, "size": size},
    ).all()
    if not rows:
        return []
    ids = {"ids": [row.id for row in rows]}
    captions: dict[str, list[str]] = {}
    links = conn.execute(
        text(
            "SELECT article_id, caption, credit, alt_text FROM article_photos "
            "WHERE article_id IN :ids ORDER BY article_id, position, id"
        ).bindparams(bindparam("ids", expanding=True)),
        ids,
    )
    for aid, c, cr, a in links:
        captions.setdefault(aid, []).append(f"{c or ''} {cr or ''} {a or ''}")
    names: dict[str, list[str]] = {}
    tags = conn.execute(
        text(
            "SELECT at.article_id, t.name FROM article_tags AS at JOIN tags AS t "
            "ON t.id = at.tag_id WHERE at.article_id IN :ids ORDER BY at.article_id, t.name"
        ).bindparams(bindparam("ids", expanding=True)),
        ids,
    )
    for aid, name in tags:
        names.setdefault(aid, []).append(name)
    return [
        (
            row.num,
            source_text(
                headline=row.headline,
                lead=row.lead,
                body=row.body or "",
                byline=row.byline,
                captions=" ".join(captions.get(row.id, ())),
                tags=" ".join(names.get(row.id, ())),
            ),
        )
        for row in rows
    ]


def fill(conn: Connection, batch: int = 1000) -> int:
    """Index every stored article into an empty index, a batch at a time; return how many."""
    insert = text(
        f"INSERT INTO {SEARCH_TABLE}(rowid, {', '.join(COLUMNS)}) "
        f"VALUES (:n, {', '.join(':' + c for c in COLUMNS)})"
    )
    after, done = -1, 0
    while docs := _batch_texts(conn, after, batch):
        conn.execute(insert, [{"n": num, **doc.__dict__} for num, doc in docs])
        after, done = docs[-1][0], done + len(docs)
    return done


def is_indexed(conn: Connection, num: int) -> bool:
    """Tell whether the index holds a row for article ``num``."""
    found = conn.execute(text(f"SELECT 1 FROM {SEARCH_TABLE}_docsize WHERE id = :n"), {"n": num})
    return found.first() is not None


def _write(conn: Connection, num: int, doc: IndexedText, *, delete: bool) -> None:
    command = f"{SEARCH_TABLE}, " if delete else ""
    value = "'delete', " if delete else ""
    conn.execute(
        text(
            f"INSERT INTO {SEARCH_TABLE}({command}rowid, {', '.join(COLUMNS)}) "
            f"VALUES ({value}:n, {', '.join(':' + c for c in COLUMNS)})"
        ),
        {"n": num, **doc.__dict__},
    )


def add(conn: Connection, num: int) -> None:
    """Index article ``num`` as stored, unless the index holds it already."""
    if is_indexed(conn, num):
        return
    doc = stored_text(conn, num)
    if doc is not None:
        _write(conn, num, doc, delete=False)


def remove(conn: Connection, num: int) -> None:
    """Take article ``num`` out of the index; its stored rows must be what was indexed."""
    if not is_indexed(conn, num):
        return
    doc = stored_text(conn, num)
    if doc is not None:  # (an article deleted behind the index's back cannot be taken out)
        _write(conn, num, doc, delete=True)


def _changed(obj: Any, fields: Iterable[str]) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in fields)


def _num_of(session: Session, article_id: str | None) -> int | None:
    # Inside a flush: a lookup never flushes, and one in the session costs no query.
    article = session.get(Article, article_id) if article_id else None
    return article.num if article is not None else None


def _link_nums(session: Session, link: ArticlePhoto) -> set[int]:
    """Return the articles a photo use belongs (or belonged) to."""
    state = inspect(link)
    ids = {link.article_id, *state.attrs["article_id"].history.deleted}
    nums = {_num_of(session, aid) for aid in ids if aid}
    for article in (link.article, *state.attrs["article"].history.deleted):
        if isinstance(article, Article):
            nums.add(article.num)
    return {n for n in nums if n is not None}


def _touched(session: Session) -> set[int]:
    """Return the articles whose indexed text this flush may change."""
    new, deleted = set(map(id, session.new)), set(map(id, session.deleted))
    nums: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        added_or_gone = id(obj) in new or id(obj) in deleted
        if isinstance(obj, Article):
            if added_or_gone or _changed(obj, ARTICLE_FIELDS):
                nums.add(obj.num)
        elif isinstance(obj, ArticlePhoto):
            if added_or_gone or _changed(obj, LINK_FIELDS):
                nums |= _link_nums(session, obj)
        elif isinstance(obj, Tag) and not added_or_gone and _changed(obj, ("name",)):
            found = session.connection().execute(
                text(
                    "SELECT a.num FROM article_tags AS at JOIN articles AS a "
                    "ON a.id = at.article_id WHERE at.tag_id = :t"
                ),
                {"t": obj.id},
            )
            nums |= {n for (n,) in found}
    return {n for n in nums if n is not None}


def _in_store_file(session: Session) -> bool:
    bind = session.bind
    return bind is not None and bind.dialect.name == "sqlite"


@event.listens_for(Session, "before_flush")
def _take_out_old_rows(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    """Before a flush changes what an article's row is made of, take its row out."""
    if not _in_store_file(session):
        return
    nums = _touched(session)
    if not nums:
        return
    conn = session.connection()
    for num in sorted(nums):
        remove(conn, num)
    session.info.setdefault(_PENDING, set()).update(nums)


@event.listens_for(Session, "after_flush")
def _write_new_rows(session: Session, _flush: UOWTransaction) -> None:
    """After the flush, index those articles again from what the store holds now."""
    nums = session.info.pop(_PENDING, None)
    if not nums:
        return
    conn = session.connection()
    for num in sorted(nums):
        add(conn, num)


@event.listens_for(Session, "after_soft_rollback")
def _forget_pending(session: Session, _previous: object) -> None:
    """A rolled-back flush took its deletions from the index back with it."""
    session.info.pop(_PENDING, None)
