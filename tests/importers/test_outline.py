"""Assembling an article from blocks: headline, section, date, lead, byline, figures, tags."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from newsroom_desktop.core.intake import ImportedFigure
from newsroom_desktop.importers.htmlblocks import html_blocks, sanitize
from newsroom_desktop.importers.outline import PageMeta, assemble

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
LEAD = "Sáng 7/9, UBND TP Cần Thơ khánh thành cầu Ninh Kiều - Cái Răng sau gần hai năm thi công."
LONG = "Trước đây người dân phải đi phà mất gần một giờ, nhất là vào giờ cao điểm buổi sáng."


def _build(markup: str, meta: PageMeta | None = None):
    def resolve(src: str) -> tuple[ImportedFigure, str]:
        return ImportedFigure(image_name=src, image_bytes=b"x"), ""

    blocks = html_blocks(sanitize(markup))
    return assemble(blocks, meta or PageMeta(), name="bai.html", zone=HCM, resolve=resolve)


def test_caps_line_above_the_headline_is_the_section_and_a_dateline_is_taken():
    article = _build(
        f"<p>THỜI SỰ</p><h1>Cầu mới</h1><p>07/09/2021 - 06:59</p><p>{LEAD}</p><p>{LONG}</p>"
    )
    assert (article.section, article.headline, article.lead) == ("THỜI SỰ", "Cầu mới", LEAD)
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.paragraphs == (LONG,)


def test_a_short_bold_first_paragraph_is_the_headline():
    article = _build(f"<p><b>Cầu mới thông xe</b></p><p>{LEAD}</p>")
    assert (article.headline, article.lead) == ("Cầu mới thông xe", LEAD)


def test_bold_line_above_running_text_is_a_subheading():
    article = _build(
        f"<h1>Cầu</h1><p>{LEAD}</p><p><strong>Giảm tải cho phà</strong></p><p>{LONG}</p>"
    )
    assert article.paragraphs == ("## Giảm tải cho phà", LONG)


def test_caption_paragraph_after_a_photo_joins_it_and_a_credited_line_alone_waits():
    article = _build(
        f"<h1>Cầu</h1><p>{LEAD}</p><p><img src='a.jpg'></p><p><em>Cầu mới.</em></p>"
        f"<p>{LONG}</p><p>Người dân trên cầu. Ảnh: CHÍ QUỐC</p><p>{LONG}</p>"
    )
    first, second = article.figures
    assert (first.caption, first.image_name) == ("Cầu mới.", "a.jpg")
    assert (second.caption, second.credit, second.has_image) == (
        "Người dân trên cầu.",
        "CHÍ QUỐC",
        False,
    )


def test_metadata_byline_removes_its_line_from_the_end():
    article = _build(
        f"<h1>Cầu</h1><p>{LEAD}</p><p>{LONG}</p><p>Phương Nam</p>", PageMeta(byline="PHƯƠNG NAM")
    )
    assert article.byline == "Phương Nam"
    assert article.paragraphs == (LONG,)


def test_explicit_summary_is_the_lead_and_tags_line_is_read():
    article = _build(f"<h1>Cầu</h1><p>{LONG}</p><p>Tags: Cần Thơ, cầu</p>", PageMeta(lead=LEAD))
    assert article.lead == LEAD
    assert article.paragraphs == (LONG,)
    assert article.tags == ("Cần Thơ", "cầu")


def test_photo_without_caption_or_file_is_left_out():
    article = assemble(
        html_blocks(sanitize(f"<h1>Cầu</h1><p>{LEAD}</p><p><img src='x.jpg'></p>")),
        PageMeta(),
        name="bai.html",
        zone=HCM,
        resolve=lambda src: (ImportedFigure(), f"{src} missing"),
    )
    assert article.figures == ()
    assert article.warnings == ("x.jpg missing",)


def test_no_headline_anywhere_uses_the_file_name():
    article = _build(f"<p>{LEAD}</p>")
    assert article.headline == "bai"
    assert "no headline" in article.warnings[-1]
