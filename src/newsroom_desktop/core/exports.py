"""Exports in the store: the export time, and publishing an approved article by exporting it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.orm.exc import StaleDataError

from newsroom_desktop.core.context import CoreContext, get_one
from newsroom_desktop.core.convert import article_doc
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.file_docs import plain_doc
from newsroom_desktop.core.models import (
    Article,
    ArticlePhoto,
    Person,
    Section,
    Tag,
    article_tags,
    utcnow,
)
from newsroom_desktop.core.workflow import transition_in
from newsroom_desktop.core.workflow_rules import publishes_on_export

# Rows per query when a batch reads or records many articles (SQLite's variable limit is 32766).
CHUNK = 500


class ExportService:
    """Reads articles for export and records exports; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def documents(self, ids: Sequence[str]) -> list[ArticleDoc]:
        """Return the articles with these exact ids, in that order; unknown ids are left out."""
        found: dict[str, ArticleDoc] = {}
        originals = self.ctx.store.location.originals_dir
        with self.ctx.store.read() as session:
            for start in range(0, len(ids), CHUNK):
                chunk = list(ids[start : start + CHUNK])
                pictured = set(
                    session.scalars(
                        select(ArticlePhoto.article_id).where(ArticlePhoto.article_id.in_(chunk))
                    )
                )
                # Most articles have no photo: read as plain rows, no ORM object built.
                found.update(_plain_docs(session, [i for i in chunk if i not in pictured]))
                stmt = (
                    select(Article)
                    .where(Article.id.in_(pictured))
                    .options(
                        selectinload(Article.tags),
                        selectinload(Article.photo_links).joinedload(ArticlePhoto.photo),
                    )
                )
                for article in session.scalars(stmt):
                    found[article.id] = article_doc(article, originals)
        return [found[i] for i in ids if i in found]

    def record_export(
        self,
        article_id: str,
        format: str,  # noqa: A002
        *,
        when: datetime | None = None,
    ) -> ArticleDoc:
        """Record that the article was exported as ``format``; publish it if it was approved.

        An approved article (status ready) becomes published with the export time, and the
        change is written as a status event; any other article only gets its export time.
        The content and version are untouched, so an open editor is not put in conflict.
        """
        now = when or utcnow()
        with self.ctx.store.write() as session:
            article = get_one(session, Article, article_id, "article")
            assert isinstance(article, Article)
            self._record(session, article, format, now)
            return article_doc(article, self.ctx.store.location.originals_dir)

    def record_exports(
        self,
        ids: Sequence[str],
        format: str,  # noqa: A002
        *,
        when: datetime | None = None,
    ) -> set[str]:
        """Record the export of many articles in one transaction; return the ids published."""
        now = when or utcnow()
        published: set[str] = set()
        with self.ctx.store.write() as session:
            for start in range(0, len(ids), CHUNK):
                chunk = list(ids[start : start + CHUNK])
                found = session.execute(
                    select(Article.id, Article.status).where(Article.id.in_(chunk))
                ).all()
                actor = self.ctx.actor
                publishing = [i for i, status in found if publishes_on_export(status, actor)]
                self._stamp(session, chunk, len(found), now)
                for article in session.scalars(select(Article).where(Article.id.in_(publishing))):
                    note = f"exported as {format}"
                    transition_in(session, self.ctx, article, "publish", note=note, when=now)
                    published.add(article.id)
        return published

    @staticmethod
    def _stamp(session: Session, ids: list[str], expected: int, now: datetime) -> None:
        """Set the export time of these articles in one statement, no article loaded."""
        result = session.execute(
            update(Article).where(Article.id.in_(ids)).values(exported_at=now),
            execution_options={"synchronize_session": False},
        )
        updated = cast(CursorResult[Any], result).rowcount
        if updated != expected:  # as the ORM's own update of each article would refuse it
            raise StaleDataError(f"{expected - updated} article(s) could not be updated")

    def _record(self, session: Session, article: Article, format: str, now: datetime) -> bool:  # noqa: A002
        article.exported_at = now
        if not publishes_on_export(article.status, self.ctx.actor):
            return False
        transition_in(session, self.ctx, article, "publish", note=f"exported as {format}", when=now)
        return True


def _plain_docs(session: Session, ids: list[str]) -> dict[str, ArticleDoc]:
    """Return the articles with these ids as article_doc would, for articles without photos."""
    if not ids:
        return {}
    owner = aliased(Person)
    columns = (
        Article.id, Section.name, Article.headline, Article.lead, Article.body, Article.byline,
        Article.language, Article.slug, Article.status, owner.name, Article.word_count,
        Article.version, Article.created_at, Article.updated_at, Article.published_at,
        Article.exported_at, Article.deleted_at, Article.target_words,
        Article.target_headline_chars, Article.target_lead_chars,
    )  # fmt: skip
    rows = session.execute(
        select(*columns)
        .outerjoin(Section, Article.section_id == Section.id)
        .outerjoin(owner, Article.owner_id == owner.id)
        .where(Article.id.in_(ids))
    ).all()
    tags: dict[str, list[str]] = {}
    named = (
        select(article_tags.c.article_id, Tag.name)
        .join(Tag, Tag.id == article_tags.c.tag_id)
        .where(article_tags.c.article_id.in_(ids))
        .order_by(Tag.name)  # as the relationship orders them
    )
    for article_id, name in session.execute(named):
        tags.setdefault(article_id, []).append(name)
    return {row[0]: plain_doc(row, tuple(tags.get(row[0], ()))) for row in rows}
