"""Paste into the body: web pages and Word keep their structure and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData

from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.ui.editor.bridge import document_blocks
from newsroom_desktop.ui.editor.figures import FigureSource
from newsroom_desktop.ui.editor.paste import MARKDOWN_MIME, sanitise_html
from newsroom_desktop.ui.editor.text_edit import BodyEdit

# Word's clipboard HTML (mso- styles, <o:p>, conditional comments), abridged.
WORD_HTML = (Path(__file__).parent / "golden" / "word-clipboard.html").read_text(encoding="utf-8")


@pytest.fixture
def edit(qtbot):
    widget = BodyEdit()
    qtbot.addWidget(widget)
    return widget


def paste(edit: BodyEdit, *, html: str | None = None, text: str | None = None) -> str:
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    edit.insertFromMimeData(mime)
    return edit.to_markdown()


def test_hostile_html_pastes_as_plain_structure(edit):
    hostile = (
        '<p style="color:red" onclick="steal()">Xin <script>alert(1)</script>chào '
        '<img src=x onerror="alert(1)"><font color="red" face="Arial">bạn</font> '
        '<a href="javascript:alert(1)">bấm</a> <a href="https://vnexpress.net/">báo</a></p>'
        "<style>p{color:red}</style><iframe src='https://evil.example'></iframe>"
    )
    assert paste(edit, html=hostile) == "Xin chào bạn bấm [báo](https://vnexpress.net/)\n"
    html = edit.document().toHtml()
    assert "alert" not in html
    assert "evil" not in html
    # Nothing of the page's look came along: no colour, font family or image in the document.
    for block in document_blocks(edit.document()):
        assert {r.href for r in block.runs} <= {"", "https://vnexpress.net/"}
    assert "Arial" not in html
    assert "#ff0000" not in html.lower()


def test_sanitiser_keeps_only_structural_tags():
    clean = sanitise_html(
        '<div style="font-family:Arial"><h1 class="x">T</h1><table><tr><td>a</td><td>b</td></tr>'
        '</table><a href="https://x.vn" target="_blank" style="color:red">l</a>'
        '<a href="data:text/html,x">d</a><img src="https://x.vn/a.png"></div>'
    )
    for gone in ("style", "class", "target", "img", "data:", "table", "td", "div"):
        assert gone not in clean
    assert "<h1>T</h1>" in clean
    assert '<a href="https://x.vn">l</a>' in clean


def test_word_html_pastes_as_clean_paragraphs_lists_bold_italic(edit):
    assert paste(edit, html=WORD_HTML) == (
        "**Tiêu đề đậm**\n\n"
        "Đoạn *nghiêng* và chữ lạ.\n\n"
        "- Mục một\n"
        "  - Mục con\n\n"
        "1. Bước một\n"
        "2. Bước hai\n\n"
        "Kết.\n"
    )


def test_google_docs_wrapper_does_not_make_everything_bold(edit):
    gdocs = (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">'
        '<p dir="ltr"><span style="font-weight:700;color:#000000">Đậm</span>'
        '<span style="font-weight:400"> thường </span>'
        '<span style="font-style:italic;font-weight:400">nghiêng</span></p></b>'
    )
    assert paste(edit, html=gdocs) == "**Đậm** thường *nghiêng*\n"


def test_web_headings_lists_and_quotes_keep_their_structure(edit):
    page = (
        "<h1>Một</h1><h4>Bốn</h4><ul><li>a<ul><li>b</li></ul></li></ul>"
        "<blockquote><p>Trích <em>dẫn</em></p></blockquote><p>x<br>y</p>"
    )
    assert paste(edit, html=page) == "## Một\n\n### Bốn\n\n- a\n  - b\n\n> Trích *dẫn*\n\nx\\\ny\n"


def test_plain_text_paste_is_nfc_and_keeps_paragraphs(edit):
    nfd = "Vie\u0302\u0323t Nam\r\n\r\nHa\u0300 No\u0323\u0302i\tthủ đô"
    assert paste(edit, text=nfd) == "Việt Nam\n\nHà Nội thủ đô\n"


def test_pasting_one_line_joins_the_paragraph_at_the_cursor(edit):
    paste(edit, text="Đầu cuối")
    cursor = edit.textCursor()
    cursor.setPosition(len("Đầu "))
    edit.setTextCursor(cursor)
    assert paste(edit, html="<p><b>giữa</b></p>") == "Đầu **giữa**cuối\n"


def _use(use_id: str) -> PhotoUse:
    return PhotoUse(
        *(use_id, None, 0, "Chú thích", "", "", False, True, "", "", "", "", "", ""),
        *((), 0, 0, "", 1, "", "", "", "", None),
    )


def test_copy_then_paste_keeps_figures_of_this_article_only(edit):
    known = "7d9e0c8a-4b1f-4f6e-8a55-2f7e1c3d9b01"
    other = "7d9e0c8a-4b1f-4f6e-8a55-2f7e1c3d9b09"
    edit.figures = FigureSource([_use(known)])
    mime = QMimeData()
    mime.setData(MARKDOWN_MIME, f"A\n\n![](photo:{known})\n\n![](photo:{other})\n\nB\n".encode())
    edit.insertFromMimeData(mime)
    assert edit.to_markdown() == f"A\n\n![](photo:{known})\n\nB\n"
    # What the editor copies is the canonical Markdown of the selection.
    edit.selectAll()
    copied = edit.createMimeDataFromSelection()
    assert bytes(copied.data(MARKDOWN_MIME).data()).decode() == edit.to_markdown()
    assert copied.text() == "A\n\nB"


def test_paste_is_one_undo_step(edit):
    paste(edit, text="Một")
    paste(edit, html="<p>Hai</p><p>Ba</p>")
    edit.undo()
    assert edit.to_markdown() == "Một\n"
