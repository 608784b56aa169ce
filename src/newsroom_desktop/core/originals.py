"""Where a photo's original is: a file beside a store file, or a server's, cached on this desk."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Fetch = Callable[[str, Path], None]
"""Write the checked original with this SHA-256 to this path (a server's download)."""


@dataclass(eq=False)
class _Source:
    """An open server whose originals this desk caches in one folder."""

    folder: Path
    fetch: Fetch
    locks: dict[str, threading.Lock] = field(default_factory=dict)
    # Cached files whose hash was checked, with the (size, mtime) they had then: a file that
    # changes afterwards is checked again, one that does not is not hashed on every use.
    checked: dict[Path, tuple[int, int]] = field(default_factory=dict)


# Originals folders that are caches of an open server, by folder. A PhotoUse is plain data
# that reaches exporters and thumbnailers without the store; its path names this folder, and
# this table says which open server fills it.
_SOURCES: dict[Path, list[_Source]] = {}
_LOCK = threading.Lock()


def serve(folder: Path, fetch: Fetch) -> object:
    """Fill the originals folder ``folder`` from ``fetch`` until ``withdraw`` gets the token."""
    source = _Source(folder, fetch)
    with _LOCK:
        _SOURCES.setdefault(folder, []).append(source)
    return source


def withdraw(token: object) -> None:
    """Stop filling the folder that ``serve`` returned ``token`` for."""
    assert isinstance(token, _Source)
    with _LOCK:
        sources = _SOURCES.get(token.folder, [])
        with contextlib.suppress(ValueError):
            sources.remove(token)
        if not sources:
            _SOURCES.pop(token.folder, None)


def _source_for(path: Path) -> tuple[_Source, threading.Lock] | None:
    # An original's path is <originals folder>/<2 hex>/<sha256><extension> (photos.ingest).
    with _LOCK:
        sources = _SOURCES.get(path.parent.parent)
        if not sources:
            return None
        source = sources[-1]
        return source, source.locks.setdefault(path.name, threading.Lock())


def local_original(path: Path, sha256: str) -> Path:
    """Return ``path`` holding the original with this SHA-256, fetched first if need be.

    Beside a store file the path is returned as it is (the caller tells a missing file). For
    a server's photo, a cached copy is used when its hash matches, else it is fetched again
    from the server and checked; PhotoError("original_missing") if the server lacks it.
    """
    found = _source_for(path)
    if found is None:
        return path
    source, lock = found
    with lock:
        if not _sound(source, path, sha256):
            source.fetch(sha256, path)
            _remember(source, path)
    return path


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _sound(source: _Source, path: Path, sha256: str) -> bool:
    stamp = _stamp(path)
    if stamp is None:
        return False
    if source.checked.get(path) == stamp:
        return True
    try:
        with path.open("rb") as stream:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return False
    if digest != sha256:
        return False  # damaged or changed in the cache: the server's copy replaces it
    source.checked[path] = stamp
    return True


def _remember(source: _Source, path: Path) -> None:
    stamp = _stamp(path)
    if stamp is not None:
        source.checked[path] = stamp
