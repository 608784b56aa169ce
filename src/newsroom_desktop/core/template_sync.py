"""Caption templates and the code roster between an offline desk and its newsroom server.

Each sync sends what this desk changed since the last one (a template whose text differs from
what the desk last had in step with the server, a template deleted here, the roster as a
whole), then takes the server's set as it stands. A template deleted here but changed on the
server since comes back: the change is kept rather than the deletion.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from newsroom_desktop.core.models import CodeReplacement, PhotoTemplate, SyncKnown
from newsroom_desktop.core.store import Store

TEMPLATE, ROSTER = "template", "roster"
ROSTER_ID = "code-roster"


@dataclass(frozen=True, slots=True)
class _Template:
    id: str
    name: str
    fields_json: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.name}\0{self.fields_json}".encode()).hexdigest()


def _templates(session: Session) -> dict[str, _Template]:
    rows = session.scalars(select(PhotoTemplate))
    return {r.id: _Template(r.id, r.name, r.fields_json) for r in rows}


def _roster(session: Session) -> dict[str, str]:
    return {r.code: r.replacements_json for r in session.scalars(select(CodeReplacement))}


def _roster_digest(roster: dict[str, str]) -> str:
    lines = "".join(f"{code}\0{roster[code]}\n" for code in sorted(roster))
    return hashlib.sha256(lines.encode()).hexdigest()


def _known(session: Session) -> dict[tuple[str, str], str]:
    rows = session.scalars(select(SyncKnown).where(SyncKnown.kind.in_((TEMPLATE, ROSTER))))
    return {(r.kind, r.id): r.digest for r in rows}


def _put_templates(session: Session, wanted: dict[str, _Template]) -> None:
    """Make the session's templates exactly ``wanted`` (names are unique: clear, then add)."""
    current = _templates(session)
    gone = [tid for tid, t in current.items() if wanted.get(tid) != t]
    if gone:
        session.execute(delete(PhotoTemplate).where(PhotoTemplate.id.in_(gone)))
        session.flush()
    for tid, t in wanted.items():
        if current.get(tid) != t:
            session.add(PhotoTemplate(id=t.id, name=t.name, fields_json=t.fields_json))
    session.flush()


def _put_roster(session: Session, roster: dict[str, str]) -> None:
    if _roster(session) == roster:
        return
    session.execute(delete(CodeReplacement))
    session.add_all(CodeReplacement(code=c, replacements_json=j) for c, j in roster.items())
    session.flush()


def sync_shared(local: Store, server: Store) -> None:
    """Send this desk's template and roster changes to the server, then take the server's."""
    with local.read() as session:
        mine, my_roster, known = _templates(session), _roster(session), _known(session)
    with server.write() as remote:
        theirs = _templates(remote)
        for tid, t in mine.items():
            if known.get((TEMPLATE, tid)) != t.digest:
                theirs = {k: v for k, v in theirs.items() if v.name != t.name or k == tid}
                theirs[tid] = t
        for (kind, tid), digest in known.items():
            deleted_here = kind == TEMPLATE and tid not in mine
            if deleted_here and tid in theirs and theirs[tid].digest == digest:
                del theirs[tid]
        _put_templates(remote, theirs)
        roster = _roster(remote)
        last = known.get((ROSTER, ROSTER_ID))
        if last is None and my_roster:
            roster = {**roster, **my_roster}  # a desk's first sync adds its codes to the server's
        elif last is not None and last != _roster_digest(my_roster):
            roster = my_roster
        _put_roster(remote, roster)
    with local.write() as session:
        _put_templates(session, theirs)
        _put_roster(session, roster)
        session.execute(delete(SyncKnown).where(SyncKnown.kind.in_((TEMPLATE, ROSTER))))
        session.add_all(SyncKnown(id=t.id, kind=TEMPLATE, digest=t.digest) for t in theirs.values())
        session.add(SyncKnown(id=ROSTER_ID, kind=ROSTER, digest=_roster_digest(roster)))
