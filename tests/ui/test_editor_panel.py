"""The editor panel as the main window uses it: load, edit, format, photos, save state."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from newsroom_desktop.core import body
from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.ui.editor import EditorPanel

PHOTO = "0b0e4f4e-1f0c-4c39-9f0e-4f2f1b6a9c11"
BODY = f"Đoạn **một**.\n\n{body.figure_markdown(PHOTO, 'Ảnh')}\n\nĐoạn hai.\n"


def make_use(caption: str = "Đại biểu tham dự.") -> PhotoUse:
    return PhotoUse(
        *(PHOTO, "f" * 8, 0, caption, "Ngọc Hậu", "Ảnh", False, True, "", "", "", "", "", ""),
        *((), 1200, 800, "JPEG", 1, "", "", "", "", None),
    )


def article(article_id: str = "a1", text: str = BODY, **extra) -> ArticleDoc:
    now = datetime(2021, 9, 7, tzinfo=UTC)
    doc = ArticleDoc(
        *(article_id, "Thời sự", "Tăng cường sự lãnh đạo", "Sáng 07/9, hội thảo.", text),
        *("Ngọc Hậu", "vi", "slug", "draft", ("Công an", "Cần Thơ"), "Ngọc Hậu", 0, 1),
        *(now, now, None, None, None, (make_use(),)),
    )
    return replace(doc, **extra)


def thumbnail(_use: PhotoUse) -> QImage:
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#27496d"))
    return image


@pytest.fixture
def panel(qtbot):
    widget = EditorPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.load_article(article(), ["Thời sự", "Kinh tế"], thumbnail)
    return widget


def type_text(widget, text: str) -> None:
    """Type like a keyboard does (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_at_end(panel: EditorPanel, qtbot, text: str) -> None:
    panel.body.setFocus()
    panel.body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(panel.body, text)


def select(panel: EditorPanel, word: str) -> None:
    start = panel.body.toPlainText().index(word)
    cursor = panel.body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    panel.body.setTextCursor(cursor)


def test_load_fills_every_field_and_starts_clean(panel):
    fields = panel.current_fields()
    assert fields == {
        "section": "Thời sự",
        "headline": "Tăng cường sự lãnh đạo",
        "lead": "Sáng 07/9, hội thảo.",
        "body": BODY,
        "byline": "Ngọc Hậu",
        "tags": ["Công an", "Cần Thơ"],
    }
    assert not panel.is_dirty()
    assert not panel.action_undo.isEnabled()
    assert panel.headline_count.text() == "22 characters"


def test_typing_marks_dirty_and_saving_clears_it(panel, qtbot):
    with qtbot.waitSignal(panel.changed):
        type_at_end(panel, qtbot, " Ba.")
    assert panel.is_dirty()
    assert panel.current_fields()["body"].endswith("Đoạn hai. Ba.\n")
    assert panel.action_undo.isEnabled()
    panel.mark_saved()
    assert not panel.is_dirty()


def test_counts_are_live(panel, qtbot):
    panel.headline.setFocus()
    panel.headline.moveCursor(QTextCursor.MoveOperation.End)
    type_text(panel.headline, " mới")
    assert panel.headline_count.text() == "26 characters"
    with qtbot.waitSignal(panel.counts_changed, timeout=2000) as blocker:
        type_at_end(panel, qtbot, " Việt Nam")
    words, _chars = blocker.args
    # lead 4 + "Đoạn một." 2 + "Đoạn hai. Việt Nam" 4: one word per syllable
    assert words == 10


def test_over_target_counts_turn_red(panel):
    panel.load_article(article(target_headline_chars=10), [], thumbnail)
    assert panel.headline_count.text() == "22 / 10 characters"
    assert panel.headline_count.property("over") is True


def test_bold_italic_and_link_actions_format_the_selection(panel, qtbot):
    select(panel, "hai")
    panel.action_bold.trigger()
    assert panel.action_bold.isChecked()
    select(panel, "Đoạn")
    qtbot.keyClick(panel.body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    select(panel, "một")
    assert panel.set_link("https://cantho.gov.vn")
    assert not panel.set_link("javascript:alert(1)")
    assert panel.current_fields()["body"].startswith("*Đoạn* [**một**](https://cantho.gov.vn).\n")
    assert panel.current_fields()["body"].endswith("Đoạn **hai**.\n")


def test_typing_after_a_link_does_not_extend_it(panel, qtbot):
    select(panel, "hai")
    panel.set_link("https://x.vn")
    cursor = panel.body.textCursor()
    cursor.setPosition(cursor.selectionEnd())
    panel.body.setTextCursor(cursor)
    type_text(panel.body, " nữa")
    assert panel.current_fields()["body"].endswith("Đoạn [hai](https://x.vn) nữa.\n")


def test_block_actions_and_their_checked_states(panel, qtbot):
    select(panel, "hai")
    panel.action_h2.trigger()
    assert panel.action_h2.isChecked()
    assert panel.current_fields()["body"].endswith("## Đoạn hai.\n")
    panel.action_h3.trigger()
    assert panel.current_fields()["body"].endswith("### Đoạn hai.\n")
    panel.action_paragraph.trigger()
    panel.action_bullets.trigger()
    assert panel.action_bullets.isChecked()
    panel.action_numbers.trigger()
    assert panel.current_fields()["body"].endswith("1. Đoạn hai.\n")
    panel.action_quote.trigger()
    assert panel.action_quote.isChecked()
    assert panel.current_fields()["body"].endswith("> 1. Đoạn hai.\n")
    select(panel, "một")
    assert not panel.action_quote.isChecked()
    assert not panel.action_numbers.isChecked()


def test_enter_after_a_heading_starts_a_paragraph(panel, qtbot):
    select(panel, "hai")
    panel.action_h2.trigger()
    type_at_end(panel, qtbot, "")
    qtbot.keyClick(panel.body, Qt.Key.Key_Return)
    type_text(panel.body, "Thân bài")
    assert panel.current_fields()["body"].endswith("## Đoạn hai.\n\nThân bài\n")


def test_lists_indent_with_tab_and_end_on_an_empty_item(panel, qtbot):
    panel.load_article(article(text="Mở đầu\n"), [], thumbnail)
    type_at_end(panel, qtbot, "")
    qtbot.keyClick(panel.body, Qt.Key.Key_Return)
    panel.action_bullets.trigger()
    type_text(panel.body, "Một")
    qtbot.keyClick(panel.body, Qt.Key.Key_Return)
    qtbot.keyClick(panel.body, Qt.Key.Key_Tab)
    type_text(panel.body, "Con")
    qtbot.keyClick(panel.body, Qt.Key.Key_Return)
    qtbot.keyClick(panel.body, Qt.Key.Key_Backtab)
    type_text(panel.body, "Hai")
    qtbot.keyClick(panel.body, Qt.Key.Key_Return)
    qtbot.keyClick(panel.body, Qt.Key.Key_Return)
    type_text(panel.body, "Hết")
    assert panel.current_fields()["body"] == "Mở đầu\n\n- Một\n  - Con\n- Hai\n\nHết\n"


def test_undo_history_belongs_to_one_article(panel, qtbot):
    type_at_end(panel, qtbot, "x")
    assert panel.action_undo.isEnabled()
    panel.load_article(article("a2", "Bài hai.\n"), [], thumbnail)
    assert not panel.action_undo.isEnabled()
    panel.action_undo.trigger()
    assert panel.current_fields()["body"] == "Bài hai.\n"


def test_insert_photo_at_the_cursor_is_one_undo_step(panel):
    second = replace(make_use("Ảnh hai"), id="0b0e4f4e-1f0c-4c39-9f0e-4f2f1b6a9c12")
    cursor = panel.body.textCursor()
    cursor.setPosition(len("Đoạn"))
    panel.body.setTextCursor(cursor)
    panel.insert_photo(second)
    assert panel.current_fields()["body"].startswith(
        f"Đoạn\n\n![Ảnh](photo:{second.id})\n\n**một**.\n\n"
    )
    panel.action_undo.trigger()
    assert panel.current_fields()["body"] == BODY


def test_caption_update_redraws_in_place_without_an_edit(panel):
    panel.update_photo(make_use("Chú thích mới"))
    assert not panel.is_dirty()
    assert not panel.action_undo.isEnabled()
    assert panel.body.figures.use(PHOTO).caption == "Chú thích mới"
    assert panel.current_fields()["body"] == BODY


def _figure_centre(panel: EditorPanel) -> QPoint:
    block = panel.body.document().findBlockByNumber(1)
    rect = panel.body.document().documentLayout().blockBoundingRect(block)
    return rect.center().toPoint()


def test_clicking_a_figure_activates_its_photo(panel, qtbot):
    with qtbot.waitSignal(panel.photo_activated) as blocker:
        qtbot.mouseClick(
            panel.body.viewport(), Qt.MouseButton.LeftButton, pos=_figure_centre(panel)
        )
    assert blocker.args == [PHOTO]


def test_typing_on_a_figure_goes_into_a_new_paragraph_and_backspace_removes_it(panel, qtbot):
    qtbot.mouseClick(panel.body.viewport(), Qt.MouseButton.LeftButton, pos=_figure_centre(panel))
    cursor = panel.body.textCursor()
    cursor.setPosition(cursor.selectionEnd())
    panel.body.setTextCursor(cursor)
    type_text(panel.body, "Chen")
    assert panel.current_fields()["body"] == BODY.replace("Đoạn hai.", "Chen\n\nĐoạn hai.")
    next_block = panel.body.document().findBlockByNumber(3)
    cursor.setPosition(next_block.position())
    panel.body.setTextCursor(cursor)
    panel.load_article(article(), [], thumbnail)
    cursor = panel.body.textCursor()
    cursor.setPosition(panel.body.document().findBlockByNumber(2).position())
    panel.body.setTextCursor(cursor)
    qtbot.keyClick(panel.body, Qt.Key.Key_Backspace)
    assert panel.current_fields()["body"] == "Đoạn **một**.\n\nĐoạn hai.\n"
    panel.action_undo.trigger()
    assert panel.current_fields()["body"] == BODY


def test_read_only_preview_refuses_edits(panel, qtbot):
    panel.set_read_only(True)
    type_at_end(panel, qtbot, "x")
    select(panel, "hai")
    assert not panel.action_bold.isEnabled()
    assert panel.headline.isReadOnly()
    assert panel.current_fields()["body"] == BODY
    assert not panel.is_dirty()


def test_clear_shows_nothing(panel):
    panel.clear()
    assert panel.article_id is None
    assert panel.current_fields()["body"] == ""
    assert panel.is_read_only()


def test_find_and_replace_actions_open_the_bar(panel, qtbot):
    panel.body.setFocus()
    panel.action_replace.trigger()
    assert panel.find_bar.isVisible()
    assert panel.find_bar.replace_edit.isVisible()
    panel.find_bar.find_edit.setText("Đoạn")
    panel.find_bar.replace_edit.setText("Phần")
    assert panel.find_bar.replace_all() == 2
    assert panel.is_dirty()
    panel.action_undo.trigger()
    assert panel.current_fields()["body"] == BODY
