"""Backups of the store: automatic rotating copies, manual ones, listing them, and restoring one.

Backups live in ``<store folder>/backups/`` as ``<store name>-<UTC stamp>-<label>.sqlite``,
each a self-contained SQLite file made with the online backup API (safe while the app writes).
The automatic ones are kept gzip-compressed, as ``….sqlite.gz`` (core/packed_backups.py), and
are checked and restored like the others: ten of them take the space of about three plain
copies. The others stay plain SQLite files, to be opened as they are.

Labels and rotation:

* ``auto`` — made at start and every hour of use (``auto_backup_if_due``); only the newest
  ``keep`` (Settings.backups_keep, 10 by default) are kept.
* ``before-restore`` — the store as it was just before a restore replaced it; rotated the same
  way, separately, so that restoring again and again cannot push out the automatic ones.
* ``manual`` (``newsroom backup``) and ``before-migration-<rev>`` — never removed by the app.
"""

from __future__ import annotations

import builtins
import contextlib
import gzip
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.models import Article
from newsroom_desktop.core.packed_backups import (
    PACKED_SUFFIX,
    is_packed,
    pack_file,
    read_meta,
    unpacked,
)
from newsroom_desktop.core.paths import StoreLocation, backup_part, resolve_store
from newsroom_desktop.core.safety_records import (
    AUTO,
    BEFORE_RESTORE,
    MANUAL,
    ROTATED,
    BackupInfo,
    RestoreResult,
)
from newsroom_desktop.core.schema import schema_differences
from newsroom_desktop.core.store import (
    Store,
    backup_file,
    backup_path,
    copy_database,
    unknown_revision_error,
)
from newsroom_desktop.core.store_file import (
    BUSY_TIMEOUT_MS,
    KNOWN_REVISIONS,
    connect_read_only,
    read_schema_revision,
)

DEFAULT_KEEP = 10
BACKUP_INTERVAL = timedelta(hours=1)
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME_RE = re.compile(r"-(?P<stamp>\d{8}T\d{12}Z)-(?P<label>[a-z0-9-]+)\.sqlite(?:\.gz)?$")


def _location(location: StoreLocation | Store | Path | str) -> StoreLocation:
    if isinstance(location, Store):
        return location.location
    if isinstance(location, StoreLocation):
        return location
    return resolve_store(location)


def file_store_path(loc: StoreLocation) -> Path:
    """Return the store file of ``loc``; a server's backups are made on the server instead."""
    if loc.path is None:
        raise StoreError(
            f"{loc.display} is a newsroom server: its backups are made and restored on the "
            "server, with pg_dump and pg_restore.",
            code="store_server_backup",
        )
    return loc.path


def _parse_name(path: Path, stem: str) -> tuple[datetime, str] | None:
    if not path.name.startswith(f"{stem}-"):
        return None
    match = _NAME_RE.fullmatch(path.name[len(stem) :])
    if match is None:
        return None
    stamp = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
    return stamp, match["label"]


def _backup_files(loc: StoreLocation) -> list[tuple[Path, datetime, str]]:
    """Return this store's backup files with their time and label, newest first."""
    stem = file_store_path(loc).stem
    try:
        entries = list(loc.backups_dir.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(
            f"Cannot read the backups folder {loc.backups_dir}: {exc.strerror or exc}",
            code="store_io",
        ) from exc
    found = []
    for path in entries:
        parsed = _parse_name(path, stem)
        if parsed is not None and path.is_file():
            found.append((path, *parsed))
    return sorted(found, key=lambda item: item[1], reverse=True)


def _count_articles(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT count(*) FROM articles WHERE deleted_at IS NULL").fetchone()
    return int(row[0])


def describe_backup(path: Path, created_at: datetime | None = None, label: str = "") -> BackupInfo:
    """Return what a backup file holds, read without changing it; a bad file gets a problem."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise StoreError(
            f"Cannot read the backup {path}: {exc.strerror or exc}", code="store_io"
        ) from exc
    when = created_at or datetime.fromtimestamp(path.stat().st_mtime, UTC)
    if is_packed(path):
        return _describe_packed(path, when, label, size)
    try:
        revision = read_schema_revision(path)
        if revision is None:
            raise StoreError(f"{path} is an empty file, not a backup.", code="store_not_a_store")
        conn = connect_read_only(path)
        try:
            count = _count_articles(conn)
        finally:
            conn.close()
    except StoreError as exc:
        return BackupInfo(path, when, label, size, None, None, exc.message)
    except sqlite3.DatabaseError as exc:
        return BackupInfo(path, when, label, size, None, None, f"{path} is damaged ({exc}).")
    return BackupInfo(path, when, label, size, count, revision)


def _describe_packed(path: Path, when: datetime, label: str, size: int) -> BackupInfo:
    """Describe a compressed backup from its header (written with it), without unpacking."""
    try:
        meta = read_meta(path)
    except (OSError, ValueError) as exc:
        return BackupInfo(path, when, label, size, None, None, f"{path} is damaged ({exc}).")
    count, revision = (meta or {}).get("articles"), (meta or {}).get("revision")
    if not isinstance(count, int) or not isinstance(revision, str):
        problem = f"{path} is not a Newsroom store backup (or it is damaged)."
        return BackupInfo(path, when, label, size, None, None, problem)
    return BackupInfo(path, when, label, size, count, revision)


def list_backups(location: StoreLocation | Store | Path | str) -> list[BackupInfo]:
    """Return the backups of the store at ``location``, newest first, with article counts."""
    loc = _location(location)
    return [describe_backup(path, when, label) for path, when, label in _backup_files(loc)]


def rotate_backups(
    location: StoreLocation | Store | Path | str, keep: int = DEFAULT_KEEP, label: str = AUTO
) -> list[Path]:
    """Remove all but the newest ``keep`` backups with ``label``; return the files removed."""
    if label not in ROTATED:
        raise ValueError(f"backups labelled {label!r} are never rotated away")
    files = [path for path, _when, lab in _backup_files(_location(location)) if lab == label]
    removed = []
    for path in files[max(keep, 1) :]:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def _dump_server(store: Store, label: str) -> BackupInfo:
    """Back a server up with pg_dump; its archives are restored with pg_restore, by an admin."""
    path = store.backup(store.backup_path(label).with_suffix(".dump"))
    with store.read() as session:
        count = session.scalar(
            select(func.count()).select_from(Article).where(Article.deleted_at.is_(None))
        )
    return BackupInfo(
        path=path,
        created_at=datetime.now(UTC),
        label=label,
        size=path.stat().st_size,
        article_count=count,
        schema_revision=store.schema_revision(),
    )


def make_backup(store: Store, label: str = MANUAL, *, keep: int = DEFAULT_KEEP) -> BackupInfo:
    """Back the open store up now (safe while it is written to); rotate if the label rotates."""
    if not re.fullmatch(r"[a-z0-9-]+", label):
        raise ValueError(f"a backup label is lower-case letters, digits and dashes, not {label!r}")
    if store.location.path is None:
        return _dump_server(store, label)
    if label == AUTO:
        path = packed_backup(store.location.path, store.backup_path(label))
    else:
        path = store.backup(store.backup_path(label))
    when, _label = _parse_name(path, file_store_path(store.location).stem) or (None, label)
    if label in ROTATED:
        rotate_backups(store.location, keep, label)
    return describe_backup(path, when, label)


def packed_backup(live: Path, dest: Path) -> Path:
    """Back the store file ``live`` up, gzip-compressed, to ``dest`` + ".gz"; return that file.

    The consistent copy (SQLite's backup API) goes to a hidden file beside ``dest`` first, is
    read for what it holds, compressed into a hidden ``.part`` and renamed when whole.
    """
    packed = dest.with_name(dest.name + PACKED_SUFFIX)
    plain = backup_file(live, dest.with_name(f".{dest.name}"))
    part = backup_part(packed)
    try:
        with contextlib.closing(connect_read_only(plain)) as conn:
            meta = {"articles": _count_articles(conn), "revision": read_schema_revision(plain)}
        pack_file(plain, part, meta)
        part.replace(packed)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise StoreError(
            f"Cannot write the backup {packed}: {exc.strerror or exc}", code="store_backup_failed"
        ) from exc
    finally:
        plain.unlink(missing_ok=True)
    _fsync_folder(packed.parent)
    return packed


def last_backup_time(
    location: StoreLocation | Store | Path | str, label: str = AUTO
) -> datetime | None:
    """Return when the newest backup with ``label`` was made (from its name, no file opened)."""
    for _path, when, lab in _backup_files(_location(location)):
        if lab == label:
            return when
    return None


def backup_due(
    location: StoreLocation | Store | Path | str,
    interval: timedelta = BACKUP_INTERVAL,
    now: datetime | None = None,
) -> bool:
    """Tell whether the newest automatic backup is older than ``interval`` (or there is none)."""
    last = last_backup_time(location)
    return last is None or (now or datetime.now(UTC)) - last >= interval


def auto_backup_if_due(
    store: Store, *, keep: int = DEFAULT_KEEP, interval: timedelta = BACKUP_INTERVAL
) -> BackupInfo | None:
    """Make the automatic backup if one is due (at start, then hourly); None if not due.

    Cheap when not due (one folder listing). A backup of a big store takes seconds: the GUI
    runs this on a worker thread with its own ``Store``-level call; the backup API copies a
    consistent snapshot while the app goes on writing. A read-only or server store is skipped.
    """
    if store.read_only or store.location.path is None:
        return None
    if not backup_due(store.location, interval):
        return None
    return make_backup(store, AUTO, keep=keep)


def check_backup(file: Path) -> BackupInfo:
    """Return what ``file`` holds if it is a sound store this app can open; else StoreError.

    Sound means: an SQLite file of a schema revision this version knows, whose schema (tables,
    columns, indexes, triggers, views) is exactly the one the app makes at that revision, and
    that passes ``PRAGMA integrity_check``.
    """
    file = Path(file)
    if not file.exists():
        raise StoreError(f"There is no file {file}.", code="not_found")
    with _unpacked(file) as plain:
        return _check_plain(plain, file)


@contextlib.contextmanager
def _unpacked(file: Path) -> Iterator[Path]:
    """Yield the SQLite file of a backup: itself, or a compressed one unpacked for a while."""
    try:
        with unpacked(file) as plain:
            yield plain
    except (gzip.BadGzipFile, EOFError) as exc:
        raise StoreError(
            f"The backup {file} is damaged ({exc}); choose another one.", code="store_damaged"
        ) from exc


def _check_plain(plain: Path, file: Path) -> BackupInfo:
    """Check the SQLite file ``plain``, the backup ``file`` itself or unpacked from it."""
    revision = read_schema_revision(plain)
    if revision is None:
        raise StoreError(f"{file} is empty: it is not a Newsroom backup.", code="store_not_a_store")
    if revision not in KNOWN_REVISIONS:
        raise unknown_revision_error(file, revision, "backup")
    differences = schema_differences(plain, revision)
    if differences:
        raise StoreError(
            f"The backup {file} does not have the schema Newsroom Desktop makes, so it was not "
            f"restored: {'; '.join(differences[:8])}.",
            code="store_foreign_schema",
        )
    try:
        conn = connect_read_only(plain)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
            count = _count_articles(conn) if problems == ["ok"] else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
        count = None
    if problems != ["ok"]:
        raise StoreError(
            f"The backup {file} is damaged ({'; '.join(problems)[:200]}); choose another one.",
            code="store_damaged",
        )
    parsed = _NAME_RE.search(file.name)
    when = (
        datetime.strptime(parsed["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
        if parsed
        else datetime.fromtimestamp(file.stat().st_mtime, UTC)
    )
    label = parsed["label"] if parsed else ""
    return BackupInfo(file, when, label, file.stat().st_size, count, revision)


def _set_aside(loc: StoreLocation, keep: int) -> Path | None:
    """Save the current store before a restore replaces it; None if there is none."""
    live = file_store_path(loc)
    if not live.exists():
        return None
    try:
        store_revision = read_schema_revision(live)
        with contextlib.closing(connect_read_only(live)) as conn:
            sound = conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
    except (StoreError, sqlite3.DatabaseError):
        store_revision, sound = None, False
    if sound and store_revision is not None:
        dest = backup_file(live, backup_path(loc, BEFORE_RESTORE))
        rotate_backups(loc, keep, BEFORE_RESTORE)
        return dest
    # A damaged store cannot be copied page by page: keep its files exactly as they are.
    stamp = datetime.now(UTC).strftime(_STAMP_FORMAT)
    dest = loc.backups_dir / f"{live.stem}-{stamp}-damaged.sqlite"
    dest.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        source = live.with_name(live.name + suffix)
        if source.exists():
            shutil.copyfile(source, dest.with_name(dest.name + suffix))
    return dest


def _copy_into_live(backup: Path, live: Path) -> None:
    """Write the backup into the live store through SQLite, as one big transaction.

    Other programs with the store open see the restored content at their next read, the same
    way they see any other commit; nothing writes to a file they still hold.
    """
    source = connect_read_only(backup)
    try:
        target = sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            target.execute("PRAGMA journal_mode = WAL").fetchone()
            source.backup(target)
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            target.close()
    finally:
        source.close()


def _replace_live(backup: Path, live: Path) -> None:
    """Put a copy of the backup in place of a store that SQLite cannot write into (damaged)."""
    part = live.with_name(f".{live.name}.restore.part")
    with contextlib.closing(connect_read_only(backup)) as source:
        copy_database(source, part)
    # The old -wal belongs to the old file: replayed onto the restored one it would wreck it.
    for suffix in ("-wal", "-shm", "-journal"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    part.replace(live)
    _fsync_folder(live.parent)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def restore_backup(
    location: StoreLocation | Store | Path | str, file: Path, *, keep: int = DEFAULT_KEEP
) -> RestoreResult:
    """Replace the store at ``location`` with the backup ``file``; the current store is kept.

    The caller closes its Newsroom first and opens a new one afterwards (an old schema is
    migrated then). The file is checked first (a Newsroom store this version can open, passing
    ``PRAGMA integrity_check``); a file that is not is refused and nothing changes. The store
    being replaced is saved as a ``before-restore`` backup (or, if damaged, its files are
    copied as they are to ``…-damaged.sqlite``) before anything is written.
    """
    loc = _location(location)
    live = file_store_path(loc)
    file = Path(file).absolute()
    if file == live:
        raise StoreError(f"{file} is the store itself, not a backup of it.", code="store_io")
    if not file.exists():
        raise StoreError(f"There is no file {file}.", code="not_found")
    with _unpacked(file) as plain:
        info = _check_plain(plain, file)
        previous = _put_in_place(loc, plain, file, keep)
    return RestoreResult(live, info, previous)


def _put_in_place(loc: StoreLocation, plain: Path, file: Path, keep: int) -> Path | None:
    """Set the current store aside, then put the checked SQLite file ``plain`` (of the backup
    ``file``) in its place; return where the store as it was went."""
    live = file_store_path(loc)
    try:
        previous = _set_aside(loc, keep)
        live.parent.mkdir(parents=True, exist_ok=True)
        try:
            if previous is None or previous.name.endswith("-damaged.sqlite"):
                raise sqlite3.DatabaseError("no sound store to write into")
            _copy_into_live(plain, live)
        except sqlite3.DatabaseError:
            _replace_live(plain, live)
    except OSError as exc:
        raise StoreError(
            f"Cannot restore {file} over {live}: {exc.strerror or exc}", code="store_io"
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Cannot restore {file} over {live}: {exc}", code="store_io") from exc
    return previous


class BackupService:
    """The open store's backups: list, make, make when due, check and restore one."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def list(self) -> builtins.list[BackupInfo]:
        """Return the store's backups, newest first."""
        return list_backups(self.store.location)

    def make(self, label: str = MANUAL, *, keep: int = DEFAULT_KEEP) -> BackupInfo:
        """Back the store up now."""
        return make_backup(self.store, label, keep=keep)

    def auto_if_due(self, *, keep: int = DEFAULT_KEEP) -> BackupInfo | None:
        """Make the automatic backup if one is due; None if not due."""
        return auto_backup_if_due(self.store, keep=keep)

    def check(self, file: Path) -> BackupInfo:
        """Return what ``file`` holds if it is a sound store this app can open."""
        return check_backup(file)

    def restore(self, file: Path, *, keep: int = DEFAULT_KEEP) -> RestoreResult:
        """Replace the store with the backup ``file``; the current store is kept as a backup.

        Every connection of this process to the store is closed meanwhile (the file may be
        replaced); close anything else reading it (a store watcher) first.
        """
        with self.store.exclusive():
            return restore_backup(self.store.location, file, keep=keep)
