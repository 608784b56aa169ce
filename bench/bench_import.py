"""Issue 4 figures: import 1,000 pasted-text articles and 200 Word files; articles per second.

    python bench/bench_import.py [--text 1000] [--docx 200] [--keep DIR]

Target on a 2-core machine: text import (parse and store, one transaction each) ≥ 200/s.
Parsing alone is timed too, so that the store's share (fsync per commit) is visible.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from docx import Document
from docx.shared import Inches

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.importers.registry import parse_file
from newsroom_desktop.jobs.imports import import_paths

ROOT = Path(__file__).resolve().parents[1]
TEXT_LAYOUTS = ROOT / "tests" / "data" / "imports" / "text"
TEXTS = [ROOT / "resources" / "samples" / "sample-article.txt", *sorted(TEXT_LAYOUTS.glob("*.txt"))]
PHOTO = ROOT / "tests" / "data" / "photos" / "mei_FujiFilm_FinePixS1Pro_4.jpg"


def write_texts(folder: Path, count: int, rng: random.Random) -> list[Path]:
    """Write ``count`` pasted pages: the six real layouts, each line varied a little."""
    sources = [p.read_text(encoding="utf-8").splitlines() for p in TEXTS]
    paths = []
    for number in range(count):
        lines = list(rng.choice(sources))
        body = [i for i, line in enumerate(lines) if len(line) > 120]
        for index in rng.sample(body, k=min(2, len(body))):
            lines[index] = f"{lines[index]} Bài số {number}, đoạn {index}."
        path = folder / f"bai-{number:04d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_docx(folder: Path, count: int) -> list[Path]:
    """Write ``count`` Word articles, every fourth with a captioned photo."""
    paths = []
    for number in range(count):
        doc = Document()
        doc.add_heading(f"Cầu Ninh Kiều - Cái Răng thông xe, bài số {number}", level=1)
        doc.add_paragraph("Cập nhật lúc 06:59 ngày 07/09/2021")
        doc.add_paragraph(
            "(CT)- Sáng 7/9, UBND TP Cần Thơ khánh thành cầu Ninh Kiều - Cái Răng, công trình "
            "giao thông trọng điểm của thành phố."
        )
        for paragraph in range(6):
            doc.add_paragraph(
                f"Đoạn {paragraph}: người dân hai quận Ninh Kiều và Cái Răng không còn phải "
                "đi phà, thời gian qua sông rút ngắn từ gần một giờ xuống mười phút."
            )
        if number % 4 == 0:
            doc.add_picture(str(PHOTO), width=Inches(2))
            doc.add_paragraph("Cầu nhìn từ trên cao. Ảnh: CHÍ QUỐC", style="Caption")
        doc.add_paragraph("PHƯƠNG NAM")
        path = folder / f"bai-{number:04d}.docx"
        doc.save(str(path))
        paths.append(path)
    return paths


def rate(count: int, seconds: float) -> str:
    return f"{count} in {seconds:.2f} s = {count / seconds:.0f}/s"


def measure(label: str, paths: list[Path], store: Path) -> None:
    started = time.perf_counter()
    for path in paths:
        parse_file(path)
    parsed = time.perf_counter() - started
    newsroom = Newsroom.open(store, actor=Actor("Bench", "editor"))
    try:
        started = time.perf_counter()
        report = import_paths(newsroom, paths)
        imported = time.perf_counter() - started
    finally:
        newsroom.close()
    if report.failed:
        raise SystemExit(f"{label}: {len(report.failed)} failed, e.g. {report.failed[0].error}")
    print(f"{label} parse only:        {rate(len(paths), parsed)}")
    print(f"{label} parse + store:     {rate(len(report.imported), imported)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=int, default=1000)
    parser.add_argument("--docx", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="write the inputs and stores here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = args.keep or Path(tmp)
        (work / "text").mkdir(parents=True, exist_ok=True)
        (work / "docx").mkdir(exist_ok=True)
        texts = write_texts(work / "text", args.text, random.Random(4))
        documents = write_docx(work / "docx", args.docx)
        measure("text", texts, work / "text.sqlite")
        measure("docx", documents, work / "docx.sqlite")


if __name__ == "__main__":
    main()
