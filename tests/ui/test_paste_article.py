"""Edit ▸ Paste as New Article, and text the store has already: asked, opened, or copied."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import SAMPLE_TEXT
from tests.importers.conftest import IMPORTS

SAMPLE_HEADLINE = "Tăng cường sự lãnh đạo của Đảng đối với lực lượng Công an Nhân dân"


def _put_on_clipboard(*, html: str = "", text: str = "") -> None:
    mime = QMimeData()
    if html:
        mime.setHtml(html)
    if text:
        mime.setText(text)
    QApplication.clipboard().setMimeData(mime)


def _answer_next_box(qtbot, button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the next message box, noting its text (the real dialog runs)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append(f"{box.text()} {box.informativeText()}")
        box.grab().save(f"/tmp/15d-box-{len(seen)}.png")
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, answer)


def test_hostile_page_from_the_list_becomes_a_harmless_draft(qtbot, make_window):
    window = make_window()
    window.resize(1366, 768)
    _put_on_clipboard(html=(IMPORTS / "html" / "hostile.html").read_text(encoding="utf-8"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.list_panel.view.setFocus()
    qtbot.keyClick(
        window.list_panel.view,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.session.doc is not None)
    doc = window.session.doc
    assert doc.headline == "Bài viết có mã độc"
    assert window.editor.headline.toPlainText() == "Bài viết có mã độc"
    assert window.list_panel.current_article_id() == doc.id  # shown and chosen in the list
    stored = window.newsroom.articles.get(doc.id)
    text = f"{stored.lead}\n{stored.body}"
    assert "liên kết an toàn" in text and "Đoạn cuối cùng" in text
    for bad in ("script", "alert", "onerror", "javascript", "iframe", "passwd", "evil"):
        assert bad not in text.lower()
    assert stored.photos == ()  # no image was fetched or read from disk
    window.grab().save("/tmp/15d-paste-hostile-1366.png")


@pytest.mark.modal
def test_pasting_a_page_again_offers_the_existing_article(qtbot, make_window):
    window = make_window()
    _put_on_clipboard(text=SAMPLE_TEXT.read_text(encoding="utf-8"))
    window.commands["paste_new"].trigger()
    first = window.session.doc.id
    assert window.session.doc.headline == SAMPLE_HEADLINE
    window.new_article()  # something else is open
    seen: list[str] = []
    _answer_next_box(qtbot, "Open the Existing Article", seen)
    window.commands["paste_new"].trigger()
    assert "in the store already" in seen[0] and SAMPLE_HEADLINE in seen[0]
    assert window.session.doc.id == first
    assert window.newsroom.articles.count() == 2  # the sample and the empty draft
    _answer_next_box(qtbot, "Make a Copy Anyway", seen)
    window.commands["paste_new"].trigger()
    assert window.newsroom.articles.count() == 3
    assert window.session.doc.id != first and window.session.doc.headline == SAMPLE_HEADLINE


def test_an_empty_clipboard_says_so(qtbot, make_window):
    window = make_window()
    _put_on_clipboard()
    window.commands["paste_new"].trigger()
    assert "no text" in window.statusBar().currentMessage()
    assert window.newsroom.articles.count() == 0


@pytest.mark.modal
def test_importing_a_file_already_stored_offers_to_open_it(qtbot, make_window):
    from newsroom_desktop.ui.import_dialog import run_import

    window = make_window()
    seen: list[str] = []
    _answer_next_box(qtbot, "OK", seen)  # "Import finished"
    operation = run_import(window.services, [str(SAMPLE_TEXT)])
    qtbot.waitUntil(lambda: operation.finished and len(seen) == 1, timeout=10000)
    first = window.session.doc.id
    window.new_article()
    seen.clear()
    _answer_next_box(qtbot, "Open the Existing Article", seen)
    operation = run_import(window.services, [str(SAMPLE_TEXT)])
    qtbot.waitUntil(lambda: window.session.doc.id == first, timeout=10000)
    assert seen == [
        f"“{SAMPLE_TEXT.name}” is in the store already. "
        f"The article “{SAMPLE_HEADLINE}” has this text already."
    ]
    assert window.newsroom.articles.count() == 2
