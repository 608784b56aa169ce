"""Issue 8 load figures: a 100,000-article store with 20,000 photos, and 8 concurrent writers.

    python bench/bench_load.py [--source bench/out/bench-100k.sqlite] [--photos 20000]
                               [--writers 8] [--seconds 60] [--reuse]

Works on a copy (bench/out/bench-load.sqlite; the source store is only read) and prints:
list, search and autosave (a 20,000-word article) figures with the earlier issues' targets,
cold start with the backup check, an automatic backup, change polling, the store check,
and 8 `newsroom` writer processes for 60 s: every write committed or reported failed.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from PIL import Image
from sqlalchemy import select

from bench_store import bench_list, bench_search, percentile
from generate import generate
from newsroom_desktop.core._writes import link_photo, photo_row
from newsroom_desktop.core.backups import backup_due, make_backup
from newsroom_desktop.core.documents import Actor, ListQuery
from newsroom_desktop.core.health import missing_originals
from newsroom_desktop.core.models import Article, utcnow
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photos import ingest_file
from newsroom_desktop.core.safety_records import AUTO
from newsroom_desktop.core.store import backup_file
from newsroom_desktop.core.watch import StoreWatcher, changed_since

OUT = ROOT / "bench" / "out"
ACTOR = Actor("Bench Editor", "editor")
SAMPLE = ROOT / "resources" / "samples" / "sample-article.txt"


def prepare(source: Path, dest: Path, reuse: bool, count: int) -> None:
    """Copy the 100k store (read only, with the backup API) or generate one."""
    if reuse and dest.exists():
        return
    for old in dest.parent.glob(dest.name + "*"):
        old.unlink()
    t0 = time.perf_counter()
    if source.exists():
        backup_file(source, dest)
        print(f"copy: {source.name} -> {dest.name} in {time.perf_counter() - t0:.1f} s")
    else:
        generate(dest, count)
        print(f"create: {count} articles in {time.perf_counter() - t0:.1f} s")


def _tiny_jpeg(folder: Path, n: int) -> Path:
    rng = random.Random(n)
    image = Image.new("RGB", (64, 48), tuple(rng.randrange(256) for _ in range(3)))
    image.putpixel((n % 64, n // 64 % 48), (n % 251, n // 251 % 251, 9))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path = folder / f"p{n:05d}.jpg"
    path.write_bytes(buffer.getvalue())
    return path


def add_photos(nr: Newsroom, count: int) -> None:
    """Ingest ``count`` small distinct JPEGs (real files); link two to each of count/2 articles."""
    with nr.store.read() as session:
        have = session.scalar(select(Article.id).join(Article.photo_links).limit(1))
    if have is not None:
        print("photos: already added")
        return
    t0 = time.perf_counter()
    ingested = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(count):
            ingested.append(ingest_file(_tiny_jpeg(Path(tmp), n), nr.photos.originals_dir))
    t1 = time.perf_counter()
    ids = [s.id for s in nr.articles.list(limit=count // 2)]
    for start in range(0, len(ids), 1000):
        with nr.store.write() as session:
            for k, article_id in enumerate(ids[start : start + 1000]):
                article = session.get_one(Article, article_id)
                for item in ingested[(start + k) * 2 : (start + k) * 2 + 2]:
                    link_photo(article, photo_row(session, item))
    print(
        f"photos: {count} ingested in {t1 - t0:.0f} s, linked to {len(ids)} articles in "
        f"{time.perf_counter() - t1:.0f} s"
    )


def bench_autosave(nr: Newsroom, saves: int = 40) -> None:
    """Autosave a 20,000-word article: each save appends a sentence (as typing does)."""
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    body, words = [], 0
    while words < 20_000:
        para = paragraphs[len(body) % len(paragraphs)]
        body.append(para)
        words += len(para.split())
    text = "\n\n".join(body)
    doc = nr.articles.create({"headline": "Bài dài 20.000 chữ", "body": text})
    times = []
    for n in range(saves):
        text += f" Thêm câu {n}."
        t0 = time.perf_counter()
        doc = nr.articles.save(doc.id, {"body": text}, expected_version=doc.version,
                               reason="autosave").article  # fmt: skip
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"autosave: {doc.word_count} words, {saves} saves: "
        f"median {statistics.median(times):.1f} ms, "
        f"p95 {percentile(times, 95):.1f} ms (off the GUI thread)"
    )


def bench_start_and_backup(store: Path) -> None:
    t0 = time.perf_counter()
    nr = Newsroom.open(store, actor=ACTOR)
    due = backup_due(nr.store.location)
    nr.articles.list(ListQuery(), limit=200)
    start = (time.perf_counter() - t0) * 1000
    print(f"start: open + backup check (due={due}) + first list page: {start:.0f} ms")
    t0 = time.perf_counter()
    info = make_backup(nr.store, AUTO)
    print(
        f"backup: {info.size / 1e9:.2f} GB, {info.article_count} articles in "
        f"{time.perf_counter() - t0:.1f} s (the GUI runs it on a worker thread)"
    )
    t0 = time.perf_counter()
    again = backup_due(nr.store.location)
    print(f"backup check when not due: {(time.perf_counter() - t0) * 1000:.2f} ms (due={again})")
    info.path.unlink()
    nr.close()


def bench_changes(nr: Newsroom) -> None:
    watcher = StoreWatcher(nr.store)
    t0 = time.perf_counter()
    for _ in range(1000):
        watcher.poll()
    quiet = (time.perf_counter() - t0) * 1000 / 1000
    since = utcnow()
    nr.articles.create({"headline": "Vừa sửa"})
    t0 = time.perf_counter()
    changes = watcher.poll()
    busy = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    changed_since(nr.store, since)
    query = (time.perf_counter() - t0) * 1000
    watcher.close()
    found = len(changes.articles) if changes else 0
    print(
        f"changes: poll with nothing changed {quiet * 1000:.0f} µs; poll after a commit "
        f"{busy:.1f} ms ({found} article(s)); changed_since query {query:.1f} ms"
    )


def bench_check(nr: Newsroom) -> None:
    t0 = time.perf_counter()
    missing = missing_originals(nr.store)
    print(f"check: photo originals of the whole store checked in {time.perf_counter() - t0:.2f} s "
          f"({len(missing)} missing)")  # fmt: skip


def bench_writers(store: Path, writers: int, seconds: float) -> None:
    from tests.faults.test_two_writers import run_writers

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        counts = run_writers(store, Path(tmp), seconds, writers)
        elapsed = time.perf_counter() - t0
    print(
        f"writers: {writers} newsroom processes for {seconds:.0f} s on this store: "
        f"{counts['tried']} writes, {counts['committed']} committed and found in the store, "
        f"{counts['failed']} reported failed (exit 1, one line), 0 lost "
        f"({counts['committed'] / seconds:.1f} commits/s; {elapsed:.0f} s with start-up and check)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=OUT / "bench-100k.sqlite")
    parser.add_argument("--store", type=Path, default=OUT / "bench-load.sqlite")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--photos", type=int, default=20_000)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--reuse", action="store_true", help="reuse bench-load.sqlite as it is")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    prepare(args.source, args.store, args.reuse, args.count)
    nr = Newsroom.open(args.store, actor=ACTOR)
    add_photos(nr, args.photos)
    with nr.store.read() as session:
        from sqlalchemy import func

        from newsroom_desktop.core.models import Photo

        photos = session.scalar(select(func.count()).select_from(Photo))
    print(
        f"store: {args.store.stat().st_size / 1e9:.2f} GB, {nr.articles.count()} articles, "
        f"{photos} photos"
    )
    rng = random.Random(11)
    bench_list(nr)
    bench_search(nr, rng)
    bench_autosave(nr)
    bench_changes(nr)
    bench_check(nr)
    nr.close()
    bench_start_and_backup(args.store)
    bench_writers(args.store, args.writers, args.seconds)
    print("targets (issues 2 and 5): list ≤ 10 ms, search p95 ≤ 20 ms, cold start ≤ 1.0 s")


if __name__ == "__main__":
    main()
