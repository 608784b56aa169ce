"""The window crash harness's child: the real main window, offscreen, typing with autosave on.

A zygote like crash_child.py: it imports Qt and the app once, then for each line
``run STORE LOG SEED`` forks a worker that opens the main window on STORE, makes a new
article, and types ``text_for(SEED)`` into its body as key events, fast, while the autosave
(every 0.5 s) runs off the GUI thread. Between bursts of typing it exports the article and
imports a file through the window's own dialogs (File ▸ Export…, File ▸ Import…), which share
the window's open store (issue 11). The worker appends to LOG:

* ``article ID`` once the article exists;
* ``typed N T`` every 50 ms: N characters had been typed by time T (time.time());
* ``saved VERSION LENGTH DIGEST`` when a save result arrived (the body as stored);
* ``exported N`` and ``imported N`` when the Nth export or import through the dialogs finished;
* ``problem TITLE: MESSAGE`` if the window would have shown an error.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.faults.crash_child import IMPORTS
from tests.faults.window_driver import (
    DialogAnswerer,
    export_through_dialog,
    import_through_dialog,
    reopen,
)
from tests.ui.typing import type_text

ACTOR = Actor("Ngọc Hậu", "reporter")
SETTINGS = Settings(profile_name=ACTOR.name, profile_role="reporter", autosave_seconds=0.5)
# Letters and spaces only: what is typed is exactly what the Markdown body stores.
WORDS = [
    "mưa",
    "lớn",
    "kéo",
    "dài",
    "khiến",
    "nhiều",
    "tuyến",
    "đường",
    "ở",
    "Cần",
    "Thơ",
    "ngập",
    "sâu",
    "người",
    "dân",
    "Ninh",
    "Kiều",
    "phải",
    "đẩy",
    "xe",
    "qua",
    "các",
    "đoạn",
    "nước",
    "lên",
    "cao",
    "trong",
    "giờ",
    "tan",
    "tầm",
    "chiều",
    "qua",
    "Đảng",
    "ủy",
    "họp",
    "bàn",
]
CHARS_PER_TICK = 4
TICK_MS = 10
BURST_MS = 700  # typing between two trips through the export and import dialogs


def text_for(seed: int, length: int = 20_000) -> str:
    """Return the text a worker with ``seed`` types (the parent regenerates it to compare)."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


def digest(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()[:20]


class Worker:
    def __init__(self, store: str, log_path: str, seed: int) -> None:
        self.fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.text = text_for(seed)
        self.typed = 0
        self.typing = False
        self.newsroom = Newsroom.open(store, actor=ACTOR)
        self.window = MainWindow(self.newsroom, SETTINGS)
        self.window.show_problem = self._problem  # type: ignore[method-assign]
        self.window.show()
        self.window.new_article()
        self.article_id = self.window.session.doc.id
        self.window.session.stored.connect(self._stored)
        self.line("article", self.article_id)
        body = self.window.editor.body
        body.setFocus()
        body.moveCursor(QTextCursor.MoveOperation.End)
        self.typer = QTimer()
        self.typer.timeout.connect(self._type)
        self.typer.start(TICK_MS)
        self.clock = QTimer()
        self.clock.timeout.connect(lambda: self.line("typed", self.typed, f"{time.time():.3f}"))
        self.clock.start(50)
        self.answerer = DialogAnswerer()
        self.exports = Path(store).parent / f"exported-{os.getpid()}"
        self.rounds = 0
        QTimer.singleShot(BURST_MS, self._dialogs)

    def line(self, *parts: object) -> None:
        os.write(self.fd, (" ".join(str(p) for p in parts) + "\n").encode())

    def _type(self) -> None:
        chunk = self.text[self.typed : self.typed + CHARS_PER_TICK]
        if chunk:
            self.typing = True  # type_text lets events run: _dialogs may come in the middle
            try:
                type_text(self.window.editor.body, chunk)
            finally:
                self.typing = False
            self.typed += len(chunk)

    def _dialogs(self) -> None:
        """Export, then import, through the dialogs; then type on at the end of the body."""
        # Not in the middle of a key burst, nor after a space: a reopened body has no trailing
        # space (the store keeps none), and typing goes on from what the store holds.
        if self.typing or (self.typed and self.text[self.typed - 1] == " "):
            QTimer.singleShot(TICK_MS, self._dialogs)
            return
        self.typer.stop()
        shown = len(self.answerer.troubles())
        try:
            export_through_dialog(self.window, self.answerer, self.exports)
            self.line("exported", self.rounds)
            import_through_dialog(self.window, self.answerer, IMPORTS[self.rounds % len(IMPORTS)])
            self.line("imported", self.rounds)
            self.rounds += 1
        except Exception as exc:  # a slot's exception would only be printed: log it
            self.line("error", type(exc).__name__, str(exc).replace("\n", " "))
        for trouble in self.answerer.troubles()[shown:]:
            self.line("problem", trouble.replace("\n", " "))
        reopen(self.window, self.article_id)
        self.typer.start(TICK_MS)
        QTimer.singleShot(BURST_MS, self._dialogs)

    def _stored(self, doc: object) -> None:
        if getattr(doc, "id", None) == self.article_id:
            body = doc.body  # type: ignore[attr-defined]
            self.line("saved", doc.version, len(body.rstrip("\n")), digest(body))  # type: ignore[attr-defined]

    def _problem(self, title: str, message: str) -> None:
        self.line("problem", f"{title}: {message}".replace("\n", " "))


def work(store: str, log_path: str, seed: int) -> None:
    app = QApplication([])
    worker = Worker(store, log_path, seed)
    app.exec()
    del worker


def zygote() -> None:
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] != "run":
            continue
        _, store, log_path, seed = parts
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                work(store, log_path, int(seed))
            except BaseException as exc:
                fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                os.write(fd, f"error {type(exc).__name__} {exc}\n".encode())
                code = 3
            os._exit(code)
        print("pid", pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print("dead", pid, status, flush=True)


if __name__ == "__main__":
    zygote()
