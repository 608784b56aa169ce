"""Issue 19 figure: applying a caption template to 100 photos in one step (target ≤ 1 s).

    python bench/bench_templates.py [--photos 100] [--rounds 7] [--quick]

Makes a fresh store with ``--photos`` distinct small JPEGs taken in (not timed), a template that
sets six fields with variables and a code from a 2,000-code roster, then times rounds of
``photo_templates.apply`` (one unit of work: read the photos, fill each, write the changes), a
batch edit of one field and its undo (``restore``). Prints the median and worst of each; the
target is the template's median ≤ 1 s. --quick: 3 rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_templates import APPEND, CaptionTemplate
from newsroom_desktop.core.settings import Settings

TARGET_S = 1.0


def make_photos(folder: Path, count: int) -> list[Path]:
    files = []
    for n in range(count):
        path = folder / f"DSC_{n:04d}.jpg"
        Image.new("RGB", (64, 48), (n % 256, (n * 7) % 256, (n * 13) % 256)).save(path)
        files.append(path)
    return files


def template() -> CaptionTemplate:
    t = CaptionTemplate(name="Hội nghị")
    for name, value, mode in (
        ("caption", "=ht= phát biểu tại {event}, {city} ngày {date_taken:%d/%m/%Y}", "replace"),
        ("headline", "{event}", "replace"),
        ("credit", "Ảnh: {byline}", "replace"),
        ("city", "Cần Thơ", "replace"),
        ("keywords", "Thành ủy, hội nghị, {city}", APPEND),
        ("alt_text", "Ảnh {seq:03d} ({filename})", "replace"),
    ):
        t = t.with_field(name, value=value, apply=True, mode=mode)
    return t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds = 3 if args.quick else args.rounds
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        nr = Newsroom.open(
            folder / "bench.sqlite", actor=Actor("Ngọc Hậu", "editor"), settings=Settings()
        )
        try:
            article = nr.articles.create({"headline": "Ảnh"})
            files = make_photos(folder, args.photos)
            uses = nr.photos.add(article.id, files, place=False)
            ids = [u.photo_id for u in uses if u.photo_id]
            roster = "".join(f"c{n}\tNgười số {n}, Chức vụ {n}\n" for n in range(2000))
            nr.photo_templates.import_roster(
                (roster + "ht\tTrung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an\n").encode()
            )
            nr.photo_templates.save(template())
            applied, edited, undone = [], [], []
            for n in range(rounds):
                started = time.perf_counter()
                nr.photo_templates.apply("Hội nghị", ids, event=f"Hội nghị Thành ủy lần {n}")
                applied.append(time.perf_counter() - started)
                started = time.perf_counter()
                changes = nr.photo_templates.set_field(ids, "credit", f"Báo {n}")
                edited.append(time.perf_counter() - started)
                started = time.perf_counter()
                nr.photo_templates.restore(changes)
                undone.append(time.perf_counter() - started)
        finally:
            nr.close()
    print(f"photos: {len(ids)}, rounds: {rounds}")
    for label, times in (
        ("apply template", applied),
        ("batch edit 1 field", edited),
        ("undo batch edit", undone),
    ):
        middle, worst = statistics.median(times) * 1000, max(times) * 1000
        print(f"{label:20s} median {middle:7.1f} ms   worst {worst:7.1f} ms")
    median = statistics.median(applied)
    verdict = "meets" if median <= TARGET_S else "MISSES"
    print(f"template on {len(ids)} photos: {median * 1000:.0f} ms, {verdict} the ≤ 1 s target")
    sys.exit(0 if median <= TARGET_S else 1)


if __name__ == "__main__":
    main()
