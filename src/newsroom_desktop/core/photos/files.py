"""Atomic file writes: a temp file in the target folder, fsync, then os.replace."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import BinaryIO


def open_temp(folder: Path, stem: str, *, readable: bool = False) -> tuple[Path, BinaryIO]:
    """Create a new hidden temp file in ``folder`` (mode from the umask, unlike mkstemp).

    ``readable`` opens it for reading back too (e.g. to hash what was written).
    """
    for _ in range(100):
        path = folder / f".{stem}.{secrets.token_hex(6)}.tmp"
        try:
            return path, path.open("x+b" if readable else "xb")
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def atomic_write_bytes(dest: Path, data: bytes) -> None:
    """Write ``data`` to ``dest`` so readers see the old file or the whole new one, never half."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp, stream = open_temp(dest.parent, dest.name)
    try:
        with stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        tmp.replace(dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(dest.parent)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk so a rename survives a crash (no-op where unsupported)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
