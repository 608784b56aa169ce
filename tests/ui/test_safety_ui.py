"""Nothing lost, in the window: recovery files, read-only stores, backups, others' changes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from newsroom_desktop.cli import main as cli
from newsroom_desktop.core.backups import make_backup
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.recovery import pending_recoveries
from newsroom_desktop.ui.main_window import MainWindow
from newsroom_desktop.ui.safety import BackupDialog
from tests.conftest import DATA, REPORTER
from tests.ui.conftest import FAST
from tests.ui.test_main_window import stored, type_into_body


def test_an_edit_the_disk_refused_comes_back_at_the_next_start(
    qtbot, make_window, store_path, monkeypatch
):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Đĩa đầy"})
    window.refresh_list()
    window.open_article(doc.id)

    def full(*_args, **_kwargs):
        raise StoreError("The disk holding the store is full.", code="store_disk_full")

    monkeypatch.setattr(window.newsroom.articles, "save", full)
    problems = []
    monkeypatch.setattr(window, "show_problem", lambda title, text: problems.append(title))
    type_into_body(qtbot, window, "Chữ không được lưu")
    window.commands["save"].trigger()
    window.session.saver.flush()
    assert problems == ["Could not save"]
    assert "Chữ không được lưu" not in stored(store_path, doc.id).body
    (kept,) = pending_recoveries(window.newsroom.store.location)
    assert "Chữ không được lưu" in kept.fields["body"]
    monkeypatch.undo()
    window.session.doc = None  # the old window is gone (a crash, say)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again = make_window()
    assert again.safety.offer_recoveries() == 1
    assert "Chữ không được lưu" in stored(store_path, doc.id).body
    assert pending_recoveries(again.newsroom.store.location) == []


def test_a_read_only_store_opens_for_reading_with_editing_locked(qtbot, store_path):
    nr = Newsroom.open(store_path, actor=REPORTER)
    doc = nr.articles.create({"headline": "Chỉ đọc", "body": "Nội dung."})
    nr.close()
    ro = Newsroom.open(store_path, actor=REPORTER, read_only=True)
    window = MainWindow(ro, FAST)
    qtbot.addWidget(window)
    window.show()
    window.open_article(doc.id)
    assert ro.read_only
    assert window.safety.read_only_label.isVisible()
    assert window.editor.body.isReadOnly()
    assert not window.photo_panel.isEnabled()
    assert not window.commands["new"].isEnabled()
    assert window.list_model.rowCount() == 1
    window.close()
    ro.close()


def test_restore_from_backup_lists_backups_and_brings_articles_back(
    qtbot, make_window, monkeypatch
):
    window = make_window()
    first = window.newsroom.articles.create({"headline": "Có trong bản sao lưu"})
    make_backup(window.newsroom.store)
    window.newsroom.articles.create({"headline": "Viết sau khi sao lưu"})
    window.refresh_list()
    assert window.list_model.rowCount() == 2
    seen = []

    def choose_first(dialog: BackupDialog) -> int:
        seen.extend(dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount()))
        dialog.table.selectRow(0)
        return 1

    monkeypatch.setattr(BackupDialog, "exec", choose_first)
    assert window.safety.restore_from_backup()
    assert seen == ["1"]  # one backup, holding one article
    assert [window.list_model.summary(i).id for i in range(window.list_model.rowCount())] == [
        first.id
    ]
    # The store as it was before the restore is kept, so the restore itself can be undone.
    names = [p.name for p in window.newsroom.store.location.backups_dir.iterdir()]
    assert any(name.endswith("-before-restore.sqlite") for name in names), names


def test_changes_from_another_program_show_in_the_list(qtbot, make_window, store_path, capsys):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Tiêu đề cũ"})
    window.refresh_list()
    window.open_article(doc.id)
    window.safety.poll_changes()  # settle what this window did itself
    assert (
        cli(
            [
                "--store",
                str(store_path),
                "--as",
                REPORTER.name,
                "edit",
                doc.id,
                "--headline",
                "Tiêu đề mới",
            ]
        )
        == 0
    )
    assert (
        cli(
            [
                "--store",
                str(store_path),
                "--as",
                REPORTER.name,
                "new",
                "--headline",
                "Bài từ dòng lệnh",
            ]
        )
        == 0
    )
    capsys.readouterr()
    window.safety.poll_changes()
    headlines = [window.list_model.summary(i).headline for i in range(window.list_model.rowCount())]
    assert "Tiêu đề mới" in headlines
    assert "Bài từ dòng lệnh" in headlines
    # The open article had no unsaved edits: it now shows the other program's version.
    assert window.editor.current_fields()["headline"] == "Tiêu đề mới"


def test_the_automatic_backup_runs_in_the_background(qtbot, make_window):
    window = make_window()
    window.newsroom.articles.create({"headline": "Sao lưu tự động"})
    operation = window.safety.backup_in_background()
    qtbot.waitUntil(lambda: operation.finished, timeout=20000)
    backups = list(
        Path(window.newsroom.store.location.backups_dir).glob("*auto*.sqlite.gz")
    )  # kept compressed
    assert len(backups) == 1


def test_saved_shows_only_after_the_commit_and_a_refused_save_says_not_saved(
    qtbot, make_window, store_path, monkeypatch
):
    """While the store cannot be written (a restore holds it), a save fails for real."""
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Có ảnh"})
    window.newsroom.photos.add(doc.id, [DATA / "photos" / "mei_Photoshop_3.jpg"])
    window.refresh_list()
    window.open_article(doc.id)
    type_into_body(qtbot, window, "Đã lưu thật.")
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Saved"), timeout=5000)
    article_id = window.session.doc.id
    problems: list[str] = []
    monkeypatch.setattr(window, "show_problem", lambda title, text: problems.append(text))
    with window.newsroom.store.exclusive():  # no connection can open: the save must fail
        type_into_body(qtbot, window, " Chưa vào kho.")
        window.commands["save"].trigger()
        window.session.saver.flush()
        assert window.save_label.text() == "Not saved"
        assert problems, "the failed save was not reported"
        (kept,) = pending_recoveries(window.newsroom.store.location)
        assert "Chưa vào kho." in kept.fields["body"]
    # A caption save that lands afterwards does not make the unsaved text look saved.
    use = window.session.doc.photos[0]
    window.session.edit_caption(dataclasses.replace(use, caption="Chú thích mới"))
    qtbot.waitUntil(
        lambda: stored(store_path, article_id).photos[0].caption == "Chú thích mới", timeout=5000
    )
    window.session.saver.flush()
    assert window.save_label.text() == "Not saved"
    assert "Chưa vào kho." not in stored(store_path, article_id).body
    window.commands["save"].trigger()
    window.session.saver.flush()
    assert window.save_label.text().startswith("Saved")
    assert "Đã lưu thật. Chưa vào kho." in stored(store_path, article_id).body


def test_a_workflow_move_by_another_program_reaches_the_open_article(
    qtbot, make_window, store_path, capsys
):
    """A submit elsewhere changes the status, not the text: the open article follows anyway."""
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Thông xe", "body": "Đoạn đầu."})
    window.refresh_list()
    window.open_article(doc.id)
    window.safety.poll_changes()  # settle what this window did itself
    assert not window.editor.is_read_only()
    assert cli(["--store", str(store_path), "--as", REPORTER.name, "status", doc.id, "submit"]) == 0
    capsys.readouterr()
    window.safety.poll_changes()
    assert window.session.doc is not None and window.session.doc.status == "submitted"
    assert window.editor.is_read_only()  # a reporter's submitted article is locked for them


def test_a_workflow_move_elsewhere_recounts_the_saved_filters(
    qtbot, make_window, store_path, capsys
):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Thông xe", "body": "Đoạn đầu."})
    window.refresh_list()
    window.safety.poll_changes()
    bar = window.review.filters
    window.review.saved_filters.refresh_filter_counts()
    assert bar.count_of("waiting_for_review") == 0
    assert cli(["--store", str(store_path), "--as", REPORTER.name, "status", doc.id, "submit"]) == 0
    capsys.readouterr()
    window.safety.poll_changes()
    # The recount waits a moment (several changes arrive together); then the desk sees it.
    qtbot.waitUntil(lambda: bar.count_of("waiting_for_review") == 1)
