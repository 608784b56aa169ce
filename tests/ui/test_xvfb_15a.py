"""On a real X server: a reporter submits with a message for the desk, then withdraws it."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings, save_settings
from tests.conftest import REPORTER
from tests.ui.test_real_window_xvfb import (
    TYPE_DELAY_MS,
    _start_app,
    _window,
    _xdotool,
    xserver,  # noqa: F401 - the fixture, shared
)
from tests.ui.test_window_store_sharing import integrity

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
MESSAGE = "Anh xem giúp đoạn hai"


def _workflow(store: Path, article_id: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Return the article's status and its status events (from, to, note), read by SQLite."""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        (status,) = conn.execute(
            "SELECT status FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        events = conn.execute(
            "SELECT from_status, to_status, note FROM status_events WHERE article_id = ? "
            "ORDER BY created_at, id",
            (article_id,),
        ).fetchall()
    finally:
        conn.close()
    return str(status), [(str(a), str(b), str(c)) for a, b, c in events]


def _wait_for_status(store: Path, article_id: str, status: str) -> list[tuple[str, str, str]]:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        found, events = _workflow(store, article_id)
        if found == status:
            return events
        time.sleep(0.25)
    raise AssertionError(f"the article did not become {status} within 15 s")


def test_submit_with_a_message_then_withdraw_from_the_article_menu(xserver, tmp_path):  # noqa: F811
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    store = tmp_path / "w.sqlite"
    nr = Newsroom.open(store, actor=REPORTER)
    article_id = nr.articles.create({"headline": "Hội thảo", "body": "Nội dung."}).id
    nr.close()
    app = _start_app(xserver, store, article_id)
    try:
        window = _window(xserver)
        _xdotool(xserver, "windowsize", "--sync", window, "1366", "768")
        _xdotool(xserver, "key", "alt+a", "m")  # Article ▸ Submit with a Message…
        _window(xserver, "Submit with a Message", settle=0.4)
        _xdotool(xserver, "type", "--delay", TYPE_DELAY_MS, MESSAGE)
        _xdotool(xserver, "key", "Tab", "Return")  # to "Submit for Review", press it
        events = _wait_for_status(store, article_id, "submitted")
        assert events == [("draft", "submitted", MESSAGE)]
        _window(xserver, settle=0.3)
        _xdotool(xserver, "key", "alt+a", "w")  # Article ▸ Withdraw Submission
        events = _wait_for_status(store, article_id, "draft")
        assert events[-1] == ("submitted", "draft", "")
        _xdotool(xserver, "key", "ctrl+q")
        assert app.wait(20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
    assert integrity(store) == "ok"
