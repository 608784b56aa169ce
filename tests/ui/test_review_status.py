"""The workflow in the window: actions for the person, the status chip, the lock and its banner."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.ui.review.status import NoteDialog
from tests.conftest import EDITOR, REPORTER
from tests.ui.typing import type_text

BODY = "Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo trực tuyến."
RETURN_NOTE = "Thiếu nguồn ở đoạn hai, kiểm tra lại số liệu."


def answer_modal(callback) -> None:
    """Deal with the next modal dialog as a person would, once it is on screen."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(10, poll)
            return
        callback(widget)

    QTimer.singleShot(0, poll)


def open_new(window, **fields):
    doc = window.newsroom.articles.create(
        {"headline": "Hội thảo về công tác Đảng", "body": BODY, **fields}
    )
    window.refresh_list()
    window.open_article(doc.id)
    return doc


def visible_actions(window) -> set[str]:
    return {key for key, button in window.review.bar.buttons.items() if not button.isHidden()}


def test_reporter_submits_and_then_sees_it_read_only_with_the_banner(make_window):
    window = make_window()
    doc = open_new(window)
    review = window.review
    assert visible_actions(window) == {"submit", "spike"}
    assert review.bar.banner.isHidden()
    assert not window.editor.is_read_only()

    review.workflow_actions["submit"].trigger()

    assert window.session.doc.status == "submitted"
    assert review.bar.chip.text() == "Submitted"
    assert window.editor.is_read_only()
    assert not window.photo_panel.isEnabled()
    assert not review.bar.banner.isHidden()
    assert review.bar.banner.text() == "Submitted for review — only an editor can change it now."
    assert visible_actions(window) == {"withdraw", "spike"}  # withdraw: until an editor takes it
    assert not review.workflow_actions["take"].isEnabled()
    assert window.list_model.summary(window.list_model.row_of(doc.id)).status == "submitted"
    assert window.statusBar().currentMessage() == "Submitted for review."


def test_typing_just_before_submitting_goes_into_the_submitted_version(make_window):
    window = make_window()
    doc = open_new(window)
    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body, " Đã kiểm tra.")
    window.review.workflow_actions["submit"].trigger()
    submitted = window.newsroom.history.submitted_revision(doc.id)
    assert submitted is not None
    assert "Đã kiểm tra." in submitted.body


def test_another_reporters_draft_is_locked_with_the_owner_named(make_window, store_path):
    other = Newsroom.open(store_path, actor=Actor("Thu Trang", "reporter"))
    doc = other.articles.create({"headline": "Bài của Thu Trang", "body": BODY})
    other.close()
    window = make_window()
    window.refresh_list()
    window.open_article(doc.id)
    assert window.editor.is_read_only()
    assert window.review.bar.banner.text() == (
        "Written by Thu Trang — a reporter can edit only their own articles."
    )
    assert visible_actions(window) == set()


def test_editor_takes_approves_and_publishes(make_window):
    window = make_window()
    doc = open_new(window)
    window.review.workflow_actions["submit"].trigger()
    window.review.workflow.switch_person(EDITOR)
    assert window.newsroom.actor == EDITOR
    assert not window.editor.is_read_only()
    assert window.photo_panel.isEnabled()
    assert visible_actions(window) == {"take", "approve", "return", "spike"}
    assert window.review.bar.buttons["take"].property("primary") is True
    for action, status in (("take", "editing"), ("approve", "ready"), ("publish", "published")):
        window.review.workflow_actions[action].trigger()
        assert window.newsroom.articles.get(doc.id).status == status
        assert window.review.bar.chip.text() == status.capitalize()
    # An editor may still correct a published article, and is told what that means.
    assert not window.editor.is_read_only()
    assert "correct the published article" in window.review.bar.banner.text()


def test_return_to_draft_needs_a_note_that_the_reporter_then_sees(make_window):
    window = make_window()
    doc = open_new(window)
    window.review.workflow_actions["submit"].trigger()
    window.review.workflow.switch_person(EDITOR)

    def write_note(dialog) -> None:
        assert isinstance(dialog, NoteDialog)
        assert not dialog.ok.isEnabled()  # an empty note cannot be sent
        dialog.text.setPlainText(RETURN_NOTE)
        assert dialog.ok.isEnabled()
        dialog.ok.click()

    answer_modal(write_note)
    window.review.workflow_actions["return"].trigger()
    assert window.newsroom.articles.get(doc.id).status == "draft"
    assert window.newsroom.workflow.events(doc.id)[-1].note == RETURN_NOTE

    window.review.workflow.switch_person(REPORTER)
    assert not window.editor.is_read_only()
    banner = window.review.bar.banner
    assert not banner.isHidden()
    assert banner.text().startswith("Returned to draft by Phương Nam")
    assert RETURN_NOTE in banner.text()


def test_cancelling_the_return_note_changes_nothing(make_window):
    window = make_window()
    doc = open_new(window)
    window.review.workflow_actions["submit"].trigger()
    window.review.workflow.switch_person(EDITOR)
    answer_modal(lambda dialog: dialog.reject())
    window.review.workflow_actions["return"].trigger()
    assert window.newsroom.articles.get(doc.id).status == "submitted"


def test_spiking_asks_first(make_window):
    window = make_window()
    doc = open_new(window)
    answer_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())
    window.review.workflow_actions["spike"].trigger()
    assert window.newsroom.articles.get(doc.id).status == "draft"
    answer_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.review.workflow_actions["spike"].trigger()
    assert window.newsroom.articles.get(doc.id).status == "spiked"
    assert window.editor.is_read_only()
    assert window.review.bar.banner.text() == (
        "Spiked — an editor must reopen it before it can be edited."
    )


def test_workflow_actions_are_in_the_article_menu(make_window):
    window = make_window()
    texts = [a.text() for a in window.menus["article"].actions() if not a.isSeparator()]
    for text in ("&Submit for Review", "&Take for Editing", "&Approve", "&Publish",
                 "&Return to Draft…", "Spi&ke…", "Re&open", "Len&gth Targets…"):  # fmt: skip
        assert text in texts
    assert texts.index("&Submit for Review") < texts.index("Revision &History")
    # Nothing open: nothing to act on.
    assert not any(a.isEnabled() for a in window.review.workflow_actions.values())
    assert window.review.bar.isHidden()
