"""The caption desk in the window: codes expand as you type, the template editor, batch + undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_templates import CaptionTemplate
from newsroom_desktop.ui.template_dialog import TemplateDialog
from tests.conftest import REPORTER
from tests.exporters.conftest import make_jpeg
from tests.ui.test_main_window import stored
from tests.ui.typing import type_text

HT = "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an"
ROSTER = f"ht\t{HT}\nnh\tNgọc Hậu\tPhóng viên\n".encode()


def _window_with_photos(qtbot, make_window, tmp_path: Path, count: int):
    window = make_window()
    window.newsroom.photo_templates.import_roster(ROSTER)
    window.caption_desk.load_roster()
    window.new_article()
    files = [make_jpeg(tmp_path / f"DSC_{n:03d}.jpg", (40, 30), hue=n) for n in range(count)]
    operation = window.session.add_photos([str(f) for f in files])
    qtbot.waitUntil(lambda: operation.finished, timeout=60000)
    assert window.photo_panel.list.count() == count
    return window


def test_a_code_expands_as_you_type_the_closing_delimiter_and_undo_gives_it_back(
    qtbot, make_window, tmp_path
):
    window = _window_with_photos(qtbot, make_window, tmp_path, 1)
    panel = window.photo_panel
    panel.caption.setFocus()
    panel.caption.selectAll()
    type_text(panel.caption, "Đồng chí =ht")
    assert panel.caption.toPlainText() == "Đồng chí =ht"  # not closed yet: nothing happens
    type_text(panel.caption, "= phát biểu")
    qtbot.waitUntil(lambda: HT in panel.caption.toPlainText())
    assert panel.caption.toPlainText() == f"Đồng chí {HT} phát biểu"
    # A code not in the roster stays as typed.
    type_text(panel.caption, " =xyz=")
    assert panel.caption.toPlainText().endswith("=xyz=")
    # The credit (a one-line field) expands too, the second column by #2; Undo gives the code.
    panel.credit.setFocus()
    panel.credit.clear()
    type_text(panel.credit, "Ảnh: =nh#2=")
    assert panel.credit.text() == "Ảnh: Phóng viên"
    panel.credit.undo()
    assert panel.credit.text() == "Ảnh: =nh#2="
    # What was typed is saved as the photo's caption.
    window.session.flush()
    (use,) = stored(window.newsroom.store.location.path, window.session.doc.id).photos
    assert use.caption.startswith(f"Đồng chí {HT} phát biểu")


def test_undo_in_the_caption_gives_the_code_back(qtbot, make_window, tmp_path):
    window = _window_with_photos(qtbot, make_window, tmp_path, 1)
    panel = window.photo_panel
    panel.alt_text.setFocus()
    type_text(panel.alt_text, "=ht=")
    qtbot.waitUntil(lambda: panel.alt_text.toPlainText() == HT)
    panel.alt_text.undo()
    assert panel.alt_text.toPlainText() == "=ht="


def test_batch_edit_of_fifty_photos_is_one_step_and_one_undo(qtbot, make_window, tmp_path):
    window = _window_with_photos(qtbot, make_window, tmp_path, 50)
    panel = window.photo_panel
    article_id = window.session.doc.id
    path = window.newsroom.store.location.path
    panel.list.selectAll()
    assert len(panel.selected_uses()) == 50
    assert window.caption_desk.batch_edit("credit", "Ảnh: =nh=") == 50
    assert "50 of 50 photos changed" in window.statusBar().currentMessage()
    window.session.flush()
    assert {u.credit for u in stored(path, article_id).photos} == {"Ảnh: Ngọc Hậu"}
    # One undo (Ctrl+Z on the thumbnails) takes the whole batch back, and it is saved.
    assert panel.batch.count() == 1
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.session.flush()
    assert {u.credit for u in stored(path, article_id).photos} == {""}
    assert panel.credit.text() == ""
    panel.action_redo_batch.trigger()
    window.session.flush()
    assert {u.credit for u in stored(path, article_id).photos} == {"Ảnh: Ngọc Hậu"}


def test_applying_a_template_to_the_selection(qtbot, make_window, tmp_path):
    window = _window_with_photos(qtbot, make_window, tmp_path, 3)
    t = CaptionTemplate(name="Hội nghị")
    t = t.with_field("caption", value="=ht= tại {event} (ảnh {seq})", apply=True)
    t = t.with_field("alt_text", value="{filename}", apply=True, mode="append")
    t = t.with_field("creator", value="=nh=", apply=True)  # kept on the photo itself
    window.newsroom.photo_templates.save(t)
    panel = window.photo_panel
    panel.list.item(0).setSelected(True)
    panel.list.item(2).setSelected(True)
    panel.list.item(1).setSelected(False)
    assert window.caption_desk.apply_template("Hội nghị", "Hội nghị Thành ủy") == 2
    window.session.flush()
    photos = stored(window.newsroom.store.location.path, window.session.doc.id).photos
    assert photos[0].caption == f"{HT} tại Hội nghị Thành ủy (ảnh 1)"
    assert photos[1].caption == ""  # not selected
    assert photos[2].caption == f"{HT} tại Hội nghị Thành ủy (ảnh 2)"
    assert photos[2].alt_text == "DSC_002.jpg"
    assert [p.creator for p in photos] == ["Ngọc Hậu", "", "Ngọc Hậu"]
    assert [u.creator for u in window.session.doc.photos] == ["Ngọc Hậu", "", "Ngọc Hậu"]
    assert panel.batch.count() == 1  # captions and the photos' own fields: one step
    panel.action_undo_batch.trigger()
    window.session.flush()
    photos = stored(window.newsroom.store.location.path, window.session.doc.id).photos
    assert [p.caption for p in photos] == ["", "", ""]
    assert [p.creator for p in photos] == ["", "", ""]
    panel.action_redo_batch.trigger()
    window.session.flush()
    photos = stored(window.newsroom.store.location.path, window.session.doc.id).photos
    assert [p.creator for p in photos] == ["Ngọc Hậu", "", "Ngọc Hậu"]
    assert photos[0].caption == f"{HT} tại Hội nghị Thành ủy (ảnh 1)"


@pytest.fixture
def templates(store_path: Path):
    nr = Newsroom.open(store_path, actor=REPORTER)
    nr.photo_templates.import_roster(ROSTER)
    nr.photo_templates.save(
        CaptionTemplate(name="Hội nghị").with_field("caption", value="{city}: {event}", apply=True)
    )
    yield nr
    nr.close()


SAMPLE = {
    "caption": "",
    "city": "Cần Thơ",
    "creator": "Ngọc Hậu",
    "filename": "DSC_0042.jpg",
    "taken_at": "2021-09-06T08:15:00+07:00",
}


def test_the_template_editor_edits_checks_and_previews(qtbot, templates, monkeypatch):
    newsroom, templates = templates, templates.photo_templates
    dialog = TemplateDialog(newsroom, sample=SAMPLE, byline="Ngọc Hậu")
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.names.count() == 1
    assert dialog.checks["caption"].isChecked()
    dialog.event_edit.setText("Hội nghị Thành ủy")
    dialog.event_edit.textEdited.emit("Hội nghị Thành ủy")
    assert "Caption: Cần Thơ: Hội nghị Thành ủy" in dialog.preview.text()
    # A brace left open: said at once, and Save is off until it is fixed.
    caption = dialog.values["caption"]
    caption.setFocus()
    caption.moveCursor(caption.textCursor().MoveOperation.End)
    type_text(caption, " {date_taken")
    assert "Caption: a “{” without its “}”" in dialog.error.text()
    assert not save.isEnabled()
    type_text(caption, ":%d/%m/%Y} =ht=")
    qtbot.waitUntil(lambda: HT in caption.toPlainText())  # codes expand here too
    assert save.isEnabled()
    assert "Cần Thơ: Hội nghị Thành ủy 06/09/2021 " + HT in dialog.preview.text()
    dialog.checks["credit"].setChecked(True)
    dialog.values["credit"].setText("Ảnh: {byline}")
    dialog.modes["keywords"].setCurrentIndex(1)
    save.click()
    stored_template = templates.get("Hội nghị")
    assert stored_template.field("caption").value == "{city}: {event} {date_taken:%d/%m/%Y} " + HT
    assert stored_template.field("credit").apply
    assert stored_template.field("keywords").mode == "append"
    # New and Duplicate ask for a name; Delete asks first.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Thể thao", True))
    dialog.new_button.click()
    assert [dialog.names.item(i).text() for i in range(dialog.names.count())] == [
        "Hội nghị",
        "Thể thao",
    ]
    assert dialog.current is not None and dialog.current.name == "Thể thao"
    dialog.names.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Hội nghị 2", True))
    dialog.duplicate_button.click()
    assert templates.get("Hội nghị 2").field("credit").value == "Ảnh: {byline}"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert [t.name for t in templates.templates()] == ["Hội nghị", "Thể thao"]


def test_edits_are_kept_when_another_template_is_chosen(qtbot, templates):
    newsroom, templates = templates, templates.photo_templates
    templates.save(CaptionTemplate(name="Thể thao"))
    dialog = TemplateDialog(newsroom)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.names.setCurrentRow(0)
    dialog.values["headline"].setText("{event}")
    dialog.checks["headline"].setChecked(True)
    dialog.names.setCurrentRow(1)
    assert templates.get("Hội nghị").field("headline").value == "{event}"
    # A bad edit is not dropped silently: the template stays chosen with the reason shown.
    dialog.values["headline"].setText("{nope}")
    dialog.names.setCurrentRow(0)
    assert dialog.current is not None and dialog.current.name == "Thể thao"
    assert "unknown variable {nope}" in dialog.error.text()


@pytest.mark.modal
def test_ctrl_shift_t_opens_the_template_editor_on_the_chosen_photo(qtbot, make_window, tmp_path):
    window = _window_with_photos(qtbot, make_window, tmp_path, 1)
    window.newsroom.photo_templates.save(
        CaptionTemplate(name="Ảnh").with_field("caption", value="{filename}", apply=True)
    )
    window.caption_desk.action_templates.trigger()
    dialog = window.findChild(TemplateDialog)
    assert dialog is not None and dialog.isVisible()
    assert window.caption_desk.action_templates.shortcut().toString() == "Ctrl+Shift+T"
    assert dialog.preview.text() == "Preview on DSC_000.jpg\nCaption: DSC_000.jpg"
    dialog.reject()


def test_a_template_chosen_for_added_photos_fills_them(qtbot, make_window, tmp_path):
    window = make_window()
    t = CaptionTemplate(name="Hội nghị").with_field(
        "caption", value="Ảnh {seq}: {filename}", apply=True
    )
    window.newsroom.photo_templates.save(t.with_field("credit", value="Ảnh: {byline}", apply=True))
    window.caption_desk.import_menu.aboutToShow.emit()
    names = [a.text() for a in window.caption_desk.import_menu.actions()]
    assert names == ["None", "Hội nghị"]
    window.caption_desk.import_menu.actions()[1].trigger()
    assert window.session.import_template == "Hội nghị"
    window.new_article()
    files = [make_jpeg(tmp_path / f"DSC_{n}.jpg", (40, 30), hue=n) for n in range(2)]
    operation = window.session.add_photos([str(f) for f in files])
    qtbot.waitUntil(lambda: operation.finished, timeout=30000)
    photos = stored(window.newsroom.store.location.path, window.session.doc.id).photos
    assert [(p.caption, p.credit) for p in photos] == [
        ("Ảnh 1: DSC_0.jpg", "Ảnh: Ngọc Hậu"),
        ("Ảnh 2: DSC_1.jpg", "Ảnh: Ngọc Hậu"),
    ]


def test_template_errors_are_said_in_the_interface_language(qtbot, templates):
    from PySide6.QtWidgets import QApplication

    from newsroom_desktop.ui import i18n

    i18n.install_translations(QApplication.instance(), "vi")
    dialog = TemplateDialog(templates)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.values["headline"].setText("{nơi}")
    assert dialog.error.text().startswith("⚠ Tiêu đề: không có biến {nơi}; dùng {date}")
    dialog.values["headline"].setText("{seq:%Y}")
    assert dialog.error.text() == "⚠ Tiêu đề: {seq:%Y} không phải định dạng số."
    dialog.values["headline"].setText("")


def test_the_roster_is_imported_and_exported_from_the_window(
    qtbot, make_window, tmp_path, monkeypatch
):
    window = make_window()
    problems: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_problem", lambda title, text: problems.append((title, text)))
    roster = tmp_path / "roster.txt"
    roster.write_bytes(f"ht\t{HT}\n".encode())
    assert window.caption_desk.import_roster(str(roster)) == 1
    assert window.photo_panel.expander.roster.lookup("ht") == HT  # typing uses it at once
    out = tmp_path / "back.txt"
    assert window.caption_desk.export_roster(str(out))
    assert out.read_bytes() == roster.read_bytes()
    roster.write_bytes(b"ht\tCaf\xe9\n")
    assert window.caption_desk.import_roster(str(roster)) == 0
    assert problems == [("Import Code Roster", "roster.txt is not UTF-8 text (line 1); save it as "
                         "UTF-8 and import it again.")]  # fmt: skip
    assert window.photo_panel.expander.roster.lookup("ht") == HT  # the roster is kept
