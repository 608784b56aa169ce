"""Sync under faults: the desk killed, the network cut or stalled, the server restarted, the
local disk full, and two desks editing one article offline.

A sync that fails says why (offline: StoreError "sync_offline"; a full disk: "store_disk_full")
and never anything else; the store file stays sound; the next sync completes; and in the end
every change the desk reported committed is in its store and on the server exactly once: each
save as the article's text or a revision, each submit as one status event and one audit row.
NEWSROOM_SYNC_KILLS sets the number of SIGKILLs (default 100; ``make crash`` runs more).
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from newsroom_desktop.core import sync, sync_send
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.packing import register_functions
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.core.sync import SyncReport
from tests import pg
from tests.faults.conftest import integrity, stop_zygote
from tests.faults.sync_child import Log, change, digest
from tests.faults.test_disk_full import PARAGRAPH, page_limit
from tests.netproxy import FaultProxy
from tests.pg import PgServer

CHILD = Path(__file__).with_name("sync_child.py")
KILLS = int(os.environ.get("NEWSROOM_SYNC_KILLS", "100"))
CHECK_EVERY = 10  # kills between full checks (a clean sync and every claim against the server)
REPORTER = "Ngọc Hậu"
EDITOR = "Phương Nam"
BODY = "Tăng cường sự lãnh đạo của Đảng đối với công tác dân vận.\n\nĐoạn hai của bài."
HANG_S = 60.0  # generous: only so that a hung sync fails the test instead of blocking it


# --- what the desk claims, and what the store and the server hold ------------------------------


@dataclass
class Claims:
    """What a desk's log says it committed: saves, submits and notes."""

    saves: set[tuple[str, str]] = field(default_factory=set)  # (article id, digest)
    submits: dict[str, str] = field(default_factory=dict)  # article id → status event id
    notes: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, log: Path) -> Claims:
        claims = cls()
        for parts in (line.split() for line in log.read_text().splitlines()):
            if parts and parts[0] == "error":
                raise AssertionError(" ".join(parts))
            if parts and parts[0] == "saved":
                claims.saves.add((parts[1], parts[2]))
            elif parts and parts[0] == "submitted":
                claims.submits[parts[1]] = parts[2]
            elif parts and parts[0] == "note":
                claims.notes.add(parts[2])
        return claims


@dataclass
class Held:
    """The records of one side (the desk's store or the server) that the checks compare."""

    texts: dict[str, set[str]]  # article id → digests of its text and of each revision
    heads: dict[str, str]  # article id → digest of its current text
    revisions: Counter[tuple[str, str, str, str]]  # (id, article, content hash, reason)
    copies: Counter[tuple[str, str, str, str]]  # (article, content hash, reason, created)
    events: set[str]
    notes: set[str]


def _held(rows: Callable[[str], list[tuple]]) -> Held:
    texts: dict[str, set[str]] = {}
    heads = {}
    for aid, headline, body in rows("SELECT id, headline, body FROM articles"):
        heads[aid] = digest(headline, body)
        texts.setdefault(aid, set()).add(heads[aid])
    revisions: Counter[tuple[str, str, str, str]] = Counter()
    copies: Counter[tuple[str, str, str, str]] = Counter()
    for rid, aid, headline, body, content, reason, created in rows(
        "SELECT id, article_id, headline, body, content_hash, reason, created_at FROM revisions"
    ):
        texts.setdefault(aid, set()).add(digest(headline, body))
        revisions[(rid, aid, content, reason)] += 1
        copies[(aid, content, reason, str(created)[:26])] += 1
    return Held(
        texts=texts,
        heads=heads,
        revisions=revisions,
        copies=copies,
        events={r[0] for r in rows("SELECT id FROM status_events")},
        notes={r[0] for r in rows("SELECT id FROM notes")},
    )


def local_held(store: Path) -> Held:
    """Read the desk's store with sqlite3 (only once no desk process holds it)."""
    conn = sqlite3.connect(store)
    register_functions(conn)  # a store file's revision texts are plain in revision_texts
    try:
        return _held(
            lambda sql: conn.execute(sql.replace(" revisions", " revision_texts")).fetchall()
        )
    finally:
        conn.close()


def server_held(owner_url: str) -> Held:
    with pg.connect(owner_url) as conn:
        return _held(lambda sql: list(conn.execute(sql).fetchall()))


def done_transitions(owner_url: str) -> Counter[tuple[str, str]]:
    """Return the server audit's count of status changes made, by (article, action)."""
    with pg.connect(owner_url) as conn:
        rows = conn.execute(
            "SELECT article_id, action FROM audit_events "
            "WHERE outcome = 'done' AND article_id IS NOT NULL"
        ).fetchall()
    return Counter((aid, action) for aid, action in rows)


def check_in_step(store: Path, owner_url: str, claims: Claims) -> None:
    """Check a desk (closed, just synced) against its claims and the server."""
    assert integrity(store) == "ok"
    desk, server = local_held(store), server_held(owner_url)
    for aid, dig in sorted(claims.saves):
        assert dig in desk.texts.get(aid, set()), f"save of {aid} lost on the desk"
        assert dig in server.texts.get(aid, set()), f"save of {aid} never reached the server"
    for aid, head in desk.heads.items():
        assert server.heads.get(aid) == head, f"{aid}: the desk's text is not the server's"
    # Each record once: the same ids on both sides, and no record sent twice under a new id.
    assert desk.revisions == server.revisions
    assert max(server.revisions.values(), default=1) == 1
    assert max(server.copies.values(), default=1) == 1, "a revision was copied twice"
    assert desk.events == server.events
    assert set(claims.submits.values()) <= server.events
    assert claims.notes <= desk.notes and claims.notes <= server.notes
    audit = done_transitions(owner_url)
    for aid in claims.submits:
        assert audit[(aid, "submit")] == 1, f"{aid}: submitted {audit[(aid, 'submit')]} times"
    assert max(audit.values(), default=1) == 1, audit


def check_desk_status(nr: Newsroom) -> None:
    """One desk alone has nothing waiting after a sync and no conflict with itself."""
    status = nr.sync.status()
    assert status.waiting == 0
    assert status.conflicts == 0, "the desk is in conflict with its own earlier sync"


# --- desks ------------------------------------------------------------------------------------


def open_desk(store: Path) -> Newsroom:
    return Newsroom.open(store, settings=Settings())


def joined_desk(store: Path, url: str) -> Path:
    """Make a desk store joined to the server at ``url`` (and close it)."""
    nr = open_desk(store)
    try:
        nr.sync.join(url)
    finally:
        nr.close()
    return store


def through(url: str, port: int) -> str:
    """Return ``url`` (its password and TLS settings kept) on another port: the proxy's."""
    return make_url(url).set(port=port).render_as_string(hide_password=False)


def clean_sync(store: Path, url: str) -> SyncReport:
    """Sync the desk in this process, which must complete; check its status; close it."""
    nr = open_desk(store)
    try:
        report = nr.sync.sync(server_url=url)
        check_desk_status(nr)
        return report
    finally:
        nr.close()


class Outcome:
    """How a sync run in a thread ended: its report, or what it raised."""

    def __init__(self, nr: Newsroom, url: str) -> None:
        self.report: SyncReport | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(nr, url), daemon=True)
        self.thread.start()

    def _run(self, nr: Newsroom, url: str) -> None:
        try:
            self.report = nr.sync.sync(server_url=url)
        except BaseException as exc:
            self.error = exc

    def wait(self) -> None:
        self.thread.join(HANG_S)
        assert not self.thread.is_alive(), "the sync hung"


def offline_or_done(outcome: Outcome) -> bool:
    """Assert that a sync under a network fault completed or said the server is offline."""
    outcome.wait()
    if outcome.error is None:
        assert outcome.report is not None
        return False
    error = outcome.error
    assert isinstance(error, StoreError) and error.code == "sync_offline", repr(error)
    assert "cannot be reached" in error.message
    return True


# --- SIGKILL mid-sync --------------------------------------------------------------------------


@dataclass
class Tally:
    kills: int = 0
    mid_sync: int = 0
    syncs_completed: int = 0
    checks: int = 0


def _wait_for(log: Path, start: int, text: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log.read_text()[start:]:
            return
        time.sleep(0.005)


class Killer:
    """A zygote of desk workers, each killed with SIGKILL at a random moment."""

    def __init__(self, store: Path, url: str, log: Path, seed: int) -> None:
        self.store, self.url, self.log = store, url, log
        self.rng = random.Random(seed)
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
            start_new_session=True,
        )

    def cycle(self, tally: Tally) -> None:
        start = len(self.log.read_text())
        assert self.proc.stdin is not None and self.proc.stdout is not None
        seed = self.rng.randrange(10**9)
        self.proc.stdin.write(f"run {self.store} {self.url} {self.log} {seed}\n")
        self.proc.stdin.flush()
        pid = int(self.proc.stdout.readline().split()[1])
        moment = self.rng.random()
        if moment < 0.15:
            time.sleep(self.rng.uniform(0.0, 0.2))  # while it opens the store
        elif moment < 0.65:
            _wait_for(self.log, start, "syncing")
            time.sleep(self.rng.uniform(0.0, 0.3))  # during its first sync, mostly
        else:
            _wait_for(self.log, start, f"ready {pid}\n")
            time.sleep(self.rng.uniform(0.0, 1.0))
        os.kill(pid, signal.SIGKILL)
        dead = self.proc.stdout.readline().split()
        assert dead[:2] == ["dead", str(pid)]
        status = int(dead[2])
        ours = self.log.read_text()[start:]
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            raise AssertionError(f"the desk worker ended by itself: {ours[-500:]}")
        lines = ours.splitlines()
        tally.kills += 1
        tally.mid_sync += bool(lines) and lines[-1].startswith("syncing")
        tally.syncs_completed += sum(1 for line in lines if line.startswith("synced"))

    def close(self) -> None:
        stop_zygote(self.proc)


@pytest.mark.slow
@pytest.mark.timeout(max(600, 2 * KILLS))
def test_sigkill_mid_sync_loses_and_duplicates_nothing(
    tmp_path: Path, pg_database: str, server_person: Callable[[str, str], str]
) -> None:
    url = server_person(REPORTER, "reporter")
    store = joined_desk(tmp_path / "desk.sqlite", url)
    log = tmp_path / "log.txt"
    log.touch()
    tally = Tally()
    killer = Killer(store, url, log, seed=KILLS)
    started = time.monotonic()
    try:
        for n in range(1, KILLS + 1):
            killer.cycle(tally)
            assert integrity(store) == "ok", f"store damaged after kill {n}"
            if n % CHECK_EVERY == 0 or n == KILLS:
                clean_sync(store, url)
                check_in_step(store, pg_database, Claims.read(log))
                tally.checks += 1
    finally:
        killer.close()
    claims = Claims.read(log)
    print(
        f"\nsync harness: {tally.kills} SIGKILLs in {time.monotonic() - started:.0f} s, "
        f"{tally.mid_sync} in the middle of a sync, {tally.syncs_completed} syncs completed "
        f"between them; {len(claims.saves)} saves, {len(claims.submits)} submits and "
        f"{len(claims.notes)} notes found once on the desk and the server ({tally.checks} checks)"
    )
    assert tally.kills == KILLS
    assert tally.mid_sync > 0  # the harness did kill syncs, not only edits
    assert claims.saves and claims.submits and claims.notes


def test_a_sync_whose_answer_was_lost_then_an_edit_is_no_conflict(
    tmp_path: Path,
    pg_database: str,
    server_person: Callable[[str, str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The kill the harness finds now and then, made certain: after the server's commit."""
    url = server_person(REPORTER, "reporter")
    nr = open_desk(joined_desk(tmp_path / "desk.sqlite", url))
    try:
        doc = nr.articles.create({"headline": "Mất trả lời", "body": BODY})
        nr.sync.sync(server_url=url)
        nr.articles.save(doc.id, {"body": BODY + "\n\nSửa lần một."})

        def killed(*_args: object, **_kwargs: object) -> None:
            raise RuntimeError("the desk died before it recorded what the server took")

        with monkeypatch.context() as patch:
            patch.setattr(sync_send, "mark_known", killed)
            with pytest.raises(RuntimeError):
                nr.sync.sync(server_url=url)
        last = nr.articles.save(doc.id, {"body": BODY + "\n\nSửa lần hai."}).article
        report = nr.sync.sync(server_url=url)
        assert report.conflicts == []
        check_desk_status(nr)
        with pg.connect(pg_database) as conn:
            row = conn.execute("SELECT body FROM articles WHERE id = %s", (doc.id,)).fetchone()
        assert row is not None and row[0] == last.body
    finally:
        nr.close()


# --- the network cut, dropped or stalled mid-sync ----------------------------------------------


@pytest.fixture
def proxy(pg_server: PgServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", pg_server.port) as proxy:
        yield proxy


def _changes(nr: Newsroom, log: Path, rng: random.Random, count: int) -> None:
    writer = Log(str(log))
    for _ in range(count):
        change(nr, writer, rng)


@pytest.mark.timeout(300)
def test_network_cut_or_dropped_mid_sync_says_offline_then_syncs_whole(
    tmp_path: Path, pg_database: str, server_person: Callable[[str, str], str], proxy: FaultProxy
) -> None:
    url = server_person(REPORTER, "reporter")
    far = through(url, proxy.port)
    store = joined_desk(tmp_path / "desk.sqlite", url)
    log = tmp_path / "log.txt"
    rng = random.Random(11)
    offline = Counter[str]()
    nr = open_desk(store)
    try:
        for n in range(40):  # sixteen faults, and more until both kinds hit a sync
            if n >= 16 and offline["drop"] and offline["cut"]:
                break
            _changes(nr, log, rng, rng.randint(2, 5))
            if n % 2:
                proxy.drop_after(rng.randint(2_000, 150_000), seed=n)
                outcome = Outcome(nr, far)
            else:
                outcome = Outcome(nr, far)
                time.sleep(rng.uniform(0.0, 0.4))
                proxy.cut()
            offline["drop" if n % 2 else "cut"] += offline_or_done(outcome)
            proxy.restore()
            nr.sync.sync(server_url=far)  # completes, the network back
            check_desk_status(nr)
    finally:
        nr.close()
    check_in_step(store, pg_database, Claims.read(log))
    assert offline["drop"] and offline["cut"], offline  # the faults did hit syncs


@pytest.mark.parametrize("when", ["before", "during"])
def test_a_stalled_network_holds_the_sync_until_restored(
    tmp_path: Path,
    pg_database: str,
    server_person: Callable[[str, str], str],
    proxy: FaultProxy,
    when: str,
) -> None:
    url = server_person(REPORTER, "reporter")
    far = through(url, proxy.port)
    store = joined_desk(tmp_path / "desk.sqlite", url)
    log = tmp_path / "log.txt"
    rng = random.Random(5)
    nr = open_desk(store)
    try:
        for _ in range(3):
            _changes(nr, log, rng, 12)
            if when == "before":
                proxy.stall()
                outcome = Outcome(nr, far)
            else:
                outcome = Outcome(nr, far)
                time.sleep(rng.uniform(0.0, 0.3))
                proxy.stall()
            outcome.thread.join(1.0)  # held (or done already, if it beat the stall)
            proxy.restore()
            outcome.wait()
            assert outcome.error is None, repr(outcome.error)
            check_desk_status(nr)
    finally:
        nr.close()
    check_in_step(store, pg_database, Claims.read(log))


# --- the server restarted mid-sync -------------------------------------------------------------


@pytest.fixture(scope="module")
def own_server() -> Iterator[PgServer]:
    """A server of this module's own, since restarting the shared one would hit other tests.

    Its commits are synchronous, as on a real server: the test server's asynchronous ones may
    be lost by a crash after the client was told they were made, which no desk can survive.
    """
    server = pg.start_server()
    try:
        with pg.connect(server.url().render_as_string(hide_password=False)) as conn:
            conn.execute("ALTER SYSTEM SET synchronous_commit = on")
            conn.execute("SELECT pg_reload_conf()")
        yield server
    finally:
        server.stop()


def restart(server: PgServer, mode: str) -> None:
    """Restart the server, ending every session: shut down ("fast") or crashed ("immediate")."""
    log = str(server.folder / "log")
    server._run("pg_ctl", "-D", str(server.data), "-l", log, "-m", mode, "-w", "restart")


@pytest.mark.timeout(300)
def test_server_restarted_mid_sync_says_offline_then_syncs_whole(
    tmp_path: Path, own_server: PgServer
) -> None:
    template = pg.make_template(own_server)
    with pg.database(own_server, template) as owner_url:
        url = pg.person_url(owner_url, REPORTER, "reporter")
        store = joined_desk(tmp_path / "desk.sqlite", url)
        log = tmp_path / "log.txt"
        rng = random.Random(3)
        offline = 0
        nr = open_desk(store)
        try:
            # Six restarts, shut down or crashed, and more until one met a sync.
            for n in range(20):
                if n >= 6 and offline:
                    break
                mode = ("fast", "immediate")[n % 2]
                _changes(nr, log, rng, rng.randint(6, 12))
                outcome = Outcome(nr, url)
                time.sleep(rng.uniform(0.0, 0.3))
                restart(own_server, mode)
                offline += offline_or_done(outcome)
                nr.sync.sync(server_url=url)
                check_desk_status(nr)
        finally:
            nr.close()
        check_in_step(store, owner_url, Claims.read(log))
        assert offline, "no restart met a sync"


# --- the local disk full mid-sync --------------------------------------------------------------


@pytest.mark.parametrize("room", [0, 30, 90])
def test_full_disk_mid_sync_fails_clearly_then_syncs_whole(
    tmp_path: Path,
    pg_database: str,
    server_person: Callable[[str, str], str],
    monkeypatch: pytest.MonkeyPatch,
    room: int,
) -> None:
    editor_url = server_person(EDITOR, "editor")
    other = open_desk(joined_desk(tmp_path / "editor.sqlite", editor_url))
    try:
        theirs = {
            # 30 × 14 kB of article text: more than the 90 pages of room the desk is left,
            # however compactly it keeps revisions and the search index.
            other.articles.create({"headline": f"Bài dài {n}", "body": PARAGRAPH * 12}).id
            for n in range(30)
        }
        other.sync.sync(server_url=editor_url)
    finally:
        other.close()
    # Received five articles to a local transaction: the disk fills after some were taken.
    monkeypatch.setattr(sync, "BATCH", 5)
    url = server_person(REPORTER, "reporter")
    store = joined_desk(tmp_path / "desk.sqlite", url)
    log = tmp_path / "log.txt"
    nr = open_desk(store)
    try:
        _changes(nr, log, random.Random(room), 10)
        with page_limit(nr, room), pytest.raises(StoreError) as full:
            nr.sync.sync(server_url=url)
        assert full.value.code == "store_disk_full", full.value.message
        assert "is full" in full.value.message and "Free some space" in full.value.message
        taken = theirs & {s.id for s in nr.articles.list(limit=500)}
    finally:
        nr.close()
    assert integrity(store) == "ok"
    mine = {aid for aid, _ in Claims.read(log).saves}
    sent = mine & set(server_held(pg_database).heads)
    print(f"\ndisk full: {len(sent)} of {len(mine)} sent, {len(taken)} of {len(theirs)} taken")
    nr = open_desk(store)
    try:
        nr.sync.sync(server_url=url)  # space freed
        check_desk_status(nr)
        assert theirs <= {s.id for s in nr.articles.list(limit=500)}
    finally:
        nr.close()
    check_in_step(store, pg_database, Claims.read(log))


# --- two desks editing one article offline -----------------------------------------------------


@pytest.mark.parametrize("first", [REPORTER, EDITOR])
def test_two_desks_editing_one_article_offline_end_the_same(
    tmp_path: Path, pg_database: str, server_person: Callable[[str, str], str], first: str
) -> None:
    urls = {REPORTER: server_person(REPORTER, "reporter"), EDITOR: server_person(EDITOR, "editor")}
    desks = {
        name: open_desk(joined_desk(tmp_path / f"desk-{n}.sqlite", url))
        for n, (name, url) in enumerate(urls.items())
    }
    second = EDITOR if first == REPORTER else REPORTER
    try:
        hau, nam = desks[REPORTER], desks[EDITOR]
        doc = hau.articles.create({"headline": "Bài gốc", "lead": "Sapo gốc.", "body": BODY})
        hau.sync.sync(server_url=urls[REPORTER])
        nam.sync.sync(server_url=urls[EDITOR])
        # Both offline: each changes the article its own way.
        hau.articles.save(doc.id, {"headline": "Bản của Hậu", "body": BODY + "\n\nCủa Hậu."})
        nam.articles.save(doc.id, {"lead": "Sapo của Nam.", "body": BODY + "\n\nCủa Nam."})
        edited = {name: desks[name].articles.get(doc.id) for name in desks}
        desks[first].sync.sync(server_url=urls[first])
        report = desks[second].sync.sync(server_url=urls[second])
        assert report.conflicts == [edited[second].headline]
        desks[first].sync.sync(server_url=urls[first])

        with pg.connect(pg_database) as conn:
            server = conn.execute(
                "SELECT headline, lead, body FROM articles WHERE id = %s", (doc.id,)
            ).fetchone()
            server_texts = set(
                conn.execute(
                    "SELECT headline, lead, body FROM revisions WHERE article_id = %s", (doc.id,)
                ).fetchall()
            )
        on = {name: desks[name].articles.get(doc.id) for name in desks}
        for name in desks:
            assert (on[name].headline, on[name].lead, on[name].body) == tuple(server)
        won = edited[first]
        assert tuple(server) == (won.headline, won.lead, won.body)  # the first to reach it
        for name, desk in desks.items():
            texts = {(r.headline, r.lead, r.body) for r in desk.history.list(doc.id)}
            assert texts == server_texts, f"{name}'s history differs from the server's"
            for kept in edited.values():
                assert (kept.headline, kept.lead, kept.body) in texts
            assert desk.sync.status().conflicts == 1
    finally:
        for nr in desks.values():
            nr.close()
