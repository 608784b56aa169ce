"""Photo marks (rating, colour label) between a desk and its server, in the server's order.

Photos travel with the articles that use them, and a photo's row never changes after that;
its marks do. On a desk, ``photos.marked_at`` says a mark made here waits to be sent (None:
in step with the server). After its articles a sync sends the waiting marks; the server
stamps each with its own clock, so that, as for text, order comes from the server and never
from a laptop's clock: the mark that reached the server last is everyone's. Then the desk
takes the marks stamped since it last looked (less a margin for transactions that were still
open), except on photos marked here meanwhile. A photo the server does not hold yet takes its
marks up with its row, when an article first uses it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from newsroom_desktop.core.models import Photo, SyncState
from newsroom_desktop.core.store import Store

MARKS_SEEN = "marks_seen_at"  # the server's clock: marks stamped since then are not taken yet
# A transaction stamps its marks when it starts and may commit later: look back this far.
MARGIN = timedelta(minutes=10)
_PHOTOS = Photo.metadata.tables["photos"]
_SEND = (
    update(_PHOTOS)
    .where(_PHOTOS.c.id == bindparam("b_id"))
    .values(rating=bindparam("b_rating"), color_label=bindparam("b_label"), marked_at=func.now())
)
# Sent: in step again, unless marked once more while the marks were on their way.
_SENT = (
    update(_PHOTOS)
    .where(_PHOTOS.c.id == bindparam("b_id"))
    .where(_PHOTOS.c.marked_at == bindparam("b_at"))
    .values(marked_at=None)
)
_TAKE = (
    update(_PHOTOS)
    .where(_PHOTOS.c.id == bindparam("b_id"))
    .where(_PHOTOS.c.marked_at.is_(None))
    .values(rating=bindparam("b_rating"), color_label=bindparam("b_label"))
)


def _get(session: Session, key: str) -> datetime | None:
    row = session.get(SyncState, key)
    return datetime.fromisoformat(row.value) if row is not None and row.value else None


def _put(session: Session, key: str, moment: datetime) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=moment.isoformat()))
    else:
        row.value = moment.isoformat()


def send_marks(local: Store, server: Store) -> int:
    """Send the marks waiting on this desk; return how many went."""
    with local.read() as session:
        query = select(Photo.id, Photo.rating, Photo.color_label, Photo.marked_at).where(
            Photo.marked_at.is_not(None)
        )
        rows = session.execute(query).all()
    if not rows:
        return 0
    with server.write() as remote:
        remote.connection().execute(
            _SEND,
            [{"b_id": pid, "b_rating": rating, "b_label": label} for pid, rating, label, _ in rows],
        )
    with local.write() as session:
        session.connection().execute(_SENT, [{"b_id": pid, "b_at": at} for pid, *_x, at in rows])
    return len(rows)


def receive_marks(local: Store, server: Store) -> int:
    """Take the marks the server stamped since this desk last looked; return how many."""
    with local.read() as session:
        seen = _get(session, MARKS_SEEN)
    query = select(Photo.id, Photo.rating, Photo.color_label, Photo.marked_at).where(
        Photo.marked_at.is_not(None)
    )
    if seen is not None:
        query = query.where(Photo.marked_at >= seen - MARGIN)
    with server.read() as remote:
        rows = remote.execute(query).all()
    if not rows:
        return 0
    marks = [
        {"b_id": pid, "b_rating": rating, "b_label": label} for pid, rating, label, _at in rows
    ]
    with local.write() as session:
        session.connection().execute(_TAKE, marks)
        _put(session, MARKS_SEEN, max(at for *_rest, at in rows if at is not None))
    return len(rows)
