"""Photo marks (rating, colour label) between a desk and its server: the latest mark wins.

Photos travel with the articles that use them, and a photo's row never changes after that;
its marks do. So after its articles, a sync sends the marks this desk made since it last
sent them, and takes every mark the server holds that is newer than the desk's own (by the
time each was made, ``photos.marked_at``). A photo the server does not hold yet takes its
marks up with its row, when an article first uses it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, or_, select, update

from newsroom_desktop.core.models import Photo, SyncState, utcnow
from newsroom_desktop.core.store import Store

MARKS_SENT = "marks_sent_at"
_PHOTOS = Photo.metadata.tables["photos"]
_NEWER = (
    update(_PHOTOS)
    .where(_PHOTOS.c.id == bindparam("b_id"))
    .where(or_(_PHOTOS.c.marked_at.is_(None), _PHOTOS.c.marked_at < bindparam("b_at")))
    .values(
        rating=bindparam("b_rating"), color_label=bindparam("b_label"), marked_at=bindparam("b_at")
    )
)


def _marks(rows: Any) -> list[dict[str, Any]]:
    return [
        {"b_id": pid, "b_rating": rating, "b_label": label, "b_at": at}
        for pid, rating, label, at in rows
    ]


def _marked() -> Any:
    return select(Photo.id, Photo.rating, Photo.color_label, Photo.marked_at).where(
        Photo.marked_at.is_not(None)
    )


def send_marks(local: Store, server: Store) -> int:
    """Send the marks made on this desk since the last time; return how many went."""
    started = utcnow()
    with local.read() as session:
        row = session.get(SyncState, MARKS_SENT)
        query = _marked()
        if row is not None and row.value:
            query = query.where(Photo.marked_at >= datetime.fromisoformat(row.value))
        marks = _marks(session.execute(query).all())
    if marks:
        with server.write() as remote:
            remote.connection().execute(_NEWER, marks)
    with local.write() as session:
        row = session.get(SyncState, MARKS_SENT)
        if row is None:
            session.add(SyncState(key=MARKS_SENT, value=started.isoformat()))
        else:
            row.value = started.isoformat()
    return len(marks)


def receive_marks(local: Store, server: Store) -> int:
    """Take the server's marks that are newer than this desk's; return how many were looked at."""
    with server.read() as remote:
        marks = _marks(remote.execute(_marked()).all())
    if marks:
        with local.write() as session:
            session.connection().execute(_NEWER, marks)
    return len(marks)
