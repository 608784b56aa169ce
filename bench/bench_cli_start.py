"""What a short `newsroom` command costs before its work: an export of 20 articles, one photo.

    python bench/bench_cli_start.py [--runs 9] [--quick] [--against OTHER/src]

Makes a fresh store of 20 generated articles of ~800 words (bench/generate.py's text model)
and one 24 MP camera JPEG (bench/photos.py, cached in bench/out/), then times whole processes
as a user runs them, each on a fresh copy of the store:

* ``newsroom --store S export <20 ids> --format html --out D``
* ``newsroom --store S photos add ID one.jpg``
* ``newsroom --version``

and prints for each the median wall clock, the median processor time (user + system, every
process of the command: what a busy machine does not inflate) and how many modules the
command imported. With --against, another source tree (main's, say) runs in the same rounds,
interleaved, and the ratio of processor times is printed too. --quick: 3 runs.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import TextModel
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from photos import write_captioned_photos

CLI = "import sys; from newsroom_desktop.cli import main; sys.exit(main())"
COUNTED = "import sys, atexit; atexit.register(lambda: print(len(sys.modules), file=sys.stderr))"
ARTICLES = 20
WORDS = 800
AUTHOR = Actor("Bench", "reporter")


def make_store(path: Path) -> tuple[list[str], str]:
    """Write 20 articles and an empty one for the photo; return their ids."""
    model = TextModel(random.Random(16))
    nr = Newsroom.open(path, actor=AUTHOR)
    try:
        ids = []
        for _ in range(ARTICLES):
            fields = model.article()
            body = str(fields["body"])
            while len(body.split()) < WORDS:
                body += "\n\n" + model.paragraph()
            ids.append(nr.articles.create({**fields, "body": body}).id)
        photo_article = nr.articles.create({"headline": "Ảnh hội nghị"}).id
    finally:
        nr.close()
    return ids, photo_article


def run(src: Path, home: Path, args: list[str]) -> tuple[float, float, int]:
    """Return the wall seconds, processor seconds and modules of one `newsroom ARGS`."""
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode compiled
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", f"{COUNTED}\n{CLI}", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"newsroom {' '.join(args[:3])} failed: {result.stderr.strip()[-400:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, int(result.stderr.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--quick", action="store_true", help="3 runs")
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="app source tree")
    parser.add_argument("--against", type=Path, help="another source tree, run alike")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    trees = {"ours": args.src.resolve()}
    if args.against:
        trees["against"] = args.against.resolve()
    (photo,) = write_captioned_photos(HERE / "out" / "photos-24mp-captioned", 1)
    with tempfile.TemporaryDirectory(prefix="bench-cli-start-") as tmp:
        work = Path(tmp)
        ids, photo_article = make_store(work / "made.sqlite")
        commands = {
            "export 20 articles --format html": ["export", *ids, "--format", "html"],
            "photos add ID one.jpg (24 MP)": ["photos", "add", photo_article, str(photo)],
            "--version": ["--version"],
        }
        figures: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
        for number in range(runs + 1):  # the first round compiles bytecode: not counted
            for name, words in commands.items():
                for who, src in trees.items():
                    home = work / f"{who}-{number}"
                    shutil.rmtree(home, ignore_errors=True)
                    home.mkdir()
                    store = home / "newsroom.sqlite"
                    shutil.copy(work / "made.sqlite", store)
                    out = ["--out", str(home / "out")] if words[0] == "export" else []
                    # As the author of the articles (the photo goes into their own).
                    mine = ["--store", str(store), "--as", AUTHOR.name, "--role", AUTHOR.role]
                    args_ = words if words == ["--version"] else [*mine, *words]
                    figure = run(src, home, [*args_, *out])
                    if number:
                        figures.setdefault((name, who), []).append(figure)
    report(commands, trees, figures, runs)


def report(
    commands: dict[str, list[str]],
    trees: dict[str, Path],
    figures: dict[tuple[str, str], list[tuple[float, float, int]]],
    runs: int,
) -> None:
    print(f"{'command':<36} {'tree':<8} {'wall':>8} {'CPU':>8} {'modules':>8} {'CPU ratio':>10}")
    for name in commands:
        rows = {who: figures[(name, who)] for who in trees}
        cpu = {who: statistics.median(r[1] for r in rows[who]) * 1000 for who in trees}
        for who in trees:
            wall = statistics.median(r[0] for r in rows[who]) * 1000
            modules = rows[who][-1][2]
            ratio = f"{cpu[who] / cpu['against']:.2f}×" if "against" in cpu else ""
            print(f"{name:<36} {who:<8} {wall:>6.0f}ms {cpu[who]:>6.0f}ms {modules:>8} {ratio:>10}")
    against = f"; against = {trees['against']}" if "against" in trees else ""
    print(f"(medians of {runs} runs, interleaved; ours = {trees['ours']}{against})")


if __name__ == "__main__":
    main()
