"""The store: engine, connection pragmas, units of work, schema checks, migration and backups."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from .errors import StoreError
from .paths import StoreLocation, resolve_store

log = logging.getLogger(__name__)

# Alembic revisions this app knows, oldest first; a test keeps it equal to the migration scripts.
# Checking the stored revision against this list keeps Alembic out of a normal start-up.
KNOWN_REVISIONS: tuple[str, ...] = ("0001",)
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def migrations_dir() -> Path:
    """Return the folder of the Alembic environment shipped with the package."""
    return Path(__file__).with_name("migrations")


def _describe_sqlite_error(exc: BaseException, where: str) -> StoreError:
    message = str(getattr(exc, "orig", exc)).lower()
    if "locked" in message or "busy" in message:
        return StoreError(
            f"The store {where} is busy: another program is writing to it. Try again in a moment.",
            code="store_locked",
        )
    if "malformed" in message or "corrupt" in message:
        return StoreError(
            f"The store {where} is damaged ({message}). Restore it from a backup.",
            code="store_damaged",
        )
    if "not a database" in message:
        return StoreError(f"{where} is not a Newsroom store.", code="store_not_a_store")
    if "full" in message:
        return StoreError(
            f"The disk holding the store {where} is full. Free some space; nothing was saved.",
            code="store_disk_full",
        )
    if "readonly" in message or "read-only" in message:
        return StoreError(
            f"The store {where} is read-only: changes cannot be saved.", code="store_read_only"
        )
    return StoreError(f"The store {where} could not be used: {message}", code="store_io")


def read_schema_revision(path: Path) -> str | None:
    """Return the schema revision of the store file at ``path``; None if it is new or empty.

    Raises ``StoreError`` without changing the file if it is not a Newsroom store or damaged.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a Newsroom store.", code="store_not_a_store")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a Newsroom store (it is not an SQLite database); it was left untouched.",
            code="store_not_a_store",
        )
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return None
            if "alembic_version" not in tables or "articles" not in tables:
                raise StoreError(
                    f"{path} is an SQLite database but not a Newsroom store; it was left untouched.",
                    code="store_not_a_store",
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _describe_sqlite_error(exc, str(path)) from exc
    return str(row[0]) if row else None


def _install_sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is switched off so that we can say BEGIN IMMEDIATE
        # for writes: a writer then waits for the lock (busy timeout) instead of failing mid-way.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("newsroom_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """An open store. Each user action takes one unit of work from ``read()`` or ``write()``."""

    def __init__(self, location: StoreLocation, engine: Engine) -> None:
        self.location = location
        self.engine = engine
        self._write_engine = engine.execution_options(newsroom_write=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @classmethod
    def open(cls, location: str | Path | StoreLocation | None = None) -> Store:
        """Open (creating or migrating as needed) the store at ``location``."""
        loc = location if isinstance(location, StoreLocation) else resolve_store(location)
        revision: str | None = None
        if loc.path is not None:
            revision = read_schema_revision(loc.path)
            if revision is not None and revision not in KNOWN_REVISIONS:
                raise StoreError(
                    f"The store {loc.path} was written by a newer version of Newsroom Desktop "
                    f"(schema {revision}; this version knows up to {SCHEMA_HEAD}). "
                    "Update the app to open it; the store was left untouched.",
                    code="store_too_new",
                )
            try:
                loc.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"Cannot create the folder for the store {loc.path}: {exc.strerror}",
                    code="store_io",
                ) from exc
        engine = create_engine(loc.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        if engine.dialect.name == "sqlite":
            _install_sqlite_events(engine)
        store = cls(loc, engine)
        if loc.path is None or revision != SCHEMA_HEAD:
            if revision is not None:
                store.backup(store.backup_path(f"before-migration-{revision}"))
            store.migrate()
        return store

    def migrate(self) -> None:
        """Bring the schema up to the newest revision with Alembic."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(migrations_dir()))
        try:
            with self._write_engine.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except (OperationalError, DBAPIError) as exc:
            raise _describe_sqlite_error(exc, self.location.display) from exc

    def schema_revision(self) -> str | None:
        """Return the schema revision recorded in the store."""
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """Yield a session for reading; nothing it changes is kept."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except (OperationalError, DBAPIError) as exc:
            raise _describe_sqlite_error(exc, self.location.display) from exc

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """Yield a session for one unit of work, committed on success, rolled back on error."""
        try:
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                yield session
        except (OperationalError, DBAPIError) as exc:
            raise _describe_sqlite_error(exc, self.location.display) from exc

    def backup_path(self, label: str) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        name = self.location.path.stem if self.location.path else "newsroom"
        return self.location.backups_dir / f"{name}-{stamp}-{label}.sqlite"

    def backup(self, dest: Path) -> Path:
        """Copy the whole store to ``dest`` with SQLite's online backup API and return it."""
        if self.location.path is None:
            raise StoreError("Backups of a server store are made on the server.", code="store_io")
        dest.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"{self.location.path.as_uri()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(dest)
            try:
                source.backup(target)
            finally:
                target.close()
        except sqlite3.DatabaseError as exc:
            dest.unlink(missing_ok=True)
            raise _describe_sqlite_error(exc, self.location.display) from exc
        finally:
            source.close()
        return dest

    def close(self) -> None:
        self.engine.dispose()
