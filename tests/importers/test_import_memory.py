"""A big pasted text file is parsed in at most ten times its size in memory.

Measured with tracemalloc (every allocation Python makes, not timing), on a real file of
short lines, the shape that cost most per byte: 10 MB once took 3.2 GB to import.
"""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

from newsroom_desktop.importers.registry import parse_file

WORDS = [
    "Người",
    "dân",
    "hai",
    "quận",
    "Ninh",
    "Kiều",
    "và",
    "Cái",
    "Răng",
    "không",
    "còn",
    "phải",
    "đi",
    "phà",
    "sáng",
    "nay",
]
MAX_TIMES_FILE_SIZE = 10


def short_lines_file(path: Path, size: int) -> Path:
    """Write about ``size`` bytes of pasted text: a headline, then lines of 3 to 8 words."""
    rng = random.Random(7)
    lines = ["Tiêu đề bài báo"]
    total = 0
    while total < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))) + "."
        lines.append(line)
        total += len(line.encode()) + 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_short_lines_take_at_most_ten_times_the_file_size(tmp_path: Path):
    path = short_lines_file(tmp_path / "dong-ngan.txt", 1024 * 1024)
    tracemalloc.start()
    try:
        article = parse_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(article.blocks) > 25_000  # every line is kept, one paragraph each
    assert peak < MAX_TIMES_FILE_SIZE * path.stat().st_size, f"{peak / path.stat().st_size:.1f}x"
