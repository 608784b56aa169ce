"""The store files this process holds open, and the guard that keeps plain file calls off them.

On POSIX, closing any descriptor of a file drops every lock the process holds on it, SQLite's
included ("How To Corrupt An SQLite Database File", 2.2). One ``open()``/``close()`` of the live
store (to read its header, hash or copy it) lets another program believe it is the last
connection: it checkpoints and deletes the ``-wal`` and ``-shm`` files this process still
writes into, and every later save is lost. So while a store is open here, only SQLite may touch
its files: a Python audit hook refuses any other open, removal, rename or truncation of them
with ``PermissionError`` (code paths that read user files treat that as "cannot read") and
records the attempt so that the tests can fail on it.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import threading
import traceback
from collections import Counter, deque
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# The files SQLite keeps beside a store: each belongs to it as much as the store file itself.
COMPANIONS = ("", "-wal", "-shm", "-journal")

# Audit events that open, remove, move or cut a file, and which of their arguments are paths.
_EVENTS: dict[str, tuple[int, ...]] = {
    "open": (0,),
    "os.remove": (0,),
    "os.rename": (0, 1),
    "os.truncate": (0,),
    "os.link": (0, 1),
    "shutil.copyfile": (0, 1),
    "shutil.move": (0, 1),
}

_lock = threading.Lock()
_holders: Counter[str] = Counter()  # real path of a store file -> how many holders have it open
_files: frozenset[str] = frozenset()  # the store files and their companions, real paths
_names: frozenset[str] = frozenset()  # their base names: a cheap first test in the hook
_incidents: deque[str] = deque(maxlen=50)
_installed = False


def real_path(path: str | os.PathLike[str]) -> str:
    """Return the absolute path with symlinks resolved, as the guard compares them."""
    return os.path.realpath(os.fspath(path))


def _refresh() -> None:
    global _files, _names  # noqa: PLW0603 - the hook reads these without taking the lock
    files = {f"{path}{suffix}" for path in _holders for suffix in COMPANIONS}
    _files = frozenset(files)
    _names = frozenset(Path(f).name for f in files)


def hold(path: Path) -> None:
    """Record that this process has an SQLite connection (or engine) on the store ``path``."""
    _install()
    with _lock:
        _holders[real_path(path)] += 1
        _refresh()


def release(path: Path) -> None:
    """Undo one ``hold`` of ``path``."""
    key = real_path(path)
    with _lock:
        _holders[key] -= 1
        if _holders[key] <= 0:
            del _holders[key]
        _refresh()


def is_live(path: str | os.PathLike[str]) -> bool:
    """Tell whether ``path`` is a store file (or -wal/-shm/-journal) this process holds open."""
    return real_path(path) in _files


def incidents() -> list[str]:
    """Return the refused attempts so far (newest last), each with where it came from."""
    return list(_incidents)


def clear_incidents() -> None:
    _incidents.clear()


def _target(value: Any) -> str | None:
    if value is None or isinstance(value, int):
        return None
    try:
        return os.fsdecode(value)
    except TypeError:
        return None


def _hook(event: str, args: tuple[Any, ...]) -> None:
    positions = _EVENTS.get(event)
    if positions is None or not _names:
        return
    for position in positions:
        if position >= len(args):
            continue
        target = _target(args[position])
        # os.path, not Path: this runs on every open() of the process and must stay cheap.
        if target is None or os.path.basename(target) not in _names:  # noqa: PTH119
            continue
        if real_path(target) not in _files:
            continue
        where = "".join(traceback.format_stack(limit=8)[:-1])
        _incidents.append(f"{event} {target}\n{where}")
        log.error("refused %s of the live store file %s", event, target)
        raise PermissionError(
            errno.EACCES,
            "This is the live Newsroom store (or one of its -wal/-shm files), open in this "
            "program: only SQLite may read or change it",
            target,
        )


def _install() -> None:
    global _installed  # noqa: PLW0603 - installed once per process; audit hooks cannot be removed
    with _lock:
        if _installed:
            return
        sys.addaudithook(_hook)
        _installed = True
