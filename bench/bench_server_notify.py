"""How fast another desk's change reaches an open window's watcher on a newsroom server.

    python bench/bench_server_notify.py [--url postgresql://…/empty_db] [--changes 200]

Another connection commits a change; the time until the window's watcher (polled as the
window does, but without its 200 ms timer) returns a change set naming the article.
"""

from __future__ import annotations

import argparse
import statistics
import time

import psycopg
from sqlalchemy.engine import make_url

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.watch import StoreWatcher
from server_db import newsroom_database


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def arrival(watcher: StoreWatcher, article_id: str, timeout: float = 10.0) -> float:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        changes = watcher.poll()
        if changes is not None and article_id in changes.ids:
            return time.perf_counter()
        time.sleep(0.0005)
    raise SystemExit(f"no change set for {article_id} within {timeout} s")


def measure(url: str, count: int) -> list[float]:
    nr = Newsroom.open(url)  # the database's owner: the login says who acts on a server
    ids = [nr.articles.create({"headline": f"Tin {i}"}).id for i in range(10)]
    watcher = nr.watch()
    assert watcher.listener is not None
    assert watcher.listener.listening.wait(10)
    time.sleep(0.3)
    while watcher.poll() is not None:  # the first look-afresh
        pass
    other = psycopg.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False),
        autocommit=True,
    )
    times = []
    for n in range(count):
        article_id = ids[n % len(ids)]
        started = time.perf_counter()
        other.execute("UPDATE articles SET headline = %s WHERE id = %s", (f"Sửa {n}", article_id))
        times.append((arrival(watcher, article_id) - started) * 1000)
    other.close()
    watcher.close()
    nr.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="an EMPTY database to prepare (default: a throw-away server)")
    parser.add_argument("--changes", type=int, default=200)
    args = parser.parse_args()
    with newsroom_database(args.url) as url:
        times = measure(url, args.changes)
    print(
        f"notify: {len(times)} changes committed by another connection reached the watcher: "
        f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, "
        f"max {max(times):.1f} ms (the window looks every 200 ms on top)"
    )


if __name__ == "__main__":
    main()
