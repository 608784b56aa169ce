"""On a real X server at 1280x720: the article scrolls as one page and the field labels work."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from newsroom_desktop.core.settings import Settings, save_settings
from tests.conftest import REPORTER
from tests.ui.test_real_window_xvfb import (
    TYPE_DELAY_MS,
    _start_app,
    _window,
    _xdotool,
    xserver,  # noqa: F401 - the fixture
)

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
TYPED = "Hết bài."
BYLINE = "Nguyễn Thị Hằng"
LAST_PARAGRAPH = "Kết luận Hội thảo"  # how the sample's last paragraph starts


def _sample(store: Path) -> tuple[str, str]:
    """Return the byline and body of the only article, read by another process than the app."""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        ((byline, body),) = conn.execute("SELECT byline, body FROM articles").fetchall()
    finally:
        conn.close()
    return str(byline), str(body)


def _wait_for(store: Path, check, timeout: float = 15) -> tuple[str, str]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = _sample(store)
        except (sqlite3.Error, ValueError):  # the app is still creating the store
            found = ("", "")
        if check(found) or time.monotonic() > deadline:
            return found
        time.sleep(0.25)


def test_wheel_scrolls_the_page_and_alt_letter_reaches_the_byline(xserver, tmp_path):  # noqa: F811
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    store = tmp_path / "sample.sqlite"
    app = _start_app(xserver, store)  # an empty store: the app adds the sample and opens it
    try:
        window = _window(xserver)
        _xdotool(xserver, "windowsize", "--sync", window, "1280", "720")
        time.sleep(0.5)
        # The wheel over the body scrolls the whole page (headline and lead go away) ...
        _xdotool(xserver, "mousemove", "--window", window, "660", "600")
        for _ in range(40):
            _xdotool(xserver, "click", "5")
        # ... to its end: a click low in the window now lands in the last paragraph (at the
        # top of the page, that spot holds the body's first paragraph).
        _xdotool(xserver, "mousemove", "--window", window, "660", "600", "click", "1")
        _xdotool(xserver, "type", "--delay", TYPE_DELAY_MS, " " + TYPED + " ")
        # The byline's label takes Alt+Y: its field gets the keyboard, its text selected.
        _xdotool(xserver, "key", "alt+y")
        _xdotool(xserver, "type", "--delay", TYPE_DELAY_MS, BYLINE)
        byline, body = _wait_for(store, lambda f: f[0] == BYLINE and TYPED in f[1])
        _xdotool(xserver, "key", "ctrl+q")
        assert app.wait(20) == 0
    finally:
        if app.poll() is None:
            app.kill()
    assert byline == BYLINE
    assert body.index(TYPED) > body.index(LAST_PARAGRAPH)
