"""Markdown with Hugo and Jekyll front matter; local images; hostile front matter and HTML."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsroom_desktop.core import body
from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.importers.markdown import parse
from tests.importers.conftest import GATESHEAD, IMPORTS, PHOTOSHOP

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
MD = IMPORTS / "markdown"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "cau-moi"
    shutil.copytree(MD / "hugo-bundle", folder)
    shutil.copyfile(GATESHEAD, folder / "cover.jpg")
    shutil.copyfile(PHOTOSHOP, folder / "cau.jpg")
    return folder / "index.md"


def test_hugo_page_bundle(bundle: Path):
    article = parse(bundle)
    assert article.headline == "Khánh thành cầu mới nối hai bờ sông Hậu"
    assert article.section == "Thời sự"
    assert article.tags == ("cầu", "Cần Thơ")
    assert article.byline == "Chí Quốc"
    assert article.created_at == datetime(2021, 9, 7, 6, 59, tzinfo=timezone(timedelta(hours=7)))
    assert article.updated_at == datetime(2021, 9, 7, 8, 15, tzinfo=HCM)  # lastmod, naive
    # The summary is the lead; the body's copy of it is not repeated.
    assert article.lead.startswith("Sáng 7-9, UBND TP Cần Thơ")
    assert not any(b.startswith("Sáng 7-9") for b in article.paragraphs)
    cover, figure = article.figures
    assert cover.image == (bundle.parent / "cover.jpg").resolve()
    assert cover.caption == ""
    assert (figure.caption, figure.credit) == ("Cầu nhìn từ trên cao", "CHÍ QUỐC")
    assert figure.image == (bundle.parent / "cau.jpg").resolve()
    assert "## Giảm tải cho phà" in article.paragraphs
    assert any("youtube" in w for w in article.warnings)


def test_markdown_formatting_is_kept_and_unsafe_parts_are_not(bundle: Path):
    article = parse(bundle)
    text = "\n\n".join(article.paragraphs)
    assert "*rộng* 20 m, với **tổng vốn**" in text
    assert "[trang thành phố](https://cantho.gov.vn)" in text
    assert "<script" not in text
    assert 'alert("md")' not in text
    assert "onclick" not in text
    assert "Trước đây người dân phải đi phà" in text  # the div's text is kept, not its handler
    assert 'href="javascript' not in body.render_html(text)


def test_jekyll_post_with_date_in_the_file_name(tmp_path: Path):
    folder = tmp_path / "_posts"
    (folder / "anh").mkdir(parents=True)
    source = MD / "2021-09-07-cau-ninh-kieu.md"
    shutil.copyfile(source, folder / source.name)
    shutil.copyfile(GATESHEAD, folder / "anh" / "cat-bang.jpg")
    article = parse(folder / source.name)
    assert article.headline == "Cầu Ninh Kiều - Cái Răng chính thức thông xe"
    assert article.created_at == datetime(2021, 9, 7, tzinfo=HCM)
    assert article.section == "thoi-su"  # Jekyll's space-separated categories: the first
    assert article.tags == ("Cần Thơ", "giao thông")
    assert article.byline == "Phương Nam"
    assert (
        article.lead == "Sau gần hai năm thi công, cầu Ninh Kiều - Cái Răng đã chính thức thông xe."
    )
    (figure,) = article.figures
    assert (figure.caption, figure.credit, figure.alt_text) == (
        "Lãnh đạo TP Cần Thơ cắt băng khánh thành.",
        "TTXVN",
        "Lễ cắt băng khánh thành",
    )
    assert figure.image is not None
    assert "1. Khởi công: tháng 10/2019\n2. Thông xe: tháng 9/2021" in article.paragraphs
    assert any("include related.html" in w for w in article.warnings)


def test_toml_front_matter_and_a_title_repeated_as_h1():
    article = parse(MD / "toml-front-matter.md")
    assert article.headline == "Can Tho opens bridge across the Hau River"
    assert article.language == "en"
    assert article.byline == "Jane Nguyen, Minh Anh"
    assert article.section == "Business"
    assert article.lead.startswith("The Mekong Delta city")
    (paragraph,) = article.paragraphs
    assert paragraph.startswith("The bridge cost more than 2 trillion dong and was finished")


def test_markdown_without_front_matter(tmp_path: Path):
    path = tmp_path / "ghi-chu.md"
    path.write_text("# Tiêu đề\n\nĐoạn mở đầu.\n\nĐoạn hai có **chữ đậm**.\n", encoding="utf-8")
    article = parse(path)
    assert (article.headline, article.lead, article.paragraphs) == (
        "Tiêu đề",
        "Đoạn mở đầu.",
        ("Đoạn hai có **chữ đậm**.",),
    )


def test_yaml_alias_bomb_is_refused(tmp_path: Path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
              for i in range(8)]  # fmt: skip
    path = tmp_path / "bom.md"
    path.write_text("---\n" + "\n".join(lines) + "\ntitle: x\n---\n\nĐoạn.\n", encoding="utf-8")
    with pytest.raises(ImportFailedError, match=r"bom\.md.*front matter.*aliases"):
        parse(path)


def test_broken_front_matter_names_the_file(tmp_path: Path):
    path = tmp_path / "hong.md"
    path.write_text('---\ntitle: "chưa đóng\n---\n\nĐoạn.\n', encoding="utf-8")
    with pytest.raises(ImportFailedError, match=r"hong\.md.*front matter cannot be read"):
        parse(path)


def test_our_own_export_comes_back_with_every_photo_and_its_text(tmp_path: Path):
    folder = tmp_path / "xuat"
    shutil.copytree(MD / "newsroom-export", folder)
    (folder / "images").mkdir()
    shutil.copyfile(GATESHEAD, folder / "images" / "cau-moi-1.jpg")
    shutil.copyfile(PHOTOSHOP, folder / "images" / "cau-moi-2.jpg")
    article = parse(folder / "cau-moi.md")
    assert article.lead == "Sáng 7/9, UBND TP Cần Thơ khánh thành cầu mới nối hai bờ sông Hậu."
    assert article.byline == "Ngọc Hậu"
    assert article.updated_at == datetime(2021, 9, 7, 8, 15, tzinfo=timezone(timedelta(hours=7)))
    placed, waiting = article.figures
    assert (placed.caption, placed.credit, placed.alt_text) == (
        "Cầu mới nhìn từ trên cao.",
        "Ngọc Hậu",
        "Cây cầu bắc qua sông Hậu",
    )
    assert placed.image == (folder / "images" / "cau-moi-1.jpg").resolve()
    assert (waiting.caption, waiting.credit, waiting.has_image) == (
        "Lễ cắt băng khánh thành.",
        "Phương Nam",
        False,
    )
    (attached,) = article.attached  # in the front matter, not shown in the body
    assert (attached.caption, attached.credit) == ("Người dân chụp ảnh trên cầu.", "TTXVN")
    assert attached.image == (folder / "images" / "cau-moi-2.jpg").resolve()
    assert "Người dân phấn khởi khi cầu được thông xe \\<b>tối qua\\</b>." in article.paragraphs
