"""The editor as a page: a typed paragraph looks like a reloaded one; fields are labelled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCursor

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
