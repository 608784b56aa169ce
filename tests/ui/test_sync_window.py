"""An offline desk in the window: the sync label, conflicts in list and strip, check-outs."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy.engine import make_url

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.server_records import ServerAddress
from newsroom_desktop.core.settings import Settings, load_settings
from newsroom_desktop.ui.connect_dialog import ConnectDialog
from newsroom_desktop.ui.list_columns import SYNC_ROLE
from newsroom_desktop.ui.review.conflict_dialog import ConflictDialog
from tests.ui.conftest import FAST, qtbot_app
from tests.ui.typing import type_text

BODY = "Tăng cường sự lãnh đạo của Đảng đối với công tác dân vận.\n\nĐoạn hai của bài."
HAU = BODY + "\n\nThêm của Hậu."
NAM = BODY + "\n\nThêm của Nam."
WAIT_MS = 30_000


class Desks:
    """Laptops joined to the test server: plain facades, and windows on their store files."""

    def __init__(self, qtbot, folder: Path, server_person: Callable[[str, str], str]) -> None:
        self.qtbot = qtbot
        self.folder = folder
        self.server_person = server_person
        self.urls: dict[str, str] = {}
        self.opened: list = []

    def url(self, name: str, role: str = "reporter") -> str:
        if name not in self.urls:
            self.urls[name] = self.server_person(name, role)
        return self.urls[name]

    def joined(self, name: str, role: str = "reporter") -> Newsroom:
        """Return a desk of ``name`` joined to the server, its password in the keyring."""
        url = self.url(name, role)
        nr = Newsroom.open(self.folder / f"{name}.sqlite", settings=Settings())
        nr.sync.join(url)
        nr.sync.keep_password(url)
        return nr

    def window(self, nr: Newsroom):
        """Open the main window on ``nr``'s store file (``nr`` is closed: the window has it)."""
        from newsroom_desktop.ui.main_window import MainWindow
        from newsroom_desktop.ui.style import apply_style

        path = nr.store.location.path
        nr.close()
        apply_style(qtbot_app())
        window = MainWindow(Newsroom.open(path, settings=FAST), FAST)
        self.qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        self.qtbot.waitExposed(window)
        self.opened.append(window)
        return window


@pytest.fixture
def desks(qtbot, tmp_path: Path, server_person, keyring_env) -> Iterator[Desks]:
    made = Desks(qtbot, tmp_path, server_person)
    yield made
    for window in made.opened:
        if shiboken6.isValid(window):
            window.close()
            window.newsroom.close()


def _row_texts(window, article_id: str) -> tuple[str, str]:
    """Return the list row's sync marks and tooltip, as the delegate and the tooltip show."""
    model = window.list_model
    index = model.index(model.row_of(article_id), 0)
    return index.data(SYNC_ROLE), index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_label_says_synced_and_the_news_reaches_the_list(qtbot, desks):
    window = desks.window(desks.joined("Ngọc Hậu"))
    label = window.sync_desk.label
    qtbot.waitUntil(lambda: label.text().startswith("Synced "), timeout=WAIT_MS)
    assert re.fullmatch(r"Synced \d\d:\d\d", label.text())
    assert label.isVisible() and "Newsroom server: " in label.toolTip()
    # Another desk writes; Sync Now brings it to the list through the change broadcast.
    other = desks.joined("Phương Nam", "editor")
    other.articles.create({"headline": "Cầu Cần Thơ thông xe", "body": BODY})
    other.sync.sync()
    other.close()
    window.commands["sync_now"].trigger()
    qtbot.waitUntil(
        lambda: any(
            window.list_model.summary(r).headline == "Cầu Cần Thơ thông xe"
            for r in range(window.list_model.rowCount())
        ),
        timeout=WAIT_MS,
    )
    assert window.list_panel.count_label.text() == "1 article(s)"


def test_offline_the_label_counts_what_waits(qtbot, desks):
    nr = desks.joined("Ngọc Hậu")
    nr.articles.create({"headline": "Trên đường", "body": BODY})
    nr.articles.create({"headline": "Không có mạng", "body": BODY})
    path = nr.store.location.path
    nr.close()
    # The server moved to a port where nothing listens: the desk cannot reach it.
    with sqlite3.connect(path) as conn:
        (server,) = conn.execute("SELECT value FROM sync_state WHERE key = 'server'").fetchone()
        port = make_url(server).port
        conn.execute(
            "UPDATE sync_state SET value = ? WHERE key = 'server'",
            (server.replace(f":{port}/", ":1/"),),
        )
    window = desks.window(Newsroom.open(path, settings=Settings()))
    label = window.sync_desk.label
    qtbot.waitUntil(lambda: label.text() == "Offline: 2 change(s) waiting", timeout=WAIT_MS)
    assert label.isVisible()  # and no dialog: the autouse watchdog fails the test on one


def _conflict(desks) -> tuple[Newsroom, str]:
    """Return Hậu's desk with an article both he and Phương Nam changed offline."""
    hau = desks.joined("Ngọc Hậu", "editor")
    nam = desks.joined("Phương Nam", "editor")
    doc = hau.articles.create({"headline": "Hai bản", "body": BODY})
    hau.sync.sync()
    nam.sync.sync()
    hau.articles.save(doc.id, {"body": HAU})
    nam.articles.save(doc.id, {"body": NAM})
    nam.sync.sync()
    nam.close()
    return hau, doc.id


@pytest.mark.modal
def test_a_conflict_shows_in_the_list_and_the_strip_and_is_resolved(qtbot, desks):
    hau, article_id = _conflict(desks)
    window = desks.window(hau)
    label = window.sync_desk.label
    qtbot.waitUntil(lambda: "1 in conflict" in label.text(), timeout=WAIT_MS)
    marks, tip = _row_texts(window, article_id)
    assert marks == "⚠ in conflict" and "two versions kept" in tip
    window.list_panel.select_article(article_id)
    strip = window.sync_article.strip
    qtbot.waitUntil(strip.resolve.isVisible, timeout=WAIT_MS)
    assert strip.conflict.text() == "⚠ In conflict: two versions kept"
    assert strip.resolve.text() == "Resolve…"
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, answer)
            return
        assert isinstance(dialog, ConflictDialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        seen.extend(t for t in texts if "version · " in t or t.startswith("Current text · "))
        for key, _chunk in dialog.chunks.differing():
            dialog.choose(key, "both")
        dialog.accept()

    QTimer.singleShot(50, answer)
    strip.resolve.click()
    assert len(seen) == 2 and seen[0].startswith("Your version · ")
    assert seen[1].startswith("Current text · Phương Nam · ")
    assert not strip.resolve.isVisible()
    assert "Thêm của Hậu." in window.editor.body.toPlainText()
    assert "Thêm của Nam." in window.editor.body.toPlainText()
    assert _row_texts(window, article_id)[0] == ""
    assert "in conflict" not in label.text()


def test_a_check_out_shows_who_is_editing(qtbot, desks):
    hau = desks.joined("Ngọc Hậu")
    nam = desks.joined("Phương Nam", "editor")
    doc = hau.articles.create({"headline": "Đang sửa", "body": BODY})
    hau.sync.sync()
    nam.sync.sync()
    nam.leases.check_out(doc.id)
    nam.close()
    window = desks.window(hau)
    qtbot.waitUntil(lambda: _row_texts(window, doc.id)[0] == "✎ Phương Nam", timeout=WAIT_MS)
    assert "Being edited by Phương Nam" in _row_texts(window, doc.id)[1]
    window.list_panel.select_article(doc.id)
    strip = window.sync_article.strip
    assert strip.lease.isVisible() and strip.lease.text() == "✎ Being edited by Phương Nam"
    # A reporter sees who edits it, and no check-out buttons of an editor.
    assert not strip.check_out.isVisible() and not strip.break_lease.isVisible()


def test_an_editor_checks_out_and_in_from_the_strip(qtbot, desks):
    nam = desks.joined("Phương Nam", "editor")
    doc = nam.articles.create({"headline": "Bài của biên tập", "body": BODY})
    window = desks.window(nam)
    label = window.sync_desk.label
    qtbot.waitUntil(lambda: label.text().startswith("Synced"), timeout=WAIT_MS)
    window.list_panel.select_article(doc.id)
    strip = window.sync_article.strip
    qtbot.waitUntil(strip.check_out.isVisible, timeout=WAIT_MS)
    strip.check_out.click()
    qtbot.waitUntil(strip.check_in.isVisible, timeout=WAIT_MS)
    assert strip.lease.text() == "✎ Checked out to you"
    strip.check_in.click()
    qtbot.waitUntil(strip.check_out.isVisible, timeout=WAIT_MS)
    assert not strip.lease.isVisible()


@pytest.mark.modal
def test_connect_keeps_a_working_copy_by_default(qtbot, desks, make_window):
    url = make_url(desks.url("Ngọc Hậu"))
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Viết trước khi vào", "body": BODY})

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectDialog):
            QTimer.singleShot(50, answer)
            return
        assert dialog.working_copy.isChecked() and dialog.ok.text() == "Join"
        dialog.host.setText(str(url.host))
        dialog.port.setValue(int(url.port or 5432))
        dialog.database.setText(str(url.database))
        dialog.login.setText(str(url.username))
        dialog.ca_file.setText(str(url.query["sslrootcert"]))
        dialog.password.setText(str(url.password))
        dialog.ok.click()

    QTimer.singleShot(50, answer)
    window.commands["connect_server"].trigger()
    label = window.sync_desk.label
    qtbot.waitUntil(lambda: label.text().startswith("Synced "), timeout=WAIT_MS)
    assert window.newsroom.actor.name == "Ngọc Hậu" and window.newsroom.signed_in
    assert window.newsroom.sync.status().waiting == 0
    server = Newsroom.open(url.render_as_string(hide_password=False))
    try:
        assert server.articles.get(doc.id).headline == "Viết trước khi vào"
    finally:
        server.close()
    # The window stays on its store file: no server URL is kept to start on.
    assert load_settings().server_url == ""


def test_a_wrong_password_keeps_the_join_dialog_open_and_says_so(qtbot, desks, make_window):
    url = make_url(desks.url("Ngọc Hậu"))
    window = make_window()
    address = ServerAddress(
        host=str(url.host),
        database=str(url.database),
        login=str(url.username),
        port=int(url.port or 5432),
        ca_file=str(url.query["sslrootcert"]),
    )
    dialog = ConnectDialog(address, window, desk=window.newsroom)
    qtbot.addWidget(dialog)
    dialog.password.setText("sai-mật-khẩu")
    dialog.try_connect()
    assert dialog.busy.isVisibleTo(dialog) and not dialog.ok.isEnabled()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=WAIT_MS)
    assert "password" in dialog.error.text() and dialog.result() == 0
    assert not dialog.busy.isVisibleTo(dialog) and dialog.ok.isEnabled()
    assert not window.newsroom.signed_in


def test_a_sync_of_the_open_article_leaves_the_cursor_and_the_next_save_alone(qtbot, desks):
    nr = desks.joined("Ngọc Hậu")
    doc = nr.articles.create({"headline": "Đang viết", "body": BODY})
    window = desks.window(nr)
    label = window.sync_desk.label
    qtbot.waitUntil(lambda: label.text().startswith("Synced "), timeout=WAIT_MS)
    window.list_panel.select_article(doc.id)
    body = window.editor.body
    body.setFocus()
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    type_text(body, " Thêm một câu.")
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Saved"), timeout=WAIT_MS)
    position = body.textCursor().position()
    window.commands["sync_now"].trigger()
    qtbot.waitUntil(lambda: window.sync_desk.operation is None, timeout=WAIT_MS)
    assert label.text().startswith("Synced ")
    assert body.textCursor().position() == position  # not reloaded under the person's hands
    type_text(body, " Và câu nữa.")
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Saved"), timeout=WAIT_MS)
    assert window.newsroom.articles.get(doc.id).body.rstrip().endswith("Thêm một câu. Và câu nữa.")


def test_fetch_older_articles_brings_them_to_the_list(qtbot, desks, pg_database, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from tests import pg

    other = desks.joined("Phương Nam", "editor")
    old = other.articles.create({"headline": "Bài của tháng trước", "body": BODY})
    other.sync.sync()
    other.close()
    with pg.connect(pg_database) as conn:  # last touched 40 days ago: older than a desk holds
        conn.execute(
            "UPDATE articles SET updated_at = now() - interval '40 days' WHERE id = %s", (old.id,)
        )
    window = desks.window(desks.joined("Ngọc Hậu"))
    label = window.sync_desk.label
    qtbot.waitUntil(lambda: label.text().startswith("Synced "), timeout=WAIT_MS)
    headlines = lambda: {  # noqa: E731
        window.list_model.summary(r).headline for r in range(window.list_model.rowCount())
    }
    assert "Bài của tháng trước" not in headlines()
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (asked.append(a[1]) or 60, True))
    window.commands["fetch_older"].trigger()
    qtbot.waitUntil(lambda: "Bài của tháng trước" in headlines(), timeout=WAIT_MS)
    assert asked == ["Fetch Older Articles"]
