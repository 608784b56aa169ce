"""Editor benchmark: open a 20,000-word article, to_markdown, key-to-paint during autosave.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_editor.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.text import word_count
from newsroom_desktop.ui.editor import EditorPanel
from newsroom_desktop.ui.editor.bridge import document_to_markdown, markdown_to_document
from newsroom_desktop.ui.editor.figures import FigureSource

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample-article.txt"


def article_markdown(words: int = 20_000, seed: int = 7) -> str:
    """Return a realistic body of about ``words`` Vietnamese words with marks, lists, quotes."""
    rnd = random.Random(seed)
    vocab = SAMPLE.read_text(encoding="utf-8").split()
    blocks: list[str] = []
    count = 0
    while count < words:
        n = rnd.randint(40, 90)
        ws = [rnd.choice(vocab).strip("*_[]#`<>\\") or "và" for _ in range(n)]
        if rnd.random() < 0.3:
            i = rnd.randrange(n - 3)
            ws[i], ws[i + 2] = "**" + ws[i], ws[i + 2] + "**"
        if rnd.random() < 0.2:
            i = rnd.randrange(n - 3)
            ws[i], ws[i + 1] = "*" + ws[i], ws[i + 1] + "*"
        text = " ".join(ws) + "."
        roll = rnd.random()
        if roll < 0.05:
            blocks.append("## " + " ".join(ws[:6]))
        elif roll < 0.08:
            blocks.append("- " + text + "\n- " + " ".join(ws[:8]))
        elif roll < 0.10:
            blocks.append("> " + text)
        else:
            blocks.append(text)
        count += word_count(blocks[-1])
    return "\n\n".join(blocks) + "\n"


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return f"median {statistics.median(values):7.2f} ms   p95 {p95:7.2f} ms   (n={len(values)})"


def keystrokes(
    panel: EditorPanel, newsroom: Newsroom, article_id: str, runs: int, *, queued: bool
) -> list[float]:
    """Post a key while an autosave (to_markdown on the GUI thread, save off it) runs.

    ``queued``: the key arrives just as the autosave starts, so it waits for to_markdown
    (the worst case); otherwise it arrives while the save runs on its thread.
    """
    app = QApplication.instance()
    body = panel.body
    body.setFocus()
    cursor = body.textCursor()
    cursor.setPosition(body.document().characterCount() // 2)
    body.setTextCursor(cursor)
    latencies: list[float] = []
    for _ in range(runs):
        state: dict[str, float] = {}

        def painted(state=state) -> None:
            if "t0" in state and "t1" not in state and state.get("typed"):
                state["t1"] = time.perf_counter()

        def autosave(state=state) -> None:
            fields = panel.current_fields()
            saver = threading.Thread(
                target=newsroom.articles.save,
                args=(article_id, fields),
                kwargs={"reason": "autosave"},
            )
            saver.start()
            state["saver"] = saver  # type: ignore[assignment]

        body.painted.connect(painted)
        original = body.textChanged

        def typed(state=state) -> None:
            state["typed"] = 1.0

        original.connect(typed)
        QTimer.singleShot(0, autosave)
        if not queued:
            app.processEvents()  # the autosave starts: to_markdown runs now, the save goes on
        state["t0"] = time.perf_counter()
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        QCoreApplication.postEvent(body, event)
        deadline = time.perf_counter() + 2
        while "t1" not in state and time.perf_counter() < deadline:
            app.processEvents()
        latencies.append((state.get("t1", deadline) - state["t0"]) * 1000)
        body.painted.disconnect(painted)
        original.disconnect(typed)
        saver = state.get("saver")
        if isinstance(saver, threading.Thread):
            saver.join()
        panel.mark_saved()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    markdown = article_markdown()
    print(f"article: {word_count(markdown)} words, {len(markdown):,} characters of Markdown")

    def load() -> QTextDocument:
        doc = QTextDocument()
        markdown_to_document(markdown, doc, FigureSource())
        return doc

    print("load (Markdown -> document)      ", ms(timed(load, args.runs)))
    doc = load()
    assert document_to_markdown(doc) == document_to_markdown(load())
    cold = doc.clone()
    from newsroom_desktop.ui.editor import writer

    def cold_markdown() -> None:
        writer._block_text.cache_clear()
        document_to_markdown(cold)

    print("to_markdown, cold (first save)   ", ms(timed(cold_markdown, args.runs)))
    print(
        "to_markdown, warm (autosave)     ", ms(timed(lambda: document_to_markdown(doc), args.runs))
    )
    cursor = QTextCursor(doc)
    cursor.setPosition(doc.characterCount() // 2)

    def after_a_keystroke() -> None:
        cursor.insertText("a")
        document_to_markdown(doc)

    print("to_markdown after a keystroke    ", ms(timed(after_a_keystroke, args.runs)))

    with tempfile.TemporaryDirectory() as tmp:
        newsroom = Newsroom.open(Path(tmp) / "bench.sqlite", actor=Actor("Bench", "reporter"))
        created = newsroom.articles.create({"headline": "Bench", "body": markdown})
        panel = EditorPanel()
        panel.resize(1100, 900)
        panel.show()
        app.processEvents()
        opened = []
        for _ in range(max(3, args.runs // 3)):
            start = time.perf_counter()
            panel.load_article(newsroom.articles.get(created.id), [])
            app.processEvents()
            opened.append((time.perf_counter() - start) * 1000)
        print("open in the panel, first paint   ", ms(opened))
        worst = keystrokes(panel, newsroom, created.id, args.runs, queued=True)
        print("key-to-paint, key behind to_markdown", ms(worst))
        during = keystrokes(panel, newsroom, created.id, args.runs, queued=False)
        print("key-to-paint, key during the save   ", ms(during))
        newsroom.close()


if __name__ == "__main__":
    main()
