"""The newsroom dictionary and house style travel between an offline desk and its server.

Words are a set both sides change: a word added on either side reaches the other, and one
taken out on either side goes from the other, at the desk's next sync. The desk remembers
which words both sides had after the last sync (``sync_known``, kind ``word``, by a UUID of
the word): a word one side has and the other lacks is new if it was not among them, removed
if it was. The house style is the server's: a desk takes it as it is.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from newsroom_desktop.core.models import HouseSetting, NewsroomWord, SyncKnown
from newsroom_desktop.core.store import Store

WORD_KIND = "word"
_WORD_SPACE = uuid.UUID("6f1c6a52-2f3e-4d0e-9a59-3c1f4e0b7a11")


def word_key(word: str) -> str:
    """Return the 36-character key a desk remembers ``word`` by."""
    return str(uuid.uuid5(_WORD_SPACE, word))


@dataclass(frozen=True)
class WordsMoved:
    """What one exchange changed: words sent up, taken in, and removed on each side."""

    sent: int = 0
    received: int = 0
    removed_here: int = 0
    removed_there: int = 0


Rows = dict[str, tuple[str, datetime]]


def _words(session: Session) -> Rows:
    return {w.word: (w.added_by, w.created_at) for w in session.scalars(select(NewsroomWord))}


def exchange(desk: Store, server: Store) -> WordsMoved:
    """Bring the desk's and the server's words together, and the server's house style down."""
    with desk.read() as local:
        mine = _words(local)
        known = set(local.scalars(select(SyncKnown.id).where(SyncKnown.kind == WORD_KIND)))
    with server.write() as remote:
        theirs = _words(remote)
        sending = {w: mine[w] for w in mine.keys() - theirs.keys() if word_key(w) not in known}
        dropping = [w for w in theirs.keys() - mine.keys() if word_key(w) in known]
        if sending:
            # Two desks may send one word at once: the second finds it there already.
            rows = [
                {"word": w, "added_by": by, "created_at": at} for w, (by, at) in sending.items()
            ]
            remote.execute(pg_insert(NewsroomWord).values(rows).on_conflict_do_nothing())
        if dropping:
            remote.execute(delete(NewsroomWord).where(NewsroomWord.word.in_(dropping)))
        house = {r.key: (r.value, r.changed_at) for r in remote.scalars(select(HouseSetting))}
    taking = {w: theirs[w] for w in theirs.keys() - mine.keys() if word_key(w) not in known}
    gone = [w for w in mine.keys() - theirs.keys() if word_key(w) in known]
    with desk.write() as local:
        for word, (by, at) in taking.items():
            local.add(NewsroomWord(word=word, added_by=by, created_at=at))
        if gone:
            local.execute(delete(NewsroomWord).where(NewsroomWord.word.in_(gone)))
        both = (mine.keys() | taking.keys()) - set(gone) - set(dropping)
        local.execute(delete(SyncKnown).where(SyncKnown.kind == WORD_KIND))
        local.add_all(SyncKnown(id=word_key(w), kind=WORD_KIND) for w in both)
        _take_house(local, house)
    return WordsMoved(len(sending), len(taking), len(gone), len(dropping))


def _take_house(local: Session, house: dict[str, tuple[str, datetime]]) -> None:
    for row in local.scalars(select(HouseSetting)):
        if row.key not in house:
            local.delete(row)
    for key, (value, at) in house.items():
        found = local.get(HouseSetting, key)
        if found is None:
            local.add(HouseSetting(key=key, value=value, changed_at=at))
        elif found.value != value:
            found.value, found.changed_at = value, at
