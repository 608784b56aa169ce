"""Benchmark the HTML export against cmark: 2,000 articles of ~800 words, whole processes.

Run: .venv/bin/python bench/bench_export_peer.py [--count 2000] [--words 800] [--rounds 5]

Builds (once, under bench/out/) a store of COUNT generated Vietnamese articles (bench/generate.py's
text model, bodies grown to about WORDS words) and the same articles' Markdown, one file each
(headline as a heading, the lead, the body). Then, in interleaved rounds (the order swapped each
round, so the machine's other load falls on both alike):

* the peer: ``cmark`` (Debian's package), one process per file, from a shell loop;
* ours: one ``newsroom export ID... --format html --out DIR`` process for all the articles,
  on a fresh copy of the store (an export records its time in the store).

Each round gives files per second for both and their ratio; the table shows the medians.
Target: ours ≥ 2.0× cmark's files per second. The peer comes from packaging/bench-deps.sh.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import TextModel
from newsroom_desktop.core._writes import create_in
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom

OUT = Path(__file__).resolve().parent / "out"
TARGET_RATIO = 2.0
# The console script `newsroom`, run by this interpreter (and so by its PYTHONPATH).
NEWSROOM = [
    sys.executable,
    "-c",
    "import sys; from newsroom_desktop.cli import main; sys.exit(main())",
]
# One cmark process per file; the name is cut with the shell's own expansion (no extra process).
CMARK_LOOP = 'for f in "$1"/*.md; do b=${f##*/}; cmark "$f" > "$2/${b%.md}.html" || exit 1; done'


def article(model: TextModel, words: int) -> dict[str, object]:
    """Return one generated article whose body has at least ``words`` words."""
    fields = model.article()
    body = str(fields["body"])
    while len(body.split()) < words:
        body += "\n\n" + model.paragraph()
    return {**fields, "body": body}


def build_store(path: Path, count: int, words: int, seed: int = 7) -> None:
    """Create ``count`` articles of about ``words`` words in a new store at ``path``."""
    rng = random.Random(seed)
    model = TextModel(rng)
    reporters = [Actor(model.person(), "reporter") for _ in range(20)]
    tmp = path.with_suffix(".part")
    for leftover in tmp.parent.glob(tmp.name + "*"):
        leftover.unlink()
    newsroom = Newsroom.open(tmp, actor=reporters[0])
    try:
        for start in range(0, count, 500):
            with newsroom.store.write() as session:
                for n in range(start, min(count, start + 500)):
                    newsroom.ctx.actor = reporters[n % len(reporters)]
                    create_in(session, newsroom.ctx, article(model, words))
    finally:
        newsroom.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    tmp.replace(path)


def write_markdown(store: Path, folder: Path) -> list[str]:
    """Write each article of ``store`` as Markdown into ``folder``; return the ids in order."""
    newsroom = Newsroom.open(store, actor=Actor("Bench", "editor"))
    try:
        ids = [summary.id for summary in newsroom.articles.list(limit=10**7)]
        folder.mkdir(parents=True, exist_ok=True)
        for number, doc in enumerate(newsroom.exports.documents(ids)):
            text = f"# {doc.headline}\n\n{doc.lead}\n\n{doc.body}\n"
            (folder / f"{number:05d}.md").write_text(text, encoding="utf-8")
    finally:
        newsroom.close()
    return ids


def prepare(count: int, words: int) -> tuple[Path, Path, list[str]]:
    """Return the store, the Markdown folder and the article ids (made once, then reused)."""
    OUT.mkdir(exist_ok=True)
    store = OUT / f"export-peer-{count}x{words}.sqlite"
    markdown = OUT / f"export-peer-{count}x{words}-md"
    if not store.exists():
        print(f"generating {count} articles of ~{words} words (once) ...", file=sys.stderr)
        build_store(store, count, words)
        shutil.rmtree(markdown, ignore_errors=True)
    # The ids are read again each run: cheap, and never out of step with the store.
    ids = write_markdown(store, markdown)
    return store, markdown, ids


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_cmark(markdown: Path, work: Path) -> tuple[float, float]:
    """Convert every Markdown file with one cmark process each; return (seconds, CPU s)."""
    out = work / "cmark"
    out.mkdir()
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(["sh", "-c", CMARK_LOOP, "sh", str(markdown), str(out)], check=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def time_ours(store: Path, ids: list[str], work: Path) -> tuple[float, float]:
    """Export every article to HTML with one ``newsroom export`` process; (seconds, CPU s)."""
    copy = work / "store.sqlite"
    shutil.copy(store, copy)
    out = work / "ours"
    command = [*NEWSROOM, "--store", str(copy), "--as", "Bench", "--role", "editor"]
    command += ["export", *ids, "--format", "html", "--out", str(out)]
    # An installed app has its bytecode compiled (as bench_start.py); a checkout gets it once.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cpu, start = _children_cpu(), time.perf_counter()
    result = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    elapsed, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"newsroom export failed: {result.stderr.decode(errors='replace')}")
    written = len(list(out.glob("*.html")))
    if written != len(ids):
        raise SystemExit(f"newsroom export wrote {written} pages for {len(ids)} articles")
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--words", type=int, default=800, help="body words (default 800)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    args = parser.parse_args()
    if shutil.which("cmark") is None:
        print("peer missing: cmark is not installed (run packaging/bench-deps.sh as root, "
              "or apt-get install cmark); no ratio to show", file=sys.stderr)  # fmt: skip
        sys.exit(1)
    store, markdown, ids = prepare(args.count, args.words)
    env_note = os.environ.get("PYTHONPATH", "")
    print(f"{len(ids)} articles of ~{args.words} words; PYTHONPATH={env_note or '(none)'}")
    peer_rates: list[float] = []
    our_rates: list[float] = []
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    # Every round's files stay until the end: a round that created its 2,000 files just after
    # the last one's were deleted would pay for that (a file system scans past recently
    # freed inodes to make new ones), which a newsroom exporting into its folder does not.
    scratch = tempfile.TemporaryDirectory(prefix="bench-export-peer-")
    for round_no in range(args.rounds):
        work = Path(scratch.name) / f"round-{round_no}"
        work.mkdir()
        if round_no % 2 == 0:
            peer, ours = time_cmark(markdown, work), time_ours(store, ids, work)
        else:
            ours, peer = time_ours(store, ids, work), time_cmark(markdown, work)
        peer_rates.append(len(ids) / peer[0])
        our_rates.append(len(ids) / ours[0])
        ratios.append(peer[0] / ours[0])
        cpu_ratios.append(peer[1] / ours[1])
        print(
            f"round {round_no + 1}: cmark {peer_rates[-1]:6.0f} files/s ({peer[1]:.1f} CPU s), "
            f"ours {our_rates[-1]:6.0f} files/s ({ours[1]:.1f} CPU s), ratio {ratios[-1]:.2f}×",
            flush=True,
        )
    scratch.cleanup()
    ratio = statistics.median(ratios)
    verdict = "ok" if ratio >= TARGET_RATIO else "MISSED"
    print()
    print(f"{'figure':<44} {'peer (cmark)':>14} {'ours':>12} {'ratio':>7} {'target':>8}  ")
    print(f"{'export ' + str(len(ids)) + ' articles to HTML, whole process':<44} "
          f"{statistics.median(peer_rates):>8.0f} f/s {statistics.median(our_rates):>6.0f} f/s "
          f"{ratio:>6.2f}× {'≥ ' + format(TARGET_RATIO, 'g') + '×':>8}  {verdict}")  # fmt: skip
    print("(medians of the rounds; the ratio is taken inside each round: ours / cmark files/s)")
    # On a shared machine the wall clock mostly measures the others' load; the work itself:
    print(f"CPU seconds (user + system, all processes), cmark / ours: "
          f"{statistics.median(cpu_ratios):.2f}× (median; not the target)")  # fmt: skip
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.exit(0 if ratio >= TARGET_RATIO else 1)


if __name__ == "__main__":
    main()
