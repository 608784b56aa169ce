"""What a desk sends to its server, and how: one article at a time, the head checked.

The desk side finds what changed since it was last in step (``dirty_ids``) and gathers it
(``outgoing_of``); ``push`` writes it into the server inside the caller's transaction, where
the server's own rules and ``newsroom_check_head`` judge it; ``record_sent`` notes on the desk
what the server then holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case, or_, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from newsroom_desktop.core import revisions, search
from newsroom_desktop.core._writes import new_article_row, tag_rows, touch
from newsroom_desktop.core.context import section_for
from newsroom_desktop.core.models import (
    Article,
    Note,
    Person,
    Photo,
    Revision,
    StatusEvent,
    SyncArticle,
    SyncConflict,
    SyncKnown,
    SyncState,
)
from newsroom_desktop.core.sync_rows import (
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


def record_sent(local: Session, aid: str, out: dict[str, Any], sent: dict[str, Any]) -> None:
    """Record on the desk what the server now holds of one article (after its commit)."""
    numbers = sent["numbers"]
    for rid, number in numbers.items():
        revision = local.get(Revision, rid)
        if revision is not None and revision.number != number:
            revision.number = -number  # two steps: no clash with the unique index
    local.flush()
    for rid, number in numbers.items():
        revision = local.get(Revision, rid)
        if revision is not None:
            revision.number = number
    mark_known(local, "revision", numbers)
    mark_known(local, "event", sent["events"])
    for kind in ("note", "conflict"):
        for row in out[kind + "s"]:
            mark_known(local, kind, [row["id"]], resolution_digest(row))
    row = local.get(SyncArticle, aid) or SyncArticle(article_id=aid, notice="")
    local.add(row)
    row.base_revision_id = sent["head"]
    row.base_status = sent["status"]
    row.base_deleted = sent["deleted"]
    row.base_server_version = sent["server_version"]
    row.notice = "; ".join(sent["refused"])
    current = local.get_one(Article, aid)
    # The desk's text is on the server now (as the head, or kept in conflict); a save made
    # while it went up leaves the article waiting for the next sync.
    row.base_version = current.version if current.version == out["version"] else -1


def dirty_ids(session: Session, article_id: str | None = None) -> list[str]:
    """Return the articles this desk changed since it was last in step with the server.

    With ``article_id``, look at that one article only (the window asks as it opens one).
    """
    unsent_revisions = select(Revision.article_id).where(~Revision.id.in_(select(SyncKnown.id)))
    unsent_events = select(StatusEvent.article_id).where(~StatusEvent.id.in_(select(SyncKnown.id)))
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


def outgoing_of(session: Session, article: Article) -> dict[str, Any]:
    known = select(SyncKnown.id)
    revs = session.scalars(
        select(Revision)
        .where(Revision.article_id == article.id, ~Revision.id.in_(known))
        .order_by(Revision.number)
    ).all()
    events = session.scalars(
        select(StatusEvent)
        .where(StatusEvent.article_id == article.id, ~StatusEvent.id.in_(known))
        .order_by(StatusEvent.created_at)
    ).all()
    notes, conflicts = (
        [
            columns(row)
            for row in session.scalars(select(model).where(model.article_id == article.id))
            if (k := session.get(SyncKnown, row.id)) is None or k.digest != resolution_digest(row)
        ]
        for model in _RESOLVABLE
    )
    return {
        "article": {c: getattr(article, c) for c in ("head_revision_id", "status", "owner_id")},
        "snapshot": revisions.snapshot(article),
        "targets": {
            name: getattr(article, name)
            for name in ("target_words", "target_headline_chars", "target_lead_chars")
        },
        "revisions": [columns(r) for r in revs],
        "events": [columns(e) for e in events],
        "notes": notes,
        "conflicts": conflicts,
        "created_at": article.created_at,
        "deleted_at": article.deleted_at,
    }


def photos_of(session: Session, article: Article, revs: Sequence[dict[str, Any]]) -> list[Photo]:
    ids = {link.photo_id for link in article.photo_links if link.photo_id}
    for rev in revs:
        ids |= {p["photo_id"] for p in json.loads(rev["photos_json"] or "[]") if p["photo_id"]}
    return list(session.scalars(select(Photo).where(Photo.id.in_(ids)))) if ids else []


def _send_revisions(remote: Session, aid: str, revs: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Add the desk's revisions the server lacks, numbered after the server's; return numbers."""
    numbers: dict[str, int] = {}
    # The article's revisions as the server has them, in one query: which exist, and the top.
    stored = dict(
        remote.execute(select(Revision.id, Revision.number).where(Revision.article_id == aid)).all()
    )
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


def _take_text(remote: Session, theirs: Article, outgoing: dict[str, Any]) -> None:
    """Write the desk's head text into the server's article (its head still the expected)."""
    snap = outgoing["snapshot"]
    # The desk's store normalised every value already (the same core wrote them there); the
    # server's rules still judge the UPDATE. Sections and tags are the server's own rows.
    with remote.no_autoflush:
        for name in revisions.TEXT_FIELDS:
            if name != "section":
                setattr(theirs, name, snap[name])
        theirs.section = section_for(remote, snap["section"])
        theirs.tags = tag_rows(remote, snap["tags"]) if snap["tags"] else []
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


def push(
    remote: Session,
    me: Person,
    aid: str,
    base: SyncArticle | None,
    outgoing: dict[str, Any],
    *,
    conflict: bool = False,
) -> dict[str, Any]:
    """Send one article inside the caller's server transaction; return what the server holds.

    Its text moves the head only from the head this desk last had (or one it sent itself);
    otherwise, or on a retry after a refusal (``conflict``), its version is kept, flagged.
    """
    photos = outgoing["photos"]
    for photo in photos:
        remote.execute(pg_insert(Photo).values(**photo).on_conflict_do_nothing())
    # Locked and loaded in one statement (one round trip, not two).
    theirs = remote.scalars(
        select(Article).where(Article.id == aid).with_for_update(of=Article)
    ).one_or_none()
    if theirs is None:
        # A desk's new article: its id and creation time, an empty draft until its text below.
        theirs = new_article_row(remote, me, created_at=outgoing["created_at"], article_id=aid)
        remote.flush()
    numbers = _send_revisions(remote, aid, outgoing["revisions"])
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
        _take_text(remote, theirs, outgoing)
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
