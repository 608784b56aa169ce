"""Fault fixtures: real small and read-only filesystems (mounted as root), integrity checks."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def integrity(path: Path) -> str:
    """Return PRAGMA integrity_check's verdict on the store file ("ok" when sound)."""
    conn = sqlite3.connect(path)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    return "; ".join(rows)


def wreck_table(path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with garbage, as a bad disk sector would."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    finally:
        conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff" * (page_size // 4))


def _run(*cmd: str) -> bool:
    return subprocess.run(cmd, capture_output=True, check=False).returncode == 0


_CAN_MOUNT: list[bool] = []


def can_mount() -> bool:
    """Tell whether this process may mount filesystems (root, outside a locked-down sandbox)."""
    if not _CAN_MOUNT:
        ok = False
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            with tempfile.TemporaryDirectory() as probe:
                ok = _run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe)
                if ok:
                    _run("umount", probe)
        _CAN_MOUNT.append(ok)
    return _CAN_MOUNT[0]


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``folder`` for the duration (root only)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        raise RuntimeError(f"cannot mount a tmpfs on {folder}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextlib.contextmanager
def read_only_view(source: Path, folder: Path) -> Iterator[Path]:
    """Show ``source`` read-only at ``folder`` with a read-only bind mount (root only)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _run("mount", "--bind", str(source), str(folder)):
        raise RuntimeError(f"cannot bind-mount {source}")
    try:
        if not _run("mount", "-o", "remount,bind,ro", str(folder)):
            raise RuntimeError(f"cannot remount {folder} read-only")
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def mounts_or_not() -> bool:
    return can_mount()


def stop_zygote(proc: subprocess.Popen[str]) -> None:
    """End a zygote harness: close its input, then kill its group if it does not stop."""
    assert proc.stdin is not None
    proc.stdin.close()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        # A failed cycle may leave its worker running: end the zygote and its workers.
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
