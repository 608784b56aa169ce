"""The editorial workflow: who may move an article between statuses, and the record of each move."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsroom_desktop.core import revisions
from newsroom_desktop.core.context import CoreContext, get_one, person_for, resolve_id
from newsroom_desktop.core.convert import article_doc
from newsroom_desktop.core.documents import Actor, ArticleDoc
from newsroom_desktop.core.models import Article, Person, StatusEvent, utcnow
from newsroom_desktop.core.server_workflow import transition_on_server
from newsroom_desktop.core.workflow_rules import (
    BY_ACTION,
    ActionCheck,
    StatusEventInfo,
    Transition,
    action_for,
    can_edit,
    check_actions,
    check_transition,
    edit_refusal,
    event_note,
    is_owner,
)


def check_edit_in(article: Article, actor: Actor) -> None:
    """Raise WorkflowError if ``actor`` may not change this stored article (inside a save)."""
    refusal = edit_refusal(
        headline=article.headline,
        status=article.status,
        owner=article.owner.name if article.owner else "",
        trashed=article.deleted_at is not None,
        actor=actor,
    )
    if refusal is not None:
        raise refusal


def _record_revision(
    session: Session, article: Article, person: Person, transition: Transition
) -> None:
    snap = revisions.snapshot(article)
    last = revisions.latest(session, article.id)
    if transition.milestone or last is None or last.content_hash != revisions.content_hash(snap):
        revision = revisions.write_revision(session, article, person, transition.action, snap)
        revisions.move_head(session, article, revision.id)


def transition_in(
    session: Session,
    ctx: CoreContext,
    article: Article,
    action: str,
    note: str = "",
    *,
    when: datetime | None = None,
) -> StatusEvent:
    """Take a workflow action on ``article`` inside the caller's unit of work.

    Checks the acting person's right to it, records who did it, when and why as a status
    event, writes a revision where the workflow wants one, and stamps ``published_at`` on
    publishing. Raises WorkflowError, changing nothing, if the action is not allowed.
    """
    note = event_note(action, note)
    if session.get_bind().dialect.name == "postgresql":
        return _transition_on_server(session, ctx, article, action, note=note, when=when)
    person = person_for(session, ctx.actor)
    transition = check_transition(
        article.status,
        action,
        role=ctx.actor.role,
        is_owner=article.owner_id is not None and article.owner_id == person.id,
        note=note,
        trashed=article.deleted_at is not None,
    )
    now = when or utcnow()
    event = StatusEvent(
        article_id=article.id,
        from_status=article.status,
        to_status=transition.target,
        actor_id=person.id,
        actor_name=person.name,
        actor_role=ctx.actor.role,
        note=note,
        created_at=now,
    )
    session.add(event)
    article.status = transition.target
    if transition.target == "published":
        article.published_at = now
    _record_revision(session, article, person, transition)
    session.flush()
    return event


def _transition_on_server(
    session: Session,
    ctx: CoreContext,
    article: Article,
    action: str,
    *,
    note: str,
    when: datetime | None,
) -> StatusEvent:
    if action not in BY_ACTION:
        check_transition(article.status, action, role=ctx.actor.role, is_owner=False)
    event = transition_on_server(session, ctx.actor, article, action, note=note, when=when)
    _record_revision(session, article, person_for(session, ctx.actor), BY_ACTION[action])
    session.flush()
    return event


def event_info(event: StatusEvent) -> StatusEventInfo:
    """Return a status event as plain data."""
    return StatusEventInfo(
        id=event.id,
        article_id=event.article_id,
        action=action_for(event.from_status, event.to_status, event.note),
        from_status=event.from_status,
        to_status=event.to_status,
        actor=event.actor_name,
        actor_role=event.actor_role,
        note=event.note,
        created_at=event.created_at,
    )


class WorkflowService:
    """Status changes of articles; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def _article(self, session: Session, article_id: str) -> Article:
        ident = resolve_id(session, Article.id, article_id, "article")
        article = get_one(session, Article, ident, "article")
        assert isinstance(article, Article)
        return article

    def available_actions(self, article_id: str) -> list[str]:
        """Return the actions the acting person may take on the article now."""
        return [check.action for check in self.action_checks(article_id) if check.allowed]

    def action_checks(self, article_id: str) -> list[ActionCheck]:
        """Return, for every workflow action, whether the acting person may take it and why not."""
        with self.ctx.store.read() as session:
            article = self._article(session, article_id)
            owner = article.owner.name if article.owner else ""
            return check_actions(
                article.status,
                role=self.ctx.actor.role,
                is_owner=is_owner(owner, self.ctx.actor),
                trashed=article.deleted_at is not None,
            )

    def apply(self, article_id: str, action: str, note: str = "") -> ArticleDoc:
        """Take a workflow action (submit, take, approve, publish, return, spike, reopen,
        withdraw)."""
        with self.ctx.store.write() as session:
            article = self._article(session, article_id)
            transition_in(session, self.ctx, article, action, note)
            return article_doc(article, self.ctx.store.location.originals_dir)

    def events(self, article_id: str) -> list[StatusEventInfo]:
        """Return the article's status changes, oldest first."""
        with self.ctx.store.read() as session:
            ident = self._article(session, article_id).id
            rows = session.scalars(
                select(StatusEvent)
                .where(StatusEvent.article_id == ident)
                .order_by(StatusEvent.created_at, StatusEvent.id)
            )
            return [event_info(row) for row in rows]

    def can_edit(self, article_id: str) -> bool:
        """Tell whether the acting person may change the article's text now."""
        with self.ctx.store.read() as session:
            doc = article_doc(
                self._article(session, article_id), self.ctx.store.location.originals_dir
            )
        return can_edit(doc, self.ctx.actor)
