"""Parse the command line, run one command, and turn core errors into one line and exit 1."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newsroom_desktop import __version__
from newsroom_desktop.core.errors import NewsroomError, StoreError
from newsroom_desktop.core.vocabulary import ROLES

if TYPE_CHECKING:
    from newsroom_desktop.core.documents import Actor
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.photos.batch import RunningBatch

EXIT_ERROR = 1  # argparse itself exits 2 on bad usage
EXIT_USAGE = 2
# Arguments that name files: the system gives us their bytes, which need not be UTF-8.
PATH_ARGS = frozenset({"store", "body_file", "paths", "files", "file", "out", "folder"})
# Counts (--limit, --max-side) stay far inside what SQLite and Pillow take.
MAX_COUNT = 1_000_000_000


# Each module adds its subcommands with register(sub) and sets args.handler(newsroom, args).
# Only the module of the command asked for is imported (a test keeps this table true): each
# one pulls in its part of the core, and `newsroom --version` or `list` need none of the rest.
COMMANDS: dict[str, tuple[str, ...]] = {
    "articles": ("init", "new", "edit", "list", "show", "search", "delete", "undelete",
                 "empty-trash"),
    "photos": ("photos",),
    "imports": ("import",),
    "exports": ("export",),
    "workflow": ("status", "history", "diff", "note"),
    "maintenance": ("backup", "backups", "restore", "check", "recover"),
    "server": ("server",),
    "sync": ("sync", "checkout"),
    "proofing": ("proof", "words"),
}  # fmt: skip
GLOBAL_OPTIONS_WITH_VALUE = frozenset({"--store", "--as", "--role"})


def command_word(argv: Sequence[str]) -> str | None:
    """Return the command ``argv`` names (the first word that is not a global option)."""
    words = iter(argv)
    for word in words:
        if word == "--version":
            return "--version"
        if word in GLOBAL_OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def command_modules(command: str | None) -> list[str]:
    """Return the modules to register for ``command``: its own, or every one (help, errors)."""
    if command == "--version":
        return []
    owners = [name for name, commands in COMMANDS.items() if command in commands]
    return owners or list(COMMANDS)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser of the ``newsroom`` command (for ``command``, else all)."""
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
    for name in command_modules(command):
        importlib.import_module(f"newsroom_desktop.cli.{name}").register(sub)
    for action in _actions(parser):
        if action.type is int:
            action.type = count_arg
    return parser


def _actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Yield every argument of ``parser`` and of its subcommands, however deep."""
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                yield from _actions(subparser)


def count_arg(text: str) -> int:
    """Return a whole number from 0 to MAX_COUNT, or tell argparse why ``text`` is not one."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number") from None
    if not 0 <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{text} is out of range (0 to {MAX_COUNT})")
    return value


def _not_utf8(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """Return the first text argument that is not UTF-8 (as the option names it), or ""."""
    names = {a.dest: (a.option_strings or [a.dest])[-1] for a in _actions(parser)}
    for dest, value in vars(args).items():
        if dest in PATH_ARGS:
            continue
        for text in value if isinstance(value, list) else [value]:
            # Python keeps undecodable bytes as lone surrogates, which no store can hold.
            if isinstance(text, str) and not text.isascii() and not _encodes(text):
                return names.get(dest, dest)
    return ""


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _quiet_stdout() -> int:
    """The reader of our output (``head``, a pager) went away: not an error, so exit quietly.

    Python's own final flush would complain about the closed pipe, so stdout goes to devnull.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # stdout is not a file (a test's capture): nothing will flush into the pipe
    return 0


def _actor(args: argparse.Namespace) -> Actor | None:
    """Return who --as and --role ask to act as; None for the profile (or a joined desk's)."""
    from newsroom_desktop.core.documents import Actor  # noqa: PLC0415 - lazy, for start-up time

    if args.as_name:
        return Actor(args.as_name, args.role or "reporter")
    if args.role:
        from newsroom_desktop.core.newsroom import default_actor  # noqa: PLC0415 - lazy, for start-up time
        from newsroom_desktop.core.settings import load_settings  # noqa: PLC0415 - lazy, for start-up time

        return Actor(default_actor(load_settings()).name, args.role)
    return None


def _open(args: argparse.Namespace) -> Newsroom:
    """Open the store; on a server the login says who acts, never --as or --role."""
    from newsroom_desktop.core.newsroom import Newsroom  # noqa: PLC0415 - lazy, for start-up time
    from newsroom_desktop.core.paths import resolve_store  # noqa: PLC0415 - lazy, for start-up time

    loc = resolve_store(args.store)
    if loc.path is not None:
        return Newsroom.open(loc, actor=_actor(args))
    if args.as_name or args.role:
        raise StoreError(
            "--as and --role do not apply on a newsroom server: you act as the login you "
            "sign in with.",
            code="identity_from_server",
        )
    return Newsroom.open(loc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsroom`` command; return its exit code."""
    # The imports and the store's opening make some 70,000 objects and almost no garbage: the
    # collector would walk them again and again for nothing, and once more as the process
    # ends. It waits, then leaves them out of its walks (_settled): about a quarter of a
    # short command's CPU (bench: `newsroom export` of 20 articles).
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = _run(argv, collecting)
    except BrokenPipeError:
        code = _quiet_stdout()
    finally:
        if argv is not None:  # called from a program that goes on (a test): as it was
            gc.unfreeze()
        if collecting:
            gc.enable()
    if argv is None:  # the whole process is this command
        _end_process(code)
    return code


def _end_process(code: int) -> None:
    """End the process now that the command is done, without tearing the interpreter down.

    Everything is written and closed by then (the store, the files, the output); taking the
    modules and their objects apart one by one would only add a tenth of a second to every
    command (bench: export of 2,000 articles). Not while another thread still works, nor
    under a coverage measurement, which saves its data as the interpreter ends.
    """
    if threading.active_count() > 1 or "coverage" in sys.modules:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            return  # let the interpreter's own ending deal with it, as before
    os._exit(code)


def _settled(collecting: bool) -> None:
    """Put what start-up made out of the collector's walks, and let it work from here on."""
    gc.freeze()
    if collecting:
        gc.enable()


def _run(argv: Sequence[str] | None, collecting: bool) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(command_word(words))
    args = parser.parse_args(words)
    bad = _not_utf8(parser, args)
    if bad:
        print(
            f"newsroom: error: argument {bad} is not UTF-8 text (is the terminal set to UTF-8?)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    newsroom: Newsroom | None = None
    started: RunningBatch | None = None
    code = EXIT_ERROR
    try:
        # A command that can answer from a store file alone (list) tries that first; None
        # means the store must be opened as usual (a server, a new or older store, --as).
        quick = getattr(args, "quick", None)
        if quick is not None and not (args.as_name or args.role):
            answer = quick(args)
            if answer is not None:
                sys.stdout.flush()
                return int(answer)
        # Work that needs no store (photo files) begins on the spare cores before the store
        # is opened; the handler joins it (args.started). A call that fails before it does
        # leaves none of its originals behind; what it joined is the handler's to record.
        start_early = getattr(args, "start_early", None)
        if start_early is not None:
            started = args.started = start_early(args)
        if not getattr(args, "opens_store", True):
            # Works on the store file itself (restore, check): it may be too damaged to open.
            _settled(collecting)
            code = int(args.handler(None, args))
        else:
            newsroom = _open(args)
            _settled(collecting)
            code = int(args.handler(newsroom, args))
        sys.stdout.flush()  # a closed pipe shows up here, not at exit
        return code
    except BrokenPipeError:
        raise
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
        if started is not None:
            started.close(discard=code != 0)
        if newsroom is not None:
            newsroom.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
