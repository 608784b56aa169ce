"""Benchmark track changes: compare two 5,000-word versions of an article (target: ≤ 100 ms).

Run: .venv/bin/python bench/bench_diff.py [--repeat N]
Prints the median and worst time of each case. The text comes from bench/generate.py's
syllable bigram model of the sample article: real Vietnamese syllables at their real frequencies.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import TextModel
from newsroom_desktop.core.diff import diff_revisions
from newsroom_desktop.core.documents import Actor, RevisionInfo
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.core.text import word_count, words

TARGET_WORDS = 5000
# Diacritic-only replacements an editor really makes, and ordinary word swaps.
DIACRITIC_SWAPS = {"Đảng": "Đẳng", "của": "cua", "công": "cộng", "tác": "tắc", "và": "va"}


def article_body(model: TextModel) -> list[str]:
    """Return about 5,000 words of generated paragraphs."""
    out: list[str] = []
    while sum(word_count(p) for p in out) < TARGET_WORDS:
        out.append(model.paragraph())
    return out


def edit(rng: random.Random, pars: list[str], fraction: float) -> list[str]:
    """Return an edited copy: ``fraction`` of the words changed, one paragraph moved, cut, added."""
    vocabulary = words(" ".join(pars))
    out = []
    for par in pars:
        tokens = par.split(" ")
        for n, token in enumerate(tokens):
            if rng.random() < fraction:
                tokens[n] = DIACRITIC_SWAPS.get(token, rng.choice(vocabulary))
        out.append(" ".join(tokens))
    moved = out.pop(len(out) // 3)
    out.insert(2 * len(out) // 3, moved)
    del out[len(out) // 2]
    out.insert(len(out) // 4, " ".join(rng.sample(vocabulary, 40)))
    return out


def unrelated(rng: random.Random, pars: list[str], per_paragraph: int) -> list[str]:
    """Return 5,000 words drawn at random from the vocabulary: shares no passage with anything."""
    vocabulary = words(" ".join(pars))
    n = TARGET_WORDS // per_paragraph
    return [" ".join(rng.choices(vocabulary, k=per_paragraph)) + "." for _ in range(n)]


def revision(pars: list[str], number: int) -> RevisionInfo:
    return RevisionInfo(
        id=f"rev-{number}",
        article_id="bench",
        number=number,
        created_at=datetime.now(UTC),
        author="bench",
        reason="save",
        section="",
        headline="Tăng cường sự lãnh đạo của Đảng đối với lực lượng Công an Nhân dân",
        lead="Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo trực tuyến.",
        body="\n\n".join(pars) + "\n",
        byline="Ngọc Hậu",
        language="vi",
        tags=(),
    )


def measure(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    run()  # warm up imports and caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def cases(rng: random.Random, base: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    """Return the pairs of versions to compare, by name."""
    return {
        "realistic edit (2% of words)": (base, edit(rng, base, 0.02)),
        "heavy edit (10% of words)": (base, edit(rng, base, 0.10)),
        "all different, 100-word paragraphs": (
            unrelated(rng, base, 100),
            unrelated(rng, base, 100),
        ),
        "all different, paragraph counts differ": (
            unrelated(rng, base, 100),
            unrelated(rng, base, 70),
        ),
        "all different, one 5,000-word paragraph": (
            unrelated(rng, base, TARGET_WORDS),
            unrelated(rng, base, TARGET_WORDS),
        ),
        "empty against 5,000 words": ([""], base),
        "identical": (base, list(base)),
    }


def through_the_store(old: list[str], new: list[str], repeat: int) -> tuple[float, float]:
    """Time DiffService.compare as the GUI calls it: read both versions, parse, compare."""
    with tempfile.TemporaryDirectory() as folder:
        nr = Newsroom.open(
            Path(folder) / "bench.sqlite", actor=Actor("Ngọc Hậu"), settings=Settings()
        )
        try:
            doc = nr.articles.create({"headline": "Bản tin", "body": "\n\n".join(old)})
            nr.articles.save(doc.id, {"body": "\n\n".join(new)})
            return measure(lambda: nr.diffs.compare(doc.id, 1, "current"), repeat)
        finally:
            nr.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    rng = random.Random(2021)
    base = article_body(TextModel(rng))
    pairs = cases(rng, base)
    print(f"{'case':<42} {'words':>11} {'+/-':>13} {'median':>9} {'max':>9}")
    for name, (old, new) in pairs.items():
        a, b = revision(old, 1), revision(new, 2)
        diff = diff_revisions(a, b)
        median, worst = measure(lambda a=a, b=b: diff_revisions(a, b), args.repeat)
        sizes = f"{word_count(a.body)}/{word_count(b.body)}"
        changes = f"+{diff.added_words}/-{diff.removed_words}"
        print(f"{name:<42} {sizes:>11} {changes:>13} {median:>7.1f}ms {worst:>7.1f}ms")
    median, worst = through_the_store(*pairs["realistic edit (2% of words)"], args.repeat)
    name = "realistic edit, DiffService on a store"
    print(f"{name:<42} {'':>11} {'':>13} {median:>7.1f}ms {worst:>7.1f}ms")
    print("target: two 5,000-word versions compared in <= 100 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
