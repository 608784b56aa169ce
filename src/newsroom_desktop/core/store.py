"""The store: engine, connection pragmas, units of work, schema checks, migration and backups."""

from __future__ import annotations

import contextlib
import logging
import os
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
            f"The disk holding the store {where} is full: this change was not saved. "
            "Free some space, then save again.",
            code="store_disk_full",
        )
    if "readonly" in message or "read-only" in message:
        return StoreError(
            f"The store {where} is read-only: changes cannot be saved. Copy it to a folder "
            "you can write to, or ask for write access.",
            code="store_read_only",
        )
    return StoreError(f"The store {where} could not be used: {message}", code="store_io")


def connect_read_only(path: Path, timeout: float = BUSY_TIMEOUT_MS / 1000) -> sqlite3.Connection:
    """Open an SQLite file for reading only, also on a read-only disk.

    A WAL store whose -shm file is gone and cannot be made (read-only folder or disk) is opened
    as immutable: nobody can be writing to it there, so it cannot change under us.
    """
    uri = path.as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) or _writable(path):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout)


def _writable(path: Path) -> bool:
    """Tell whether SQLite can write ``path`` and make its -wal and -shm files beside it."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


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
            f"{path} is not a Newsroom store (it is not an SQLite database); "
            "it was left untouched.",
            code="store_not_a_store",
        )
    try:
        conn = connect_read_only(path)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return None
            if "alembic_version" not in tables or "articles" not in tables:
                raise StoreError(
                    f"{path} is an SQLite database but not a Newsroom store; "
                    "it was left untouched.",
                    code="store_not_a_store",
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _describe_sqlite_error(exc, str(path)) from exc
    return str(row[0]) if row else None


def _install_sqlite_events(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is switched off so that we can say BEGIN IMMEDIATE
        # for writes: a writer then waits for the lock (busy timeout) instead of failing mid-way.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("newsroom_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """An open store. Each user action takes one unit of work from ``read()`` or ``write()``."""

    def __init__(self, location: StoreLocation, engine: Engine, *, read_only: bool = False) -> None:
        self.location = location
        self.engine = engine
        self._write_engine = engine.execution_options(newsroom_write=True)
        # True when the file, its folder or its disk cannot be written: reading works, and
        # every write raises StoreError("store_read_only") before it starts.
        self.read_only = read_only

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @classmethod
    def open(
        cls, location: str | Path | StoreLocation | None = None, *, read_only: bool = False
    ) -> Store:
        """Open (creating or migrating as needed) the store at ``location``.

        A store whose file, folder or disk cannot be written opens read-only (``read_only``
        True) instead of failing; ``read_only=True`` asks for that on purpose.
        """
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
            if read_only or (loc.path.parent.is_dir() and not _writable(loc.path)):
                return cls._open_read_only(loc, revision)
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

    @classmethod
    def _open_read_only(cls, loc: StoreLocation, revision: str | None) -> Store:
        assert loc.path is not None
        path = loc.path
        if revision is None:
            raise StoreError(
                f"Cannot create the store {path}: its folder is read-only. "
                "Choose a folder you can write to.",
                code="store_read_only",
            )
        if revision != SCHEMA_HEAD:
            raise StoreError(
                f"The store {path} is read-only and was written by an older version of Newsroom "
                "Desktop; it must be upgraded before it can be opened. Copy it to a folder you "
                "can write to and open the copy.",
                code="store_read_only",
            )
        engine = create_engine(loc.url, creator=lambda: connect_read_only(path))
        _install_sqlite_events(engine, read_only=True)
        return cls(loc, engine, read_only=True)

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

    def read_only_error(self) -> StoreError:
        """Return the error every write to a read-only store raises."""
        return StoreError(
            f"The store {self.location.display} is open read-only (its file, folder or disk "
            "cannot be written): changes cannot be saved. Copy it to a folder you can write to, "
            "or ask for write access.",
            code="store_read_only",
        )

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """Yield a session for one unit of work, committed on success, rolled back on error."""
        if self.read_only:
            raise self.read_only_error()
        try:
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                yield session
        except (OperationalError, DBAPIError) as exc:
            raise _describe_sqlite_error(exc, self.location.display) from exc

    def backup_path(self, label: str) -> Path:
        return backup_path(self.location, label)

    def backup(self, dest: Path) -> Path:
        """Copy the whole store to ``dest`` with SQLite's online backup API and return it."""
        if self.location.path is None:
            raise StoreError("Backups of a server store are made on the server.", code="store_io")
        return backup_file(self.location.path, dest)

    def close(self) -> None:
        self.engine.dispose()


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Copy the database open on ``source`` into a new single file at ``dest`` and fsync it."""
    dest.unlink(missing_ok=True)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
        # A backup is one self-contained file: no -wal beside it to lose when it is copied.
        target.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        target.close()
    with dest.open("rb+") as handle:
        os.fsync(handle.fileno())


def backup_path(location: StoreLocation, label: str) -> Path:
    """Return a new backup file name for the store: ``<name>-<UTC stamp>-<label>.sqlite``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = location.path.stem if location.path else "newsroom"
    return location.backups_dir / f"{name}-{stamp}-{label}.sqlite"


def backup_file(path: Path, dest: Path) -> Path:
    """Copy the store file ``path`` to ``dest`` with SQLite's online backup API; return ``dest``.

    Safe while this or another program writes: the copy is one consistent snapshot. It is
    written beside ``dest`` first and renamed, so ``dest`` is never half a backup.
    """
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot make the backups folder {dest.parent}: {exc.strerror or exc}",
            code="store_backup_failed",
        ) from exc
    part = dest.with_name(f".{dest.name}.part")
    try:
        source = connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise _describe_sqlite_error(exc, str(path)) from exc
    try:
        copy_database(source, part)
        part.replace(dest)
    except (sqlite3.DatabaseError, OSError) as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StoreError(
                f"Cannot write the backup {dest}: {exc.strerror or exc}", code="store_backup_failed"
            ) from exc
        raise _describe_sqlite_error(exc, str(path)) from exc
    finally:
        source.close()
    return dest
