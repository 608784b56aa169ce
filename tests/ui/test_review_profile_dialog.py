"""The first start: the app asks who is using it before it writes anything under a name."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from newsroom_desktop.core.profile import load_profile, needs_profile
from newsroom_desktop.core.settings import Settings, save_settings
from newsroom_desktop.ui.review.profile_dialog import ProfileDialog
from newsroom_desktop.ui.startup import start
from tests.ui.typing import type_text


def answer_profile(callback) -> None:
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, ProfileDialog):
            QTimer.singleShot(10, poll)
            return
        callback(widget)

    QTimer.singleShot(0, poll)


def args_for(store_path) -> argparse.Namespace:
    return argparse.Namespace(
        store=str(store_path), lang="en", no_sample=True, article=None, screenshot=None
    )


@pytest.mark.modal
def test_first_start_asks_for_the_profile_and_acts_as_it(qtbot, store_path):
    assert needs_profile()

    def sign_in(dialog: ProfileDialog) -> None:
        dialog.name.clear()
        assert not dialog.ok.isEnabled()  # a name is needed
        dialog.name.setFocus()
        type_text(dialog.name, "Phương Nam")
        dialog.editor.click()
        dialog.ok.click()

    answer_profile(sign_in)
    window = start(QApplication.instance(), args_for(store_path))
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert load_profile().name == "Phương Nam"
        assert load_profile().role == "editor"
        assert window.newsroom.actor.name == "Phương Nam"
        assert window.newsroom.actor.is_editor
        doc = window.newsroom.articles.create({"headline": "Bài đầu tiên"})
        assert doc.owner == "Phương Nam"
    finally:
        window.session.saver.flush()
        window.newsroom.close()


def test_cancelling_the_first_start_opens_nothing(store_path):
    answer_profile(lambda dialog: dialog.reject())
    assert start(QApplication.instance(), args_for(store_path)) is None
    assert needs_profile()
    assert not store_path.exists()


def test_no_question_once_a_profile_exists(qtbot, store_path):
    save_settings(Settings(profile_name="Ngọc Hậu", profile_role="reporter"))
    window = start(QApplication.instance(), args_for(store_path))
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.newsroom.actor.name == "Ngọc Hậu"
        assert not window.newsroom.actor.is_editor
    finally:
        window.newsroom.close()


def test_the_dialog_offers_the_login_name_and_refuses_a_blank_one(qtbot):
    dialog = ProfileDialog("hau", "reporter")
    qtbot.addWidget(dialog)
    assert dialog.ok.isEnabled()
    assert dialog.reporter.isChecked()
    dialog.name.setText("   ")
    assert not dialog.ok.isEnabled()
    assert needs_profile()


def test_changing_the_role_in_preferences_unlocks_a_submitted_article(make_window):
    from newsroom_desktop.ui.preferences import PreferencesDialog

    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Bài đã gửi", "body": "Đoạn một."})
    window.refresh_list()
    window.open_article(doc.id)
    window.review.workflow_actions["submit"].trigger()
    assert window.editor.is_read_only()

    def become_editor() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(10, become_editor)
            return
        dialog.name.setText("Phương Nam")
        dialog.role.setCurrentIndex(dialog.role.findData("editor"))
        dialog.accept()

    QTimer.singleShot(0, become_editor)
    window.commands["preferences"].trigger()
    assert window.newsroom.actor.name == "Phương Nam"
    assert window.newsroom.actor.is_editor
    assert load_profile().role == "editor"
    assert not window.editor.is_read_only()
    assert window.review.bar.banner.isHidden()
    assert window.review.workflow_actions["take"].isEnabled()
