"""Issue 2 figures: create a 100k store, search latency, list latency, photo ingest rate.

    python bench/bench_store.py [--store bench/out/bench-100k.sqlite] [--count 100000] [--reuse]

Targets on a 2-core machine: search p95 ≤ 20 ms, list ≤ 10 ms, ingest ≥ 10 photos/s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SECTIONS, generate
from newsroom_desktop.core.documents import Actor, ListQuery
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.text import fold, words
from photos import write_photos

OUT = Path(__file__).resolve().parent / "out"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def queries(nr: Newsroom, count: int, rng: random.Random) -> list[str]:
    """Return ``count`` queries of 1–3 consecutive words taken from stored articles."""
    sample = nr.articles.list(limit=2000)
    out = []
    while len(out) < count:
        doc = nr.articles.get(rng.choice(sample).id)
        tokens = [w for w in words(f"{doc.headline} {doc.lead}") if w.isalpha()]
        n = rng.randint(1, 3)
        start = rng.randrange(max(1, len(tokens) - n))
        phrase = " ".join(tokens[start : start + n])
        out.append(fold(phrase) if len(out) % 2 else phrase)
    return out


def timed(fn, repeat: int = 1) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def bench_search(nr: Newsroom, rng: random.Random) -> None:
    qs = queries(nr, 200, rng)
    for q in qs[:10]:  # warm the page cache as a running app would have it
        nr.articles.search(q, limit=50)
    times = [timed(lambda q=q: nr.articles.search(q, limit=50))[0] for q in qs]
    print(
        "search: 200 queries of 1-3 words (half without diacritics): "
        f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, "
        f"max {max(times):.1f} ms"
    )


def bench_list(nr: Newsroom) -> None:
    times = []
    for section in SECTIONS * 4:
        times += timed(lambda s=section: nr.articles.list(ListQuery(section=s), limit=200))
    print(
        f"list: newest 200 of a section: median {statistics.median(times):.2f} ms, p95 {percentile(times, 95):.2f} ms"  # noqa: E501
    )
    times = timed(lambda: nr.articles.list(limit=200), repeat=20)
    print(f"list: newest 200 overall: median {statistics.median(times):.2f} ms")


def bench_ingest(nr: Newsroom, count: int) -> None:
    paths = write_photos(OUT / "photos-24mp", count)
    with tempfile.TemporaryDirectory() as tmp:
        nr2 = Newsroom.open(Path(tmp) / "photos.sqlite", actor=nr.actor)
        doc = nr2.articles.create({"headline": "Ảnh"})
        t0 = time.perf_counter()
        nr2.photos.add(doc.id, paths)
        elapsed = time.perf_counter() - t0
        nr2.close()
    size = sum(p.stat().st_size for p in paths) / len(paths) / 1e6
    print(
        f"ingest: {count} photos of 24 MP ({size:.1f} MB each), metadata + thumbnail + store: {count / elapsed:.1f} photos/s ({elapsed / count * 1000:.0f} ms each)"  # noqa: E501
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=OUT / "bench-100k.sqlite")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--reuse", action="store_true", help="reuse an existing store")
    parser.add_argument("--photos", type=int, default=50)
    args = parser.parse_args()
    args.store.parent.mkdir(parents=True, exist_ok=True)
    if not (args.reuse and args.store.exists()):
        for p in args.store.parent.glob(args.store.name + "*"):
            p.unlink()
        elapsed = generate(args.store, args.count)
        print(
            f"create: {args.count} articles in {elapsed:.1f} s ({args.count / elapsed:.0f} articles/s)"  # noqa: E501
        )
    nr = Newsroom.open(args.store, actor=Actor("Bench Editor", "editor"))
    print(
        f"store: {args.store} ({args.store.stat().st_size / 1e6:.0f} MB, {nr.articles.count()} articles)"  # noqa: E501
    )
    rng = random.Random(11)
    bench_search(nr, rng)
    bench_list(nr)
    bench_ingest(nr, args.photos)
    nr.close()


if __name__ == "__main__":
    main()
