"""Crash safety, proven: saves, photo ingest, imports and exports killed with SIGKILL at random.

After every kill the store must pass ``PRAGMA integrity_check``, every save the child reported
must be there (as the article or, for explicit saves, as a revision), and every article must
open. NEWSROOM_CRASH_KILLS sets the number of kills (default 200; ``make crash`` runs more).

All the while a real window (its own process) stays open on one of the stores, exporting and
importing through its dialogs and typing with autosave on, as in issue 11: at the end every
save it reported is in the file and every article the killed writers made is in its list.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.packing import register_functions
from tests.conftest import REPORTER
from tests.faults.conftest import integrity, stop_zygote
from tests.faults.crash_child import digest
from tests.faults.window_process import WindowBeside

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = int(os.environ.get("NEWSROOM_CRASH_KILLS", "200"))
LANES = (("autosave", "import"), ("photos", "export"))


@dataclass
class Tally:
    kills: int = 0
    kills_after_a_save: int = 0
    saves_confirmed: int = 0
    commits_in_flight_found: int = 0
    by_workload: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def _revision_digests(store: Path, article_id: str) -> set[str]:
    conn = sqlite3.connect(store)
    register_functions(conn)  # revision texts are read plain through the view revision_texts
    try:
        rows = conn.execute(
            "SELECT headline, body FROM revision_texts WHERE article_id = ?", (article_id,)
        ).fetchall()
    finally:
        conn.close()
    return {digest(h, b) for h, b in rows}


def _check_saves(
    nr: Newsroom, store: Path, lines: list[list[str]], new: int, tally: Tally
) -> set[str]:
    """Check the saves of the articles this cycle touched; return their ids."""
    touched = {p[1] for p in lines[new:] if p[0] in {"saving", "saved"}}
    last: dict[str, tuple[int, str, int]] = {}
    for index, parts in enumerate(lines):
        if parts[0] == "saved" and parts[1] in touched:
            last[parts[1]] = (int(parts[2]), parts[3], index)
    for article_id, (version, dig, index) in last.items():
        doc = nr.articles.get(article_id)
        stored = digest(doc.headline, doc.body)
        intents = [p[2] for p in lines[index + 1 :] if p[0] == "saving" and p[1] == article_id]
        if doc.version == version:
            assert stored == dig, f"{article_id} v{version}: stored text is not the saved text"
            continue
        # Killed after a commit but before saying so: the article is then ahead by at most the
        # saves begun since the last one reported, and holds the text one of them was writing.
        assert version < doc.version <= version + len(intents), (
            f"{article_id}: v{version} was the last save reported, v{doc.version} is stored"
        )
        assert stored in intents or "-" in intents, f"{article_id}: v{doc.version} was never saved"
        tally.commits_in_flight_found += 1
    for parts in lines[new:]:
        if parts[0] == "saved" and parts[4] == "save":
            assert parts[3] in _revision_digests(store, parts[1]), (
                f"explicit save of {parts[1]} lost"
            )
    tally.saves_confirmed += sum(
        1 for p in lines[new:] if p[0] in {"saved", "imported", "exported"}
    )
    return touched


def _check_other_claims(nr: Newsroom, lines: list[list[str]]) -> set[str]:
    """Check this cycle's photo, import and export claims; return the articles they name."""
    photos: dict[str, int] = {}
    named = set()
    for parts in lines:
        named.add(parts[1])
        if parts[0] == "photos":
            photos[parts[1]] = int(parts[2])
        elif parts[0] == "imported":
            doc = nr.articles.get(parts[1])
            assert digest(doc.headline, doc.body) == parts[2], f"import {parts[1]} changed"
        elif parts[0] == "exported":
            path = Path(parts[2])
            data = path.read_bytes()
            assert data, f"{path} is empty"
            if path.suffix == ".html":
                assert data.rstrip().endswith(b"</html>"), f"{path} is half written"
            assert nr.articles.get(parts[1]).exported_at is not None
    for article_id, count in photos.items():
        doc = nr.articles.get(article_id)
        assert len(doc.photos) >= count, (
            f"{article_id}: {count} photos added, {len(doc.photos)} kept"
        )
        for use in doc.photos:
            assert use.file is not None and use.file.is_file(), f"original of {use.id} missing"
    return named


def verify(store: Path, log: Path, new: int, tally: Tally) -> int:
    """Check the store after a kill against what the child said it saved; return the log length.

    ``new`` is where this cycle's lines start: older claims were checked after earlier kills,
    except the last save of each article this cycle touched, which is checked again.
    """
    if not store.exists():
        return 0
    assert integrity(store) == "ok"
    lines = [line.split() for line in log.read_text().splitlines() if line.strip()]
    errors = [" ".join(p) for p in lines[new:] if p[0] == "error"]
    assert not errors, errors
    nr = Newsroom.open(store, actor=REPORTER)
    try:
        touched = _check_saves(nr, store, lines, new, tally)
        touched |= _check_other_claims(nr, [p for p in lines[new:] if p[0] != "ready"])
        touched |= {s.id for s in nr.articles.list(limit=20)}
        for article_id in touched:
            nr.articles.get(article_id)  # the article opens
    finally:
        nr.close()
    return len(lines)


def _wait_for(log: Path, text: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text():
            return
        time.sleep(0.005)


class Lane:
    """One zygote and its workloads, each on its own store, killed one after another."""

    def __init__(self, folder: Path, workloads: tuple[str, ...], seed: int) -> None:
        self.folder = folder
        self.workloads = workloads
        self.rng = random.Random(seed)
        self.checked: dict[str, int] = {}
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
            start_new_session=True,
        )

    def cycle(self, n: int, tally: Tally) -> None:
        workload = self.workloads[n % len(self.workloads)]
        store = self.folder / workload / "newsroom.sqlite"
        store.parent.mkdir(parents=True, exist_ok=True)
        log = store.with_name("log.txt")
        text = log.read_text() if log.exists() else ""
        before = text.count("\nsaved ") + text.count("\nimported ") + text.count("\nexported ")
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"run {workload} {store} {log} {self.rng.randrange(10**9)}\n")
        self.proc.stdin.flush()
        pid = int(self.proc.stdout.readline().split()[1])
        if self.rng.random() < 0.2:
            time.sleep(self.rng.uniform(0.0, 0.15))  # while it opens (or creates) the store
        else:
            _wait_for(log, f"ready {pid}\n")
            time.sleep(self.rng.uniform(0.0, 0.4))  # in the middle of its work
        os.kill(pid, signal.SIGKILL)
        dead = self.proc.stdout.readline().split()
        assert dead[:2] == ["dead", str(pid)]
        status = int(dead[2])
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            raise AssertionError(f"{workload} child ended by itself: {log.read_text()[-500:]}")
        tally.kills += 1
        tally.by_workload[workload] += 1
        text = log.read_text() if log.exists() else ""
        after = text.count("\nsaved ") + text.count("\nimported ") + text.count("\nexported ")
        tally.kills_after_a_save += after > before
        self.checked[workload] = verify(store, log, self.checked.get(workload, 0), tally)

    def close(self) -> None:
        stop_zygote(self.proc)


@pytest.mark.slow
@pytest.mark.timeout(max(600, KILLS))
def test_sigkill_at_random_moments_loses_nothing_reported_saved(tmp_path: Path):
    tally = Tally()
    beside = WindowBeside(tmp_path / "lane0" / LANES[0][0] / "newsroom.sqlite")
    lanes = [Lane(tmp_path / f"lane{i}", work, seed=i) for i, work in enumerate(LANES)]
    per_lane = -(-KILLS // len(lanes))

    def run(lane: Lane) -> None:
        try:
            for n in range(per_lane):
                lane.cycle(n, tally)
        except BaseException as exc:
            tally.failures.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=run, args=(lane,)) for lane in lanes]
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
    for lane in lanes:
        lane.close()
    tally.failures += beside.failures
    try:
        if not beside.failures:
            beside.finish()
    finally:
        beside.window.close()
    elapsed = time.monotonic() - start
    print(
        f"\ncrash harness: {tally.kills} SIGKILLs survived in {elapsed:.0f} s "
        f"({dict(tally.by_workload)}); {tally.kills_after_a_save} landed after the cycle had "
        f"saved; {tally.saves_confirmed} reported saves/imports/exports re-checked; "
        f"{tally.commits_in_flight_found} commits found that the child died before reporting; "
        f"a window beside exported, imported and saved typing {beside.rounds} times"
    )
    assert not tally.failures, tally.failures[0]
    assert tally.kills >= KILLS
