"""Run every benchmark in turn and print their figures (make bench).

    python bench/run_all.py [--quick]

The first run generates bench/out/bench-100k.sqlite (100,000 articles, about 10 minutes on
two cores) and bench/out/window-100k.sqlite (the same articles copied in bulk, 2 minutes);
later runs reuse them. The server benches start a throw-away PostgreSQL server each.
--quick skips the slow load run (8 writers for 60 s) and syncs against 2,000 articles, not 10,000.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STORE = HERE / "out" / "bench-100k.sqlite"


# The benches of the figures measured against the native peers (issue 16): their verdict
# lines are printed again together at the end, each with the peer beside ours and the ratio.
PEER_FIGURES = {
    "bench_start.py",
    "bench_search.py",
    "bench_size.py",
    "bench_ingest.py",
    "bench_export_peer.py",
}
VERDICTS = (" ok", " MISSED", "ok |", "MISSED |")
summary: list[str] = []


def run(script: str, *args: str) -> bool:
    print(f"\n== {script} {' '.join(args)}", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    started = time.perf_counter()
    command = [sys.executable, str(HERE / script), *args]
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            if script in PEER_FIGURES and line.rstrip().endswith(VERDICTS):
                summary.append(f"{script:<22} {line.rstrip()}")
    print(f"   ({time.perf_counter() - started:.0f} s, exit {process.returncode})", flush=True)
    return process.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 60-second load run")
    args = parser.parse_args()
    results = [
        run("bench_store.py", *(["--reuse"] if STORE.exists() else [])),
        run("bench_search.py"),
        run("bench_window.py"),
        run("bench_editor.py"),
        run("bench_proofing.py", *(["--quick"] if args.quick else [])),
        run("bench_diff.py"),
        run("bench_track_changes.py", *(["--quick"] if args.quick else [])),
        run("bench_import.py"),
        run("bench_import_bounds.py"),
        run("bench_import_quality.py", *(["--quick"] if args.quick else [])),
        run("bench_export.py"),
        run("bench_export_peer.py"),
        run("bench_server_notify.py"),
        run("bench_server_search.py"),
        run("bench_photo_blobs.py"),
        run("bench_server_desks.py"),
        run("bench_sync.py", *(["--quick"] if args.quick else [])),
        run("bench_window_open.py"),
        run("bench_start.py"),
        run("bench_cli_start.py", *(["--quick"] if args.quick else [])),
        run("bench_size.py", "--store", str(STORE)),
        run("bench_ingest.py"),
        run("bench_crop.py", *(["--quick"] if args.quick else [])),
        run("bench_templates.py", *(["--quick"] if args.quick else [])),
        run("bench_photo_grid.py", *(["--quick"] if args.quick else [])),
    ]
    if not args.quick:
        results.append(run("bench_load.py"))
    print("\n== Figures against the native peers (each bench's verdict lines, as printed above)")
    print("\n".join(summary) or "(none printed)")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
