"""Import commands: newsroom import FILE_OR_FOLDER...."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsroom_desktop.cli import render
from newsroom_desktop.importers.registry import FORMATS
from newsroom_desktop.jobs.imports import ImportReport, import_paths

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom


def register(sub: Any) -> None:
    """Add the ``import`` subcommand."""
    p = sub.add_parser(
        "import",
        help="import articles from pasted text, HTML, Markdown or Word files",
        description="Import each file (folders are searched) as a new draft and print its id.",
    )
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--format", choices=("auto", *FORMATS), default="auto",
                   help="how to read the files (default: by name and content)")  # fmt: skip
    p.add_argument("--section", metavar="S", help="put every imported article in this section")
    p.add_argument("--again", action="store_true",
                   help="import a file even if its text is in the store already")  # fmt: skip
    p.add_argument("--json", action="store_true",
                   help="print a JSON list of {file, id|error|same_as}")  # fmt: skip
    p.set_defaults(handler=cmd_import)


def report_json(report: ImportReport) -> list[dict[str, str]]:
    """Return the report as the JSON list ``import --json`` prints."""
    out: list[dict[str, str]] = []
    for result in report.results:
        if result.article_id is not None:
            out.append({"file": str(result.file), "id": result.article_id})
        elif result.same_as is not None:
            out.append({"file": str(result.file), "same_as": result.same_as})
        else:
            out.append({"file": str(result.file), "error": result.error or ""})
    out += [{"file": str(s.file), "skipped": s.reason} for s in report.skipped]
    return out


def cmd_import(nr: Newsroom, args: argparse.Namespace) -> int:
    report = import_paths(
        nr, [Path(p) for p in args.paths], format=args.format, section=args.section,
        again=args.again,
    )  # fmt: skip
    for result in report.results:
        for warning in result.warnings:
            print(f"newsroom: warning: {result.file.name}: {warning}", file=sys.stderr)
        if result.error:
            print(f"newsroom: error: {result.error}", file=sys.stderr)
        if result.same_as is not None:
            print(
                f"newsroom: {result.file} is in the store already, as {result.same_as}: "
                "not imported again (--again imports a copy)",
                file=sys.stderr,
            )
    for skipped in report.skipped:
        print(f"newsroom: skipped {skipped.file}: {skipped.reason}", file=sys.stderr)
    if args.json:
        print(render.dumps(report_json(report)))
    else:
        for result in report.imported:
            print(result.article_id)
    return 1 if report.failed else 0
