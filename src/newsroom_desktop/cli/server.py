"""Newsroom server commands: init, upgrade, and the people who sign in (add, role, audit)."""

from __future__ import annotations

import argparse
from typing import Any

from newsroom_desktop.cli.sync import register_join
from newsroom_desktop.core.server import init_server, upgrade_server
from newsroom_desktop.core.server_people import (
    SERVER_ROLES,
    add_person,
    audit_events,
    disable_person,
    set_role,
)
from newsroom_desktop.core.store_file import SCHEMA_HEAD


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
    _register_people(server)
    register_join(server)


def _register_people(server: Any) -> None:
    url_help = "the server's URL, with the login of its owner (who ran init)"
    add = server.add_parser(
        "add-person", help="give a person their own login; prints a one-time password"
    )
    add.add_argument("name", help="the person's name as bylines show it")
    add.add_argument("--role", choices=SERVER_ROLES, default="reporter")
    add.add_argument("url", help=url_help)
    add.set_defaults(handler=cmd_add_person, opens_store=False)
    role = server.add_parser("set-role", help="change a person's role (reporter, editor, admin)")
    role.add_argument("name")
    role.add_argument("role", choices=SERVER_ROLES)
    role.add_argument("url", help=url_help)
    role.set_defaults(handler=cmd_set_role, opens_store=False)
    disable = server.add_parser(
        "disable-person", help="stop a person signing in (their articles stay)"
    )
    disable.add_argument("name")
    disable.add_argument("url", help=url_help)
    disable.set_defaults(handler=cmd_disable_person, opens_store=False)
    audit = server.add_parser("audit", help="show the server's audit, newest first (admins)")
    audit.add_argument("url", help="the server's URL, with an admin's login")
    audit.add_argument("--limit", type=int, default=50, help="lines to show (default 50)")
    audit.set_defaults(handler=cmd_audit, opens_store=False)


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


def cmd_add_person(_nr: None, args: argparse.Namespace) -> int:
    made = add_person(args.url, args.name, args.role)
    person = made.person
    print(f"Added {person.name} ({person.role}); login: {person.login}")
    print(f"One-time password (shown only now; hand it over safely): {made.password}")
    return 0


def cmd_set_role(_nr: None, args: argparse.Namespace) -> int:
    person = set_role(args.url, args.name, args.role)
    print(f"{person.name} ({person.login}) is now {person.role}.")
    return 0


def cmd_disable_person(_nr: None, args: argparse.Namespace) -> int:
    person = disable_person(args.url, args.name)
    print(f"{person.name} ({person.login}) can no longer sign in; their articles stay.")
    return 0


def cmd_audit(_nr: None, args: argparse.Namespace) -> int:
    for line in audit_events(args.url, args.limit):
        moved = f" {line.from_status} → {line.to_status}" if line.to_status else ""
        article = f" {line.article_id[:8]}" if line.article_id else ""
        why = f" ({line.code})" if line.code else ""
        detail = f": {line.detail}" if line.detail else ""
        stamp = line.created_at.strftime("%Y-%m-%d %H:%M:%S")
        print(
            f"{stamp}  {line.outcome:<7} {line.person or line.login}  "
            f"{line.action}{article}{moved}{why}{detail}"
        )
    return 0
