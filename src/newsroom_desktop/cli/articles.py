"""Article commands: init, new, edit, list, show, search, delete, undelete, empty-trash."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from newsroom_desktop.cli import render
from newsroom_desktop.core.documents import ArticleSummary, ListQuery
from newsroom_desktop.core.vocabulary import LANGUAGES, STATUSES
from newsroom_desktop.importers.base import decode, read_bytes, read_stream

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom

FIELD_ARGS = ("headline", "section", "lead", "byline", "language", "tags")


def _article_fields(parser: argparse.ArgumentParser, *, required_headline: bool) -> None:
    parser.add_argument("--headline", required=required_headline, help="the headline")
    parser.add_argument("--section", help="section name, e.g. 'Thời sự'")
    parser.add_argument("--lead", help="the lead (sapo)")
    parser.add_argument(
        "--body-file", metavar="F", help="Markdown body from a file, or - for stdin"
    )
    parser.add_argument("--byline", help="the byline")
    parser.add_argument("--language", choices=LANGUAGES, help="vi or en")
    parser.add_argument(
        "--tag", action="append", dest="tags", metavar="T", help="a tag (repeatable)"
    )


def register(sub: Any) -> None:
    """Add the article subcommands."""
    sub.add_parser(
        "init", help="create the store (or check it) and print where it is"
    ).set_defaults(handler=cmd_init)
    p = sub.add_parser("new", help="create an article and print its id")
    _article_fields(p, required_headline=True)
    p.set_defaults(handler=cmd_new)
    p = sub.add_parser("edit", help="change an article (saves a new revision)")
    p.add_argument("id")
    _article_fields(p, required_headline=False)
    p.set_defaults(handler=cmd_edit)
    p = sub.add_parser("list", help="list articles, newest first")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--section")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--trash", action="store_true", help="list the trash instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list, quick=quick_list)
    p = sub.add_parser("show", help="show one article")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)
    p = sub.add_parser("search", help="search articles (diacritics optional)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)
    p = sub.add_parser("delete", help="move an article to the trash")
    p.add_argument("id")
    p.set_defaults(handler=cmd_delete)
    p = sub.add_parser("undelete", help="take an article back out of the trash")
    p.add_argument("id")
    p.set_defaults(handler=cmd_undelete)
    sub.add_parser("empty-trash", help="delete the trashed articles for good").set_defaults(
        handler=cmd_empty_trash
    )


def read_text_arg(spec: str) -> str:
    """Read a text file argument (or stdin for "-"), tolerating legacy encodings with a warning.

    The importers' limits hold: a regular file of at most 20 MB (folders, pipes and devices
    are refused unread), standard input cut off just past 20 MB, binary data refused.
    """
    if spec == "-":
        name = "standard input"
        subject = "read the body from standard input"
        data = read_stream(sys.stdin.buffer, subject)
    else:
        name = spec
        subject = f"read the body file {spec}"
        data = read_bytes(Path(spec), what="body file", subject=subject)
    text, warnings = decode(data, name, subject)
    for warning in warnings:
        print(f"newsroom: warning: {warning}", file=sys.stderr)
    return text


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {name: getattr(args, name) for name in FIELD_ARGS if getattr(args, name) is not None}
    if args.body_file is not None:
        fields["body"] = read_text_arg(args.body_file)
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


def _list_query(args: argparse.Namespace) -> ListQuery:
    return ListQuery(status=args.status, section=args.section, trashed=args.trash)


def cmd_list(nr: Newsroom, args: argparse.Namespace) -> int:
    return _print_list(nr.articles.list(_list_query(args), limit=args.limit), nr.zone, args)


def quick_list(args: argparse.Namespace) -> int | None:
    """List a store file at this version's schema without opening it (None: open it)."""
    from newsroom_desktop.core.file_list import list_file  # noqa: PLC0415 - lazy, for start-up time
    from newsroom_desktop.core.paths import store_file  # noqa: PLC0415 - lazy, for start-up time
    from newsroom_desktop.core.settings import load_settings  # noqa: PLC0415 - lazy, for start-up time

    path = store_file(args.store)
    if path is None or not path.is_file():
        return None
    items = list_file(path, _list_query(args), limit=args.limit)
    if items is None:
        return None
    return _print_list(items, ZoneInfo(load_settings().timezone), args)


def _print_list(items: list[ArticleSummary], zone: ZoneInfo, args: argparse.Namespace) -> int:
    if args.json:
        print(render.dumps([render.summary_json(s) for s in items]))
    else:
        print("\n".join(render.summary_lines(items, zone)) or "No articles.")
    return 0


def cmd_show(nr: Newsroom, args: argparse.Namespace) -> int:
    doc = nr.articles.get(args.id)
    print(
        render.dumps(render.article_json(doc)) if args.json else render.article_text(doc, nr.zone)
    )
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
