"""The body as blocks: paragraphs with styled runs, headings, lists, quotes, code, figures."""

from __future__ import annotations

from markdown_it import MarkdownIt

from newsroom_desktop.core import body
from newsroom_desktop.core.body import Run, body_blocks, markdown_blocks

PHOTO = "0b7c2a4e-1111-4222-8333-444455556666"


def test_blocks_in_reading_order():
    body = (
        "## Đầu\n\nChữ **đậm** và *nghiêng* với [link](https://a.example/) `mã`.\n\n"
        f"![khác](other.jpg)\n\n![ảnh](photo:{PHOTO})\n\n"
        "- một\n  - hai\n\n3. ba\n4. bốn\n\n> trích\n\n---\n\n```\nx < y\n```\n"
    )
    blocks = body_blocks(body)
    kinds = [(b.kind, b.level, b.number, b.quote) for b in blocks]
    assert kinds == [
        ("heading", 2, 0, 0),
        ("paragraph", 0, 0, 0),
        ("paragraph", 0, 0, 0),  # an image that is not one of ours is no figure
        ("figure", 0, 0, 0),
        ("item", 1, 0, 0),
        ("item", 2, 0, 0),
        ("item", 1, 3, 0),
        ("item", 1, 4, 0),
        ("paragraph", 0, 0, 1),
        ("rule", 0, 0, 0),
        ("code", 0, 0, 0),
    ]
    assert blocks[1].runs == (
        Run("Chữ "),
        Run("đậm", bold=True),
        Run(" và "),
        Run("nghiêng", italic=True),
        Run(" với "),
        Run("link", href="https://a.example/"),
        Run(" "),
        Run("mã", code=True),
        Run("."),
    )
    assert (blocks[3].use_id, blocks[3].alt) == (PHOTO, "ảnh")
    assert blocks[-1].text == "x < y"


def test_an_empty_list_item_before_a_paragraph_is_read():
    # An item with nothing in it used to leave the walker expecting one (an IndexError).
    assert [(b.kind, b.level) for b in body_blocks("- \n\nđoạn\n")] == [("paragraph", 0)]
    assert [b.text for b in markdown_blocks("1. \n\nđoạn\n")] == ["đoạn"]


def test_one_body_is_parsed_once_for_all_its_readers(monkeypatch):
    text = f"Chữ ![web](https://a.example/x.jpg)\n\n![ảnh](photo:{PHOTO})\n\n- một\n"
    calls: list[str] = []
    parse = MarkdownIt.parse

    def counting(self, src, env=None):
        calls.append(src)
        return parse(self, src, env)

    monkeypatch.setattr(MarkdownIt, "parse", counting)
    body.tokens.cache_clear()
    body.render_html(text)
    body.figures(text)
    body.image_sources(text)
    body.has_text(text)
    body_blocks(text)
    markdown_blocks(text)
    assert calls == [text]
