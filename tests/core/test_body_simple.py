"""Plain bodies tokenized without markdown-it give exactly markdown-it's tokens and HTML."""

from __future__ import annotations

import string

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsroom_desktop.core import body
from newsroom_desktop.core.body.parse import MARKDOWN
from newsroom_desktop.core.body.simple import simple_tokens
from tests.core.test_body_plain_stretch import TRICKY
from tests.fuzz.bounds import DATA

# Lines on the border of "plain": every ASCII punctuation mark at the start, inside and at the
# end of a line of text, headings of each level with and without their space, closing marks,
# indents and trailing spaces, and Unicode spaces that str.strip() takes but Markdown keeps.
PLAIN = "Người dân Ninh Kiều"
CODE = ("code_block", "fence")
BORDER = [
    *(f"{mark}{PLAIN}" for mark in string.punctuation),
    *(f"{PLAIN} {mark} đây" for mark in string.punctuation),
    *(f"{PLAIN}{mark}" for mark in string.punctuation),
    *(f"{'#' * level} {PLAIN}" for level in range(1, 8)),
    "#Không cách",
    "## Tiêu đề ##",
    "##   Nhiều cách  ",
    "## ",
    "##",
    "## \u00a0",
    "## \u00a0Cách lạ\u3000",
    f"{PLAIN}\u00a0",
    f"{PLAIN}\u2028tiếp",
    f"{PLAIN}\x0c",
    f"{PLAIN}\t",
    f" {PLAIN}",
    f"    {PLAIN}",
    "2021 là năm bản lề.",
    "1. Một",
    "Dòng 06:59 ngày 07/09/2021, https://cantho.gov.vn và a@b.vn.",
    'Ông nói: “Đảng” và "Nhà nước" ~~xoá~~ 50% (dự kiến) + thêm = {x} ^ $ | a',
    "_",
    "Ă",
]
ENDS = st.sampled_from(["\n", "\n\n", "\n\n\n"])
LINES = st.lists(st.tuples(st.sampled_from(BORDER + TRICKY), ENDS), max_size=20)


def _same_as_markdown_it(markdown: str) -> None:
    parsed = MARKDOWN.parse(markdown)
    assert [t.as_dict() for t in body.parse(markdown)] == [t.as_dict() for t in parsed]
    assert [t.as_dict() for t in body.tokens(markdown)] == [t.as_dict() for t in parsed]
    assert body.render_html(markdown) == body.render_tokens(parsed, body.default_figure_html)
    texts = (body.inline_text(t).strip() for t in parsed if t.type == "inline")
    assert body.has_text(markdown) == (any(texts) or any(t.type in CODE for t in parsed))
    sources = [str(image.attrGet("src")) for _, image in body.inline_images(parsed)]
    assert body.image_sources(markdown) == sources


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(LINES, st.booleans())
@example([(PLAIN + ".", "\n\n"), ("## " + PLAIN, "\n\n"), (PLAIN, "\n")], False)
@example([(PLAIN, "\n"), ("===", "\n")], True)
def test_plain_bodies_parse_as_markdown_it_does(lines: list[tuple[str, str]], lead: bool) -> None:
    markdown = ("\n" if lead else "") + "".join(line + end for line, end in lines)
    _same_as_markdown_it(markdown)


def test_every_seed_and_reference_body_parses_the_same() -> None:
    for path in sorted(DATA.rglob("*.md")) + sorted(DATA.rglob("*.txt")):
        _same_as_markdown_it(path.read_text(encoding="utf-8", errors="replace"))


def test_a_plain_article_skips_the_general_parser() -> None:
    article = "Người dân hai quận vui mừng.\n\n## Cầu mới\n\nCầu dài 1.500 m: “rất đẹp”.\n"
    tokens = simple_tokens(article)
    assert tokens is not None
    assert [t.type for t in tokens][:3] == ["paragraph_open", "inline", "paragraph_close"]
    assert body.render_html(article) == (
        "<p>Người dân hai quận vui mừng.</p>\n<h2>Cầu mới</h2>\n"
        "<p>Cầu dài 1.500 m: “rất đẹp”.</p>\n"
    )


def test_anything_else_goes_to_markdown_it() -> None:
    for markdown in ("Hai dòng\nmột đoạn", "Có *nhấn*", "- mục", "## Tiêu đề ##", "    mã"):
        assert simple_tokens(markdown) is None
