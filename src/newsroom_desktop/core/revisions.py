"""Immutable revisions: a snapshot of every field, written when a save changed something."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Text, func, select, text, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.models import Article, Person, Revision, new_id, utcnow
from newsroom_desktop.core.packing import PACK_FROM, ArticleBody, pack_text

# Autosaves keep the article row current all the time; they add a revision only when the last
# one is older than this, so history stays readable while a crash still loses nothing.
AUTOSAVE_REVISION_INTERVAL = timedelta(minutes=10)
AUTOSAVE = "autosave"
# The snapshot's plain text fields, stored as columns of the same names on Revision.
TEXT_FIELDS = ("section", "headline", "lead", "body", "byline", "language")


def snapshot(article: Article) -> dict[str, Any]:
    """Return every versioned field of the article as plain JSON-ready data."""
    return {
        "section": article.section.name if article.section else "",
        "headline": article.headline,
        "lead": article.lead,
        "body": article.body,
        "byline": article.byline,
        "language": article.language,
        "tags": [tag.name for tag in article.tags],
        "photos": [
            {
                "id": link.id,
                "photo_id": link.photo_id,
                "position": link.position,
                "caption": link.caption,
                "credit": link.credit,
                "alt_text": link.alt_text,
                "is_lead": link.is_lead,
                # Only when set: snapshots of uncropped photos hash as they always did.
                **({"recipe": link.recipe} if link.recipe else {}),
            }
            for link in article.photo_links
        ],
    }


# The hash reads the snapshot as compact JSON with sorted keys. It is fed a piece at a time:
# a long body is then not copied into one JSON string and then into its UTF-8 bytes as well.
_HASH_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
# Text values are encoded this many characters at a time (JSON escapes each on its own).
_HASH_STRETCH = 64 * 1024


def content_hash(snap: dict[str, Any]) -> str:
    """Return a stable hash of a snapshot, to tell an identical save from a real change."""
    digest = hashlib.sha256()
    digest.update(b"{")
    for index, (name, value) in enumerate(sorted(snap.items())):
        digest.update(f"{',' if index else ''}{_HASH_ENCODER.encode(name)}:".encode())
        if isinstance(value, str):  # what _HASH_ENCODER.encode(value) gives, piece by piece
            digest.update(b'"')
            for start in range(0, len(value), _HASH_STRETCH):
                piece = value[start : start + _HASH_STRETCH]
                digest.update(_HASH_ENCODER.encode(piece)[1:-1].encode("utf-8"))
            digest.update(b'"')
        else:
            digest.update(_HASH_ENCODER.encode(value).encode("utf-8"))
    digest.update(b"}")
    return digest.hexdigest()


def latest(session: Session, article_id: str) -> Revision | None:
    """Return the newest revision of an article."""
    return session.scalars(
        select(Revision)
        .where(Revision.article_id == article_id)
        .order_by(Revision.number.desc())
        .limit(1)
    ).first()


def needs_revision(last: Revision | None, digest: str, reason: str, now: datetime) -> bool:
    """Tell whether a save with this content and reason should become a revision."""
    if last is None:
        return True
    if last.content_hash == digest:
        return False
    if reason != AUTOSAVE:
        return True
    return last.reason != AUTOSAVE or now - last.created_at >= AUTOSAVE_REVISION_INTERVAL


def write_revision(  # noqa: PLR0917
    session: Session,
    article: Article,
    author: Person | None,
    reason: str,
    snap: dict[str, Any] | None = None,
    last_number: int | None = None,
    *,
    digest: str | None = None,
    revision_id: str | None = None,
) -> Revision:
    """Store a new immutable revision of ``article`` as it is now (or of ``snap``).

    ``digest`` is content_hash(snap) when the caller has it already (hashing a long body
    twice costs time).
    """
    snap = snap if snap is not None else snapshot(article)
    if last_number is None:
        stored = session.scalar(
            select(func.coalesce(func.max(Revision.number), 0)).where(
                Revision.article_id == article.id
            )
        )
        number = int(stored or 0)
    else:
        number = last_number
    texts = {name: snap[name] for name in TEXT_FIELDS}
    if texts["body"] == article.body:  # kept as a reference to the article's body (packing)
        texts["body"] = ArticleBody(texts["body"])
        _pack_earlier_bodies(session, article.id)
    revision = Revision(
        id=revision_id or new_id(),
        article_id=article.id,
        number=number + 1,
        article_version=article.version,
        created_at=utcnow(),
        author_id=author.id if author else None,
        author_name=author.name if author else "",
        reason=reason,
        **texts,
        tags_json=json.dumps(snap["tags"], ensure_ascii=False),
        photos_json=json.dumps(snap["photos"], ensure_ascii=False),
        content_hash=digest if digest is not None else content_hash(snap),
    )
    session.add(revision)
    session.flush()
    return revision


def _pack_earlier_bodies(session: Session, article_id: str) -> None:
    """Compress the bodies the article's edits wrote plain into its earlier revisions.

    A body kept as a reference to the article's is written out plain by a trigger (migration
    0008) when the article's body changes; the next revision packs it, here.
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    session.flush()
    plain = session.execute(
        select(Revision.id, sql_cast(Revision.body, Text)).where(
            Revision.article_id == article_id,
            func.typeof(Revision.body) == "text",
            func.length(Revision.body) >= PACK_FROM,
        )
    ).all()
    for revision_id, body in plain:
        packed = pack_text(body)
        if isinstance(packed, bytes):
            session.execute(
                update(Revision).where(Revision.id == revision_id).values(body=body),
                execution_options={"synchronize_session": False},
            )


def revision_snapshot(revision: Revision) -> dict[str, Any]:
    """Return the snapshot a revision holds, as ``snapshot`` gave it."""
    snap: dict[str, Any] = {name: getattr(revision, name) for name in TEXT_FIELDS}
    snap["tags"] = json.loads(revision.tags_json or "[]")
    snap["photos"] = revision_photos(revision)
    return snap


def snapshot_info(
    snap: dict[str, Any],
    *,
    id: str,  # noqa: A002
    article_id: str,
    number: int,
    created_at: datetime,
    author: str,
    reason: str,
) -> RevisionInfo:
    """Return a snapshot as a revision record, with who saved it, when and why."""
    return RevisionInfo(
        id=id,
        article_id=article_id,
        number=number,
        created_at=created_at,
        author=author,
        reason=reason,
        **{name: snap[name] for name in TEXT_FIELDS},
        tags=tuple(snap["tags"]),
        captions=tuple((p["id"], p.get("caption", "")) for p in snap["photos"]),
    )


def revision_info(revision: Revision) -> RevisionInfo:
    """Return a revision as plain data."""
    return snapshot_info(
        revision_snapshot(revision),
        id=revision.id,
        article_id=revision.article_id,
        number=revision.number,
        created_at=revision.created_at,
        author=revision.author_name,
        reason=revision.reason,
    )


def revision_photos(revision: Revision) -> list[dict[str, Any]]:
    """Return the photo uses recorded in a revision."""
    return list(json.loads(revision.photos_json or "[]"))


def move_head(session: Session, article: Article, revision_id: str) -> None:
    """Make ``revision_id`` the article's head, from the head it has now.

    On a server the UPDATE is checked against the head this transaction expects
    (migration 0005): a head another desk moved meanwhile raises instead of being overwritten.
    """
    if article.head_revision_id == revision_id:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.flush()
        session.execute(
            text("SELECT set_config('newsroom.expected_head', :head, true)"),
            {"head": article.head_revision_id or ""},
        )
    article.head_revision_id = revision_id
    session.flush()
