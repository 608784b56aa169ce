"""Status changes on a newsroom server: made by the server's own function, which checks them
against the same rules as workflow_rules and records each change and each refusal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import WorkflowError
from newsroom_desktop.core.models import Article, StatusEvent
from newsroom_desktop.core.server_people import signed_in_person
from newsroom_desktop.core.workflow_rules import check_transition

TRANSITION = text("SELECT newsroom_transition(:article, :action, :note, :at, :apply)")


def _refusal(
    code: str, stored: Article, is_owner: bool, actor: Actor, call: dict[str, object]
) -> WorkflowError:
    """Return the error for a refused change, worded as the local rules word it."""
    action = str(call["action"])
    try:
        check_transition(
            stored.status,
            action,
            role=actor.role,
            is_owner=is_owner,
            note=str(call["note"]),
            trashed=stored.deleted_at is not None,
        )
        error = WorkflowError(
            f"The newsroom server refused to {action} this article ({code}).", code=code
        )
    except WorkflowError as exc:
        error = exc

    def record_refusal(conn: Connection) -> None:
        # The caller's unit of work rolls back, and the refusal's audit row with it: ask the
        # server again, in a transaction of its own, to check (without applying) and record.
        conn.execute(TRANSITION, {**call, "apply": False})

    replay: Callable[[Connection], None] = record_refusal
    error.after_rollback = replay  # type: ignore[attr-defined]
    return error


def transition_on_server(
    session: Session,
    actor: Actor,
    article: Article,
    action: str,
    *,
    note: str,
    when: datetime | None,
) -> StatusEvent:
    """Move ``article`` with the server's newsroom_transition; return the event it wrote."""
    session.flush()  # the function reads the stored row: the caller's changes go first
    call: dict[str, object] = {"article": article.id, "action": action, "note": note, "at": when}
    result = session.execute(TRANSITION, {**call, "apply": True}).scalar_one()
    if result.startswith("!"):
        person = signed_in_person(session)
        raise _refusal(result[1:], article, article.owner_id == person.id, actor, call)
    session.refresh(article)  # status and published_at as the server set them
    event = session.get(StatusEvent, result)
    assert event is not None
    return event
