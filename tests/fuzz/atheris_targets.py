"""Coverage-guided fuzzing with atheris (libFuzzer) of the importers and the photo reader.

    pip install atheris   # a wheel for CPython 3.11 on x86-64 Linux
    python tests/fuzz/atheris_targets.py TARGET [libFuzzer options...]

TARGET is one of text, html, md, docx, photo. The real samples under tests/data seed the
corpus. An input that raises anything but a NewsroomError (or runs past -timeout) is a crash:
libFuzzer stops and writes it to ``crash-<hash>`` to turn into a test. Example:

    python tests/fuzz/atheris_targets.py html -atheris_runs=200000 -timeout=10
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from newsroom_desktop.core.errors import NewsroomError
    from newsroom_desktop.core.photos import read_metadata
    from newsroom_desktop.importers.registry import parse_file

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEEDS = {
    "text": [
        ROOT / "resources" / "samples" / "sample-article.txt",
        *(DATA / "imports" / "text").glob("*"),
    ],
    "html": list((DATA / "imports" / "html").glob("*.html")),
    "md": list((DATA / "imports" / "markdown").rglob("*.md")),
    "docx": list((DATA / "imports" / "docx").glob("*.docx")),
    "photo": list((DATA / "photos").glob("*.jpg")),
}
SUFFIX = {"text": ".txt", "html": ".html", "md": ".md", "docx": ".docx", "photo": ".jpg"}


def make_target(kind: str, folder: Path):
    path = folder / f"input{SUFFIX[kind]}"

    def run(data: bytes) -> None:
        path.write_bytes(data)
        try:
            if kind == "photo":
                read_metadata(path)
            else:
                parse_file(path, kind)
        except NewsroomError:
            pass  # a clear refusal is a correct outcome

    return run


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in SEEDS:
        raise SystemExit(f"usage: atheris_targets.py {{{','.join(SEEDS)}}} [libFuzzer options]")
    kind = sys.argv.pop(1)
    work = Path(tempfile.mkdtemp(prefix=f"fuzz-{kind}-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for seed in SEEDS[kind]:
        if seed.is_file():
            shutil.copy(seed, corpus / seed.name)
    args = [sys.argv[0], *sys.argv[1:], str(corpus)]
    atheris.Setup(args, make_target(kind, work))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
