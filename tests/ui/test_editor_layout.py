"""The editor as a page at the common screen sizes: nothing cut, one scrollbar, labelled fields."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.sample import create_sample
from tests.conftest import REPORTER
from tests.ui.layout_probe import clipped, open_sample
from tests.ui.typing import type_text


def _looks(block: QTextBlock) -> tuple[object, ...]:
    """What the reader sees of a block's layout: line height, spacing, indent, alignment."""
    fmt = block.blockFormat()
    return (
        fmt.lineHeight(),
        fmt.lineHeightType(),
        fmt.topMargin(),
        fmt.bottomMargin(),
        fmt.leftMargin(),
        fmt.indent(),
        fmt.textIndent(),
        int(fmt.alignment()),
        block.charFormat().fontPointSize(),
    )


def _paragraphs(window) -> list[tuple[str, tuple[object, ...]]]:
    doc = window.editor.body.document()
    out = []
    block = doc.begin()
    while block.isValid():
        out.append((block.text(), _looks(block)))
        block = block.next()
    return out


def test_a_typed_paragraph_looks_the_same_after_save_and_reopen(qtbot, make_window, store_path):
    window = make_window()
    window.new_article()
    type_text(window.editor.headline, "Mưa lớn")
    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body, "Đoạn một, gõ trong bài mới.")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "Đoạn hai.")
    typed = _paragraphs(window)
    article_id = window.session.doc.id
    window.commands["save"].trigger()
    window.session.saver.flush()
    window.close()
    again = make_window()
    again.open_article(article_id)
    assert [text for text, _ in typed] == ["Đoạn một, gõ trong bài mới.", "Đoạn hai."]
    assert _paragraphs(again) == typed


SIZES = [(1280, 720), (1366, 768), (1920, 1080)]


@pytest.fixture
def sample_window(make_window, store_path):
    newsroom = Newsroom.open(store_path, actor=REPORTER)
    create_sample(newsroom)
    newsroom.close()
    return make_window()


@pytest.mark.parametrize("notes", [False, True], ids=["notes-closed", "notes-open"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_nothing_is_cut_and_the_page_scrolls_as_one(qtbot, sample_window, size, notes):
    window = sample_window
    open_sample(window, lambda: qtbot.wait(300), size, notes=notes)
    assert clipped(window) == []
    page = window.editor.page_scroll.verticalScrollBar()
    if size == (1280, 720):
        # Headline and lead scroll away: the page, not the body, is what scrolls.
        assert page.maximum() > window.editor.header.height()
        page.setValue(page.maximum())
        qtbot.wait(20)
        header = window.editor.header
        bottom = header.mapTo(window.editor.page_scroll.viewport(), header.rect().bottomLeft())
        assert bottom.y() < 0


def test_nothing_is_cut_at_150_percent(sample_window, store_path):
    sample_window.session.saver.flush()
    sample_window.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), str(root), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.layout_probe", str(store_path), "1280x720"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"ratio": 1.5, "problems": []}


def test_typing_at_the_end_keeps_the_cursor_in_view(qtbot, sample_window):
    window = sample_window
    open_sample(window, lambda: qtbot.wait(50), (1280, 720), notes=False)
    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "Dòng cuối cùng.")
    viewport = window.editor.page_scroll.viewport()

    def cursor_in_view() -> bool:
        cursor = body.cursorRect()
        top = body.viewport().mapTo(viewport, cursor.topLeft()).y()
        return top >= 0 and top + cursor.height() <= viewport.height()

    qtbot.waitUntil(cursor_in_view, timeout=2000)
    assert window.editor.page_scroll.verticalScrollBar().value() > 0


def test_every_field_has_a_label_of_its_own(sample_window):
    window = sample_window
    editor, photos = window.editor, window.photo_panel
    fields = {
        "Section": editor.section,
        "Byline": editor.byline,
        "Tags": editor.tags,
        "Caption": photos.caption,
        "Credit": photos.credit,
        "Alt text": photos.alt_text,
    }
    labels = {
        label.text().replace("&", ""): label.buddy()
        for label in window.findChildren(QLabel, "FieldLabel")
        if label.isVisible()
    }
    assert labels == fields


def test_find_and_page_down_move_the_page_with_the_cursor(qtbot, sample_window):
    window = sample_window
    open_sample(window, lambda: qtbot.wait(50), (1280, 720), notes=False)
    editor, bar = window.editor, window.editor.page_scroll.verticalScrollBar()
    editor.action_find.trigger()
    editor.find_bar.find_edit.setText("Kết luận Hội thảo")
    assert editor.find_bar.find_next()
    qtbot.waitUntil(lambda: bar.value() > bar.maximum() // 2)
    body = editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.Start)
    bar.setValue(0)
    qtbot.keyClick(body, Qt.Key.Key_PageDown)
    qtbot.wait(20)
    # One screen down, not to the end of the article.
    screen = editor.page_scroll.viewport().height()
    assert screen / 2 < bar.value() < screen * 1.5
    assert 0 < body.textCursor().position() < body.document().characterCount() // 2


def test_dragging_a_selection_past_the_bottom_scrolls_the_page(qtbot, sample_window):
    window = sample_window
    open_sample(window, lambda: qtbot.wait(50), (1280, 720), notes=False)
    body, page = window.editor.body, window.editor.page_scroll
    start = body.viewport().mapFrom(page.viewport(), QPoint(100, page.viewport().height() - 60))
    qtbot.mousePress(body.viewport(), Qt.MouseButton.LeftButton, pos=start)
    below = body.viewport().mapFrom(page.viewport(), QPoint(100, page.viewport().height() + 30))
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(below),
        QPointF(body.viewport().mapToGlobal(below)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(body.viewport(), move)
    qtbot.mouseRelease(body.viewport(), Qt.MouseButton.LeftButton, pos=below)
    assert page.verticalScrollBar().value() > 0
    assert body.textCursor().hasSelection()
