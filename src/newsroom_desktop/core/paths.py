"""Where data lives: platformdirs folders, overridable by argument and environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "newsroom-desktop"
APP_AUTHOR = "newsroom-desktop"
STORE_ENV = "NEWSROOM_STORE"
STORE_FILENAME = "newsroom.sqlite"


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

    url: str
    path: Path | None
    originals_dir: Path
    backups_dir: Path
    thumbnails_dir: Path

    @property
    def display(self) -> str:
        return str(self.path) if self.path is not None else self.url


def resolve_store(location: str | os.PathLike[str] | None = None) -> StoreLocation:
    """Resolve the store from the argument, then ``NEWSROOM_STORE``, then the data folder."""
    raw = os.fspath(location) if location is not None else os.environ.get(STORE_ENV) or None
    if raw is not None and is_url(raw) and not raw.startswith("sqlite"):
        base = data_dir()
        return StoreLocation(
            raw, None, base / "originals", base / "backups", cache_dir() / "thumbnails"
        )
    if raw is not None and raw.startswith("sqlite:///"):
        raw = raw.removeprefix("sqlite:///")
    path = Path(raw).expanduser() if raw else data_dir() / STORE_FILENAME
    path = path.absolute()
    # Originals are content-addressed, so stores in one folder can safely share them.
    return StoreLocation(
        url=f"sqlite:///{path}",
        path=path,
        originals_dir=path.parent / "originals",
        backups_dir=path.parent / "backups",
        thumbnails_dir=cache_dir() / "thumbnails",
    )
