"""Start-up against ghostwriter: launch to the first mapped window, and the CLI's own start.

    python bench/bench_start.py [--store bench/out/bench-100k.sqlite] [--rounds 9]
        [--also bench/out/bench-10k.sqlite ...] [--cli-runs 9]

Under a private Xvfb, each round launches `newsroom-desktop --store COPY` and `ghostwriter
FILE.md` (a generated 5,000-word Markdown file) one after the other, each timed from the launch
to the first top-level window mapped on the display (X11 MapNotify, watched on the root window,
not polled), then killed. The ratio is taken inside each round and its median printed. The
store is copied first (opening a store may migrate it). Every --also store is measured the same
way, so that start-up can be seen not to grow with the store. Then the wall clock of whole
`newsroom --version` and `newsroom list` processes on the copy, ``--cli-runs`` each.

Targets: our start ≤ 1.0× ghostwriter's; `newsroom --version` ≤ 150 ms; `newsroom list` on
100k ≤ 250 ms. Peers come from Debian (packaging/bench-deps.sh); a missing one is named and
its figure skipped.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import random
import resource
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

START_TARGET = 1.0  # our start over ghostwriter's
VERSION_TARGET_MS = 150.0
LIST_TARGET_MS = 250.0
MAP_TIMEOUT_S = 60.0
MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
CLI = "import sys; from newsroom_desktop.cli import main; sys.exit(main())"


class MapWatcher:
    """Waits for the next top-level window mapped on an X display (through libX11)."""

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise RuntimeError("libX11 is missing (Debian: libx11-6)")
        x11 = ctypes.CDLL(name)
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        x11.XPending.argtypes = [ctypes.c_void_p]
        x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11 = x11
        self.dpy = x11.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open the X display {display}")
        x11.XSelectInput(self.dpy, x11.XDefaultRootWindow(self.dpy), SUBSTRUCTURE_NOTIFY_MASK)
        x11.XFlush(self.dpy)
        self.fd = x11.XConnectionNumber(self.dpy)
        self.event = (ctypes.c_long * 24)()

    def _next_map(self) -> bool:
        """Read the pending events; True if one maps a window that is not override-redirect."""
        found = False
        while self.x11.XPending(self.dpy):
            self.x11.XNextEvent(self.dpy, ctypes.byref(self.event))
            # XMapEvent on LP64: type, serial, send_event, display, event, window, override
            if self.event[0] & 0xFFFFFFFF == MAP_NOTIFY and not self.event[6] & 0xFFFFFFFF:
                found = True
        return found

    def drain(self) -> None:
        self._next_map()

    def wait_map(self, process: subprocess.Popen[bytes], timeout: float) -> float | None:
        """Return perf_counter() when a window maps; None if the process exits or times out."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._next_map():
                return time.perf_counter()
            if process.poll() is not None:
                return None
            select.select([self.fd], [], [], 0.05)
        return None


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Start a private Xvfb on a free display; return it and its name."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            raise RuntimeError("Xvfb did not start")
        number += chunk
    os.close(read)
    return server, f":{number.decode().strip()}"


def launch_to_map(
    command: list[str], env: dict[str, str], watcher: MapWatcher, cwd: Path
) -> tuple[float | None, float | None]:
    """Return the milliseconds from launching ``command`` to its first mapped window, and
    (for our app, from its start-up trace) to its window filled."""
    watcher.drain()
    log = cwd / "trace.log"
    with log.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        mapped = watcher.wait_map(process, MAP_TIMEOUT_S)
        filled = _filled_ms(log, process) if env.get("NEWSROOM_TRACE_START") else None
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(0.3)  # let the display forget the window before the next launch
    watcher.drain()
    return (None if mapped is None else (mapped - started) * 1000), filled


def _filled_ms(log: Path, process: subprocess.Popen[bytes]) -> float | None:
    """Wait for the trace's "window filled" line; return its ms since the process started."""
    started = time.perf_counter()
    while time.perf_counter() < started + MAP_TIMEOUT_S and process.poll() is None:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        for line in lines:
            if line.startswith("[start]") and line.endswith("window filled"):
                return float(line.split()[1])
        if time.perf_counter() > started + 2 and not any(x.startswith("[start]") for x in lines):
            return None  # an app without the start-up trace (an older version)
        time.sleep(0.05)
    return None


def markdown_file(path: Path, words: int = 5000) -> Path:
    """Write a Markdown file of about ``words`` generated Vietnamese words."""
    from generate import TextModel

    model = TextModel(random.Random(5))
    parts, count = ["# " + model.sentence(10).rstrip(".")], 0
    while count < words:
        paragraph = model.paragraph()
        if len(parts) % 8 == 0:
            parts.append("## " + model.sentence(6).rstrip("."))
        parts.append(paragraph)
        count += len(paragraph.split())
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def app_env(home: Path, display: str) -> dict[str, str]:
    """Return the environment of a launch: its own settings folders, bytecode kept."""
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    # An installed app has its bytecode compiled; a checkout gets it on the warm-up launch.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("NEWSROOM_STORE", None)
    env.pop("NEWSROOM_TRACE_START", None)
    # ghostwriter's preview is QtWebEngine, whose sandbox refuses to run as root.
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def give_profile(home: Path) -> None:
    """Save a profile in the launch's config folder: no first-start dialog comes up."""
    folder = home / "config" / "newsroom-desktop"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(
        json.dumps({"profile_name": "Bench", "profile_role": "editor"}), encoding="utf-8"
    )


def window_rounds(
    stores: list[Path], rounds: int, home: Path, display: str, ghostwriter: str | None
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Time each store's window and ghostwriter's, interleaved; return the times to the first
    window mapped by name, and (ours) to the window filled."""
    watcher = MapWatcher(display)
    env = app_env(home, display)
    give_profile(home)
    md = markdown_file(home / "article.md")
    commands = {
        store.name: [sys.executable, "-m", "newsroom_desktop.app", "--store", str(store)]
        for store in stores
    }
    if ghostwriter:
        commands["ghostwriter"] = [ghostwriter, str(md)]
    times: dict[str, list[float]] = {name: [] for name in commands}
    filled: dict[str, list[float]] = {name: [] for name in commands}
    traced = {**env, "NEWSROOM_TRACE_START": "1"}
    for name, command in commands.items():  # warm-up: bytecode, font caches, page cache
        launch_to_map(command, env if name == "ghostwriter" else traced, watcher, home)
    for index in range(rounds):
        order = list(commands.items())
        if index % 2:
            order.reverse()
        for name, command in order:
            ms, full = launch_to_map(
                command, env if name == "ghostwriter" else traced, watcher, home
            )
            if ms is None:
                raise RuntimeError(f"{name}: no window mapped within {MAP_TIMEOUT_S:.0f} s")
            times[name].append(ms)
            if full is not None:
                filled[name].append(full)
        figures = "  ".join(f"{n} {t[-1]:.0f} ms" for n, t in times.items())
        print(f"round {index + 1}: {figures}", file=sys.stderr)
    return times, filled


def cli_runs(
    args: list[str], runs: int, home: Path, code: str = CLI
) -> tuple[list[float], list[float]]:
    """Return the wall-clock and the processor milliseconds of ``runs`` whole `newsroom ARGS`
    processes (processor time: what a busy machine does not inflate)."""
    env = app_env(home, os.environ.get("DISPLAY", ""))
    command = [sys.executable, "-c", code, *args]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # warm-up
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - started) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpu.append(used * 1000)
    return times, cpu


def row(figure: str, peer: str, ours: str, ratio: str, target: str, ok: bool | None) -> str:
    verdict = "-" if ok is None else ("ok" if ok else "MISSED")
    return f"{figure:<34} {peer:>16} {ours:>12} {ratio:>7} {target:>10}  {verdict}"


def window_lines(
    copies: list[Path], times: dict[str, list[float]], filled: dict[str, list[float]]
) -> list[str]:
    """Return the table rows of the window figures, and a note of each store's filled time."""
    lines, notes = [], []
    peer = times.get("ghostwriter")
    for copy in copies:
        ours = times[copy.name]
        figure = f"start to mapped window ({copy.stem})"
        if peer:
            ratio = statistics.median(o / p for o, p in zip(ours, peer, strict=True))
            lines.append(
                row(
                    figure,
                    f"{statistics.median(peer):.0f} ms",
                    f"{statistics.median(ours):.0f} ms",
                    f"{ratio:.2f}×",
                    f"≤ {START_TARGET:.1f}×",
                    ratio <= START_TARGET,
                )
            )
        else:
            med = f"{statistics.median(ours):.0f} ms"
            lines.append(row(figure, "(missing)", med, "-", "-", None))
        if filled.get(copy.name):
            notes.append(
                f"  {copy.stem}: window filled (list, editor, panels) at median "
                f"{statistics.median(filled[copy.name]):.0f} ms after launch (start-up trace)"
            )
    return lines + notes


def cli_lines(store: Path, runs: int, home: Path) -> list[str]:
    """Return the table rows of `newsroom --version` and `newsroom list` on ``store``."""
    lines = []
    for figure, args, target in (
        ("newsroom --version", ["--version"], VERSION_TARGET_MS),
        (f"newsroom list ({store.stem})", ["--store", str(store), "list"], LIST_TARGET_MS),
    ):
        wall, cpu = cli_runs(args, runs, home)
        ms = statistics.median(wall)
        lines.append(row(figure, "-", f"{ms:.0f} ms", "-", f"≤ {target:.0f} ms", ms <= target))
        lines.append(f"  (processor time of the same runs: median {statistics.median(cpu):.0f} ms)")
    # The floor on this machine as loaded now: a bare interpreter's start, timed the same way.
    wall, cpu = cli_runs([], runs, home, code="pass")
    lines.append(
        f"  (a bare `python -c pass` now: median {statistics.median(wall):.0f} ms wall, "
        f"{statistics.median(cpu):.0f} ms processor)"
    )
    return lines


def ensure_10k(path: Path) -> None:
    """Make the 10,000-article store (once) if it is missing."""
    if path.exists():
        return
    from generate import generate

    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"making {path} (10,000 articles, a few minutes)", file=sys.stderr)
    generate(path, 10_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=HERE / "out" / "bench-100k.sqlite")
    parser.add_argument(
        "--also",
        type=Path,
        action="append",
        help="more stores to start on (default: bench/out/bench-10k.sqlite, made if missing)",
    )
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--cli-runs", type=int, default=9)
    parser.add_argument("--cli-only", action="store_true", help="only the two commands")
    args = parser.parse_args()
    if not args.store.exists():
        sys.exit(f"no store at {args.store}: make it with bench/generate.py (or run_all.py)")
    if args.also is None and not args.cli_only:
        args.also = [HERE / "out" / "bench-10k.sqlite"]
        ensure_10k(args.also[0])
    missing = [tool for tool in ("Xvfb", "ghostwriter") if shutil.which(tool) is None]
    if missing:
        print(
            f"MISSING PEER: {', '.join(missing)} not installed (sh packaging/bench-deps.sh); "
            "the window figures lack it",
            file=sys.stderr,
        )
    ghostwriter = shutil.which("ghostwriter")
    stores = [args.store, *[s for s in args.also or [] if s.exists()]]
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        home = Path(tmp)
        copies = []
        for store in stores:
            copy = home / "stores" / store.name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(store, copy)  # the shared store is never opened by the app
            copies.append(copy)
        lines = []
        if shutil.which("Xvfb") and not args.cli_only:
            server, display = start_xvfb()
            try:
                times, filled = window_rounds(copies, args.rounds, home, display, ghostwriter)
            finally:
                server.terminate()
                server.wait()
            lines += window_lines(copies, times, filled)
        lines += cli_lines(copies[0], args.cli_runs, home)
    print(row("figure", "peer", "ours", "ratio", "target", None).replace("  -", "  ok?"))
    print("\n".join(lines))
    print(f"(medians; window: {args.rounds} interleaved rounds; CLI: {args.cli_runs} runs each)")


if __name__ == "__main__":
    main()
