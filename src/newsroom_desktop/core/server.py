"""The newsroom server: prepare an empty PostgreSQL database, and upgrade one on purpose."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.exc import DBAPIError, OperationalError

from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.paths import StoreLocation, server_location
from newsroom_desktop.core.store import Store, known_server_revision, read_server_revision
from newsroom_desktop.core.store_file import SCHEMA_HEAD

# Schemas every PostgreSQL database has; a table in any other one is someone else's data.
SYSTEM_SCHEMAS = frozenset({"pg_catalog", "information_schema", "pg_toast"})


def _engine(url: str) -> tuple[StoreLocation, Engine]:
    loc = server_location(url)
    return loc, create_engine(loc.url)


def _foreign_tables(engine: Engine, where: str) -> list[str]:
    """Return the tables the database holds, as schema.table, in every non-system schema."""
    try:
        with engine.connect() as conn:
            inspector = inspect(conn)
            schemas = [
                name
                for name in inspector.get_schema_names()
                if name not in SYSTEM_SCHEMAS and not name.startswith("pg_")
            ]
            return [
                f"{schema}.{table}"
                for schema in schemas
                for table in inspector.get_table_names(schema=schema)
            ]
    except (OperationalError, DBAPIError) as exc:
        raise StoreError(
            f"Cannot reach the newsroom server {where}: {getattr(exc, 'orig', exc)}".strip(),
            code="store_io",
        ) from exc


def _migrate(loc: StoreLocation, engine: Engine) -> None:
    store = Store(loc, engine)
    store.migrate()


def init_server(url: str) -> StoreLocation:
    """Prepare the EMPTY database at ``url`` for a newsroom (the schema); refuse any other."""
    loc, engine = _engine(url)
    try:
        tables = _foreign_tables(engine, loc.display)
        if tables:
            shown = ", ".join(tables[:3]) + (", …" if len(tables) > 3 else "")
            raise StoreError(
                f"The database {loc.display} is not empty ({shown}): a newsroom server is "
                "prepared in an empty database only; it was left untouched.",
                code="store_not_empty",
            )
        _migrate(loc, engine)
    finally:
        engine.dispose()
    return loc


def upgrade_server(url: str) -> str:
    """Bring the newsroom server at ``url`` to this app's schema; return the revision it had."""
    loc, engine = _engine(url)
    try:
        revision = known_server_revision(engine, loc.display)
        if revision != SCHEMA_HEAD:
            _migrate(loc, engine)
    finally:
        engine.dispose()
    return revision


def server_revision(url: str) -> str | None:
    """Return the schema revision of the server at ``url`` (None for an empty database)."""
    loc, engine = _engine(url)
    try:
        return read_server_revision(engine, loc.display)
    finally:
        engine.dispose()
