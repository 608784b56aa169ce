"""The editor ⇄ Markdown bridge: golden files, figures, and the save-and-reload property."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from newsroom_desktop.core import body
from newsroom_desktop.core.body import BULLET, HARD_BREAK, NUMBER, OBJECT_CHAR, write_blocks
from newsroom_desktop.ui.editor.bridge import (
    document_blocks,
    document_to_markdown,
    markdown_to_document,
)
from newsroom_desktop.ui.editor.commands import (
    apply_link,
    indent_list,
    insert_figure,
    is_figure_block,
    set_heading,
    set_quote,
    toggle_list,
    toggle_mark,
)
from newsroom_desktop.ui.editor.figures import FigureSource
from newsroom_desktop.ui.editor.formats import base_char_format, block_format

GOLDEN = Path(__file__).parent / "golden"
PHOTO_IDS = ["7d9e0c8a-4b1f-4f6e-8a55-2f7e1c3d9b01", "7d9e0c8a-4b1f-4f6e-8a55-2f7e1c3d9b02"]
EXAMPLES = int(os.environ.get("NEWSROOM_FUZZ_EXAMPLES", "60"))


def load(markdown: str) -> QTextDocument:
    doc = QTextDocument()
    markdown_to_document(markdown, doc, FigureSource())
    return doc


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.glob("canonical-*.md")))
def test_canonical_golden_files_load_and_save_unchanged(qapp, name):
    markdown = (GOLDEN / name).read_text(encoding="utf-8")
    assert document_to_markdown(load(markdown)) == markdown


def test_non_canonical_markdown_normalises_to_the_known_form(qapp):
    messy = (GOLDEN / "messy.in.md").read_text(encoding="utf-8")
    expected = (GOLDEN / "messy.out.md").read_text(encoding="utf-8")
    assert document_to_markdown(load(messy)) == expected
    assert document_to_markdown(load(expected)) == expected


def test_loading_is_not_an_undo_step_and_leaves_the_document_unmodified(qapp):
    doc = load("Một **hai**.\n")
    assert not doc.isUndoAvailable()
    assert not doc.isModified()


def test_a_figure_is_one_block_holding_one_object(qapp):
    md = f"Trước.\n\n{body.figure_markdown(PHOTO_IDS[0], 'Ảnh [1]')}\n\nSau.\n"
    doc = load(md)
    figure = doc.findBlockByNumber(1)
    assert figure.text() == OBJECT_CHAR
    assert is_figure_block(figure)
    assert doc.blockCount() == 3
    assert body.figures(document_to_markdown(doc))[0].alt == "Ảnh [1]"


def test_inserting_a_figure_mid_paragraph_splits_it_and_undoes_in_one_step(qapp):
    doc = load("Đầu đoạn cuối đoạn.\n")
    cursor = QTextCursor(doc)
    cursor.setPosition(len("Đầu đoạn"))
    insert_figure(cursor, PHOTO_IDS[0], "")
    assert document_to_markdown(doc) == (f"Đầu đoạn\n\n![](photo:{PHOTO_IDS[0]})\n\ncuối đoạn.\n")
    doc.undo()
    assert document_to_markdown(doc) == "Đầu đoạn cuối đoạn.\n"


def test_unsafe_links_become_text(qapp):
    doc = load("[bấm](javascript:alert(1)) [trang](ftp://x.vn/a) [web](https://x.vn/a)\n")
    hrefs = {r.href for b in document_blocks(doc) for r in b.runs}
    assert hrefs == {"", "https://x.vn/a"}


def test_every_heading_level_maps_to_h2_or_h3(qapp):
    md = "# Một\n\n## Hai\n\n### Ba\n\n#### Bốn\n\n###### Sáu\n"
    assert document_to_markdown(load(md)) == "## Một\n\n## Hai\n\n### Ba\n\n### Bốn\n\n### Sáu\n"


def test_nfd_text_is_saved_as_nfc(qapp):
    doc = QTextDocument()
    QTextCursor(doc).insertText("Vie\u0302\u0323t Nam")
    assert document_to_markdown(doc) == "Việt Nam\n"


# --- the property: what the editor builds survives save and reload ------------------------

WORDS = [
    *("Việt", "Nam", "đẹp", "Đảng", "ưu", "Hà", "Nội.", "“trích”", "x_y", "a*b", "ở"),
    *("#1", "[x]", "`mã`", "<b>", "a>b", "\\", "1.", "2021.", "-", "+", "=", "~~~", "!"),
    *("&amp;", "(ngoặc)", "***", "_", "**", "—", "…", ":", "10)"),
]
STYLES = ["plain", "plain", "bold", "italic", "bolditalic", "link"]
LINK = "https://vi.wikipedia.org/wiki/Việt_Nam"

run_st = st.tuples(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
    st.sampled_from(STYLES),
    st.sampled_from([" ", " ", "", HARD_BREAK]),
)
block_st = st.one_of(
    st.tuples(
        st.sampled_from(["p", "p", "h2", "h3", "quote"]), st.lists(run_st, min_size=1, max_size=5)
    ),
    st.tuples(
        st.sampled_from([f"{BULLET}1", f"{BULLET}2", f"{NUMBER}1", f"{NUMBER}2"]),
        st.lists(run_st, min_size=1, max_size=3),
    ),
    st.tuples(st.sampled_from(["figure"]), st.sampled_from(PHOTO_IDS)),
)


def _insert_runs(cursor: QTextCursor, runs) -> None:
    for text, style, separator in runs:
        start = cursor.position()
        cursor.insertText(text, base_char_format())
        select = QTextCursor(cursor)
        select.setPosition(start)
        select.setPosition(cursor.position(), QTextCursor.MoveMode.KeepAnchor)
        if style in ("bold", "bolditalic"):
            toggle_mark(select, base_char_format(), "bold")
        if style in ("italic", "bolditalic"):
            toggle_mark(select, base_char_format(), "italic")
        if style == "link":
            apply_link(select, LINK)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(separator, base_char_format())


def build(spec) -> QTextDocument:
    """Build a document the way a writer would: type, select, format."""
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for index, (kind, content) in enumerate(spec):
        if index:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock(block_format(), base_char_format())
        if kind == "figure":
            insert_figure(cursor, content, "ảnh *một*")
            continue
        _insert_runs(cursor, content)
        if kind in ("h2", "h3"):
            set_heading(cursor, int(kind[1]))
        elif kind == "quote":
            set_quote(cursor, True)
        elif kind != "p":
            toggle_list(cursor, kind[:-1])
            if kind.endswith("2"):
                indent_list(cursor, 1)
    return doc


def _letters(blocks):
    return [
        (ch, run.bold, run.italic, run.href)
        for block in blocks
        for run in block.runs
        for ch in run.text
        if ch.isalnum()
    ]


def _squashed(doc: QTextDocument) -> str:
    text = doc.toPlainText().replace(OBJECT_CHAR, " ").replace(HARD_BREAK, " ")
    return " ".join(text.split())


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=st.lists(block_st, min_size=1, max_size=7))
def test_any_document_the_editor_builds_survives_save_and_reload(qapp, spec):
    doc = build(spec)
    markdown = document_to_markdown(doc)
    reloaded = load(markdown)
    assert document_to_markdown(reloaded) == markdown
    # The reloaded document holds exactly what the Markdown says...
    assert document_blocks(reloaded) == write_blocks(document_blocks(doc))[1]
    # ...which is the text the writer typed, with every letter's marks.
    assert _squashed(reloaded) == _squashed(doc)
    assert _letters(document_blocks(reloaded)) == _letters(document_blocks(doc))
