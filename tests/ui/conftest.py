"""GUI fixtures: a real main window on a real temp store, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings
from tests.conftest import REPORTER

FAST = Settings(profile_name=REPORTER.name, profile_role="reporter", autosave_seconds=0.5)


@pytest.fixture
def make_window(qtbot, store_path: Path):
    """Return a function that opens a main window (optionally on a given store)."""
    from newsroom_desktop.ui.main_window import MainWindow
    from newsroom_desktop.ui.style import apply_style

    opened = []

    def make(path: Path = store_path, settings: Settings = FAST):
        apply_style(qtbot_app())
        # On a newsroom server the URL's login says who acts; a store file takes the reporter.
        on_server = str(path).startswith("postgresql")
        nr = Newsroom.open(path) if on_server else Newsroom.open(path, actor=REPORTER)
        window = MainWindow(nr, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield make
    for window in opened:
        if shiboken6.isValid(window):  # a window replaced by another is gone already
            window.session.saver.flush()
            window.newsroom.close()


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(request: pytest.FixtureRequest, qapp):
    """Fail a GUI test in which a modal dialog opens that the test did not ask for.

    A watchdog looks for a modal widget every 50 ms (inside the dialog's own event loop too),
    records it and rejects it so the test never hangs. A test that drives a real dialog on
    purpose is marked ``@pytest.mark.modal``; one that answers it by patching QMessageBox or
    QDialog.exec opens none.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    if request.node.get_closest_marker("modal") is not None:
        yield
        return
    seen: list[str] = []

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        text = widget.text() if isinstance(widget, QMessageBox) else ""
        seen.append(f"{type(widget).__name__} {widget.windowTitle()!r} {text[:120]!r}")
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    watchdog = QTimer()
    watchdog.setInterval(50)
    watchdog.timeout.connect(look)
    watchdog.start()
    yield
    watchdog.stop()
    assert not seen, f"unexpected modal dialog(s): {seen}"


@pytest.fixture(autouse=True)
def empty_clipboard_after(qapp):
    """Leave the clipboard empty after every UI test (a copy, a cut, a paste test): mime data
    still on it when the test process exits crashes Qt (exit 139 after all tests passed)."""
    from PySide6.QtWidgets import QApplication

    yield
    QApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def no_translator_left(qapp):
    """start() installs the UI language; the next tests read the English source texts."""
    from newsroom_desktop.ui import i18n

    before = QLocale()
    yield
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(before)
