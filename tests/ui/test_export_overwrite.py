"""File ▸ Export asks before replacing files the article's earlier export did not write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from newsroom_desktop.ui import export_dialog
from newsroom_desktop.ui.export_dialog import ExportDialog

MINE = "Ghi chú của tôi.\n"


def _summaries(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, title, text, *a, **k: shown.append((title, text))
        )
    return shown


def _answer(monkeypatch, button: str) -> list[QMessageBox]:
    """Answer every question box by clicking ``button`` instead of waiting for a person."""
    asked: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box)
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def _export_to(monkeypatch, folder: Path) -> None:
    def accept(self: ExportDialog) -> int:
        self.folder.setText(str(folder))
        self.format.setCurrentIndex(self.format.findData("md"))
        return 1

    monkeypatch.setattr(ExportDialog, "exec", accept)


def _window_with_article(make_window):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Bão số 5", "body": "Mưa lớn.\n"})
    window.refresh_list()
    window.list_panel.select_article(doc.id)
    return window, doc


def test_cancel_keeps_the_users_file_and_exports_nothing(make_window, tmp_path, monkeypatch):
    shown = _summaries(monkeypatch)
    window, _ = _window_with_article(make_window)
    out = tmp_path / "out"
    out.mkdir()
    (out / "bao-so-5.md").write_text(MINE)
    asked = _answer(monkeypatch, "Cancel")
    _export_to(monkeypatch, out)
    assert export_dialog.run_export(window.services) is None
    (box,) = asked
    assert box.objectName() == "exportReplaceQuestion"
    assert "• bao-so-5.md" in box.text()
    assert str(out) in box.text()
    assert (out / "bao-so-5.md").read_text() == MINE
    assert [p.name for p in out.iterdir()] == ["bao-so-5.md"]
    assert shown == []


def test_replace_exports_over_the_file(qtbot, make_window, tmp_path, monkeypatch):
    shown = _summaries(monkeypatch)
    window, doc = _window_with_article(make_window)
    out = tmp_path / "out"
    out.mkdir()
    (out / "bao-so-5.md").write_text(MINE)
    asked = _answer(monkeypatch, "Replace")
    _export_to(monkeypatch, out)
    operation = export_dialog.run_export(window.services)
    assert operation is not None
    qtbot.waitUntil(lambda: operation.finished and bool(shown), timeout=20000)
    assert len(asked) == 1
    assert shown[0][0] == "Export finished"
    assert "Mưa lớn." in (out / "bao-so-5.md").read_text(encoding="utf-8")
    # Its own file now: exporting again asks nothing.
    shown.clear()
    operation = export_dialog.run_export(window.services)
    assert operation is not None
    qtbot.waitUntil(lambda: operation.finished and bool(shown), timeout=20000)
    assert len(asked) == 1
    assert "Exported 1 article" in shown[0][1]
    assert window.newsroom.articles.get(doc.id).exported_at is not None
