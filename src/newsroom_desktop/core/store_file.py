"""The store file as SQLite sees it: its schema revision and read-only connections (no SQLAlchemy).

Kept apart from ``store`` so that short commands can check and read a store file without
SQLAlchemy's start-up; ``store`` re-exports these names.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.packed_text import register_functions

# Alembic revisions this app knows, oldest first; a test keeps it equal to the migration scripts.
# Checking the stored revision against this list keeps Alembic out of a normal start-up.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
)
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
BUSY_TIMEOUT_MS = 10_000


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
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) or _writable(path):
            raise
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout)
    register_functions(conn)  # revision_texts reads packed revisions with it
    return conn


def _writable(path: Path) -> bool:
    """Tell whether SQLite can write ``path`` and make its -wal and -shm files beside it."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def read_schema_revision(path: Path) -> str | None:
    """Return the schema revision of the store file at ``path``; None if it is new or empty.

    Only SQLite reads the file (never a plain ``open()``: closing that descriptor would drop
    the SQLite locks this process holds on a live store). Raises ``StoreError`` without
    changing the file if it is not a Newsroom store or damaged.
    """
    if not path.exists():
        return None
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a Newsroom store.", code="store_not_a_store")
    if not path.is_file():
        raise StoreError(
            f"{path} is not a regular file (a device or a pipe), not a Newsroom store.",
            code="store_not_a_store",
        )
    if path.stat().st_size == 0:
        return None
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
        if "not a database" in str(exc) or "file is encrypted" in str(exc):
            raise StoreError(
                f"{path} is not a Newsroom store (it is not an SQLite database); "
                "it was left untouched.",
                code="store_not_a_store",
            ) from exc
        raise _describe_sqlite_error(exc, str(path)) from exc
    if row is None:
        raise StoreError(
            f"{path} has Newsroom tables but no schema revision recorded: it is damaged or was "
            "not made by Newsroom Desktop; it was left untouched. Restore it from a backup.",
            code="store_damaged",
        )
    return str(row[0])
