"""Issue 3 figures: cold start with a 100k store, opening a 20,000-word article, list filtering.

    QT_QPA_PLATFORM=offscreen python bench/bench_window.py [--store bench/out/bench-100k.sqlite]

Targets on a 2-core machine: cold start ≤ 1.0 s median, open a 20,000-word article
≤ 150 ms, list filter per keystroke on 100k articles ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import TextModel

OUT = Path(__file__).resolve().parent / "out"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def cold_start(store: Path, runs: int) -> None:
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "newsroom_desktop.app",
                "--store",
                str(store),
                "--no-sample",
                "--exit-when-shown",
            ],
            env=env,
            check=True,
        )
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"cold start to window shown ({store.name}): median {statistics.median(times):.0f} ms, "
        f"min {min(times):.0f} ms, max {max(times):.0f} ms over {runs} runs"
    )


def long_body(words: int) -> str:
    model = TextModel(random.Random(3))
    paragraphs, count = [], 0
    while count < words:
        paragraph = model.paragraph()
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def window_figures(store: Path, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from newsroom_desktop.core.documents import Actor
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.settings import Settings
    from newsroom_desktop.ui.main_window import MainWindow
    from newsroom_desktop.ui.style import apply_style

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    actor = Actor("Bench Editor", "editor")
    nr = Newsroom.open(store, actor=actor)
    body = long_body(20_000)
    big = nr.articles.create({"headline": "Bài dài hai mươi nghìn chữ", "body": body})
    small = nr.articles.create({"headline": "Bài ngắn", "body": "Một đoạn."})
    window = MainWindow(nr, Settings(profile_name=actor.name, profile_role="editor"))
    window.show()
    app.processEvents()
    gc.freeze()  # as app.main does once the window is up
    opens = []
    for _ in range(runs):
        window.open_article(small.id)
        app.processEvents()
        t0 = time.perf_counter()
        window.open_article(big.id)
        app.processEvents()
        window.editor.repaint()
        opens.append((time.perf_counter() - t0) * 1000)
    print("open runs (ms):", " ".join(f"{t:.0f}" for t in opens))
    print(
        f"open a {nr.articles.get(big.id).word_count}-word article: median {statistics.median(opens):.0f} ms, "  # noqa: E501
        f"p95 {percentile(opens, 95):.0f} ms"
    )
    panel = window.list_panel
    typed = []
    for phrase in (
        "cong an",
        "dang uy",
        "can tho",
        "Trung tướng",
        "phát triển kinh tế",
        "hội thảo",
    ):
        panel.search.clear()
        app.processEvents()
        for i in range(1, len(phrase) + 1):
            t0 = time.perf_counter()
            panel.search.setText(phrase[:i])
            app.processEvents()
            typed.append((time.perf_counter() - t0) * 1000)
    print(
        f"list filter per keystroke ({nr.articles.count()} articles, {len(typed)} keystrokes): "
        f"median {statistics.median(typed):.1f} ms, p95 {percentile(typed, 95):.1f} ms, max {max(typed):.1f} ms"  # noqa: E501
    )
    window.session.flush()
    for doc_id in (big.id, small.id):
        nr.articles.trash(doc_id)
    nr.articles.empty_trash()
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=OUT / "bench-100k.sqlite")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if not args.store.exists():
        sys.exit(
            f"{args.store} is missing: run bench/bench_store.py first (it creates the 100k store)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / args.store.name
        shutil.copy(args.store, copy)  # the figures must not change the shared bench store
        cold_start(copy, args.runs)
        window_figures(copy, args.runs)


if __name__ == "__main__":
    main()
