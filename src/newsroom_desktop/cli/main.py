"""Parse the command line, run one command, and turn core errors into one line and exit 1."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..core.documents import Actor
from ..core.errors import NewsroomError
from ..core.models import ROLES
from ..core.newsroom import Newsroom, default_actor
from ..core.settings import load_settings
from . import articles, exports, imports, maintenance, photos, workflow

EXIT_ERROR = 1  # argparse itself exits 2 on bad usage


# Each module adds its subcommands with register(sub) and sets args.handler(newsroom, args).
COMMAND_MODULES = (articles, photos, imports, exports, workflow, maintenance)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newsroom`` command."""
    parser = argparse.ArgumentParser(
        prog="newsroom", description="Newsroom Desktop from the command line."
    )
    parser.add_argument("--version", action="version", version=f"newsroom {__version__}")
    parser.add_argument(
        "--store",
        metavar="S",
        help="store file or database URL (default: NEWSROOM_STORE, then the data folder)",
    )
    parser.add_argument("--as", dest="as_name", metavar="NAME", help="act as this person")
    parser.add_argument("--role", choices=ROLES, help="the acting person's role")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
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
        if not getattr(args, "opens_store", True):
            # Works on the store file itself (restore, check): it may be too damaged to open.
            return int(args.handler(None, args))
        newsroom = Newsroom.open(args.store, actor=_actor(args))
        return int(args.handler(newsroom, args))
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
