"""The core's unit-of-work helpers: build, change and save article and photo rows in a session.

Private to the core: the services (articles, photos, history, recovery, intake) share them, and
nothing outside ``core/`` may import them (tests/test_architecture.py checks).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from newsroom_desktop.core import blobs, revisions, search
from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.context import (
    CoreContext,
    person_for,
    section_for,
    take_turn_to_create,
)
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.models import (
    Article,
    ArticlePhoto,
    Person,
    Photo,
    Tag,
    new_id,
    utcnow,
)
from newsroom_desktop.core.photos import IngestedPhoto
from newsroom_desktop.core.text import clean, clean_line, fold, normalise_body, slugify, word_count
from newsroom_desktop.core.vocabulary import LANGUAGES

LINE_FIELDS = ("headline", "lead", "byline")
TARGET_FIELDS = ("target_words", "target_headline_chars", "target_lead_chars")
EDITABLE = frozenset((*LINE_FIELDS, "section", "body", "language", "tags", *TARGET_FIELDS))


def normalise_tags(tags: Sequence[str]) -> list[str]:
    """Return tags cleaned, without empties or case-insensitive duplicates, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        name = clean_line(tag)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def tag_rows(session: Session, names: list[str]) -> list[Tag]:
    find = select(Tag).where(Tag.name.in_(names))
    existing = {t.name: t for t in session.scalars(find)}
    if len(existing) < len(set(names)):
        take_turn_to_create(session)
        existing = {t.name: t for t in session.scalars(find)}
    rows = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        rows.append(tag)
    return rows


def _target(value: Any) -> int | None:
    if value in (None, "", 0):
        return None
    number = int(value)
    if number < 0:
        raise ValidationError("A length target cannot be negative.")
    return number


def normalised_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``changes`` checked and normalised as they will be stored."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(f"Unknown article fields: {', '.join(sorted(unknown))}.")
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name in LINE_FIELDS or name == "section":
            out[name] = clean_line(str(value or ""))
        elif name == "body":
            out[name] = normalise_body(str(value or ""))
        elif name == "tags":
            out[name] = normalise_tags(value or ())
        elif name == "language":
            language = str(value or "vi")
            if language not in LANGUAGES:
                raise ValidationError(
                    f"Language must be one of {', '.join(LANGUAGES)}, not {language!r}."
                )
            out[name] = language
        else:
            out[name] = _target(value)
    return out


def apply_changes(session: Session, article: Article, changes: Mapping[str, Any]) -> bool:
    """Write ``changes`` into ``article`` (normalised); return True if anything differs."""
    values = normalised_changes(changes)
    before = revisions.content_hash(revisions.snapshot(article))
    targets_before = tuple(getattr(article, f) for f in TARGET_FIELDS)
    # Lookups of sections and tags must not flush a half-changed article first.
    with session.no_autoflush:
        for name, value in values.items():
            if name == "section":
                article.section = section_for(session, value)
            elif name == "tags":
                article.tags = tag_rows(session, value)
            else:
                setattr(article, name, value)
    if "body" in values:
        align_figures(article)
    after = revisions.content_hash(revisions.snapshot(article))
    return before != after or targets_before != tuple(getattr(article, f) for f in TARGET_FIELDS)


def align_figures(article: Article) -> None:
    """Make the body's figures carry their photo uses' alt text (the uses are the truth)."""
    alts = {link.id: link.alt_text for link in article.photo_links}
    if alts:
        article.body = body_md.with_figure_alts(article.body, alts)


def next_num(session: Session) -> int:
    """Return the next local sequence number (writers take turns to create: no two alike)."""
    take_turn_to_create(session)
    return int(session.scalar(select(func.coalesce(func.max(Article.num), 0))) or 0) + 1


def touch(article: Article, when: datetime | None = None) -> None:
    """Recompute derived fields after a content change and bump version and time."""
    article.word_count = word_count(article.lead) + word_count(body_md.plain_text(article.body))
    article.headline_key = fold(article.headline)
    if article.status != "published" or not article.slug:
        article.slug = slugify(article.headline)
    article.updated_at = when or utcnow()
    article.version = (article.version or 0) + 1


def commit_save(
    session: Session,
    ctx: CoreContext,
    article: Article,
    person: Person,
    reason: str,
    *,
    new: bool = False,
) -> Any:
    """Reindex the article and write a revision if one is due; return the revision or None."""
    first = None
    if new and inspect(article).pending:
        # A new article's first revision is always due: its row names it from the INSERT on,
        # rather than being written twice (a 10 MB imported body is a 10 MB row rewrite).
        first = new_id()
        article.head_revision_id = first
    session.flush()
    align_figures(article)  # after the flush: a new photo use has its id from there on
    search.index_article(session, article)
    snap = revisions.snapshot(article)
    digest = revisions.content_hash(snap)
    last = None if new else revisions.latest(session, article.id)
    if not revisions.needs_revision(last, digest, reason, utcnow()):
        return None
    revision = revisions.write_revision(
        session,
        article,
        person,
        reason,
        snap,
        last_number=last.number if last else 0,
        digest=digest,
        revision_id=first,
    )
    revisions.move_head(session, article, revision.id)
    return revision


def new_article_row(
    session: Session,
    person: Person,
    *,
    created_at: datetime | None = None,
    article_id: str | None = None,
) -> Article:
    """Add an empty draft owned by ``person`` to the session, ready for apply_changes.

    ``article_id`` keeps an id given elsewhere (an article a desk wrote offline).
    """
    now = utcnow()
    # Empty collections up front: a new row then never lazy-loads tags or photos.
    article = Article(
        id=article_id or new_id(),
        num=next_num(session),
        headline="",
        headline_key="",
        lead="",
        body="",
        byline="",
        language="vi",
        section=None,
        tags=[],
        photo_links=[],
        owner=person,
        status="draft",
        version=0,
        created_at=created_at or now,
        updated_at=now,
    )
    session.add(article)
    return article


def create_in(
    session: Session,
    ctx: CoreContext,
    fields: Mapping[str, Any],
    *,
    reason: str = "create",
    created_at: datetime | None = None,
    updated_at: datetime | None = None,
) -> Article:
    """Create an article inside the caller's unit of work."""
    person = person_for(session, ctx.actor)
    article = new_article_row(session, person, created_at=created_at or updated_at)
    apply_changes(session, article, fields)
    touch(article, updated_at)
    commit_save(session, ctx, article, person, reason, new=True)
    return article


def photo_row(session: Session, ingested: IngestedPhoto, *, flush: bool = True) -> Photo:
    """Return the stored photo for an ingested file, recording it on first sight.

    On a newsroom server the original goes into the server in this same transaction, so no
    desk ever sees a photo whose original the server lacks. Without ``flush`` a new photo
    waits in the session for the caller's next flush.
    """
    photo = session.scalars(select(Photo).where(Photo.sha256 == ingested.sha256)).one_or_none()
    if photo is not None:
        return photo
    if blobs.in_server(session):
        blobs.put_blob(session, ingested.sha256, ingested.stored_path)
    meta = ingested.metadata
    photo = Photo(
        sha256=ingested.sha256,
        original_filename=clean_line(ingested.original_filename),
        format=meta.format,
        width=meta.width,
        height=meta.height,
        file_size=ingested.file_size,
        orientation=meta.orientation,
        taken_at=meta.taken_at,
        camera=meta.camera,
        description=clean(meta.description).strip(),
        headline=clean_line(meta.headline),
        creator=clean_line(meta.creator),
        credit=clean_line(meta.credit),
        copyright=clean_line(meta.copyright),
        alt_text=clean(meta.alt_text).strip(),
        keywords_json=json.dumps(list(meta.keywords), ensure_ascii=False),
    )
    session.add(photo)
    if flush:
        session.flush()
    return photo


def link_photo(
    article: Article,
    photo: Photo | None,
    *,
    caption: str | None = None,
    credit: str | None = None,
    alt_text: str | None = None,
) -> ArticlePhoto:
    """Add a photo use to an article; captions default to what the file says.

    With ``photo`` None the use is a figure waiting for its photo.
    """
    link = ArticlePhoto(
        photo=photo,
        position=len(article.photo_links),
        caption=clean(
            caption if caption is not None else _file_value(photo, "description")
        ).strip(),
        credit=clean_line(credit if credit is not None else _file_credit(photo)),
        alt_text=clean(
            alt_text if alt_text is not None else _file_value(photo, "alt_text")
        ).strip(),
        is_lead=not article.photo_links,
    )
    article.photo_links.append(link)
    return link


def _file_value(photo: Photo | None, name: str) -> str:
    return str(getattr(photo, name)) if photo is not None else ""


def _file_credit(photo: Photo | None) -> str:
    return (photo.credit or photo.creator) if photo is not None else ""
