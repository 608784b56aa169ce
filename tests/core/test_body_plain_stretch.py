"""A long body's plain text (word count, search) read a stretch at a time equals the whole parse."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsroom_desktop.core import body
from newsroom_desktop.core.body import render
from tests.fuzz.bounds import DATA

# Lines that mean something to Markdown, and lines that are plain text, mixed at random: lists
# and quotes that a plain line ends (or seems to continue), fences and indented code holding
# blank and plain lines, link definitions far from their links, setext underlines, hard breaks.
TRICKY = [
    "",
    "   ",
    "\t",
    "- một",
    "* hai",
    "1. ba",
    "2) bốn",
    "  tiếp",
    "    mã nguồn",
    "\tmã tab",
    "> trích",
    ">",
    "```",
    "~~~",
    "``` python",
    "# Tiêu đề",
    "## Phụ đề",
    "===",
    "---",
    "***",
    "[ref]: https://vnexpress.net",
    "Xem [bài][ref] và [ref].",
    "[a]",
    "Có **đậm** và _nghiêng_.",
    "Dòng ngắt cứng  ",
    "Dòng gạch chéo\\",
    "![ảnh](photo:0b0e4f4e-1f0c-4c39-9f0e-4f2f1b6a9c11)",
    "Chữ `mã` đây",
    "&amp; và &#272;",
    "<div>khối</div>",
    "<https://vnexpress.net>",
    "a | b",
    "Dòng\rquay về",
    "Dòng có \x00",
    "Người dân hai quận Ninh Kiều.",
    "Cầu mới: 1.500 tỷ đồng (dự kiến).",
    "Hà Nội - Sài Gòn # 2 = ba",
    "Đ",
    "Mỹ  ",
]


# Each line is followed by a blank line or not: plain lines between blank lines are frequent.
LINES = st.lists(st.tuples(st.sampled_from(TRICKY), st.booleans()), max_size=30)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(LINES)
# What reaches across a plain line: a link and its definition, a fence around it.
@example([("Xem [bài][ref].", True), ("Hà Nội.", True), ("[ref]: https://vnexpress.net", False)])
@example([("~~~", True), ("Người dân hai quận Ninh Kiều.", True), ("~~~", False)])
def test_stretch_reading_equals_the_whole_parse(lines: list[tuple[str, bool]]) -> None:
    markdown = "".join(line + ("\n\n" if spaced else "\n") for line, spaced in lines)
    assert render.blocks_text_by_stretch(markdown) == render.blocks_text(markdown)


def test_a_long_real_article_reads_the_same_as_its_parts() -> None:
    """The seed article repeated past the whole-parse limit: the same text, the same words."""
    article = (DATA / "imports" / "markdown" / "2021-09-07-cau-ninh-kieu.md").read_text()
    one = article.split("---\n", 2)[2]  # the body below the front matter
    times = render.WHOLE_PARSE_LIMIT // len(one) + 2
    long_body = "\n\n".join([one] * times)
    assert len(long_body) > render.WHOLE_PARSE_LIMIT
    assert body.plain_text(long_body) == "\n\n".join([body.plain_text(one)] * times)


PLAIN_PARTS = st.sampled_from(
    ["Người", "dân", "Đ", "½", "²", "1", "_", " ", "  ", "\t", "\xa0", "\u2028", "\x0c", "~~~",
     ".", ":", "-", "#", "*", "[", "]", "!", "&", "<", "\\", "\r", "\0", "\n", "\n\n", "\n\n\n"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(PLAIN_PARTS, max_size=25).map("".join))
@example("Người dân\n\nhai quận.\n")
@example("Người dân  \n\nhai quận.\n")
@example("Người dân\n\nhai quận.  \n")
@example("Người\n\n½ dân\n")
def test_a_body_plain_as_it_is_reads_as_the_parse_does(markdown: str) -> None:
    if render.is_plain_as_it_is(markdown):
        assert markdown.rstrip() == "\n\n".join(render._tokens_text(body.tokens(markdown)))
        assert markdown.rstrip() == "\n\n".join(render.blocks_text_by_stretch(markdown))


def test_a_long_plain_body_is_read_as_it_is() -> None:
    lines = ["Người dân hai quận Ninh Kiều.", "Cầu mới: 1.500 tỷ đồng (dự kiến).", "Mỹ"]
    long_body = "\n\n".join(lines * (render.CACHED_PLAIN_LIMIT // 20)) + "\n"
    assert render.is_plain_as_it_is(long_body)
    assert body.plain_text(long_body) == "\n\n".join(render.blocks_text_by_stretch(long_body))
