"""Plain text copied from news pages: the sample, five site styles, encodings, hostile sizes."""

from __future__ import annotations

import time
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsroom_desktop.core import body
from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.core.intake import ImportedFigure
from newsroom_desktop.importers.text import parse, parse_text
from tests.conftest import SAMPLE_TEXT
from tests.importers.conftest import IMPORTS

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
TEXT = IMPORTS / "text"
HEADLINE = "Tăng cường sự lãnh đạo của Đảng đối với lực lượng Công an Nhân dân"
CAPTIONS = (
    "Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ.",
    "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an phát biểu tại Hội thảo.",
)


def _texts(blocks):
    """Return each block as the reader sees it: paragraph text, or ("figure", caption)."""
    out = []
    for block in blocks:
        if isinstance(block, ImportedFigure):
            out.append(("figure", block.caption, block.credit))
        else:
            out.extend(body.blocks_text(block))
    return out


def test_sample_gives_the_article_the_issue_describes():
    article = parse(SAMPLE_TEXT)
    assert article.section == "ĐẢNG ỦY TRỰC THUỘC THÀNH ỦY"
    assert article.headline == HEADLINE
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.lead.startswith("Sáng 07/9, Trung tướng Trần Quốc Tỏ")
    assert article.byline == "Ngọc Hậu"
    assert article.language == "vi"
    assert article.warnings == ()
    kinds = ["figure" if isinstance(b, ImportedFigure) else "text" for b in article.blocks]
    assert kinds == ["text", "figure", "text", "text", "text", "figure", "text"]
    assert [f.caption for f in article.figures] == list(CAPTIONS)
    assert all(f.credit == "" and not f.has_image for f in article.figures)


def test_sample_keeps_every_content_line_exactly_and_no_furniture():
    source = [line.strip() for line in SAMPLE_TEXT.read_text(encoding="utf-8").splitlines()]
    article = parse(SAMPLE_TEXT)
    texts = _texts(article.blocks)
    paragraphs = [t for t in texts if isinstance(t, str)]
    # Lines 10, 15, 17, 19 and 24 of the file: five paragraphs besides the lead.
    assert paragraphs == [source[9], source[14], source[16], source[18], source[23]]
    assert article.lead == source[7]
    everything = " ".join([article.headline, article.lead, article.byline, *map(str, texts)])
    for furniture in ("Chia sẻ", "Zalo", "Bookmarks", "In bài viết", "Cập nhật lúc"):
        assert furniture not in everything
    assert everything.count(HEADLINE) == 1


def test_vnexpress_style_page():
    article = parse(TEXT / "vnexpress.txt")
    assert article.section == "Thời sự"
    assert article.headline == "Cần Thơ khánh thành cầu nối hai bờ sông Hậu"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.lead.startswith("Cây cầu dài 1,2 km")
    assert article.byline == "Cửu Long"
    assert [(f.caption, f.credit) for f in article.figures] == [
        ("Cầu Ninh Kiều - Cái Răng nhìn từ trên cao.", "Cửu Long"),
        ("Người dân chụp ảnh trên cầu trong buổi tối thông xe.", "Cửu Long"),
    ]
    assert "## Giảm tải cho bến phà" in article.blocks
    assert not any("Bình luận" in str(b) for b in article.blocks)


def test_tuoi_tre_style_page():
    article = parse(TEXT / "tuoitre.txt")
    assert article.section == "Xã hội"  # from the breadcrumb
    assert article.headline == "Khánh thành cầu mới, người dân Cần Thơ hết cảnh chờ phà"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.lead.startswith("TTO - Sáng 7-9")  # the agency tag is kept as text
    assert article.byline == "CHÍ QUỐC"
    assert article.tags == ("Cần Thơ", "cầu Ninh Kiều", "giao thông")
    assert [(f.caption, f.credit) for f in article.figures] == [
        ("Cầu Ninh Kiều - Cái Răng trong ngày khánh thành", "CHÍ QUỐC")
    ]
    assert len(article.paragraphs) == 2


def test_dan_tri_style_page():
    article = parse(TEXT / "dantri.txt")
    assert (article.section, article.headline) == (
        "Xã hội",
        "Cầu Ninh Kiều - Cái Răng chính thức thông xe",
    )
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.lead.startswith("(Dân trí) - Sau gần hai năm")
    assert article.byline == "TTXVN"  # "Theo TTXVN": the agency, without "Theo"
    assert [(f.caption, f.credit) for f in article.figures] == [
        ("Lãnh đạo TP Cần Thơ cắt băng khánh thành cầu", "TTXVN")
    ]
    assert not any("lượt xem" in str(b) for b in article.blocks)


def test_nhan_dan_style_page_with_section_and_date_on_one_line():
    article = parse(TEXT / "nhandan.txt")
    assert article.section == "Thời sự"
    assert article.headline == "Thông xe cầu Ninh Kiều - Cái Răng"
    assert article.updated_at == datetime(2021, 9, 7, tzinfo=HCM)
    assert article.byline == "PHƯƠNG NAM"  # "Tin và ảnh: PHƯƠNG NAM": the name only
    assert len(article.paragraphs) == 2


def test_english_page():
    article = parse(TEXT / "english.txt")
    assert article.language == "en"
    assert article.section == "Business"
    assert article.headline == "Can Tho opens bridge across the Hau River"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.byline == "Jane Nguyen"  # without "By"
    assert article.lead.startswith("CAN THO — The Mekong Delta city")
    assert [(f.caption, f.credit) for f in article.figures] == [
        ("The new bridge seen from above.", "Reuters")
    ]
    assert not any("Share" in str(b) or "Print" in str(b) for b in article.blocks)


def test_date_run_onto_the_headline_line():
    article = parse_text(
        "Thời sự\n\nCầu mới thông xe07/09/2021 06:59\n\n"
        "Sáng 7/9, cầu Ninh Kiều - Cái Răng đã chính thức thông xe sau hai năm xây dựng.\n"
    )
    assert article.headline == "Cầu mới thông xe"
    assert article.section == "Thời sự"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)


def test_ambiguous_short_lines_stay_in_the_body():
    article = parse_text(
        "Cầu mới thông xe\n\n"
        "Sáng 7/9, cầu Ninh Kiều - Cái Răng đã chính thức thông xe sau hai năm xây dựng.\n\n"
        "Người dân rất vui.\n\n"
        "Trước đây người dân phải đi phà mất gần một giờ, nhất là vào giờ cao điểm buổi sáng.\n\n"
        "Còn nữa\n\n"
        "Ngọc Hậu\n"
    )
    assert article.figures == ()
    assert _texts(article.blocks) == [
        "Người dân rất vui.",
        "Trước đây người dân phải đi phà mất gần một giờ, nhất là vào giờ cao điểm buổi sáng.",
        "Còn nữa",
    ]
    assert article.byline == "Ngọc Hậu"


def test_markdown_characters_in_text_stay_text():
    article = parse_text(
        "Tiêu đề\n\nĐây là phần mở đầu của bài viết, có đủ chữ để được đọc là đoạn mở đầu.\n\n"
        "- 18 tuổi trở lên *được* tiêm [mũi 3] & <b>không</b> phải chờ.\n"
    )
    assert _texts(article.blocks) == [
        "- 18 tuổi trở lên *được* tiêm [mũi 3] & <b>không</b> phải chờ."
    ]


def test_nfd_text_comes_in_as_nfc(tmp_path: Path):
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", SAMPLE_TEXT.read_text(encoding="utf-8")), "utf-8")
    article = parse(path)
    assert article.headline == HEADLINE
    assert unicodedata.is_normalized("NFC", article.lead + "".join(article.paragraphs))


def _cp1258(text: str) -> bytes:
    # Windows-1258 has precomposed base letters (â, ô, ơ...) and combining tone marks.
    out = bytearray()
    for char in text:
        base, *marks = unicodedata.normalize("NFD", char)
        tries = [(char, "")] + [
            (unicodedata.normalize("NFC", base + mark), "".join(marks[:i] + marks[i + 1 :]))
            for i, mark in enumerate(marks)
        ]
        for head, rest in [*tries, (base, "".join(marks))]:
            try:
                out += head.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
    return bytes(out)


def test_windows_1258_file_is_read_with_a_warning(tmp_path: Path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(_cp1258(SAMPLE_TEXT.read_text(encoding="utf-8")))
    article = parse(path)
    assert article.headline == HEADLINE
    assert article.byline == "Ngọc Hậu"
    assert any("windows-1258" in w for w in article.warnings)


def test_utf16_file_with_bom(tmp_path: Path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(SAMPLE_TEXT.read_text(encoding="utf-8").encode("utf-16"))
    assert parse(path).headline == HEADLINE


def test_a_100_mb_text_file_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(ImportFailedError, match=r"huge\.txt.*100 MB.*20 MB") as caught:
        parse(path)
    assert caught.value.code == "too_large"
    assert time.perf_counter() - started < 1


def test_a_binary_file_is_refused(tmp_path: Path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    with pytest.raises(ImportFailedError, match=r"photo\.txt.*binary"):
        parse(path)
