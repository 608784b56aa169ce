"""The real window killed with SIGKILL while text is typed: what it said was saved is there,
and at most ~2 s of typing is lost. Between bursts of typing it exports and imports through its
dialogs, and another window stays open on the same store throughout, exporting, importing and
typing too: at the end all it saved is there and the killed windows' articles are in its list.
NEWSROOM_WINDOW_KILLS sets the number of kills (20)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import REPORTER
from tests.faults.conftest import integrity
from tests.faults.gui_child import digest, text_for
from tests.faults.window_process import WindowBeside

CHILD = Path(__file__).with_name("gui_child.py")
KILLS = int(os.environ.get("NEWSROOM_WINDOW_KILLS", "20"))
LANES = 2
MAX_LOSS_S = 2.0


@dataclass
class Tally:
    kills: int = 0
    chars_typed: int = 0
    chars_lost: int = 0
    worst_loss_s: float = 0.0
    exports: int = 0
    imports: int = 0
    failures: list[str] = field(default_factory=list)


def _typed_at(lines: list[list[str]], moment: float) -> int:
    """Return how many characters had been typed at ``moment`` (from the child's clock lines)."""
    count = 0
    for parts in lines:
        if parts[0] == "typed" and float(parts[2]) <= moment:
            count = int(parts[1])
    return count


def _seconds_lost(lines: list[list[str]], stored_len: int, killed_at: float) -> float:
    """Return how long before the kill the user had typed what the store holds."""
    for parts in lines:
        if parts[0] == "typed" and int(parts[1]) > stored_len:
            return max(0.0, killed_at - float(parts[2]))
    return 0.0


def verify(store: Path, log: Path, seed: int, killed_at: float, tally: Tally) -> None:
    assert integrity(store) == "ok"
    lines = [line.split(maxsplit=3) for line in log.read_text().splitlines() if line.strip()]
    errors = [" ".join(p) for p in lines if p[0] in {"error", "problem"}]
    assert not errors, errors
    tally.exports += sum(1 for p in lines if p[0] == "exported")
    tally.imports += sum(1 for p in lines if p[0] == "imported")
    ids = [p[1] for p in lines if p[0] == "article"]
    if not ids:
        return  # killed before the article existed
    text = text_for(seed)
    nr = Newsroom.open(store, actor=REPORTER)
    try:
        doc = nr.articles.get(ids[0])
    finally:
        nr.close()
    stored = doc.body.rstrip("\n")
    if not text.startswith(stored):
        at = next(i for i, (a, b) in enumerate(zip(stored, text, strict=False)) if a != b)
        raise AssertionError(
            f"the stored body is not what was typed, from character {at} ({log.name}): "
            f"stored {stored[at - 30 : at + 30]!r}, typed {text[at - 30 : at + 30]!r}"
        )
    saves = [p for p in lines if p[0] == "saved"]
    if saves:
        version, length, dig = int(saves[-1][1]), int(saves[-1][2]), saves[-1][3]
        assert doc.version >= version and len(stored) >= length, "a reported save was lost"
        if doc.version == version:
            assert digest(doc.body) == dig
    typed_before = _typed_at(lines, killed_at - MAX_LOSS_S)
    assert len(stored) >= len(text[:typed_before].rstrip()), (
        f"more than {MAX_LOSS_S} s of typing lost: {typed_before} typed by then, {len(stored)} kept"
    )
    typed = _typed_at(lines, killed_at)
    tally.chars_typed += typed
    tally.chars_lost += max(0, typed - len(stored))
    tally.worst_loss_s = max(tally.worst_loss_s, _seconds_lost(lines, len(stored), killed_at))


def _wait_for(log: Path, text: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text():
            return
        time.sleep(0.01)
    raise AssertionError(f"the window never got to {text.strip()!r}: {log.read_text()[-300:]}")


def run_lane(folder: Path, kills: int, seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    store = folder / "newsroom.sqlite"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "stderr.txt").open("w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, str(CHILD)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            start_new_session=True,
        )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for n in range(kills):
            log = folder / f"log-{n}.txt"
            child_seed = rng.randrange(10**9)
            proc.stdin.write(f"run {store} {log} {child_seed}\n")
            proc.stdin.flush()
            pid = int(proc.stdout.readline().split()[1])
            _wait_for(log, "article ")
            time.sleep(rng.uniform(0.8, 2.5))
            killed_at = time.time()
            os.kill(pid, signal.SIGKILL)
            dead = proc.stdout.readline().split()
            assert dead[:2] == ["dead", str(pid)] and os.WTERMSIG(int(dead[2])) == signal.SIGKILL
            tally.kills += 1
            verify(store, log, child_seed, killed_at, tally)
    except BaseException as exc:
        tally.failures.append(f"{type(exc).__name__}: {exc}")
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # a failed cycle may leave its window running
            proc.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.timeout(max(600, KILLS * 5))
def test_window_killed_while_typing_keeps_what_it_saved(tmp_path: Path):
    tally = Tally()
    per_lane = -(-KILLS // LANES)
    beside = WindowBeside(tmp_path / "lane0" / "newsroom.sqlite")
    threads = [
        threading.Thread(target=run_lane, args=(tmp_path / f"lane{i}", per_lane, i, tally))
        for i in range(LANES)
    ]
    stop = threading.Event()
    window_thread = threading.Thread(target=beside.run, args=(stop,))
    start = time.monotonic()
    window_thread.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    window_thread.join()
    tally.failures += beside.failures
    try:
        if not beside.failures:
            beside.finish()
    finally:
        beside.window.close()
    print(
        f"\nwindow crash harness: {tally.kills} SIGKILLs of the typing window survived in "
        f"{time.monotonic() - start:.0f} s; {tally.chars_typed} characters typed, "
        f"{tally.chars_lost} not yet saved at the kill; worst loss {tally.worst_loss_s:.2f} s "
        f"of typing (bound {MAX_LOSS_S} s); the killed windows exported {tally.exports} and "
        f"imported {tally.imports} times through their dialogs; a window beside went "
        f"{beside.rounds} times through export, import and typing"
    )
    assert not tally.failures, tally.failures[0]
    assert tally.kills >= KILLS
