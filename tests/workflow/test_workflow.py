"""The status workflow: every role × status × action, messages, events, revisions, edit rights."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import ValidationError, WorkflowError
from newsroom_desktop.core.models import Article, StatusEvent
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.vocabulary import STATUSES
from newsroom_desktop.core.workflow import check_edit_in, transition_in
from newsroom_desktop.core.workflow_rules import (
    ACTIONS,
    STATUS_COLOURS,
    action_for,
    can_edit,
    check_actions,
    check_edit,
    submit_message,
    taken_by,
)
from tests.conftest import EDITOR, REPORTER
from tests.workflow.conftest import NOTE, OTHER_REPORTER, article_in_status

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")

# The workflow as the issue and DESIGN.md state it, written out independently of the code:
# (status, action) -> the status it leads to.
MOVES = {
    ("draft", "submit"): "submitted",
    ("submitted", "take"): "editing",
    ("submitted", "approve"): "ready",
    ("editing", "approve"): "ready",
    ("ready", "publish"): "published",
    ("submitted", "return"): "draft",
    ("editing", "return"): "draft",
    ("ready", "return"): "draft",
    ("draft", "spike"): "spiked",
    ("submitted", "spike"): "spiked",
    ("editing", "spike"): "spiked",
    ("ready", "spike"): "spiked",
    ("published", "spike"): "spiked",
    ("spiked", "reopen"): "draft",
    ("submitted", "withdraw"): "draft",
}
REPORTER_MAY = {"submit", "spike", "withdraw"}  # and only on their own articles
OWNER_ONLY = {"withdraw"}  # not even an editor takes it on another's article
PEOPLE = {"owner reporter": REPORTER, "other reporter": OTHER_REPORTER, "editor": EDITOR}


def _expected(who: str, status: str, action: str) -> str | None:
    target = MOVES.get((status, action))
    if target is None:
        return None
    if action in OWNER_ONLY:
        return target if who == "owner reporter" else None
    if who == "editor" or (who == "owner reporter" and action in REPORTER_MAY):
        return target
    return None


def _events(nr: Newsroom, article_id: str) -> list[StatusEvent]:
    with nr.store.read() as s:
        return list(s.scalars(select(StatusEvent).where(StatusEvent.article_id == article_id)))


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("who", list(PEOPLE))
def test_role_by_transition_matrix(shared_newsroom: Newsroom, who: str, status: str, action: str):
    nr = shared_newsroom
    article_id = article_in_status(nr, status)
    nr.act_as(PEOPLE[who])
    expected = _expected(who, status, action)
    assert (action in nr.workflow.available_actions(article_id)) == (expected is not None)
    if expected is None:
        with pytest.raises(WorkflowError) as info:
            nr.workflow.apply(article_id, action, NOTE)
        assert info.value.code in ("workflow_role", "workflow_owner", "workflow_state")
        assert nr.articles.get(article_id).status == status
        assert _events(nr, article_id) == []
        return
    doc = nr.workflow.apply(article_id, action, NOTE)
    assert doc.status == expected
    assert nr.articles.get(article_id).status == expected
    (event,) = nr.workflow.events(article_id)
    assert (event.action, event.from_status, event.to_status) == (action, status, expected)
    assert (event.actor, event.actor_role) == (PEOPLE[who].name, PEOPLE[who].role)
    assert event.note == ("" if action == "withdraw" else NOTE)  # a withdrawal keeps no note
    assert event.created_at.tzinfo is not None


REFUSALS = [
    (EDITOR, "draft", "publish", "A draft cannot be published; it must be approved first."),
    (REPORTER, "ready", "approve", "Only an editor can approve an article."),
    (REPORTER, "ready", "publish", "Only an editor can publish an article."),
    (OTHER_REPORTER, "draft", "spike", "A reporter can spike only their own articles."),
    (OTHER_REPORTER, "draft", "submit", "A reporter can submit only their own articles."),
    (EDITOR, "draft", "approve", "A draft cannot be approved; it must be submitted first."),
    (
        EDITOR,
        "spiked",
        "publish",
        "A spiked article cannot be published; it must be reopened first.",
    ),
    (
        EDITOR,
        "ready",
        "approve",
        "An article ready to publish cannot be approved; it is ready to publish already.",
    ),
    (
        REPORTER,
        "submitted",
        "submit",
        "A submitted article cannot be submitted; it is submitted already.",
    ),
    (
        EDITOR,
        "published",
        "return",
        "A published article cannot be returned to draft; only a submitted article, "
        "one being edited or one ready can be returned.",
    ),
]


@pytest.mark.parametrize(("who", "status", "action", "message"), REFUSALS)
def test_refusals_say_why_in_one_clear_line(
    shared_newsroom: Newsroom, who: Actor, status: str, action: str, message: str
):
    article_id = article_in_status(shared_newsroom, status)
    shared_newsroom.act_as(who)
    with pytest.raises(WorkflowError) as info:
        shared_newsroom.workflow.apply(article_id, action)
    assert info.value.message == message


def test_returning_to_draft_needs_a_note(shared_newsroom: Newsroom):
    article_id = article_in_status(shared_newsroom, "editing")
    shared_newsroom.act_as(EDITOR)
    with pytest.raises(WorkflowError, match="needs a note") as info:
        shared_newsroom.workflow.apply(article_id, "return", "   ")
    assert info.value.code == "workflow_note"
    assert shared_newsroom.articles.get(article_id).status == "editing"
    assert shared_newsroom.workflow.apply(article_id, "return", NOTE).status == "draft"


def test_unknown_action_is_refused(shared_newsroom: Newsroom):
    article_id = article_in_status(shared_newsroom, "draft")
    with pytest.raises(ValidationError, match="Unknown action 'kill'"):
        shared_newsroom.workflow.apply(article_id, "kill")


def test_an_article_in_the_trash_keeps_its_status(shared_newsroom: Newsroom):
    article_id = article_in_status(shared_newsroom, "ready")
    shared_newsroom.articles.trash(article_id)
    shared_newsroom.act_as(EDITOR)
    assert shared_newsroom.workflow.available_actions(article_id) == []
    with pytest.raises(WorkflowError, match="trash"):
        shared_newsroom.workflow.apply(article_id, "publish")


def test_a_whole_review_is_recorded_event_by_event(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo trực tuyến", "body": "Đoạn một."})
    newsroom.workflow.apply(doc.id, "submit")
    newsroom.act_as(EDITOR)
    newsroom.workflow.apply(doc.id, "take")
    newsroom.workflow.apply(doc.id, "return", "Thêm ảnh và chú thích.")
    newsroom.act_as(REPORTER)
    newsroom.workflow.apply(doc.id, "submit", "Đã thêm ảnh.")
    newsroom.act_as(EDITOR)
    newsroom.workflow.apply(doc.id, "approve")
    published = newsroom.workflow.apply(doc.id, "publish")
    events = newsroom.workflow.events(doc.id)
    assert [e.action for e in events] == [
        "submit",
        "take",
        "return",
        "submit",
        "approve",
        "publish",
    ]
    nam, hau = EDITOR.name, REPORTER.name
    assert [e.actor for e in events] == [hau, nam, nam, hau, nam, nam]
    assert events[2].note == "Thêm ảnh và chú thích."
    assert all(a.created_at <= b.created_at for a, b in itertools.pairwise(events))
    assert published.published_at is not None
    assert published.published_at == events[-1].created_at


def test_submit_and_approve_always_leave_a_revision(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Bản tin", "body": "Nội dung."})
    newsroom.workflow.apply(doc.id, "submit")
    newsroom.act_as(EDITOR)
    newsroom.workflow.apply(doc.id, "take")  # nothing changed: no revision for taking
    newsroom.workflow.apply(doc.id, "approve")  # unchanged text, still a milestone
    revs = newsroom.history.list(doc.id)
    assert [(r.reason, r.author) for r in revs] == [
        ("approve", "Phương Nam"),
        ("submit", "Ngọc Hậu"),
        ("create", "Ngọc Hậu"),
    ]
    assert newsroom.history.submitted_revision(doc.id) == revs[1]


def test_editor_edits_are_kept_when_the_article_is_returned(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Bản tin", "body": "Nội dung gốc."})
    newsroom.workflow.apply(doc.id, "submit")
    newsroom.act_as(EDITOR)
    newsroom.workflow.apply(doc.id, "take")
    newsroom.articles.save(doc.id, {"body": "Nội dung đã sửa."}, reason="autosave")
    newsroom.articles.save(doc.id, {"body": "Nội dung đã sửa lần hai."}, reason="autosave")
    newsroom.workflow.apply(doc.id, "return", NOTE)
    latest = newsroom.history.list(doc.id)[0]
    assert latest.reason == "return"
    assert latest.body == "Nội dung đã sửa lần hai.\n"


def test_transition_in_lets_another_unit_of_work_publish(newsroom: Newsroom):
    article_id = article_in_status(newsroom, "ready")
    newsroom.act_as(EDITOR)
    when = datetime(2021, 9, 7, 0, 0, tzinfo=UTC)
    with newsroom.store.write() as session:
        article = session.get(Article, article_id)
        assert article is not None
        event = transition_in(session, newsroom.ctx, article, "publish", when=when)
        assert event.to_status == "published"
    doc = newsroom.articles.get(article_id)
    assert doc.status == "published"
    assert doc.published_at == when
    assert newsroom.workflow.events(article_id)[0].action == "publish"


def test_transition_in_refuses_a_reporter_and_changes_nothing(newsroom: Newsroom):
    article_id = article_in_status(newsroom, "ready")
    with newsroom.store.write() as session:
        article = session.get(Article, article_id)
        assert article is not None
        with pytest.raises(WorkflowError):
            transition_in(session, newsroom.ctx, article, "publish")
    assert newsroom.articles.get(article_id).status == "ready"


def test_every_action_says_whether_it_may_run_and_why_not():
    checks = {c.action: c for c in check_actions("published", role="editor", is_owner=False)}
    assert list(checks) == list(ACTIONS)
    assert [a for a, c in checks.items() if c.allowed] == ["spike"]
    assert (checks["submit"].code, checks["submit"].reason) == (
        "workflow_state",
        "A published article cannot be submitted; only a draft can be submitted.",
    )
    reporter = {c.action: c for c in check_actions("draft", role="reporter", is_owner=True)}
    assert reporter["approve"].code == "workflow_role"
    assert reporter["submit"].allowed and reporter["submit"].code == ""
    other = {c.action: c for c in check_actions("draft", role="reporter", is_owner=False)}
    assert other["submit"].code == "workflow_owner"
    trashed = check_actions("ready", role="editor", is_owner=False, trashed=True)
    assert {c.code for c in trashed} == {"workflow_trashed"}


def test_the_owner_withdraws_a_submission_until_an_editor_takes_it(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo", "body": "Nội dung."})
    newsroom.workflow.apply(doc.id, "submit", "Anh xem giúp đoạn hai.")
    assert "withdraw" in newsroom.workflow.available_actions(doc.id)
    assert newsroom.workflow.apply(doc.id, "withdraw").status == "draft"
    assert can_edit(newsroom.articles.get(doc.id), REPORTER)
    submitted, withdrawn = newsroom.workflow.events(doc.id)
    assert (submitted.action, submitted.note) == ("submit", "Anh xem giúp đoạn hai.")
    assert (withdrawn.action, withdrawn.actor, withdrawn.note) == ("withdraw", REPORTER.name, "")
    # Once an editor has taken it, it is theirs to return.
    newsroom.workflow.apply(doc.id, "submit")
    newsroom.act_as(EDITOR)
    with pytest.raises(WorkflowError) as info:
        newsroom.workflow.apply(doc.id, "withdraw")
    assert info.value.code == "workflow_owner"
    assert info.value.message == "Only the reporter who owns the article can withdraw it."
    newsroom.workflow.apply(doc.id, "take")
    newsroom.act_as(REPORTER)
    with pytest.raises(WorkflowError) as info:
        newsroom.workflow.apply(doc.id, "withdraw")
    assert info.value.message == (
        "An article being edited cannot be withdrawn; an editor has taken it already."
    )
    assert newsroom.articles.get(doc.id).status == "editing"


def test_who_took_it_and_the_message_on_submitting(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo", "body": "Nội dung."})
    newsroom.workflow.apply(doc.id, "submit", "Ảnh thứ hai chưa có chú thích.")
    events = newsroom.workflow.events(doc.id)
    assert submit_message(events, "submitted") == events[-1]
    assert taken_by(events, "submitted") == ""
    newsroom.act_as(EDITOR)
    newsroom.workflow.apply(doc.id, "take")
    events = newsroom.workflow.events(doc.id)
    assert taken_by(events, "editing") == EDITOR.name
    assert submit_message(events, "editing") is not None
    (summary,) = newsroom.articles.summaries([doc.id])
    assert summary.taken_by == EDITOR.name
    newsroom.workflow.apply(doc.id, "approve")
    (summary,) = newsroom.articles.summaries([doc.id])
    assert summary.taken_by == EDITOR.name  # still the editor's on the desk, ready
    newsroom.workflow.apply(doc.id, "publish")
    (summary,) = newsroom.articles.summaries([doc.id])
    assert summary.taken_by == ""
    assert submit_message(newsroom.workflow.events(doc.id), "published") is None


def test_action_is_named_from_the_two_statuses():
    assert action_for("spiked", "draft") == "reopen"
    assert action_for("editing", "draft") == "return"
    assert action_for("submitted", "ready") == "approve"
    assert action_for("published", "ready") == ""
    # Back from submitted to draft: a return has a note, a withdrawal none.
    assert action_for("submitted", "draft") == "return"
    assert action_for("submitted", "draft", "Thiếu nguồn.") == "return"
    assert action_for("submitted", "draft", "") == "withdraw"


def test_every_status_has_a_distinct_colour():
    assert set(STATUS_COLOURS) == set(STATUSES)
    assert len(set(STATUS_COLOURS.values())) == len(STATUSES)


# Who may edit the text, by status: reporters their own drafts, editors anything not spiked.
EDIT_RIGHTS = {
    "draft": {"owner reporter", "editor"},
    "submitted": {"editor"},
    "editing": {"editor"},
    "ready": {"editor"},
    "published": {"editor"},
    "spiked": set(),
}


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("who", list(PEOPLE))
def test_edit_rights(shared_newsroom: Newsroom, who: str, status: str):
    doc = shared_newsroom.articles.get(article_in_status(shared_newsroom, status))
    allowed = who in EDIT_RIGHTS[status]
    assert can_edit(doc, PEOPLE[who]) is allowed
    shared_newsroom.act_as(PEOPLE[who])
    assert shared_newsroom.workflow.can_edit(doc.id) is allowed
    if not allowed:
        with pytest.raises(WorkflowError, match="“Tăng cường sự lãnh đạo của Đảng”"):
            check_edit(doc, PEOPLE[who])
    with shared_newsroom.store.read() as session:
        article = session.get(Article, doc.id)
        assert article is not None
        if allowed:
            check_edit_in(article, PEOPLE[who])
        else:
            with pytest.raises(WorkflowError):
                check_edit_in(article, PEOPLE[who])


def test_nobody_edits_an_article_in_the_trash(shared_newsroom: Newsroom):
    article_id = article_in_status(shared_newsroom, "draft")
    shared_newsroom.articles.trash(article_id)
    doc = shared_newsroom.articles.get(article_id)
    assert not can_edit(doc, EDITOR)
    with pytest.raises(WorkflowError, match="trash"):
        check_edit(doc, REPORTER)
