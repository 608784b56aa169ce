"""Who may move an article between statuses and who may edit it: pure rules over records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from newsroom_desktop.core.documents import Actor, ArticleDoc
from newsroom_desktop.core.errors import ValidationError, WorkflowError
from newsroom_desktop.core.text import clean, clean_line

# Colours the article list shows each status in (the UI may adapt them to a dark theme).
STATUS_COLOURS = {
    "draft": "#6e7781",
    "submitted": "#0969da",
    "editing": "#bf8700",
    "ready": "#1a7f37",
    "published": "#8250df",
    "spiked": "#cf222e",
}


@dataclass(frozen=True)
class Transition:
    """One action of the workflow: from which statuses, to which, and who may take it.

    An editor may take every action but an ``owner_only`` one on another's article. A reporter
    may take an action marked ``owner_may`` on their own article, and no other. A
    ``milestone`` always writes a revision, so that the text as submitted or approved can be
    found and compared later; other actions write one only if the text changed since the last
    revision.
    """

    action: str
    sources: tuple[str, ...]
    target: str
    owner_may: bool = False
    milestone: bool = False
    note_required: bool = False
    owner_only: bool = False
    # Withdrawing keeps no note: its event is told from a return (which always has one) by that.
    keeps_note: bool = True


TRANSITIONS: tuple[Transition, ...] = (
    Transition("submit", ("draft",), "submitted", owner_may=True, milestone=True),
    # A reporter takes back a submission while no editor has taken it (then it is "editing").
    Transition(
        "withdraw", ("submitted",), "draft", owner_may=True, owner_only=True, keeps_note=False
    ),
    Transition("take", ("submitted",), "editing"),
    Transition("approve", ("submitted", "editing"), "ready", milestone=True),
    Transition("publish", ("ready",), "published", milestone=True),
    Transition("return", ("submitted", "editing", "ready"), "draft", note_required=True),
    Transition(
        "spike", ("draft", "submitted", "editing", "ready", "published"), "spiked", owner_may=True
    ),
    Transition("reopen", ("spiked",), "draft"),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}
ACTIONS = tuple(BY_ACTION)

_EDITOR_ONLY = {
    "take": "take an article for editing",
    "approve": "approve an article",
    "publish": "publish an article",
    "return": "return an article to draft",
    "reopen": "reopen a spiked article",
}
_NOUN = {
    "draft": "A draft",
    "submitted": "A submitted article",
    "editing": "An article being edited",
    "ready": "An article ready to publish",
    "published": "A published article",
    "spiked": "A spiked article",
}
_STATE = {
    "draft": "a draft",
    "submitted": "submitted",
    "editing": "being edited",
    "ready": "ready to publish",
    "published": "published",
    "spiked": "spiked",
}
_DONE = {
    "submit": "submitted",
    "take": "taken for editing",
    "approve": "approved",
    "publish": "published",
    "return": "returned to draft",
    "spike": "spiked",
    "reopen": "reopened",
    "withdraw": "withdrawn",
}
_HINT = {
    "submit": "only a draft can be submitted",
    "take": "only a submitted article can be taken for editing",
    "approve": "only a submitted article or one being edited can be approved",
    "publish": "it must be approved first",
    "return": "only a submitted article, one being edited or one ready can be returned",
    "reopen": "only a spiked article can be reopened",
    "withdraw": "only a submitted article can be withdrawn",
}


@dataclass(frozen=True)
class StatusEventInfo:
    """One status change: what was done, from which status to which, by whom, when and why."""

    id: str
    article_id: str
    action: str
    from_status: str
    to_status: str
    actor: str
    actor_role: str
    note: str
    created_at: datetime


# Statuses in which an article is on an editor's desk: who took it is worth showing.
TAKEN_STATUSES = ("editing", "ready")
# Statuses in which the reporter's message on submitting is still news to the desk.
SUBMITTED_STATUSES = ("submitted", "editing")


def taken_by(events: Sequence[StatusEventInfo], status: str) -> str:
    """Return who took the article for editing, while it is on the desk ("" otherwise)."""
    if status not in TAKEN_STATUSES:
        return ""
    return next((e.actor for e in reversed(events) if e.to_status == "editing"), "")


def submit_message(events: Sequence[StatusEventInfo], status: str) -> StatusEventInfo | None:
    """Return the last submission if it came with a message the desk should read, else None."""
    if status not in SUBMITTED_STATUSES:
        return None
    last = next((e for e in reversed(events) if e.to_status == "submitted"), None)
    return last if last is not None and last.note else None


def action_for(from_status: str, to_status: str, note: str | None = None) -> str:
    """Return the action that moves an article from one status to another ("" if none).

    Returning and withdrawing both take a submitted article back to draft; a return always
    has a note and a withdrawal never, so given the event's ``note``, an empty one tells a
    withdrawal.
    """
    if (from_status, to_status) == ("submitted", "draft") and note is not None and not note:
        return "withdraw"
    return next(
        (
            t.action
            for t in TRANSITIONS
            if t.target == to_status and from_status in t.sources and not t.owner_only
        ),
        "",
    )


def _state_message(status: str, transition: Transition) -> str:
    if status == "spiked":
        hint = "it must be reopened first"
    elif status == transition.target:
        hint = f"it is {_STATE[status]} already"
    elif status == "draft" and transition.action in ("take", "approve"):
        hint = "it must be submitted first"
    elif transition.action == "withdraw" and status in TAKEN_STATUSES:
        hint = "an editor has taken it already"
    else:
        hint = _HINT[transition.action]
    return f"{_NOUN[status]} cannot be {_DONE[transition.action]}; {hint}."


def event_note(action: str, note: str) -> str:
    """Return the note a status event of ``action`` keeps (cleaned; none for a withdrawal)."""
    transition = BY_ACTION.get(action)
    return clean(note).strip() if transition is None or transition.keeps_note else ""


def check_transition(
    status: str,
    action: str,
    *,
    role: str,
    is_owner: bool,
    note: str = "",
    trashed: bool = False,
) -> Transition:
    """Return the transition ``action`` stands for, or raise WorkflowError saying why not."""
    transition = BY_ACTION.get(action)
    if transition is None:
        raise ValidationError(f"Unknown action {action!r}; use one of {', '.join(ACTIONS)}.")
    if trashed:
        raise WorkflowError(
            "The article is in the trash; restore it before changing its status.",
            code="workflow_trashed",
        )
    if role != "editor" and not transition.owner_may:
        raise WorkflowError(f"Only an editor can {_EDITOR_ONLY[action]}.", code="workflow_role")
    if role != "editor" and not is_owner:
        raise WorkflowError(
            f"A reporter can {action} only their own articles.", code="workflow_owner"
        )
    if transition.owner_only and not is_owner:
        raise WorkflowError(
            f"Only the reporter who owns the article can {action} it.", code="workflow_owner"
        )
    if status not in transition.sources:
        raise WorkflowError(_state_message(status, transition), code="workflow_state")
    if transition.note_required and not clean(note).strip():
        raise WorkflowError(
            "Returning an article to draft needs a note saying why.", code="workflow_note"
        )
    return transition


@dataclass(frozen=True)
class ActionCheck:
    """Whether a person may take one action on an article now, and if not, why not.

    ``code`` is the refusal's stable code ("" when allowed) for the UI to word it; ``reason``
    is the core's English sentence.
    """

    action: str
    code: str = ""
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return not self.code


def check_actions(
    status: str, *, role: str, is_owner: bool, trashed: bool = False
) -> list[ActionCheck]:
    """Return, for every action in the workflow's order, whether this person may take it now."""
    out = []
    for transition in TRANSITIONS:
        try:
            check_transition(
                status, transition.action, role=role, is_owner=is_owner, note="-", trashed=trashed
            )
        except WorkflowError as exc:
            out.append(ActionCheck(transition.action, exc.code, exc.message))
            continue
        out.append(ActionCheck(transition.action))
    return out


def allowed_actions(status: str, *, role: str, is_owner: bool, trashed: bool = False) -> list[str]:
    """Return the actions this person may take on an article in ``status`` (notes aside)."""
    checks = check_actions(status, role=role, is_owner=is_owner, trashed=trashed)
    return [check.action for check in checks if check.allowed]


APPROVED = "ready"


def publishes_on_export(status: str, actor: Actor) -> bool:
    """Tell whether exporting an article in ``status`` by ``actor`` publishes it (not a preview)."""
    # Only an editor publishes: the same rule as the workflow's "publish". When anyone else
    # exports an approved article it is a preview, as for any other status.
    return status == APPROVED and actor.is_editor


def is_owner(owner_name: str, actor: Actor) -> bool:
    """Tell whether ``actor`` is the person named as an article's owner."""
    return bool(owner_name) and owner_name == clean_line(actor.name)


def edit_refusal(
    *, headline: str, status: str, owner: str, trashed: bool, actor: Actor
) -> WorkflowError | None:
    """Return why ``actor`` may not change an article's text now, or None if they may.

    Reporters edit their own drafts; editors edit anything but a spiked article (a published
    one only to correct it). Nobody edits an article in the trash.
    """
    name = f"“{headline}”" if headline else "This article"
    if trashed:
        return WorkflowError(
            f"{name} is in the trash; restore it before editing.", code="workflow_trashed"
        )
    if status == "spiked":
        return WorkflowError(
            f"{name} is spiked; an editor must reopen it before it can be edited.",
            code="workflow_state",
        )
    if actor.role == "editor":
        return None
    if not is_owner(owner, actor):
        whose = f" belongs to {owner}" if owner else " has no owner"
        return WorkflowError(
            f"{name}{whose}; a reporter can edit only their own articles.", code="workflow_owner"
        )
    if status != "draft":
        return WorkflowError(
            f"{name} is {_STATE[status]}; a reporter can edit it again only when it is "
            "returned to draft.",
            code="workflow_state",
        )
    return None


def doc_edit_refusal(doc: ArticleDoc, actor: Actor) -> WorkflowError | None:
    """Return why ``actor`` may not change ``doc`` now, or None if they may."""
    return edit_refusal(
        headline=doc.headline,
        status=doc.status,
        owner=doc.owner,
        trashed=doc.deleted_at is not None,
        actor=actor,
    )


def check_edit(doc: ArticleDoc, actor: Actor) -> None:
    """Raise WorkflowError if ``actor`` may not change the article's text now."""
    refusal = doc_edit_refusal(doc, actor)
    if refusal is not None:
        raise refusal


def can_edit(doc: ArticleDoc, actor: Actor) -> bool:
    """Tell whether ``actor`` may change the article's text now."""
    return doc_edit_refusal(doc, actor) is None
