"""Offline desks on the command line: join a server, sync, fetch older articles, check out."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.sync import DEFAULT_DAYS, SyncReport

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom


def register_join(server: Any) -> None:
    """Add ``server join`` to the ``server`` subcommands."""
    join = server.add_parser(
        "join", help="make this desk's store a working copy of a newsroom server (works offline)"
    )
    join.add_argument("url", help="postgresql://your-login:password@host:port/database")
    join.add_argument(
        "--days", type=int, default=DEFAULT_DAYS, help="newest days of the newsroom to hold"
    )
    join.set_defaults(handler=cmd_join)


def register(sub: Any) -> None:
    """Add ``sync`` and ``checkout``."""
    p = sub.add_parser("sync", help="send this desk's changes to its server and receive others'")
    p.add_argument("--days", type=int, help="on a first sync: newest days to hold")
    p.add_argument("--fetch", metavar="ID", action="append", default=[],
                   help="also bring this article from the server (repeatable)")  # fmt: skip
    p.add_argument("--older", metavar="DAYS", type=int,
                   help="also bring the last DAYS days' articles this desk lacks")  # fmt: skip
    p.add_argument("--server", metavar="URL", help="the server's URL, when it differs (password)")
    p.set_defaults(handler=cmd_sync)
    p = sub.add_parser("checkout", help="check an article out on the server (others see it)")
    p.add_argument("id")
    p.add_argument("--release", action="store_true", help="give the check-out back (or break it)")
    p.set_defaults(handler=cmd_checkout)


def cmd_join(nr: Newsroom, args: argparse.Namespace) -> int:
    actor = nr.sync.join(args.url, days=args.days)
    try:
        nr.sync.keep_password(args.url)
    except StoreError as exc:
        print(f"The password was not kept ({exc}); give it with `newsroom sync --server URL`.")
    print(f"This desk is joined to {nr.sync.status().server} as {actor.name} ({actor.role}).")
    report = nr.sync.sync(server_url=args.url, days=args.days)
    _print_report(report)
    return 0


def _print_report(report: SyncReport) -> None:
    def line(what: str, names: list[str]) -> None:
        if names:
            shown = ", ".join(names[:5]) + (
                f", … ({len(names) - 5} more)" if len(names) > 5 else ""
            )
            print(f"{what} {len(names)}: {shown}")

    line("Sent", report.sent)
    line("Received", report.received)
    line("In conflict (both versions kept, resolve in the window)", report.conflicts)
    line("Refused by the server", report.refused)
    if report.photos_sent:
        print(f"Photo originals sent: {report.photos_sent}")
    when = report.at.astimezone().strftime("%H:%M") if report.at else ""
    print(f"Synced {when} ({report.seconds:.1f} s).")


def cmd_sync(nr: Newsroom, args: argparse.Namespace) -> int:
    report = nr.sync.sync(server_url=args.server, days=args.days)
    if args.fetch:
        ids = [nr.articles.resolve(i) if len(i) < 36 else i for i in args.fetch]
        fetched = nr.sync.fetch(ids, server_url=args.server)
        report.received += fetched.received
    if args.older:
        report.received += nr.sync.fetch_older(args.older, server_url=args.server).received
    _print_report(report)
    status = nr.sync.status()
    if status.conflicts:
        print(f"{status.conflicts} article(s) in conflict: open them in the window to resolve.")
    return 0


def cmd_checkout(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
    if args.release:
        nr.leases.release(article_id)
        print("Checked in: other desks no longer see it as being edited.")
    else:
        nr.leases.check_out(article_id)
        print(f"Checked out to {nr.actor.name}: other desks see “Being edited by {nr.actor.name}”.")
    return 0
