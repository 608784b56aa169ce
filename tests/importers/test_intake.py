"""The intake service: one transaction, one revision, photos with captions, nothing on failure."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from newsroom_desktop.core import body, intake
from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
from newsroom_desktop.core.models import Article, ArticlePhoto, Photo, Revision
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.importers.registry import parse_file
from tests.conftest import SAMPLE_TEXT
from tests.importers.conftest import GATESHEAD, IMPORTS, PHOTOSHOP, pixel_bomb_png

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def _count(nr: Newsroom, model: type) -> int:
    with nr.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _originals(nr: Newsroom) -> list[Path]:
    folder = nr.store.location.originals_dir
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_sample_is_stored_as_one_revision_with_waiting_figures(newsroom: Newsroom):
    stored = newsroom.intake.store(parse_file(SAMPLE_TEXT))
    doc = newsroom.articles.get(stored.id)
    assert doc.section == "ĐẢNG ỦY TRỰC THUỘC THÀNH ỦY"
    assert doc.byline == "Ngọc Hậu"
    assert doc.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert doc.status == "draft"
    assert doc.owner == "Ngọc Hậu"
    assert doc.version == 1
    assert [p.caption for p in doc.photos] == [
        "Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ.",
        "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an phát biểu tại Hội thảo.",
    ]
    assert all(p.photo_id is None and p.placed for p in doc.photos)
    assert body.photo_ids(doc.body) == [p.id for p in doc.photos]
    assert len(body.blocks_text(doc.body)) == 5
    with newsroom.store.read() as session:
        (revision,) = session.scalars(select(Revision).where(Revision.article_id == doc.id))
        assert (revision.number, revision.reason, revision.body) == (1, "import", doc.body)
        assert "Đại biểu tham dự" in revision.photos_json
    # The search index saw the final body and the captions.
    assert [s.id for s in newsroom.articles.search("thao luan ly luan")] == [doc.id]
    assert [s.id for s in newsroom.articles.search("dai bieu tham du diem cau")] == [doc.id]


def test_html_photos_are_stored_and_file_captions_fill_empty_ones(newsroom: Newsroom, page_dir):
    path = page_dir(
        "tuoitre-page.html", {"images/cau-moi.jpg": PHOTOSHOP, "images/nguoi-dan.jpg": GATESHEAD}
    )
    doc = newsroom.articles.get(newsroom.intake.store(parse_file(path)).id)
    first, second = doc.photos
    assert (first.caption, first.credit, first.alt_text) == (
        "Cầu mới nhìn từ trên cao",
        "CHÍ QUỐC",
        "Cầu mới nhìn từ trên cao",
    )
    assert first.file is not None
    assert first.file.read_bytes() == PHOTOSHOP.read_bytes()
    # No figcaption: the caption panel shows what the photographer's tool wrote (IPTC).
    assert (second.caption, second.credit) == ("The Gateshead Angel", "Ian Britton - FreeFoto.com")
    assert body.photo_ids(doc.body) == [first.id, second.id]
    assert first.is_lead
    assert not second.is_lead


def test_docx_photos_with_their_captions(newsroom: Newsroom):
    doc = newsroom.articles.get(
        newsroom.intake.store(parse_file(IMPORTS / "docx" / "libreoffice-resaved.docx")).id
    )
    captioned, bare = doc.photos
    assert (captioned.caption, captioned.credit) == (
        "Ghe hàng trên chợ nổi lúc bình minh.",
        "NGỌC HẬU",
    )
    assert bare.caption == "The Gateshead Angel"
    assert captioned.photo_id == bare.photo_id  # the same picture twice is stored once
    assert len(_originals(newsroom)) == 1


def test_a_photo_that_cannot_be_used_leaves_its_caption_waiting(newsroom: Newsroom, tmp_path: Path):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(pixel_bomb_png())
    article = ImportedArticle(
        "Tiêu đề",
        lead="Đoạn mở đầu.",
        blocks=("Đoạn.", ImportedFigure("Chú thích ảnh.", "TTXVN", image=bomb)),
    )
    stored = newsroom.intake.store(article)
    (use,) = newsroom.articles.get(stored.id).photos
    assert (use.caption, use.credit, use.photo_id) == ("Chú thích ảnh.", "TTXVN", None)
    assert any("too many pixels" in w and "waits for a photo" in w for w in stored.warnings)
    assert _originals(newsroom) == []


def test_section_override(newsroom: Newsroom):
    stored = newsroom.intake.store(parse_file(SAMPLE_TEXT), section="Thời sự")
    assert newsroom.articles.get(stored.id).section == "Thời sự"


def test_a_failure_after_the_article_row_was_added_stores_nothing(
    newsroom: Newsroom, page_dir, monkeypatch: pytest.MonkeyPatch
):
    path = page_dir(
        "tuoitre-page.html", {"images/cau-moi.jpg": PHOTOSHOP, "images/nguoi-dan.jpg": GATESHEAD}
    )
    article = parse_file(path)

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk went away")

    # commit_save runs after the article row was added and its figures were linked.
    monkeypatch.setattr(intake, "commit_save", fail)
    with pytest.raises(RuntimeError, match="disk went away"):
        newsroom.intake.store(article)
    for model in (Article, Revision, ArticlePhoto, Photo):
        assert _count(newsroom, model) == 0, model
    assert _originals(newsroom) == []
    assert newsroom.articles.search("Cần Thơ") == []


def test_originals_stored_before_by_another_article_are_kept_on_failure(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    photo = tmp_path / "a.jpg"
    shutil.copyfile(GATESHEAD, photo)
    article = ImportedArticle("Tiêu đề", lead="Mở đầu.", blocks=(ImportedFigure(image=photo),))
    newsroom.intake.store(article)
    kept = _originals(newsroom)
    monkeypatch.setattr(intake, "commit_save", lambda *a, **k: (_ for _ in ()).throw(OSError("x")))
    with pytest.raises(OSError, match="x"):
        newsroom.intake.store(article)
    assert _originals(newsroom) == kept
    assert _count(newsroom, Article) == 1


def test_attached_photos_are_linked_but_not_placed(newsroom: Newsroom, tmp_path: Path):
    folder = tmp_path / "xuat"
    shutil.copytree(IMPORTS / "markdown" / "newsroom-export", folder)
    (folder / "images").mkdir()
    shutil.copyfile(GATESHEAD, folder / "images" / "cau-moi-1.jpg")
    shutil.copyfile(PHOTOSHOP, folder / "images" / "cau-moi-2.jpg")
    doc = newsroom.articles.get(newsroom.intake.store(parse_file(folder / "cau-moi.md")).id)
    assert [(p.caption, p.placed, p.has_file) for p in doc.photos] == [
        ("Cầu mới nhìn từ trên cao.", True, True),
        ("Lễ cắt băng khánh thành.", True, False),
        ("Người dân chụp ảnh trên cầu.", False, True),
    ]
    assert body.photo_ids(doc.body) == [doc.photos[0].id, doc.photos[1].id]
