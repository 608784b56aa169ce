"""Benchmark Track Changes in the editor: a 5,000-word article with 200 changes shown inline.

Run: .venv/bin/python bench/bench_track_changes.py [--quick]
Prints the time to show the changes (the word diff, the body rebuilt and marked up, its first
layout and paint), the time to count them and the words (the Review toolbar and the status
bar do it after a pause in typing), and what one keystroke costs with the changes shown
against the plain editor (target: ≤ 2 ms more): handled and laid out, and with the whole
visible page painted after it (an upper bound: Qt repaints only the lines that changed).
Real widgets, offscreen; on a loaded machine the keystroke figures swing by a few ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import TextModel
from newsroom_desktop.core.body import blocks_text
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.text import word_count
from newsroom_desktop.core.tracked import track_paragraphs
from newsroom_desktop.ui.editor.panel import EditorPanel
from newsroom_desktop.ui.editor.track_changes import (
    body_paragraphs,
    change_runs,
    mark_changes,
    text_without_deletions,
)
from newsroom_desktop.ui.editor.track_typing import TrackedTyping

TARGET_WORDS = 5000
CHANGES = 200


def article(model: TextModel) -> list[str]:
    out: list[str] = []
    while sum(word_count(p) for p in out) < TARGET_WORDS:
        out.append(model.paragraph())
    return out


def edited(rng: random.Random, pars: list[str], vocabulary: list[str]) -> list[str]:
    """Return a copy with CHANGES changes: words replaced (two each), added or cut."""
    out = [p.split(" ") for p in pars]
    made = 0
    while made < CHANGES:
        tokens = rng.choice(out)
        at = rng.randrange(1, len(tokens) - 1)
        roll = rng.random()
        if roll < 0.5 and made + 2 <= CHANGES:
            tokens[at] = rng.choice(vocabulary) + "x"  # a deletion and an insertion
            made += 2
        elif roll < 0.75:
            tokens.insert(at, rng.choice(vocabulary) + "y")
            made += 1
        else:
            del tokens[at]
            made += 1
    return [" ".join(t) for t in out]


def doc_for(body: str) -> ArticleDoc:
    now = datetime.now(UTC)
    return ArticleDoc(
        id="bench", section="", headline="Tăng cường sự lãnh đạo của Đảng", lead="", body=body,
        byline="Ngọc Hậu", language="vi", slug="bench", status="editing", tags=(),
        owner="Ngọc Hậu", word_count=word_count(body), version=1, created_at=now,
        updated_at=now, published_at=None, exported_at=None, deleted_at=None,
    )  # fmt: skip


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def keystrokes(panel: EditorPanel, n: int, *, full_paint: bool) -> float:
    """Return the median milliseconds one typed key takes in the body.

    With ``full_paint`` the whole visible page is painted after each key (an upper bound);
    otherwise only the key's handling and the layout of its paragraph, which is what Qt does
    before it repaints the lines that changed.
    """
    body = panel.body
    cursor = body.textCursor()
    cursor.setPosition(body.document().characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    body.setTextCursor(cursor)
    times = []
    for k in range(n):
        ch = "aăâ"[k % 3]
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                body, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
        if full_paint:
            body.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def settle_layout(app: QApplication) -> None:
    """Let Qt finish laying the document out, as it does while the person reads."""
    end = time.perf_counter() + 1.0
    while time.perf_counter() < end:
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeat, keys = (3, 60) if args.quick else (10, 300)
    app = QApplication.instance() or QApplication(sys.argv)
    rng = random.Random(18)
    model = TextModel(rng)
    base = article(model)
    new = edited(rng, base, model.vocabulary)
    old_pars = blocks_text("\n\n".join(base))
    panel = EditorPanel()
    panel.resize(900, 800)
    panel.show()
    panel.load_article(doc_for("\n\n".join(new) + "\n"), [])
    app.processEvents()

    def decorate(document: QTextDocument) -> None:
        texts, _ = body_paragraphs(document)
        mark_changes(document, track_paragraphs(old_pars, texts), "Phương Nam")

    def show() -> None:
        panel.rebuild_body(decorate)
        panel.body.viewport().repaint()

    texts, _ = body_paragraphs(panel.body.document())
    diff_ms = timed(lambda: track_paragraphs(old_pars, texts), repeat)
    show_ms = timed(show, repeat)
    runs = change_runs(panel.body.document())
    count_ms = timed(lambda: change_runs(panel.body.document()), repeat)
    words_ms = timed(lambda: text_without_deletions(panel.body.document()), repeat)
    settle_layout(app)
    typing = TrackedTyping(panel.body, "Phương Nam")
    tracked = [keystrokes(panel, keys, full_paint=full) for full in (False, True)]
    typing.stop()
    panel.rebuild_body()  # the same text again, plain: the editor as it was, for comparison
    settle_layout(app)
    plain = [keystrokes(panel, keys, full_paint=full) for full in (False, True)]
    words = sum(word_count(p) for p in new)
    print(f"article: {words:,} words, {len(runs)} changes shown ({CHANGES} made)")
    print(
        f"word diff alone:                 median {diff_ms[0]:7.1f} ms, worst {diff_ms[1]:7.1f} ms"
    )
    print(
        f"show changes (diff, mark, paint): median {show_ms[0]:6.1f} ms, worst {show_ms[1]:7.1f} ms"
    )
    print(
        f"count the changes (toolbar):     median {count_ms[0]:7.1f} ms, "
        f"worst {count_ms[1]:7.1f} ms"
    )
    print(
        f"the body's words without deletions (word count): median {words_ms[0]:5.1f} ms, "
        f"worst {words_ms[1]:5.1f} ms"
    )
    for n, what in enumerate(("handled and laid out", "and the whole page painted")):
        added = tracked[n] - plain[n]
        print(
            f"one keystroke, {what}: plain editor median {plain[n]:5.2f} ms, "
            f"changes shown {tracked[n]:5.2f} ms (added {added:+.2f} ms; target ≤ 2 ms)"
        )


if __name__ == "__main__":
    main()
