"""Opening the window on a 100k newsroom server against a 100k store file: within 1.5×.

    QT_QPA_PLATFORM=offscreen python bench/bench_window_open.py
        [--store bench/out/window-100k.sqlite] [--count 100000] [--runs 5]

Each run is a new process, timed from its start to the window shown with its list filled
(the app's --exit-when-shown): on the store file (filled with the generated articles if
missing), then on a throw-away server holding the same (bench_server_search's fill), signed
in as a person with their own login. Target: the server's median within 1.5× the file's.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.5


def cold_starts(store: str, runs: int, home: Path) -> list[float]:
    """Return the milliseconds of ``runs`` starts of the app on ``store``, to the window shown."""
    # A folder of its own for settings and the keyring: no saved server or profile interferes.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    env.pop("NEWSROOM_STORE", None)
    command = [sys.executable, "-m", "newsroom_desktop.app", "--store", store]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*command, "--no-sample", "--exit-when-shown"], env=env, check=True)
        times.append((time.perf_counter() - started) * 1000)
    return times


def fill_store(path: Path, count: int, batch: int = 2000) -> float:
    """Copy ``count`` generated articles into a new store file, as fill() does on a server.

    The same articles as the server gets (same seed, same rows), inserted in bulk rather than
    saved one by one (bench_store.py's way takes most of an hour on a loaded machine).
    """
    from sqlalchemy import text

    from bench_server_search import ARTICLE_COLUMNS, _rows
    from generate import PLACES, SECTIONS, TOPICS, TextModel, make_batch
    from newsroom_desktop.core.documents import Actor
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.text import fold

    started = time.perf_counter()
    nr = Newsroom.open(path, actor=Actor("Bench", "editor"))  # made and migrated by the app
    model = TextModel(random.Random(7))
    names = {
        "sections": SECTIONS,
        "people": sorted({model.person() for _ in range(40)}),
        "tags": sorted(set(PLACES + TOPICS)),
    }
    refs = {table: {name: str(uuid.uuid4()) for name in rows} for table, rows in names.items()}
    columns = [c.strip() for c in ARTICLE_COLUMNS.split(",")]
    insert_article = text(
        f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join(':' + c for c in columns)})"
    )
    with nr.store.write() as session:
        for table, ids in refs.items():
            extra = {"sections": ", created_at", "people": ", created_at, role", "tags": ""}[table]
            values = {"sections": ", :at", "people": ", :at, 'reporter'", "tags": ""}[table]
            session.execute(
                text(f"INSERT INTO {table} (id, name{extra}) VALUES (:id, :name{values})"),
                [{"id": i, "name": n, "at": "2021-01-01 00:00:00.000000"} for n, i in ids.items()],
            )
        for index in range((count + batch - 1) // batch):
            articles = make_batch((7, index, min(batch, count - index * batch)))
            rows, tag_rows = _rows(articles, index * batch, refs)
            session.execute(insert_article, [_sqlite_row(columns, row) for row in rows])
            session.execute(
                text("INSERT INTO article_tags (article_id, tag_id) VALUES (:a, :t)"),
                [{"a": a, "t": t} for a, t in tag_rows],
            )
            session.execute(
                text(
                    "INSERT INTO article_search (rowid, headline, lead, body, byline, captions, "
                    "tags) VALUES (:n, :headline, :lead, :body, :byline, '', :tags)"
                ),
                [
                    _search_row(fold, row, fields)
                    for row, fields in zip(rows, articles, strict=True)
                ],
            )
            print(f"\r{index * batch + len(rows)}/{count} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    nr.close()
    return time.perf_counter() - started


def _sqlite_row(columns: list[str], row: tuple) -> dict:
    # SQLite keeps times as naive UTC text, as the app's UTCDateTime writes them.
    values = dict(zip(columns, row, strict=True))
    for name in ("created_at", "updated_at"):
        values[name] = values[name].astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return values


def _search_row(fold, row: tuple, fields: dict) -> dict:
    # Folded as the app indexes them (the body as Markdown: its marks fall away as punctuation).
    return {
        "n": row[1],
        "headline": fold(fields["headline"]),
        "lead": fold(fields["lead"]),
        "body": fold(fields["body"]),
        "byline": fold(fields["byline"]),
        "tags": fold(" ".join(fields["tags"])),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=HERE / "out" / "window-100k.sqlite")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--url", help="a server database filled by bench_server_search (reused)")
    args = parser.parse_args()
    if not args.store.exists():
        args.store.parent.mkdir(parents=True, exist_ok=True)
        print(f"fill: {args.count} articles in {fill_store(args.store, args.count):.0f} s")
    from bench_server_search import fill
    from server_db import newsroom_database, pg

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        copy = home / args.store.name
        shutil.copy(args.store, copy)  # the figures must not change the shared bench store
        local = cold_starts(str(copy), args.runs, home)
        server_db = contextlib.nullcontext(args.url) if args.url else newsroom_database()
        with server_db as url:
            if not args.url:
                print(f"fill: {args.count} articles in {fill(url, args.count):.0f} s", flush=True)
            person = pg.person_url(url, f"Biên tập viên {os.getpid()}", "editor")
            server = cold_starts(person, args.runs, home)
    ratio = statistics.median(server) / statistics.median(local)
    for name, times in (("store file", local), ("server", server)):
        print(
            f"window shown, list filled ({name}, {args.count} articles): median "
            f"{statistics.median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f} "
            f"over {args.runs} runs"
        )
    verdict = "ok" if ratio <= TARGET_RATIO else f"MISSES the {TARGET_RATIO:g}× target"
    print(f"server / store file: {ratio:.2f}× ({verdict})")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.exit(0 if ratio <= TARGET_RATIO else 1)


if __name__ == "__main__":
    main()
