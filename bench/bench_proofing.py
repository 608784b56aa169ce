"""Proofing benchmark: underline a 20,000-word article on opening, a keystroke's cost, suggestions.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_proofing.py [--quick]

Prints: the body's first full highlighting in the editor panel, as on opening an article (spelling
and house style, a cold dictionary cache as after start and a warm one as on the next article;
the whole, the longest step and the longest event-loop turn), the time a highlighter adds to a
keystroke
(the same typing with and without it), suggestions for misspellings (vi and en), and, if
spylls is installed, the same dictionary work in pure Python for comparison.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from bench.bench_editor import article_markdown, ms
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.proofing.house import HouseStyle
from newsroom_desktop.core.proofing.proofer import Proofer
from newsroom_desktop.core.proofing.speller import Speller, load_speller
from newsroom_desktop.core.text import word_count
from newsroom_desktop.ui.editor import EditorPanel
from newsroom_desktop.ui.editor.bridge import markdown_to_document
from newsroom_desktop.ui.editor.figures import FigureSource
from newsroom_desktop.ui.editor.spelling import ProofHighlighter, next_finding
from newsroom_desktop.ui.editor.text_edit import new_document

MISSPELT_VI = ["muôns", "đươc", "nguời", "trườg", "Viêt", "chíh", "hộii", "thàh", "kinhh", "tếe"]
MISSPELT_EN = ["recieve", "goverment", "wich", "occured", "seperate", "untill", "tommorow"]


def body_document(markdown: str) -> QTextDocument:
    figures = FigureSource((), None)
    document = new_document(None, figures)
    markdown_to_document(markdown, document, figures)
    return document


def fresh_proofer(house: HouseStyle) -> Proofer:
    speller = load_speller("vi")
    return Proofer(Speller("vi", speller.backend, speller.missing), house)


def opening(markdown: str, runs: int, *, cold: bool) -> dict[str, list[float]]:
    """Time underlining a 20,000-word body as the window does on opening an article.

    The body is the real editor panel, shown. As the window's proofing does, a highlighter is
    attached to the body's new document as it arrives, with the article's proofer, and
    underlines the top of it before Qt lays it out; loading then lays the whole text out (the
    page makes the body as tall as its text) and the rest is underlined a step an event-loop
    turn. Returns, a list a figure per run: "open" (the panel's load, the underlining ahead
    included), "top" (the first step after it), "whole" (from the end of the load to the last
    underline), "total" (from the start of the load), "step" (the longest step of the
    highlighter, ahead or after) and "turn" (the longest event-loop turn meanwhile, Qt's own
    work and the panel's included). Code without the arriving signal is timed as it attached.
    """
    house = HouseStyle(tone_style="old")
    warm = fresh_proofer(house)
    names = ("open", "top", "whole", "total", "step", "turn")
    figures: dict[str, list[float]] = {k: [] for k in names}
    with tempfile.TemporaryDirectory() as tmp:
        newsroom = Newsroom.open(Path(tmp) / "bench.sqlite", actor=Actor("Bench", "reporter"))
        doc = newsroom.articles.get(newsroom.articles.create({"body": markdown}).id)
        panel = EditorPanel()
        panel.resize(1100, 900)
        panel.show()
        QApplication.processEvents()
        attached: list[ProofHighlighter] = []
        proofers = [warm]
        ahead: list[float] = []

        def arriving(document: QTextDocument) -> None:
            highlighter = ProofHighlighter(document, "body", lambda: None, whole_field=False)
            highlighter._proofer = lambda p=proofers[-1]: p
            start = time.perf_counter()
            highlighter.underline_ahead()
            ahead.append((time.perf_counter() - start) * 1000)
            attached.append(highlighter)

        def replaced() -> None:
            document = panel.body.document()
            if not attached or attached[-1].document() is not document:
                attached.append(ProofHighlighter(document, "body", lambda: None, whole_field=False))
                attached[-1]._proofer = lambda p=proofers[-1]: p

        signal = getattr(panel.body, "document_arriving", None)
        if signal is not None:
            signal.connect(arriving)
        panel.body.document_replaced.connect(replaced)
        for _ in range(runs):
            proofers.append(fresh_proofer(house) if cold else warm)
            ahead.clear()
            start = time.perf_counter()
            panel.load_article(doc, [])
            loaded = time.perf_counter()
            highlighter = attached[-1]
            steps = timed_steps(highlighter)
            highlighter.rehighlight_in_steps()
            top = time.perf_counter()
            turn = 0.0
            while highlighter.busy:
                before = time.perf_counter()
                QApplication.processEvents()
                turn = max(turn, (time.perf_counter() - before) * 1000)
            done = time.perf_counter()
            figures["open"].append((loaded - start) * 1000)
            figures["top"].append((top - loaded) * 1000)
            figures["whole"].append((done - loaded) * 1000)
            figures["total"].append((done - start) * 1000)
            figures["step"].append(max(steps + ahead))
            figures["turn"].append(turn)
            highlighter.setDocument(None)
        panel.close()
        newsroom.close()
    return figures


def after_opening(markdown: str, runs: int) -> dict[str, list[float]]:
    """Time what follows in an opened article: F7 from the end, then Ignore on a word.

    "f7" is the walk from the end of the text around to the first finding (every paragraph
    looked at); "ignore" the whole article underlined again after Ignore (as after Add to the
    Newsroom Dictionary), with "step" its longest step.
    """
    figures: dict[str, list[float]] = {"f7": [], "ignore": [], "step": []}
    with tempfile.TemporaryDirectory() as tmp:
        newsroom = Newsroom.open(Path(tmp) / "bench.sqlite", actor=Actor("Bench", "reporter"))
        doc = newsroom.articles.get(newsroom.articles.create({"body": markdown}).id)
        panel = EditorPanel()
        panel.resize(1100, 900)
        panel.show()
        for _ in range(runs):
            panel.load_article(doc, [])
            document = panel.body.document()
            proofer = fresh_proofer(HouseStyle(tone_style="old"))
            highlighter = ProofHighlighter(document, "body", lambda p=proofer: p, whole_field=False)
            highlighter.rehighlight_in_steps()
            while highlighter.busy:
                QApplication.processEvents()
            settle(0.2)  # the panel's own work after a load (its first Markdown) is done
            end = document.characterCount() - 1
            start = time.perf_counter()
            first = next_finding(highlighter, end, end)
            figures["f7"].append((time.perf_counter() - start) * 1000)
            assert first is not None
            word = first_word_flagged(highlighter)
            steps = timed_steps(highlighter)
            start = time.perf_counter()
            proofer.ignore(word)
            highlighter.rehighlight_in_steps()
            while highlighter.busy:
                QApplication.processEvents()
            figures["ignore"].append((time.perf_counter() - start) * 1000)
            figures["step"].append(max(steps))
            highlighter.setDocument(None)
        panel.close()
        newsroom.close()
    return figures


def settle(seconds: float) -> None:
    """Let the event loop run for ``seconds``."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        QApplication.processEvents()


def first_word_flagged(highlighter: ProofHighlighter) -> str:
    """Return the first word ``highlighter`` underlines for its spelling or its tone mark."""
    block = highlighter.document().begin()
    while block.isValid():
        for finding in highlighter.findings(block.text()):
            if finding.rule in ("spelling", "tone_marks"):
                return finding.text
        block = block.next()
    raise ValueError("no word flagged")


def timed_steps(highlighter: ProofHighlighter) -> list[float]:
    """Return a list that gets the milliseconds of each step ``highlighter`` takes from now."""
    steps: list[float] = []
    step = highlighter._step

    def timed(generation: int, number: int) -> None:
        start = time.perf_counter()
        step(generation, number)
        steps.append((time.perf_counter() - start) * 1000)

    highlighter._step = timed  # type: ignore[method-assign]
    return steps


def keystrokes(markdown: str, count: int, *, highlighted: bool) -> tuple[list[float], list[float]]:
    """Time typing ``count`` characters into the middle of the article's paragraphs.

    Return wall-clock times and this thread's CPU times: on a shared machine a keystroke may
    wait for a core, which the CPU time leaves out.
    """
    document = body_document(markdown)
    if highlighted:
        proofer = fresh_proofer(HouseStyle(tone_style="old"))
        ProofHighlighter(document, "body", lambda: proofer, whole_field=False)
        QApplication.processEvents()
    rnd = random.Random(3)
    blocks = document.blockCount()
    text = "Sức khỏe của bà con vùng lũ được chăm lo chu đáo muôns "
    times, cpu = [], []
    for i in range(count):
        block = document.findBlockByNumber(rnd.randrange(blocks))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + block.length() // 2)
        start, start_cpu = time.perf_counter(), time.thread_time()
        cursor.insertText(text[i % len(text)])
        cpu.append((time.thread_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    return times, cpu


def proofer_making(words: int, runs: int) -> list[float]:
    """Time making the proofer an article opens with, the newsroom dictionary holding ``words``."""
    from newsroom_desktop.core.models import NewsroomWord

    with tempfile.TemporaryDirectory() as tmp:
        newsroom = Newsroom.open(Path(tmp) / "bench.sqlite", actor=Actor("Bench", "reporter"))
        with newsroom.ctx.store.write() as session:  # one transaction, not one a word
            session.add_all(NewsroomWord(word=f"Tên{n} Riêng") for n in range(words))
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            newsroom.proofing.proofer("vi")
            times.append((time.perf_counter() - start) * 1000)
        newsroom.close()
    return times


def suggestions(proofer: Proofer, words: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for word in words:
            start = time.perf_counter()
            proofer.suggest(word)
            times.append((time.perf_counter() - start) * 1000)
    return times


def spylls_figures(words: list[str]) -> None:
    if importlib.util.find_spec("spylls") is None:
        print("spylls: not installed (pip install spylls to compare)")
        return
    from spylls.hunspell import Dictionary

    for tag, misspelt in (("vi_VN", MISSPELT_VI), ("en_US", MISSPELT_EN)):
        start = time.perf_counter()
        dictionary = Dictionary.from_files(f"/usr/share/hunspell/{tag}")
        load = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        for word in words:
            dictionary.lookup(word)
        per_check = (time.perf_counter() - start) * 1e6 / len(words)
        times = []
        for word in misspelt:
            start = time.perf_counter()
            list(dictionary.suggest(word))
            times.append((time.perf_counter() - start) * 1000)
        print(f"spylls {tag}: open {load:7.1f} ms   check {per_check:5.1f} us/word   "
              f"suggest {ms(times)}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    runs, keys, rounds = (3, 200, 1) if args.quick else (10, 1000, 5)
    QApplication.instance() or QApplication([])
    markdown = article_markdown(20_000)
    print(f"article: {word_count(markdown):,} words, {len(markdown):,} characters")
    for cold in (True, False):
        got = opening(markdown, runs, cold=cold)
        cache = "cold" if cold else "warm"
        for key, label in (
            ("open", "the panel's load, underlining ahead included"),
            ("top", "top of the text underlined after the load"),
            ("whole", "whole article underlined after the load"),
            ("total", "whole article underlined from the load's start"),
            ("step", "longest underlining step"),
            ("turn", "longest event-loop turn after the load"),
        ):
            print(f"open ({cache} dictionary cache), {label}: {ms(got[key])}")
    after = after_opening(markdown, runs)
    print(f"F7 from the end of the article around to its first finding: {ms(after['f7'])}")
    print(f"Ignore a word, whole article underlined again: {ms(after['ignore'])}")
    print(f"Ignore a word, longest underlining step:       {ms(after['step'])}")
    making = proofer_making(5_000, runs)
    print(f"proofer on opening, newsroom dictionary of 5,000 words: {ms(making)}")
    plain, plain_cpu = keystrokes(markdown, keys, highlighted=False)
    lit, lit_cpu = keystrokes(markdown, keys, highlighted=True)
    print(f"keystroke without highlighter (wall): {ms(plain)}")
    print(f"keystroke with highlighter (wall):    {ms(lit)}")
    print(f"keystroke without highlighter (CPU):  {ms(plain_cpu)}")
    print(f"keystroke with highlighter (CPU):     {ms(lit_cpu)}")
    for name, a, b in (("wall", plain, lit), ("CPU", plain_cpu, lit_cpu)):
        median = statistics.median(b) - statistics.median(a)
        p95 = sorted(b)[round(0.95 * (len(b) - 1))] - sorted(a)[round(0.95 * (len(a) - 1))]
        print(f"added per keystroke ({name}): median {median:.3f} ms   p95 {p95:.3f} ms")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    vi = Proofer(load_speller("vi"), HouseStyle(tone_style="old"))
    en = Proofer(load_speller("en"), HouseStyle())
    print(f"suggest vi: {ms(suggestions(vi, MISSPELT_VI, rounds))}")
    print(f"suggest en: {ms(suggestions(en, MISSPELT_EN, rounds))}")
    start = time.perf_counter()
    load_speller("en")
    print(f"enchant open en_US: {(time.perf_counter() - start) * 1000:.1f} ms")
    spylls_figures(markdown.split()[:5000])


if __name__ == "__main__":
    main()
