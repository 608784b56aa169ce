"""Who a desk joined to a newsroom server works as, read from its sync state."""

from __future__ import annotations

from sqlalchemy import select

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.models import SyncState
from newsroom_desktop.core.store import Store

# The sync state's keys of the link itself (core/sync.py keeps the others).
SERVER, PERSON, ROLE = "server", "person", "role"


def joined_actor(store: Store) -> Actor | None:
    """Return who a desk joined to a server works as (None for a desk on its own)."""
    if not store.is_sqlite:
        return None
    with store.read() as session:
        state = {row.key: row.value for row in session.scalars(select(SyncState))}
    if not state.get(SERVER):
        return None
    return Actor(state[PERSON], state.get(ROLE, "reporter"))
