"""Notes: added with author and time, anchored to a passage or not, resolved and reopened."""

from __future__ import annotations

import unicodedata

import pytest

from newsroom_desktop.core.errors import NotFoundError, ValidationError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.note_info import anchor_present
from tests.conftest import EDITOR, REPORTER

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")

LEAD = "Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo trực tuyến."
BODY = "Tham dự tại điểm cầu Công an thành phố Cần Thơ có **đồng chí** Phạm Văn Hiểu."


def test_a_note_records_its_author_time_and_passage(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo", "lead": LEAD, "body": BODY})
    newsroom.act_as(EDITOR)
    note = newsroom.notes.add(
        doc.id,
        unicodedata.normalize("NFD", "Kiểm tra lại chức danh."),
        anchor_field="lead",
        anchor_text=unicodedata.normalize("NFD", "Trung tướng Trần Quốc Tỏ"),
    )
    assert note.text == "Kiểm tra lại chức danh."
    assert note.anchor_text == "Trung tướng Trần Quốc Tỏ"
    assert (note.author, note.anchor_field, note.resolved) == ("Phương Nam", "lead", False)
    assert note.created_at.tzinfo is not None
    assert newsroom.notes.list(doc.id) == [note]
    assert newsroom.notes.get(note.id[:8]) == note


def test_notes_without_an_anchor_and_in_order(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo"})
    newsroom.act_as(EDITOR)
    first = newsroom.notes.add(doc.id, "Cần thêm ảnh.")
    newsroom.act_as(REPORTER)
    second = newsroom.notes.add(doc.id, "Đã gửi ảnh qua Zalo.")
    assert [n.id for n in newsroom.notes.list(doc.id)] == [first.id, second.id]
    assert not first.anchored
    assert [n.author for n in newsroom.notes.list(doc.id)] == ["Phương Nam", "Ngọc Hậu"]


def test_resolve_and_reopen(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo"})
    open_note = newsroom.notes.add(doc.id, "Còn mở.")
    note = newsroom.notes.add(doc.id, "Sửa tên đại biểu.")
    newsroom.act_as(EDITOR)
    resolved = newsroom.notes.resolve(note.id)
    assert resolved.resolved
    assert resolved.resolved_by == "Phương Nam"
    assert resolved.resolved_at is not None
    assert newsroom.notes.list(doc.id, include_resolved=False) == [open_note]
    assert len(newsroom.notes.list(doc.id)) == 2
    # Resolving again keeps who resolved it first and when.
    newsroom.act_as(REPORTER)
    assert newsroom.notes.resolve(note.id) == resolved
    reopened = newsroom.notes.reopen(note.id)
    assert (reopened.resolved, reopened.resolved_by) == (False, "")
    assert len(newsroom.notes.list(doc.id, include_resolved=False)) == 2


def test_bad_notes_are_refused(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo"})
    with pytest.raises(ValidationError, match="needs some text"):
        newsroom.notes.add(doc.id, "  \n ")
    with pytest.raises(ValidationError, match="not 'slug'"):
        newsroom.notes.add(doc.id, "Ghi chú", anchor_field="slug", anchor_text="x")
    with pytest.raises(ValidationError, match="which field"):
        newsroom.notes.add(doc.id, "Ghi chú", anchor_text="Hội thảo")
    with pytest.raises(NotFoundError):
        newsroom.notes.add("ffffffff", "Ghi chú")
    with pytest.raises(NotFoundError):
        newsroom.notes.resolve("ffffffff")
    assert newsroom.notes.list(doc.id) == []


def test_the_anchor_is_found_while_its_passage_stays(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo", "lead": LEAD, "body": BODY})
    in_body = newsroom.notes.add(doc.id, "Ghi rõ họ tên.", "body", "có đồng chí Phạm Văn Hiểu")
    in_lead = newsroom.notes.add(doc.id, "Ngày nào?", "lead", "Sáng 07/9")
    loose = newsroom.notes.add(doc.id, "Bài tốt.")
    assert anchor_present(in_body, doc)
    assert anchor_present(in_lead, doc)
    assert anchor_present(loose, doc)
    edited = newsroom.articles.save(doc.id, {"lead": "Sáng 8/9, Hội thảo diễn ra."}).article
    assert not anchor_present(in_lead, edited)
    assert anchor_present(in_body, edited)


def test_notes_go_with_their_article(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hội thảo"})
    note = newsroom.notes.add(doc.id, "Ghi chú.")
    newsroom.articles.trash(doc.id)
    newsroom.articles.empty_trash()
    with pytest.raises(NotFoundError):
        newsroom.notes.get(note.id)


def test_open_notes_of_many_articles_leave_resolved_ones_and_quiet_articles_out(
    newsroom: Newsroom,
):
    first = newsroom.articles.create({"headline": "Hội thảo"})
    second = newsroom.articles.create({"headline": "Tin ngắn"})
    quiet = newsroom.articles.create({"headline": "Không ghi chú"})
    newsroom.act_as(EDITOR)
    kept = newsroom.notes.add(first.id, "Kiểm tra số liệu.")
    done = newsroom.notes.add(first.id, "Thêm nguồn.")
    newsroom.notes.resolve(done.id)
    other = newsroom.notes.add(second.id, "Sửa tiêu đề.")
    found = newsroom.notes.open_notes([first.id, second.id, quiet.id])
    assert found == {first.id: [kept], second.id: [other]}
