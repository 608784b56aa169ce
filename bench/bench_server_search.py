"""Search and the section list on a newsroom server of 100,000 Vietnamese articles.

    python bench/bench_server_search.py [--url postgresql://…/empty_db] [--count 100000]

The articles (generate.py's text model: realistic lengths, several sections, tags) are
copied in with COPY and indexed in one statement, not saved one by one through the app;
then the app's own search and list run against them. Targets: search p95 ≤ 20 ms, the
first page of a section ≤ 10 ms.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta

import psycopg
from sqlalchemy.engine import make_url

from generate import SECTIONS, TextModel, make_batch
from newsroom_desktop.core.documents import ListQuery
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.core.text import fold, slugify, word_count, words
from server_db import newsroom_database, pg

ARTICLE_COLUMNS = (
    "id, num, section_id, headline, headline_key, lead, body, byline, language, slug, status, "
    "owner_id, word_count, version, created_at, updated_at"
)
STATUSES = ["draft", "draft", "submitted", "editing", "ready", "published", "published"]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _rows(articles: list[dict], start: int, refs: dict[str, dict[str, str]]) -> tuple[list, list]:
    base = datetime(2021, 1, 1, tzinfo=UTC)
    rows, tag_rows = [], []
    people = list(refs["people"].values())
    for offset, fields in enumerate(articles):
        n = start + offset
        ident = str(uuid.UUID(int=random.Random(n).getrandbits(128)))
        when = base + timedelta(minutes=37 * n + n % 29)
        headline = str(fields["headline"])
        body = str(fields["body"])
        rows.append(
            (ident, n + 1, refs["sections"][str(fields["section"])], headline, fold(headline),
             fields["lead"], body, fields["byline"], "vi", slugify(headline),
             STATUSES[n % len(STATUSES)], people[n % len(people)], word_count(body), 1, when,
             when)
        )  # fmt: skip
        tag_rows += [(ident, refs["tags"][tag]) for tag in dict.fromkeys(fields["tags"])]  # type: ignore[attr-defined]
    return rows, tag_rows


def _references(conn: psycopg.Connection, rng: random.Random) -> dict[str, dict[str, str]]:
    from generate import PLACES, TOPICS

    refs: dict[str, dict[str, str]] = {"sections": {}, "people": {}, "tags": {}}
    model = TextModel(rng)
    for table, names in (
        ("sections", SECTIONS),
        ("people", sorted({model.person() for _ in range(40)})),
        ("tags", sorted(set(PLACES + TOPICS))),
    ):
        for name in names:
            ident = str(uuid.uuid4())
            refs[table][name] = ident
            extra = {"sections": ", now()", "people": ", now(), 'reporter'", "tags": ""}[table]
            columns = {"sections": ", created_at", "people": ", created_at, role", "tags": ""}
            conn.execute(
                f"INSERT INTO {table} (id, name{columns[table]}) VALUES (%s, %s{extra})",
                (ident, name),
            )
    return refs


def fill(url: str, count: int, batch: int = 2000) -> float:
    """Copy ``count`` generated articles into the server and index them; return seconds."""
    conn = psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(
        hide_password=False))  # fmt: skip
    started = time.perf_counter()
    # A bulk load, not desks at work: no change notices for 100,000 rows nobody watches.
    conn.execute("SET session_replication_role = replica")
    refs = _references(conn, random.Random(7))
    jobs = [(7, i, min(batch, count - i * batch)) for i in range((count + batch - 1) // batch)]
    done = 0
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        for articles in pool.imap(make_batch, jobs):
            rows, tag_rows = _rows(articles, done, refs)
            with conn.cursor().copy(f"COPY articles ({ARTICLE_COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            with conn.cursor().copy("COPY article_tags (article_id, tag_id) FROM STDIN") as copy:
                for row in tag_rows:
                    copy.write_row(row)
            done += len(articles)
            print(f"\r{done}/{count} articles", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    finish_fill(conn)
    return time.perf_counter() - started


def finish_fill(conn: psycopg.Connection) -> None:
    """Index every article at once, commit, analyse and close (the end of a bulk fill)."""
    # One index build for all: the same function the app's saves use (the body as Markdown).
    conn.execute(
        "INSERT INTO article_search (num, document) "
        "SELECT a.num, newsroom_search_document(a.headline, a.lead, a.body, a.byline, '', "
        "(SELECT string_agg(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id "
        "WHERE x.article_id = a.id)) FROM articles a"
    )
    conn.commit()
    conn.autocommit = True
    conn.execute("VACUUM ANALYZE")
    conn.close()


def queries(nr: Newsroom, count: int, rng: random.Random) -> list[str]:
    """Return 1–3 words from stored articles: as typed, folded, and cut short (a prefix)."""
    sample = nr.articles.list(limit=2000)
    out: list[str] = []
    while len(out) < count:
        doc = nr.articles.get(rng.choice(sample).id)
        tokens = [w for w in words(f"{doc.headline} {doc.lead}") if w.isalpha()]
        n = rng.randint(1, 3)
        start = rng.randrange(max(1, len(tokens) - n))
        phrase = " ".join(tokens[start : start + n])
        kind = len(out) % 3
        if kind == 1:
            phrase = fold(phrase)
        elif kind == 2 and len(phrase.split()[-1]) > 3:
            phrase = phrase[:-1]  # still typing the last word
        out.append(phrase)
    return out


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def report(name: str, times: list[float], target: float) -> bool:
    p95 = percentile(times, 95)
    verdict = "ok" if p95 <= target else f"MISSES the {target:g} ms target"
    print(
        f"{name}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
        f"max {max(times):.1f} ms ({verdict})"
    )
    return p95 <= target


def measure(url: str) -> bool:
    # A desk signs in with its own login (a server refuses anyone claiming to be someone).
    nr = Newsroom.open(pg.person_url(url, "Ngọc Hậu", "reporter"), settings=Settings())
    qs = [*queries(nr, 300, random.Random(11)), "dang", "Đảng", "ha noi", "thanh pho ho chi m"]
    for q in qs[:20]:  # a running server has its pages cached
        nr.articles.search(q, limit=50)
    search = [timed(lambda q=q: nr.articles.search(q, limit=50)) for q in qs]
    lists = [
        timed(lambda s=s: nr.articles.list(ListQuery(section=s), limit=200)) for s in SECTIONS * 10
    ]
    nr.close()
    ok = report(f"search: {len(qs)} queries of 1-3 words (as typed, folded, prefix)", search, 20)
    return report("list: newest 200 of a section", lists, 10) and ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="an EMPTY database to prepare (default: a throw-away server)")
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    with newsroom_database(args.url) as url:
        seconds = fill(url, args.count)
        print(f"fill: {args.count} articles copied and indexed in {seconds:.0f} s")
        ok = measure(url)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
