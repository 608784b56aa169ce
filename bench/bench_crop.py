"""Issue 19 figure: rendering a cropped 24 MP photo for the web (target ≤ 200 ms).

    python bench/bench_crop.py [--quick] [--rounds 7]

Makes (once, cached in bench/out/photos-24mp-captioned, shared with bench_ingest) a camera-like
24 MP JPEG of about 8 MB with EXIF, IPTC and XMP, then times write_rendition as an export
calls it (decode, crop, turn, straighten, resize to the 1600 px web size, sRGB, encode, caption
fields written, atomic write) for the crops an editor makes, and for the whole photo without a
recipe for reference. Prints the median, best and worst wall time of each, and the median CPU
time (with djpeg's, where it decodes a region): on a machine busy with other work the wall time
grows, the CPU time much less. The load average is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from newsroom_desktop.core.photos.recipe import Recipe
from newsroom_desktop.core.photos.rendition import write_rendition
from photos import write_captioned_photos

OUT = HERE / "out"
TARGET_MS = 200.0
CASES: list[tuple[str, Recipe | None]] = [
    ("16:9, most of the frame", Recipe(crop=(400, 600, 5200, 2925), aspect="16:9")),
    ("3:2, straightened 2.5°", Recipe(crop=(600, 500, 4500, 3000), aspect="3:2", straighten=2.5)),
    ("1:1, a face (1800 px)", Recipe(crop=(2600, 900, 1800, 1800), aspect="1:1")),
    ("4:3 turned a quarter", Recipe(crop=(200, 400, 3600, 4800), quarter_turns=1)),
    ("whole photo, no recipe", None),
]


def _cpu() -> float:
    """Return the CPU seconds of this process and of the djpeg runs it waited for."""
    spent = os.times()
    return time.process_time() + spent.children_user + spent.children_system


def time_case(original: Path, dest: Path, recipe: Recipe | None, rounds: int) -> list[float]:
    """Return (wall ms, CPU ms) of each round of one rendition."""
    times = []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), _cpu()
        write_rendition(
            original,
            dest,
            caption="Đại biểu tham dự tại điểm cầu Thành ủy Cần Thơ.",
            credit="Ảnh: Ngọc Hậu",
            creator="Ngọc Hậu",
            copyright="© 2021 Báo Cần Thơ",
            alt_text="Đại biểu ngồi trong hội trường",
            recipe=recipe,
        )
        times.append(((time.perf_counter() - wall) * 1000, (_cpu() - cpu) * 1000))
    return [w for w, _ in times] + [c for _, c in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="3 rounds a case")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    rounds = 3 if args.quick else args.rounds
    (original,) = write_captioned_photos(OUT / "photos-24mp-captioned", 1)
    print(f"original: {original.name}, {original.stat().st_size / 1e6:.1f} MB, 6000 × 4000")
    worst_median = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-crop-") as tmp:
        dest = Path(tmp) / "out.jpg"
        time_case(original, dest, CASES[0][1], 1)  # warm up: ICC profile, imports
        for name, recipe in CASES:
            figures = time_case(original, dest, recipe, rounds)
            wall, cpu = figures[:rounds], figures[rounds:]
            median = statistics.median(wall)
            if recipe is not None:
                worst_median = max(worst_median, median)
            print(
                f"{name:<26} median {median:5.0f} ms  best {min(wall):5.0f} ms  "
                f"worst {max(wall):5.0f} ms  CPU median {statistics.median(cpu):4.0f} ms"
            )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    verdict = "met" if worst_median <= TARGET_MS else "MISSED"
    target = f"target ≤ {TARGET_MS:.0f} ms {verdict}"
    print(f"cropped renditions: slowest median {worst_median:.0f} ms; {target}")


if __name__ == "__main__":
    main()
