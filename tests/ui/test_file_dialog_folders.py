"""Preferences on a key everywhere; file dialogs open in Documents or the folder last used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from newsroom_desktop.ui.export_dialog import ExportDialog
from newsroom_desktop.ui.preferences import PreferencesDialog
from tests.conftest import SAMPLE_TEXT
from tests.exporters.conftest import make_jpeg


def test_preferences_open_with_ctrl_comma(qtbot, make_window, monkeypatch):
    window = make_window()
    action = window.commands["preferences"]
    assert action.shortcut() == QKeySequence("Ctrl+,")  # StandardKey.Preferences is empty here
    opened: list[str] = []

    def exec_(self: PreferencesDialog) -> int:
        opened.append(self.windowTitle())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.list_panel.view.setFocus()
    qtbot.keyClick(window.list_panel.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["Preferences"]


def _home_with_documents(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "home-of-reporter"
    documents = home / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    return documents


def test_import_opens_in_documents_then_in_the_last_folder(
    qtbot, make_window, tmp_path, monkeypatch
):
    documents = _home_with_documents(tmp_path, monkeypatch)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first, second = inbox / "bai.txt", inbox / "bai-2.txt"
    first.write_bytes(SAMPLE_TEXT.read_bytes())
    # Another text: the same one again would be found in the store already, and asked about.
    second.write_text("Tin thứ hai\n\nMột bài khác hẳn, về chợ nổi Cái Răng.\n", encoding="utf-8")
    asked: list[str] = []

    def choose(_parent, _title, folder, _filter):
        asked.append(folder)
        return [str((first, second)[len(asked) - 1])], ""

    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, title, *_a, **_k: shown.append(title))
    window = make_window()
    window.commands["import"].trigger()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20000)
    window.commands["import"].trigger()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    assert asked == [str(documents), str(inbox)]
    assert Path.cwd() not in [Path(a) for a in asked]


def test_add_photos_remembers_its_own_folder(qtbot, make_window, tmp_path, monkeypatch):
    documents = _home_with_documents(tmp_path, monkeypatch)
    camera = tmp_path / "camera"
    camera.mkdir()
    photos = [make_jpeg(camera / f"anh-{n}.jpg", (64, 48), hue=n * 90) for n in (1, 2)]
    asked: list[str] = []

    def choose(_parent, _title, folder, _filter):
        asked.append(folder)
        return [str(photos[len(asked) - 1])], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Ảnh", "body": "Đoạn."})
    window.refresh_list()
    window.open_article(doc.id)
    panel = window.photo_panel
    panel.choose_files()
    qtbot.waitUntil(lambda: len(window.newsroom.articles.get(doc.id).photos) == 1, timeout=20000)
    panel.choose_files()
    qtbot.waitUntil(lambda: len(window.newsroom.articles.get(doc.id).photos) == 2, timeout=20000)
    assert asked == [str(documents), str(camera)]


def test_export_folder_starts_in_documents(qtbot, make_window, tmp_path, monkeypatch):
    documents = _home_with_documents(tmp_path, monkeypatch)
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Tin", "body": "Đoạn."})
    dialog = ExportDialog(window.newsroom, window.settings, [doc.id], window)
    qtbot.addWidget(dialog)
    assert dialog.folder.text() == str(documents)
