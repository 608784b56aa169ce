"""The UI in Vietnamese: complete .ts files, up-to-date .qm files, Qt's own dialogs, the window."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import REPORTER, ROOT

FOLDER = ROOT / "resources" / "translations"
TS_FILES = ("newsroom_vi.ts", "newsroom_en.ts", "qtbase_vi.ts")
PLACEHOLDER = re.compile(r"%(?:n|\d+)")
ACCELERATOR = re.compile(r"&(?![&\s])")
FORMS = {"vi": 1, "en": 2}
STATUS_NAMES = ("Bản nháp", "Đã gửi duyệt", "Đang biên tập", "Sẵn sàng đăng", "Đã đăng", "Đã hủy")


def load_update_ts():
    spec = importlib.util.spec_from_file_location("update_ts", FOLDER / "update_ts.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_ts"] = module
    spec.loader.exec_module(module)
    return module


def messages(name: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(FOLDER / name).getroot()
    return [(c.findtext("name") or "", m) for c in root.iter("context") for m in c.iter("message")]


def forms(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    return [f.text or "" for f in node.iter("numerusform")] or [node.text or ""]


@pytest.fixture
def language(qapp):
    """Install the translators the test asks for; take every one away afterwards."""
    from newsroom_desktop.ui import i18n

    before = QLocale()
    yield lambda choice: i18n.install_translations(qapp, choice)
    # Other tests read the English source texts: no translator of ours stays installed.
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(before)


# -- the files --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", TS_FILES)
def test_every_message_is_translated_with_its_placeholders(name):
    lang = ET.parse(FOLDER / name).getroot().get("language", "")
    found = messages(name)
    assert len(found) > 10
    for context, message in found:
        source = message.findtext("source") or ""
        where = f"{name} [{context}] {source!r}"
        assert message.find("translation").get("type") is None, f"unfinished: {where}"
        texts = forms(message)
        if message.get("numerus") == "yes":
            assert len(texts) == FORMS[lang], where
        for text in texts:
            assert text.strip(), f"empty: {where}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
            accelerators = len(ACCELERATOR.findall(text))
            assert accelerators <= 1, where
            assert accelerators == len(ACCELERATOR.findall(source)), where


def test_english_file_holds_the_plural_forms_only():
    found = messages("newsroom_en.ts")
    assert all(m.get("numerus") == "yes" for _, m in found)
    by_source = {m.findtext("source"): forms(m) for _, m in found}
    assert by_source["%n word(s)"] == ["%n word", "%n words"]


@pytest.mark.parametrize("name", TS_FILES)
def test_compiled_qm_is_up_to_date(name, tmp_path):
    qm = tmp_path / name.replace(".ts", ".qm")
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(tool), "-silent", str(FOLDER / name), "-qm", str(qm)], check=True)
    committed = FOLDER / qm.name
    assert committed.read_bytes() == qm.read_bytes(), f"run `make translations`: {qm.name} is stale"


def test_every_string_in_the_code_is_translated(tmp_path):
    """lupdate (plus our helper calls) finds nothing that newsroom_vi.ts does not translate."""
    update_ts = load_update_ts()
    missing = update_ts.update(tmp_path)
    assert missing == {"vi": [], "en": []}, "run `make translations` and translate the new texts"
    translated = {m.findtext("source") for _, m in messages("newsroom_vi.ts")}
    raw = {m.source for m in update_ts.lupdate_messages()}
    assert raw
    assert raw <= translated, sorted(raw - translated)
    # The helpers' texts are found in the helper's context, which lupdate cannot see.
    keys = {m.key for m in update_ts.code_messages()}
    assert ("Labels", "Spiked", "") in keys
    assert ("Review", "Ready to publish", "") in keys
    assert not {k for k in keys if k[0] in ("window", "parent", "")}


# -- Qt's own dialogs -------------------------------------------------------------------------


def test_qt_dialogs_speak_vietnamese(qtbot, language):
    assert language("vi") == "vi"
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"

    ask = QMessageBox(
        QMessageBox.Icon.Question,
        "?",
        "?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    ask.setDetailedText("…")
    qtbot.addWidget(ask)
    texts = {b.text() for b in ask.buttons()}
    assert {"&Có", "&Không", "Hiện chi tiết..."} <= texts

    line = QLineEdit("Mưa lớn")
    menu = line.createStandardContextMenu()
    assert [a.text().split("\t")[0] for a in menu.actions() if a.text()] == [
        "&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]  # fmt: skip
    for editor in (QTextEdit("Cần Thơ"), QPlainTextEdit("Cần Thơ")):
        menu = editor.createStandardContextMenu()
        assert {"&Sao chép", "&Dán", "Chọn tất cả"} <= {
            a.text().split("\t")[0] for a in menu.actions()
        }


def test_qt_file_dialog_speaks_vietnamese(qtbot, language, tmp_path):
    language("vi")
    dialog = QFileDialog(None, "Thêm ảnh", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    label = QFileDialog.DialogLabel
    assert dialog.labelText(label.LookIn) == "Tìm &trong:"
    assert dialog.labelText(label.FileName) == "Tên &tệp:"
    assert dialog.labelText(label.FileType) == "&Kiểu tệp:"
    assert dialog.labelText(label.Accept) == "&Mở"
    assert dialog.labelText(label.Reject) == "Hủy"
    tips = {b.toolTip() for b in dialog.findChildren(QAbstractButton)}
    assert {"Quay lại", "Tiến tới", "Thư mục cha", "Tạo thư mục mới"} <= tips
    model = dialog.findChild(QWidget, "treeView").model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Tên", "Kích thước", "Loại", "Ngày sửa đổi"]


# -- the main window --------------------------------------------------------------------------


def english_sources() -> set[str]:
    """Return the English texts that the Vietnamese file translates into something else."""
    found = set()
    for _, message in messages("newsroom_vi.ts"):
        source = message.findtext("source") or ""
        if forms(message)[0] != source:
            found.add(source.replace("&", ""))
    return found


def visible_texts(window) -> list[str]:
    texts = [window.windowTitle()]
    for menu in window.menus.values():
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions()]
    texts += [a.toolTip() for a in window.toolbar.actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        texts.append(widget.toolTip())
    return [t.replace("&", "") for t in texts if t]


def test_start_in_vietnamese(qtbot, language, make_window, store_path, tmp_path):
    from newsroom_desktop.jobs.imports import import_paths
    from newsroom_desktop.sample import create_sample
    from newsroom_desktop.ui.import_dialog import summary_text

    newsroom = Newsroom.open(store_path, actor=REPORTER)
    doc = create_sample(newsroom)
    newsroom.close()
    assert language("vi") == "vi"
    window = make_window()
    window.list_model.set_language("vi")
    window.list_panel.select_article(doc.id, emit=False)
    window.open_article(doc.id)
    qtbot.waitUntil(lambda: window.words_label.text() != "0 từ")

    titles = [m.title().replace("&", "") for m in window.menus.values()]
    assert titles == ["Tệp", "Sửa", "Định dạng", "Bài viết", "Xem", "Trợ giúp"]
    assert window.commands["new"].toolTip() == "Bắt đầu một bài viết mới"
    assert window.commands["export"].toolTip() == "Xuất các bài viết đã chọn"
    assert window.editor.action_bold.text().replace("&", "") == "Đậm"
    assert window.list_panel.search.placeholderText().startswith("Tìm bài viết")
    assert re.fullmatch(r"\d+ từ", window.words_label.text())
    assert re.fullmatch(r"\d+ ký tự", window.chars_label.text())
    photos = window.photo_panel
    buttons = (photos.add_button, photos.insert_button, photos.lead_button, photos.remove_button)
    assert [b.text() for b in buttons] == ["Thêm…", "Chèn vào bài", "Ảnh chính", "Gỡ bỏ"]
    assert photos.caption.placeholderText() == "Chú thích ảnh trong bài này"
    assert photos.credit.placeholderText().startswith("Nguồn ảnh")
    assert photos.alt_text.placeholderText().startswith("Văn bản thay thế")
    assert "Kích thước: 1600 × 1067 JPEG" in photos.file_info.text()
    statuses = [window.list_panel.status_filter.itemText(i)
                for i in range(window.list_panel.status_filter.count())]  # fmt: skip
    assert set(STATUS_NAMES) <= set(statuses)
    # No text the Vietnamese file translates shows in English anywhere in the window.
    english = english_sources()
    assert not [t for t in visible_texts(window) if t in english]

    # A ``window.tr()`` outside the window's class (the import summary) finds its text too.
    source = tmp_path / "tin.txt"
    source.write_text("Mưa lớn ở Cần Thơ\n\nNước ngập sâu trên đường Nguyễn Văn Cừ.\n", "utf-8")
    report = import_paths(window.newsroom, [source])
    assert summary_text(window, report).startswith("Đã nhập 1 bài viết.")


def test_english_shows_singular_and_plural(qtbot, language, make_window):
    from tests.ui.typing import type_text

    assert language("en") == "en"
    window = make_window()
    window.new_article()
    window.editor.body.setFocus()
    type_text(window.editor.body, "Mưa")
    qtbot.waitUntil(lambda: window.words_label.text() == "1 word")
    type_text(window.editor.body, " lớn ở Cần Thơ")
    qtbot.waitUntil(lambda: window.words_label.text() == "5 words")
