"""Where data lives: platformdirs folders, overridable by argument and environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from newsroom_desktop.core.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

# SQLAlchemy is imported where a URL is made, not here: settings and the short commands (a
# store file listed through sqlite3 alone) need these folders without its start-up cost.

APP_NAME = "newsroom-desktop"
APP_AUTHOR = "newsroom-desktop"
STORE_ENV = "NEWSROOM_STORE"
STORE_FILENAME = "newsroom.sqlite"
# Database servers SQLAlchemy knows; of those, a newsroom server runs on PostgreSQL only.
SERVER_SCHEMES = frozenset({"postgresql", "postgres", "mysql", "mariadb", "oracle", "mssql"})
POSTGRES_SCHEMES = frozenset({"postgresql", "postgres"})
# The one driver the app speaks to PostgreSQL through (psycopg 3).
POSTGRES_DRIVER = "postgresql+psycopg"


def data_dir() -> Path:
    """Return the user data folder (store, photo originals, backups)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    """Return the user cache folder (thumbnails)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    """Return the user config folder (settings, profile)."""
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def is_url(location: str) -> bool:
    """Tell whether a store location is a database URL rather than a file path."""
    return "://" in location


@dataclass(frozen=True)
class StoreLocation:
    """A resolved store: a SQLite file or a database URL, and the folders that go with it."""

    url: URL
    path: Path | None
    originals_dir: Path
    backups_dir: Path
    thumbnails_dir: Path

    @property
    def display(self) -> str:
        return str(self.path) if self.path is not None else self.url.render_as_string()


def resolve_store(location: str | os.PathLike[str] | None = None) -> StoreLocation:
    """Resolve the store from the argument, then ``NEWSROOM_STORE``, then the data folder.

    A store file (an existing regular file, or a new one in a folder that exists or can be
    made) or a PostgreSQL server URL is taken. Anything else (another server's URL, an
    in-memory or ``file:`` database, a folder, a device, a pipe) is refused with StoreError
    before anything is created beside it.
    """
    path = store_file(location)
    if path is None:
        return server_location(_raw_location(location))
    from sqlalchemy.engine import URL  # noqa: PLC0415 - lazy, for start-up time

    # A URL object, never text: a "?" or "%20" in the file name must not change which file
    # opens, and a name that is not UTF-8 goes to SQLite as the system gave it.
    url = URL.create("sqlite", database=str(path))
    originals_dir, thumbnails_dir = photo_folders(path)
    return StoreLocation(
        url=url,
        path=path,
        originals_dir=originals_dir,
        backups_dir=path.parent / "backups",
        thumbnails_dir=thumbnails_dir,
    )


def photo_folders(path: Path) -> tuple[Path, Path]:
    """Return the folders of the store file ``path``'s photo originals and thumbnails.

    Originals are content-addressed, so stores in one folder can safely share them.
    """
    return path.parent / "originals", cache_dir() / "thumbnails"


def store_file(location: str | os.PathLike[str] | None = None) -> Path | None:
    """Return the store file ``location`` resolves to (checked as ``resolve_store`` does).

    None for a server URL. Needs no SQLAlchemy for a plain path.
    """
    raw = _raw_location(location)
    if raw and _scheme(raw) in POSTGRES_SCHEMES:
        return None
    path = store_path(raw) if raw else data_dir() / STORE_FILENAME
    check_store_path(path)
    return path


def _raw_location(location: str | os.PathLike[str] | None) -> str:
    return os.fspath(location) if location is not None else os.environ.get(STORE_ENV) or ""


def _scheme(raw: str) -> str:
    return raw.split(":", 1)[0].split("+", 1)[0].lower() if ":" in raw else ""


def server_location(raw: str) -> StoreLocation:
    """Return the location of the newsroom server at the PostgreSQL URL ``raw``."""
    from sqlalchemy.engine import make_url  # noqa: PLC0415 - lazy, for start-up time
    from sqlalchemy.exc import ArgumentError  # noqa: PLC0415 - lazy, for start-up time

    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise _unsupported(f"{raw} is not a server URL: give postgresql://user@host/db.") from exc
    if url.drivername not in ("postgresql", "postgres", POSTGRES_DRIVER):
        raise _unsupported(
            f"{url.drivername}:// is not supported: the app reaches a server through psycopg 3 "
            f"({POSTGRES_DRIVER}://…)."
        )
    if not url.database:
        raise _unsupported(f"{url.render_as_string()} names no database: add /<database>.")
    url = url.set(drivername=POSTGRES_DRIVER)
    # Each server gets its own local folders for what stays on this desk: its backups, and a
    # cache of the originals this desk needed (the server holds them all; core/originals.py).
    key = f"{url.host or 'local'}-{url.port or 5432}-{url.database}"
    return StoreLocation(
        url=url,
        path=None,
        originals_dir=cache_dir() / "servers" / key / "originals",
        backups_dir=data_dir() / "servers" / key / "backups",
        thumbnails_dir=cache_dir() / "thumbnails",
    )


def _unsupported(message: str) -> StoreError:
    return StoreError(message, code="store_unsupported")


def store_path(raw: str) -> Path:
    """Return the absolute path of the store file ``raw`` names (a path or a sqlite:/// URL)."""
    scheme = _scheme(raw)
    if scheme in SERVER_SCHEMES:
        raise _unsupported(
            f"Server stores on {scheme} are not supported yet; give a store file or a "
            "postgresql:// URL."
        )
    if scheme == "sqlite":
        raw = _sqlite_url_path(raw)
    if raw.startswith("file:"):
        raise _unsupported(f"{raw} is a file: URI; give the store file's path instead.")
    if is_url(raw):
        raise _unsupported(f"{raw} is not a store location: give the path of a store file.")
    if raw in ("", ":memory:"):
        raise _unsupported("A store in memory would be lost when the program ends; give a file.")
    return Path(raw).expanduser().absolute()


def _sqlite_url_path(raw: str) -> str:
    from sqlalchemy.engine import make_url  # noqa: PLC0415 - lazy, for start-up time
    from sqlalchemy.exc import ArgumentError  # noqa: PLC0415 - lazy, for start-up time

    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise _unsupported(f"{raw} is not a store location: give a store file.") from exc
    if url.query:
        raise _unsupported(f"Store URLs take no options ({raw}); give the store file alone.")
    return url.database or ""


def check_store_path(path: Path) -> None:
    """Refuse ``path`` unless it is a regular file, or a new file in a folder that can be."""
    not_a_store = "store_not_a_store"
    if path.is_symlink() and not path.exists():
        raise StoreError(f"{path} is a link to nothing, not a store file.", code=not_a_store)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file.", code=not_a_store)
    if path.exists():
        if not path.is_file():
            raise StoreError(
                f"{path} is not a regular file (a device or a pipe), not a store file.",
                code=not_a_store,
            )
        return
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise StoreError(
            f"Cannot make the store {path}: {folder} is not a folder.", code=not_a_store
        )


def backup_part(dest: Path) -> Path:
    """Make the backups folder of ``dest``; return the file a backup is written to first.

    A backup goes to this hidden ``.part`` beside ``dest`` and is renamed when whole, so
    ``dest`` is never half a backup.
    """
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot make the backups folder {dest.parent}: {exc.strerror or exc}",
            code="store_backup_failed",
        ) from exc
    return dest.with_name(f".{dest.name}.part")
