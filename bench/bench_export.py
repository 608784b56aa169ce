"""Benchmark exports: articles per second to HTML and Markdown, web renditions per second.

Run: .venv/bin/python bench/bench_export.py [--count 10000] [--photos 50]
Builds (once, under bench/out/) a store of COUNT generated Vietnamese articles and 24-megapixel
photo-like JPEGs, then times:

* ``export_many`` to HTML and to Markdown, end to end: read each article, check it, render,
  write the file, record the export time (target for HTML: ≥ 500 articles/s);
* the same with ``preview`` on (no store write per article), to show the recording's share;
* web renditions of the photos (1600 px, sRGB, caption fields written in) through the
  exporters' ``write_images``, as the package and the HTML page make them (one per core).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PIL import Image

from generate import generate
from newsroom_desktop.core.documents import Actor, ArticleDoc, PhotoUse
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.images import write_images
from newsroom_desktop.jobs.exports import export_many
from photos import write_photos

OUT = Path(__file__).resolve().parent / "out"
TARGET_HTML = 500


def store_with(count: int) -> Path:
    """Return a store of ``count`` generated articles (made once, then reused)."""
    path = OUT / f"bench-export-{count}.sqlite"
    if not path.exists():
        print(f"generating {count} articles (once) ...", file=sys.stderr)
        generate(path, count)
    return path


def time_export(store: Path, fmt: str, *, preview: bool) -> tuple[int, float]:
    """Export every article of ``store`` as ``fmt`` into a temp folder; return (count, seconds)."""
    newsroom = Newsroom.open(store, actor=Actor("Bench", "editor"))
    try:
        ids = [summary.id for summary in newsroom.articles.list(limit=10**7)]
        with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
            start = time.perf_counter()
            report = export_many(
                newsroom, ids, fmt, Path(tmp), options=ExportOptions(preview=preview)
            )
            elapsed = time.perf_counter() - start
        failed = len(report.failed)
        if failed:
            raise SystemExit(f"{failed} articles failed to export as {fmt}")
        return len(report.results), elapsed
    finally:
        newsroom.close()


def photo_article(photos: list[Path]) -> ArticleDoc:
    """Return an article using ``photos`` with captions, as the store would hand it out."""
    with Image.open(photos[0]) as first:
        width, height = first.size
    uses = tuple(
        PhotoUse(
            id=f"{n:08d}-0000-4000-8000-000000000000", photo_id=str(n), position=n,
            caption="Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ.",
            credit="Ảnh: Ngọc Hậu", alt_text="Hội trường điểm cầu, đại biểu theo dõi màn hình",
            is_lead=n == 0, placed=True, description="", headline="", creator="", copyright="",
            file_credit="", file_alt_text="", keywords=(), width=width, height=height,
            format="JPEG", orientation=1, taken_at="", camera="", sha256="",
            original_filename=path.name, file=path,
        )
        for n, path in enumerate(photos)
    )  # fmt: skip
    when = datetime(2021, 9, 7, tzinfo=UTC)
    return ArticleDoc(
        id="bench", section="", headline="Tăng cường sự lãnh đạo của Đảng", lead="", body="",
        byline="Ngọc Hậu", language="vi", slug="bench", status="draft", tags=(), owner="",
        word_count=0, version=1, created_at=when, updated_at=when, published_at=None,
        exported_at=None, deleted_at=None, photos=uses,
    )  # fmt: skip


def time_renditions(count: int) -> tuple[int, float]:
    """Write captioned web renditions of ``count`` 24 MP JPEGs as an export does; (count, s)."""
    doc = photo_article(write_photos(OUT / "photos-24mp", count))
    with tempfile.TemporaryDirectory(prefix="bench-renditions-") as tmp:
        start = time.perf_counter()
        written = write_images(doc, Path(tmp), ExportOptions())
        elapsed = time.perf_counter() - start
    assert len(written) == count
    return count, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="articles (default 10000)")
    parser.add_argument("--photos", type=int, default=50, help="24 MP photos (default 50)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source = store_with(args.count)
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        # Exports record their time in the store: work on a copy so every run starts alike.
        store = Path(tmp) / "store.sqlite"
        shutil.copy(source, store)
        for fmt in ("html", "md"):
            for preview in (False, True):
                count, elapsed = time_export(store, fmt, preview=preview)
                mode = "preview (no recording)" if preview else "recorded"
                print(f"export {fmt:<4} {mode:<24} {count} articles in {elapsed:6.1f} s: "
                      f"{count / elapsed:7.0f} articles/s")  # fmt: skip
    count, elapsed = time_renditions(args.photos)
    print(f"web renditions of {count} 24 MP JPEGs in {elapsed:.1f} s: "
          f"{count / elapsed:.2f} photos/s ({elapsed / count * 1000:.0f} ms each)")  # fmt: skip
    print(f"target: HTML ≥ {TARGET_HTML} articles/s")


if __name__ == "__main__":
    main()
