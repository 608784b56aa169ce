"""File ▸ Import, dropping files on the list, File ▸ Export, and Print Preview, in the window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from newsroom_desktop.ui import export_dialog
from newsroom_desktop.ui.export_dialog import ExportDialog
from tests.conftest import SAMPLE_TEXT


def _messages(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, title, text, *a, **k: shown.append((title, text))
        )
    return shown


def test_dropping_files_on_the_list_imports_them(qtbot, make_window, tmp_path, monkeypatch):
    shown = _messages(monkeypatch)
    window = make_window()
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE_TEXT)), QUrl.fromLocalFile(str(bad))])
    viewport = window.list_panel.view.viewport()
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.list_panel.view.dropEvent(event)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    title, text = shown[0]
    assert title == "Import finished"
    assert "Imported 1 article" in text
    assert "broken.docx" in text
    assert window.list_model.rowCount() == 1
    assert window.session.doc is not None
    assert window.session.doc.headline.startswith("Tăng cường sự lãnh đạo của Đảng")
    assert len(window.session.doc.photos) == 2  # two figures waiting for their photos
    del viewport


def test_export_dialog_checks_then_exports_in_background(qtbot, make_window, tmp_path, monkeypatch):
    shown = _messages(monkeypatch)
    window = make_window()
    doc = window.newsroom.articles.create(
        {"headline": "Tin <script>alert(1)</script> & “Cần Thơ”", "body": "Nội dung TK."}
    )
    window.refresh_list()
    window.list_panel.select_article(doc.id)
    dialog = ExportDialog(window.newsroom, window.settings, [doc.id], window)
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("The lead is empty." in p for p in problems)
    assert any("TK" in p for p in problems)

    def accept(self):
        self.folder.setText(str(tmp_path / "out"))
        self.format.setCurrentIndex(self.format.findData("html"))
        return 1

    monkeypatch.setattr(ExportDialog, "exec", accept)
    operation = export_dialog.run_export(window.services)
    qtbot.waitUntil(lambda: operation.finished and bool(shown), timeout=20000)
    assert shown[0][0] == "Export finished"
    page = next((tmp_path / "out").glob("*.html"))
    html = page.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert window.settings.last_export_format == "html"


def test_print_preview_lays_out_pages(qtbot, make_window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    window = make_window()
    doc = window.newsroom.articles.create(
        {"headline": "In thử", "lead": "Sapo.", "body": "Đoạn.\n\n" * 200, "byline": "Ngọc Hậu"}
    )
    window.refresh_list()
    window.open_article(doc.id)
    pages = []

    def fake_exec(self):
        preview = self.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        QApplication.processEvents()
        pages.append(preview.pageCount())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    export_dialog.print_article(window.services, preview=True)
    assert pages and pages[0] >= 2


def test_import_a_folder_from_the_file_menu(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    shown = _messages(monkeypatch)
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "bai-mau.txt").write_bytes(SAMPLE_TEXT.read_bytes())
    (folder / "sub" / "ghi-chu.md").write_text(
        "---\ntitle: Ghi chú họp\n---\n\nNội dung.\n", encoding="utf-8"
    )
    (folder / "photo.bin").write_bytes(b"\x00\x01")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window = make_window()
    window.commands["import_folder"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "Imported 2 article" in shown[0][1]
    assert "photo.bin" in shown[0][1]  # left alone, and said why
    headlines = {window.list_model.summary(i).headline for i in range(window.list_model.rowCount())}
    assert "Ghi chú họp" in headlines


def test_a_figure_waiting_for_its_photo_gets_one(qtbot, make_window, store_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from newsroom_desktop.importers.text import parse
    from tests.conftest import DATA
    from tests.ui.test_main_window import stored

    window = make_window()
    article_id = window.newsroom.intake.store(parse(SAMPLE_TEXT)).id
    window.refresh_list()
    window.open_article(article_id)
    panel = window.photo_panel
    panel.list.setCurrentRow(0)
    waiting = panel.current_use()
    assert waiting is not None and not waiting.has_file
    assert panel.attach_button.isVisible()
    photo = DATA / "photos" / "mei_FujiFilm_FinePixS1Pro_4.jpg"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    panel.attach_button.click()
    use = stored(store_path, article_id).photo(waiting.id)
    assert use.has_file and use.width == 600
    # The caption the page gave stays; the figure now shows the photo and the button goes.
    assert (
        use.caption == waiting.caption == "Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ."
    )
    assert not panel.attach_button.isVisible()
    assert window.session.doc.photo(waiting.id).has_file


def test_export_dialog_shows_only_the_chosen_formats_options(qtbot, make_window, tmp_path):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Tin", "lead": "Sapo.", "body": "Đoạn."})
    dialog = ExportDialog(window.newsroom, window.settings, [doc.id], window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    options = {
        "pdf": dialog.paper,
        "package": dialog.max_side,
        "html": dialog.share,
        "md": dialog.lead_in_body,
    }
    for name in ("html", "pdf", "package", "md", "docx"):
        dialog.format.setCurrentIndex(dialog.format.findData(name))
        shown = {key for key, widget in options.items() if widget.isVisible()}
        assert shown == ({name} if name in options else set()), name
        assert dialog.zip.isVisible() == (name == "package")
        # A hidden option's label goes with it: no "Paper" beside an empty row.
        paper_label = dialog.form.labelForField(dialog.paper)
        assert paper_label.isVisible() == (name == "pdf")


def test_markdown_lead_in_body_is_remembered(qtbot, make_window):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Tin", "lead": "Sapo.", "body": "Đoạn."})
    dialog = ExportDialog(window.newsroom, window.settings, [doc.id], window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert dialog.lead_in_body.isChecked()  # on by default
    assert dialog.options().lead_in_body
    dialog.lead_in_body.setChecked(False)
    assert not dialog.options().lead_in_body
    remembered = dialog.remembered()
    assert remembered.markdown_lead_in_body is False
    again = ExportDialog(window.newsroom, remembered, [doc.id], window)
    qtbot.addWidget(again)
    assert not again.lead_in_body.isChecked()
