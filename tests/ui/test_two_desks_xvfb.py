"""Two real app processes on one newsroom server: a reporter and an editor, under Xvfb.

The reporter types Vietnamese into a draft and submits it; the editor's window, open all
along, learns of it from the server (it can only take an article it sees as submitted), takes
it, edits and approves; the reporter's window learns of that too (its text is locked: what
the reporter types now reaches nobody). Each desk signs in with its own login.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from newsroom_desktop.core.newsroom import Newsroom
from tests.ui.test_real_window_xvfb import TYPE_DELAY_MS, _free_display, _xdotool

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
REPORTER_TYPES = "Cầu Cần Thơ thông xe sáng nay."
EDITOR_TYPES = "Ảnh: Đức Hậu."
LATE = "Sửa muộn"
WIDTH, HEIGHT = 1400, 880


@pytest.fixture
def wide_xserver() -> Iterator[str]:
    """An X server wide enough for two windows side by side."""
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{2 * WIDTH + 40}x{HEIGHT + 80}x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(10)


def _desk(display: str, url: str, article_id: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8"}
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "newsroom_desktop.app", "--store", url),
            *("--article", article_id, "--lang", "en", "--no-sample"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _place(display: str, app: subprocess.Popen[bytes], left: int) -> str:
    """Wait for the app's window, size it and put it at ``left``; return its id."""
    found = _xdotool(display, "search", "--sync", "--onlyvisible", "--pid", str(app.pid))
    window = found.splitlines()[-1]
    _xdotool(display, "windowsize", "--sync", window, str(WIDTH), str(HEIGHT))
    _xdotool(display, "windowmove", "--sync", window, str(left), "0")
    time.sleep(1.0)  # mapped is not yet painted and listening: let the first frames go by
    return window


def _focus(display: str, window: str) -> None:
    _xdotool(display, "windowraise", window)  # no window manager: raise and focus by hand
    _xdotool(display, "windowfocus", "--sync", window)
    time.sleep(0.3)


def _type_at_end(display: str, window: str, words: str) -> None:
    """Click into the body (the large middle of the window), go to its end, type."""
    _focus(display, window)
    _xdotool(display, "mousemove", "--window", window, str(WIDTH // 2), "600", "click", "1")
    _xdotool(display, "key", "ctrl+End")
    _xdotool(display, "type", "--delay", TYPE_DELAY_MS, " " + words)


def _workflow(display: str, window: str, mnemonic: str) -> None:
    """Article ▸ the action with this mnemonic (s: Submit, t: Take, a: Approve)."""
    _focus(display, window)
    _xdotool(display, "key", "alt+a")
    time.sleep(0.4)
    _xdotool(display, "key", mnemonic)


def _wait(what: Callable[[], bool], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if what():
            return True
        time.sleep(0.3)
    return what()


def test_a_reporter_and_an_editor_work_on_one_server_and_see_each_other(
    wide_xserver, server_person, pg_database
):
    reporter_url = server_person("Ngọc Hậu", "reporter")
    editor_url = server_person("Minh Anh", "editor")
    desk = Newsroom.open(reporter_url)
    try:
        article_id = desk.articles.create({"headline": "Thông xe cầu", "body": "Đoạn đầu."}).id
    finally:
        desk.close()
    engine = create_engine(pg_database)

    def row() -> tuple[str, str]:
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT status, body FROM articles WHERE id = :id"), {"id": article_id}
            ).one()
        return str(found[0]), str(found[1])

    editor = _desk(wide_xserver, editor_url, article_id)
    reporter = _desk(wide_xserver, reporter_url, article_id)
    try:
        editor_window = _place(wide_xserver, editor, WIDTH + 20)
        reporter_window = _place(wide_xserver, reporter, 0)
        _type_at_end(wide_xserver, reporter_window, REPORTER_TYPES)
        assert _wait(lambda: REPORTER_TYPES in row()[1]), "the reporter's text was not saved"
        _workflow(wide_xserver, reporter_window, "s")
        assert _wait(lambda: row()[0] == "submitted"), "the reporter could not submit"
        # The editor's window heard of the submission: Take is offered, and works.
        _workflow(wide_xserver, editor_window, "t")
        assert _wait(lambda: row()[0] == "editing"), "the editor's window never offered Take"
        _type_at_end(wide_xserver, editor_window, EDITOR_TYPES)
        assert _wait(lambda: EDITOR_TYPES in row()[1]), "the editor's edit was not saved"
        _workflow(wide_xserver, editor_window, "a")
        assert _wait(lambda: row()[0] == "ready"), "the editor could not approve"
        if os.environ.get("NEWSROOM_SHOT"):  # a look at both desks for the person reviewing
            from PIL import ImageGrab

            time.sleep(1.5)
            ImageGrab.grab(xdisplay=wide_xserver).save(os.environ["NEWSROOM_SHOT"])
        # The reporter's window heard of it too: the text is locked, typing changes nothing.
        time.sleep(1.5)
        _type_at_end(wide_xserver, reporter_window, LATE)
        time.sleep(3)
        assert LATE not in row()[1]
        for app in (reporter, editor):
            _focus(wide_xserver, reporter_window if app is reporter else editor_window)
            _xdotool(wide_xserver, "key", "ctrl+q")
            assert app.wait(20) == 0
    finally:
        for app in (reporter, editor):
            if app.poll() is None:
                app.kill()
                app.wait(10)
        engine.dispose()
    with create_engine(pg_database).connect() as conn:
        events = conn.execute(
            text(
                "SELECT to_status, actor_name FROM status_events WHERE article_id = :id "
                "ORDER BY created_at"
            ),
            {"id": article_id},
        ).all()
    assert [(e[0], e[1]) for e in events] == [
        ("submitted", "Ngọc Hậu"),
        ("editing", "Minh Anh"),
        ("ready", "Minh Anh"),
    ]
