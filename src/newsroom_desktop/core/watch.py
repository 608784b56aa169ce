"""Watch the store for what other windows, programs and desks changed.

The GUI keeps one ``StoreWatcher`` and calls ``poll()`` every ``poll_ms`` on the GUI thread.
On a store file it costs one ``PRAGMA data_version`` (microseconds) while nothing changed,
and one indexed query when something did. On a server, a background thread listens for the
server's change notices (core/notices.py); a poll costs a look at what arrived, and a query
for the articles the notices name.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, literal_column, select

from newsroom_desktop.core.changes import Changes
from newsroom_desktop.core.convert import summary_from_row, summary_select
from newsroom_desktop.core.documents import ArticleSummary
from newsroom_desktop.core.models import Article, StatusEvent, utcnow
from newsroom_desktop.core.notices import Notice, NoticeListener
from newsroom_desktop.core.store import Store
from newsroom_desktop.core.store_file import connect_read_only

# A save stamps updated_at when it starts and commits a moment later (up to the busy timeout
# if it waited for the lock): looking this far back never misses it; a repeat is harmless.
LOOK_BACK = timedelta(seconds=15)
LOOK_AHEAD = timedelta(minutes=5)
# A file is polled for its data_version; a server's notices are waiting in memory already.
POLL_FILE_MS = 1500
POLL_SERVER_MS = 200
NOTES = "notes"


def _moved(store: Store, when: datetime, events_after: int | None) -> Any:
    """Return a statement for (article id, event number) of workflow moves since the last look."""
    number: Any = literal_column("status_events.rowid" if store.is_sqlite else "0")
    stmt = select(StatusEvent.article_id, number)
    if events_after is not None and store.is_sqlite:
        return stmt.where(number > events_after)  # the rowid is the table's own index
    return stmt.where(StatusEvent.created_at > when)


def changed_since(store: Store, when: datetime, *, events_after: int | None = None) -> Changes:
    """Return the articles edited, trashed or moved in the workflow after ``when``.

    Every condition is an index range, so a poll stays cheap on a 100,000-article store.
    Times far in the future (a wrong date in an imported file) are not "changed now".
    ``events_after`` (from the last Changes) finds workflow moves by number instead of time.
    """
    checked_at = utcnow()
    upper = checked_at + LOOK_AHEAD
    base, _owner = summary_select()
    edited = base.where(
        Article.deleted_at.is_(None), Article.updated_at > when, Article.updated_at <= upper
    )
    trashed = base.where(Article.deleted_at > when, Article.deleted_at <= upper)
    with store.read() as session:
        moves = session.execute(_moved(store, when, events_after)).all()
        rows = {s.id: s for s in map(summary_from_row, session.execute(edited))}
        rows |= {s.id: s for s in map(summary_from_row, session.execute(trashed))}
        rows |= _summaries(session, {m[0] for m in moves} - set(rows))
        live = _live_count(session)
    last_event = max((int(m[1]) for m in moves), default=events_after or 0)
    ordered = sorted(rows.values(), key=lambda s: s.updated_at, reverse=True)
    return Changes(tuple(ordered), int(live or 0), when, checked_at, last_event)


def _summaries(session: Any, ids: set[str]) -> dict[str, ArticleSummary]:
    base, _owner = summary_select()
    rows: dict[str, ArticleSummary] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = base.where(Article.id.in_(ordered[start : start + 500]))
        rows |= {s.id: s for s in map(summary_from_row, session.execute(chunk))}
    return rows


def _live_count(session: Any) -> int:
    stmt = select(func.count()).select_from(Article).where(Article.deleted_at.is_(None))
    return int(session.scalar(stmt) or 0)


def changes_of(store: Store, notices: list[Notice], since: datetime) -> Changes:
    """Return the change set the server's notices describe (articles as they are now).

    Articles whose notes changed are also ``touched``; those deleted for good are ``removed``.
    """
    checked_at = utcnow()
    named = {n.article for n in notices}
    with store.read() as session:
        rows = _summaries(session, named)
        live = _live_count(session)
    ordered = sorted(rows.values(), key=lambda s: s.updated_at, reverse=True)
    return Changes(
        tuple(ordered),
        live,
        since,
        checked_at,
        removed=tuple(sorted(named - set(rows))),
        touched=tuple(sorted({n.article for n in notices if n.kind == NOTES})),
    )


class StoreWatcher:
    """Tell whether any other connection (window, program, CLI) committed since the last look.

    Keeps its own read-only connection open (on a server, its listening one); use it from one
    thread (the GUI's).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn: sqlite3.Connection | None = None
        self.listener: NoticeListener | None = None
        if store.is_sqlite and store.location.path is not None:
            self._conn = connect_read_only(store.location.path)
        elif not store.is_sqlite:
            self.listener = NoticeListener(store.engine)
        self.poll_ms = POLL_SERVER_MS if self.listener is not None else POLL_FILE_MS
        self._version = self.data_version()
        self._since = utcnow()
        self._last_event = self._newest_event()

    def _newest_event(self) -> int:
        if self._conn is None:
            return 0
        row = self._conn.execute("SELECT max(rowid) FROM status_events").fetchone()
        return int(row[0] or 0)

    def data_version(self) -> int:
        """Return SQLite's data_version: it changes when another connection commits.

        A server store has none; -1 there, and ``changed()`` then always says yes.
        """
        if self._conn is None:
            return -1
        row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def changed(self) -> bool:
        """Tell whether the store changed since the last call (cheap: no query of the data)."""
        if self.listener is not None:
            return self.listener.pending()
        version = self.data_version()
        if version == -1:
            return True
        if version == self._version:
            return False
        self._version = version
        return True

    def poll(self) -> Changes | None:
        """Return what changed since the last poll, or None if nothing did."""
        if self.listener is not None:
            return self._poll_server(self.listener)
        if not self.changed():
            return None
        events = self._last_event if self._conn is not None else None
        changes = changed_since(self.store, self._since - LOOK_BACK, events_after=events)
        self._since = changes.checked_at
        self._last_event = changes.last_event
        return changes

    def _poll_server(self, listener: NoticeListener) -> Changes | None:
        notices, resync = listener.take()
        if resync:
            # (Re)connected: what happened while no one listened is found by time, as on a
            # file; notes leave no time stamp, so the notices' articles are named as touched.
            changes = changed_since(self.store, self._since - LOOK_BACK)
            touched = {n.article for n in notices if n.kind == NOTES}
            changes = replace(changes, touched=tuple(sorted(touched)))
        elif notices:
            changes = changes_of(self.store, notices, self._since)
        else:
            return None
        self._since = changes.checked_at
        return changes

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
