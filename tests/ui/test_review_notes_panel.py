"""Notes beside the article: add one on a selected passage, jump to it, resolve and reopen it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from tests.conftest import EDITOR
from tests.ui.typing import type_text

PASSAGE = "Phó Bí thư Thường trực Thành ủy"
BODY = (
    "Tham dự tại điểm cầu Cần Thơ có đồng chí **Phạm Văn Hiểu**, Phó Bí thư Thường trực "
    "Thành ủy, Chủ tịch HĐND TP Cần Thơ.\n\nĐoạn thứ hai của bài."
)
NOTE = "Kiểm tra lại chức danh theo thông cáo mới nhất."


def select(edit, passage: str) -> None:
    text = edit.document().toPlainText()
    start = text.index(passage)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def open_article(window):
    doc = window.newsroom.articles.create({"headline": "Hội nghị Thành ủy", "body": BODY})
    window.refresh_list()
    window.open_article(doc.id)
    return doc


def add_note(qtbot, window, text: str) -> None:
    panel = window.review.notes_panel
    panel.input.setFocus()
    type_text(panel.input, text)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)


def test_add_a_note_on_the_selected_passage_and_jump_back_to_it(qtbot, make_window):
    window = make_window()
    doc = open_article(window)
    window.review.workflow.switch_person(EDITOR)
    panel = window.review.notes_panel
    # Without open notes the dock stays out of the editor's way until asked for.
    assert window.review.notes_dock.isHidden()
    window.commands["notes"].trigger()
    assert not window.review.notes_dock.isHidden()
    assert panel.empty.isVisible()

    select(window.editor.body, PASSAGE)
    assert panel.passage.text() == f"On “{PASSAGE}”"
    add_note(qtbot, window, NOTE)

    stored = window.newsroom.notes.list(doc.id)
    assert [(n.author, n.text, n.anchor_field, n.anchor_text) for n in stored] == [
        ("Phương Nam", NOTE, "body", PASSAGE)
    ]
    assert panel.input.toPlainText() == ""
    assert panel.passage.isHidden()
    card = panel.card(stored[0].id)
    assert card.quote.text() == f"“{PASSAGE}”"
    assert "Phương Nam" in card.findChild(type(card.quote), "noteMeta").text()
    assert window.review.bar.notes_button.text() == "1 open note(s)"
    assert panel.title.text() == "Notes · 1 open"

    window.editor.body.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert window.editor.body.textCursor().selectedText() == PASSAGE


def test_a_note_on_the_headline_and_one_on_nothing(qtbot, make_window):
    window = make_window()
    doc = open_article(window)
    select(window.editor.headline, "Thành ủy")
    add_note(qtbot, window, "Tít nên ngắn hơn.")
    window.editor.body.setFocus()
    window.editor.body.moveCursor(QTextCursor.MoveOperation.Start)  # no selection any more
    select(window.editor.headline, "Thành ủy")
    window.review.notes_panel.detach.click()
    add_note(qtbot, window, "Cần thêm ảnh.")
    notes = window.newsroom.notes.list(doc.id)
    assert [(n.anchor_field, n.anchor_text) for n in notes] == [("headline", "Thành ủy"), ("", "")]
    card = window.review.notes_panel.card(notes[0].id)
    assert card.quote.text() == "Headline: “Thành ủy”"
    assert window.review.notes_panel.card(notes[1].id).quote is None
    window.editor.body.setFocus()
    assert window.review.notes.go_to_note(notes[0].id)
    assert window.editor.headline.textCursor().selectedText() == "Thành ủy"


def test_resolve_moves_a_note_down_and_reopen_brings_it_back(qtbot, make_window):
    window = make_window()
    doc = open_article(window)
    first = window.newsroom.notes.add(doc.id, "Ghi chú một.")
    second = window.newsroom.notes.add(doc.id, "Ghi chú hai.")
    window.review.workflow.switch_person(EDITOR)  # reloads the article and its notes
    panel = window.review.notes_panel
    assert [c.note.id for c in panel.cards] == [first.id, second.id]

    panel.card(first.id).button.click()
    assert window.newsroom.notes.get(first.id).resolved_by == "Phương Nam"
    assert [c.note.id for c in panel.cards] == [second.id, first.id]  # open ones first
    assert panel.card(first.id).button.text() == "Reopen"
    assert window.review.bar.notes_button.text() == "1 open note(s)"

    panel.card(first.id).button.click()
    assert not window.newsroom.notes.get(first.id).resolved
    assert panel.card(first.id).button.text() == "Resolve"


def test_a_note_whose_passage_was_edited_away_says_so(qtbot, make_window):
    window = make_window()
    doc = open_article(window)
    note = window.newsroom.notes.add(doc.id, NOTE, "body", PASSAGE)
    window.session.reload()  # show the note added behind the window's back
    body = window.editor.body
    body.setFocus()
    select(body, "Thường trực ")
    type_text(body, "")
    body.textCursor().removeSelectedText()
    window.session.flush()
    card = window.review.notes_panel.card(note.id)
    assert "no longer in the text" in card.quote.text()
    assert not window.review.notes.go_to_note(note.id)
    assert window.statusBar().currentMessage() == (
        "The passage this note points at is no longer in the text."
    )


def test_the_notes_action_shows_and_hides_the_panel(make_window):
    window = make_window()
    action = window.commands["notes"]
    dock = window.review.notes_dock
    assert (dock.isHidden(), action.isChecked()) == (True, False)
    action.trigger()
    assert (dock.isHidden(), action.isChecked()) == (False, True)
    action.trigger()
    assert (dock.isHidden(), action.isChecked()) == (True, False)
    action.trigger()
    assert (dock.isHidden(), action.isChecked()) == (False, True)
    window.review.notes_panel.close_button.click()
    assert (dock.isHidden(), action.isChecked()) == (True, False)
