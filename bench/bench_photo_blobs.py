"""Issue 13 figures: a large photo original into a newsroom server and out to another desk.

    python bench/bench_photo_blobs.py [--megapixels 24]

Starts a throw-away PostgreSQL server (tests/pg.py), adds one noisy camera-sized JPEG from
desk A (stored in photo_blobs in the linking transaction), then fetches it on desk B (a fresh
cache: streamed a chunk at a time and hash-checked), and again from B's cache after it opens
the server again (hashed once) and after that (not hashed). Prints times
and the peak Python memory of each step (tracemalloc): the download stays near two chunks
whatever the photo's size, the upload holds the photo once.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image
from tests import pg

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_checks import original_file

DESK_A = Actor("Bench", "reporter")
DESK_B = Actor("Bench Hai", "reporter")


def noisy_jpeg(path: Path, megapixels: int) -> Path:
    width = int((megapixels * 1_000_000 * 3 / 2) ** 0.5)
    height = width * 2 // 3
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(
        path, "JPEG", quality=90
    )
    return path


def measured(label: str, fn: Callable[[], Any]) -> Any:
    tracemalloc.start()
    started = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - started
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<34} {elapsed * 1000:8.0f} ms   peak Python memory {peak / 2**20:6.1f} MiB")
    return result


def desk(url: str, home: Path, name: str) -> Newsroom:
    os.environ["XDG_CACHE_HOME"] = str(home / name / "cache")
    os.environ["XDG_DATA_HOME"] = str(home / name / "data")
    return Newsroom.open(url)  # signed in with the person's own login


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megapixels", type=int, default=24)
    args = parser.parse_args()
    server = pg.start_server()
    try:
        template = pg.make_template(server)
        with tempfile.TemporaryDirectory() as tmp, pg.database(server, template) as url:
            home = Path(tmp)
            photo = noisy_jpeg(home / "DSC_0001.jpg", args.megapixels)
            print(f"photo: {args.megapixels} Mpx JPEG, {photo.stat().st_size / 2**20:.1f} MiB")
            url_a, url_b = (pg.person_url(url, p.name, p.role) for p in (DESK_A, DESK_B))
            a = desk(url_a, home, "a")
            doc = a.articles.create({"headline": "Ảnh lớn"})
            measured("desk A: add (ingest + upload)", lambda: a.photos.add(doc.id, [photo]))
            a.close()
            b = desk(url_b, home, "b")
            (use,) = b.articles.get(doc.id).photos
            measured("desk B: first use (download)", lambda: original_file(use))
            b.close()
            b = desk(url_b, home, "b")  # opened again: its cache is checked once by hash
            measured("desk B reopened: cache, hashed", lambda: original_file(use))
            measured("desk B: later uses (cache)", lambda: original_file(use))
            b.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
