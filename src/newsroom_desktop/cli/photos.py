"""Photo commands: photos add, photos set, photos list, photos crop, photos library
(templates and codes: photo_templates)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsroom_desktop.cli import photo_crop, photo_templates, render
from newsroom_desktop.cli.photo_library import register_library
from newsroom_desktop.core.paths import photo_folders, store_file
from newsroom_desktop.core.photo_checks import TOO_NARROW, use_warnings
from newsroom_desktop.core.settings import load_settings

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.photos.batch import RunningBatch


def register(sub: Any) -> None:
    """Add the ``photos`` subcommand and its actions."""
    photos = sub.add_parser("photos", help="add photos to an article, or set their captions")
    psub = photos.add_subparsers(dest="photos_command", required=True, metavar="ACTION")
    p = psub.add_parser("add", help="add photo files (captions from their metadata)")
    p.add_argument("id")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--no-place", action="store_true", help="do not place them in the body")
    p.add_argument("--template", metavar="NAME", help="fill their fields from a caption template")
    p.set_defaults(handler=cmd_add, start_early=start_adding)
    p = psub.add_parser("set", help="set the caption, credit or alt text of a photo")
    p.add_argument("id")
    p.add_argument("photo_id")
    p.add_argument("--caption")
    p.add_argument("--credit")
    p.add_argument("--alt")
    p.add_argument("--lead", action="store_true", help="make it the lead photo")
    p.set_defaults(handler=cmd_set)
    p = psub.add_parser("list", help="list an article's photos")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    photo_crop.register(psub)
    photo_templates.register_under(psub)
    register_library(psub)


def start_adding(args: argparse.Namespace) -> RunningBatch | None:
    """Begin taking the files in on the spare cores while the command imports and opens its
    store; None when the store is not a file there yet (it is done the usual way then)."""
    from newsroom_desktop.core.photos.batch import RunningBatch  # noqa: PLC0415 - lazy, for start-up time

    path = store_file(args.store)  # no SQLAlchemy yet: these helpers start first
    if path is None or not path.is_file():
        return None
    originals_dir, thumbnails_dir = photo_folders(path)
    files = [Path(f) for f in args.files]
    return RunningBatch(files, originals_dir, thumbnail_dir=thumbnails_dir, stop_on_error=True)


def cmd_add(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
    fill_in = nr.photo_templates.apply_at_import(args.template) if args.template else None
    started = getattr(args, "started", None)
    ingested = nr.photos.ingest([Path(f) for f in args.files], started=started)
    for warning in (w for photo in ingested for w in photo.warnings):
        print(f"newsroom: warning: {warning}", file=sys.stderr)
    min_width = load_settings().min_photo_width
    for use in nr.photos.link_ingested(
        article_id, ingested, place=not args.no_place, fill_in=fill_in
    ):
        print(use.id)
        for narrow in use_warnings(use, min_width):
            if narrow.code == TOO_NARROW:
                print(
                    f"newsroom: warning: {use.original_filename}: {narrow.message}",
                    file=sys.stderr,
                )
    return 0


def cmd_set(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
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


def cmd_list(nr: Newsroom, args: argparse.Namespace) -> int:
    doc = nr.articles.get(args.id)
    if args.json:
        print(render.dumps([render.photo_json(p) for p in doc.photos]))
        return 0
    for p in doc.photos:
        lead = "*" if p.is_lead else " "
        print(f"{lead} {p.id[:8]}  {p.width}x{p.height}  {p.caption} — {p.credit}".rstrip(" —"))
    return 0
