"""Length targets: set them in a dialog; the counts show under, near or over as the text grows."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from newsroom_desktop.ui.review.targets import TargetsDialog
from tests.ui.typing import type_text

HEADLINE = "Mưa lớn gây ngập nhiều tuyến đường ở Ninh Kiều"  # 46 characters
BODY = " ".join(["Nước ngập sâu trên đường Nguyễn Văn Cừ."] * 10)  # 80 words


def set_in_dialog(values: dict[str, int]) -> None:
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, TargetsDialog):
            QTimer.singleShot(10, poll)
            return
        for name, value in values.items():
            getattr(widget, name).setValue(value)
        widget.accept()

    QTimer.singleShot(0, poll)


def test_targets_set_in_the_dialog_show_in_the_counts(qtbot, make_window):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": HEADLINE, "body": BODY})
    window.refresh_list()
    window.open_article(doc.id)
    indicator = window.review.length
    assert indicator.isHidden()

    set_in_dialog({"words": 100, "headline": 40, "lead": 0})
    window.review.targets_action.trigger()

    stored = window.newsroom.articles.get(doc.id)
    assert (stored.target_words, stored.target_headline_chars, stored.target_lead_chars) == (
        100, 40, None)  # fmt: skip
    assert not indicator.isHidden()
    assert indicator.status == "under"
    assert indicator.label.text() == "target 100 (-20)"
    count = window.editor.headline_count
    assert count.text() == "46 / 40 characters"
    assert count.property("length") == "over"

    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body, " Mực nước dâng cao ở nhiều nơi, giao thông ùn tắc kéo dài cả buổi sáng.")
    window.editor.emit_counts()
    assert indicator.status == "near"  # within a tenth of 100 words
    headline = window.editor.headline
    headline.setFocus()
    cursor = headline.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 9)
    headline.setTextCursor(cursor)
    type_text(headline, "")
    headline.textCursor().removeSelectedText()  # 37 characters: within a tenth of 40
    assert count.property("length") == "near"


def test_a_reporter_cannot_set_targets_on_a_submitted_article(make_window):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": HEADLINE, "body": BODY})
    window.refresh_list()
    window.open_article(doc.id)
    assert window.review.targets_action.isEnabled()
    window.review.workflow_actions["submit"].trigger()
    assert not window.review.targets_action.isEnabled()


def test_zero_means_no_target(qtbot, make_window):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": HEADLINE, "body": BODY, "target_words": 500})
    window.refresh_list()
    window.open_article(doc.id)
    assert not window.review.length.isHidden()
    set_in_dialog({"words": 0})
    window.review.targets_action.trigger()
    assert window.newsroom.articles.get(doc.id).target_words is None
    assert window.review.length.isHidden()
