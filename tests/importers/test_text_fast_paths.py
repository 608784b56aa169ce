"""The quick checks that made text import fast decide exactly as the full rules did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom_desktop.core.text import clean_line, fold, fold_opening
from newsroom_desktop.importers import markup, rules
from newsroom_desktop.importers import text as text_importer
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


OPENINGS = st.sampled_from(
    ["Ch", "ch", "CH", "Bì", "In", "in", "İn", "ın", "A+", "a-", "Za", "Fa", "Ti", "Re", "Đọ",
     "Lư", "LƯ", "lư", "Số", "ſố", "SỐ", "Vi", "VI", "Đã", "đã", "(L", "1.", "👁", "Th", "Ng",
     "ǅa", "ﬀ", "Kı", "Kı", "q\u0301", "\u0301a", "Ǆ", "Xe", "Qu", "| ", "· "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.builds(lambda opening, rest: opening + rest, OPENINGS, LINES))
def test_a_line_the_opening_check_passes_is_never_dropped(line: str):
    spaced = clean_line(line)
    if spaced and not text_importer._MayBeDropped()[spaced[:2]]:
        assert not text_importer._is_dropped_clean(spaced)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=2))
def test_the_folded_opening_opens_the_folded_text(text: str):
    opening = fold_opening(text)
    assert fold(text).startswith(opening)
    assert opening == "" or (len(opening) == 2 and opening.isascii() and opening.isalpha())


def test_every_way_a_view_counter_opens_is_seen():
    """The view counter's quick opening look misses no opening its full pattern allows."""
    tails = ["ượt xem 1", "ượt đọc 2", "ố lần xem 3", "iews 4", "eads 5", "ã xem 6", "1 lượt xem"]
    second = {"l": "ợt xem 1", "L": "ỢT ĐỌC 1", "s": " lần xem 1", "v": "ews 1", "V": "EW 1",
              "r": "ads 1", "R": "EADS 1", "đ": " xem 1", "Đ": " XEM 1"}  # fmt: skip
    for code in [*range(0x3000), 0x17F, 0x212A, 0x1F441]:  # every case pair re knows of
        char = chr(code)
        for line in [char + tail for tail in tails] + [f + char + t for f, t in second.items()]:
            if rules.is_view_counter_clean(line):
                assert rules.may_open_view_counter(line), line
