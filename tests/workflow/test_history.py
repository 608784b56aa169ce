"""Revision history: listing, opening, and restoring revisions without losing any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from newsroom_desktop.core.errors import NotFoundError, WorkflowError
from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import EDITOR, REPORTER

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _photo(tmp_path: Path, name: str = "anh.jpg") -> Path:
    path = tmp_path / name
    Image.new("RGB", (64, 48), (180, 40, 40)).save(path, "JPEG")
    return path


def _texts(nr: Newsroom, article_id: str) -> list[str]:
    return [r.body for r in nr.history.list(article_id)]


def test_list_is_newest_first_with_author_and_reason(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Tin nhanh", "body": "Một."})
    newsroom.articles.save(doc.id, {"body": "Hai."})
    newsroom.workflow.apply(doc.id, "submit")
    revs = newsroom.history.list(doc.id)
    assert [(r.number, r.reason, r.author) for r in revs] == [
        (3, "submit", "Ngọc Hậu"),
        (2, "save", "Ngọc Hậu"),
        (1, "create", "Ngọc Hậu"),
    ]
    assert all(r.created_at.tzinfo is not None for r in revs)


def test_a_revision_opens_by_id_prefix_number_or_name(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Tin nhanh", "body": "Một."})
    newsroom.workflow.apply(doc.id, "submit")
    newsroom.act_as(EDITOR)
    newsroom.articles.save(doc.id, {"body": "Một, đã sửa."}, reason="autosave")
    first = newsroom.history.list(doc.id)[-1]
    assert newsroom.history.get(first.id[:10]) == first
    assert newsroom.history.find(doc.id, 1) == first
    assert newsroom.history.find(doc.id, "1") == first
    assert newsroom.history.find(doc.id, first.id) == first
    assert newsroom.history.find(doc.id, "submitted").reason == "submit"
    current = newsroom.history.find(doc.id, "current")
    assert (current.id, current.number, current.body) == ("current", 0, "Một, đã sửa.\n")


def test_a_revision_of_another_article_is_not_found(newsroom: Newsroom):
    one = newsroom.articles.create({"headline": "Một"})
    two = newsroom.articles.create({"headline": "Hai"})
    rev = newsroom.history.list(two.id)[0]
    with pytest.raises(NotFoundError, match="another article"):
        newsroom.history.find(one.id, rev.id)
    with pytest.raises(NotFoundError, match="no revision 9"):
        newsroom.history.find(one.id, 9)
    with pytest.raises(NotFoundError, match="not been submitted"):
        newsroom.history.find(one.id, "submitted")


def test_restore_loses_nothing(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Tin", "body": "Bản một."})
    newsroom.articles.save(doc.id, {"body": "Bản hai."})
    newsroom.articles.save(doc.id, {"body": "Bản ba."}, reason="autosave")
    # A second autosave within minutes updates the article but writes no revision yet.
    newsroom.articles.save(doc.id, {"body": "Bản bốn, chưa lưu."}, reason="autosave")
    assert "Bản bốn, chưa lưu.\n" not in _texts(newsroom, doc.id)

    restored = newsroom.history.restore(doc.id, 1)

    assert restored.body == "Bản một.\n"
    assert newsroom.articles.get(doc.id).body == "Bản một.\n"
    revs = newsroom.history.list(doc.id)
    assert [r.reason for r in revs[:2]] == ["restore", "before-restore"]
    assert revs[1].body == "Bản bốn, chưa lưu.\n"
    assert set(_texts(newsroom, doc.id)) >= {
        "Bản một.\n",
        "Bản hai.\n",
        "Bản ba.\n",
        "Bản bốn, chưa lưu.\n",
    }
    # And the text restore replaced comes back the same way, as one more revision.
    back = newsroom.history.restore(doc.id, revs[1].id)
    assert back.body == "Bản bốn, chưa lưu.\n"
    assert [r.reason for r in newsroom.history.list(doc.id)[:3]] == [
        "restore",
        "restore",
        "before-restore",
    ]


def test_restoring_the_current_text_changes_nothing(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Tin", "body": "Bản một."})
    before = newsroom.history.list(doc.id)
    again = newsroom.history.restore(doc.id, 1)
    assert again.version == doc.version
    assert newsroom.history.list(doc.id) == before


def test_restore_brings_back_every_field_and_the_search_index(newsroom: Newsroom):
    doc = newsroom.articles.create(
        {
            "headline": "Hội thảo về Quy chế phối hợp",
            "section": "Thời sự",
            "lead": "Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo.",
            "body": "Đoạn gốc.",
            "byline": "Ngọc Hậu",
            "tags": ["Công an"],
        }
    )
    newsroom.articles.save(
        doc.id,
        {
            "headline": "Tiêu đề khác hẳn",
            "section": "Chính trị",
            "lead": "Sapo mới.",
            "body": "Đoạn mới.",
            "byline": "Phương Nam",
            "tags": ["Cần Thơ"],
            "language": "en",
        },
    )
    restored = newsroom.history.restore(doc.id, 1)
    assert (restored.headline, restored.section, restored.lead, restored.body) == (
        doc.headline,
        doc.section,
        doc.lead,
        doc.body,
    )
    assert (restored.byline, restored.tags, restored.language) == (doc.byline, doc.tags, "vi")
    assert restored.slug == doc.slug
    assert [s.id for s in newsroom.articles.search("quy che phoi hop")] == [doc.id]
    assert newsroom.articles.search("khac han") == []


def test_restore_brings_back_captions_and_a_removed_photo(newsroom: Newsroom, tmp_path: Path):
    doc = newsroom.articles.create({"headline": "Tin ảnh", "body": "Đoạn một."})
    (use,) = newsroom.photos.add(doc.id, [_photo(tmp_path)])
    newsroom.photos.update_use(doc.id, use.id, caption="Đại biểu tham dự tại điểm cầu Cần Thơ.")
    with_caption = newsroom.history.list(doc.id)[0]
    newsroom.photos.update_use(doc.id, use.id, caption="Chú thích sai.")
    newsroom.photos.remove(doc.id, use.id)
    assert newsroom.articles.get(doc.id).photos == ()

    restored = newsroom.history.restore(doc.id, with_caption.id)

    (back,) = restored.photos
    assert back.id == use.id
    assert back.photo_id == use.photo_id
    assert back.caption == "Đại biểu tham dự tại điểm cầu Cần Thơ."
    assert back.placed  # the body points at it again
    assert back.file is not None
    assert back.file.exists()


def test_restore_obeys_the_right_to_edit(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Tin", "body": "Bản một."})
    newsroom.articles.save(doc.id, {"body": "Bản hai."})
    newsroom.workflow.apply(doc.id, "submit")
    with pytest.raises(WorkflowError, match="returned to draft"):
        newsroom.history.restore(doc.id, 1)
    newsroom.act_as(EDITOR)
    assert newsroom.history.restore(doc.id, 1).body == "Bản một.\n"
    assert newsroom.history.list(doc.id)[0].author == EDITOR.name
    newsroom.act_as(REPORTER)
