"""First start on a real X server: the language switches in the welcome dialog, Ctrl+, opens
Preferences, and a new article carries the newcomer's name while the sample keeps its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_desktop.core.documents import Actor, ListQuery
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import load_settings
from tests.ui.test_real_window_xvfb import TYPE_DELAY_MS, _wait_for, _window, _xdotool, xserver

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
NEWCOMER = "Ngô Thị Lan"
__all__ = ["xserver"]  # the X server fixture, shared with the first real-window test


def _first_start(display: str, store: Path) -> subprocess.Popen[bytes]:
    # No --lang: the welcome dialog offers the system's language (English under C.UTF-8).
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "newsroom_desktop.app", "--store", str(store)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _articles(store: Path) -> list[tuple[str, str, str]]:
    nr = Newsroom.open(store, actor=Actor("Người kiểm tra"))
    try:
        found = nr.articles.list(ListQuery())
        return [(s.headline, s.byline, s.owner) for s in found]
    finally:
        nr.close()


def test_first_start_in_vietnamese_then_preferences_and_a_new_article(xserver, tmp_path):
    store = tmp_path / "first.sqlite"
    app = _first_start(xserver, store)
    try:
        welcome = _window(xserver, "Welcome to Newsroom Desktop")
        _xdotool(xserver, "key", "--window", welcome, "Up")  # English → Tiếng Việt, in focus
        _window(xserver, "Chào mừng bạn đến với Newsroom Desktop", settle=0.3)
        _xdotool(xserver, "key", "Tab")
        _xdotool(xserver, "type", "--delay", TYPE_DELAY_MS, NEWCOMER)
        _xdotool(xserver, "key", "Return")
        window = _window(xserver, "^Newsroom Desktop$")
        _xdotool(xserver, "key", "--window", window, "ctrl+comma")
        _window(xserver, "Tùy chọn", settle=0.3)  # Preferences, in Vietnamese
        _xdotool(xserver, "key", "Escape")
        _window(xserver, "^Newsroom Desktop$", settle=0.3)
        _xdotool(xserver, "key", "ctrl+n")
        assert _wait_for(lambda: len(_articles(store)) == 2), _articles(store)
    finally:
        app.kill()
        app.wait(10)
    assert load_settings().ui_language == "vi"
    assert load_settings().profile_name == NEWCOMER
    by_headline = {headline: (byline, owner) for headline, byline, owner in _articles(store)}
    assert by_headline[""] == (NEWCOMER, NEWCOMER)  # the new draft
    sample = next(value for key, value in by_headline.items() if key)
    assert sample == ("Ngọc Hậu", "Ngọc Hậu")
