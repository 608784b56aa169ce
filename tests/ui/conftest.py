"""GUI fixtures: a real main window on a real temp store, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings

from ..conftest import REPORTER

FAST = Settings(profile_name=REPORTER.name, profile_role="reporter", autosave_seconds=0.5)


@pytest.fixture
def make_window(qtbot, store_path: Path):
    """Return a function that opens a main window (optionally on a given store)."""
    from newsroom_desktop.ui.main_window import MainWindow
    from newsroom_desktop.ui.style import apply_style

    opened = []

    def make(path: Path = store_path, settings: Settings = FAST):
        apply_style(qtbot_app())
        nr = Newsroom.open(path, actor=REPORTER)
        window = MainWindow(nr, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.session.saver.flush()
        window.newsroom.close()


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()
