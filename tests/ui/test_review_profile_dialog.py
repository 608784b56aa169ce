"""The first start: the app asks who is using it before it writes anything under a name."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from newsroom_desktop.core.profile import load_profile, needs_profile
from newsroom_desktop.core.settings import Settings, load_settings, save_settings
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


def test_the_dialog_refuses_a_blank_name(qtbot):
    dialog = ProfileDialog("hau", "reporter")
    qtbot.addWidget(dialog)
    assert dialog.ok.isEnabled()
    assert dialog.reporter.isChecked()
    dialog.name.setText("   ")
    assert not dialog.ok.isEnabled()
    assert needs_profile()


@pytest.mark.modal
def test_first_start_leaves_the_name_empty_and_new_articles_carry_it(qtbot, store_path):
    seen: list[str] = []

    def sign_in(dialog: ProfileDialog) -> None:
        seen.append(dialog.name.text())  # not the login name ("root" on many machines)
        dialog.name.setFocus()
        type_text(dialog.name, "Ngô Thị Lan")
        dialog.ok.click()

    answer_profile(sign_in)
    window = start(QApplication.instance(), args_for(store_path))
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert seen == [""]
        window.commands["new"].trigger()
        assert window.session.doc is not None
        assert window.session.doc.byline == "Ngô Thị Lan"
        assert window.editor.byline.text() == "Ngô Thị Lan"
    finally:
        window.session.saver.flush()
        window.newsroom.close()


@pytest.mark.modal
def test_the_language_chosen_at_first_start_applies_at_once(qtbot, store_path):
    from newsroom_desktop.ui import i18n

    app = QApplication.instance()
    titles: list[tuple[str, str]] = []

    def choose_vietnamese(dialog: ProfileDialog) -> None:
        assert dialog.chosen_language() == i18n.ui_language("")  # the system's language
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        titles.append((dialog.windowTitle(), dialog.ok.text()))
        dialog.language.setCurrentIndex(dialog.language.findData("vi"))
        # The open dialog speaks Vietnamese now, before anything is restarted.
        titles.append((dialog.windowTitle(), dialog.ok.text()))
        type_text(dialog.name, "Ngọc Hậu")
        dialog.ok.click()

    answer_profile(choose_vietnamese)
    args = args_for(store_path)
    args.lang = None
    try:
        window = start(app, args)
        assert window is not None
        qtbot.addWidget(window)
        assert titles == [
            ("Welcome to Newsroom Desktop", "Start"),
            ("Chào mừng bạn đến với Newsroom Desktop", "Bắt đầu"),
        ]
        assert load_settings().ui_language == "vi"
        assert window.menus["file"].title() == "&Tệp"
        window.newsroom.close()
    finally:
        for translator in i18n._installed:
            app.removeTranslator(translator)
        i18n._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.English))


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


def test_a_language_chosen_in_preferences_applies_without_a_restart(qtbot, make_window):
    import shiboken6

    from newsroom_desktop.ui import i18n, main_window
    from newsroom_desktop.ui.preferences import PreferencesDialog

    app = QApplication.instance()
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Bài đang mở", "body": "Đoạn."})
    window.refresh_list()
    window.open_article(doc.id)
    assert window.menus["file"].title() == "&File"

    def choose_vietnamese() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(10, choose_vietnamese)
            return
        dialog.language.setCurrentIndex(dialog.language.findData("vi"))
        dialog.accept()

    QTimer.singleShot(0, choose_vietnamese)
    newsroom = window.newsroom
    try:
        window.commands["preferences"].trigger()
        (again,) = main_window._REPLACEMENTS
        qtbot.addWidget(again)
        qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible())
        assert again.isVisible()
        assert again.newsroom is newsroom  # the same open store
        assert again.menus["file"].title() == "&Tệp"
        assert again.commands["preferences"].text() == "Tùy &chọn…"
        assert again.session.doc is not None
        assert again.session.doc.id == doc.id  # the article stays open
        assert load_settings().ui_language == "vi"
    finally:
        main_window._REPLACEMENTS.clear()
        for translator in i18n._installed:
            app.removeTranslator(translator)
        i18n._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.English))
