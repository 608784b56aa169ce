"""Revision history: list an article's revisions, open one, and restore one without losing any."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsroom_desktop.core import revisions
from newsroom_desktop.core._writes import apply_changes, commit_save, touch
from newsroom_desktop.core.context import CoreContext, get_one, person_for, resolve_id
from newsroom_desktop.core.convert import article_doc
from newsroom_desktop.core.documents import ArticleDoc, RevisionInfo
from newsroom_desktop.core.errors import NotFoundError
from newsroom_desktop.core.models import Article, ArticlePhoto, Photo, Revision
from newsroom_desktop.core.vocabulary import CURRENT
from newsroom_desktop.core.workflow import check_edit_in

SUBMITTED = "submitted"
# What the current text becomes when a restore would replace it and it is not a revision yet.
KEPT_BEFORE_RESTORE = "before-restore"
RESTORE = "restore"
SUBMIT = "submit"
# A plain number this short names a revision by its number; anything longer is an id prefix.
MAX_NUMBER_DIGITS = 6


def current_revision(article: Article) -> RevisionInfo:
    """Return the article's current text as a revision-like record (id "current", number 0)."""
    return revisions.snapshot_info(
        revisions.snapshot(article),
        id=CURRENT,
        article_id=article.id,
        number=0,
        created_at=article.updated_at,
        author="",
        reason=CURRENT,
    )


def _new_link(article: Article, use_id: str) -> ArticlePhoto:
    # A use removed since the revision comes back under its own id, which the body points at.
    link = ArticlePhoto(id=use_id)
    article.photo_links.append(link)
    return link


def _restore_photos(session: Session, article: Article, photos: Sequence[dict[str, Any]]) -> None:
    """Make the article's photo uses those of a revision: captions, order, lead, and files."""
    wanted = {p["id"]: p for p in photos}
    for link in [lk for lk in article.photo_links if lk.id not in wanted]:
        article.photo_links.remove(link)
    existing = {link.id: link for link in article.photo_links}
    for entry in photos:
        link = existing.get(entry["id"]) or _new_link(article, entry["id"])
        photo_id = entry.get("photo_id")
        link.photo = session.get(Photo, photo_id) if photo_id else None
        link.position = int(entry.get("position", 0))
        link.caption = entry.get("caption", "")
        link.credit = entry.get("credit", "")
        link.alt_text = entry.get("alt_text", "")
        link.is_lead = bool(entry.get("is_lead", False))
        link.recipe = entry.get("recipe", "")
    article.photo_links.sort(key=lambda lk: lk.position)


def _content(revision: Revision) -> dict[str, Any]:
    snap = revisions.revision_snapshot(revision)
    return {name: snap[name] for name in (*revisions.TEXT_FIELDS, "tags")}


def article_in(session: Session, article_id: str) -> Article:
    """Return the article with this id or unique id prefix."""
    ident = resolve_id(session, Article.id, article_id, "article")
    article = get_one(session, Article, ident, "article")
    assert isinstance(article, Article)
    return article


def revision_in(session: Session, article: Article, spec: str | int) -> Revision:
    """Return the article's revision with this number, id or unique id prefix."""
    text = str(spec).strip().lower()
    if text.isdigit() and len(text) <= MAX_NUMBER_DIGITS:
        row = session.scalars(
            select(Revision).where(Revision.article_id == article.id, Revision.number == int(text))
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"The article has no revision {text}.")
        return row
    ident = resolve_id(session, Revision.id, text, "revision")
    revision = get_one(session, Revision, ident, "revision")
    assert isinstance(revision, Revision)
    if revision.article_id != article.id:
        raise NotFoundError(f"The revision {text} belongs to another article.")
    return revision


def submitted_in(session: Session, article_id: str) -> Revision | None:
    """Return the article's latest "submit" revision."""
    return session.scalars(
        select(Revision)
        .where(Revision.article_id == article_id, Revision.reason == SUBMIT)
        .order_by(Revision.number.desc())
        .limit(1)
    ).first()


def first_in(session: Session, article_id: str) -> Revision | None:
    """Return the article's first revision (as created or imported)."""
    return session.scalars(
        select(Revision).where(Revision.article_id == article_id).order_by(Revision.number).limit(1)
    ).first()


def version_in(session: Session, article: Article, spec: str | int) -> RevisionInfo:
    """Return a version of the article: a revision number or id, "current" or "submitted"."""
    key = str(spec).strip().lower()
    if key == CURRENT:
        return current_revision(article)
    if key == SUBMITTED:
        row = submitted_in(session, article.id)
        if row is None:
            raise NotFoundError("The article has not been submitted yet.")
        return revisions.revision_info(row)
    return revisions.revision_info(revision_in(session, article, spec))


class HistoryService:
    """An article's revisions; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def list(self, article_id: str) -> list[RevisionInfo]:
        """Return the article's revisions, newest first."""
        with self.ctx.store.read() as session:
            ident = article_in(session, article_id).id
            rows = session.scalars(
                select(Revision)
                .where(Revision.article_id == ident)
                .order_by(Revision.number.desc())
            )
            return [revisions.revision_info(row) for row in rows]

    def get(self, revision_id: str) -> RevisionInfo:
        """Return one revision by its id (or a unique id prefix), to read it."""
        with self.ctx.store.read() as session:
            ident = resolve_id(session, Revision.id, revision_id, "revision")
            row = get_one(session, Revision, ident, "revision")
            assert isinstance(row, Revision)
            return revisions.revision_info(row)

    def find(self, article_id: str, spec: str | int) -> RevisionInfo:
        """Return a version of the article: a revision number or id, "current" or "submitted"."""
        with self.ctx.store.read() as session:
            return version_in(session, article_in(session, article_id), spec)

    def current(self, article_id: str) -> RevisionInfo:
        """Return the article's current text as a revision-like record (id "current")."""
        return self.find(article_id, CURRENT)

    def submitted_revision(self, article_id: str) -> RevisionInfo | None:
        """Return the text as its reporter last submitted it, or None if never submitted."""
        with self.ctx.store.read() as session:
            row = submitted_in(session, article_in(session, article_id).id)
            return revisions.revision_info(row) if row is not None else None

    def restore(self, article_id: str, revision_id: str | int) -> ArticleDoc:
        """Make a revision's content the current article again, as a new "restore" revision.

        Nothing is lost: current text that is not a revision yet is kept as one first, and
        every revision stays. Restoring what is already current changes nothing.
        """
        originals = self.ctx.store.location.originals_dir
        with self.ctx.store.write() as session:
            article = article_in(session, article_id)
            check_edit_in(article, self.ctx.actor)
            revision = revision_in(session, article, revision_id)
            person = person_for(session, self.ctx.actor)
            snap = revisions.snapshot(article)
            digest = revisions.content_hash(snap)
            if revision.content_hash == digest:
                return article_doc(article, originals)
            last = revisions.latest(session, article.id)
            if last is None or last.content_hash != digest:
                revisions.write_revision(session, article, person, KEPT_BEFORE_RESTORE, snap)
            apply_changes(session, article, _content(revision))
            _restore_photos(session, article, revisions.revision_photos(revision))
            touch(article)
            commit_save(session, self.ctx, article, person, RESTORE)
            return article_doc(article, originals)
