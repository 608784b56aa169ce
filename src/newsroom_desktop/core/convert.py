"""Turn ORM rows into the frozen documents the rest of the app uses."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Select, case, select
from sqlalchemy.orm import aliased

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.documents import ArticleDoc, ArticleSummary, PhotoUse, RevisionInfo
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.models import (
    Article,
    ArticlePhoto,
    Lease,
    Person,
    Section,
    StatusEvent,
    SyncConflict,
)
from newsroom_desktop.core.photos.ingest import original_path
from newsroom_desktop.core.photos.recipe import Recipe, parse_recipe
from newsroom_desktop.core.revisions import revision_info
from newsroom_desktop.core.workflow_rules import TAKEN_STATUSES


def photo_use(link: ArticlePhoto, originals_dir: Path, placed: set[str]) -> PhotoUse:
    """Return one article's use of a photo as plain data."""
    photo = link.photo
    return PhotoUse(
        id=link.id,
        photo_id=photo.id if photo else None,
        position=link.position,
        caption=link.caption,
        credit=link.credit,
        alt_text=link.alt_text,
        is_lead=link.is_lead,
        placed=link.id in placed,
        description=photo.description if photo else "",
        headline=photo.headline if photo else "",
        creator=photo.creator if photo else "",
        copyright=photo.copyright if photo else "",
        file_credit=photo.credit if photo else "",
        file_alt_text=photo.alt_text if photo else "",
        keywords=tuple(json.loads(photo.keywords_json or "[]")) if photo else (),
        width=photo.width if photo else 0,
        height=photo.height if photo else 0,
        format=photo.format if photo else "",
        orientation=photo.orientation if photo else 1,
        taken_at=photo.taken_at if photo else "",
        camera=photo.camera if photo else "",
        sha256=photo.sha256 if photo else "",
        original_filename=photo.original_filename if photo else "",
        file=original_path(originals_dir, photo.sha256, photo.format) if photo else None,
        recipe=stored_recipe(link.recipe) if photo else None,
    )


def stored_recipe(text: str) -> Recipe | None:
    """Return a use's stored recipe; one that no longer makes sense shows the photo whole."""
    try:
        return parse_recipe(text)
    except ValidationError:
        return None


def article_doc(article: Article, originals_dir: Path) -> ArticleDoc:
    """Return an article row, with its tags and photos, as an ArticleDoc."""
    placed = set(body_md.photo_ids(article.body)) if article.photo_links else set()
    return ArticleDoc(
        id=article.id,
        section=article.section.name if article.section else "",
        headline=article.headline,
        lead=article.lead,
        body=article.body,
        byline=article.byline,
        language=article.language,
        slug=article.slug,
        status=article.status,
        tags=tuple(tag.name for tag in article.tags),
        owner=article.owner.name if article.owner else "",
        word_count=article.word_count,
        version=article.version,
        created_at=article.created_at,
        updated_at=article.updated_at,
        published_at=article.published_at,
        exported_at=article.exported_at,
        deleted_at=article.deleted_at,
        photos=tuple(photo_use(link, originals_dir, placed) for link in article.photo_links),
        target_words=article.target_words,
        target_headline_chars=article.target_headline_chars,
        target_lead_chars=article.target_lead_chars,
    )


def summary_columns(article: type[Article], section: Any, owner: Any) -> tuple[Any, ...]:
    """Return the columns a summary needs, in the order ``summary_from_row`` reads them.

    The sync marks are correlated subqueries on indexed keys (sync_conflicts.article_id, the
    leases' primary key): one index probe a row, for the page shown only.
    """
    in_conflict = (
        select(SyncConflict.id)
        .where(SyncConflict.article_id == article.id, SyncConflict.resolved_at.is_(None))
        .exists()
    )
    lease_by = select(Lease.person_name).where(Lease.article_id == article.id).scalar_subquery()
    return (*_summary_fields(article, section, owner), in_conflict.label("in_conflict"),
            lease_by.label("lease_by"), taken_by_column(article).label("taken_by"))  # fmt: skip


def taken_by_column(article: type[Article]) -> Any:
    """Return who took the article for editing, while it is being edited or ready (else NULL).

    The newest "editing" status event of the article: one probe of the indexed article_id,
    made only for the rows in those two statuses.
    """
    taker = (
        select(StatusEvent.actor_name)
        .where(StatusEvent.article_id == article.id, StatusEvent.to_status == "editing")
        .order_by(StatusEvent.created_at.desc(), StatusEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return case((article.status.in_(TAKEN_STATUSES), taker), else_=None)


def _summary_fields(article: type[Article], section: Any, owner: Any) -> tuple[Any, ...]:
    return (
        article.id,
        article.headline,
        section.name,
        article.byline,
        article.status,
        article.language,
        article.word_count,
        article.updated_at,
        owner.name,
        article.deleted_at,
    )


def summary_select() -> tuple[Select[Any], Any]:
    """Return the select of summary rows (section and owner joined), and the owner alias."""
    section = aliased(Section)
    owner = aliased(Person)
    stmt = (
        select(*summary_columns(Article, section, owner))
        .outerjoin(section, Article.section_id == section.id)
        .outerjoin(owner, Article.owner_id == owner.id)
    )
    return stmt, owner


def summary_from_row(row: Sequence[Any]) -> ArticleSummary:
    """Return a summary from a row selected with ``summary_columns``."""
    return ArticleSummary(
        id=row[0],
        headline=row[1],
        section=row[2] or "",
        byline=row[3],
        status=row[4],
        language=row[5],
        word_count=row[6],
        updated_at=row[7],
        owner=row[8] or "",
        deleted=row[9] is not None,
        in_conflict=bool(row[10]),
        lease_by=row[11] or "",
        taken_by=row[12] or "",
    )


def revision_or_none(revision: Any) -> RevisionInfo | None:
    return revision_info(revision) if revision is not None else None
