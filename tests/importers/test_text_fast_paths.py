"""The quick checks that made text import fast decide exactly as the full rules did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom_desktop.core.text import clean_line, fold
from newsroom_desktop.importers import markup, rules
from newsroom_desktop.importers.text import lines_of

# The rules as they were before the quick checks: the reference on generated lines.
OLD_HEADING_NUMBERING_RE = re.compile(r"^(?:(?:\d+|[IVXLC]+)[.)]\s+)?[\"“'‘(«\[]*")


def old_is_furniture(line: str) -> bool:
    folded = fold(clean_line(line))
    if not folded or len(folded) > rules.MAX_FURNITURE_CHARS:
        return False
    rest, found = rules._FURNITURE_RE.subn(" ", folded)
    return found > 0 and not rules._LEFTOVER_RE.sub("", rest)


def old_split_credit(caption: str) -> tuple[str, str]:
    text = clean_line(caption)
    found = rules._CREDIT_RE.search(text)
    if found is None or not found.group("credit").strip(" .-"):
        return text, ""
    return text[: found.start()].rstrip(" -–—,;:("), found.group("credit").strip(" ")


def old_is_heading_shape(line: str) -> bool:
    line = clean_line(line)
    if not line or len(line) > 120 or len(line.split()) > 20:
        return False
    first = OLD_HEADING_NUMBERING_RE.sub("", line)[:1]
    return (first.isupper() or line[:1].isdigit()) and not line.endswith(
        (".", ",", ";", ":", "…", "-", "–")
    )


def old_opens_like_caption(line: str) -> bool:
    return len(line) <= 300 and bool(rules._CAPTION_OPENING_RE.match(line.strip()))


def old_escape_line(line: str) -> str:
    return markup.escape_line_start(markup.escape_inline(line))


WORDS = st.sampled_from(
    ["Chia sẻ", "chia se", "Bình luận", "in", "A+", "a-", "Facebook", "Zalo", "|", "·", "12",
     "Ảnh", "ảnh", "Ảnh minh họa", "Photo by", "PHOTO", "Nguồn ảnh", "Đồ họa", "Video", "Image",
     ":", "-", "–", "—", "(", ")", "TTXVN", "Ngọc Hậu", "by", "BY", "bY", "1.", "2)", "IV.",
     "“", "«", "[", "#", ">", "*", "_", "`", "&amp;", "&", "<b>", "Thời sự", "Cần Thơ", ".",
     "…", ",", "x", "İmage", "ımage", "ſ", "\u0301", "\x01", "\t", "  ", "\xa0", "đ", "Đ"]
)  # fmt: skip
LINES = st.lists(WORDS, max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(LINES, LINES.map(lambda line: f"   {line}" * 12)))  # long ones: the limits
def test_quick_checks_agree_with_the_full_rules(line: str):
    assert rules.is_furniture(line) == old_is_furniture(line)
    assert rules.split_credit(line) == old_split_credit(line)
    assert rules.is_heading_shape(line) == old_is_heading_shape(line)
    assert rules.opens_like_caption(line) == old_opens_like_caption(line)
    one_line = line.replace("\n", " ")
    assert markup.escape_line(one_line) == old_escape_line(one_line)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(LINES, st.just(""), st.just("\r\n"), st.just("\r")), max_size=8))
def test_each_line_read_is_clean_so_its_spaced_form_is_clean_line(parts: list[str]):
    for line in lines_of("\n".join(parts)):
        assert line.spaced == clean_line(line.text)
        assert line.text == line.text.strip() and "\n" not in line.text
