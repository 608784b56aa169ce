"""Revision history: who saved each version, when and why; read one; restore one, losing nothing."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from newsroom_desktop.core.vocabulary import CURRENT
from tests.conftest import EDITOR

FIRST = "Nước ngập sâu trên đường Nguyễn Văn Cừ."
SECOND = "Nước đã rút, giao thông trở lại bình thường."


def answer_modal(callback) -> None:
    """Deal with the next modal dialog as a person would, once it is on screen."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, QMessageBox):
            QTimer.singleShot(10, poll)
            return
        callback(widget)

    QTimer.singleShot(0, poll)


def article_with_two_versions(window):
    nr = window.newsroom
    doc = nr.articles.create({"headline": "Mưa lớn ở Cần Thơ", "body": FIRST}, reason="import")
    nr.articles.save(doc.id, {"body": SECOND}, reason="save")
    window.refresh_list()
    window.open_article(doc.id)
    return doc


def test_history_lists_revisions_newest_first_and_shows_one_read_only(make_window):
    window = make_window()
    article_with_two_versions(window)
    dialog = window.review.history.show_history()
    assert dialog.isVisible()
    rows = [
        [dialog.list.topLevelItem(i).text(c) for c in range(4)]
        for i in range(dialog.list.topLevelItemCount())
    ]
    assert [r[:3] for r in rows] == [
        ["", "current text", ""],
        ["2", "saved", "Ngọc Hậu"],
        ["1", "imported", "Ngọc Hậu"],
    ]
    # Times are the newsroom's (Asia/Ho_Chi_Minh, seven hours ahead of UTC), not UTC.
    saved_at = dialog.revisions[1].created_at
    local = saved_at.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    assert rows[1][3].endswith(f"{local:%H:%M}")
    assert not rows[1][3].endswith(f"{saved_at.astimezone(UTC):%H:%M}")

    assert dialog.select_revision(dialog.revisions[2].id)
    assert dialog.view.isReadOnly()
    assert FIRST in dialog.view.toPlainText()
    assert SECOND not in dialog.view.toPlainText()
    assert dialog.header.text().startswith("Revision 1 · imported · Ngọc Hậu")
    assert dialog.restore_button.isEnabled()
    dialog.select_revision(CURRENT)
    assert SECOND in dialog.view.toPlainText()
    assert not dialog.restore_button.isEnabled()  # the current text is what it would restore
    dialog.close()


@pytest.mark.modal
def test_restoring_a_revision_reloads_the_editor_and_keeps_every_revision(make_window):
    window = make_window()
    doc = article_with_two_versions(window)
    dialog = window.review.history.show_history()
    dialog.select_revision(dialog.revisions[2].id)
    answer_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    dialog.restore_button.click()
    assert FIRST in window.editor.current_fields()["body"]
    assert window.newsroom.articles.get(doc.id).body.strip() == FIRST
    reasons = [r.reason for r in window.newsroom.history.list(doc.id)]
    assert reasons == ["restore", "save", "import"]
    # The dialog now lists the new revision too.
    assert dialog.list.topLevelItem(1).text(1) == "restored"
    assert window.statusBar().currentMessage() == "Revision 1 restored."
    dialog.close()


@pytest.mark.modal
def test_saying_no_restores_nothing(make_window):
    window = make_window()
    doc = article_with_two_versions(window)
    dialog = window.review.history.show_history()
    dialog.select_revision(dialog.revisions[2].id)
    answer_modal(lambda box: box.button(QMessageBox.StandardButton.No).click())
    dialog.restore_button.click()
    assert window.newsroom.articles.get(doc.id).body.strip() == SECOND
    dialog.close()


def test_a_reporter_cannot_restore_a_submitted_article(make_window):
    window = make_window()
    article_with_two_versions(window)
    window.review.workflow_actions["submit"].trigger()
    dialog = window.review.history.show_history()
    assert dialog.list.topLevelItem(1).text(1) == "submitted"
    dialog.select_revision(dialog.revisions[2].id)
    assert not dialog.restore_button.isEnabled()
    dialog.close()
    window.review.workflow.switch_person(EDITOR)
    dialog = window.review.history.show_history()
    dialog.select_revision(dialog.revisions[2].id)
    assert dialog.restore_button.isEnabled()
    dialog.close()


def test_compare_with_current_opens_track_changes(make_window):
    window = make_window()
    article_with_two_versions(window)
    dialog = window.review.history.show_history()
    dialog.select_revision(dialog.revisions[2].id)
    dialog.compare_current.click()
    diff = window.review.history.diff_dialog
    assert diff.old_id() == dialog.revisions[2].id
    assert diff.new_id() == CURRENT
    assert diff.diff.changed
    diff.close()
    dialog.close()
