"""Track Changes in the editor: changes shown inline, accepted or rejected, saved plain."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from newsroom_desktop.core.body import blocks_text
from newsroom_desktop.ui.editor.track_changes import text_without_deletions
from newsroom_desktop.ui.editor.track_formats import DELETE, INSERT
from tests.conftest import EDITOR, REPORTER
from tests.ui.typing import commit_text, type_text

BODY = (
    "Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo trực tuyến về Quy chế phối hợp.\n\n"
    "Tham dự tại điểm cầu Cần Thơ có đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy.\n\n"
    "Hội thảo kết thúc lúc 11 giờ cùng ngày."
)


def select_text(edit, text: str) -> None:
    plain = edit.document().toPlainText()
    start = plain.index(text)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def taken_and_edited(qtbot, make_window):
    """A reporter's submitted article, taken by an editor who changed two passages and saved."""
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Hội thảo về công tác Đảng", "body": BODY})
    window.refresh_list()
    window.open_article(doc.id)
    window.review.workflow_actions["submit"].trigger()
    window.review.workflow.switch_person(EDITOR)
    window.review.workflow_actions["take"].trigger()
    body = window.editor.body
    body.setFocus()
    select_text(body, "trực tuyến ")
    type_text(body, "toàn quốc ")  # "trực tuyến" out, "toàn quốc" in
    select_text(body, "Thường trực ")
    body.textCursor().removeSelectedText()  # "Thường trực" out
    window.session.save("save")
    qtbot.waitUntil(lambda: not window.editor.is_dirty())
    return window, doc


def runs_of(window):
    return [(r.kind, r.text.strip()) for r in window.track_changes.runs()]


def saved_body(window, article_id: str) -> list[str]:
    return blocks_text(window.newsroom.articles.get(article_id).body)


def test_changes_show_inline_with_their_author_and_save_as_plain_text(qtbot, make_window):
    window, doc = taken_and_edited(qtbot, make_window)
    track = window.track_changes
    assert not track.toolbar.isVisible()
    window.editor.emit_counts()
    words = window.words_label.text()
    track.toggle.trigger()
    assert track.active
    window.editor.emit_counts()
    assert window.words_label.text() == words  # the words shown struck through do not count
    assert window.track_changes.toolbar.isVisibleTo(window)
    assert runs_of(window) == [
        (DELETE, "trực tuyến"),
        (INSERT, "toàn quốc"),
        (DELETE, "Thường trực"),
    ]
    shown = window.editor.body.document().toPlainText()
    assert "Hội thảo trực tuyến toàn quốc về" in shown  # the deleted words stay in view
    assert track.count_label.text() == "3 change(s) against the version submitted by Ngọc Hậu"
    first = track.runs()[0]
    assert track.describe(first).startswith(f"Deleted by {EDITOR.name}: “trực tuyến")
    # The body as saved holds the current text only: never the words shown as deleted.
    assert "trực tuyến" not in window.editor.body_markdown()
    window.session.save("save")
    qtbot.waitUntil(lambda: not window.session.dirty)
    window.open_article(None)
    window.open_article(doc.id)
    pars = saved_body(window, doc.id)
    assert pars[0].startswith("Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo toàn quốc về")
    assert "Thường trực" not in pars[1]
    # Reopened with Track Changes still on: the same changes show again.
    assert track.active
    assert len(track.runs()) == 3
    track.toggle.trigger()
    assert not track.active
    assert track.runs() == []
    assert "trực tuyến" not in window.editor.body.document().toPlainText()


def test_accept_one_reject_one_then_all_each_an_undo_step(qtbot, make_window):
    window, doc = taken_and_edited(qtbot, make_window)
    track = window.track_changes
    body = window.editor.body
    track.toggle.trigger()
    body.moveCursor(QTextCursor.MoveOperation.Start)
    # Reject the deletion of "trực tuyến": the words are back in the text.
    assert track.go_to_change(forward=True).text == "trực tuyến "
    track.reject.trigger()
    assert runs_of(window) == [(INSERT, "toàn quốc"), (DELETE, "Thường trực")]
    assert "Hội thảo trực tuyến toàn quốc về" in window.editor.body_markdown()
    # Accept the insertion: the words stay, unmarked.
    select_text(body, "toàn quốc")
    track.accept.trigger()
    assert runs_of(window) == [(DELETE, "Thường trực")]
    assert "Hội thảo trực tuyến toàn quốc về" in window.editor.body_markdown()
    # Undo takes the accept back, then the reject.
    window.editor.action_undo.trigger()
    assert runs_of(window) == [(INSERT, "toàn quốc"), (DELETE, "Thường trực")]
    window.editor.action_undo.trigger()
    assert len(track.runs()) == 3
    assert "trực tuyến" not in window.editor.body_markdown()
    # Reject all puts the submitted text back, in one step; undo takes it all back.
    track.reject_all.trigger()
    assert track.runs() == []
    assert blocks_text(window.editor.body_markdown()) == blocks_text(BODY)
    window.editor.action_undo.trigger()
    assert len(track.runs()) == 3
    track.accept_all.trigger()
    assert track.runs() == []
    window.session.save("save")
    qtbot.waitUntil(lambda: not window.session.dirty)
    pars = saved_body(window, doc.id)
    assert "toàn quốc về" in pars[0]
    assert "trực tuyến" not in pars[0]
    assert "Thường trực" not in pars[1]


def test_typing_with_changes_shown_is_tracked_and_never_loses_text(qtbot, make_window):
    window, doc = taken_and_edited(qtbot, make_window)
    track = window.track_changes
    body = window.editor.body
    track.toggle.trigger()
    # Typing right after shown deleted text: the new words are an insertion, not deleted.
    cursor = body.textCursor()
    plain = body.document().toPlainText()
    cursor.setPosition(plain.index("Thường trực ") + len("Thường trực "))
    body.setTextCursor(cursor)
    type_text(body, "Ban ")
    assert (INSERT, "Ban") in runs_of(window)
    assert "Phó Bí thư Ban Thành ủy" in window.editor.body_markdown()
    # Backspace over words of the submitted text marks them deleted; they stay in view.
    cursor = body.textCursor()
    cursor.setPosition(body.document().toPlainText().index("11 giờ") + len("11 giờ"))
    body.setTextCursor(cursor)
    for _ in range(len("giờ")):
        qtbot.keyClick(body, Qt.Key.Key_Backspace)
    assert (DELETE, "giờ") in runs_of(window)
    assert "giờ" in body.document().toPlainText()
    assert "lúc 11  cùng" in window.editor.body_markdown()
    # Backspace over one's own insertion removes it for good.
    cursor.setPosition(body.document().toPlainText().index("Ban ") + len("Ban"))
    body.setTextCursor(cursor)
    for _ in range(len("Ban")):
        qtbot.keyClick(body, Qt.Key.Key_Backspace)
    assert "Ban" not in body.document().toPlainText()
    window.session.save("save")
    qtbot.waitUntil(lambda: not window.session.dirty)
    pars = saved_body(window, doc.id)
    assert pars[2] == "Hội thảo kết thúc lúc 11  cùng ngày."  # what was deleted: "giờ"


def test_an_accepted_change_stays_accepted_when_the_article_is_opened_again(qtbot, make_window):
    window, doc = taken_and_edited(qtbot, make_window)
    track = window.track_changes
    body = window.editor.body
    track.toggle.trigger()
    select_text(body, "toàn quốc")
    track.accept.trigger()  # the insertion
    select_text(body, "Thường trực")
    track.accept.trigger()  # the deletion of "Thường trực"
    assert runs_of(window) == [(DELETE, "trực tuyến")]
    window.open_article(None)
    window.open_article(doc.id)
    # Only the change nobody settled shows again; the body is as the editor left it.
    assert track.active
    assert runs_of(window) == [(DELETE, "trực tuyến")]
    assert "Thường trực" not in body.document().toPlainText()
    assert "toàn quốc" in window.editor.body_markdown()
    # Another editing of the same passage is a new change, and shows.
    cursor = body.textCursor()
    cursor.setPosition(body.document().toPlainText().index("toàn quốc") + len("toàn quốc"))
    body.setTextCursor(cursor)
    type_text(body, " mở rộng")
    assert (INSERT, "mở rộng") in runs_of(window)


def test_the_reporter_sees_the_changes_while_the_editor_has_the_article_but_cannot_settle_them(
    qtbot, make_window
):
    window, _doc = taken_and_edited(qtbot, make_window)
    window.review.workflow.switch_person(REPORTER)
    assert window.editor.is_read_only()
    track = window.track_changes
    track.toggle.trigger()
    assert len(track.runs()) == 3
    assert track.next.isEnabled()
    assert not track.accept.isEnabled()
    assert not track.reject_all.isEnabled()
    assert track.settle_all(accept=False) == 0
    assert len(track.runs()) == 3


def test_a_word_an_input_method_commits_is_marked_as_an_insertion(qtbot, make_window):
    window, _doc = taken_and_edited(qtbot, make_window)
    track = window.track_changes
    body = window.editor.body
    track.toggle.trigger()
    cursor = body.textCursor()
    cursor.setPosition(body.document().toPlainText().index("cùng ngày"))
    body.setTextCursor(cursor)
    commit_text(body, "đúng ")
    assert (INSERT, "đúng") in runs_of(window)
    assert "11 giờ đúng cùng ngày" in window.editor.body_markdown()


def test_the_context_menu_on_a_change_names_it_and_rejects_it(qtbot, make_window):
    window, _doc = taken_and_edited(qtbot, make_window)
    track = window.track_changes
    body = window.editor.body
    track.toggle.trigger()
    plain = body.document().toPlainText()
    cursor = body.textCursor()
    cursor.setPosition(plain.index("Thường trực") + 2)
    where = body.cursorRect(cursor).center()
    seen: list[str] = []

    def use_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.text() for a in menu.actions())
        reject = next(a for a in menu.actions() if a is track.reject)
        menu.close()
        reject.trigger()

    QTimer.singleShot(50, use_menu)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, body.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(body.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] == f"Deleted by {EDITOR.name}: “Thường trực ”"
    assert "&Accept Change" in seen and "&Reject Change" in seen
    assert "Phó Bí thư Thường trực Thành ủy" in window.editor.body_markdown()
    assert (DELETE, "Thường trực") not in runs_of(window)


def test_the_headline_and_lead_show_their_changes_too(qtbot, make_window):
    window, doc = taken_and_edited(qtbot, make_window)
    editor = window.editor
    editor.headline.set_text("Hội thảo về công tác Đảng năm 2021")  # " năm 2021" added
    editor.lead.set_text("Hội thảo trực tuyến.")  # the lead was empty when submitted
    window.session.save("save")
    qtbot.waitUntil(lambda: not window.session.dirty)
    track = window.track_changes
    track.toggle.trigger()
    assert [(r.field, r.kind, r.text) for r in track.runs() if r.field != "body"] == [
        ("headline", INSERT, " năm 2021"),
        ("lead", INSERT, "Hội thảo trực tuyến."),
    ]
    assert len(track.runs("body")) == 3
    # The first change is the headline's; rejecting it gives back the submitted headline.
    editor.headline.moveCursor(QTextCursor.MoveOperation.Start)
    track._set_current("headline")
    assert track.go_to_change(forward=True).field == "headline"
    track.reject.trigger()
    assert editor.headline.text() == "Hội thảo về công tác Đảng"
    assert track.runs("headline") == []
    # Typing in the lead is tracked there; the deleted words never reach the saved lead.
    cursor = editor.lead.textCursor()
    cursor.setPosition(len("Hội thảo"))
    editor.lead.setTextCursor(cursor)
    editor.lead.setFocus()
    qtbot.keyClick(editor.lead, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert editor.lead.text() == "Hội trực tuyến."
    window.session.save("save")
    qtbot.waitUntil(lambda: not window.session.dirty)
    stored = window.newsroom.articles.get(doc.id)
    assert (stored.headline, stored.lead) == ("Hội thảo về công tác Đảng", "Hội trực tuyến.")


def test_typing_inside_struck_through_words_writes_after_them(qtbot, make_window):
    window, _doc = taken_and_edited(qtbot, make_window)
    body = window.editor.body
    window.track_changes.toggle.trigger()
    cursor = body.textCursor()
    cursor.setPosition(body.document().toPlainText().index("Thường trực") + 3)
    body.setTextCursor(cursor)
    type_text(body, "Ban ")
    assert "Thường trực Ban" in body.document().toPlainText()
    assert (DELETE, "Thường trực") in runs_of(window)
    assert "Phó Bí thư Ban Thành ủy" in window.editor.body_markdown()


def test_the_counts_read_the_text_as_before_when_nothing_is_struck_through(qapp):
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    cursor.insertText("Sáng 07/9,\u2028Trung\u00a0tướng")
    cursor.insertBlock()
    cursor.insertText("Cần Thơ")
    assert text_without_deletions(doc) == doc.toPlainText()


def test_cut_paste_delete_and_typing_over_a_selection_are_tracked(qtbot, make_window):
    window, doc = taken_and_edited(qtbot, make_window)
    body = window.editor.body
    window.track_changes.toggle.trigger()
    body.setFocus()
    # Typing over a selection of submitted words strikes them and writes after them.
    select_text(body, "Quy chế")
    type_text(body, "Quy định")
    assert (DELETE, "Quy chế") in runs_of(window)
    assert (INSERT, "Quy định") in runs_of(window)
    # Cut strikes the words and puts them on the clipboard; paste marks what it brings.
    select_text(body, "Cần Thơ")
    qtbot.keyClick(body, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "Cần Thơ"
    assert (DELETE, "Cần Thơ") in runs_of(window)
    cursor = body.textCursor()
    cursor.setPosition(body.document().toPlainText().index("Hội thảo kết thúc"))
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (INSERT, "Cần Thơ") in runs_of(window)
    # Delete (forward) strikes the next letter of submitted text.
    cursor = body.textCursor()
    cursor.setPosition(body.document().toPlainText().index("ngày."))
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_Delete)
    assert (DELETE, "n") in runs_of(window)
    window.session.save("save")
    qtbot.waitUntil(lambda: not window.session.dirty)
    pars = saved_body(window, doc.id)
    assert "Quy định" in pars[0] and "Quy chế" not in pars[0]
    assert "điểm cầu  có" in pars[1]
    assert pars[2] == "Cần ThơHội thảo kết thúc lúc 11 giờ cùng gày."


def test_the_tooltip_names_who_changed_what_and_previous_goes_back(qtbot, make_window):
    window, _doc = taken_and_edited(qtbot, make_window)
    track = window.track_changes
    body = window.editor.body
    track.toggle.trigger()
    cursor = body.textCursor()
    cursor.setPosition(body.document().toPlainText().index("toàn quốc") + 2)
    where = body.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, where, body.viewport().mapToGlobal(where))
    QApplication.sendEvent(body.viewport(), event)
    assert QToolTip.text() == f"Inserted by {EDITOR.name}: “toàn quốc”"
    body.moveCursor(QTextCursor.MoveOperation.End)
    assert track.go_to_change(forward=False).text.strip() == "Thường trực"
    assert track.go_to_change(forward=False).text.strip() == "toàn quốc"
    assert track.go_to_change(forward=False).text.strip() == "trực tuyến"
    assert track.go_to_change(forward=False) is None  # the first change: nothing before it


@pytest.mark.parametrize("seed", [3, 18])  # 3 once typed between deleted words and their pad
def test_any_tracked_typing_rejected_gives_the_submitted_text_and_accepted_keeps_it(
    qtbot, make_window, seed
):
    window, doc = taken_and_edited(qtbot, make_window)
    track = window.track_changes
    body = window.editor.body
    track.toggle.trigger()
    rng = random.Random(seed)
    for _ in range(80):
        block = body.document().findBlockByNumber(rng.randrange(body.document().blockCount()))
        cursor = body.textCursor()
        cursor.setPosition(block.position() + rng.randrange(1, max(2, block.length() - 1)))
        if rng.random() < 0.3:
            end = min(
                cursor.position() + rng.randrange(1, 12), block.position() + block.length() - 1
            )
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        body.setTextCursor(cursor)
        roll = rng.random()
        if roll < 0.4:
            type_text(body, rng.choice(["đã ", "Hà Nội", "x", " các ", "ủy"]))
        elif roll < 0.6:
            qtbot.keyClick(body, Qt.Key.Key_Backspace)
        elif roll < 0.9:
            qtbot.keyClick(body, Qt.Key.Key_Delete)
        else:
            qtbot.keyClick(body, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    typed = window.editor.body_markdown()
    assert blocks_text(typed) != blocks_text(BODY)
    track.reject_all.trigger()
    assert track.runs("body") == []
    # The editor's saved edits and everything typed since, all taken back: the submitted text.
    assert blocks_text(window.editor.body_markdown()) == blocks_text(BODY)
    window.editor.action_undo.trigger()
    assert window.editor.body_markdown() == typed
    if seed % 2:
        track.accept_all.trigger()
    else:  # one by one, from the top
        body.moveCursor(QTextCursor.MoveOperation.Start)
        track.go_to_change(forward=True)
        while track.runs():
            assert track.settle_here(accept=True) == 1
    assert window.editor.body_markdown() == typed
    assert track.runs() == []
    # Accepted, saved and opened again: nothing shows, nothing was lost.
    window.session.save("save")
    qtbot.waitUntil(lambda: not window.session.dirty)
    window.open_article(None)
    window.open_article(doc.id)
    assert track.active
    assert track.runs() == []
    assert window.editor.body_markdown() == typed
