"""Connect the window to a newsroom server: sign in, keep the password, see the line's safety."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import URL, make_url

from newsroom_desktop.core import credentials
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.server_records import ServerAddress
from newsroom_desktop.core.settings import load_settings, save_settings
from newsroom_desktop.ui import main_window as main_window_module
from newsroom_desktop.ui.connect_dialog import ConnectDialog
from newsroom_desktop.ui.startup import start
from tests.conftest import REPORTER


def _address(url: URL, *, ca: bool = True) -> ServerAddress:
    return ServerAddress(
        host=str(url.host),
        database=str(url.database),
        login=str(url.username),
        port=int(url.port or 5432),
        ca_file=str(url.query["sslrootcert"]) if ca else "",
    )


@pytest.fixture
def server(server_person) -> URL:
    """A server with one article, and the URL of a reporter's own login (with the password)."""
    person = server_person(REPORTER.name, "reporter")
    url = make_url(person)
    newsroom = Newsroom.open(person)
    try:
        newsroom.articles.create({"headline": "Cầu Trần Hoàng Na thông xe"})
    finally:
        newsroom.close()
    return url


@pytest.fixture
def windows(qtbot, make_window, server: URL) -> Iterator[list]:
    """The windows a test moved to the server, closed before the server's database goes."""
    made: list = []
    yield made
    for window in main_window_module._REPLACEMENTS:
        _close(window)
    main_window_module._REPLACEMENTS.clear()


def _close(window) -> None:
    """Close a window this test made and let Qt delete it (no timer of it outlives the test)."""
    newsroom = window.newsroom
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    newsroom.close()


def _fill(dialog: ConnectDialog, address: ServerAddress, password: str) -> None:
    dialog.host.setText(address.host)
    dialog.port.setValue(address.port)
    dialog.database.setText(address.database)
    dialog.login.setText(address.login)
    dialog.ca_file.setText(address.ca_file)
    dialog.password.setText(password)


def test_a_wrong_password_is_said_in_the_dialog_which_stays_open(qtbot, server: URL):
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, _address(server), "sai-mật-khẩu")
    dialog.try_connect()
    assert dialog.newsroom is None
    assert dialog.result() == 0  # not accepted: the person corrects and tries again
    assert dialog.error.isVisibleTo(dialog)
    assert "password" in dialog.error.text().lower()


def test_connecting_moves_the_window_to_the_server_and_keeps_the_password_safe(
    qtbot, make_window, windows, server: URL, keyring_env, isolated_dirs: Path, monkeypatch
):
    window = make_window()
    local_titles = window.list_model.rowCount()
    address = _address(server)

    def answer(parent_address, parent, **options):
        dialog = ConnectDialog(parent_address, parent, **options)
        assert dialog.working_copy.isChecked()  # a store file keeps a working copy by default
        dialog.working_copy.setChecked(False)  # this person works on the server directly
        _fill(dialog, address, str(server.password))
        dialog.try_connect()
        return dialog

    monkeypatch.setattr("newsroom_desktop.ui.server_desk.ask_server", answer)
    window.commands["connect_server"].trigger()
    assert main_window_module._REPLACEMENTS, "the window did not move to the server"
    on_server = main_window_module._REPLACEMENTS[0]
    qtbot.waitUntil(lambda: on_server.list_model.rowCount() == 1)
    assert on_server.list_model.rowCount() != local_titles or local_titles == 1
    assert not window.isVisible()
    link = on_server.findChild(type(on_server.words_label), "serverLink")
    assert link is not None and link.isVisible()
    assert f"{server.host}:{server.port}/{server.database}" in link.text()
    assert "Not encrypted" not in link.text()
    # The password is in the system keyring, the URL without it in the settings, and no file
    # of ours holds the password.
    assert credentials.stored_password(make_url(address.text)) == server.password
    assert load_settings().server_url == address.text
    assert str(server.password) not in address.text
    for path in isolated_dirs.rglob("*"):
        if path.is_file():
            assert str(server.password).encode() not in path.read_bytes(), path


def test_the_next_start_signs_in_with_the_kept_password(qtbot, windows, server: URL, keyring_env):
    address = _address(server)
    credentials.remember_password(make_url(address.text), str(server.password))
    save_settings(load_settings().updated(server_url=address.text))
    args = argparse.Namespace(
        lang="en", store=None, no_sample=True, article=None, screenshot="s", exit_when_shown=False
    )
    window = start(QApplication.instance(), args)
    assert window is not None
    try:
        qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
        assert window.newsroom.store.location.url.database == server.database
    finally:
        _close(window)


def test_an_unencrypted_line_is_warned_about_in_the_status_bar(server: URL, qtbot, make_window):
    plain = server.set(query={"sslmode": "disable"})
    window = make_window(plain.render_as_string(hide_password=False))
    link = window.findChild(type(window.words_label), "serverLink")
    assert link.isVisible()
    assert link.text().startswith("⚠ Not encrypted")
    assert "in the clear" in link.toolTip()


def test_a_store_file_shows_no_server_line(make_window):
    window = make_window()
    link = window.findChild(type(window.words_label), "serverLink")
    assert not link.isVisible()
    assert not window.commands["use_local"].isEnabled()


def test_an_unreachable_saved_server_falls_back_to_this_computer_when_nobody_watches(qtbot):
    gone = ServerAddress(host="127.0.0.1", database="toasoan", login="ngoc_hau", port=1)
    save_settings(load_settings().updated(server_url=gone.text))
    args = argparse.Namespace(
        lang="en", store=None, no_sample=True, article=None, screenshot="s", exit_when_shown=False
    )
    window = start(QApplication.instance(), args)  # no dialog: a screenshot run has no one
    assert window is not None
    try:
        assert window.newsroom.store.is_sqlite
    finally:
        _close(window)
