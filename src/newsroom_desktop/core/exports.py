"""Exports in the store: the export time, and publishing an approved article by exporting it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from newsroom_desktop.core.context import CoreContext, get_one
from newsroom_desktop.core.convert import article_doc
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.models import Article, ArticlePhoto, utcnow
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
                stmt = (
                    select(Article)
                    .where(Article.id.in_(chunk))
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
