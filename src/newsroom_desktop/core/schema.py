"""The schema a store must have: compare a file's tables, indexes, triggers and views to ours.

A backup is restored only when its schema is exactly the one this app makes at its revision:
an extra trigger or view in a restored file would run inside every later save (one that
deletes articles, say), and a missing index or column breaks the app in stranger ways.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
import tempfile
from pathlib import Path

from newsroom_desktop.core.store import migrations_dir
from newsroom_desktop.core.store_file import connect_read_only

Shape = dict[str, str]  # "<kind> <name>" -> a normalised description of it


def _normalise_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").strip().lower().replace('"', ""))


def _table_shape(conn: sqlite3.Connection, name: str, sql: str | None) -> str:
    """Describe a table by its columns, keys, unique sets and checks (not its DDL's spelling)."""
    columns = [
        f"{col[1]} {str(col[2]).upper()}{' not null' if col[3] else ''}{' pk' if col[5] else ''}"
        f"{' default ' + str(col[4]) if col[4] is not None else ''}"
        for col in conn.execute(f'PRAGMA table_xinfo("{name}")')
    ]
    keys = sorted(
        f"fk {row[3]}->{row[2]}.{row[4]} on update {row[5]} on delete {row[6]}".lower()
        for row in conn.execute(f'PRAGMA foreign_key_list("{name}")')
    )
    unique = sorted(
        "unique("
        + ", ".join(str(c[2]) for c in conn.execute(f'PRAGMA index_info("{row[1]}")'))
        + ")"
        for row in conn.execute(f'PRAGMA index_list("{name}")')
        if row[3] == "u"
    )
    checks = _normalise_sql(sql).count(" check")
    return "; ".join([*columns, *keys, *unique, f"{checks} check(s)"])


def _index_shape(conn: sqlite3.Connection, name: str, table: str, sql: str | None) -> str:
    columns = [str(row[2]) for row in conn.execute(f'PRAGMA index_info("{name}")')]
    where = _normalise_sql(sql).partition(" where ")[2]
    return f"on {table}({', '.join(columns)}){' where ' + where if where else ''}"


def read_shape(conn: sqlite3.Connection) -> Shape:
    """Return the shape of the schema of the database open on ``conn``."""
    shape: Shape = {}
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if name.startswith("sqlite_"):
            continue  # SQLite's own (autoindexes, sqlite_sequence, sqlite_stat1)
        if kind == "table":
            virtual = _normalise_sql(sql).startswith("create virtual table")
            shape[f"table {name}"] = (
                _normalise_sql(sql) if virtual else _table_shape(conn, name, sql)
            )
        elif kind == "index":
            shape[f"index {name}"] = _index_shape(conn, name, table, sql)
        else:  # trigger, view: their SQL is what they do
            shape[f"{kind} {name}"] = _normalise_sql(sql)
    return shape


@functools.cache
def reference_shape(revision: str) -> Shape:
    """Return the shape of the schema the app's migrations make at ``revision``."""
    from alembic import command  # noqa: PLC0415 - lazy, for start-up time
    from alembic.config import Config  # noqa: PLC0415 - lazy, for start-up time
    from sqlalchemy import create_engine  # noqa: PLC0415 - lazy, for start-up time

    with tempfile.TemporaryDirectory(prefix="newsroom-schema-") as folder:
        path = Path(folder) / "reference.sqlite"
        config = Config()
        config.set_main_option("script_location", str(migrations_dir()))
        engine = create_engine(f"sqlite:///{path}")
        try:
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        finally:
            engine.dispose()
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return read_shape(conn)


def schema_differences(file: Path, revision: str) -> list[str]:
    """Say how the schema of the store ``file`` differs from ours at ``revision`` ([] if not)."""
    with contextlib.closing(connect_read_only(file)) as conn:
        found = read_shape(conn)
    expected = reference_shape(revision)
    differences = [f"an extra {key}" for key in sorted(found.keys() - expected.keys())]
    differences += [f"no {key}" for key in sorted(expected.keys() - found.keys())]
    differences += [
        f"a different {key}"
        for key in sorted(found.keys() & expected.keys())
        if found[key] != expected[key]
    ]
    return differences
