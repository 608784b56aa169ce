"""What a desk sends to its server, and how: one article at a time, the head checked.

The desk side finds what changed since it was last in step (``dirty_ids``) and gathers it
(``outgoing_of``); ``push`` writes it into the server inside the caller's transaction, where
the server's own rules and ``newsroom_check_head`` judge it; ``record_sent`` notes on the desk
what the server then holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, or_, select, text
from sqlalchemy.orm import Session, selectinload

from newsroom_desktop.core import revisions, search
from newsroom_desktop.core._writes import new_article_row, tag_rows, touch
from newsroom_desktop.core.context import section_for
from newsroom_desktop.core.models import (
    Article,
    Note,
    Person,
    Photo,
    Revision,
    Section,
    StatusEvent,
    SyncArticle,
    SyncConflict,
    SyncKnown,
    SyncState,
    Tag,
    TrackedAccept,
)
from newsroom_desktop.core.sync_rows import (
    ACCEPT,
    chunks,
    columns,
    mark_known,
    resolution_digest,
    set_links,
)
from newsroom_desktop.core.workflow_rules import action_for

# The sync_state key of the person the desk works as.
PERSON_ID = "person_id"
# The sync_known kind of an article that stays on this desk (never sent).
LOCAL_ONLY = "local_only"


def record_sent(
    local: Session, outgoing: dict[str, dict[str, Any]], results: dict[str, dict[str, Any]]
) -> None:
    """Record on the desk what the server now holds of a group's articles (after its commit)."""
    ids = list(results)
    numbers = {rid: n for sent in results.values() for rid, n in sent["numbers"].items()}
    revs = [
        rev
        for chunk in chunks(list(numbers), 500)
        for rev in local.scalars(select(Revision).where(Revision.id.in_(chunk)))
    ]
    moved = [rev for rev in revs if rev.number != numbers[rev.id]]
    for rev in moved:
        rev.number = -numbers[rev.id]  # two steps: no clash with the unique index
    local.flush()
    for rev in moved:
        rev.number = numbers[rev.id]
    mark_known(local, "revision", numbers)
    mark_known(local, "event", [e for sent in results.values() for e in sent["events"]])
    # Another person's accept (made here before this desk joined) stays on this desk.
    mark_known(local, ACCEPT, [a["id"] for aid in ids for a in outgoing[aid]["accepts"]])
    for kind in ("note", "conflict"):
        rows = [row for aid in ids for row in outgoing[aid][kind + "s"]]
        for digest in {resolution_digest(row) for row in rows}:
            same = [r["id"] for r in rows if resolution_digest(r) == digest]
            mark_known(local, kind, same, digest)
    bases = {
        row.article_id: row
        for row in local.scalars(select(SyncArticle).where(SyncArticle.article_id.in_(ids)))
    }
    versions = {
        aid: int(version)
        for aid, version in local.execute(
            select(Article.id, Article.version).where(Article.id.in_(ids))
        )
    }
    for aid, sent in results.items():
        row = bases.get(aid) or SyncArticle(article_id=aid, notice="")
        local.add(row)
        row.base_revision_id = sent["head"]
        row.base_status = sent["status"]
        row.base_deleted = sent["deleted"]
        row.base_server_version = sent["server_version"]
        row.notice = "; ".join(sent["refused"])
        # The desk's text is on the server now (as the head, or kept in conflict); a save
        # made while it went up leaves the article waiting for the next sync.
        current = versions[aid]
        row.base_version = current if current == outgoing[aid]["version"] else -1


def dirty_ids(session: Session, article_id: str | None = None) -> list[str]:
    """Return the articles this desk changed since it was last in step with the server.

    With ``article_id``, look at that one article only (the window asks as it opens one).
    """
    unsent_revisions = select(Revision.article_id).where(~Revision.id.in_(select(SyncKnown.id)))
    unsent_events = select(StatusEvent.article_id).where(~StatusEvent.id.in_(select(SyncKnown.id)))
    unsent_accepts = select(TrackedAccept.article_id).where(
        ~TrackedAccept.id.in_(select(SyncKnown.id))
    )
    me = select(SyncState.value).where(SyncState.key == PERSON_ID).scalar_subquery()
    stmt = (
        select(Article.id)
        .outerjoin(SyncArticle, SyncArticle.article_id == Article.id)
        # Another person's article made on this desk before it joined stays on this desk, as
        # does one kept there on purpose (the sample newsroom's).
        .where(or_(SyncArticle.article_id.is_not(None), Article.owner_id == me))
        .where(~Article.id.in_(select(SyncKnown.id).where(SyncKnown.kind == LOCAL_ONLY)))
        .where(
            or_(
                SyncArticle.article_id.is_(None),
                SyncArticle.base_version != Article.version,
                case((Article.deleted_at.is_(None), False), else_=True) != SyncArticle.base_deleted,
                Article.id.in_(unsent_revisions),
                Article.id.in_(unsent_events),
                Article.id.in_(unsent_accepts),
                Article.id.in_(_changed_notes()),
            )
        )
        .order_by(Article.created_at)
    )
    if article_id is not None:
        stmt = stmt.where(Article.id == article_id)
    return list(session.scalars(stmt))


def _changed_notes() -> Any:
    """Return the articles with a note or conflict the server lacks or has resolved otherwise."""
    changed = []
    for model in (Note, SyncConflict):
        known = select(SyncKnown.digest).where(SyncKnown.id == model.id).scalar_subquery()
        changed.append(
            select(model.article_id).where(
                or_(
                    ~model.id.in_(select(SyncKnown.id)),
                    known != _digest_sql(model),
                )
            )
        )
    return changed[0].union(changed[1])


def _digest_sql(model: type[Note] | type[SyncConflict]) -> Any:
    """Return resolution_digest in SQL."""
    return case((model.resolved_at.is_(None), ""), else_="resolved")


_RESOLVABLE: tuple[Any, ...] = (Note, SyncConflict)


def outgoing_of(local: Session, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Gather what a group of articles sends: text, unsent records, photos; a few queries."""
    known = select(SyncKnown.id)
    stmt = (
        select(Article)
        .where(Article.id.in_(article_ids))
        .options(selectinload(Article.tags), selectinload(Article.photo_links))
    )
    articles = {a.id: a for a in local.scalars(stmt).unique()}
    revs: dict[str, list[dict[str, Any]]] = {aid: [] for aid in article_ids}
    for rev in local.scalars(
        select(Revision)
        .where(Revision.article_id.in_(article_ids), ~Revision.id.in_(known))
        .order_by(Revision.number)
    ):
        revs[rev.article_id].append(columns(rev))
    events: dict[str, list[dict[str, Any]]] = {aid: [] for aid in article_ids}
    for event in local.scalars(
        select(StatusEvent)
        .where(StatusEvent.article_id.in_(article_ids), ~StatusEvent.id.in_(known))
        .order_by(StatusEvent.created_at)
    ):
        events[event.article_id].append(columns(event))
    accepts: dict[str, list[dict[str, Any]]] = {aid: [] for aid in article_ids}
    for accept in local.scalars(
        select(TrackedAccept).where(
            TrackedAccept.article_id.in_(article_ids), ~TrackedAccept.id.in_(known)
        )
    ):
        accepts[accept.article_id].append(columns(accept))
    resolvable: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for model, kind in zip(_RESOLVABLE, ("notes", "conflicts"), strict=True):
        rows = list(local.scalars(select(model).where(model.article_id.in_(article_ids))))
        digests = dict(
            local.execute(
                select(SyncKnown.id, SyncKnown.digest).where(SyncKnown.id.in_([r.id for r in rows]))
            ).all()
        )
        resolvable[kind] = {aid: [] for aid in article_ids}
        for row in rows:
            if row.id not in digests or digests[row.id] != resolution_digest(row):
                resolvable[kind][row.article_id].append(columns(row))
    bases = {
        row.article_id: row
        for row in local.scalars(select(SyncArticle).where(SyncArticle.article_id.in_(article_ids)))
    }
    wanted: dict[str, set[str]] = {}
    for aid, article in articles.items():
        ids = {link.photo_id for link in article.photo_links if link.photo_id}
        for values in revs[aid]:
            photo_ids = json.loads(values["photos_json"] or "[]")
            ids |= {p["photo_id"] for p in photo_ids if p["photo_id"]}
        wanted[aid] = ids
    every = sorted(set().union(*wanted.values())) if wanted else []
    photos = {p.id: columns(p) for p in local.scalars(select(Photo).where(Photo.id.in_(every)))}
    out: dict[str, dict[str, Any]] = {}
    for aid in article_ids:
        article = articles[aid]
        out[aid] = {
            "article": {c: getattr(article, c) for c in ("head_revision_id", "status", "owner_id")},
            "snapshot": revisions.snapshot(article),
            "targets": {
                name: getattr(article, name)
                for name in ("target_words", "target_headline_chars", "target_lead_chars")
            },
            "revisions": revs[aid],
            "events": events[aid],
            "accepts": accepts[aid],
            "notes": resolvable["notes"][aid],
            "conflicts": resolvable["conflicts"][aid],
            "created_at": article.created_at,
            "deleted_at": article.deleted_at,
            "base": bases.get(aid),
            "photos": [photos[pid] for pid in sorted(wanted[aid]) if pid in photos],
            "headline": article.headline or "(untitled)",
            "version": article.version,
        }
    return out


@dataclass
class ServerGroup:
    """The server's rows a group of articles needs, read (and locked) in a few queries.

    Read before any savepoint, so that what it holds outlives one rolled back: a section or
    tag made later (inside one) is not kept here, nor is a revision a push adds.
    """

    articles: dict[str, Article] = field(default_factory=dict)
    numbers: dict[str, dict[str, int]] = field(default_factory=dict)  # article → revision → number
    sections: dict[str, Section] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)

    def section(self, remote: Session, name: str) -> Section | None:
        return self.sections.get(name) or section_for(remote, name)

    def tag_rows(self, remote: Session, names: list[str]) -> list[Tag]:
        if all(name in self.tags for name in names):
            return [self.tags[name] for name in names]
        return tag_rows(remote, names)


def lock_group(remote: Session, outgoing: dict[str, dict[str, Any]]) -> ServerGroup:
    """Lock and load the server's copies of the group's articles, in id order (no deadlock)."""
    ids = sorted(outgoing)
    group = ServerGroup()
    stmt = (
        select(Article)
        .where(Article.id.in_(ids))
        .order_by(Article.id)
        .with_for_update(of=Article)
        .options(selectinload(Article.tags), selectinload(Article.photo_links))
    )
    group.articles = {a.id: a for a in remote.scalars(stmt).unique()}
    if group.articles:
        rows = remote.execute(
            select(Revision.article_id, Revision.id, Revision.number).where(
                Revision.article_id.in_(list(group.articles))
            )
        )
        for aid, rid, number in rows:
            group.numbers.setdefault(aid, {})[rid] = number
    snaps = [out["snapshot"] for out in outgoing.values()]
    sections = {snap["section"] for snap in snaps if snap["section"]}
    if sections:
        found = remote.scalars(select(Section).where(Section.name.in_(sections)))
        group.sections = {s.name: s for s in found}
    tags = {name for snap in snaps for name in snap["tags"]}
    if tags:
        group.tags = {t.name: t for t in remote.scalars(select(Tag).where(Tag.name.in_(tags)))}
    return group


def _send_revisions(
    remote: Session, aid: str, revs: Sequence[dict[str, Any]], group: ServerGroup
) -> dict[str, int]:
    """Add the desk's revisions the server lacks, numbered after the server's; return numbers."""
    numbers: dict[str, int] = {}
    # The article's revisions as the server has them (read with the group): which exist, and
    # the top. A copy: a savepoint rolled back takes this push's revisions with it.
    stored = dict(group.numbers.get(aid, {}))
    top = max(stored.values(), default=0)
    for rev in revs:
        if rev["id"] in stored:
            numbers[rev["id"]] = stored[rev["id"]]
            continue
        top += 1
        remote.add(Revision(**{**rev, "number": top}))
        numbers[rev["id"]] = top
    remote.flush()
    return numbers


def _take_text(
    remote: Session, theirs: Article, outgoing: dict[str, Any], group: ServerGroup
) -> None:
    """Write the desk's head text into the server's article (its head still the expected)."""
    snap = outgoing["snapshot"]
    # The desk's store normalised every value already (the same core wrote them there); the
    # server's rules still judge the UPDATE. Sections and tags are the server's own rows.
    with remote.no_autoflush:
        for name in revisions.TEXT_FIELDS:
            if name != "section":
                setattr(theirs, name, snap[name])
        theirs.section = group.section(remote, snap["section"])
        theirs.tags = group.tag_rows(remote, snap["tags"]) if snap["tags"] else []
        for name, value in outgoing["targets"].items():
            setattr(theirs, name, value)
    set_links(remote, theirs, snap["photos"])
    touch(theirs)
    remote.flush()
    search.index_article(remote, theirs)


def _send_trash(
    remote: Session,
    theirs: Article,
    base: SyncArticle | None,
    trashed: datetime | None,
    retry: bool,
) -> bool:
    """Trash or restore the server's article as the desk did; True if that was refused."""
    changed_here = base is None or (trashed is not None) != base.base_deleted
    if not changed_here or (theirs.deleted_at is None) == (trashed is None):
        return False
    if retry:  # the server refused this push once already: keep its word on the trash
        return True
    theirs.deleted_at = trashed
    remote.flush()
    return False


def _unchanged_since(article: Article, base: SyncArticle | None) -> bool:
    """Tell whether the server's article is as the desk last had it in step (same version)."""
    return base is not None and base.base_server_version == article.version > 0


def _text_is_its_head(remote: Session, article: Article) -> bool:
    """Tell whether the server's text is its head revision's (no save since without one)."""
    if article.head_revision_id is None:
        return article.version == 0
    digest = remote.scalar(
        select(Revision.content_hash).where(Revision.id == article.head_revision_id)
    )
    return digest is not None and digest == revisions.content_hash(revisions.snapshot(article))


def _flagged(remote: Session, aid: str, revision_id: str) -> bool:
    return (
        remote.scalar(
            select(SyncConflict.id).where(
                SyncConflict.article_id == aid, SyncConflict.revision_id == revision_id
            )
        )
        is not None
    )


def _send_events(
    remote: Session, aid: str, events: Sequence[dict[str, Any]]
) -> tuple[list[str], list[str]]:
    """Move the article through the server's workflow as the desk did; return sent, refused."""
    sent, refused = [], []
    for event in events:
        action = action_for(event["from_status"], event["to_status"], event["note"])
        result = remote.scalar(
            text("SELECT newsroom_sync_transition(:id, :article, :action, :note)"),
            {"id": event["id"], "article": aid, "action": action, "note": event["note"]},
        )
        sent.append(event["id"])
        if str(result).startswith("!"):
            refused.append(f"{action}: {str(result)[1:]}")
    return sent, refused


def _send_resolvable(
    remote: Session, model: type[Note] | type[SyncConflict], rows: Sequence[dict[str, Any]]
) -> None:
    """Add the desk's notes (or conflicts) the server lacks; send their resolution."""
    for values in rows:
        row: Any = remote.get(model, values["id"])
        if row is None:
            remote.add(model(**values))
        elif resolution_digest(row) != resolution_digest(values):
            row.resolved_at, row.resolved_by = values["resolved_at"], values["resolved_by"]
    remote.flush()


def _send_accepts(remote: Session, me: Person, rows: Sequence[dict[str, Any]]) -> None:
    """Add the accepted tracked changes the server lacks; each person sends only their own
    (the server lets nobody add one under another's name)."""
    mine = [values for values in rows if values["author_id"] == me.id]
    if not mine:
        return
    have = set(
        remote.scalars(
            select(TrackedAccept.id).where(TrackedAccept.id.in_([v["id"] for v in mine]))
        )
    )
    remote.add_all(TrackedAccept(**values) for values in mine if values["id"] not in have)
    remote.flush()


def push(
    remote: Session,
    me: Person,
    aid: str,
    base: SyncArticle | None,
    outgoing: dict[str, Any],
    *,
    group: ServerGroup,
    conflict: bool = False,
) -> dict[str, Any]:
    """Send one article inside the caller's server transaction; return what the server holds.

    ``group`` holds the server's article, locked (lock_group), unless it is new there. Its
    text moves the head only from the head this desk last had (or one it sent itself);
    otherwise, or on a retry after a refusal (``conflict``), its version is kept, flagged.
    """
    # PostgreSQL's dialect (with its async drivers and asyncio) loads only on a server.
    from sqlalchemy.dialects.postgresql import insert as pg_insert  # noqa: PLC0415 - lazy, for start-up time

    photos = outgoing["photos"]
    for photo in photos:
        remote.execute(pg_insert(Photo).values(**photo).on_conflict_do_nothing())
    theirs = group.articles.get(aid)
    if theirs is None:
        # A desk's new article: its id and creation time, an empty draft until its text below.
        theirs = new_article_row(remote, me, created_at=outgoing["created_at"], article_id=aid)
        remote.flush()
    numbers = _send_revisions(remote, aid, outgoing["revisions"], group)
    head = outgoing["article"]["head_revision_id"]
    expected = base.base_revision_id if base else None
    moved = theirs.head_revision_id == head
    # A head this desk sent but never heard back about (the sync was killed or cut
    # after the server committed) is one its text descends from: as good as expected.
    own = theirs.head_revision_id in {r["id"] for r in outgoing["revisions"]}
    if (
        not moved
        and not conflict
        and head
        and (theirs.head_revision_id == expected or own)
        and (_unchanged_since(theirs, base) or _text_is_its_head(remote, theirs))
    ):
        # The head moves in the same UPDATE as the text (checked by newsroom_check_head
        # against the head this transaction expects, as revisions.move_head does).
        remote.execute(
            text("SELECT set_config('newsroom.expected_head', :head, true)"),
            {"head": theirs.head_revision_id or ""},
        )
        theirs.head_revision_id = head
        _take_text(remote, theirs, outgoing, group)
        moved = True
    in_conflict = not moved and head is not None and head != theirs.head_revision_id
    if in_conflict and not _flagged(remote, aid, head):
        remote.add(
            SyncConflict(
                article_id=aid,
                revision_id=head,
                head_revision_id=theirs.head_revision_id,
                person_name=me.name,
                reason="text",
            )
        )
    trash_refused = _send_trash(remote, theirs, base, outgoing["deleted_at"], conflict)
    events, refused = _send_events(remote, aid, outgoing["events"])
    if trash_refused:
        refused.append("trash: server_refused")
    _send_resolvable(remote, Note, outgoing["notes"])
    _send_accepts(remote, me, outgoing["accepts"])
    _send_resolvable(remote, SyncConflict, outgoing["conflicts"])
    remote.flush()
    if events:  # the server's workflow moved it: read back what it wrote
        remote.refresh(theirs)
    return {
        "numbers": numbers,
        "events": events,
        "refused": refused,
        "conflict": in_conflict,
        "head": theirs.head_revision_id,
        "status": theirs.status,
        "deleted": theirs.deleted_at is not None,
        "server_version": theirs.version,
    }
