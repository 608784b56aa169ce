"""Offline desks syncing with a newsroom server: a first sync, an incremental one, 20 at once.

    python bench/bench_sync.py [--articles 10000 | --quick] [--desks 20] [--edits 100]
                               [--url postgresql://…/empty_db] [--profile first|incremental]

The server is filled in bulk (COPY through the owner's URL, as bench_server_search does):
--articles generated articles whose updated_at spreads over the last year (so about 1 in 26
is within the 14 days a desk holds), each with 1–3 revisions, the newest its head, and its
search row. The desk's own person owns 50 older drafts and 60 recent ones.

1. first sync: a new desk (its own person, a reporter) joins with the default 14 days and
   syncs. Target ≤ 60 s.
2. incremental: the desk edits --edits of its articles, an editor's desk edits --edits others
   directly on the server; the desk syncs. Target ≤ 2 s.
3. --desks desks at once, each a process with its own person and store (a quarter editors):
   each first syncs (all at once too), then edits offline; reporters their own drafts and a
   new article, editors articles the reporters also edit, so that some are true conflicts.
   Then all sync at once, and once more to converge. Target: no errors (a conflict is a
   SyncReport.conflicts entry, never an exception); conflicts counted as expected (each hot
   article edited by k desks gives k-1); every desk ends with the server's text.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import os
import pstats
import random
import sys
import tempfile
import time
import traceback
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from bench_server_search import ARTICLE_COLUMNS, _references, finish_fill
from generate import TextModel, make_batch
from newsroom_desktop.core import revisions
from newsroom_desktop.core.text import fold, slugify, word_count
from server_db import newsroom_database, pg

TARGET_FIRST_S = 60.0
TARGET_INCREMENTAL_S = 2.0
HELD_DAYS = 14
OWN_OLD, OWN_RECENT, HOT = 50, 60, 10
DESK_PERSON = ("Ngọc Hậu", "reporter")
SERVER_EDITOR = ("Phương Nam", "editor")
REVISION_COLUMNS = (
    "id, article_id, number, article_version, created_at, author_id, author_name, reason, "
    "section, headline, lead, body, byline, language, tags_json, photos_json, content_hash"
)
STATUSES = ["draft", "submitted", "editing", "ready", "published", "published"]


def _psycopg(url: str) -> psycopg.Connection:
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return psycopg.connect(plain)


def _open(location: Any) -> Any:
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.settings import Settings

    return Newsroom.open(location, settings=Settings())


# --- the server, filled in bulk ---------------------------------------------------------------


@dataclass
class Plan:
    """Who owns what on the server, for the desks to edit."""

    count: int
    ids: list[str]  # newest first
    owners: dict[str, str] = field(default_factory=dict)  # article id → person id
    desk_own: list[str] = field(default_factory=list)
    hot: list[str] = field(default_factory=list)  # edited by several crowd desks


def article_id(n: int) -> str:
    return str(uuid.UUID(int=random.Random(f"sync-{n}").getrandbits(128)))


def plan(count: int, desk_person: str, crowd_reporters: list[str]) -> Plan:
    """Decide the owners: the newest HOT go to crowd reporters, then the desk's own."""
    p = Plan(count, [article_id(n) for n in range(count)])
    for i, aid in enumerate(p.ids[:HOT]):
        p.owners[aid] = crowd_reporters[i % len(crowd_reporters)]
        p.hot.append(aid)
    p.desk_own = p.ids[HOT : HOT + 2 * OWN_RECENT : 2] + p.ids[-OWN_OLD:]
    for aid in p.desk_own:
        p.owners[aid] = desk_person
    return p


def fill(url: str, p: Plan, batch: int = 1000) -> float:
    """Copy the planned articles, their revisions and search rows into the server."""
    conn = _psycopg(url)
    started = time.perf_counter()
    conn.execute("SET session_replication_role = replica")  # a bulk load: no triggers
    refs = _references(conn, random.Random(7))
    people = list(refs["people"].values())
    names = dict(conn.execute("SELECT id, name FROM people").fetchall())
    # The server's own order of tag names (an article's tags are listed in it).
    rank = {
        name: i for i, (name,) in enumerate(conn.execute("SELECT name FROM tags ORDER BY name"))
    }
    (now,) = conn.execute("SELECT now()").fetchone()
    jobs = [(11, i, min(batch, p.count - i * batch)) for i in range((p.count + batch - 1) // batch)]
    done = 0
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        for articles in pool.imap(make_batch, jobs):
            rows, revs, tag_rows = [], [], []
            for fields in articles:
                n = done
                done += 1
                aid = p.ids[n]
                owner = p.owners.get(aid, people[n % len(people)])
                status = "draft" if aid in p.owners else STATUSES[n % len(STATUSES)]
                updated = now - timedelta(days=365 * (n + 0.5) / p.count)
                if aid in p.desk_own and n >= p.count - OWN_OLD:
                    updated = now - timedelta(days=30 + n % 300)
                headline, body = str(fields["headline"]), str(fields["body"]) + "\n"
                tags = sorted(dict.fromkeys(fields["tags"]), key=rank.__getitem__)  # type: ignore[call-overload]
                snap = {
                    "section": fields["section"], "headline": headline, "lead": fields["lead"],
                    "body": body, "byline": fields["byline"], "language": "vi", "tags": tags,
                    "photos": [],
                }  # fmt: skip
                paragraphs = body.split("\n\n")
                count = 1 + n % 3
                head = ""
                for number in range(1, count + 1):
                    text = "\n\n".join(paragraphs[: len(paragraphs) - (count - number)])
                    if not text.endswith("\n"):
                        text += "\n"
                    rsnap = {**snap, "body": text}
                    head = str(uuid.UUID(int=random.Random(f"{aid}-{number}").getrandbits(128)))
                    when = updated - timedelta(hours=count - number)
                    revs.append(
                        (head, aid, number, number, when, owner, names[owner], "save",
                         fields["section"], headline, fields["lead"], text, fields["byline"],
                         "vi", json.dumps(tags, ensure_ascii=False), "[]",
                         revisions.content_hash(rsnap))
                    )  # fmt: skip
                rows.append(
                    (aid, n + 1, refs["sections"][str(fields["section"])], headline,
                     fold(headline), fields["lead"], body, fields["byline"], "vi",
                     slugify(headline), status, owner, word_count(body), count,
                     updated - timedelta(hours=count), updated, head)
                )  # fmt: skip
                tag_rows += [(aid, refs["tags"][t]) for t in tags]
            columns = f"{ARTICLE_COLUMNS}, head_revision_id"
            with conn.cursor().copy(f"COPY articles ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            with conn.cursor().copy(f"COPY revisions ({REVISION_COLUMNS}) FROM STDIN") as copy:
                for row in revs:
                    copy.write_row(row)
            with conn.cursor().copy("COPY article_tags (article_id, tag_id) FROM STDIN") as copy:
                for row in tag_rows:
                    copy.write_row(row)
            print(f"\r{done}/{p.count} articles", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    finish_fill(conn)
    return time.perf_counter() - started


def person_id(owner_url: str, name: str) -> str:
    with pg.connect(owner_url) as conn:
        row = conn.execute("SELECT id FROM people WHERE name = %s", (name,)).fetchone()
    assert row is not None, name
    return str(row[0])


# --- 1 and 2: one desk ------------------------------------------------------------------------


def timed_sync(nr: Any, url: str, profile: bool) -> Any:
    if not profile:
        return nr.sync.sync(server_url=url)
    prof = cProfile.Profile()
    report = prof.runcall(nr.sync.sync, server_url=url)
    prof.dump_stats(Path(tempfile.gettempdir()) / "bench_sync.prof")  # for a closer look
    pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    return report


def one_desk(folder: Path, desk_url: str, editor_url: str, p: Plan, args: Any) -> dict[str, Any]:
    nr = _open(folder / "desk.sqlite")
    nr.sync.join(desk_url)
    first = timed_sync(nr, desk_url, args.profile == "first")
    out: dict[str, Any] = {"first": first}
    # 2: edits each way, then one sync.
    model = TextModel(random.Random(3))
    held = {a.id for a in nr.articles.list(limit=100_000)}
    mine = [aid for aid in p.desk_own if aid in held][: args.edits]
    for aid in mine:
        doc = nr.articles.get(aid)
        nr.articles.save(aid, {"body": doc.body + "\n\n" + model.paragraph()})
    editor = _open(editor_url)
    theirs = [aid for aid in p.ids[HOT:] if aid not in p.owners][: args.edits]
    for aid in theirs:
        doc = editor.articles.get(aid)
        editor.articles.save(aid, {"body": doc.body + "\n\n(Biên tập: " + model.sentence(8) + ")"})
    editor.close()
    incremental = timed_sync(nr, desk_url, args.profile == "incremental")
    out["incremental"] = incremental
    out["edited"] = (len(mine), len(theirs))
    again = nr.sync.sync(server_url=desk_url)
    out["again"] = again
    out["waiting"] = nr.sync.status().waiting
    nr.close()
    return out


# --- 3: many desks at once --------------------------------------------------------------------


@dataclass
class CrowdLog:
    name: str
    role: str
    first_s: float = 0.0
    first_received: int = 0
    sync_s: float = 0.0
    sent: int = 0
    received: int = 0
    conflicts: int = 0
    second_s: float = 0.0
    second_conflicts: int = 0
    waiting: int = -1
    bodies: dict[str, str] = field(default_factory=dict)  # edited article → body at the end
    saved: dict[str, str] = field(default_factory=dict)  # edited article → body this desk saved
    errors: list[str] = field(default_factory=list)


def crowd_desk(
    index: int, role: str, url: str, path: str, edits: list[str], ready: Any, out: Any
) -> None:
    """One desk: join and first sync, edit offline, then two syncs at the barrier's signal."""
    from newsroom_desktop.core.errors import NewsroomError

    nr = None
    log = CrowdLog(f"desk {index}", role)
    rng = random.Random(index)
    model = TextModel(rng)

    def step(name: str, fn: Any) -> Any:
        try:
            return fn()
        except (NewsroomError, Exception) as exc:  # every error counts; none may happen
            log.errors.append(f"{name}: {type(exc).__name__}: {exc}")
            traceback.print_exc(file=sys.stderr)
            return None

    try:
        nr = _open(Path(path))
        actor = step("join", lambda: nr.sync.join(url))
        log.name = actor.name if actor else log.name
        ready.wait()  # 3a: every desk's first sync at once
        first = step("first sync", lambda: nr.sync.sync(server_url=url))
        if first is not None:
            log.first_s, log.first_received = first.seconds, len(first.received)
        for aid in edits:
            doc = step("get", lambda aid=aid: nr.articles.get(aid))
            if doc is not None:
                done = step("edit", lambda aid=aid, doc=doc: nr.articles.save(
                    aid, {"body": doc.body + "\n\n" + model.paragraph()}))  # fmt: skip
                if done is not None:
                    log.saved[aid] = done.article.body
        if role == "reporter":
            step("create", lambda: nr.articles.create({**model.article(), "tags": []}))
        ready.wait()  # 3b: every desk syncs its edits at once
        report = step("sync", lambda: nr.sync.sync(server_url=url))
        if report is not None:
            log.sync_s, log.sent = report.seconds, len(report.sent)
            log.received, log.conflicts = len(report.received), len(report.conflicts)
        ready.wait()  # 3c: and once more, to take what the others sent
        again = step("second sync", lambda: nr.sync.sync(server_url=url))
        if again is not None:
            log.second_s, log.second_conflicts = again.seconds, len(again.conflicts)
        ready.wait()  # 3d: a last sync one at a time is not needed: everyone synced after all
        log.waiting = nr.sync.status().waiting
        for aid in edits:
            doc = step("read back", lambda aid=aid: nr.articles.get(aid))
            if doc is not None:
                log.bodies[aid] = doc.body
    except Exception as exc:
        log.errors.append(f"desk: {type(exc).__name__}: {exc}")
    finally:
        if nr is not None:
            nr.close()
        out.put(log)


def crowd(owner_url: str, folder: Path, people: list[tuple[str, str, str]], p: Plan) -> dict:
    """Run the desks in processes; return the figures."""
    editors = [i for i, (_, role, _) in enumerate(people) if role == "editor"]
    reporters = [i for i, (_, role, _) in enumerate(people) if role == "reporter"]
    edits: dict[int, list[str]] = {i: [] for i in range(len(people))}
    editing: dict[str, int] = {}
    for h, aid in enumerate(p.hot):
        owner = reporters[h % len(reporters)]
        edits[owner].append(aid)
        takers = [editors[(h + k) % len(editors)] for k in range(min(2, len(editors)))]
        for e in takers:
            edits[e].append(aid)
        editing[aid] = 1 + len(takers)
    # Editors also edit a few articles nobody else touches (no conflict).
    spare = [aid for aid in p.ids[HOT : HOT + 200] if aid not in p.owners]
    for k, e in enumerate(editors):
        edits[e] += spare[3 * k : 3 * k + 3]
    expected = sum(k - 1 for k in editing.values())
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Barrier(len(people) + 1)
    out = ctx.Queue()
    procs = [
        ctx.Process(
            target=crowd_desk,
            args=(i, role, url, str(folder / f"crowd-{i}.sqlite"), edits[i], ready, out),
        )
        for i, (_, role, url) in enumerate(people)
    ]
    for proc in procs:
        proc.start()
    marks = []
    for _ in range(4):
        ready.wait(timeout=900)
        marks.append(time.perf_counter())
    logs: list[CrowdLog] = [out.get(timeout=600) for _ in procs]
    for proc in procs:
        proc.join()
    # The server's text of each edited article: every desk must end with it.
    edited = sorted({aid for ids in edits.values() for aid in ids})
    with pg.connect(owner_url) as conn:
        server = dict(
            conn.execute("SELECT id, body FROM articles WHERE id = ANY(%s)", (edited,)).fetchall()
        )
    diverged = 0
    for log in logs:
        for aid, body in log.bodies.items():
            if server.get(aid) != body:
                diverged += 1
                whose = [g.name for g in logs if g.saved.get(aid) == server[aid]]
                held = "its own text" if body == log.saved.get(aid) else "another text"
                print(
                    f"DIVERGED: {log.name} ({log.role}) holds {held} of {aid[:8]}; "
                    f"the server has {whose or 'nobody'}'s",
                    file=sys.stderr,
                )
    return {
        "first_s": marks[1] - marks[0],
        "sync_s": marks[2] - marks[1],
        "second_s": marks[3] - marks[2],
        "logs": logs,
        "expected": expected,
        "diverged": diverged,
    }


# --- the table --------------------------------------------------------------------------------


def row(what: str, figure: str, target: str, ok: bool | None) -> bool:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    print(f"{what:<52} {figure:>22}  {target:<20} {verdict}")
    return ok is not False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="2,000 articles")
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--edits", type=int, default=100, help="changed articles each way")
    parser.add_argument("--url", help="an EMPTY database to prepare (default: a throw-away server)")
    parser.add_argument("--profile", choices=["first", "incremental"], help="cProfile one sync")
    parser.add_argument("--skip-crowd", action="store_true", help="only figures 1 and 2")
    args = parser.parse_args()
    count = 2_000 if args.quick else args.articles
    with newsroom_database(args.url) as url, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        desk_url = pg.person_url(url, *DESK_PERSON)
        editor_url = pg.person_url(url, *SERVER_EDITOR)
        n_editors = max(1, args.desks // 4)
        roles = ["editor"] * n_editors + ["reporter"] * (args.desks - n_editors)
        crowd_people = []
        model = TextModel(random.Random(21))
        taken = {DESK_PERSON[0], SERVER_EDITOR[0]}
        for role in roles:
            name = model.person()
            while name in taken:
                name = model.person()
            taken.add(name)
            crowd_people.append((name, role, pg.person_url(url, name, role)))
        crowd_reporters = [person_id(url, n) for n, role, _ in crowd_people if role == "reporter"]
        p = plan(count, person_id(url, DESK_PERSON[0]), crowd_reporters)
        seconds = fill(url, p)
        print(f"fill: {count} articles with revisions in {seconds:.0f} s", file=sys.stderr)
        with pg.connect(url) as conn:
            (recent,) = conn.execute(
                "SELECT count(*) FROM articles WHERE updated_at >= now() - interval '14 days'"
            ).fetchone()
        one = one_desk(folder, desk_url, editor_url, p, args)
        many = None if args.skip_crowd else crowd(url, folder, crowd_people, p)

    first, inc, again = one["first"], one["incremental"], one["again"]
    print()
    print(f"sync: {count} articles on the server, {recent} within {HELD_DAYS} days, "
          f"the desk's person owns {len(p.desk_own)}; {os.cpu_count()} cores")  # fmt: skip
    print(f"{'':<52} {'figure':>22}  {'target':<20}")
    ok = row("1. first sync of a new desk (14 days held)", f"{first.seconds:.2f} s",
             f"≤ {TARGET_FIRST_S:g} s", first.seconds <= TARGET_FIRST_S)  # fmt: skip
    row("   articles received", f"{len(first.received)}", f"~{recent} + own", None)
    mine, theirs = one["edited"]
    ok &= row(f"2. incremental sync ({mine} edited here, {theirs} there)",
              f"{inc.seconds:.2f} s", f"≤ {TARGET_INCREMENTAL_S:g} s",
              inc.seconds <= TARGET_INCREMENTAL_S)  # fmt: skip
    row("   sent / received / conflicts",
        f"{len(inc.sent)} / {len(inc.received)} / {len(inc.conflicts)}", "", None)  # fmt: skip
    ok &= row("   a sync right after: sent / conflicts, waiting",
              f"{len(again.sent)} / {len(again.conflicts)}, {one['waiting']}", "0 / 0, 0",
              not again.sent and not again.conflicts and one["waiting"] == 0)  # fmt: skip
    if many is not None:
        logs: list[CrowdLog] = many["logs"]
        errors = [f"{log.name}: {e}" for log in logs for e in log.errors]
        conflicts = sum(log.conflicts + log.second_conflicts for log in logs)
        slowest = max(log.sync_s for log in logs)
        n = len(logs)
        row(f"3. {n} first syncs at once (wall)", f"{many['first_s']:.1f} s",
            "", None)  # fmt: skip
        row("   received per desk (min–max)",
            f"{min(g.first_received for g in logs)}–{max(g.first_received for g in logs)}",
            "", None)  # fmt: skip
        ok &= row(f"   {n} syncs of offline edits at once (wall)", f"{many['sync_s']:.1f} s",
                  "", None)  # fmt: skip
        row("   slowest desk's sync", f"{slowest:.2f} s", "", None)
        ok &= row("   errors", f"{len(errors)}", "0", not errors)
        ok &= row("   conflicts (SyncReport.conflicts)", f"{conflicts}",
                  f"= {many['expected']} expected", conflicts == many["expected"])  # fmt: skip
        ok &= row(f"   {n} syncs at once again: wall", f"{many['second_s']:.1f} s", "", None)
        ok &= row("   desks still waiting / edited texts not the server's",
                  f"{sum(log.waiting != 0 for log in logs)} / {many['diverged']}", "0 / 0",
                  not any(log.waiting for log in logs) and many["diverged"] == 0)  # fmt: skip
        for error in errors[:20]:
            print(f"ERROR {error}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
