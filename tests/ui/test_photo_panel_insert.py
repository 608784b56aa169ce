"""Adding photos fills the photo panel only; the text gets one where the person asks for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from newsroom_desktop.core.settings import Settings
from tests.exporters.conftest import make_jpeg
from tests.ui.conftest import FAST
from tests.ui.test_main_window import stored, type_into_body


def _add(qtbot, window, files):
    operation = window.session.add_photos([str(f) for f in files])
    qtbot.waitUntil(lambda: operation.finished, timeout=15000)
    return window.photo_panel


def test_added_photos_wait_in_the_panel_and_go_into_the_text_where_asked(
    qtbot, make_window, store_path, tmp_path
):
    tiny = make_jpeg(tmp_path / "tiny.jpg", (8, 8))
    wide = make_jpeg(tmp_path / "wide.jpg", (1600, 1000))
    window = make_window()
    window.new_article()
    article_id = window.session.doc.id
    type_into_body(qtbot, window, "Đoạn một.")
    panel = _add(qtbot, window, [tiny, wide])
    assert panel.list.count() == 2
    assert "photo:" not in window.editor.body_markdown()
    assert window.editor.body.toPlainText() == "Đoạn một."
    window.session.flush()
    assert "photo:" not in stored(store_path, article_id).body
    # The 8 × 8 photo is marked, and said to be too small as it is added.
    assert panel.list.item(0).text().endswith("⚠")
    assert "Only 8 px wide" in panel.list.item(0).toolTip()
    assert "px wide" not in panel.list.item(1).toolTip()
    assert panel.added_notice.isVisible()
    assert "tiny.jpg (8 px)" in panel.added_notice.text()
    assert "wide.jpg" not in panel.added_notice.text()
    assert "Photos panel" in window.statusBar().currentMessage()
    panel.list.setCurrentRow(0)
    assert "Only 8 px wide" in panel.warnings.text()
    panel.list.setCurrentRow(1)
    assert "px wide" not in panel.warnings.text()

    # Insert in Text places the chosen photo at the cursor, once, as one undo step.
    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    panel.insert_button.click()
    first, second = panel.list.order()
    assert window.editor.body_markdown().count("](photo:") == 1
    assert f"](photo:{second})" in window.editor.body_markdown()
    window.editor.action_undo.trigger()
    assert "photo:" not in window.editor.body_markdown()
    # Enter (or a double click) on a thumbnail does the same; so does its context menu.
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert f"](photo:{first})" in window.editor.body_markdown()
    assert panel.action_insert in panel.list.actions()
    window.session.flush()
    assert stored(store_path, article_id).body.count("](photo:") == 1


def test_a_thumbnail_dragged_into_the_text_places_its_photo(qtbot, make_window, tmp_path):
    window = make_window()
    window.new_article()
    type_into_body(qtbot, window, "Trước ảnh.")
    panel = _add(qtbot, window, [make_jpeg(tmp_path / "a.jpg", (1400, 900))])
    (use_id,) = panel.list.order()
    panel.alt_text.setPlainText("Người dân qua cầu")
    qtbot.waitUntil(lambda: panel.list.item(0).data(Qt.ItemDataRole.UserRole + 2) != "")
    # What a drop hands the body: the data the thumbnail list gives its drag.
    mime = panel.list.mimeData([panel.list.item(0)])
    body = window.editor.body
    assert body.canInsertFromMimeData(mime)
    body.moveCursor(QTextCursor.MoveOperation.End)
    body.insertFromMimeData(mime)
    assert window.editor.body_markdown().endswith(f"![Người dân qua cầu](photo:{use_id})\n")
    assert panel.list.order() == [use_id]  # the thumbnail stays in the panel


def test_the_minimum_width_comes_from_preferences(qtbot, make_window, tmp_path, monkeypatch):
    from newsroom_desktop.ui.preferences import PreferencesDialog

    window = make_window(settings=FAST.updated(min_photo_width=2000))
    window.new_article()
    panel = _add(qtbot, window, [make_jpeg(tmp_path / "b.jpg", (1600, 1000))])
    assert "Only 1600 px wide" in panel.list.item(0).toolTip()
    assert "narrower than 2000 px" in panel.added_notice.text()
    seen = []

    def answer(dialog):
        seen.append(dialog.min_width.value())
        dialog.min_width.setValue(0)
        seen.append(dialog.min_width.text())
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", answer)
    window.commands["preferences"].trigger()
    assert seen == [2000, "No minimum"]
    assert window.settings.min_photo_width == 0
    assert "px wide" not in panel.list.item(0).toolTip()
    assert "px wide" not in panel.warnings.text()
    assert Settings().min_photo_width == 1200
