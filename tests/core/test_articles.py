"""Articles and revisions: create, save, NFC, identical saves, conflicts, list, trash, ids."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pytest

from newsroom_desktop.core.documents import ListQuery
from newsroom_desktop.core.errors import (
    ConflictError,
    NotFoundError,
    ValidationError,
)
from newsroom_desktop.core.models import Revision
from newsroom_desktop.core.newsroom import Newsroom

# Every test taking the `newsroom` fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")

HEADLINE = "Tăng cường sự lãnh đạo của Đảng đối với lực lượng Công an Nhân dân"


def _revisions(nr: Newsroom, article_id: str) -> list[Revision]:
    from sqlalchemy import select

    with nr.store.read() as s:
        return list(
            s.scalars(
                select(Revision).where(Revision.article_id == article_id).order_by(Revision.number)
            )
        )


def test_create_stores_every_field(newsroom: Newsroom):
    doc = newsroom.articles.create(
        {
            "headline": HEADLINE,
            "section": "ĐẢNG ỦY TRỰC THUỘC THÀNH ỦY",
            "lead": "Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo.",
            "body": "Đoạn một.\n\nĐoạn hai.",
            "byline": "Ngọc Hậu",
            "language": "vi",
            "tags": ["Công an", "Cần Thơ", "công an"],
        },
        updated_at=datetime(2021, 9, 6, 23, 59, tzinfo=UTC),
    )
    got = newsroom.articles.get(doc.id)
    assert got.headline == HEADLINE
    assert got.section == "ĐẢNG ỦY TRỰC THUỘC THÀNH ỦY"
    assert got.body == "Đoạn một.\n\nĐoạn hai.\n"
    assert got.tags == ("Công an", "Cần Thơ")
    assert got.status == "draft"
    assert got.owner == "Ngọc Hậu"
    assert got.slug.startswith("tang-cuong-su-lanh-dao-cua-dang")
    assert got.updated_at == datetime(2021, 9, 6, 23, 59, tzinfo=UTC)
    assert got.updated_at.tzinfo is not None
    assert got.word_count == 11 + 4  # lead syllables + body syllables
    assert len(_revisions(newsroom, doc.id)) == 1


def test_nfd_text_is_stored_as_nfc(newsroom: Newsroom):
    nfd = unicodedata.normalize("NFD", HEADLINE)
    doc = newsroom.articles.create(
        {"headline": nfd, "body": unicodedata.normalize("NFD", "Đảng ủy")}
    )
    got = newsroom.articles.get(doc.id)
    assert got.headline == HEADLINE
    assert got.body == "Đảng ủy\n"
    assert unicodedata.is_normalized("NFC", got.body)


def test_a_change_makes_a_revision_an_identical_save_none(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Bản nháp"})
    result = newsroom.articles.save(doc.id, {"body": "Nội dung mới"})
    assert result.changed
    assert result.revision is not None
    assert result.revision.author == "Ngọc Hậu"
    again = newsroom.articles.save(doc.id, {"body": "Nội dung mới"})
    assert not again.changed
    assert again.revision is None
    same_nfd = newsroom.articles.save(
        doc.id, {"body": unicodedata.normalize("NFD", "Nội dung mới")}
    )
    assert same_nfd.revision is None
    revs = _revisions(newsroom, doc.id)
    assert [r.reason for r in revs] == ["create", "save"]
    assert revs[0].body == ""
    assert revs[1].body == "Nội dung mới\n"
    assert result.article.version == doc.version + 1


def test_autosaves_keep_text_but_not_every_keystroke_as_revision(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Gõ liên tục"})
    for i in range(5):
        newsroom.articles.save(doc.id, {"body": "chữ " * (i + 1)}, reason="autosave")
    assert newsroom.articles.get(doc.id).body == "chữ chữ chữ chữ chữ\n"
    assert [r.reason for r in _revisions(newsroom, doc.id)] == ["create", "autosave"]
    newsroom.articles.save(doc.id, {}, reason="save")
    revs = _revisions(newsroom, doc.id)
    assert revs[-1].reason == "save"
    assert revs[-1].body == "chữ chữ chữ chữ chữ\n"


def test_save_over_a_newer_version_is_refused_and_kept(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Hai cửa sổ"})
    newsroom.articles.save(doc.id, {"body": "Bản của cửa sổ A"}, expected_version=doc.version)
    with pytest.raises(ConflictError) as err:
        newsroom.articles.save(doc.id, {"body": "Bản của cửa sổ B"}, expected_version=doc.version)
    assert err.value.current_version == doc.version + 1
    assert newsroom.articles.get(doc.id).body == "Bản của cửa sổ A\n"
    revs = _revisions(newsroom, doc.id)
    assert revs[-1].reason == "conflict"
    assert revs[-1].body == "Bản của cửa sổ B\n"


def test_bad_values_are_refused(newsroom: Newsroom):
    with pytest.raises(ValidationError):
        newsroom.articles.create({"headline": "x", "language": "fr"})
    with pytest.raises(ValidationError):
        newsroom.articles.create({"headline": "x", "colour": "red"})
    assert newsroom.articles.count() == 0


def test_list_newest_first_filters_and_never_loads_bodies(newsroom: Newsroom):
    a = newsroom.articles.create(
        {"headline": "A", "section": "Thời sự"}, updated_at=datetime(2024, 1, 1, tzinfo=UTC)
    )
    b = newsroom.articles.create(
        {"headline": "B", "section": "Thể thao"}, updated_at=datetime(2024, 1, 2, tzinfo=UTC)
    )
    c = newsroom.articles.create(
        {"headline": "C", "section": "Thời sự"}, updated_at=datetime(2024, 1, 3, tzinfo=UTC)
    )
    assert [s.id for s in newsroom.articles.list()] == [c.id, b.id, a.id]
    assert [s.id for s in newsroom.articles.list(ListQuery(section="Thời sự"))] == [c.id, a.id]
    assert [
        s.headline for s in newsroom.articles.list(ListQuery(sort="headline", descending=False))
    ] == ["A", "B", "C"]
    assert newsroom.articles.count(ListQuery(section="Thời sự")) == 2
    assert not hasattr(newsroom.articles.list()[0], "body")
    assert newsroom.articles.sections() == ["Thể thao", "Thời sự"]
    with pytest.raises(ValidationError):
        newsroom.articles.list(ListQuery(status="lost"))


def test_trash_restore_and_empty(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Bài sẽ xóa", "body": "Đảng"})
    newsroom.articles.trash(doc.id)
    assert newsroom.articles.list() == []
    assert [s.id for s in newsroom.articles.list(ListQuery(trashed=True))] == [doc.id]
    assert newsroom.articles.search("dang") == []
    newsroom.articles.restore_from_trash(doc.id)
    assert [s.id for s in newsroom.articles.search("dang")] == [doc.id]
    newsroom.articles.trash(doc.id)
    assert newsroom.articles.empty_trash() == 1
    with pytest.raises(NotFoundError):
        newsroom.articles.get(doc.id)


def test_ids_resolve_from_a_unique_prefix(newsroom: Newsroom):
    docs = [newsroom.articles.create({"headline": f"Bài {i}"}) for i in range(20)]
    target = docs[7]
    assert newsroom.articles.get(target.id[:8]).id == target.id
    with pytest.raises(NotFoundError):
        newsroom.articles.get("zzzz")
    first_chars = {d.id[0] for d in docs}
    shared = next(ch for ch in first_chars if sum(d.id.startswith(ch) for d in docs) > 1)
    with pytest.raises(ValidationError):  # too short to trust (see test_id_prefixes.py)
        newsroom.articles.get(shared)


def test_a_new_draft_carries_its_writers_name_as_byline(newsroom: Newsroom):
    doc = newsroom.articles.new_draft("en")
    assert doc.byline == newsroom.actor.name
    assert doc.owner == newsroom.actor.name
    assert (doc.status, doc.headline, doc.language) == ("draft", "", "en")


def test_the_sample_belongs_to_its_reporter_not_the_newcomer(tmp_path):
    from newsroom_desktop.core.documents import Actor
    from newsroom_desktop.core.settings import Settings
    from newsroom_desktop.sample import create_sample

    newcomer = Actor("Trần Văn Mới", "reporter")
    nr = Newsroom.open(tmp_path / "first.sqlite", actor=newcomer, settings=Settings())
    try:
        sample = create_sample(nr)
        assert sample.byline == "Ngọc Hậu"
        assert sample.owner == "Ngọc Hậu"
        assert [rev.author for rev in nr.history.list(sample.id)] == ["Ngọc Hậu"]
        assert nr.actor == newcomer  # the window still acts as the newcomer
        assert nr.articles.new_draft().owner == "Trần Văn Mới"
    finally:
        nr.close()
