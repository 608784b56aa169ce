"""Saved news pages and fragments: the article without the site, metadata, photos beside."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsroom_desktop.core import body
from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.importers.html import parse, parse_html
from tests.importers.conftest import GATESHEAD, IMPORTS, PHOTOSHOP

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
PLUS7 = timezone(timedelta(hours=7))


def _all_text(article) -> str:
    parts = [article.headline, article.lead, article.byline, article.section]
    for block in article.blocks:
        parts.append(block if isinstance(block, str) else f"{block.caption} {block.credit}")
    return "\n".join(parts)


def test_saved_page_with_json_ld(page_dir):
    path = page_dir(
        "tuoitre-page.html",
        {"images/cau-moi.jpg": PHOTOSHOP, "images/nguoi-dan.jpg": GATESHEAD},
    )
    article = parse(path)
    # JSON-LD wins over og:title (which carries the site name) and the page's meta tags.
    assert article.headline == "Khánh thành cầu mới nối hai bờ sông Hậu"
    assert article.section == "Thời sự"
    assert article.updated_at == datetime(2021, 9, 7, 8, 15, tzinfo=PLUS7)
    assert article.created_at == datetime(2021, 9, 7, 6, 59, tzinfo=PLUS7)
    assert article.tags == ("cầu", "Cần Thơ", "giao thông")
    assert article.lead.startswith("TTO - Sáng 7-9")
    assert article.byline == "CHÍ QUỐC"
    first, second = article.figures
    assert (first.caption, first.credit, first.alt_text) == (
        "Cầu mới nhìn từ trên cao",
        "CHÍ QUỐC",
        "Cầu mới nhìn từ trên cao",
    )
    assert first.image == (path.parent / "images" / "cau-moi.jpg").resolve()
    assert second.caption == ""  # the store fills it from the photo's IPTC caption
    assert second.image == (path.parent / "images" / "nguoi-dan.jpg").resolve()
    assert "## Giảm tải cho phà" in article.blocks
    assert "- Chiều dài: 1,2 km\n- Vốn đầu tư: hơn 2.000 tỉ đồng" in article.blocks
    assert article.warnings == ()


def test_site_navigation_ads_teasers_and_scripts_are_dropped(page_dir):
    text = _all_text(parse(page_dir("tuoitre-page.html", {})))
    for junk in ("Trang chủ", "Kinh doanh", "Quảng cáo", "Đọc nhiều", "Tin liên quan",
                 "Phà Cần Thơ ngừng", "Chia sẻ", "Giấy phép", "injected", "window.ads",
                 "javascript", "alert"):  # fmt: skip
        assert junk not in text, junk
    assert "[Tuổi Trẻ Online](https://tuoitre.vn/)" in text


def test_page_without_metadata_uses_what_it_shows(page_dir):
    path = page_dir("vnexpress-page.html", {"anh/cau-tren-cao.jpg": GATESHEAD})
    article = parse(path)
    assert article.headline == "Cần Thơ khánh thành cầu nối hai bờ sông Hậu"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=PLUS7)
    assert article.lead.startswith("Cây cầu dài 1,2 km")
    assert article.byline == "Cửu Long"
    (figure,) = article.figures
    assert (figure.caption, figure.credit) == (
        "Cầu Ninh Kiều - Cái Răng nhìn từ trên cao.",
        "Cửu Long",
    )
    assert figure.image is not None
    assert "## Giảm tải cho bến phà" in article.blocks  # a bold line above a paragraph
    assert "Bình luận của bạn đọc" not in _all_text(article)


def test_fragment_with_dateline_captions_and_italic_caption_under_a_photo(tmp_path: Path):
    folder = tmp_path / "frag"
    folder.mkdir()
    shutil.copyfile(IMPORTS / "html" / "fragment.html", folder / "fragment.html")
    shutil.copyfile(GATESHEAD, folder / "gateshead.jpg")
    shutil.copyfile(PHOTOSHOP, folder / "speaker.jpg")
    article = parse(folder / "fragment.html")
    assert article.headline == "Tăng cường sự lãnh đạo của Đảng đối với lực lượng Công an Nhân dân"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.lead.startswith("Sáng 07/9, Trung tướng")
    assert article.byline == "Ngọc Hậu"
    assert [(f.caption, f.credit, f.image is not None) for f in article.figures] == [
        ("Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ.", "TTXVN", False),
        ("", "", True),
        ("Trung tướng Trần Quốc Tỏ phát biểu tại Hội thảo.", "NGỌC HẬU", True),
    ]
    assert article.warnings == ("The photo photo.jpg was not found beside the page.",)


def test_english_page_with_open_graph_and_time_element():
    article = parse(IMPORTS / "html" / "english-page.html")
    assert article.language == "en"
    assert article.headline == "Can Tho opens bridge across the Hau River"
    assert article.section == "Business"
    assert article.tags == ("Vietnam", "infrastructure")
    assert article.byline == "Jane Nguyen"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=PLUS7)
    assert article.lead.startswith("CAN THO (Reuters) — The Mekong Delta")
    (figure,) = article.figures
    assert (figure.caption, figure.credit, figure.image) == (
        "The new bridge seen from above.",
        "Reuters",
        None,
    )
    assert any("on the web" in w for w in article.warnings)
    assert any(b.startswith("> ") for b in article.paragraphs)
    assert "Most read" not in _all_text(article)


def test_hostile_page_is_harmless(tmp_path: Path):
    folder = tmp_path / "site" / "page"
    folder.mkdir(parents=True)
    shutil.copyfile(IMPORTS / "html" / "hostile.html", folder / "hostile.html")
    article = parse(folder / "hostile.html")
    text = _all_text(article)
    for bad in ("alert", "javascript", "JaVaScRiPt", "data:", "<script", "onerror", "root:"):
        assert bad not in text, bad
    assert article.headline == "Bài viết có mã độc"
    assert article.figures == ()  # file:// and ../ images are never read
    html = body.render_html("\n\n".join(article.paragraphs))
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "&amp;xxe;" in html  # entities are text, never expanded
    assert article.lead.endswith("liên kết data và liên kết an toàn.")  # the lead is plain text


def test_images_outside_the_page_folder_are_never_taken(tmp_path: Path):
    page = tmp_path / "page"
    page.mkdir()
    shutil.copyfile(GATESHEAD, tmp_path / "secret.jpg")
    (page / "p.html").write_text(
        "<h1>Tiêu đề</h1><p>Đoạn mở đầu đủ dài để là một đoạn văn của bài báo này.</p>"
        f'<figure><img src="../secret.jpg"><figcaption>Một</figcaption></figure>'
        f'<figure><img src="{tmp_path / "secret.jpg"}"><figcaption>Hai</figcaption></figure>'
        f'<figure><img src="file://{tmp_path / "secret.jpg"}"><figcaption>Ba</figcaption></figure>',
        encoding="utf-8",
    )
    article = parse(page / "p.html")
    assert [f.caption for f in article.figures] == ["Một", "Hai", "Ba"]
    assert all(f.image is None for f in article.figures)


def test_empty_file_is_refused_with_its_name(tmp_path: Path):
    path = tmp_path / "trong.html"
    path.write_text("   \n", encoding="utf-8")
    with pytest.raises(ImportFailedError, match=r"trong\.html.*empty"):
        parse(path)


def test_xhtml_with_an_xml_declaration():
    article = parse_html(
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<h1>Tiêu đề</h1><p>Đoạn mở đầu của bài.</p></body></html>",
        name="x.xhtml",
    )
    assert (article.headline, article.lead) == ("Tiêu đề", "Đoạn mở đầu của bài.")


def test_open_graph_title_is_preferred_to_the_h1_but_not_its_site_name():
    page = (
        '<html><head><meta property="og:title" content="{og}"></head><body><h1>{h1}</h1>'
        "<p>Đoạn mở đầu của bài báo này đủ dài để là một đoạn văn.</p></body></html>"
    )
    same = parse_html(page.format(og="Cầu mới - VnExpress", h1="Cầu mới"), name="a.html")
    assert same.headline == "Cầu mới"
    other = parse_html(page.format(og="Cầu Ninh Kiều thông xe", h1="Tin nóng"), name="b.html")
    assert other.headline == "Cầu Ninh Kiều thông xe"
