"""Parse the command line, run one command, and turn core errors into one line and exit 1."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..core.documents import Actor
from ..core.errors import NewsroomError
from ..core.models import LANGUAGES, ROLES, STATUSES
from ..core.newsroom import Newsroom, default_actor
from ..core.settings import load_settings
from . import commands

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _article_fields(parser: argparse.ArgumentParser, *, required_headline: bool) -> None:
    parser.add_argument("--headline", required=required_headline, help="the headline")
    parser.add_argument("--section", help="section name, e.g. 'Thời sự'")
    parser.add_argument("--lead", help="the lead (sapo)")
    parser.add_argument("--body-file", metavar="F", help="Markdown body from a file, or - for stdin")
    parser.add_argument("--byline", help="the byline")
    parser.add_argument("--language", choices=LANGUAGES, help="vi or en")
    parser.add_argument("--tag", action="append", dest="tags", metavar="T", help="a tag (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newsroom`` command."""
    parser = argparse.ArgumentParser(
        prog="newsroom", description="Newsroom Desktop from the command line."
    )
    parser.add_argument("--version", action="version", version=f"newsroom {__version__}")
    parser.add_argument("--store", metavar="S", help="store file or database URL (default: NEWSROOM_STORE, then the data folder)")
    parser.add_argument("--as", dest="as_name", metavar="NAME", help="act as this person")
    parser.add_argument("--role", choices=ROLES, help="the acting person's role")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("init", help="create the store (or check it) and print where it is")
    p = sub.add_parser("new", help="create an article and print its id")
    _article_fields(p, required_headline=True)
    p = sub.add_parser("edit", help="change an article (saves a new revision)")
    p.add_argument("id")
    _article_fields(p, required_headline=False)
    p = sub.add_parser("list", help="list articles, newest first")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--section")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--trash", action="store_true", help="list the trash instead")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("show", help="show one article")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("search", help="search articles (diacritics optional)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("delete", help="move an article to the trash")
    p.add_argument("id")
    p = sub.add_parser("undelete", help="take an article back out of the trash")
    p.add_argument("id")
    sub.add_parser("empty-trash", help="delete the trashed articles for good")

    photos = sub.add_parser("photos", help="add photos to an article, or set their captions")
    psub = photos.add_subparsers(dest="photos_command", required=True, metavar="ACTION")
    p = psub.add_parser("add", help="add photo files (captions from their metadata)")
    p.add_argument("id")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--no-place", action="store_true", help="do not place them in the body")
    p = psub.add_parser("set", help="set the caption, credit or alt text of a photo")
    p.add_argument("id")
    p.add_argument("photo_id")
    p.add_argument("--caption")
    p.add_argument("--credit")
    p.add_argument("--alt")
    p.add_argument("--lead", action="store_true", help="make it the lead photo")
    p = psub.add_parser("list", help="list an article's photos")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    return parser


def _actor(args: argparse.Namespace) -> Actor:
    actor = default_actor(load_settings())
    if args.as_name:
        return Actor(args.as_name, args.role or "reporter")
    if args.role:
        return Actor(actor.name, args.role)
    return actor


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsroom`` command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    newsroom: Newsroom | None = None
    try:
        newsroom = Newsroom.open(args.store, actor=_actor(args))
        return commands.run(newsroom, args)
    except NewsroomError as exc:
        print(f"newsroom: error: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"newsroom: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    finally:
        if newsroom is not None:
            newsroom.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
