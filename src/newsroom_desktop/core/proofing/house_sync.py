"""The newsroom dictionary and house style travel between an offline desk and its server.

Words are a set: each side gets what the other has (a word added offline reaches every desk
at its next sync). The house style is the server's: a desk takes it as it is.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from newsroom_desktop.core.models import HouseSetting, NewsroomWord
from newsroom_desktop.core.store import Store


def exchange(desk: Store, server: Store) -> tuple[int, int]:
    """Send the desk's words the server lacks, take the server's words and house style.

    Return (words sent, words received).
    """
    with desk.read() as local:
        mine = {w.word: (w.added_by, w.created_at) for w in local.scalars(select(NewsroomWord))}
    with server.write() as remote:
        theirs = set(remote.scalars(select(NewsroomWord.word)))
        sending = [
            {"word": word, "added_by": by, "created_at": at}
            for word, (by, at) in mine.items()
            if word not in theirs
        ]
        if sending:
            # Two desks may send one word at once: the second is simply already there.
            remote.execute(pg_insert(NewsroomWord).values(sending).on_conflict_do_nothing())
    with server.read() as remote:
        words = [(w.word, w.added_by, w.created_at) for w in remote.scalars(select(NewsroomWord))]
        house = {
            row.key: (row.value, row.changed_at) for row in remote.scalars(select(HouseSetting))
        }
    received = 0
    with desk.write() as local:
        for word, by, at in words:
            if word not in mine:
                local.add(NewsroomWord(word=word, added_by=by, created_at=at))
                received += 1
        for row in local.scalars(select(HouseSetting)):
            if row.key not in house:
                local.delete(row)
        for key, (value, at) in house.items():
            found = local.get(HouseSetting, key)
            if found is None:
                local.add(HouseSetting(key=key, value=value, changed_at=at))
            elif found.value != value:
                found.value, found.changed_at = value, at
    return len(sending), received
