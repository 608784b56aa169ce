"""The line rules of the pasted-page importer, one test (or a few) per rule."""

from __future__ import annotations

import pytest

from newsroom_desktop.importers import rules


@pytest.mark.parametrize(
    "line",
    [
        "Chia sẻ bài viết:        Chia sẻ Zalo Google Bookmarks ",
        "  In bài viết",
        "Bình luận",
        "Tin liên quan",
        "Xem với cỡ chữ",
        "Chia sẻ Facebook Zalo",
        "Share this article",
        "Print",
        "Thích 12 Chia sẻ 3",
    ],
)
def test_furniture_lines_are_recognised(line):
    assert rules.is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Bình luận của ông A về dự án được nhiều người đồng tình.",
        "Chia sẻ kinh nghiệm trồng lúa",
        "Ngọc Hậu",
        "In 2021, the city opened a bridge.",
    ],
)
def test_content_that_mentions_furniture_words_is_kept(line):
    assert not rules.is_furniture(line)


@pytest.mark.parametrize(
    "line", ["1.234 lượt xem", "Lượt xem: 1234", "Views: 1,234", "(Đã xem 56 lần)"]
)
def test_view_counters(line):
    assert rules.is_view_counter(line)
    assert not rules.is_view_counter("Lượt xem tăng 20% so với năm trước.")


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("(CT)- Sáng 07/9, Trung tướng", "(CT)- "),
        ("(Dân trí) - Sau gần hai năm", "(Dân trí) - "),
        ("TTO - Sáng 7-9, UBND", "TTO - "),
        ("VOV.VN - Sáng nay", "VOV.VN - "),
        ("HANOI (Reuters) - Vietnam's", "HANOI (Reuters) - "),
        ("Sáng 07/9, Trung tướng Trần Quốc Tỏ", ""),
    ],
)
def test_agency_tag_opening_the_lead(line, tag):
    assert rules.agency_tag(line) == tag


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Đại biểu tham dự. Ảnh: NGỌC HẬU", "Đại biểu tham dự.", "NGỌC HẬU"),
        ("Lãnh đạo cắt băng khánh thành (Ảnh: TTXVN).", "Lãnh đạo cắt băng khánh thành", "TTXVN"),
        ("Cầu mới nhìn từ trên cao - Ảnh: CHÍ QUỐC", "Cầu mới nhìn từ trên cao", "CHÍ QUỐC"),
        ("The new bridge. (Photo: Reuters)", "The new bridge.", "Reuters"),
        ("The bridge at dusk. Photo by Jane Nguyen", "The bridge at dusk.", "Jane Nguyen"),
        ("Đại biểu tham dự tại điểm cầu Cần Thơ.", "Đại biểu tham dự tại điểm cầu Cần Thơ.", ""),
    ],
)
def test_caption_and_credit_are_split(line, caption, credit):
    assert rules.split_credit(line) == (caption, credit)
    assert rules.has_photo_credit(line) == bool(credit)


def test_caption_openings():
    assert rules.opens_like_caption("Ảnh minh họa: người dân đi phà")
    assert rules.opens_like_caption("Ảnh 2: Cầu mới")
    assert not rules.opens_like_caption("Ảnh hưởng của dịch bệnh kéo dài")


@pytest.mark.parametrize(
    "line",
    ["Ngọc Hậu", "PHƯƠNG NAM", "Theo TTXVN", "Tin và ảnh: Phương Nam", "By Jane Nguyen",
     "Ngọc Hậu (TTXVN)", "Phương Nam - VOV", "Ngọc Hậu và Chí Quốc", "PV"],
)  # fmt: skip
def test_bylines(line):
    assert rules.is_byline(line)


@pytest.mark.parametrize(
    "line",
    ["Hết.", "Kết luận Hội thảo, Trung tướng Trần Quốc Tỏ đánh giá cao các đơn vị.", "Theo:",
     "Tags: Cần Thơ", "Ngày 7/9 Ngọc Hậu"],
)  # fmt: skip
def test_not_bylines(line):
    assert not rules.is_byline(line)


def test_byline_prefix_only_for_prefixed_lines():
    assert rules.has_byline_prefix("By Jane Nguyen")
    assert rules.has_byline_prefix("Theo báo Cần Thơ")
    assert not rules.has_byline_prefix("Ngọc Hậu")


def test_heading_shape():
    assert rules.is_heading_shape("Giảm tải cho bến phà")
    assert rules.is_heading_shape("Vì sao người dân mong cây cầu?")
    assert rules.is_heading_shape("1. Nhiệm vụ trọng tâm")
    assert not rules.is_heading_shape("Cụ thể như sau:")
    assert not rules.is_heading_shape("một dòng chữ thường.")


def test_paragraph_like():
    assert rules.is_paragraph_like("TTO - Ngắn.")
    assert rules.is_paragraph_like("x" * 100)
    assert rules.is_paragraph_like(
        "Đây là một câu đầy đủ có hơn mười hai chữ để được coi là đoạn văn."
    )
    assert not rules.is_paragraph_like("Giảm tải cho bến phà")


def test_all_caps():
    assert rules.is_all_caps("ĐẢNG ỦY TRỰC THUỘC THÀNH ỦY")
    assert not rules.is_all_caps("Thời sự")


def test_breadcrumbs_give_the_last_crumb():
    assert rules.breadcrumb_section("Trang chủ > Thời sự > Xã hội") == "Xã hội"
    assert rules.breadcrumb_section("Home / Business") == "Business"
    assert rules.breadcrumb_section("Cần Thơ > Hậu Giang") == ""


def test_tag_lines():
    assert rules.tags_of("Tags: Cần Thơ, cầu, giao thông") == ("Cần Thơ", "cầu", "giao thông")
    assert rules.tags_of("Từ khóa: Cần Thơ; cầu") == ("Cần Thơ", "cầu")
    assert rules.tags_of("#CầnThơ #giaothông") == ("CầnThơ", "giaothông")
    assert rules.tags_of("Cần Thơ, cầu") == ()


def test_related_header():
    assert rules.is_related_header("Tin liên quan:")
    assert not rules.is_related_header("Tin liên quan đến vụ án")


def test_language_guess():
    assert rules.guess_language("Tăng cường sự lãnh đạo của Đảng đối với lực lượng Công an") == "vi"
    assert rules.guess_language("Can Tho opens a bridge across the Hau River") == "en"
    assert (
        rules.guess_language("Can Tho va Hau Giang khong con phai cho pha cua nhung nguoi") == "en"
    )
