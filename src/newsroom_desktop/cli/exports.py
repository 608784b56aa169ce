"""Export commands: newsroom export ID... --format F --out DIR."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from newsroom_desktop.cli import render
from newsroom_desktop.core.paths import store_file
from newsroom_desktop.core.settings import load_settings
from newsroom_desktop.core.vocabulary import STATUSES
from newsroom_desktop.exporters import registry
from newsroom_desktop.exporters.base import PAPERS, ExportOptions
from newsroom_desktop.exporters.manifest import WouldOverwriteError
from newsroom_desktop.jobs.exports import (
    EarlyExport,
    ExportReport,
    article_ids,
    begin_export,
    export_many,
)

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom

EXIT_OK, EXIT_ERROR = 0, 1
OVERWRITE = WouldOverwriteError.code


def register(sub: Any) -> None:
    """Add the export subcommand."""
    p = sub.add_parser(
        "export",
        help="export articles (web page, Markdown, text, news standards, Word, PDF, package)",
        description="Export articles. An editor exporting an approved (ready) article "
        "publishes it; anything else is a preview and keeps its status.",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="article ids (or unique prefixes)")
    p.add_argument("--format", "-f", required=True, choices=registry.names())
    p.add_argument("--out", "-o", required=True, metavar="DIR", help="folder to write into")
    p.add_argument("--status", choices=STATUSES, help="export every article in this status")
    p.add_argument(
        "--strict", action="store_true", help="refuse articles the pre-export check faults"
    )
    p.add_argument(
        "--json", action="store_true", help="print [{id, files}] / [{id, error}] as JSON"
    )
    p.add_argument("--zip", action="store_true", help="package: write one .zip instead of a folder")
    p.add_argument("--paper", choices=PAPERS, default="a4", help="pdf: paper size (default a4)")
    p.add_argument(
        "--max-side", type=int, metavar="N", help="longest photo side in px (default 1600)"
    )
    p.add_argument("--share-links", action="store_true", help="html: add share and print links")
    p.add_argument(
        "--no-lead-in-body",
        dest="lead_in_body",
        action="store_false",
        default=None,
        help="md: keep the lead in the front matter summary only",
    )
    p.add_argument("--preview", action="store_true", help="record nothing (no publishing)")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace files in DIR that are not the article's own earlier export",
    )
    p.set_defaults(handler=cmd_export, start_early=start_exporting)


def start_exporting(args: argparse.Namespace) -> EarlyExport | None:
    """Begin a large export of articles named by full id while the store's machinery loads;
    None when it is to be done the usual way (a server, prefixes, --status, a small batch)."""
    if args.status or (args.zip and args.format != "package"):
        return None
    path = store_file(args.store)  # no SQLAlchemy yet: the writers start first
    if path is None or not path.is_file():
        return None
    options = _options(args, ZoneInfo(load_settings().timezone))
    return begin_export(
        path, args.ids, args.format, Path(args.out), options=options, workers=os.cpu_count() or 1
    )


def _options(args: argparse.Namespace, zone: ZoneInfo) -> ExportOptions:
    settings = load_settings()
    return ExportOptions(
        zone=zone,
        paper=args.paper,
        max_side=args.max_side or settings.rendition_max_side,
        quality=settings.rendition_quality,
        share_links=args.share_links,
        lead_in_body=(
            settings.markdown_lead_in_body if args.lead_in_body is None else args.lead_in_body
        ),
        zip=args.zip,
        strict=args.strict,
        preview=args.preview,
        force=args.force,
        min_photo_width=settings.min_photo_width,
    )


def _ids(newsroom: Newsroom, args: argparse.Namespace) -> list[str]:
    ids = newsroom.articles.resolve_many(args.ids)
    if args.status:
        given = set(ids)
        ids += [i for i in article_ids(newsroom, args.status) if i not in given]
    return ids


def _print_text(report: ExportReport) -> None:
    for result in report.results:
        if result.ok:
            state = "  (published)" if result.published else ""
            print(f"{result.id[:8]}  {result.headline}{state}")
            for path in result.files:
                print(f"    {path}")
            for problem in result.problems:
                print(f"    warning: {problem.message}", file=sys.stderr)
        elif result.error_code == OVERWRITE:
            # One line: the check's findings are for when it is exported.
            print(
                f"newsroom: error: {result.id[:8]}: {result.error} Use --force to replace.",
                file=sys.stderr,
            )
        else:
            print(f"newsroom: error: {result.id[:8]}: {result.error}", file=sys.stderr)
            for problem in result.problems:
                print(f"    {problem.message}", file=sys.stderr)


def _report_json(report: ExportReport) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for result in report.results:
        entry: dict[str, Any] = {"id": result.id}
        if result.ok:
            entry["files"] = [str(path) for path in result.files]
            entry["published"] = result.published
        else:
            entry["error"] = result.error
            entry["code"] = result.error_code
        entry["problems"] = [
            {"code": p.code, "message": p.message, "field": p.field} for p in result.problems
        ]
        out.append(entry)
    return out


def cmd_export(newsroom: Newsroom, args: argparse.Namespace) -> int:
    """Export the given articles (and those in --status) and report each one."""
    if args.zip and args.format != "package":
        print("newsroom: error: --zip only applies to --format package", file=sys.stderr)
        return 2
    ids = _ids(newsroom, args)
    if not ids:
        what = f"in status {args.status}" if args.status else "given"
        print(f"newsroom: error: no articles {what} to export", file=sys.stderr)
        return EXIT_ERROR
    # Both cores (or all): the command line runs no Qt, so a large batch may fork writers.
    report = export_many(
        newsroom,
        ids,
        args.format,
        Path(args.out),
        options=_options(args, newsroom.zone),
        workers=os.cpu_count() or 1,
        early=getattr(args, "started", None),
    )
    if args.json:
        print(render.dumps(_report_json(report)))
    else:
        _print_text(report)
    return EXIT_OK if not report.failed else EXIT_ERROR
