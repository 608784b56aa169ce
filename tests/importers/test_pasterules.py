"""The named rules for pasted news pages: one test (or a few) per rule."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newsroom_desktop.importers import pasterules
from newsroom_desktop.importers.text import parse_text

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
LEAD = "Sáng 22/5, UBND TP Cần Thơ tổ chức lễ khánh thành cây cầu nối hai quận trung tâm thành phố."
BODY = [
    "Cây cầu dài 1,2 km, vốn đầu tư hơn 2.000 tỉ đồng, được xây dựng trong gần hai năm qua.",
    "Người dân hai quận Ninh Kiều và Cái Răng không còn phải đi phà để qua sông mỗi ngày nữa.",
    "Thành phố sẽ đóng bến phà cũ từ tháng 10, khi đường dẫn hai đầu cầu được hoàn thành.",
]


def page(*lines: str) -> str:
    """Return a pasted page: each line a paragraph, set apart by a blank line."""
    return "\n\n".join(lines) + "\n"


def test_each_byline_rule_reads_its_own_example():
    for rule in pasterules.BYLINE_RULES:
        assert pasterules.byline_of(rule.example) == (rule.name, rule.names), rule.name


@pytest.mark.parametrize(
    ("line", "rule", "names"),
    [
        ("Thực hiện: Ngọc Hậu - Minh Anh", "made_by", "Ngọc Hậu - Minh Anh"),
        ("BTV: Thu Hà", "editor", "Thu Hà"),
        ("Nhóm PV", "reporter_group", "Nhóm PV"),
        ("Nhóm phóng viên Thời sự", "reporter_group", "Nhóm phóng viên Thời sự"),
        ("Bài và ảnh: PHƯƠNG NAM", "text_and_photos", "PHƯƠNG NAM"),
        ("Minh Anh (tổng hợp)", "compiled", "Minh Anh"),
        ("Theo TTXVN", "according_to", "TTXVN"),
        ("Theo VnExpress", "according_to", "VnExpress"),
        ("NGỌC HẬU", "name_in_capitals", "NGỌC HẬU"),
        ("Ngọc Hậu", "name_alone", "Ngọc Hậu"),
    ],
)
def test_byline_forms_give_the_names_only(line, rule, names):
    assert pasterules.byline_of(line) == (rule, names)


@pytest.mark.parametrize(
    "line",
    [
        "Tin tức",  # a label, not "Tin: <names>"
        "Theo bác sĩ Hồng, bệnh nhân cần được theo dõi",
        "Thực hiện: 22/5/2020",
        "Bình luận",
        "Theo dõi chúng tôi trên Facebook",
        "Xem thêm:",
    ],
)
def test_lines_that_only_look_like_bylines(line):
    assert pasterules.byline_of(line) == ("", "")


def test_byline_in_capitals_at_the_end_then_reader_comments():
    article = parse_text(
        page(
            "Cầu mới thông xe",
            LEAD,
            *BODY,
            "PHƯƠNG NAM",
            "Ý kiến bạn đọc",
            "Anh Tuấn",
            "Cầu đẹp quá, mong thành phố làm thêm nhiều cầu nữa.",
            "Trả lời",
        )
    )
    assert article.byline == "PHƯƠNG NAM"
    assert article.paragraphs[-1] == BODY[-1]  # the comments are not the article


@pytest.mark.parametrize(
    "header",
    ["BẠN ĐỌC PHẢN HỒI", "Ý kiến bạn đọc", "Ý kiến bạn đọc (12)", "Độc giả chia sẻ về bài viết"],
)
def test_reader_comment_headers(header):
    assert pasterules.is_comments_header(header)
    assert not pasterules.is_comments_header("Ý kiến bạn đọc cho thấy đa số đồng tình.")


def test_byline_under_the_lead_then_the_date():
    article = parse_text(page("Cầu mới thông xe", LEAD, "Bài và ảnh: Ngọc Hậu",
                              "22/05/2020 06:00", *BODY))  # fmt: skip
    assert article.byline == "Ngọc Hậu"
    assert article.updated_at == datetime(2020, 5, 22, 6, 0, tzinfo=HCM)
    assert article.paragraphs == tuple(BODY)


def test_date_line_at_the_end_with_weekday_and_zone():
    article = parse_text(
        page("Cầu mới thông xe", LEAD, *BODY, "Ngọc Hậu", "Thứ sáu, 22/5/2020, 06:00 (GMT+7)")
    )
    assert article.updated_at == datetime(2020, 5, 22, 6, 0, tzinfo=HCM)
    assert article.byline == "Ngọc Hậu"


def test_date_line_with_a_leading_category():
    article = parse_text(page("Thời sự 26-08-2020", "Cầu mới thông xe", LEAD, *BODY))
    assert (article.section, article.headline) == ("Thời sự", "Cầu mới thông xe")
    assert article.updated_at == datetime(2020, 8, 26, tzinfo=HCM)


def test_date_then_section_then_headline():
    article = parse_text(page("26/08/2020 06:00", "THỜI SỰ", "Cầu mới thông xe", LEAD, *BODY))
    assert (article.section, article.headline) == ("THỜI SỰ", "Cầu mới thông xe")
    assert article.updated_at == datetime(2020, 8, 26, 6, 0, tzinfo=HCM)


def test_a_category_word_above_a_sentence_headline_is_the_section():
    headline = "Cầu mới nối hai quận được khánh thành sau hai năm xây dựng ở Cần Thơ."
    article = parse_text(page("Giao thông", headline, LEAD, *BODY))
    assert (article.section, article.headline, article.lead) == ("Giao thông", headline, LEAD)


@pytest.mark.parametrize(
    "line",
    ["Chia sẻ:", "Tin liên quan", "Xem thêm", "Từ khóa:", "In bài viết",
     "Chia sẻ 1.234", "12 chia sẻ", "Trở lại Kinh doanh", "Copy link thành công"],
)  # fmt: skip
def test_page_furniture_anywhere_is_dropped(line):
    article = parse_text(page("Cầu mới thông xe", LEAD, BODY[0], line, *BODY[1:]))
    assert article.paragraphs == tuple(BODY)


def test_a_hard_wrapped_page_is_joined_back_into_paragraphs():
    def wrapped(text: str) -> str:
        out, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > 64:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return "\n".join([*out, line])

    paragraphs = [f"{text} {text}" for text in BODY]
    article = parse_text("\n\n".join(["Cầu mới thông xe", *map(wrapped, (LEAD, *paragraphs))]))
    assert (article.headline, article.lead, article.paragraphs) == (
        "Cầu mới thông xe",
        LEAD,
        tuple(paragraphs),
    )
    # Short lines one under another (a share bar, a headline and its date) are not a wrap.
    assert pasterules.wrap_width(["Chia sẻ", "Zalo", "Facebook", "In"], [0, 0, 0, 0]) == 0


def test_a_page_that_repeats_its_photo_caption_and_labels_its_date():
    article = parse_text(
        page(
            "Texas State Capitol",
            "Texas",
            "Voters pass increase for retired public education workers",
            "by: Cora Neas",
            "Posted: Nov 8, 2023 / 04:43 PM CST",
            "Texas State Capitol",
            "by: Cora Neas",
            "SHARE",
            "AUSTIN (KXAN) — " + BODY[0],
            *BODY[1:],
        )
    )
    assert article.headline == "Voters pass increase for retired public education workers"
    assert (article.section, article.byline) == ("Texas", "Cora Neas")
    assert article.updated_at is not None
    assert article.updated_at.isoformat() == "2023-11-08T16:43:00-06:00"


def test_a_label_and_a_photo_credit_are_never_the_headline():
    article = parse_text(
        page("Cầu mới thông xe", "Publicado:", "Ảnh cầu mới © Ngọc Hậu", LEAD, *BODY)
    )
    assert article.headline == "Cầu mới thông xe"


def test_byline_and_date_under_a_long_photo_caption_below_the_lead():
    caption = (
        "[anh-cau] "
        + "Cầu Ninh Kiều - Cái Răng nhìn từ trên cao trong buổi chiều khánh thành. " * 2
    )
    article = parse_text(page("Cầu mới thông xe", LEAD, caption, "By Abby Patkin",
                              "November 8, 2023 | 1:49 PM", *BODY))  # fmt: skip
    assert article.byline == "Abby Patkin"
    assert article.updated_at == datetime(2023, 11, 8, 13, 49, tzinfo=HCM)


def test_image_placeholders_of_a_text_browser_are_dropped():
    article = parse_text(page("Cầu mới thông xe", LEAD, "[corona-728]", *BODY))
    assert article.paragraphs == tuple(BODY)


def test_labels_on_their_own_lines_and_a_category_in_capitals_under_the_headline():
    article = parse_text(
        page(
            "Volleyball",
            "Cầu mới thông xe",
            "AVOCAT",
            "STAND",
            "21.4.2021, 16:41 Uhr",
            "AUTOR/IN",
            "Julius Richter",
            "auf Whatsapp teilen",
            "per Mail teilen",
            LEAD,
            *BODY,
        )
    )
    assert (article.headline, article.section) == ("Cầu mới thông xe", "AVOCAT")
    assert article.byline == "Julius Richter"
    assert article.updated_at == datetime(2021, 4, 21, 16, 41, tzinfo=HCM)
    assert article.lead == LEAD


def test_by_on_its_own_line_under_the_lead():
    article = parse_text(page("Cầu mới thông xe", LEAD, "By", "Tom Hopkinson", *BODY))
    assert article.byline == "Tom Hopkinson"
    assert article.paragraphs == tuple(BODY)


def test_byline_and_date_on_one_line_at_the_end():
    article = parse_text(
        page(
            "Cầu mới thông xe",
            LEAD,
            *BODY,
            "Ouest-France Recueilli par Patrick ANGEVIN. Publié le 02/11/2023 à 14h49",
            "Abonnez-vous",
            "Lire plus tard",
        )
    )
    assert article.byline == "Patrick ANGEVIN"
    assert article.updated_at == datetime(2023, 11, 2, 14, 49, tzinfo=HCM)
    # A place at the end of a broken sentence is no name alone.
    assert pasterules.byline_of("Puerto Natales.") == ("", "")


def test_a_name_alone_under_the_lead_with_its_date_line_below():
    article = parse_text(
        page(
            "Cầu mới thông xe",
            LEAD,
            "Chia sẻ",
            "Nuño Domínguez",
            "Twitter",
            "19 FEB 2020 - 18:37 CET",
            *BODY,
        )
    )
    assert article.byline == "Nuño Domínguez"
    assert article.paragraphs == tuple(BODY)
