"""Vietnamese input methods: the word being composed is committed, never dropped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.ui.editor import EditorPanel


def article(article_id: str, body: str) -> ArticleDoc:
    now = datetime(2021, 9, 7, tzinfo=UTC)
    return ArticleDoc(
        *(article_id, "Thời sự", "Tiêu đề", "Sapo.", body, "Ngọc Hậu", "vi", "slug"),
        *("draft", (), "Ngọc Hậu", 0, 1, now, now, None, None, None),
    )


def preedit(widget: QWidget, text: str) -> None:
    """Send what ibus/fcitx send while a Telex word is being typed."""
    QApplication.sendEvent(widget, QInputMethodEvent(text, []))


def commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def window(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    panel = EditorPanel()
    other = QLineEdit()
    layout.addWidget(panel)
    layout.addWidget(other)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    panel.load_article(article("a1", "Xin chào.\n"), [])
    yield panel, other
    host.close()


def test_preedit_is_committed_when_focus_leaves_the_body(window, qtbot):
    panel, _other = window
    panel.body.setFocus()
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    commit(panel.body, " Tiếng ")
    preedit(panel.body, "Việt")
    assert "Việt" not in panel.body.toPlainText()  # still only composed, not typed
    QApplication.sendEvent(
        panel.body, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
    )
    assert panel.current_fields()["body"] == "Xin chào. Tiếng Việt\n"
    assert panel.body.preedit_text == ""
    assert panel.is_dirty()


def test_preedit_is_committed_before_an_article_switch(window):
    panel, _other = window
    saved = {}
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    preedit(panel.body, "Việt")
    # The main window's switch: commit, save what the editor holds, load the next article.
    saved["a1"] = panel.current_fields(commit_preedit=True)["body"]
    panel.load_article(article("a2", "Bài hai.\n"), [])
    assert saved["a1"] == "Xin chào.Việt\n"
    assert panel.current_fields()["body"] == "Bài hai.\n"
    panel.load_article(article("a1", saved["a1"]), [])
    assert "Việt" in panel.current_fields()["body"]


def test_fields_commit_their_preedit_too(window):
    panel, _other = window
    panel.headline.moveCursor(panel.headline.textCursor().MoveOperation.End)
    preedit(panel.headline, " mới")
    panel.byline.setCursorPosition(len(panel.byline.text()))
    preedit(panel.byline, " Hậu")
    assert panel.commit_preedit()
    fields = panel.current_fields()
    assert fields["headline"] == "Tiêu đề mới"
    assert fields["byline"] == "Ngọc Hậu Hậu"


def test_a_word_the_input_method_committed_itself_is_not_doubled(window):
    panel, _other = window
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    preedit(panel.body, "Việ")
    commit(panel.body, "Việt")
    assert not panel.commit_preedit()
    assert panel.current_fields()["body"] == "Xin chào.Việt\n"


def test_autosave_does_not_cut_a_word_short(window):
    panel, _other = window
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    preedit(panel.body, "Vie")
    assert panel.current_fields()["body"] == "Xin chào.\n"
    assert panel.body.preedit_text == "Vie"
