"""What every core service needs: the open store, the acting person, and the newsroom's zone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select, text
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import AmbiguousIdError, NotFoundError, ValidationError
from newsroom_desktop.core.models import Person, Section
from newsroom_desktop.core.server_people import signed_in_person
from newsroom_desktop.core.store import Store
from newsroom_desktop.core.text import clean_line
from newsroom_desktop.core.vocabulary import ROLES

# Fewer letters of a random id pick out one record only by luck in a large store.
MIN_ID_PREFIX = 4
# The key of the server lock that desks creating shared rows take turns on (any fixed number
# that only this app uses).
CREATION_LOCK = 0x4E_45_57_53


@dataclass
class CoreContext:
    """Shared by the services of one open newsroom."""

    store: Store
    actor: Actor
    zone: ZoneInfo


def person_for(session: Session, actor: Actor) -> Person:
    """Return the stored person for ``actor``, creating it on first use.

    On a newsroom server the person is the signed-in login's, made by an admin, never here.
    """
    if session.get_bind().dialect.name == "postgresql":
        return signed_in_person(session)
    name = clean_line(actor.name) or "Unknown"
    if actor.role not in ROLES:
        raise ValidationError(f"Unknown role {actor.role!r}; use reporter or editor.")
    person = session.scalars(select(Person).where(Person.name == name)).one_or_none()
    if person is None:
        person = Person(name=name, role=actor.role)
        session.add(person)
        session.flush()
    elif person.role != actor.role:
        person.role = actor.role
    return person


def take_turn_to_create(session: Session) -> None:
    """Wait, on a server, until no other desk is creating shared rows (until its commit).

    An article's number is the highest plus one, and a section or tag is made on first use:
    two desks doing it at once read the same and one is refused by a unique index. A store
    file's writers take turns already (BEGIN IMMEDIATE); a server's take this lock, held to
    the end of the transaction.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CREATION_LOCK})


def section_for(session: Session, name: str) -> Section | None:
    """Return the section called ``name`` (created on first use); None for an empty name."""
    name = clean_line(name)
    if not name:
        return None
    find = select(Section).where(Section.name == name)
    section = session.scalars(find).one_or_none()
    if section is None:
        take_turn_to_create(session)
        section = session.scalars(find).one_or_none()
    if section is None:
        section = Section(name=name)
        session.add(section)
        session.flush()
    return section


def id_prefix(prefix: str, what: str) -> str:
    """Return ``prefix`` trimmed and lower-cased, or refuse it when it is too short to trust."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise NotFoundError(f"No {what} id given.")
    if len(prefix) < MIN_ID_PREFIX:
        raise ValidationError(
            f"The id {prefix} is too short: give at least {MIN_ID_PREFIX} characters of it.",
            code="id_too_short",
        )
    return prefix


def like_literal(text: str) -> str:
    """Return ``text`` with LIKE's wildcards (and the escape character) escaped by a backslash."""
    return re.sub(r"([\\%_])", r"\\\1", text)


def resolve_id(session: Session, column: Any, prefix: str, what: str) -> str:
    """Return the one full id that starts with ``prefix``, as git resolves short hashes."""
    prefix = id_prefix(prefix, what)
    # The prefix is the user's text: its % and _ are letters to match, not LIKE wildcards.
    pattern = like_literal(prefix) + "%"
    rows = session.scalars(select(column).where(column.like(pattern, escape="\\")).limit(2)).all()
    if not rows:
        raise NotFoundError(f"No {what} with id {prefix}.")
    if len(rows) > 1:
        raise AmbiguousIdError(f"The id {prefix} matches more than one {what}; give more of it.")
    return str(rows[0])


# Full ids looked up together in one query, as many as SQLite takes in one IN list and more.
IDS_PER_QUERY = 500


def resolve_ids(session: Session, column: Any, prefixes: Sequence[str], what: str) -> list[str]:
    """Return the full id of each prefix, in order, as ``resolve_id`` would one by one.

    A full id is found with a few lookups a batch; other prefixes are resolved each on its
    own. Only if some id could make a full id ambiguous (a longer or upper-case id, never
    made here) is every prefix resolved on its own.
    """
    wanted = list(dict.fromkeys(prefixes))
    exact: set[str] = set()
    for start in range(0, len(wanted), IDS_PER_QUERY):
        chunk = wanted[start : start + IDS_PER_QUERY]
        exact.update(session.scalars(select(column).where(column.in_(chunk))))
    if exact:
        odd = or_(func.length(column) != len(next(iter(exact))), column != func.lower(column))
        if len({len(i) for i in exact}) > 1 or session.scalar(select(1).where(odd).limit(1)):
            exact = set()
    return [p if p in exact else resolve_id(session, column, p, what) for p in prefixes]


def get_one(session: Session, model: type, ident: str, what: str) -> object:
    """Return the row with this exact id or raise NotFoundError."""
    try:
        return session.get_one(model, ident)
    except NoResultFound as exc:
        raise NotFoundError(f"No {what} with id {ident}.") from exc
