"""Issue 16 figures: search as you type beside a raw FTS5 match, and the search index's size.

    python bench/bench_search.py [--store SOURCE]... [--count 10000] [--queries 200] [--rounds 3]

Each SOURCE store (by default a 10,000-article store made here with generate.py, and the shared
100,000-article store when it exists) is copied into bench/out/ first: the copy is what the app
opens (and migrates), never the source. Then, in interleaved rounds, 200 queries as a person
types them (prefixes of 1-3 real words from stored articles, half without diacritics) go to
the app's search (the newest matches ranked, a page of 200) and, as the peer, to the raw FTS5
match of the same expression without ranking (SQLite's newest 200 matches). Each is timed in
wall-clock time and in the thread's CPU time (SQLite runs in the calling thread: CPU time is
what other engineers' benchmarks on the same two cores cannot inflate). The index's size comes
from dbstat before and after the app opened the copy.

Targets: search p95 ≤ 10 ms on a 2-core machine, not growing with the store (the largest
store's CPU p95 ≤ 1.5× the smallest's); the whole store ≤ 2.5× its text (revisions and backups
are another part of issue 16).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from newsroom_desktop.core import search
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.text import fold, words

OUT = Path(__file__).resolve().parent / "out"
PAGE = 200  # the article list's page (ui/article_list.py PAGE_SIZE)
TARGET_P95_MS = 10.0
TARGET_GROWTH = 1.5
TARGET_STORE_RATIO = 2.5
MB = 1e6


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def copy_store(source: Path, label: str) -> Path:
    """Copy a store (and its WAL) into bench/out/; return the copy's path."""
    target = OUT / f"search-copy-{label}.sqlite"
    for old in OUT.glob(target.name + "*"):
        old.unlink()
    shutil.copyfile(source, target)
    for suffix in ("-wal",):
        extra = source.with_name(source.name + suffix)
        if extra.exists():
            shutil.copyfile(extra, target.with_name(target.name + suffix))
    return target


def sizes(path: Path) -> dict[str, Any]:
    """Return the search index's and the whole file's size in MB, and the articles' text."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        fts = con.execute(
            "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'article_search%'"
        ).fetchone()[0]
        content = con.execute(
            "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = 'article_search_content'"
        ).fetchone()[0]
        count = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        text = con.execute(
            "SELECT sum(length(CAST(headline AS BLOB)) + length(CAST(lead AS BLOB))"
            " + length(CAST(body AS BLOB)) + length(CAST(byline AS BLOB))) FROM articles"
        ).fetchone()[0]
    finally:
        con.close()
    return {
        "fts": fts / MB,
        "content": content / MB,
        "file": path.stat().st_size / MB,
        "text": (text or 0) / MB,
        "count": count,
    }


def typed_queries(nr: Newsroom, count: int, rng: random.Random) -> list[str]:
    """Return ``count`` queries as typed: a prefix (2 letters or more) of 1-3 stored words."""
    sample = nr.articles.list(limit=2000)
    out: list[str] = []
    while len(out) < count:
        doc = nr.articles.get(rng.choice(sample).id)
        tokens = [w for w in words(f"{doc.headline} {doc.lead}") if w.isalpha()]
        n = rng.randint(1, 3)
        start = rng.randrange(max(1, len(tokens) - n))
        phrase = " ".join(tokens[start : start + n])
        if len(out) % 2:
            phrase = fold(phrase)
        if len(phrase) < 2:
            continue
        out.append(phrase[: rng.randint(2, len(phrase))])
    return out


def raw_match(con: sqlite3.Connection, query: str) -> None:
    match = search.match_expression(query)
    con.execute(
        f"SELECT rowid FROM {search.SEARCH_TABLE} WHERE {search.SEARCH_TABLE} MATCH ? "
        "ORDER BY rowid DESC LIMIT ?",
        (match, PAGE),
    ).fetchall()


def timed_ms(fn: object, *args: object) -> tuple[float, float]:
    """Return the wall time and this thread's CPU time of a call (SQLite runs in-thread)."""
    t0, c0 = time.perf_counter(), time.thread_time()
    fn(*args)  # type: ignore[operator]
    return (time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000


def measure(path: Path, n_queries: int, rounds: int) -> dict[str, float]:
    """Return p50/p95 of the app's search and of the raw match, over interleaved rounds."""
    nr = Newsroom.open(path, actor=Actor("Bench Editor", "editor"))
    con = sqlite3.connect(path)
    queries = typed_queries(nr, n_queries, random.Random(16))
    for q in queries[:20]:  # warm the page cache as a running app would have it
        nr.articles.search(q, limit=PAGE)
        raw_match(con, q)
    ours: list[tuple[float, float]] = []
    peer: list[tuple[float, float]] = []
    for r in range(rounds):
        for q in queries:
            pair = [
                ("ours", lambda q=q: nr.articles.search(q, limit=PAGE)),
                ("peer", lambda q=q: raw_match(con, q)),
            ]
            for name, fn in pair if r % 2 == 0 else reversed(pair):
                (ours if name == "ours" else peer).append(timed_ms(fn))
    con.close()
    nr.close()
    figures = {}
    for name, times in (("", ours), ("peer_", peer)):
        wall, cpu = [t[0] for t in times], [t[1] for t in times]
        figures[f"{name}p50"] = statistics.median(wall)
        figures[f"{name}p95"] = percentile(wall, 95)
        figures[f"{name}cpu_p50"] = statistics.median(cpu)
        figures[f"{name}cpu_p95"] = percentile(cpu, 95)
    return figures


def row(figure: str, peer: str, ours: str, ratio: str, target: str, ok: bool | None) -> None:
    verdict = "ok/MISSED" if figure == "figure" else "—" if ok is None else "ok" if ok else "MISSED"
    print(f"{figure:<38} {peer:>16} {ours:>12} {ratio:>8} {target:>14} {verdict:>7}")


def sources(args: argparse.Namespace) -> list[tuple[str, Path]]:
    if args.store:
        return [(p.stem, p) for p in args.store]
    small = OUT / f"search-source-{args.count // 1000}k.sqlite"
    if not small.exists():
        print(f"generating {small} ({args.count} articles)…", flush=True)
        generate(small, args.count)
    found = [(f"{args.count // 1000}k", small)]
    big = OUT / "bench-100k.sqlite"
    if big.exists():
        found.append(("100k", big))
    else:
        print("(no 100k store: run bench/bench_store.py first to make one, or give --store)")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, action="append", help="a source store (copied)")
    parser.add_argument("--count", type=int, default=10_000, help="the small store's size")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for label, source in sources(args):
        copy = copy_store(source, label)
        before = sizes(copy)
        t0 = time.perf_counter()
        Newsroom.open(copy, actor=Actor("Bench Editor", "editor")).close()  # migrates
        opened = time.perf_counter() - t0
        after = sizes(copy)
        for backup in (OUT / "backups").glob(f"{copy.stem}-*"):  # the one the migration made
            backup.unlink()
        figures = measure(copy, args.queries, args.rounds)
        label = f"{after['count'] // 1000}k"  # noqa: PLW2901 - named by its size
        results.append((label, before, after, opened, figures))
        print(
            f"{label}: first open (migration) {opened:.1f} s; search index {before['fts']:.0f} MB"
            f" -> {after['fts']:.0f} MB (content copy {before['content']:.0f} -> "
            f"{after['content']:.0f} MB), file {before['file']:.0f} -> {after['file']:.0f} MB"
        )
    print()
    row("figure", "peer", "ours", "ratio", "target", None)
    for label, _before, after, _opened, f in results:
        row(
            f"search as you type p95, {label}",
            f"raw {f['peer_p95']:.2f} ms",
            f"{f['p95']:.2f} ms",
            f"{f['p95'] / f['peer_p95']:.1f}×",
            f"≤ {TARGET_P95_MS:.0f} ms",
            f["p95"] <= TARGET_P95_MS,
        )
        row(
            f"search as you type p50, {label}",
            f"raw {f['peer_p50']:.2f} ms",
            f"{f['p50']:.2f} ms",
            f"{f['p50'] / f['peer_p50']:.1f}×",
            "—",
            None,
        )
        row(
            f"search CPU time p95, {label}",
            f"raw {f['peer_cpu_p95']:.2f} ms",
            f"{f['cpu_p95']:.2f} ms",
            f"{f['cpu_p95'] / f['peer_cpu_p95']:.1f}×",
            f"≤ {TARGET_P95_MS:.0f} ms",
            f["cpu_p95"] <= TARGET_P95_MS,
        )
        row(
            f"search CPU time p50, {label}",
            f"raw {f['peer_cpu_p50']:.2f} ms",
            f"{f['cpu_p50']:.2f} ms",
            f"{f['cpu_p50'] / f['peer_cpu_p50']:.1f}×",
            "—",
            None,
        )
        row(
            f"search index size, {label}",
            f"text {after['text']:.0f} MB",
            f"{after['fts']:.0f} MB",
            f"{after['fts'] / after['text']:.2f}×",
            "—",
            None,
        )
        row(
            f"whole store, {label}",
            f"text {after['text']:.0f} MB",
            f"{after['file']:.0f} MB",
            f"{after['file'] / after['text']:.2f}×",
            f"≤ {TARGET_STORE_RATIO}× text",
            after["file"] / after["text"] <= TARGET_STORE_RATIO,
        )
    if len(results) > 1:
        small, big = results[0][4], results[-1][4]
        growth = big["cpu_p95"] / small["cpu_p95"]
        row(
            f"CPU p95 growth {results[0][0]} -> {results[-1][0]}",
            "—",
            f"{growth:.2f}×",
            "—",
            f"≤ {TARGET_GROWTH}×",
            growth <= TARGET_GROWTH,
        )


if __name__ == "__main__":
    main()
