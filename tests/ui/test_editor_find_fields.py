"""Find and replace over headline, lead, body and captions, with a scope, counts and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from newsroom_desktop.ui.editor.find_scope import BODY, CAPTIONS
from tests.exporters.conftest import make_jpeg
from tests.ui.test_main_window import stored

HEADLINE = "Thành ủy họp bàn kế hoạch năm 2025"
LEAD = "Sáng nay, Thường trực Thành ủy họp bàn về chống ngập."
BODY_MD = "Cuộc họp bàn kéo dài hai giờ.\n\nCác đại biểu **họp bàn** sôi nổi.\n"
CAPTION = "Đại biểu họp bàn tại hội trường"


@pytest.fixture
def opened(make_window, tmp_path):
    window = make_window()
    nr = window.newsroom
    doc = nr.articles.create({"headline": HEADLINE, "lead": LEAD, "body": BODY_MD})
    (use,) = nr.photos.add(doc.id, [make_jpeg(tmp_path / "hop.jpg", (1600, 1000))], place=False)
    nr.photos.update_use(doc.id, use.id, caption=CAPTION, credit="Ảnh: Ngọc Hậu")
    window.refresh_list()
    window.open_article(doc.id)
    bar = window.editor.find_bar
    window.editor.action_replace.trigger()
    bar.find_edit.setText("họp bàn")
    bar.replace_edit.setText("thảo luận")
    return window, bar, doc.id, use.id


def test_replace_all_covers_every_field_and_says_where(opened, store_path):
    window, bar, article_id, use_id = opened
    bar.update_highlights()
    assert bar.status.text() == "5 matches: Headline 1, Lead 1, Body 2, Captions 1"
    assert len(window.editor.headline.extraSelections()) == 1  # marked in the headline too
    assert bar.replace_all() == 5
    assert bar.status.text() == "5 replaced: Headline 1, Lead 1, Body 2, Captions 1"
    assert window.editor.headline.text() == "Thành ủy thảo luận kế hoạch năm 2025"
    assert "thảo luận về chống ngập" in window.editor.lead.text()
    assert window.photo_panel.caption.toPlainText() == "Đại biểu thảo luận tại hội trường"
    assert window.photo_panel.list.item(0).toolTip().startswith("Đại biểu thảo luận")
    window.session.flush()
    doc = stored(store_path, article_id)
    assert "họp bàn" not in doc.headline + doc.lead + doc.body
    assert doc.body.startswith("Cuộc thảo luận kéo dài") and "**thảo luận**" in doc.body
    assert doc.photo(use_id).caption == "Đại biểu thảo luận tại hội trường"


def test_each_field_undoes_its_own_replace_in_one_step(opened):
    window, bar, _article_id, _use_id = opened
    bar.replace_all()
    window.editor.body.setFocus()
    window.editor.action_undo.trigger()  # Ctrl+Z in the body
    assert window.editor.body_markdown() == BODY_MD
    assert "thảo luận" in window.editor.headline.text()  # the others keep theirs
    window.editor.headline.undo()
    assert window.editor.headline.text() == HEADLINE
    assert "thảo luận" in window.editor.lead.text()


def test_undo_replace_all_takes_back_every_field_and_caption(opened, store_path):
    window, bar, article_id, use_id = opened
    bar.replace_all()
    assert bar.undo_button.isVisible()
    assert bar.undo_replace_all()
    assert bar.status.text() == "Replace undone."
    assert not bar.undo_button.isVisible()
    assert (window.editor.headline.text(), window.editor.lead.text()) == (HEADLINE, LEAD)
    assert window.editor.body_markdown() == BODY_MD
    assert window.photo_panel.caption.toPlainText() == CAPTION
    window.session.flush()
    doc = stored(store_path, article_id)
    assert (doc.headline, doc.lead, doc.body) == (HEADLINE, LEAD, BODY_MD)
    assert doc.photo(use_id).caption == CAPTION


def test_body_only_scope_leaves_the_other_fields(opened):
    window, bar, _article_id, _use_id = opened
    bar.scope.setCurrentIndex(bar.scope.findData(BODY))
    assert bar.scope.currentText() == "Body only"
    assert bar.replace_all() == 2
    assert bar.status.text() == "2 replaced: Body 2"
    assert window.editor.headline.text() == HEADLINE
    assert window.photo_panel.caption.toPlainText() == CAPTION
    bar.scope.setCurrentIndex(bar.scope.findData(CAPTIONS))
    assert bar.replace_all() == 1
    assert window.editor.lead.text() == LEAD


def test_find_next_walks_headline_lead_body_then_the_caption(opened):
    window, bar, _article_id, use_id = opened
    editor = window.editor
    editor.headline.setFocus()
    editor.headline.moveCursor(QTextCursor.MoveOperation.Start)
    editor.action_find.trigger()  # opened from the headline: finding starts at its cursor
    assert bar.place() == "headline"
    visited = []
    for _ in range(6):
        assert bar.find_next()
        visited.append(bar.place())
    assert visited == ["headline", "lead", BODY, BODY, use_id, "headline"]
    assert editor.headline.textCursor().selectedText() == "họp bàn"
    bar.find_previous()  # back to the caption: the photo is chosen, the words selected
    assert window.photo_panel.current_use().id == use_id
    assert window.photo_panel.caption.textCursor().selectedText() == "họp bàn"
    assert bar.replace_current()
    assert window.photo_panel.caption.toPlainText() == "Đại biểu thảo luận tại hội trường"


def test_ctrl_alt_enter_replaces_all_from_the_replace_box(opened, qtbot):
    window, bar, _article_id, _use_id = opened
    bar.replace_edit.setFocus()
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return, ctrl_alt)
    assert bar.status.text() == "5 replaced: Headline 1, Lead 1, Body 2, Captions 1"
    assert "họp bàn" not in window.editor.headline.text() + window.editor.body_markdown()


def test_opening_another_article_forgets_the_replace_to_undo(opened):
    window, bar, article_id, _use_id = opened
    bar.replace_all()
    assert bar.undo_button.isVisible()
    other = window.newsroom.articles.create({"headline": "Bài khác"})
    window.refresh_list()
    window.open_article(other.id)
    assert not bar.undo_button.isVisible()
    assert not bar.undo_replace_all()
    window.open_article(article_id)
    assert "thảo luận" in window.editor.headline.text()  # the replace itself was saved
