"""Watch the store for what other windows and programs changed.

The GUI keeps one ``StoreWatcher`` and calls ``poll()`` every second or two on the GUI thread:
it costs one ``PRAGMA data_version`` (microseconds) while nothing changed, and one indexed
query when something did.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, literal_column, select

from newsroom_desktop.core.changes import Changes
from newsroom_desktop.core.convert import summary_from_row, summary_select
from newsroom_desktop.core.models import Article, StatusEvent, utcnow
from newsroom_desktop.core.store import Store, connect_read_only

# A save stamps updated_at when it starts and commits a moment later (up to the busy timeout
# if it waited for the lock): looking this far back never misses it; a repeat is harmless.
LOOK_BACK = timedelta(seconds=15)
LOOK_AHEAD = timedelta(minutes=5)


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
        moved_ids = sorted({m[0] for m in moves} - set(rows))
        for start in range(0, len(moved_ids), 500):
            chunk = base.where(Article.id.in_(moved_ids[start : start + 500]))
            rows |= {s.id: s for s in map(summary_from_row, session.execute(chunk))}
        live = session.scalar(
            select(func.count()).select_from(Article).where(Article.deleted_at.is_(None))
        )
    last_event = max((int(m[1]) for m in moves), default=events_after or 0)
    ordered = sorted(rows.values(), key=lambda s: s.updated_at, reverse=True)
    return Changes(tuple(ordered), int(live or 0), when, checked_at, last_event)


class StoreWatcher:
    """Tell whether any other connection (window, program, CLI) committed since the last look.

    Keeps its own read-only connection open; use it from one thread (the GUI's).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn: sqlite3.Connection | None = None
        if store.is_sqlite and store.location.path is not None:
            self._conn = connect_read_only(store.location.path)
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
        version = self.data_version()
        if version == -1:
            return True
        if version == self._version:
            return False
        self._version = version
        return True

    def poll(self) -> Changes | None:
        """Return what changed since the last poll, or None if nothing did."""
        if not self.changed():
            return None
        events = self._last_event if self._conn is not None else None
        changes = changed_since(self.store, self._since - LOOK_BACK, events_after=events)
        self._since = changes.checked_at
        self._last_event = changes.last_event
        return changes

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
