"""Find and replace in the body."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from newsroom_desktop.ui.editor.bridge import markdown_to_document
from newsroom_desktop.ui.editor.figures import FigureSource
from newsroom_desktop.ui.editor.find_replace import FindBar, FindOptions, find_all, replace_all
from newsroom_desktop.ui.editor.text_edit import BodyEdit

TEXT = "Đảng ủy **Đảng** bộ.\n\nDang dở, đang làm; ĐẢNG viên và đảng.\n"


def doc_of(markdown: str) -> QTextDocument:
    doc = QTextDocument()
    markdown_to_document(markdown, doc, FigureSource())
    return doc


def words(doc: QTextDocument, matches) -> list[str]:
    text = doc.toPlainText()
    return [text[a:b] for a, b in matches]


def test_find_ignores_case_unless_asked(qapp):
    doc = doc_of(TEXT)
    assert words(doc, find_all(doc, "đảng", FindOptions())) == ["Đảng", "Đảng", "ĐẢNG", "đảng"]
    assert words(doc, find_all(doc, "Đảng", FindOptions(match_case=True))) == ["Đảng", "Đảng"]


def test_ignoring_accents_finds_dang_for_all_its_spellings(qapp):
    doc = doc_of(TEXT)
    found = words(doc, find_all(doc, "dang", FindOptions(ignore_accents=True)))
    assert found == ["Đảng", "Đảng", "Dang", "đang", "ĐẢNG", "đảng"]


def test_whole_words(qapp):
    doc = doc_of("đảng đảngviên\n")
    assert len(find_all(doc, "đảng", FindOptions(whole_words=True))) == 1
    assert len(find_all(doc, "dang", FindOptions(whole_words=True, ignore_accents=True))) == 1


def test_replace_all_is_one_undo_step_and_keeps_bold(qapp):
    from newsroom_desktop.ui.editor.bridge import document_to_markdown

    doc = doc_of(TEXT)
    assert replace_all(doc, "Đảng", "Đoàn", FindOptions(match_case=True)) == 2
    assert document_to_markdown(doc).startswith("Đoàn ủy **Đoàn** bộ.")
    doc.undo()
    assert document_to_markdown(doc) == TEXT


@pytest.fixture
def bar(qtbot):
    edit = BodyEdit()
    markdown_to_document(TEXT, edit.document(), edit.figures)
    find = FindBar(edit)
    qtbot.addWidget(edit)
    qtbot.addWidget(find)
    return find


def test_find_next_and_previous_wrap_around(bar):
    bar.show_find()
    bar.find_edit.setText("đảng")
    picked = []
    for _ in range(5):
        assert bar.find_next()
        picked.append(bar.editor.textCursor().selectionStart())
    assert picked[4] == picked[0]
    assert bar.find_previous()
    assert bar.editor.textCursor().selectionStart() == picked[3]


def test_replace_steps_through_matches(bar):
    bar.show_find(replace=True)
    bar.find_edit.setText("đảng")
    bar.ignore_accents.setChecked(False)
    bar.replace_edit.setText("Đoàn")
    assert bar.replace_current()
    assert bar.editor.toPlainText().startswith("Đoàn ủy Đảng")
    bar.update_highlights()
    assert bar.status.text() == "3 matches"


def test_not_found_says_so(bar):
    bar.show_find()
    bar.find_edit.setText("không có")
    assert not bar.find_next()
    assert bar.status.text() == "Not found"
