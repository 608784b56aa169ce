"""A long-lived real main window (offscreen) that a test drives one command at a time.

``python window_child.py STORE`` opens the window on STORE, makes an article of its own and
answers one JSON line on stdout for each JSON line on stdin:

* ``{"do": "export", "folder": F}``: File ▸ Export… of its article into F (the dialog's own
  Export button); answers the summary the window showed.
* ``{"do": "import", "file": F}``: File ▸ Import… of F through the file chooser; answers the
  summary.
* ``{"do": "type", "text": T}``: opens its article, types T at the end of the body as key
  events and waits for the autosave; answers ``version`` and ``body`` as the save reported them.
* ``{"do": "expect", "headlines": [...], "timeout": S}``: lets the window run until its list
  shows every headline (it learns of other programs' articles by itself); answers ``missing``.
* ``{"do": "quit"}``: closes the window as File ▸ Quit does; answers, then exits.

Every answer carries ``list`` (the headlines the list shows) and ``troubles`` (error boxes the
window showed); a command that fails answers ``error``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.faults.window_driver import (
    DialogAnswerer,
    export_through_dialog,
    headlines,
    import_through_dialog,
    reopen,
    spin,
)
from tests.ui.typing import type_text

ACTOR = Actor("Ngọc Hậu", "reporter")
SETTINGS = Settings(profile_name=ACTOR.name, profile_role="reporter", autosave_seconds=0.3)
HEADLINE = "Cửa sổ luôn mở"


class Driven:
    """The window and what it reported: its own article and the saves it said were done."""

    def __init__(self, store: str) -> None:
        from newsroom_desktop.ui.main_window import MainWindow

        self.newsroom = Newsroom.open(store, actor=ACTOR)
        self.window = MainWindow(self.newsroom, SETTINGS)
        self.window.show()
        self.answerer = DialogAnswerer()
        self.window.new_article()
        type_text(self.window.editor.headline, HEADLINE)
        self.window.session.flush("save")
        assert self.window.session.doc is not None
        self.article_id = self.window.session.doc.id
        self.saves: list[Any] = []
        self.window.session.stored.connect(self._stored)

    def _stored(self, doc: Any) -> None:
        if doc.id == self.article_id:
            self.saves.append(doc)

    def type(self, text: str, timeout: float = 30) -> dict[str, Any]:
        reopen(self.window, self.article_id)
        before = len(self.saves)
        type_text(self.window.editor.body, text)
        spin(
            lambda: (
                len(self.saves) > before
                and text.strip() in self.saves[-1].body
                and not self.window.session.dirty
                and self.window.session.saver.pending == 0
            ),
            timeout,
            "the autosave",
        )
        doc = self.saves[-1]
        return {"version": doc.version, "body": doc.body, "id": doc.id}

    def expect(self, wanted: list[str], timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and set(wanted) - set(headlines(self.window)):
            QApplication.processEvents()
            time.sleep(0.02)
        return {"missing": sorted(set(wanted) - set(headlines(self.window)))}

    def run(self, command: dict[str, Any]) -> dict[str, Any]:
        do = command["do"]
        if do == "export":
            reopen(self.window, self.article_id)
            folder = Path(command["folder"])
            return {"summary": export_through_dialog(self.window, self.answerer, folder)}
        if do == "import":
            file = Path(command["file"])
            return {"summary": import_through_dialog(self.window, self.answerer, file)}
        if do == "type":
            return self.type(command["text"])
        if do == "expect":
            return self.expect(command["headlines"], float(command.get("timeout", 20)))
        if do == "quit":
            self.window.close()
            return {"closed": not self.window.isVisible()}
        raise ValueError(f"unknown command {do!r}")


def main() -> int:
    app = QApplication([])
    driven = Driven(sys.argv[1])
    print(json.dumps({"article": driven.article_id}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        command = json.loads(line)
        try:
            answer = driven.run(command)
        except Exception as exc:  # reported to the test, which fails with it
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        answer["list"] = headlines(driven.window)
        answer["troubles"] = driven.answerer.troubles()
        print(json.dumps(answer, ensure_ascii=False), flush=True)
        if command["do"] == "quit":
            break
    app.processEvents()
    driven.newsroom.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
