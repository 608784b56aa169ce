"""Newsroom server commands: ``server init`` prepares an empty database, ``server upgrade``."""

from __future__ import annotations

import argparse
from typing import Any

from newsroom_desktop.core.server import init_server, upgrade_server
from newsroom_desktop.core.store import SCHEMA_HEAD


def register(sub: Any) -> None:
    """Add the ``server`` subcommands."""
    p = sub.add_parser("server", help="prepare or upgrade a newsroom server (PostgreSQL)")
    server = p.add_subparsers(dest="server_command", required=True, metavar="ACTION")
    init = server.add_parser(
        "init", help="prepare an EMPTY PostgreSQL database as a newsroom server"
    )
    init.add_argument("url", help="postgresql://user:password@host:port/database")
    init.set_defaults(handler=cmd_init, opens_store=False)
    upgrade = server.add_parser(
        "upgrade", help="bring a newsroom server to this app's schema (done on purpose)"
    )
    upgrade.add_argument("url", help="postgresql://user:password@host:port/database")
    upgrade.set_defaults(handler=cmd_upgrade, opens_store=False)


def cmd_init(_nr: None, args: argparse.Namespace) -> int:
    loc = init_server(args.url)
    print(f"Newsroom server ready: {loc.display} (schema {SCHEMA_HEAD}).")
    return 0


def cmd_upgrade(_nr: None, args: argparse.Namespace) -> int:
    before = upgrade_server(args.url)
    if before == SCHEMA_HEAD:
        print(f"The server is already at schema {SCHEMA_HEAD}; nothing to do.")
    else:
        print(f"Upgraded the server from schema {before} to {SCHEMA_HEAD}.")
    return 0
