"""Hostile files for every importer: random bytes, mutated real samples, generated structures.

Each input must end in an ImportedArticle or an ImportFailedError (a NewsroomError with one
clear line), within the time bound; never another exception, never a hang.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsroom_desktop.core.intake import ImportedArticle
from newsroom_desktop.importers.registry import parse_file
from tests.fuzz.bounds import DATA, FUZZ, ROOT, TEST_TIMEOUT_S, outcome
from tests.fuzz.mutate import mutated, mutations

IMPORTS = DATA / "imports"
SAMPLES = {
    "text": [
        ROOT / "resources" / "samples" / "sample-article.txt",
        *sorted((IMPORTS / "text").glob("*.txt")),
    ],
    "html": sorted((IMPORTS / "html").glob("*.html")),
    "md": sorted((IMPORTS / "markdown").rglob("*.md")),
    "docx": sorted((IMPORTS / "docx").glob("*.docx")),
}
SUFFIX = {"text": ".txt", "html": ".html", "md": ".md", "docx": ".docx"}
_names = itertools.count()
# Hostile inputs make zipfile and Pillow warn (duplicate names, tags past the end): expected.
pytestmark = [
    pytest.mark.filterwarnings("ignore::UserWarning"),
    pytest.mark.timeout(TEST_TIMEOUT_S),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-imports")


def parse(folder: Path, data: bytes, fmt: str, target: str, *, auto: bool = False) -> object:
    path = folder / f"input-{next(_names)}{SUFFIX[fmt] if not auto else ''}"
    path.write_bytes(data)
    try:
        result = outcome(target, lambda: parse_file(path, "auto" if auto else fmt))
    finally:
        path.unlink()
    if isinstance(result, ImportedArticle):
        assert result.lead or result.blocks  # an article has text, or it is refused
    return result


# -- random bytes and mutated samples, every format -------------------------------------------


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
@FUZZ
@given(data=st.binary(max_size=6000))
@example(data=b"")
@example(data=b"\xff\xfe" + "Tiêu đề\n\nNội dung".encode("utf-16-le"))
@example(data=b"PK\x03\x04" + b"\x00" * 40)
def test_random_bytes(folder: Path, data: bytes, fmt: str) -> None:
    parse(folder, data, fmt, f"{fmt} random bytes")
    parse(folder, data, fmt, "auto-detected random bytes", auto=True)


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
@FUZZ
@given(choice=st.integers(0, 50), edits=mutations())
def test_mutated_real_samples(folder: Path, fmt: str, choice: int, edits) -> None:
    sample = SAMPLES[fmt][choice % len(SAMPLES[fmt])]
    parse(folder, mutated(sample.read_bytes(), edits), fmt, f"{fmt} mutated sample")


@FUZZ
@given(
    text=st.text(max_size=3000), encoding=st.sampled_from(["utf-8", "utf-16", "cp1258", "cp1252"])
)
def test_random_text_in_any_encoding(folder: Path, text: str, encoding: str) -> None:
    parse(folder, text.encode(encoding, errors="ignore"), "text", "text random text")


# -- HTML: generated trees with hostile attributes ---------------------------------------------

TAGS = [
    "p",
    "div",
    "article",
    "section",
    "main",
    "figure",
    "figcaption",
    "img",
    "picture",
    "source",
    "script",
    "style",
    "iframe",
    "a",
    "h1",
    "h2",
    "h3",
    "table",
    "tr",
    "td",
    "ul",
    "ol",
    "li",
    "span",
    "b",
    "i",
    "strong",
    "em",
    "br",
    "meta",
    "time",
    "svg",
    "math",
    "template",
    "noscript",
    "blockquote",
    "pre",
    "code",
    "header",
    "footer",
    "nav",
    "title",
    "object",
    "embed",
    "video",
    "form",
    "input",
    "base",
    "link",
]
HOSTILE_VALUES = [
    "javascript:alert(1)",
    "file:///etc/passwd",
    "../../../../../../etc/passwd",
    "/etc/shadow",
    "data:image/png;base64,iVBORw0KGgo=",
    "data:text/html,<script>alert(1)</script>",
    "http://127.0.0.1:1/x.jpg",
    "\x00",
    "a" * 5000,
    "anh/cat-bang.jpg",
    "%2e%2e/%2e%2e/x",
    "article-content",
    "fck_detail",
    "author",
    "sapo",
    "2021-09-07T06:59:00+07:00",
    "' onerror='alert(1)",
    "&#0;&#x110000;&#xd800;",
    "\u202e\u200b\ufeff",
    "Ảnh: Ngọc Hậu",
]
ATTRS = [
    "src",
    "srcset",
    "href",
    "class",
    "id",
    "alt",
    "title",
    "style",
    "onerror",
    "onload",
    "content",
    "name",
    "property",
    "datetime",
    "data-src",
    "width",
    "height",
    "lang",
]
WORDS = st.sampled_from(
    [
        "Tăng cường",
        "sự lãnh đạo",
        "của Đảng",
        "Cần Thơ",
        "&nbsp;",
        "&amp;",
        "&lt;script&gt;",
        "Cập nhật lúc 06:59 ngày 07/09/2021",
        "Ảnh:",
        "<",
        ">",
        "&#1114111;",
        "\u0301",
        "Đ",
        "\r\n",
        "\t",
    ]
)


def _attrs() -> st.SearchStrategy[str]:
    pair = st.tuples(st.sampled_from(ATTRS), st.sampled_from(HOSTILE_VALUES) | st.text(max_size=20))
    return st.lists(pair, max_size=4).map(
        lambda ps: "".join(f' {k}="{v.replace(chr(34), "&quot;")}"' for k, v in ps)
    )


def _html_tree() -> st.SearchStrategy[str]:
    leaf = st.lists(WORDS | st.text(max_size=30), max_size=6).map(" ".join)

    def wrap(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.tuples(
            st.sampled_from(TAGS), _attrs(), st.lists(children, max_size=5), st.booleans()
        ).map(lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else ""))

    return st.recursive(leaf, wrap, max_leaves=60)


@FUZZ
@given(body=_html_tree(), head=_html_tree(), doctype=st.booleans())
@example(body="<div>" * 3000 + "Sâu" + "</div>" * 3000, head="", doctype=True)
@example(
    body="<p>&lol9;</p>",
    head='<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;&lol;&lol;">]>',
    doctype=False,
)
def test_generated_html_pages(folder: Path, body: str, head: str, doctype: bool) -> None:
    page = (
        f"{'<!DOCTYPE html>' if doctype else ''}<html><head>{head}</head><body>{body}</body></html>"
    )
    parse(folder, page.encode("utf-8"), "html", "html generated page")


# -- Markdown: front matter and bodies ---------------------------------------------------------

YAML_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=40)
    | st.sampled_from(HOSTILE_VALUES),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
FRONT_KEYS = st.sampled_from(
    [
        "title",
        "headline",
        "date",
        "lastmod",
        "tags",
        "categories",
        "author",
        "authors",
        "section",
        "lead",
        "description",
        "images",
        "photos",
        "lang",
        "slug",
        "excerpt",
        "byline",
    ]
)
MD_BLOCKS = st.sampled_from(
    [
        "# Tiêu đề",
        "## Phụ đề",
        "Đoạn văn bình thường.",
        "> trích dẫn\n> > lồng",
        "- a\n  - b\n    - c",
        '![Ảnh](anh/cat-bang.jpg "Chú thích")',
        "![x](../../../etc/passwd)",
        "![x](/etc/passwd)",
        "![x](http://127.0.0.1/a.jpg)",
        "<script>alert(1)</script>",
        "<div><p>html</p></div>",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "```\ncode\n```",
        "[link](javascript:alert(1))",
        "***",
        "1. một\n2. hai",
        "\\",
        "<!-- comment",
        "[^1]: chú thích",
        "---",
        "+++",
    ]
)


def _yaml_scalar(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)  # JSON is YAML; also hostile shapes below


@FUZZ
@given(
    front=st.dictionaries(FRONT_KEYS, YAML_VALUES, max_size=8),
    raw_front=st.sampled_from(
        [
            "",
            "!!python/object/apply:os.system ['true']",
            "a: &x [*x]",
            "a: b: c",
            "\t- x",
            "title: [unclosed",
            "? complex\n: key",
        ]
    ),
    blocks=st.lists(MD_BLOCKS | st.text(max_size=60), max_size=12),
    toml=st.booleans(),
)
@example(front={}, raw_front="a: &a [*a, *a, *a]\nb: &b [*a, *a, *a]", blocks=["x"], toml=False)
@example(front={}, raw_front="", blocks=["> " * 2000 + "sâu"], toml=False)
def test_generated_markdown_with_front_matter(folder: Path, front, raw_front, blocks, toml) -> None:
    if toml:
        head = "+++\n" + "\n".join(f"{k} = {_yaml_scalar(v)}" for k, v in front.items()) + "\n+++\n"
    else:
        lines = [f"{k}: {_yaml_scalar(v)}" for k, v in front.items()]
        head = "---\n" + "\n".join([*lines, raw_front]) + "\n---\n"
    text = head + "\n\n".join(blocks)
    parse(folder, text.encode("utf-8"), "md", "md generated")


# -- Word: zips with random members, real documents with mutated XML ---------------------------

DOCX_PARTS = [
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/media/image1.jpeg",
    "docProps/core.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
    "../../evil.txt",
    "/abs.xml",
]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            if name.split("\x00")[0]:  # zipfile cuts a name at NUL and cannot write an empty one
                archive.writestr(name, data)
    return buffer.getvalue()


def _real_members() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(SAMPLES["docx"][0]) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


@FUZZ
@given(
    members=st.lists(
        st.tuples(
            st.sampled_from(DOCX_PARTS) | st.text(min_size=1, max_size=20), st.binary(max_size=2000)
        ),
        max_size=8,
    )
)
def test_zips_with_random_members(folder: Path, members) -> None:
    parse(folder, _zip(members), "docx", "docx random zip")


@FUZZ
@given(part=st.integers(0, 100), edits=mutations(max_edits=6))
@example(part=-1, edits=[])  # a zip bomb: 200 MB of text in the document
def test_real_docx_with_a_mutated_part(folder: Path, part: int, edits) -> None:
    members = _real_members()
    if part == -1:
        xml = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
        bomb = xml + b"A" * 200_000_000 + b"</w:t></w:r></w:p></w:body></w:document>"
        members = [(n, bomb if n == "word/document.xml" else d) for n, d in members]
    else:
        index = part % len(members)
        name, data = members[index]
        members[index] = (name, mutated(data, edits))
    parse(folder, _zip(members), "docx", "docx mutated part")


# -- inputs that once crashed an importer (found by fuzzing), kept as regressions --------------

CRASHES = sorted((Path(__file__).parent / "crashes").iterdir())


@pytest.mark.parametrize("found", CRASHES, ids=[p.name for p in CRASHES])
def test_inputs_that_once_crashed_are_refused_clearly(folder: Path, found: Path) -> None:
    fmt = {".docx": "docx", ".html": "html", ".md": "md"}.get(found.suffix, "text")
    parse(folder, found.read_bytes(), fmt, f"{fmt} found crash")  # an article, or a clear refusal
