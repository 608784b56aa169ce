"""People of a newsroom server: their PostgreSQL logins, roles, sign-in identity and the audit.

Naming (see migration 0004): a person's login is ``<folded name>.<database>`` (``ngoc_hau.news``),
with ``_2``, ``_3``… after the name when that login is taken; the group roles are
``<database>_newsroom_owner`` and ``<database>_newsroom_staff``. Logins hold a dot and group
roles do not, and both name the database, so newsrooms sharing a cluster never collide.
Passwords are random, stored by the server as SCRAM-SHA-256 verifiers made here (the clear
password never reaches the server's logs), and shown once to the admin who made them.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    insert,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import NotFoundError, StoreError, ValidationError
from newsroom_desktop.core.models import AuditEvent, Person, new_id, utcnow
from newsroom_desktop.core.paths import StoreLocation, server_location
from newsroom_desktop.core.text import clean_line, fold

SERVER_ROLES = ("reporter", "editor", "admin")
NAME_BYTES = 63
PASSWORD_BYTES = 18


@dataclass(frozen=True)
class PersonInfo:
    """A person of the newsroom server: name, role and login."""

    name: str
    role: str
    login: str


@dataclass(frozen=True)
class NewLogin:
    """A person just added, with the one-time password of their new login."""

    person: PersonInfo
    password: str


@dataclass(frozen=True)
class AuditInfo:
    """One line of the server's audit: who tried what on which article, and what came of it."""

    created_at: datetime
    login: str
    person: str
    action: str
    article_id: str
    from_status: str
    to_status: str
    outcome: str
    code: str
    detail: str


def actor_role(role: str) -> str:
    """Return the workflow role of a server role: an admin works as an editor."""
    return "editor" if role == "admin" else role


def login_name(name: str, database: str, taken: set[str]) -> str:
    """Return a free login for ``name`` in ``database``: folded name, dot, database."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold(name).lower()).strip("_") or "person"
    db_part = database if len(database) <= 40 else database[:33] + "_" + str(len(database))
    room = NAME_BYTES - len(db_part.encode()) - 1 - 4  # room for a "_NNN" suffix
    slug = slug[:room]
    for n in range(1, 1000):
        login = f"{slug}.{db_part}" if n == 1 else f"{slug}_{n}.{db_part}"
        if login not in taken:
            return login
    raise ValidationError(f"Too many people called {name}.")


def check_role(role: str) -> str:
    """Return ``role`` if it is a server role, else raise ValidationError."""
    if role not in SERVER_ROLES:
        raise ValidationError(f"Unknown role {role!r}; use {', '.join(SERVER_ROLES)}.")
    return role


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@contextmanager
def _server(url: str) -> Iterator[tuple[StoreLocation, Engine]]:
    """Yield the server's location and an engine on it; a refusal becomes one clear line."""
    loc = server_location(url)
    engine = create_engine(loc.url)
    try:
        yield loc, engine
    except DBAPIError as exc:
        raise StoreError(
            f"The newsroom server {loc.display} refused: {getattr(exc, 'orig', exc)}".strip(),
            code="server_refused",
        ) from exc
    finally:
        engine.dispose()


@contextmanager
def _admin(url: str) -> Iterator[Connection]:
    """Yield a connection of the server's owner (the login that ran init), in one transaction."""
    with _server(url) as (loc, engine), engine.begin() as conn:
        may = conn.execute(
            text(
                "SELECT (r.rolsuper OR r.rolcreaterole) "
                "AND pg_has_role(current_user, newsroom_owner_role(), 'USAGE') "
                "FROM pg_roles r WHERE r.rolname = current_user"
            )
        ).scalar()
        if not may:
            raise StoreError(
                f"Only the newsroom server's owner (the login that ran `newsroom server "
                f"init`) manages people on {loc.display}.",
                code="server_not_owner",
            )
        yield conn


def _audit(conn: Connection, action: str, detail: str) -> None:
    me = conn.execute(text("SELECT current_user")).scalar_one()
    conn.execute(
        insert(AuditEvent).values(
            id=new_id(),
            created_at=utcnow(),
            login=me,
            person=me,
            action=action,
            article_id=None,
            from_status="",
            to_status="",
            outcome="done",
            code="",
            detail=detail,
        )
    )


def _person(conn: Connection, name: str) -> Any:
    row = conn.execute(
        select(Person.id, Person.name, Person.role, Person.login).where(
            Person.name == clean_line(name)
        )
    ).one_or_none()
    if row is None or not row.login:
        raise NotFoundError(f"No person called {clean_line(name)} signs in to this server.")
    return row


def add_person(url: str, name: str, role: str) -> NewLogin:
    """Make ``name`` a person of the server with a new login; return it with its password."""
    name, role = clean_line(name), check_role(role)
    if not name:
        raise ValidationError("A person needs a name.")
    with _admin(url) as conn:
        found = conn.execute(select(Person.login).where(Person.name == name)).one_or_none()
        if found is not None and found.login:
            raise ValidationError(f"{name} signs in already, as {found.login}.", code="exists")
        database = conn.execute(text("SELECT current_database()")).scalar_one()
        taken = set(conn.execute(text("SELECT rolname FROM pg_roles")).scalars())
        login = login_name(name, database, taken)
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        raw = conn.connection.driver_connection
        assert raw is not None
        verifier = raw.pgconn.encrypt_password(
            password.encode(), login.encode(), b"scram-sha-256"
        ).decode()
        staff = conn.execute(text("SELECT newsroom_staff_role()")).scalar_one()
        conn.exec_driver_sql(
            f"CREATE ROLE {_q(login)} LOGIN PASSWORD '{verifier}' IN ROLE {_q(staff)}"
        )
        if found is None:
            conn.execute(
                insert(Person).values(
                    id=new_id(), name=name, role=role, login=login, created_at=utcnow()
                )
            )
        else:  # a person of the newsroom from before it had logins
            conn.execute(update(Person).where(Person.name == name).values(role=role, login=login))
        _audit(conn, "add-person", f"{name} ({role}) as {login}")
    return NewLogin(PersonInfo(name, role, login), password)


def set_role(url: str, name: str, role: str) -> PersonInfo:
    """Give the person called ``name`` the server role ``role``; it holds from their next step."""
    role = check_role(role)
    with _admin(url) as conn:
        row = _person(conn, name)
        conn.execute(update(Person).where(Person.id == row.id).values(role=role))
        _audit(conn, "set-role", f"{row.name}: {row.role} → {role}")
    return PersonInfo(row.name, role, row.login)


def disable_person(url: str, name: str) -> PersonInfo:
    """Stop the person called ``name`` from signing in; their row and articles stay."""
    with _admin(url) as conn:
        row = _person(conn, name)
        conn.exec_driver_sql(f"ALTER ROLE {_q(row.login)} NOLOGIN")
        _audit(conn, "disable-person", f"{row.name} ({row.login})")
    return PersonInfo(row.name, row.role, row.login)


def audit_events(url: str, limit: int = 50) -> list[AuditInfo]:
    """Return the newest ``limit`` lines of the server's audit, newest first (admins only)."""
    with _server(url) as (loc, engine), engine.connect() as conn:
        role = conn.execute(text("SELECT newsroom_my_role()")).scalar()
        if role != "admin":
            raise StoreError(
                f"Only an admin of {loc.display} reads its audit.", code="server_not_admin"
            )
        rows = conn.execute(
            select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id).limit(limit)
        ).all()
    return [
        AuditInfo(
            created_at=row.created_at,
            login=row.login,
            person=row.person,
            action=row.action,
            article_id=row.article_id or "",
            from_status=row.from_status,
            to_status=row.to_status,
            outcome=row.outcome,
            code=row.code,
            detail=row.detail,
        )
        for row in rows
    ]


def signed_in_person(session: Session) -> Person:
    """Return the person whose login this server session is; refuse a login with none."""
    person = session.scalars(
        select(Person).where(Person.login == literal_column("session_user"))
    ).one_or_none()
    if person is None:
        login = session.scalar(select(literal_column("session_user")))
        raise StoreError(
            f"The login {login} is no person of this newsroom: ask its admin to add you "
            "(`newsroom server add-person`).",
            code="server_no_person",
        )
    return person


def server_actor(session: Session) -> Actor:
    """Return who the server session signed in as, with the role they work in."""
    person = signed_in_person(session)
    return Actor(person.name, actor_role(person.role))
