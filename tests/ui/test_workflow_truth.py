"""The workflow as the window tells it: exports that publish, open notes, why an action is off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from newsroom_desktop.core.models import Article
from newsroom_desktop.ui import export_dialog
from newsroom_desktop.ui.export_dialog import ExportDialog
from tests.conftest import EDITOR, REPORTER

BODY = "Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo trực tuyến."


def answer_modal(callback) -> None:
    """Deal with the next modal dialog as a person would, once it is on screen."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(10, poll)
            return
        callback(widget)

    QTimer.singleShot(0, poll)


def submitted_as_editor(window) -> str:
    """A reporter's article, submitted, open in the window of the editor."""
    doc = window.newsroom.articles.create({"headline": "Hội thảo về công tác Đảng", "body": BODY})
    window.refresh_list()
    window.open_article(doc.id)
    window.review.workflow_actions["submit"].trigger()
    window.review.workflow.switch_person(EDITOR)
    return doc.id


def _messages(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, title, text, *a, **k: shown.append((title, text))
        )
    return shown


def ready_article_as_editor(window, headline: str = "Hội thảo về công tác Đảng") -> str:
    """Put a reporter's article straight into Ready, then act as the editor with it open."""
    doc = window.newsroom.articles.create({"headline": headline, "lead": "Sapo.", "body": BODY})
    with window.newsroom.store.write() as session:
        article = session.get(Article, doc.id)
        assert article is not None
        article.status = "ready"
    window.review.workflow.switch_person(EDITOR)
    window.refresh_list()
    window.open_article(doc.id)
    return doc.id


def export_through_dialog(qtbot, window, monkeypatch, out: Path, *, preview: bool) -> None:
    def accept(self):
        self.folder.setText(str(out))
        self.format.setCurrentIndex(self.format.findData("txt"))
        self.preview_only.setChecked(preview)
        return 1

    shown = _messages(monkeypatch)
    monkeypatch.setattr(ExportDialog, "exec", accept)
    operation = export_dialog.run_export(window.services)
    assert operation is not None
    qtbot.waitUntil(lambda: operation.finished and bool(shown), timeout=20000)
    assert shown[0][0] == "Export finished"


def test_the_export_dialog_says_beforehand_that_it_publishes(make_window):
    window = make_window()
    article_id = ready_article_as_editor(window)
    dialog = ExportDialog(window.newsroom, window.settings, [article_id], window)
    assert not dialog.publish_notice.isHidden()
    assert "publishes 1 approved article" in dialog.publish_notice.text()
    assert not dialog.preview_only.isHidden()
    assert dialog.publishes() == 1
    dialog.preview_only.setChecked(True)
    assert dialog.publishes() == 0
    assert "no status changes" in dialog.publish_notice.text()
    assert dialog.options().preview
    # A draft is not published by exporting: nothing to say, no box to tick.
    draft = window.newsroom.articles.create({"headline": "Nháp", "body": BODY})
    quiet = ExportDialog(window.newsroom, window.settings, [draft.id], window)
    assert quiet.publish_notice.isHidden()
    assert quiet.preview_only.isHidden()


def test_an_export_that_publishes_updates_strip_menus_list_and_counts_at_once(
    qtbot, make_window, monkeypatch, tmp_path
):
    window = make_window()
    article_id = ready_article_as_editor(window)
    review = window.review
    review.saved_filters.refresh_filter_counts()
    assert review.filters.count_of("ready_to_publish") == 1
    assert review.bar.chip.text() == "Ready"
    assert review.workflow_actions["publish"].isEnabled()

    export_through_dialog(qtbot, window, monkeypatch, tmp_path / "out", preview=False)

    assert window.newsroom.articles.get(article_id).status == "published"
    assert window.session.doc.status == "published"
    assert review.bar.chip.text() == "Published"
    assert review.bar.buttons["publish"].isHidden()
    assert not review.workflow_actions["publish"].isEnabled()
    row = window.list_model.row_of(article_id)
    assert window.list_model.summary(row).status == "published"
    assert review.filters.count_of("ready_to_publish") == 0


def test_export_as_preview_only_keeps_the_article_ready(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    article_id = ready_article_as_editor(window)
    export_through_dialog(qtbot, window, monkeypatch, tmp_path / "out", preview=True)
    assert list((tmp_path / "out").glob("*.txt"))
    assert window.newsroom.articles.get(article_id).status == "ready"
    assert window.review.bar.chip.text() == "Ready"
    assert window.review.workflow_actions["publish"].isEnabled()


@pytest.mark.modal
def test_approving_with_open_notes_asks_first_naming_how_many(make_window):
    window = make_window()
    article_id = submitted_as_editor(window)
    window.review.notes.add_note("Kiểm tra số liệu ở đoạn hai.")
    window.review.notes.add_note("Thiếu nguồn.")
    asked: list[str] = []

    def answer(button_text: str):
        def click(box) -> None:
            asked.append(box.text())
            next(b for b in box.buttons() if b.text() == button_text).click()

        return click

    answer_modal(answer("Cancel"))
    window.review.workflow_actions["approve"].trigger()
    assert "still has 2 open note" in asked[0]
    assert window.newsroom.articles.get(article_id).status == "submitted"
    assert window.review.bar.chip.text() == "Submitted"

    answer_modal(answer("Approve Anyway"))
    window.review.workflow_actions["approve"].trigger()
    assert len(asked) == 2
    assert window.newsroom.articles.get(article_id).status == "ready"


def test_approving_with_every_note_resolved_asks_nothing(make_window):
    window = make_window()
    article_id = submitted_as_editor(window)
    note = window.review.notes.add_note("Kiểm tra số liệu.")
    window.newsroom.notes.resolve(note.id)
    window.review.workflow_actions["approve"].trigger()
    assert window.newsroom.articles.get(article_id).status == "ready"


def test_the_export_check_lists_open_notes(make_window):
    window = make_window()
    article_id = submitted_as_editor(window)
    window.review.notes.add_note("Kiểm tra số liệu ở đoạn hai.")
    resolved = window.review.notes.add_note("Đã sửa tên.")
    window.newsroom.notes.resolve(resolved.id)
    dialog = ExportDialog(window.newsroom, window.settings, [article_id], window)
    found = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    notes = [text for text in found if "Open note" in text]
    assert notes == [
        "✎ Hội thảo về công tác Đảng: Open note by Phương Nam: “Kiểm tra số liệu ở đoạn hai.”"
    ]
    assert "no problem" not in dialog.problems_label.text()


def test_actions_that_cannot_run_are_disabled_with_the_reason_in_the_tooltip(make_window):
    window = make_window()
    article_id = ready_article_as_editor(window)
    window.review.workflow_actions["publish"].trigger()
    assert window.newsroom.articles.get(article_id).status == "published"
    actions = window.review.workflow_actions
    for key in ("submit", "take", "approve", "publish", "return", "reopen"):
        assert not actions[key].isEnabled(), key
    assert actions["submit"].toolTip() == (
        "Send the draft to the desk; it is locked for you until it comes back — not available: "
        "The article is Published. Only a draft can be submitted."
    )
    assert "Only a submitted article can be taken" in actions["take"].toolTip()
    assert "Only an approved article (Ready) can be published" in actions["publish"].toolTip()
    assert actions["spike"].isEnabled()
    assert actions["spike"].toolTip() == "Kill the article; it is kept, and an editor can reopen it"
    article_menu = window.menus["article"]
    assert article_menu.toolTipsVisible()
    # Disabled looks disabled: the window's palette greys the text of what cannot run.
    palette = article_menu.palette()
    grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    assert grey != palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    assert actions["approve"] in article_menu.actions()
    # A reporter is told that the step is an editor's, not that the status is wrong.
    window.review.workflow.switch_person(REPORTER)
    assert "Only an editor can do this." in actions["reopen"].toolTip()


def test_a_reporter_withdraws_a_submission_no_editor_has_taken(make_window):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Hội thảo về công tác Đảng", "body": BODY})
    window.refresh_list()
    window.open_article(doc.id)
    actions = window.review.workflow_actions
    assert not actions["withdraw"].isEnabled()
    assert "Only a submitted article can be withdrawn." in actions["withdraw"].toolTip()
    actions["submit"].trigger()
    assert window.editor.is_read_only()
    assert actions["withdraw"].isEnabled()
    assert not window.review.bar.buttons["withdraw"].isHidden()

    actions["withdraw"].trigger()

    assert window.newsroom.articles.get(doc.id).status == "draft"
    assert window.review.bar.chip.text() == "Draft"
    assert not window.editor.is_read_only()
    assert window.list_model.summary(window.list_model.row_of(doc.id)).status == "draft"
    assert window.statusBar().currentMessage() == "Withdrawn: a draft again."


def test_who_took_it_shows_in_the_strip_and_the_list_and_the_reporter_cannot_withdraw(
    make_window,
):
    window = make_window()
    article_id = submitted_as_editor(window)
    window.review.workflow_actions["take"].trigger()
    assert window.review.bar.meta.text() == "by Ngọc Hậu · taken by Phương Nam"
    summary = window.list_model.summary(window.list_model.row_of(article_id))
    assert summary.taken_by == "Phương Nam"
    tip = window.list_model.data(window.list_model.index(window.list_model.row_of(article_id), 0),
                                 Qt.ItemDataRole.ToolTipRole)  # fmt: skip
    assert "Taken for editing by Phương Nam" in tip
    window.review.workflow.switch_person(REPORTER)
    withdraw = window.review.workflow_actions["withdraw"]
    assert not withdraw.isEnabled()
    assert "An editor has taken it already" in withdraw.toolTip()
    # A save of the open article keeps the mark (its entry comes from the document).
    window.review.workflow.switch_person(EDITOR)
    window.session.save("save")
    assert window.list_model.summary(window.list_model.row_of(article_id)).taken_by == (
        "Phương Nam"
    )


def test_the_history_window_lists_the_workflow_steps_with_their_notes(make_window):
    window = make_window()
    submitted_as_editor(window)
    window.review.workflow_actions["take"].trigger()
    dialog = window.review.history.show_history()
    assert dialog is not None
    rows = [
        [dialog.events.topLevelItem(i).text(c) for c in range(4)]
        for i in range(dialog.events.topLevelItemCount())
    ]
    assert [row[1:3] for row in rows] == [
        ["Phương Nam (Editor)", "Submitted → Editing"],
        ["Ngọc Hậu (Reporter)", "Draft → Submitted"],
    ]
    dialog.close()


@pytest.mark.modal
def test_a_message_on_submitting_reaches_the_editor(make_window):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Hội thảo về công tác Đảng", "body": BODY})
    window.refresh_list()
    window.open_article(doc.id)
    message = "Ảnh thứ hai chưa có chú thích, anh xem giúp."

    def write(dialog) -> None:
        assert dialog.objectName() == "submitMessageDialog"
        dialog.text.setPlainText(message)
        dialog.ok.click()

    answer_modal(write)
    window.review.submit_with_message.trigger()
    assert window.newsroom.articles.get(doc.id).status == "submitted"
    (event,) = window.newsroom.workflow.events(doc.id)
    assert event.note == message

    window.review.workflow.switch_person(EDITOR)
    banner = window.review.bar.banner
    assert not banner.isHidden()
    assert banner.text().startswith("Message from Ngọc Hậu on submitting")
    assert message in banner.text()
    dialog = window.review.history.show_history()
    assert dialog.events.topLevelItem(0).text(3) == message
    dialog.close()
