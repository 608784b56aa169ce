"""End to end on a real X server: type Vietnamese with xdotool, autosave, SIGKILL, restart."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings, save_settings

from ..conftest import REPORTER

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
TYPED = "Xin chào Cần Thơ, đường ngập"


def _free_display() -> int:
    for number in range(90, 190):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xserver():
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), (
            f"{tool} is missing: run 'make test' (it installs Debian's xvfb and xdotool)"
        )
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    display = f":{number}"
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        time.sleep(0.05)
    yield display
    server.terminate()
    server.wait(10)


def _xdotool(display: str, *args: str, timeout: float = 20) -> str:
    result = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return result.stdout.strip()


def _start_app(display: str, store: Path, article_id: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsroom_desktop.app",
            "--store",
            str(store),
            "--article",
            article_id,
            "--lang",
            "en",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _window(display: str) -> str:
    window = _xdotool(display, "search", "--sync", "--onlyvisible", "--name", "Newsroom Desktop")
    time.sleep(1.0)  # mapped is not yet painted and listening: let the first frames go by
    return window.splitlines()[0]


def _body(store: Path, article_id: str) -> str:
    nr = Newsroom.open(store, actor=REPORTER)
    try:
        return nr.articles.get(article_id).body
    finally:
        nr.close()


def test_typed_vietnamese_survives_a_kill(xserver, tmp_path):
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    store = tmp_path / "e2e.sqlite"
    nr = Newsroom.open(store, actor=REPORTER)
    article_id = nr.articles.create({"headline": "Thử nghiệm", "body": "Đoạn đầu."}).id
    nr.close()
    app = _start_app(xserver, store, article_id)
    try:
        window = _window(xserver)
        _xdotool(xserver, "windowfocus", "--sync", window)
        _xdotool(xserver, "windowsize", "--sync", window, "1440", "900")
        # The body is the large area in the middle of the window; click into it, go to the end.
        _xdotool(xserver, "mousemove", "--window", window, "720", "600", "click", "1")
        _xdotool(xserver, "key", "ctrl+End")
        _xdotool(xserver, "type", "--delay", "40", " " + TYPED)
        deadline = time.monotonic() + 15
        while TYPED not in _body(store, article_id) and time.monotonic() < deadline:
            time.sleep(0.25)
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        log = app.stderr.read().decode(errors="replace") if app.stderr else ""
    finally:
        if app.poll() is None:
            app.kill()
    assert TYPED in _body(store, article_id), f"the autosave did not reach the store: {log}"
    # Start again: the window opens on the same store and shows the text; Ctrl+Q quits cleanly.
    again = _start_app(xserver, store, article_id)
    try:
        window = _window(xserver)
        _xdotool(xserver, "windowfocus", "--sync", window)
        _xdotool(xserver, "key", "ctrl+q")
        assert again.wait(20) == 0
    finally:
        if again.poll() is None:
            again.kill()
    # The typed words went to the end of the paragraph, whole and in order.
    assert _body(store, article_id) == f"Đoạn đầu. {TYPED}\n"
