"""Imported text written as Markdown reads back as exactly the same text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom_desktop.core import body
from newsroom_desktop.importers.markup import escape_line, escape_text, heading, link_target

TRICKY = list("ab1 .)#>+-=~*_`[]<>!&;\\|:/()\"'đẠ")
LINE = (
    st.text(
        alphabet=st.sampled_from(TRICKY)
        | st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85"),
        min_size=1,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(LINE)
def test_any_line_survives_a_markdown_round_trip(line):
    assert body.blocks_text(escape_line(line)) == [line]


def test_markdown_lookalikes_stay_text():
    for line in ["# không phải tiêu đề", "- không phải danh sách", "1. không phải danh sách",
                 "**không đậm**", "[không](liên kết)", "&amp; giữ nguyên", "> không trích dẫn",
                 "---"]:  # fmt: skip
        assert body.blocks_text(escape_line(line)) == [line]
    assert escape_line("Tuyệt vời! Tin & ảnh") == "Tuyệt vời! Tin & ảnh"  # nothing needless


def test_lines_of_one_paragraph_become_hard_breaks():
    assert body.blocks_text(escape_text("dòng một\n- dòng hai")) == ["dòng một\n- dòng hai"]


def test_headings_and_links():
    assert heading("Giảm tải cho phà", 1) == "## Giảm tải cho phà"
    assert heading("Mục nhỏ", 6) == "#### Mục nhỏ"
    assert link_target("https://x.vn/a b") == "<https://x.vn/a b>"
    assert link_target("https://x.vn/a") == "https://x.vn/a"
