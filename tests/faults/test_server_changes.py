"""Other desks' changes reach an open window through the server's notices, even after a drop."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text

from newsroom_desktop.core.changes import Changes
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.notices import Notice, NoticeListener
from newsroom_desktop.core.watch import StoreWatcher
from tests import pg
from tests.conftest import EDITOR, REPORTER

# Generous: the figure itself (well under a second) is measured by bench_server_notify.py.
PATIENCE_S = 20.0


@pytest.fixture
def desk(pg_database: str) -> Iterator[pg.ServerDesks]:
    """A reporter's desk, signed in with her own login."""
    desks = pg.ServerDesks(pg_database)
    desks.act_as(REPORTER)
    yield desks
    desks.close()


def _wait(watcher: StoreWatcher, wanted: Callable[[Changes], bool]) -> Changes:
    deadline = time.monotonic() + PATIENCE_S
    while time.monotonic() < deadline:
        changes = watcher.poll()
        if changes is not None and wanted(changes):
            return changes
        time.sleep(0.02)
    pytest.fail(f"no change set as wanted within {PATIENCE_S} s")


def _listening(watcher: StoreWatcher) -> StoreWatcher:
    # The first connection reports a look-afresh; after it only notices bring changes.
    _wait(watcher, lambda changes: True)
    return watcher


def _sql_in_another_process(url: str, sql: str) -> None:
    code = (
        "import sys, psycopg; from sqlalchemy.engine import make_url; "
        "url = make_url(sys.argv[1]).set(drivername='postgresql'); "
        "conn = psycopg.connect(url.render_as_string(hide_password=False)); "
        "conn.execute(sys.argv[2]); conn.commit()"
    )
    subprocess.run([sys.executable, "-c", code, url, sql], check=True, capture_output=True)


def test_an_edit_by_another_process_reaches_the_watcher(desk: Newsroom, pg_database: str):
    doc = desk.articles.create({"headline": "Bài cũ"})
    watcher = _listening(desk.watch())
    try:
        assert watcher.poll() is None
        assert watcher.poll_ms < 1000
        _sql_in_another_process(
            pg_database, f"UPDATE articles SET headline = 'Sửa ở máy khác' WHERE id = '{doc.id}'"
        )
        changes = _wait(watcher, lambda c: doc.id in c.ids)
        assert [(s.id, s.headline) for s in changes.articles] == [(doc.id, "Sửa ở máy khác")]
        assert changes.live_count == 1
        assert watcher.poll() is None
    finally:
        watcher.close()


def test_notes_moves_and_deletions_name_their_article(desk: Newsroom, pg_database: str):
    a = desk.articles.create({"headline": "Một", "body": "Nội dung.\n", "byline": "A"})
    b = desk.articles.create({"headline": "Hai"})
    watcher = _listening(desk.watch())
    other = Newsroom.open(desk.url_for(REPORTER))  # the same reporter at a second desk
    try:
        other.notes.add(a.id, "Kiểm tra lại số liệu.")
        changes = _wait(watcher, lambda c: a.id in c.touched)
        assert changes.articles == () or {s.id for s in changes.articles} == {a.id}
        other.workflow.apply(a.id, "submit")
        changes = _wait(watcher, lambda c: a.id in c.ids)
        assert [s.status for s in changes.articles if s.id == a.id] == ["submitted"]
        other.articles.trash(b.id)
        changes = _wait(watcher, lambda c: b.id in c.ids)
        assert {s.id: s.deleted for s in changes.articles}[b.id] is True
        editor = Newsroom.open(desk.url_for(EDITOR))
        try:
            editor.articles.empty_trash()
        finally:
            editor.close()
        changes = _wait(watcher, lambda c: b.id in c.removed)
        assert changes.live_count == 1
    finally:
        other.close()
        watcher.close()


def _terminate(url: str, pid: int) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    finally:
        engine.dispose()


def test_the_watcher_reconnects_after_its_connection_is_killed(desk: Newsroom, pg_database: str):
    before = desk.articles.create({"headline": "Trước"})
    watcher = _listening(desk.watch())
    listener = watcher.listener
    assert listener is not None
    try:
        _terminate(pg_database, listener.backend_pid)
        # Made while the watcher may be reconnecting: the look-afresh after it finds it.
        desk.articles.save(before.id, {"headline": "Trong lúc mất kết nối"})
        changes = _wait(watcher, lambda c: before.id in c.ids)
        assert [s.headline for s in changes.articles if s.id == before.id] == [
            "Trong lúc mất kết nối"
        ]
        deadline = time.monotonic() + PATIENCE_S
        while listener.connections < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert listener.connections == 2
        while watcher.poll() is not None:  # the look-afresh of the reconnection, if not yet seen
            pass
        after = desk.articles.create({"headline": "Sau khi nối lại"})
        changes = _wait(watcher, lambda c: after.id in c.ids)
        assert after.id in {s.id for s in changes.articles}
    finally:
        watcher.close()


def test_a_notice_says_what_changed_and_which_article(desk: Newsroom):
    listener = NoticeListener(desk.store.engine)
    try:
        assert listener.listening.wait(PATIENCE_S)
        doc = desk.articles.create({"headline": "Tin mới"})
        deadline = time.monotonic() + PATIENCE_S
        notices: list[Notice] = []
        while Notice("article", doc.id, "INSERT") not in notices:
            assert time.monotonic() < deadline, notices
            notices += listener.take()[0]
            time.sleep(0.02)
    finally:
        listener.close()
