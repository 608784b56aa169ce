"""Run window_child.py (a real main window, offscreen, in its own process) from a test.

``WindowBeside`` keeps one open on a store while a crash suite kills other writers of it.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import REPORTER
from tests.faults.conftest import integrity
from tests.faults.crash_child import IMPORTS, WORDS

CHILD = Path(__file__).with_name("window_child.py")


class WindowProcess:
    """The window child: one JSON command in, one JSON answer out."""

    def __init__(self, store: Path, stderr: Path) -> None:
        self._stderr = stderr.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(store)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )
        self.stderr = stderr
        self.article_id = self._answer()["article"]

    def _answer(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError(f"the window process ended: {self.stderr.read_text()[-2000:]}")
        answer = json.loads(line)
        assert "error" not in answer, f"{answer['error']}\n{self.stderr.read_text()[-2000:]}"
        return answer

    def do(self, what: str, **args: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"do": what, **args}) + "\n")
        self.proc.stdin.flush()
        answer = self._answer()
        assert not answer["troubles"], answer["troubles"]
        return answer

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        self._stderr.close()


class WindowBeside:
    """A real window open on a lane's store the whole run: export, import, type, again."""

    def __init__(self, store: Path) -> None:
        self.store = store
        store.parent.mkdir(parents=True, exist_ok=True)
        self.window = WindowProcess(store, store.with_name("window-stderr.txt"))
        self.saves: list[dict[str, object]] = []
        self.typed: list[str] = []
        self.rounds = 0
        self.failures: list[str] = []

    def run(self, stop: threading.Event) -> None:
        """Go round until ``stop`` is set (run it on a thread); a failure goes to ``failures``."""
        rng = random.Random(7)
        try:
            for n in range(10**9):
                if stop.wait(0.2):
                    return
                self.window.do("export", folder=str(self.store.with_name("window-exports")))
                self.window.do("import", file=str(IMPORTS[n % len(IMPORTS)]))
                words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
                self.typed.append(f"Câu {n}: {words}.")
                self.saves.append(self.window.do("type", text=" " + self.typed[-1]))
                self.rounds += 1
        except BaseException as exc:
            self.failures.append(f"the window beside: {type(exc).__name__}: {exc}")
            self.window.close()

    def finish(self) -> None:
        """Check the list it shows, quit it, and check what it saved is in the file."""
        nr = Newsroom.open(self.store, actor=REPORTER)
        try:
            # The newest: the list shows a page (200) until scrolled.
            headlines = sorted({s.headline for s in nr.articles.list(limit=150)})
        finally:
            nr.close()
        seen = self.window.do("expect", headlines=headlines, timeout=15)
        assert not seen["missing"], f"the window never listed {seen['missing']}"
        self.window.do("quit")
        try:
            assert self.window.proc.wait(30) == 0
        finally:
            self.window.close()
        assert integrity(self.store) == "ok"
        nr = Newsroom.open(self.store, actor=REPORTER)
        try:
            body = nr.articles.get(self.window.article_id).body
        finally:
            nr.close()
        lost = [text for text in self.typed if text not in body]
        assert not lost, f"the window reported these saved, the file lacks them: {lost}"
        assert not self.saves or body == self.saves[-1]["body"]
