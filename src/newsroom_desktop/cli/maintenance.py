"""Maintenance commands: backup, backups, restore, check, recover.

``backups``, ``restore`` and ``check`` work on the store file without opening it as a Newsroom
(``opens_store=False``), so they still work when the store is damaged.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from newsroom_desktop.core.backups import (
    check_backup,
    file_store_path,
    list_backups,
    make_backup,
    restore_backup,
)
from newsroom_desktop.core.context import id_prefix
from newsroom_desktop.core.errors import NewsroomError, StoreError
from newsroom_desktop.core.health import check_store
from newsroom_desktop.core.paths import resolve_store
from newsroom_desktop.core.recovery import apply_recovery, discard_recovery, pending_recoveries
from newsroom_desktop.core.safety_records import MANUAL, BackupInfo
from newsroom_desktop.core.settings import load_settings

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom


def register(sub: Any) -> None:
    """Add the maintenance subcommands."""
    p = sub.add_parser("backup", help="back the store up now and print the backup's path")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("backups", help="list the store's backups with dates and article counts")
    p.set_defaults(handler=cmd_backups, opens_store=False)
    p = sub.add_parser(
        "restore",
        help="replace the store with a backup (the current store is kept as a backup first)",
    )
    p.add_argument("file", help="the backup file (see: newsroom backups)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_restore, opens_store=False)
    p = sub.add_parser("check", help="check the store for damage and missing photo originals")
    p.set_defaults(handler=cmd_check, opens_store=False)
    p = sub.add_parser("recover", help="list, apply or discard edits kept after a failed save")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--apply", metavar="ID", help="save the kept edit of this article")
    group.add_argument("--apply-all", action="store_true", help="save every kept edit")
    group.add_argument("--discard", metavar="ID", help="throw the kept edit of this article away")
    p.set_defaults(handler=cmd_recover)


def _zone() -> ZoneInfo:
    return ZoneInfo(load_settings().timezone)


def _when(moment: datetime) -> str:
    return moment.astimezone(_zone()).strftime("%Y-%m-%d %H:%M:%S")


def _backup_line(info: BackupInfo) -> str:
    count = f"{info.article_count} articles" if info.article_count is not None else info.problem
    size = f"{info.size / 1e6:.1f} MB"
    return f"{_when(info.created_at)}  {info.label:<16} {count:<16} {size:>9}  {info.path}"


def cmd_backup(nr: Newsroom, args: argparse.Namespace) -> int:
    info = make_backup(nr.store, MANUAL)
    print(info.path)
    return 0


def cmd_backups(_nr: None, args: argparse.Namespace) -> int:
    backups = list_backups(resolve_store(args.store))
    print("\n".join(_backup_line(b) for b in backups) or "No backups yet.")
    return 0


def _confirmed(prompt: str) -> bool:
    print(prompt, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline(64)  # a yes or no; endless input is not read to its end
    return answer.strip().lower() in {"y", "yes"}


def cmd_restore(_nr: None, args: argparse.Namespace) -> int:
    loc = resolve_store(args.store)
    file_store_path(loc)  # a server is restored with pg_restore: say so before the file checks
    # Refuse a bad file before asking anything; the checks want the whole path.
    info = check_backup(Path(args.file).expanduser().absolute())
    print(
        f"newsroom: warning: this replaces the store {loc.display} with the backup made "
        f"{_when(info.created_at)} ({info.article_count} articles); the current store is kept "
        "as a before-restore backup. Close Newsroom Desktop first.",
        file=sys.stderr,
    )
    if not args.yes and not _confirmed("Restore this backup? [y/N] "):
        raise StoreError("Restore cancelled; nothing was changed.", code="cancelled")
    result = restore_backup(loc, info.path, keep=load_settings().backups_keep)
    print(f"Restored {result.store} from {result.restored.path}.")
    if result.previous is not None:
        print(f"The replaced store was kept as {result.previous}.")
    return 0


def cmd_check(_nr: None, args: argparse.Namespace) -> int:
    check = check_store(resolve_store(args.store))
    if check.ok:
        print(
            f"Store {check.path}: ok (schema {check.schema_revision}, "
            f"{check.article_count} articles, every photo original present)."
        )
        return 0
    for problem in check.problems:
        print(f"newsroom: problem: {problem}", file=sys.stderr)
    return 1


def cmd_recover(nr: Newsroom, args: argparse.Namespace) -> int:
    pending = pending_recoveries(nr.store.location)
    chosen = args.apply if args.apply is not None else args.discard
    if chosen is not None:  # "" is a prefix too short, not a missing option
        prefix = id_prefix(chosen, "article")
        pending = [p for p in pending if p.article_id.startswith(prefix)]
        if len(pending) != 1:
            raise NewsroomError(f"No single kept edit matches {chosen}.", code="not_found")
    if args.discard is not None:
        discard_recovery(pending[0])
        print(f"Discarded the kept edit of {pending[0].article_id}.")
        return 0
    if chosen is None and not args.apply_all:
        for info in pending:
            print(f"{info.article_id}  {_when(info.saved_at)}  {info.headline or '(no headline)'}")
            print(f"    not saved because: {info.error}")
        print(f"{len(pending)} kept edit(s)." if pending else "No kept edits.")
        return 0
    for info in pending:
        outcome = apply_recovery(nr, info)
        if outcome.conflict:
            note = (
                f"kept as revision {outcome.revision_number} beside the newer stored version; "
                "compare them in the revision history"
            )
        else:
            note = "saved as a new article" if outcome.created else "saved"
        print(f"{outcome.article.id}: {note}.")
    return 0
