"""Sanitised HTML to blocks: what is dropped, what each element becomes."""

from __future__ import annotations

from newsroom_desktop.core import body
from newsroom_desktop.importers.htmlblocks import html_blocks, sanitize


def _blocks(markup: str):
    return html_blocks(sanitize(markup))


def test_scripts_handlers_and_unsafe_links_are_removed():
    clean = sanitize(
        '<p onclick="x()">A <a href="javascript:alert(1)">b</a> <a href="https://x.vn">c</a>'
        '<script>alert(2)</script><img src="data:image/png;base64,AA" onerror="y()"></p>'
        "<nav><a href='/'>Trang chủ</a></nav><iframe src='https://ads'></iframe>"
    )
    for bad in ("onclick", "javascript", "script", "alert", "onerror", "data:", "nav", "iframe",
                "Trang chủ"):  # fmt: skip
        assert bad not in clean
    assert 'href="https://x.vn"' in clean


def test_inline_formatting_becomes_markdown():
    (block,) = _blocks(
        "<p>Cầu <strong>dài</strong> <em>1,2 km</em>, xem <a href='https://cantho.gov.vn'>trang</a>"
        " và <code>mã</code>.<br>Dòng hai.</p>"
    )
    assert block.markdown == (
        "Cầu **dài** *1,2 km*, xem [trang](https://cantho.gov.vn) và `mã`.\\\nDòng hai."
    )
    assert block.text == "Cầu dài 1,2 km, xem trang và mã.\nDòng hai."


def test_relative_links_keep_only_their_text():
    (block,) = _blocks("<p>Xem <a href='/thoi-su/bai-khac.htm'>bài khác</a>.</p>")
    assert block.markdown == "Xem bài khác."


def test_headings_lists_quotes_and_code():
    blocks = _blocks(
        "<h3>Mục một</h3><ol><li>Một<ul><li>Nhỏ</li></ul></li><li>Hai</li></ol>"
        "<blockquote><p>Trích dẫn một.</p><p>Trích dẫn hai.</p></blockquote><pre>a = 1</pre>"
    )
    assert [b.kind for b in blocks] == ["heading", "list", "quote", "code"]
    assert blocks[0].markdown == "### Mục một"
    assert blocks[1].markdown == "1. Một\n   - Nhỏ\n2. Hai"
    assert body.blocks_text(blocks[2].markdown) == ["Trích dẫn một.", "Trích dẫn hai."]
    assert blocks[3].markdown == "```\na = 1\n```"


def test_figures_with_figcaption_and_credit():
    (figure,) = _blocks(
        '<figure><img src="anh/cau.jpg" alt="Cầu"><figcaption>Cầu mới. Ảnh: CHÍ QUỐC'
        "</figcaption></figure>"
    )
    assert figure.kind == "figure"
    assert figure.image_src == "anh/cau.jpg"
    assert figure.figure is not None
    assert (figure.figure.caption, figure.figure.credit, figure.figure.alt_text) == (
        "Cầu mới.",
        "CHÍ QUỐC",
        "Cầu",
    )


def test_a_one_photo_table_is_a_captioned_figure():
    (figure,) = _blocks(
        '<table class="tplCaption"><tr><td><img src="a.jpg"></td></tr>'
        '<tr><td><p class="Image">Cầu nhìn từ trên cao. Ảnh: Cửu Long</p></td></tr></table>'
    )
    assert figure.figure is not None
    assert (figure.figure.caption, figure.figure.credit) == ("Cầu nhìn từ trên cao.", "Cửu Long")


def test_class_names_give_roles_and_whole_emphasis_is_seen():
    blocks = _blocks(
        '<p class="sapo other">Mở đầu</p><p class="author">PHƯƠNG NAM</p><p><em>Chú thích</em></p>'
        "<p><strong>Tiêu đề nhỏ</strong></p>"
    )
    assert [b.role for b in blocks] == ["lead", "byline", "", ""]
    assert [b.emphasis for b in blocks] == ["", "", "italic", "bold"]


def test_stray_text_in_a_container_becomes_a_paragraph_and_images_inside_text_follow_it():
    blocks = _blocks(
        '<div>Chữ rời <b>đậm</b><div><p>Đoạn <img src="x.jpg"> có ảnh.</p></div></div>'
    )
    assert [(b.kind, b.markdown) for b in blocks] == [
        ("paragraph", "Chữ rời **đậm**"),
        ("paragraph", "Đoạn có ảnh."),
        ("figure", ""),
    ]
    assert blocks[2].image_src == "x.jpg"
