"""Drive the real main window's File ▸ Export and File ▸ Import in a test child, as a user would.

The dialogs are the app's own, modal, run by ``run_export`` and ``import_dialog``; a
``DialogAnswerer`` answers each one the moment it is the active modal window: the export
dialog gets a folder and its Export button clicked, the file chooser gets a file and is
accepted, a question is answered Yes (a file in the store already: imported again as a copy),
and every message box is read (kept in ``boxes``) and closed. Nothing here replaces a dialog
or patches the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox

from newsroom_desktop.ui.export_dialog import ExportDialog, run_export

# Message box titles that report trouble (anything else the window shows is a summary).
TROUBLE = ("failed", "Could not", "not saved", "Not saved", "Changed elsewhere", "Read-only")
_DESTRUCTIVE = (QMessageBox.ButtonRole.DestructiveRole,)


class DialogAnswerer(QObject):
    """Answer every modal dialog the window opens, and remember what the message boxes said."""

    def __init__(self) -> None:
        super().__init__()
        self.export_folder: Path | None = None
        self.import_file: Path | None = None
        self.boxes: list[tuple[str, str]] = []
        self.timer = QTimer(self, interval=20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, ExportDialog):
            if self.export_folder is None:
                widget.reject()
                return
            widget.folder.setText(str(self.export_folder))
            widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        elif isinstance(widget, QFileDialog):
            if self.import_file is None:
                widget.reject()
                return
            # Typed into the name field, as a user would: selectFile() waits for the folder to load.
            name = widget.findChild(QLineEdit, "fileNameEdit")
            name.setText(str(self.import_file))
            widget.accept()
        elif isinstance(widget, QMessageBox) and widget.objectName() == "alreadyStoredBox":
            # A sample file imported again: import a copy, so that each round adds an article.
            self.boxes.append((widget.windowTitle(), widget.text()))
            role = QMessageBox.ButtonRole.ActionRole
            next(b for b in widget.buttons() if widget.buttonRole(b) == role).click()
        elif isinstance(widget, QMessageBox):
            self.boxes.append((widget.windowTitle(), widget.text()))
            roles = (QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole)
            agree = [b for b in widget.buttons() if widget.buttonRole(b) in roles]
            # A question to replace files is answered Replace (the test's folder is its own).
            agree += [b for b in widget.buttons() if widget.buttonRole(b) in _DESTRUCTIVE]
            (agree or widget.buttons())[0].click()

    def troubles(self) -> list[str]:
        """Return the message boxes that reported a problem."""
        return [f"{t}: {m}" for t, m in self.boxes if any(w in t for w in TROUBLE)]


def spin(until: Callable[[], bool], timeout: float, what: str) -> None:
    """Run the event loop until ``until()`` holds; raise TimeoutError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.005)


def _summary(answerer: DialogAnswerer, title: str, seen: int, timeout: float) -> str:
    spin(lambda: any(t == title for t, _ in answerer.boxes[seen:]), timeout, title)
    return next(m for t, m in answerer.boxes[seen:] if t == title)


def export_through_dialog(
    window: Any, answerer: DialogAnswerer, folder: Path, timeout: float = 60
) -> str:
    """Export the window's selected article through File ▸ Export…; return the summary text."""
    answerer.export_folder = folder
    seen = len(answerer.boxes)
    try:
        if run_export(window.services) is None:
            raise AssertionError("the export dialog was cancelled")
        return _summary(answerer, "Export finished", seen, timeout)
    finally:
        answerer.export_folder = None


def import_through_dialog(
    window: Any, answerer: DialogAnswerer, file: Path, timeout: float = 60
) -> str:
    """Import ``file`` through File ▸ Import… (the file chooser); return the summary text."""
    answerer.import_file = file
    seen = len(answerer.boxes)
    try:
        window.commands["import"].trigger()
        return _summary(answerer, "Import finished", seen, timeout)
    finally:
        answerer.import_file = None


def reopen(window: Any, article_id: str) -> None:
    """Select ``article_id`` in the list, open it, and put the cursor at the end of its body."""
    window.list_panel.select_article(article_id, emit=False)
    window.open_article(article_id)
    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)


def headlines(window: Any) -> list[str]:
    """Return the headlines the window's article list shows."""
    model = window.list_model
    return [s.headline for s in (model.summary(row) for row in range(model.rowCount())) if s]
