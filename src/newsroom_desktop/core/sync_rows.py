"""Copying an article's records between a desk's store file and its server, row by row.

Records keep their ids on both sides (UUIDs), so a copy made twice is the same copy. Sections
and tags travel by name (each store numbers its own), an article's ``num`` is each store's own
search row, and a revision's number is the server's once it has been sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session, selectinload

from newsroom_desktop.core import revisions, search
from newsroom_desktop.core._writes import next_num, tag_rows
from newsroom_desktop.core.context import section_for
from newsroom_desktop.core.models import (
    Article,
    ArticlePhoto,
    Base,
    Lease,
    Note,
    Person,
    Photo,
    Revision,
    Section,
    StatusEvent,
    SyncArticle,
    SyncConflict,
    SyncKnown,
    Tag,
    TrackedAccept,
)

# The article's own fields a copy carries (num, section and tags are mapped, not copied).
ARTICLE_FIELDS = (
    "id",
    "headline",
    "headline_key",
    "lead",
    "body",
    "byline",
    "language",
    "slug",
    "status",
    "owner_id",
    "word_count",
    "target_words",
    "target_headline_chars",
    "target_lead_chars",
    "created_at",
    "updated_at",
    "published_at",
    "deleted_at",
    "head_revision_id",
)
# The sync_known kind of an accepted tracked change (core/accepts.py), sent once, never changed.
ACCEPT = "accept"
# Records that, once made, never change (notes change only by being resolved).
IMMUTABLE: tuple[type[Base], ...] = (Revision, StatusEvent)


def columns(row: Base) -> dict[str, Any]:
    """Return a row's column values by attribute name."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


@dataclass
class ArticleState:
    """Everything of one article a desk takes from the server, read in one transaction."""

    article: dict[str, Any]
    section: str
    tags: list[str]
    links: list[dict[str, Any]]
    photos: list[dict[str, Any]]
    revisions: list[dict[str, Any]]
    events: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    lease: dict[str, Any] | None
    owner: dict[str, Any] | None = None
    known: set[str] = field(default_factory=set)
    server_version: int = 0
    accepts: list[dict[str, Any]] = field(default_factory=list)  # accepted tracked changes


def read_states(session: Session, article_ids: Sequence[str], have: set[str]) -> list[ArticleState]:
    """Return the server's state of these articles; revisions in ``have`` come without text."""
    articles = session.scalars(select(Article).where(Article.id.in_(article_ids))).unique().all()
    ids = [a.id for a in articles]
    states = {
        a.id: ArticleState(
            article={k: getattr(a, k) for k in ARTICLE_FIELDS},
            section=a.section.name if a.section else "",
            tags=[t.name for t in a.tags],
            links=[columns(link) for link in a.photo_links],
            photos=[columns(link.photo) for link in a.photo_links if link.photo is not None],
            revisions=[],
            events=[],
            notes=[],
            conflicts=[],
            lease=None,
            owner=columns(a.owner) if a.owner else None,
            server_version=a.version,
        )
        for a in articles
    }
    rev_ids = session.execute(
        select(Revision.id, Revision.article_id).where(Revision.article_id.in_(ids))
    ).all()
    missing = [rid for rid, _ in rev_ids if rid not in have]
    for rid, aid in rev_ids:
        states[aid].known.add(rid)
    for chunk in chunks(missing, 500):
        for rev in session.scalars(select(Revision).where(Revision.id.in_(chunk))):
            states[rev.article_id].revisions.append(columns(rev))
    kinds: tuple[tuple[Any, str], ...] = (
        (StatusEvent, "events"),
        (Note, "notes"),
        (SyncConflict, "conflicts"),
        (TrackedAccept, "accepts"),
    )
    for model, attr in kinds:
        for row in session.scalars(select(model).where(model.article_id.in_(ids))):
            getattr(states[row.article_id], attr).append(columns(row))
    for lease in session.scalars(select(Lease).where(Lease.article_id.in_(ids))):
        states[lease.article_id].lease = columns(lease)
    return list(states.values())


def chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def upsert_person(session: Session, values: dict[str, Any]) -> None:
    """Make the server's person known to the desk under the server's id (renaming clashes)."""
    person = session.get(Person, values["id"])
    if person is None:
        clash = session.scalars(select(Person).where(Person.name == values["name"])).first()
        if clash is not None:
            adopt_person(session, clash.id, values)
            return
        session.add(Person(**values))
    else:
        person.role = values["role"]
    session.flush()


def adopt_person(session: Session, old_id: str, values: dict[str, Any]) -> None:
    """Give a person of the desk the server's person's id and name, everywhere they are used."""
    old = session.get_one(Person, old_id)
    old.name = f"{old.name} ({old_id[:8]})"
    session.flush()
    if session.get(Person, values["id"]) is None:
        session.add(Person(**values))
        session.flush()
    new_id = values["id"]
    for column in (
        Article.owner_id,
        Revision.author_id,
        Note.author_id,
        StatusEvent.actor_id,
        Lease.person_id,
    ):
        session.execute(update(column.class_).where(column == old_id).values({column.key: new_id}))
    session.delete(old)
    session.flush()


def mark_known(session: Session, kind: str, ids: Iterable[str], digest: str = "") -> None:
    """Record that the server holds these records."""
    wanted = list(dict.fromkeys(ids))
    found: dict[str, SyncKnown] = {}
    for chunk in chunks(wanted, 500):  # one query a chunk, not one a record
        found.update(
            (k.id, k) for k in session.scalars(select(SyncKnown).where(SyncKnown.id.in_(chunk)))
        )
    for record_id in wanted:
        known = found.get(record_id)
        if known is None:
            session.add(SyncKnown(id=record_id, kind=kind, digest=digest))
        else:
            known.digest = digest


def resolution_digest(row: dict[str, Any] | Note | SyncConflict) -> str:
    """Return what can change of a note or a conflict: whether it is resolved."""
    resolved = row.get("resolved_at") if isinstance(row, dict) else row.resolved_at
    return "" if resolved is None else "resolved"


def _make_room(session: Session, article_id: str, numbers: set[int]) -> None:
    """Move this desk's unsent revisions off the numbers the server's revisions take."""
    rows = session.scalars(
        select(Revision)
        .where(Revision.article_id == article_id, Revision.number.in_(numbers))
        .order_by(Revision.number)
    ).all()
    if not rows:
        return
    top = max(
        [
            *numbers,
            *session.scalars(select(Revision.number).where(Revision.article_id == article_id)),
        ]
    )
    for offset, row in enumerate(rows, start=1):
        row.number = top + offset
    session.flush()


def _insert_missing(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[str]:
    added: list[str] = []
    if not rows:
        return added
    have: set[str] = set()
    for chunk in chunks([values["id"] for values in rows], 500):
        have.update(session.scalars(select(model.id).where(model.id.in_(chunk))))  # type: ignore[attr-defined]
    for values in rows:
        if values["id"] not in have:
            session.add(model(**values))
            have.add(values["id"])
            added.append(values["id"])
    session.flush()
    return added


@dataclass
class LocalBatch:
    """The desk's rows a batch of received articles needs, read in a few queries.

    Read before the articles' savepoints: a section or tag made inside one is not kept here
    (a rollback would take it back). The rows are held, so the session's identity map keeps
    them (it holds rows weakly).
    """

    articles: dict[str, Article] = field(default_factory=dict)
    in_step: dict[str, SyncArticle] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    unsent: set[str] = field(default_factory=set)  # articles with revisions not sent yet
    leased: set[str] = field(default_factory=set)  # articles with a lease row on the desk
    people: set[str] = field(default_factory=set)  # people brought in step in this batch


def load_batch(session: Session, states: Sequence[ArticleState]) -> LocalBatch:
    """Read what apply_state needs of a batch's articles at once."""
    ids = [state.article["id"] for state in states]
    batch = LocalBatch()
    stmt = (
        select(Article)
        .where(Article.id.in_(ids))
        .options(selectinload(Article.tags), selectinload(Article.photo_links))
    )
    batch.articles = {a.id: a for a in session.scalars(stmt).unique()}
    rows = session.scalars(select(SyncArticle).where(SyncArticle.article_id.in_(ids)))
    batch.in_step = {row.article_id: row for row in rows}
    sections = {state.section for state in states if state.section}
    if sections:
        found = session.scalars(select(Section).where(Section.name.in_(sections)))
        batch.sections = {s.name: s for s in found}
    tags = {name for state in states for name in state.tags}
    if tags:
        batch.tags = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(tags)))}
    batch.unsent = set(
        session.scalars(
            select(Revision.article_id).where(
                Revision.article_id.in_(ids), ~Revision.id.in_(select(SyncKnown.id))
            )
        )
    )
    batch.leased = set(session.scalars(select(Lease.article_id).where(Lease.article_id.in_(ids))))
    return batch


def apply_state(
    session: Session, state: ArticleState, *, dirty: bool, batch: LocalBatch | None = None
) -> Article:
    """Bring the desk's copy of one article in step with the server's (inside the caller's unit).

    Records are added, never replaced; the article's fields follow the server's head unless
    the desk changed the article since it was last in step (``dirty``): then the desk's text
    stays, and its next push meets the server's head and keeps both. ``batch`` (load_batch)
    saves reading the desk's rows one article at a time.
    """
    aid = state.article["id"]
    batch = batch or load_batch(session, [state])
    if state.owner is not None and state.owner["id"] not in batch.people:
        upsert_person(session, state.owner)
        batch.people.add(state.owner["id"])
    if aid in batch.unsent:
        _make_room(session, aid, {r["number"] for r in state.revisions})
    article = batch.articles.get(aid) or session.get(Article, aid)
    if article is None:
        article = Article(id=aid, num=next_num(session), tags=[], photo_links=[], version=0)
        session.add(article)
        dirty = False
    if not dirty:
        _take_fields(session, article, state, batch)
    session.flush()
    _insert_missing(session, Revision, state.revisions)
    _insert_missing(session, StatusEvent, state.events)
    # A photo's marks come as the server has them: none waits to be sent (core/sync_marks).
    _insert_missing(session, Photo, [{**p, "marked_at": None} for p in state.photos])
    if not dirty:
        set_links(session, article, state.links)
    _take_resolvable(session, Note, "note", state.notes)
    _insert_missing(session, TrackedAccept, state.accepts)
    _take_resolvable(session, SyncConflict, "conflict", state.conflicts)
    if state.lease or aid in batch.leased:
        _replace(session, Lease, aid, [state.lease] if state.lease else [])
    session.flush()
    mark_known(session, "revision", state.known | {r["id"] for r in state.revisions})
    mark_known(session, "event", [e["id"] for e in state.events])
    mark_known(session, ACCEPT, [a["id"] for a in state.accepts])
    if not dirty:
        search.index_article(session, article)
        _in_step(session, article, state.server_version, batch.in_step.get(aid))
    return article


def _take_resolvable(
    session: Session, model: type[Note] | type[SyncConflict], kind: str, rows: list[dict[str, Any]]
) -> None:
    """Add notes or conflicts; take the server's resolution unless the desk changed it since."""
    for values in rows:
        row: Any = session.get(model, values["id"])
        if row is None:
            session.add(model(**values))
        else:
            known = session.get(SyncKnown, row.id)
            if known is None or known.digest == resolution_digest(row):
                row.resolved_at, row.resolved_by = values["resolved_at"], values["resolved_by"]
        mark_known(session, kind, [values["id"]], resolution_digest(values))
    session.flush()


def _take_fields(
    session: Session, article: Article, state: ArticleState, batch: LocalBatch
) -> None:
    with session.no_autoflush:
        for name, value in state.article.items():
            setattr(article, name, value)
        article.section = batch.sections.get(state.section) or section_for(session, state.section)
        if all(name in batch.tags for name in state.tags):
            article.tags = [batch.tags[name] for name in state.tags]
        else:
            article.tags = tag_rows(session, state.tags)
        article.version = (article.version or 0) + 1


def set_links(session: Session, article: Article, links: list[dict[str, Any]]) -> None:
    """Make the article's photo uses exactly ``links`` (as a snapshot lists them), by id."""
    if not links and not article.photo_links:
        return  # none wanted and none there: nothing to write or read back
    wanted = {link["id"] for link in links}
    for link in list(article.photo_links):
        if link.id not in wanted:
            article.photo_links.remove(link)
    session.flush()
    for given in links:
        # A snapshot lists a recipe only when there is one: none listed means none.
        values = {"recipe": "", **given}
        found = session.get(ArticlePhoto, values["id"])
        if found is None:
            session.add(ArticlePhoto(**{**values, "article_id": article.id}))
        else:
            for name, value in values.items():
                setattr(found, name, value)
    session.flush()
    session.refresh(article, ["photo_links"])


def _replace(
    session: Session, model: type[Base], article_id: str, rows: list[dict[str, Any]]
) -> None:
    for row in session.scalars(select(model).where(model.article_id == article_id)):  # type: ignore[attr-defined]
        session.delete(row)
    session.flush()
    for values in rows:
        session.add(model(**values))


def _in_step(
    session: Session, article: Article, server_version: int, row: SyncArticle | None
) -> None:
    """Record the article as it is now as what the desk and the server agree on."""
    row = row or session.get(SyncArticle, article.id)
    if row is None:
        row = SyncArticle(article_id=article.id, notice="")
        session.add(row)
    row.base_revision_id = article.head_revision_id
    row.base_version = article.version
    row.base_server_version = server_version
    row.base_status = article.status
    row.base_deleted = article.deleted_at is not None


def adopt_photo_ids(session: Session, moves: dict[str, str]) -> None:
    """Give this desk's photos the ids the server knows the same files by (same SHA-256).

    The same original added on two desks while apart gets two ids; the server keeps the first.
    The desk's uses and its unsent revisions follow the server's id (sent ones name it already
    or were never about this photo).
    """
    session.execute(text("PRAGMA defer_foreign_keys = ON"))  # until this transaction commits
    unsent = ~Revision.id.in_(select(SyncKnown.id))
    for old, new in moves.items():
        session.execute(
            update(ArticlePhoto).where(ArticlePhoto.photo_id == old).values(photo_id=new)
        )
        session.execute(update(Photo).where(Photo.id == old).values(id=new))
        for revision in session.scalars(
            select(Revision).where(unsent, Revision.photos_json.contains(old))
        ):
            revision.photos_json = revision.photos_json.replace(old, new)
            revision.content_hash = revisions.content_hash(revisions.revision_snapshot(revision))
    session.flush()
