"""core.exports: the export time, and publishing an approved article, in one transaction."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from newsroom_desktop.core.models import Article, StatusEvent
from newsroom_desktop.core.workflow_rules import publishes_on_export
from tests.conftest import EDITOR, REPORTER

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def test_record_export_publishes_only_a_ready_article(newsroom, sample_doc):
    when = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    doc = newsroom.exports.record_export(sample_doc.id, "pdf", when=when)
    assert (doc.status, doc.exported_at, doc.published_at) == ("draft", when, None)
    # The set-up approves it directly (on a server, as its owner: only the workflow moves it).
    with getattr(newsroom, "owner", newsroom).store.write() as session:
        session.get(Article, sample_doc.id).status = "ready"
    # A reporter's export of an approved article is a preview: only an editor publishes.
    reporters = newsroom.exports.record_export(sample_doc.id, "pdf", when=when)
    assert (reporters.status, reporters.published_at) == ("ready", None)
    newsroom.act_as(EDITOR)
    later = datetime(2024, 5, 2, 8, 0, tzinfo=UTC)
    doc = newsroom.exports.record_export(sample_doc.id, "pdf", when=later)
    assert (doc.status, doc.published_at, doc.exported_at) == ("published", later, later)
    again = newsroom.exports.record_export(sample_doc.id, "html")
    assert again.status == "published"
    assert again.published_at == later
    assert again.exported_at > later
    with newsroom.store.read() as session:
        assert session.scalar(select(func.count()).select_from(StatusEvent)) == 1
        event = session.scalars(select(StatusEvent)).one()
    assert (event.note, event.actor_name, event.actor_role) == (
        "exported as pdf",
        "Phương Nam",
        "editor",
    )


def test_only_an_editor_exporting_an_approved_article_publishes():
    assert publishes_on_export("ready", EDITOR)
    assert not publishes_on_export("ready", REPORTER)
    assert not publishes_on_export("editing", EDITOR)
    assert not publishes_on_export("published", EDITOR)


def test_a_batch_reads_each_article_as_one_read_does(newsroom, sample_doc):
    plain = newsroom.articles.create(
        {"headline": "Tin", "section": "Thời sự", "tags": ["Xã hội", "An ninh", "Cà Mau"]}
    ).id
    bare = newsroom.articles.create({"headline": ""}).id
    trashed = newsroom.articles.create({"headline": "Bỏ", "lead": "Sapo", "byline": "Hậu"}).id
    newsroom.articles.trash(trashed)
    newsroom.act_as(EDITOR)
    newsroom.exports.record_export(plain, "html")
    ids = [trashed, sample_doc.id, plain, "no-such-id", bare, plain]
    expected = [newsroom.articles.get(i) for i in ids if i != "no-such-id"]
    assert newsroom.exports.documents(ids) == expected
    assert expected[2].tags == ("An ninh", "Cà Mau", "Xã hội")  # as the relationship orders
    assert expected[1].photos  # the sample's photos: read through the ORM
