"""Accepted tracked changes are kept in the store, against the submitted version they belong to."""

from __future__ import annotations

import pytest

from newsroom_desktop.core.body import blocks_text
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.tracked import track_paragraphs
from tests.conftest import EDITOR, REPORTER

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")

BODY = "Hội thảo trực tuyến về Quy chế phối hợp.\n\nTham dự có đồng chí Phó Bí thư Thường trực."


def _taken_and_edited(newsroom: Newsroom) -> tuple[str, str]:
    doc = newsroom.articles.create({"headline": "Hội thảo", "body": BODY})
    newsroom.workflow.apply(doc.id, "submit")
    newsroom.act_as(EDITOR)
    newsroom.workflow.apply(doc.id, "take")
    edited = BODY.replace("trực tuyến", "toàn quốc").replace(" Thường trực", "")
    newsroom.articles.save(doc.id, {"body": edited})
    base = newsroom.history.submitted_revision(doc.id)
    assert base is not None
    return doc.id, base.id


def _changes(newsroom: Newsroom, article_id: str, base_id: str):
    old = blocks_text(newsroom.history.get(base_id).body)
    new = blocks_text(newsroom.articles.get(article_id).body)
    return track_paragraphs(old, new, newsroom.accepts.accepted(article_id, base_id))


def test_an_accepted_change_no_longer_shows_and_the_others_do(newsroom: Newsroom):
    article_id, base_id = _taken_and_edited(newsroom)
    changes = _changes(newsroom, article_id, base_id)
    assert [(c.kind, c.text) for c in changes] == [
        ("delete", "trực tuyến"),
        ("insert", "toàn quốc"),
        ("delete", " Thường trực"),
    ]
    assert newsroom.accepts.accept(article_id, base_id, [changes[1].key]) == 1
    assert newsroom.accepts.accept(article_id, base_id, [changes[1].key]) == 0  # once is enough
    left = _changes(newsroom, article_id, base_id)
    assert [(c.kind, c.text) for c in left] == [
        ("delete", "trực tuyến"),
        ("delete", " Thường trực"),
    ]
    # A later edit elsewhere does not bring the accepted change back.
    body = newsroom.articles.get(article_id).body
    newsroom.articles.save(article_id, {"body": body.replace("Tham dự", "Dự")})
    kinds = [(c.kind, c.text.strip()) for c in _changes(newsroom, article_id, base_id)]
    assert ("insert", "toàn quốc") not in kinds
    assert ("insert", "Dự") in kinds


def test_a_new_submission_starts_with_nothing_accepted(newsroom: Newsroom):
    article_id, base_id = _taken_and_edited(newsroom)
    key = _changes(newsroom, article_id, base_id)[1].key
    newsroom.accepts.accept(article_id, base_id, [key])
    assert newsroom.accepts.accepted(article_id, base_id) == {key}
    newsroom.workflow.apply(article_id, "return", note="Xem lại đoạn hai.")
    newsroom.act_as(REPORTER)
    newsroom.workflow.apply(article_id, "submit")
    again = newsroom.history.submitted_revision(article_id)
    assert again is not None and again.id != base_id
    assert newsroom.accepts.accepted(article_id, again.id) == frozenset()
    assert newsroom.accepts.accepted(article_id, base_id) == {key}


def test_an_accept_against_another_articles_revision_is_refused(newsroom: Newsroom):
    article_id, base_id = _taken_and_edited(newsroom)
    other = newsroom.articles.create({"headline": "Khác", "body": "Một câu."})
    key = _changes(newsroom, article_id, base_id)[1].key
    with pytest.raises(NewsroomError):
        newsroom.accepts.accept(other.id, base_id, [key])
    assert newsroom.accepts.accepted(other.id, base_id) == frozenset()
