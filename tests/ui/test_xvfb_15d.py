"""On a real X server: copy an article's text, Paste as New Article from the list, paste again."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from newsroom_desktop.core.settings import Settings, save_settings
from tests.conftest import REPORTER
from tests.ui.test_real_window_xvfb import (
    _answer,
    _start_app,
    _wait_for,
    _window,
    _xdotool,
    xserver,
)
from tests.ui.test_window_store_sharing import integrity, newsroom_cli

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
__all__ = ["xserver"]  # the fixture, imported for the tests here

BODY = "Sáng nay tại Hà Nội, hội nghị bàn về giao thông.\n\nĐoạn thứ hai kể chuyện cầu mới."


def _live_texts(store: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT headline || ' ' || lead || ' ' || body FROM articles WHERE deleted_at IS NULL"
        ).fetchall()
    finally:
        conn.close()
    return [str(row[0]) for row in rows]


def test_paste_as_new_article_from_the_list_then_again(xserver, tmp_path):
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    store = tmp_path / "paste.sqlite"
    body_file = tmp_path / "body.txt"
    body_file.write_text(BODY, encoding="utf-8")
    article_id = newsroom_cli(
        store, "new", "--headline", "Hội nghị giao thông", "--body-file", str(body_file)
    ).strip()
    app = _start_app(xserver, store, article_id)
    try:
        window = _window(xserver)
        _xdotool(xserver, "windowsize", "--sync", window, "1440", "900")
        # Copy the body's text, then paste it as a new article from the article list.
        _xdotool(xserver, "mousemove", "--window", window, "720", "600", "click", "1")
        _xdotool(xserver, "key", "ctrl+a", "ctrl+c")
        _xdotool(xserver, "mousemove", "--window", window, "190", "700", "click", "1")
        _xdotool(xserver, "key", "ctrl+shift+v")
        assert _wait_for(lambda: len(_live_texts(store)) == 2), "no new draft was made"
        assert all("Đoạn thứ hai kể chuyện cầu mới" in text for text in _live_texts(store))
        # The same text again: the window says so; Enter opens the article that has it.
        _xdotool(xserver, "mousemove", "--window", window, "190", "700", "click", "1")
        _xdotool(xserver, "key", "ctrl+shift+v")
        _answer(xserver, "Already in the store", "Return")
        time.sleep(0.5)
        assert len(_live_texts(store)) == 2, "the same text was pasted twice"
        _xdotool(xserver, "key", "ctrl+q")
        assert app.wait(20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
    assert integrity(store) == "ok"
