"""The main window as a user meets it: create, type, format, autosave, reopen, switch, filter."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import DATA, REPORTER
from tests.ui.typing import type_text


def type_into_body(qtbot, window, text: str) -> None:
    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body, text)


def stored(path: Path, article_id: str):
    nr = Newsroom.open(path, actor=REPORTER)
    try:
        return nr.articles.get(article_id)
    finally:
        nr.close()


def test_layout_has_list_editor_and_photos(make_window):
    window = make_window()
    assert [type(w).__name__ for w in (window.splitter.widget(i) for i in range(3))] == [
        "ArticleListPanel",
        "EditorPanel",
        "PhotoPanel",
    ]
    assert window.commands["new"].shortcut().toString() == "Ctrl+N"
    assert window.commands["save"].shortcut().toString() == "Ctrl+S"
    assert window.editor.action_bold.shortcut().toString() == "Ctrl+B"
    titles = [
        m.title().replace("&", "")
        for m in window.menuBar().findChildren(type(window.menus["file"]))
        if m.parent() is window.menuBar()
    ]
    assert titles[:3] == ["File", "Edit", "Format"]


def test_new_article_type_vietnamese_autosave_and_reopen(qtbot, make_window, store_path):
    window = make_window()
    window.new_article()
    headline = window.editor.headline
    headline.setFocus()
    type_text(headline, "Mưa lớn ở Cần Thơ")
    type_into_body(qtbot, window, "Nước ngập sâu trên đường Nguyễn Văn Cừ.")
    article_id = window.session.doc.id
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Saved"), timeout=5000)
    doc = stored(store_path, article_id)
    assert doc.headline == "Mưa lớn ở Cần Thơ"
    assert "Nước ngập sâu trên đường Nguyễn Văn Cừ." in doc.body
    assert window.list_model.summary(0).headline == "Mưa lớn ở Cần Thơ"
    window.close()
    again = make_window()
    again.open_article(article_id)
    assert "Nước ngập sâu" in again.editor.current_fields()["body"]


def test_bold_and_heading_survive_save_and_reload(qtbot, make_window, store_path):
    window = make_window()
    window.new_article()
    type_text(window.editor.headline, "Định dạng")
    type_into_body(qtbot, window, "Tiêu đề phụ")
    window.editor.action_h2.trigger()
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Return)
    window.editor.action_bold.trigger()
    type_text(window.editor.body, "đậm")
    window.commands["save"].trigger()
    window.session.saver.flush()
    body = stored(store_path, window.session.doc.id).body
    assert "## Tiêu đề phụ" in body
    assert "**đậm**" in body


def test_switching_article_mid_typing_loses_nothing(qtbot, make_window, store_path):
    window = make_window()
    first = window.newsroom.articles.create({"headline": "Bài một"})
    second = window.newsroom.articles.create({"headline": "Bài hai"})
    window.refresh_list()
    window.open_article(first.id)
    type_into_body(qtbot, window, "Đang gõ dở")
    window.open_article(second.id)  # no pause: the switch itself saves
    assert "Đang gõ dở" in stored(store_path, first.id).body
    assert window.editor.current_fields()["headline"] == "Bài hai"


def test_closing_saves_what_was_typed(qtbot, make_window, store_path):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Đóng cửa sổ"})
    window.refresh_list()
    window.open_article(doc.id)
    type_into_body(qtbot, window, "Chữ cuối cùng")
    window.close()
    assert "Chữ cuối cùng" in stored(store_path, doc.id).body


def test_hostile_paste_keeps_structure_drops_the_rest(qtbot, make_window, store_path):
    window = make_window()
    window.new_article()
    mime = QMimeData()
    mime.setHtml(
        '<p style="color:red"><font face="Comic Sans">Đoạn <b>đậm</b></font></p>'
        "<script>alert(1)</script><img src=x onerror=alert(1)>"
        '<p><a href="javascript:alert(1)">xấu</a> và <a href="https://baochinhphu.vn">tốt</a></p>'
    )
    body = window.editor.body
    body.setFocus()
    body.insertFromMimeData(mime)
    window.commands["save"].trigger()
    window.session.saver.flush()
    saved = stored(store_path, window.session.doc.id).body
    assert "**đậm**" in saved
    assert "[tốt](https://baochinhphu.vn)" in saved
    for bad in ("script", "alert", "onerror", "javascript", "color", "Comic"):
        assert bad not in saved


def test_pasted_nfd_text_is_stored_nfc(qtbot, make_window, store_path):
    window = make_window()
    window.new_article()
    mime = QMimeData()
    mime.setText(unicodedata.normalize("NFD", "Hội thảo trực tuyến"))
    window.editor.body.setFocus()
    window.editor.body.insertFromMimeData(mime)
    window.session.flush()
    saved = stored(store_path, window.session.doc.id).body
    assert "Hội thảo trực tuyến" in saved
    assert unicodedata.is_normalized("NFC", saved)


def test_search_box_filters_the_list(qtbot, make_window):
    window = make_window()
    for headline, section in (
        ("Đảng ủy họp", "Chính trị"),
        ("Bóng đá", "Thể thao"),
        ("Công an Cần Thơ", "Thời sự"),
    ):
        window.newsroom.articles.create({"headline": headline, "section": section})
    window.refresh_list()
    assert window.list_model.rowCount() == 3
    qtbot.keyClicks(window.list_panel.search, "dang")
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
    assert window.list_model.summary(0).headline == "Đảng ủy họp"
    window.list_panel.search.clear()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 3)
    panel = window.list_panel
    panel.section_filter.setCurrentIndex(panel.section_filter.findData("Thể thao"))
    assert [window.list_model.summary(i).headline for i in range(window.list_model.rowCount())] == [
        "Bóng đá"
    ]
    panel.section_filter.setCurrentIndex(0)
    panel.sort.setCurrentIndex(panel.sort.findData("headline:asc"))
    # Vietnamese order: Đ sorts among the Ds, not after Z.
    assert [window.list_model.summary(i).headline for i in range(3)] == [
        "Bóng đá",
        "Công an Cần Thơ",
        "Đảng ủy họp",
    ]


def test_add_photos_in_background_and_edit_caption(qtbot, make_window, store_path):
    window = make_window()
    window.new_article()
    article_id = window.session.doc.id
    files = [
        str(DATA / "photos" / "mei_FujiFilm_FinePixS1Pro_4.jpg"),
        str(DATA / "photos" / "iptc-ref-2024.1__aidin36-xmp.jpg"),
    ]
    operation = window.session.add_photos(files)
    qtbot.waitUntil(
        lambda: operation.finished and window.photo_panel.list.count() == 2, timeout=10000
    )
    panel = window.photo_panel
    assert panel.list.item(0).text().startswith("★ The Gateshead")  # elided, marks kept
    assert "The Gateshead Angel" in panel.list.item(0).toolTip()
    panel.list.setCurrentRow(0)
    panel.caption.setPlainText("Thiên thần phương Bắc ở Gateshead.")
    panel.credit.setText("Ảnh: Ian Britton")
    qtbot.waitUntil(
        lambda: (
            "Thiên thần phương Bắc" in window.editor.body.toPlainText()
            or window.session.doc.photos[0].caption.startswith("Thiên")
        ),
        timeout=3000,
    )
    window.session.flush()
    doc = stored(store_path, article_id)
    first = doc.photos[0]
    assert first.caption == "Thiên thần phương Bắc ở Gateshead."
    assert first.credit == "Ảnh: Ian Britton"
    assert doc.body.count("](photo:") == 0  # added to the panel; placed only when asked


def test_photo_warnings_for_missing_alt_text(qtbot, make_window):
    window = make_window()
    window.new_article()
    operation = window.session.add_photos(
        [str(DATA / "photos" / "mei_FujiFilm_FinePixS1Pro_4.jpg")]
    )
    qtbot.waitUntil(
        lambda: operation.finished and window.photo_panel.list.count() == 1, timeout=10000
    )
    assert "alt text" in window.photo_panel.warnings.text().lower()
    window.photo_panel.alt_text.setPlainText(window.photo_panel.caption.toPlainText())
    qtbot.waitUntil(lambda: "repeats the caption" in window.photo_panel.warnings.text())


def test_a_word_still_being_composed_is_kept_on_switch_and_save(qtbot, make_window, store_path):
    from PySide6.QtGui import QInputMethodEvent

    window = make_window()
    first = window.newsroom.articles.create({"headline": "Gõ Telex"})
    second = window.newsroom.articles.create({"headline": "Bài khác"})
    window.refresh_list()
    window.open_article(first.id)
    body = window.editor.body
    body.setFocus()
    type_into_body(qtbot, window, "Chào ")
    # Telex: the input method shows "Việt" as pre-edit text that is not yet committed.
    QApplication.sendEvent(body, QInputMethodEvent("Việt", []))
    window.open_article(second.id)
    assert "Chào Việt" in stored(store_path, first.id).body
    window.open_article(first.id)
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    QApplication.sendEvent(body, QInputMethodEvent(" Nam", []))
    window.commands["save"].trigger()
    window.session.saver.flush()
    assert "Chào Việt Nam" in stored(store_path, first.id).body


def test_window_geometry_and_splitter_persist(qtbot, make_window):
    window = make_window()
    # The offscreen screen is 800 px wide; the narrowest window is wider than that.
    narrowest = window.minimumSizeHint().width()
    assert narrowest > 800
    window.resize(narrowest, 560)
    window.splitter.setSizes([290, 340, 280])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window()
    assert (again.width(), again.height()) == (narrowest, 560)
    assert again.splitter.sizes() == sizes


def test_photos_reorder_by_drag_and_lead_mark(qtbot, make_window, store_path):
    window = make_window()
    window.new_article()
    article_id = window.session.doc.id
    files = [
        str(DATA / "photos" / n) for n in ("mei_FujiFilm_FinePixS1Pro_4.jpg", "mei_Photoshop_3.jpg")
    ]
    operation = window.session.add_photos(files)
    qtbot.waitUntil(
        lambda: operation.finished and window.photo_panel.list.count() == 2, timeout=10000
    )
    panel = window.photo_panel
    first, second = panel.list.order()
    # What a drag of the second thumbnail in front of the first ends in:
    item = panel.list.takeItem(1)
    panel.list.insertItem(0, item)
    panel.list.reordered.emit(panel.list.order())
    assert [p.id for p in stored(store_path, article_id).photos] == [second, first]
    panel.list.setCurrentRow(0)
    panel.lead_button.click()
    lead = [p.id for p in stored(store_path, article_id).photos if p.is_lead]
    assert lead == [second]
    assert panel.list.item(0).text().startswith("★")


def test_articles_picked_in_the_list_with_ctrl_click_are_the_ones_trashed(qtbot, make_window):
    window = make_window()
    docs = [window.newsroom.articles.create({"headline": f"Bài {n}"}) for n in range(3)]
    window.refresh_list()
    view = window.list_panel.view
    for doc, modifier in (
        (docs[0], Qt.KeyboardModifier.NoModifier),
        (docs[2], Qt.KeyboardModifier.ControlModifier),
    ):
        rect = view.visualRect(window.list_model.index(window.list_model.row_of(doc.id), 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert sorted(window.list_panel.selected_ids()) == sorted([docs[0].id, docs[2].id])
    window.trash_selected()
    left = [window.list_model.summary(r).headline for r in range(window.list_model.rowCount())]
    assert left == ["Bài 1"]
