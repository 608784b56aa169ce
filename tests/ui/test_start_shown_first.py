"""The app's start: the window shows before the store is opened, and fills itself after."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QApplication, QLabel

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings, save_settings
from newsroom_desktop.ui.main_window import MainWindow
from newsroom_desktop.ui.startup import start_shown_first
from newsroom_desktop.ui.window_frame import WindowFrame, window_state
from tests.conftest import REPORTER

ROOT = Path(__file__).resolve().parents[2]


def _args(store: Path, article: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(
        store=str(store), lang="en", no_sample=True, article=article, screenshot=None
    )


def _store_with_articles(path: Path, count: int = 3) -> list[str]:
    nr = Newsroom.open(path, actor=REPORTER)
    ids = [nr.articles.create({"headline": f"Bài {n}", "body": "Một."}).id for n in range(count)]
    nr.close()
    return ids


def _close(frame: WindowFrame) -> None:
    window = frame.content
    frame.close()
    if window is not None and shiboken6.isValid(window):
        window.session.saver.flush()
        window.newsroom.close()


def test_the_window_shows_first_then_fills_with_the_list_and_the_article(qtbot, store_path):
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    ids = _store_with_articles(store_path)
    filled: list[bool] = []
    frame = start_shown_first(
        QApplication.instance(), _args(store_path, ids[0][:8]), lambda: filled.append(True)
    )
    assert frame is not None
    qtbot.addWidget(frame)
    try:
        # Shown at once, with nothing of the store in it yet.
        assert frame.isVisible()
        assert frame.content is None
        assert isinstance(frame.centralWidget(), QLabel)
        assert "Newsroom Desktop" not in frame.windowTitle()
        qtbot.waitUntil(lambda: bool(filled), timeout=20000)
        window = frame.content
        assert isinstance(window, MainWindow)
        assert frame.centralWidget() is window
        assert window.isVisible()
        assert not window.isWindow()  # one window on the screen: the frame holds it
        assert frame.windowTitle() == "Newsroom Desktop"
        assert window.list_model.rowCount() == 3
        assert window.session.doc is not None
        assert window.session.doc.id == ids[0]
    finally:
        _close(frame)


def test_quitting_from_the_menu_closes_the_frame_and_keeps_its_place(qtbot, store_path):
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    _store_with_articles(store_path, 1)
    filled: list[bool] = []
    frame = start_shown_first(
        QApplication.instance(), _args(store_path), lambda: filled.append(True)
    )
    assert frame is not None
    qtbot.addWidget(frame)
    qtbot.waitUntil(lambda: bool(filled), timeout=20000)
    window = frame.content
    assert window is not None
    try:
        frame.move(37, 41)
        qtbot.waitUntil(lambda: (frame.x(), frame.y()) == (37, 41))
        kept = frame.saveGeometry()
        window.commands["quit"].trigger()
        qtbot.waitUntil(lambda: not frame.isVisible())
        assert not window.isVisible()
        # The frame's place and size were kept (not those of the main window inside it).
        assert window_state().value("window/geometry") == kept
        assert window_state().value("window/splitter") is not None
    finally:
        window.session.saver.flush()
        window.newsroom.close()


def test_closing_the_frame_while_it_loads_opens_nothing(qtbot, store_path):
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    frame = start_shown_first(QApplication.instance(), _args(store_path))
    assert frame is not None
    qtbot.addWidget(frame)
    frame.close()  # before the first paint could start the loading
    qtbot.wait(700)  # past the fallback that fills a window never painted
    assert frame.content is None
    assert not store_path.exists()


def test_the_start_trace_prints_milestones_to_stderr(tmp_path):
    code = (
        "from newsroom_desktop import trace\n"
        "trace.mark('one')\n"
        "trace.mark('two')\n"
        "assert trace.enabled()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**_env(), "NEWSROOM_TRACE_START": "1"},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    lines = result.stderr.splitlines()
    assert [line.split("ms  ")[-1] for line in lines] == ["one", "two"]
    first, second = (float(line.split()[1]) for line in lines)
    assert 0 < first <= second  # counted from the process start, so never zero
    quiet = subprocess.run(
        [sys.executable, "-c", "from newsroom_desktop import trace; trace.mark('x')"],
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert quiet.stderr == ""


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.pop("NEWSROOM_TRACE_START", None)
    return env


def test_a_long_list_shows_its_first_page_before_counting_the_store(qtbot, make_window, store_path):
    from newsroom_desktop.ui.article_list import PAGE_SIZE

    nr = Newsroom.open(store_path, actor=REPORTER)
    with nr.store.write() as session:  # many articles quickly: one unit of work
        from newsroom_desktop.core._writes import create_in

        for n in range(PAGE_SIZE + 5):
            create_in(session, nr.ctx, {"headline": f"Bài {n}"})
    nr.close()
    window = make_window()
    model = window.list_model
    model.set_query(model.query)
    assert model.rowCount() == PAGE_SIZE
    assert model.total() == PAGE_SIZE  # not counted yet: the page is shown first
    qtbot.waitUntil(lambda: model.total() == PAGE_SIZE + 5)
    assert window.list_panel.count_label.text() == f"{PAGE_SIZE + 5} article(s)"
    assert model.canFetchMore()


def test_a_language_switch_leaves_one_window_and_no_frame(qtbot, store_path):
    from newsroom_desktop.ui import main_window

    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    _store_with_articles(store_path, 1)
    filled: list[bool] = []
    frame = start_shown_first(
        QApplication.instance(), _args(store_path), lambda: filled.append(True)
    )
    assert frame is not None
    qtbot.addWidget(frame)
    qtbot.waitUntil(lambda: bool(filled), timeout=20000)
    window = frame.content
    assert window is not None
    assert window.reopen_in_language()
    (again,) = main_window._REPLACEMENTS
    qtbot.addWidget(again)
    try:
        qtbot.waitUntil(lambda: not frame.isVisible())
        assert again.isVisible()
        assert again.isWindow()
        assert again.list_model.rowCount() == 1
    finally:
        again.session.saver.flush()
        again.close()
        again.newsroom.close()
        main_window._REPLACEMENTS.clear()
