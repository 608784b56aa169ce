"""The store: engine, connection pragmas, units of work, schema checks, migration and backups."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from newsroom_desktop.core import blobs, credentials, live_files, originals, pg_tools
from newsroom_desktop.core.errors import NewsroomError, StoreError, WorkflowError
from newsroom_desktop.core.packing import register_functions
from newsroom_desktop.core.paths import StoreLocation, backup_part, resolve_store
from newsroom_desktop.core.store_file import (
    BUSY_TIMEOUT_MS,
    KNOWN_REVISIONS,
    SCHEMA_HEAD,
    _describe_sqlite_error,
    _writable,
    connect_read_only,
    read_schema_revision,
)

log = logging.getLogger(__name__)

RECLAIM_MIN_PAGES = 2_500  # 10 MB of 4 kB pages freed by a migration: worth a VACUUM
INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for a refusal by grant, policy or us


def migrations_dir() -> Path:
    """Return the folder of the Alembic environment shipped with the package."""
    return Path(__file__).with_name("migrations")


def describe_server_error(exc: BaseException, where: str) -> NewsroomError:
    """Return the error for a server failure: a refusal of the server's rules, or the store's."""
    if isinstance(exc, StaleDataError):
        return WorkflowError(
            "The newsroom server refused this change: you may not edit this article now. "
            "Nothing was saved.",
            code="server_refused",
        )
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        first = str(orig).strip().splitlines()[0] if str(orig).strip() else "permission denied"
        return WorkflowError(
            f"The newsroom server refused this change ({first}). Nothing was saved.",
            code="server_refused",
        )
    hint = getattr(getattr(orig, "diag", None), "message_hint", None) or ""
    if hint == "newsroom:head_moved":
        return StoreError(str(orig).strip().splitlines()[0], code="head_moved")
    # A lost line (refused, cut, timed out, the server shut down or restarting) is the
    # network's, not the server's data's: every subclass of OperationalError (AdminShutdown,
    # CannotConnectNow, ...), which SQLAlchemy wraps as its own OperationalError.
    code = "server_unreachable" if isinstance(exc, OperationalError) else "store_io"
    return StoreError(f"The newsroom server {where} failed: {orig}".strip(), code=code)


def unknown_revision_error(path: Path | str, revision: str, what: str = "store") -> StoreError:
    """Return the error for a schema revision this version does not know.

    Revisions are numbered ("0001", "0002", …): a higher one comes from a newer app; a lower or
    unnumbered one from an old development build or another program, which no update fixes.
    """
    newer = revision.isdigit() and int(revision) > int(SCHEMA_HEAD)
    if newer:
        return StoreError(
            f"The {what} {path} was written by a newer version of Newsroom Desktop (schema "
            f"{revision}; this version knows up to {SCHEMA_HEAD}). Update the app to open it; "
            f"the {what} was left untouched.",
            code="store_too_new",
        )
    return StoreError(
        f"The {what} {path} has schema {revision}, which no version of Newsroom Desktop this "
        f"one can upgrade from made (it knows {', '.join(KNOWN_REVISIONS)}); it was left "
        "untouched.",
        code="store_unknown_schema",
    )


def read_server_revision(engine: Engine, where: str) -> str | None:
    """Return the schema revision of the server database; None if it holds no table at all."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return None
            if "alembic_version" not in tables or "articles" not in tables:
                raise StoreError(
                    f"The database {where} holds other tables, not a newsroom; it was left "
                    "untouched.",
                    code="store_not_a_store",
                )
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, DBAPIError) as exc:
        raise StoreError(
            f"Cannot reach the newsroom server {where}: {getattr(exc, 'orig', exc)}".strip(),
            code="store_io",
        ) from exc


def known_server_revision(engine: Engine, where: str) -> str:
    """Return the server's schema revision, refusing an unprepared or unknown one."""
    revision = read_server_revision(engine, where)
    if revision is None:
        raise StoreError(
            f"The database {where} is not prepared for a newsroom: run "
            "`newsroom server init URL` once.",
            code="store_not_prepared",
        )
    if revision not in KNOWN_REVISIONS:
        raise unknown_revision_error(where, revision, "server")
    return revision


def open_server_engine(loc: StoreLocation) -> Engine:
    """Return an engine on the newsroom server at ``loc``, refusing one not at our schema.

    A server is never migrated on open: ``newsroom server init`` prepares it and a newsroom
    upgrades it on purpose, so one desk's new app cannot change the schema under the others.
    """
    # A password the window kept in the system keyring signs in when the URL gives none.
    engine = create_engine(credentials.with_stored_password(loc.url), pool_pre_ping=True)
    try:
        revision = known_server_revision(engine, loc.display)
        if revision != SCHEMA_HEAD:
            raise StoreError(
                f"The server {loc.display} has the older schema {revision}: a newsroom upgrades "
                "its server on purpose, with `newsroom server upgrade URL`.",
                code="store_too_old",
            )
    except BaseException:
        engine.dispose()
        raise
    return engine


def _install_sqlite_events(
    engine: Engine, *, read_only: bool = False, shared: _Shared | None = None
) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if shared is not None and shared.exclusive:
            dbapi_connection.close()
            raise StoreError(
                f"The store {shared.path} is being restored from a backup; try again in a moment.",
                code="store_locked",
            )
        # The driver's own transaction handling is switched off so that we can say BEGIN IMMEDIATE
        # for writes: a writer then waits for the lock (busy timeout) instead of failing mid-way.
        dbapi_connection.isolation_level = None
        register_functions(dbapi_connection)
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


@dataclass
class _Shared:
    """One engine on one store file, shared by every ``Store`` of this process that opens it."""

    path: Path
    engine: Engine
    read_only: bool
    holders: int = 0
    exclusive: bool = False  # set while a restore replaces the file: no connection may open


# The store files this process has open, by real path: one engine for each, however many times
# the window, its dialogs, its workers or a script open it (see live_files for why).
_SHARED: dict[str, list[_Shared]] = {}
_SHARED_LOCK = threading.Lock()


def _shared_for(path: Path, *, read_only: bool) -> _Shared | None:
    for shared in _SHARED.get(live_files.real_path(path), ()):
        if not shared.read_only or read_only:
            return shared
    return None


class Store:
    """An open store. Each user action takes one unit of work from ``read()`` or ``write()``.

    A file store is opened once per process: a second ``open`` of the same file shares the
    first one's engine (and its SQLite locks), and the engine closes with the last holder.
    """

    def __init__(
        self,
        location: StoreLocation,
        engine: Engine,
        *,
        read_only: bool = False,
        shared: _Shared | None = None,
    ) -> None:
        self.location = location
        self.engine = engine
        self._write_engine = engine.execution_options(newsroom_write=True)
        # True when the file, its folder or its disk cannot be written: reading works, and
        # every write raises StoreError("store_read_only") before it starts.
        self.read_only = read_only
        self._shared = shared
        self._closed = False
        self._served: object | None = None  # a server's hold on this desk's originals cache

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @classmethod
    def open(
        cls, location: str | Path | StoreLocation | None = None, *, read_only: bool = False
    ) -> Store:
        """Open (creating or migrating as needed) the store at ``location``.

        A store whose file, folder or disk cannot be written opens read-only (``read_only``
        True) instead of failing; ``read_only=True`` asks for that on purpose. A store this
        process has open already is shared, never opened a second time.
        """
        loc = location if isinstance(location, StoreLocation) else resolve_store(location)
        if loc.path is None:
            store = cls(loc, open_server_engine(loc), read_only=read_only)
            # A server's originals are fetched into this desk's cache as they are needed.
            store._served = originals.serve(loc.originals_dir, store.fetch_original)
            return store
        with _SHARED_LOCK:
            shared = _shared_for(loc.path, read_only=read_only)
            if shared is None:
                shared = cls._open_file(loc, read_only=read_only)
                _SHARED.setdefault(live_files.real_path(loc.path), []).append(shared)
                live_files.hold(loc.path)
            shared.holders += 1
        return cls(loc, shared.engine, read_only=read_only or shared.read_only, shared=shared)

    @classmethod
    def _open_file(cls, loc: StoreLocation, *, read_only: bool) -> _Shared:
        """Open the store file's engine (checking, creating or migrating the file first)."""
        assert loc.path is not None
        revision = read_schema_revision(loc.path)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise unknown_revision_error(loc.path, revision)
        if read_only or (loc.path.parent.is_dir() and not _writable(loc.path)):
            engine = cls._read_only_engine(loc, revision)
            return _Shared(loc.path, engine, read_only=True)
        try:
            loc.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the folder for the store {loc.path}: {exc.strerror}",
                code="store_io",
            ) from exc
        engine = create_engine(loc.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        shared = _Shared(loc.path, engine, read_only=False)
        _install_sqlite_events(engine, shared=shared)
        if revision != SCHEMA_HEAD:
            store = cls(loc, engine)
            try:
                if revision is not None:
                    store.backup(store.backup_path(f"before-migration-{revision}"))
                store.migrate()
            except BaseException:
                engine.dispose()
                raise
        return shared

    @staticmethod
    def _read_only_engine(loc: StoreLocation, revision: str | None) -> Engine:
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
        return engine

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Close every connection of this process to the store for the block (a restore).

        No new connection can open meanwhile (a save then fails with a clear error and its
        text goes to the recovery folder), so the block may replace the file.
        """
        shared = self._shared
        if shared is None or shared.exclusive:  # a server store, or already inside the block
            yield
            return
        with _SHARED_LOCK:
            others = [
                s for s in _SHARED.get(live_files.real_path(shared.path), ()) if s is not shared
            ]
            if others:
                raise StoreError(
                    f"The store {self.location.display} is open more than once in this program; "
                    "close the other windows on it first.",
                    code="store_locked",
                )
            shared.exclusive = True
            shared.engine.dispose()
            live_files.release(shared.path)
        try:
            yield
        finally:
            with _SHARED_LOCK:
                shared.exclusive = False
                live_files.hold(shared.path)

    def migrate(self) -> None:
        """Bring the schema up to the newest revision with Alembic."""
        from alembic import command  # noqa: PLC0415 - lazy, for start-up time
        from alembic.config import Config  # noqa: PLC0415 - lazy, for start-up time

        config = Config()
        config.set_main_option("script_location", str(migrations_dir()))
        try:
            with self._write_engine.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
            if self.is_sqlite:
                self._reclaim_free_pages()
        except (OperationalError, DBAPIError) as exc:
            raise _describe_sqlite_error(exc, self.location.display) from exc

    def _reclaim_free_pages(self) -> None:
        """Give the disk back what a migration freed, when that is a good share of the file.

        (0007 drops the search index's copy of the text: a third of a store's size.)
        """
        with self._write_engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            free = raw.execute("PRAGMA freelist_count").fetchone()[0]
            pages = raw.execute("PRAGMA page_count").fetchone()[0]
            if free >= RECLAIM_MIN_PAGES and free * 4 >= pages:
                raw.execute("VACUUM")  # outside any transaction: the driver's own is off

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
            raise self._describe(exc) from exc

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
        except (OperationalError, DBAPIError, StaleDataError) as exc:
            raise self._describe(exc) from exc
        except NewsroomError as exc:
            self._after_rollback(exc)
            raise

    def _describe(self, exc: Exception) -> NewsroomError:
        if self.is_sqlite:
            return _describe_sqlite_error(exc, self.location.display)
        return describe_server_error(exc, self.location.display)

    def _after_rollback(self, exc: NewsroomError) -> None:
        """Run what a refused server change asks for once its unit of work is rolled back."""
        replay = getattr(exc, "after_rollback", None)
        if replay is None:
            return
        try:
            with self._write_engine.begin() as conn:
                replay(conn)
        except DBAPIError:
            log.warning("could not record a refusal on the server", exc_info=True)

    def fetch_original(self, sha256: str, dest: Path) -> None:
        """Download the server's original with this SHA-256 to ``dest``, checked by its hash."""
        with self.read() as session:
            blobs.download_blob(session, sha256, dest)

    def backup_path(self, label: str) -> Path:
        return backup_path(self.location, label)

    def backup(self, dest: Path) -> Path:
        """Copy the whole store to ``dest`` (SQLite's online backup API, or pg_dump); return it."""
        if self.location.path is None:
            return pg_tools.dump_server(self.location.url, dest)
        return backup_file(self.location.path, dest)

    def close(self) -> None:
        """Let go of the store; the engine closes when the last holder in the process lets go."""
        if self._closed:
            return
        self._closed = True
        shared = self._shared
        if shared is None:
            if self._served is not None:
                originals.withdraw(self._served)
            self.engine.dispose()
            return
        with _SHARED_LOCK:
            shared.holders -= 1
            if shared.holders > 0:
                return
            key = live_files.real_path(shared.path)
            _SHARED[key].remove(shared)
            if not _SHARED[key]:
                del _SHARED[key]
            shared.engine.dispose()
            live_files.release(shared.path)


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
    part = backup_part(dest)
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
