"""The ``newsroom`` subcommands, each a thin call into the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.articles import ListQuery
from ..core.newsroom import Newsroom
from ..core.textio import decode_text
from . import render

Command = Callable[[Newsroom, argparse.Namespace], int]
FIELD_ARGS = ("headline", "section", "lead", "byline", "language", "tags")


def _read_body(spec: str) -> str:
    data = sys.stdin.buffer.read() if spec == "-" else Path(spec).read_bytes()
    decoded = decode_text(data, "standard input" if spec == "-" else spec)
    if decoded.warning:
        print(f"newsroom: warning: {decoded.warning}", file=sys.stderr)
    return decoded.text


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {name: getattr(args, name) for name in FIELD_ARGS if getattr(args, name) is not None}
    if args.body_file is not None:
        fields["body"] = _read_body(args.body_file)
    return fields


def cmd_init(nr: Newsroom, args: argparse.Namespace) -> int:
    print(f"Store: {nr.store.location.display}")
    print(f"Articles: {nr.articles.count()}")
    return 0


def cmd_new(nr: Newsroom, args: argparse.Namespace) -> int:
    doc = nr.articles.create(_fields(args))
    print(doc.id)
    return 0


def cmd_edit(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
    result = nr.articles.save(article_id, _fields(args), reason="edit")
    note = f"revision {result.revision.number}" if result.revision else "no change"
    print(f"{result.article.id} ({note})")
    return 0


def cmd_list(nr: Newsroom, args: argparse.Namespace) -> int:
    query = ListQuery(status=args.status, section=args.section, trashed=args.trash)
    items = nr.articles.list(query, limit=args.limit)
    if args.json:
        print(render.dumps([render.summary_json(s) for s in items]))
    else:
        print("\n".join(render.summary_lines(items, nr.zone)) or "No articles.")
    return 0


def cmd_show(nr: Newsroom, args: argparse.Namespace) -> int:
    doc = nr.articles.get(args.id)
    print(render.dumps(render.article_json(doc)) if args.json else render.article_text(doc, nr.zone))
    return 0


def cmd_search(nr: Newsroom, args: argparse.Namespace) -> int:
    items = nr.articles.search(args.query, limit=args.limit)
    if args.json:
        print(render.dumps([render.summary_json(s) for s in items]))
    else:
        print("\n".join(render.summary_lines(items, nr.zone)) or "Nothing found.")
    return 0


def cmd_delete(nr: Newsroom, args: argparse.Namespace) -> int:
    nr.articles.trash(nr.articles.resolve(args.id))
    return 0


def cmd_undelete(nr: Newsroom, args: argparse.Namespace) -> int:
    nr.articles.restore_from_trash(nr.articles.resolve(args.id))
    return 0


def cmd_empty_trash(nr: Newsroom, args: argparse.Namespace) -> int:
    print(f"Deleted {nr.articles.empty_trash()} article(s) for good.")
    return 0


def cmd_photos(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
    if args.photos_command == "add":
        uses = nr.photos.add(article_id, [Path(f) for f in args.files], place=not args.no_place)
        for use in uses:
            print(use.id)
        return 0
    if args.photos_command == "set":
        use_id = nr.photos.resolve(article_id, args.photo_id)
        nr.photos.update_use(
            article_id,
            use_id,
            caption=args.caption,
            credit=args.credit,
            alt_text=args.alt,
            is_lead=True if args.lead else None,
        )
        return 0
    doc = nr.articles.get(article_id)
    if args.json:
        print(render.dumps([render.photo_json(p) for p in doc.photos]))
    else:
        for p in doc.photos:
            lead = "*" if p.is_lead else " "
            print(f"{lead} {p.id[:8]}  {p.width}x{p.height}  {p.caption} — {p.credit}")
    return 0


COMMANDS: dict[str, Command] = {
    "init": cmd_init,
    "new": cmd_new,
    "edit": cmd_edit,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "delete": cmd_delete,
    "undelete": cmd_undelete,
    "empty-trash": cmd_empty_trash,
    "photos": cmd_photos,
}


def run(nr: Newsroom, args: argparse.Namespace) -> int:
    """Run the parsed command on an open newsroom."""
    return COMMANDS[args.command](nr, args)
