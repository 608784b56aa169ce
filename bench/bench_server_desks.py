"""Twenty desks at once on one newsroom server: reporters saving every 2 s, editors moving on.

    python bench/bench_server_desks.py [--seconds 60] [--reporters 15] [--editors 5]
                                       [--fill 0] [--url postgresql://…/empty_db]

Every desk is a process of its own, signed in with its own login (made as `newsroom server
add-person` makes it), working through the core facade as the window does. A reporter writes
an article, saving it every 2 s as the window's autosave does (the text changes each time,
with the version it last saw), submits it after --saves saves and starts another. An editor
takes a submitted article, edits it, approves and publishes it (or returns it with a note).
Reporters never edit after submitting, so a refused save is a true conflict or a fault.

At the end the owner reads every article back: the stored text must be that of the last save
the server reported done, every article its revisions, every submit its "submit" revision.
Targets: lost 0, no save refused, save p95 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generate import TextModel
from server_db import newsroom_database, pg

SAVE_EVERY = 2.0
TARGET_P95_MS = 50.0


@dataclass
class DeskLog:
    """What one desk did: every save's latency and outcome, and its last saved text a article."""

    name: str
    save_ms: list[float] = field(default_factory=list)
    refusals: Counter[str] = field(default_factory=Counter)  # refused saves, by kind
    workflow_refusals: Counter[str] = field(default_factory=Counter)
    # article id → (version the server returned, sha256 of the text saved) of the last save
    last_saved: dict[str, tuple[int, str]] = field(default_factory=dict)
    submitted: list[str] = field(default_factory=list)
    actions: Counter[str] = field(default_factory=Counter)
    failure: str = ""  # what stopped the desk early, if anything did


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _open(url: str) -> Any:
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.settings import Settings

    return Newsroom.open(url, settings=Settings())


def _save(nr: Any, log: DeskLog, article_id: str, body: str, version: int) -> int:
    """Save ``body`` as the window's autosave does; return the new version (or the old one)."""
    from newsroom_desktop.core.errors import ConflictError, NewsroomError

    started = time.perf_counter()
    try:
        done = nr.articles.save(
            article_id, {"body": body}, expected_version=version, reason="autosave"
        )
    except ConflictError:
        log.refusals["conflict"] += 1
        return version
    except NewsroomError as exc:
        log.refusals[getattr(exc, "code", type(exc).__name__)] += 1
        return version
    finally:
        log.save_ms.append((time.perf_counter() - started) * 1000)
    # The text as the server stored it (the body's Markdown is normalised on save).
    log.last_saved[article_id] = (done.article.version, digest(done.article.body))
    return int(done.article.version)


def desk(role: str, url: str, seed: int, seconds: float, saves: int, ready: Any, out: Any) -> None:
    """Sign in, wait for every desk, work for ``seconds``; always hand back the log."""
    nr = _open(url)
    log = DeskLog(nr.actor.name)
    work = reporter if role == "reporter" else editor
    ready.wait()
    try:
        work(nr, log, random.Random(seed), time.monotonic() + seconds, saves)
    except Exception as exc:  # reported, and the run fails: no desk may stop on an error
        log.failure = f"{type(exc).__name__}: {exc}"
    finally:
        nr.close()
        out.put(log)


def reporter(nr: Any, log: DeskLog, rng: random.Random, end: float, saves: int) -> None:
    """Write articles, saving every SAVE_EVERY seconds, submitting each after ``saves`` saves."""
    model = TextModel(rng)
    tick = time.monotonic() + rng.uniform(0, SAVE_EVERY)  # desks do not save in step
    while time.monotonic() < end:
        fields = model.article()
        fields.pop("tags")
        doc = nr.articles.create(fields)
        log.actions["create"] += 1
        paragraphs, version = [str(fields["body"])], doc.version
        for _ in range(saves):
            time.sleep(max(0.0, tick - time.monotonic()))
            tick += SAVE_EVERY
            if time.monotonic() >= end:
                break
            paragraphs.append(model.paragraph())  # typing on: the text changes every save
            version = _save(nr, log, doc.id, "\n\n".join(paragraphs), version)
        else:
            nr.workflow.apply(doc.id, "submit")
            log.submitted.append(doc.id)
            log.actions["submit"] += 1


def editor(nr: Any, log: DeskLog, rng: random.Random, end: float, saves: int) -> None:
    """Take submitted articles, edit, approve and publish them (or return one in five)."""
    from newsroom_desktop.core.documents import ListQuery
    from newsroom_desktop.core.errors import WorkflowError

    del saves
    while time.monotonic() < end:
        waiting = nr.articles.list(ListQuery(status="submitted"), limit=20)
        if not waiting:
            time.sleep(0.5)
            continue
        try:
            doc = nr.workflow.apply(rng.choice(waiting).id, "take")
        except WorkflowError:
            log.workflow_refusals["take: another editor was first"] += 1  # a true race
            continue
        log.actions["take"] += 1
        time.sleep(rng.uniform(0.5, 1.5))  # reading it
        _save(nr, log, doc.id, doc.body + "\n\n(Biên tập: đã sửa.)", doc.version)
        if rng.random() < 0.2:
            nr.workflow.apply(doc.id, "return", note="Thêm nguồn tin, xin gửi lại.")
            log.actions["return"] += 1
            continue
        for action in ("approve", "publish"):
            try:
                nr.workflow.apply(doc.id, action)
            except WorkflowError as exc:
                log.workflow_refusals[f"{action}: {exc.code}"] += 1
                break
            log.actions[action] += 1


def make_people(owner_url: str, reporters: int, editors: int) -> list[tuple[str, str]]:
    """Give each desk its own login; return (role, url) a desk."""
    rng = random.Random(5)
    model = TextModel(rng)
    names: list[str] = []
    while len(names) < reporters + editors:
        name = model.person()
        if name not in names:
            names.append(name)
    roles = ["reporter"] * reporters + ["editor"] * editors
    pairs = zip(names, roles, strict=True)
    return [(role, pg.person_url(owner_url, name, role)) for name, role in pairs]


def run_desks(desks: list[tuple[str, str]], seconds: float, saves: int) -> list[DeskLog]:
    """Run every desk in its own process for ``seconds``; return their logs."""
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Barrier(len(desks) + 1)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=desk, args=(role, url, n, seconds, saves, ready, out))
        for n, (role, url) in enumerate(desks)
    ]
    for proc in procs:
        proc.start()
    ready.wait()  # every desk signed in: the clock starts for all at once
    print(f"{len(desks)} desks signed in, working for {seconds:g} s", file=sys.stderr)
    logs = [out.get(timeout=seconds + 120) for _ in procs]
    for proc in procs:
        proc.join()
    return logs


def check(owner_url: str, logs: list[DeskLog]) -> tuple[int, int]:
    """Return (lost, articles): stored texts that are not the last save reported done."""
    from sqlalchemy import func, select

    from newsroom_desktop.core.models import Article, Revision

    last: dict[str, tuple[int, str]] = {}
    for log in logs:
        for ident, (version, sha) in log.last_saved.items():
            if ident not in last or version > last[ident][0]:
                last[ident] = (version, sha)
    submitted = {ident for log in logs for ident in log.submitted}
    nr = _open(owner_url)
    with nr.store.read() as session:
        stored = dict(session.execute(select(Article.id, Article.body)).all())
        versions = dict(session.execute(select(Article.id, Article.version)).all())
        revs = Counter(session.scalars(select(Revision.article_id)))
        submits = set(
            session.scalars(select(Revision.article_id).where(Revision.reason == "submit"))
        )
        total = session.scalar(select(func.count()).select_from(Article))
    nr.close()
    lost = 0
    for ident, (version, sha) in last.items():
        if ident not in stored or digest(stored[ident]) != sha or versions[ident] < version:
            lost += 1
            print(f"LOST: article {ident}: stored text is not its last save", file=sys.stderr)
    for ident in set(stored) - set(revs):
        lost += 1
        print(f"LOST: article {ident} has no revision", file=sys.stderr)
    for ident in submitted - submits:
        lost += 1
        print(f"LOST: article {ident} was submitted but has no submit revision", file=sys.stderr)
    return lost, int(total or 0)


def report(logs: list[DeskLog], lost: int, articles: int) -> bool:
    times = [ms for log in logs for ms in log.save_ms]
    refusals = sum((log.refusals for log in logs), Counter())
    moves = sum((log.workflow_refusals for log in logs), Counter())
    actions = sum((log.actions for log in logs), Counter())
    p95 = percentile(times, 95)
    print(
        f"saves: {len(times)}, p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
        f"max {max(times):.1f} ms (target p95 ≤ {TARGET_P95_MS:g} ms)"
    )
    print("actions: " + ", ".join(f"{k} {v}" for k, v in sorted(actions.items())))
    print("saves refused: " + (", ".join(f"{k}: {v}" for k, v in refusals.items()) or "none"))
    print("moves refused: " + (", ".join(f"{k}: {v}" for k, v in moves.items()) or "none"))
    failures = [f"{log.name}: {log.failure}" for log in logs if log.failure]
    for failure in failures:
        print(f"DESK STOPPED: {failure}")
    print(f"articles on the server: {articles}; lost: {lost}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return lost == 0 and not refusals and not failures and p95 <= TARGET_P95_MS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--reporters", type=int, default=15)
    parser.add_argument("--editors", type=int, default=5)
    parser.add_argument("--saves", type=int, default=6, help="saves before a reporter submits")
    parser.add_argument("--fill", type=int, default=0, help="articles copied in beforehand")
    parser.add_argument("--url", help="an EMPTY database to prepare (default: a throw-away server)")
    args = parser.parse_args()
    with newsroom_database(args.url) as url:
        if args.fill:
            from bench_server_search import fill

            print(f"fill: {args.fill} articles in {fill(url, args.fill):.0f} s", file=sys.stderr)
        desks = make_people(url, args.reporters, args.editors)
        logs = run_desks(desks, args.seconds, args.saves)
        lost, articles = check(url, logs)
        ok = report(logs, lost, articles)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
