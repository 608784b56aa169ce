"""PostgreSQL's own programs for a server store: find them, and back a server up with pg_dump."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.paths import backup_part

DUMP_TIMEOUT_S = 3600


def _version_key(folder: Path) -> float:
    try:
        return float(folder.parent.name)
    except ValueError:
        return 0.0


def find_tool(name: str) -> Path:
    """Return PostgreSQL's program ``name``: pg_config's folder, Debian's newest, then PATH."""
    folders: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0:
            folders.append(Path(out.stdout.strip()))
    # Debian keeps each major version's programs apart; the newest dumps every older server.
    folders += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    found = shutil.which(name)
    if found:
        return Path(found)
    raise StoreError(
        f"{name} was not found: install PostgreSQL's programs (Debian: postgresql-client).",
        code="store_server_backup",
    )


def libpq_target(url: URL) -> tuple[str, dict[str, str]]:
    """Return the libpq URL of ``url`` without its password, and the environment carrying it.

    The password goes in PGPASSWORD, not on the command line, where every user sees it.
    """
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def dump_server(url: URL, dest: Path) -> Path:
    """Write a pg_dump archive (custom format) of the server database to ``dest``; return it.

    pg_dump reads one consistent snapshot while desks go on writing; the archive is written
    beside ``dest`` first and renamed, so ``dest`` is never half a backup.
    """
    target, env = libpq_target(url)
    part = backup_part(dest)
    command = [str(find_tool("pg_dump")), "--format=custom", f"--file={part}", f"--dbname={target}"]
    out = subprocess.run(
        command, capture_output=True, text=True, env=env, check=False, timeout=DUMP_TIMEOUT_S
    )
    if out.returncode != 0:
        part.unlink(missing_ok=True)
        reason = (out.stderr.strip().splitlines() or ["no reason given"])[0]
        raise StoreError(
            f"pg_dump could not back the server up: {reason}", code="store_backup_failed"
        )
    part.replace(dest)
    return dest
