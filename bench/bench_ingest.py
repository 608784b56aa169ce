"""Issue 16 figure: photo ingest, one `newsroom photos add` call against vipsthumbnail.

    python bench/bench_ingest.py [--rounds 5] [--count 50] [--src DIR]

Makes (once, cached in bench/out/photos-24mp-captioned) 50 camera-like 24 MP JPEGs of about
8 MB with EXIF, IPTC and XMP captions, then runs interleaved rounds, each in alternating order:

* peer: vipsthumbnail (Debian's libvips-tools) making 320 px thumbnails of the 50 files, in 2
  processes of 25 files each (as `xargs -P2 -n25`), and in 1 process for reference;
* ours: one `newsroom photos add ID FILE...` call (metadata, thumbnail, original kept by
  SHA-256, linked into an article) into a fresh store, the whole process timed.

Prints photos/s of each, and the median of the rounds' ratios against vipsthumbnail on 2
processes; the target is ≥ 1.0×. --src runs another source tree's app (e.g. main's) as ours.
Also prints the CPU a photo of each (every process, user + system) and how many cores' worth
of CPU the run could get: on a machine busy with other work, rates follow CPU a photo only.
"""

from __future__ import annotations

import argparse
import os
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

from photos import write_captioned_photos

OUT = HERE / "out"
THUMBNAIL = 320  # as core.photos.thumbnails.DEFAULT_SIZE
TARGET = 1.0
CLI = "import sys; from newsroom_desktop.cli import main; sys.exit(main())"


def children_cpu() -> float:
    """Return the CPU seconds (user + system) of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cores_available() -> float:
    """Return how many cores' worth of CPU this run gets now: CPU-bound work, 1 vs 2 at once."""
    burn = [sys.executable, "-c", "sum(range(30_000_000))"]
    started = time.perf_counter()
    subprocess.run(burn, check=True)
    one = time.perf_counter() - started
    started = time.perf_counter()
    for process in [subprocess.Popen(burn) for _ in range(2)]:
        process.wait()
    return 2 * one / (time.perf_counter() - started)


def vips(files: list[Path], processes: int, out: Path) -> float:
    """Return the seconds vipsthumbnail takes over ``files`` split between ``processes``."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    share = -(-len(files) // processes)
    started = time.perf_counter()
    running = [
        subprocess.Popen(
            ["vipsthumbnail", "-s", str(THUMBNAIL), "-o", f"{out}/%s.jpg[Q=85]"]
            + [str(f) for f in files[i : i + share]]
        )
        for i in range(0, len(files), share)
    ]
    if any(p.wait() for p in running):
        raise SystemExit("vipsthumbnail failed")
    return time.perf_counter() - started


class Ours:
    """Runs the app's command line as a user would, each call in a fresh data folder."""

    def __init__(self, src: Path, work: Path) -> None:
        self.src = src
        self.work = work

    def _run(self, home: Path, *args: str) -> str:
        env = {
            **os.environ,
            "PYTHONPATH": str(self.src),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
        # An installed app has its bytecode compiled (as bench_start.py): a checkout gets it on
        # the first call (the round's `new`), not on every one.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        store = str(home / "newsroom.sqlite")
        command = [sys.executable, "-c", CLI, "--store", store, *args]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode:
            raise SystemExit(f"newsroom {' '.join(args[:2])} failed: {result.stderr.strip()}")
        return result.stdout

    def prepare(self, round_number: int) -> tuple[Path, str]:
        """Make a fresh store with one article; return its folder and the article's id."""
        home = self.work / f"ours-{round_number}"
        shutil.rmtree(home, ignore_errors=True)
        return home, self._run(home, "new", "--headline", "Ảnh hội nghị").strip()

    def add(self, home: Path, article: str, files: list[Path]) -> float:
        """Return the seconds one `photos add` of ``files`` takes."""
        started = time.perf_counter()
        added = self._run(home, "photos", "add", article, *map(str, files)).split()
        elapsed = time.perf_counter() - started
        if len(added) != len(files):
            raise SystemExit(f"photos add printed {len(added)} ids for {len(files)} files")
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="app source tree")
    args = parser.parse_args()
    files = write_captioned_photos(OUT / "photos-24mp-captioned", args.count)
    size = sum(f.stat().st_size for f in files) / len(files) / 2**20
    for f in files:
        f.read_bytes()  # in the page cache for every contender alike
    peer = shutil.which("vipsthumbnail")
    if peer is None:
        print("PEER MISSING: vipsthumbnail; install libvips-tools (packaging/bench-deps.sh)")
    print(f"{len(files)} JPEGs of 6000x4000 px, {size:.1f} MiB each; cores: {os.cpu_count()}")
    rates: dict[str, list[float]] = {"vips2": [], "vips1": [], "ours": []}
    cpu: dict[str, list[float]] = {"vips2": [], "vips1": [], "ours": []}
    ratios = []
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        work = Path(tmp)
        ours = Ours(args.src.resolve(), work)
        for number in range(args.rounds):
            order = ["ours", "vips2", "vips1"] if number % 2 else ["vips2", "vips1", "ours"]
            for who in order:
                if who != "ours" and peer is None:
                    continue
                home, article = ours.prepare(number) if who == "ours" else (work, "")
                before = children_cpu()
                if who == "ours":
                    seconds = ours.add(home, article, files)
                    shutil.rmtree(home)
                else:
                    seconds = vips(files, 2 if who == "vips2" else 1, work / "vips")
                rates[who].append(len(files) / seconds)
                cpu[who].append((children_cpu() - before) / len(files) * 1000)
            if peer is not None:
                ratios.append(rates["ours"][-1] / rates["vips2"][-1])
            line = ", ".join(f"{k} {v[-1]:.1f}/s" for k, v in rates.items() if v)
            print(f"round {number + 1}: {line}", flush=True)
    report(rates, ratios, cpu)
    cores = cores_available()
    print(f"CPU this run could use at the end: {cores:.1f} of {os.cpu_count()} cores", end="")
    print(" (a busy machine: rates follow CPU a photo, not parallelism)" if cores < 1.6 else "")
    sys.exit(0 if peer is not None else 1)


def report(rates: dict[str, list[float]], ratios: list[float], cpu: dict[str, list[float]]) -> None:
    ours = statistics.median(rates["ours"])
    print()
    print(f"{'figure':<44} {'peer':>16} {'ours':>10} {'ratio':>7} {'target':>7}  result")
    if not ratios:
        print(f"{'photo ingest, 24 MP JPEG (one call)':<44} {'(missing)':>16} {ours:>8.1f}/s")
        return
    ratio = statistics.median(ratios)
    peer = statistics.median(rates["vips2"])
    verdict = "ok" if ratio >= TARGET else "MISSED"
    print(
        f"{'photo ingest, 24 MP JPEG (one call)':<44} {peer:>9.1f}/s (2p) {ours:>8.1f}/s "
        f"{ratio:>6.2f}× {TARGET:>6.1f}×  {verdict}"
    )
    print(
        f"(vipsthumbnail in 1 process: {statistics.median(rates['vips1']):.1f}/s; ratio is the "
        f"median of {len(ratios)} rounds' ours / vipsthumbnail on 2 processes)"
    )
    print(
        "CPU a photo (user + system, every process; the whole command for ours): vipsthumbnail "
        f"{statistics.median(cpu['vips2']):.0f} ms, ours {statistics.median(cpu['ours']):.0f} ms"
    )


if __name__ == "__main__":
    main()
