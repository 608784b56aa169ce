"""Issue 11 figures: one big file of short lines per importer; MB/s and peak memory.

    python bench/bench_import_bounds.py [--mb 10] [--formats text,md,html,docx] [--store]

Each file holds about --mb megabytes of article text in short lines (3 to 8 Vietnamese words,
about 32 bytes), one paragraph a line; "text-tiny" is the worst case, lines of two letters.
Every measurement runs in a fresh child process: the parse (read, decode, parse; what
registry.parse_file does) is timed in CPU seconds (wall seconds too: on a shared machine they
mostly measure the neighbours), with the child's peak resident memory above what it held
before (VmHWM, reset first); a second child gives Python's own allocation peak (tracemalloc,
which slows the run, so it is not timed). With --store the whole import (parse and store in
one transaction, as ``newsroom import`` does) is measured as well.

Targets for pasted text: at least 5 MB/s, peak memory at most 10 times the file size.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document

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
    "thời",
    "gian",
    "qua",
    "sông",
    "rút",
    "ngắn",
    "từ",
    "gần",
    "một",
    "giờ",
    "xuống",
    "mười",
    "phút",
    "cầu",
    "mới",
    "thông",
    "xe",
    "sáng",
    "nay",
]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, path = sys.argv[1], Path(sys.argv[2])
from newsroom_desktop.importers.registry import parse_file
from newsroom_desktop.jobs.imports import import_paths
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
def status_mb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def reset_peak():
    # Linux: "5" resets the peak resident size, so that the imports' own peak is not counted.
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass
if mode == "traced":
    import tracemalloc
    tracemalloc.start()
    parse_file(path)
    print(json.dumps({"traced_mb": tracemalloc.get_traced_memory()[1] / 1048576}))
    sys.exit(0)
newsroom = Newsroom.open(path.with_suffix(".sqlite"), actor=Actor("Bench", "editor"))
reset_peak()
before = status_mb("VmRSS")
started, cpu = time.perf_counter(), time.process_time()
if mode == "parse":
    parse_file(path)
else:
    report = import_paths(newsroom, [path])
    if report.failed:
        sys.exit(f"import failed: {report.failed[0].error}")
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
newsroom.close()
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": status_mb("VmHWM") - before}))
"""


def short_lines(size: int, rng: random.Random) -> list[str]:
    """Return lines of 3 to 8 words adding up to about ``size`` bytes of UTF-8."""
    lines: list[str] = []
    total = 0
    while total < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))) + "."
        lines.append(line)
        total += len(line.encode()) + 1
    return lines


def word_file(lines: list[str]) -> bytes:
    """Return a .docx (python-docx's parts) with one paragraph a line."""
    base = io.BytesIO()
    Document().save(base)
    body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in lines)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
        f'<w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Tiêu đề</w:t></w:r>'
        f"</w:p>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for entry in source.infolist():
            data = (
                document.encode() if entry.filename == "word/document.xml" else source.read(entry)
            )
            dst.writestr(entry.filename, data)
    return out.getvalue()


SUFFIXES = {"text": ".txt", "text-tiny": ".txt", "md": ".md", "html": ".html", "docx": ".docx"}


def make_input(name: str, lines: list[str], size: int) -> bytes:
    """Return the file ``name`` names: the lines as pasted text, Markdown, HTML or Word."""
    if name == "text":
        return ("Tiêu đề bài báo\n" + "\n".join(lines) + "\n").encode()
    if name == "text-tiny":
        return ("Tiêu đề bài báo\n" + "ab\n" * (size // 3)).encode()
    if name == "md":
        return ("---\ntitle: Tiêu đề\n---\n\n" + "\n\n".join(lines) + "\n").encode()
    if name == "html":
        paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in lines)
        page = f"<!doctype html><html lang='vi'><body><h1>Tiêu đề</h1>{paragraphs}</body></html>"
        return page.encode()
    return word_file(lines)


def write_inputs(folder: Path, size: int, formats: list[str]) -> dict[str, Path]:
    """Write one input file per format, each about ``size`` bytes of text."""
    lines = short_lines(size, random.Random(11))
    paths = {}
    for name in formats:
        path = folder / f"{name}{SUFFIXES[name]}"
        path.write_bytes(make_input(name, lines, size))
        paths[name] = path
    return paths


def child(mode: str, path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{path.name} ({mode}): {result.stderr.strip()[-500:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of each file (default 10)")
    parser.add_argument("--formats", default="text,text-tiny,md,html,docx")
    parser.add_argument("--store", action="store_true", help="time the whole import too")
    parser.add_argument("--no-traced", action="store_true", help="skip the tracemalloc runs")
    args = parser.parse_args()
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory(prefix="bench-bounds-") as tmp:
        paths = write_inputs(Path(tmp), int(args.mb * 1048576), formats)
        # Rates and ratios are per MB of the file, except for Word: per MB of its text (the
        # zipped file is a quarter of that).
        text_mb = args.mb
        print("input      MB   mode  MB/s(cpu)  cpu s  wall s  peak RSS  x MB  traced  x MB")
        for name, path in paths.items():
            size = text_mb if name == "docx" else path.stat().st_size / 1048576
            traced = None if args.no_traced else child("traced", path)["traced_mb"]
            for mode in ("parse", "import") if args.store else ("parse",):
                got = child(mode, path)
                memory = (
                    f"{traced:5.0f}MB {traced / size:6.1f}"
                    if traced is not None and mode == "parse"
                    else ""
                )
                print(
                    f"{name:9} {size:5.1f} {mode:>6} {size / got['cpu']:9.2f} "
                    f"{got['cpu']:6.1f} {got['seconds']:7.1f} {got['rss_mb']:7.0f}MB "
                    f"{got['rss_mb'] / size:5.1f} {memory}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
