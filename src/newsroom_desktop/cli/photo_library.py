"""The photo desk's commands: ``photos library``, ``photos import-folder``, ``photos mark``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsroom_desktop.cli import render
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.paths import photo_folders, store_file
from newsroom_desktop.core.photo_folder import IMPORT_CHUNK, photo_files
from newsroom_desktop.core.photo_records import (
    COLOR_LABELS,
    MAX_RATING,
    LibraryFilter,
    LibraryPhoto,
)

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.photos.batch import RunningBatch


def register_library(psub: Any) -> None:
    """Add ``photos library`` to the photos actions."""
    p = psub.add_parser(
        "library", help="list the newsroom's photos with their metadata (newest taken first)"
    )
    p.add_argument("--search", default="", metavar="Q",
                   help="words in caption, headline, creator, keywords or file name "
                        "(without accents too: 'dang' finds 'Đảng')")  # fmt: skip
    p.add_argument("--creator", default="", help="only photos by this creator (part of the name)")
    p.add_argument("--from", dest="taken_from", default="", metavar="DATE",
                   help="taken on or after this day (YYYY-MM-DD)")  # fmt: skip
    p.add_argument("--to", dest="taken_to", default="", metavar="DATE",
                   help="taken on or before this day (YYYY-MM-DD)")  # fmt: skip
    p.add_argument("--unused", action="store_true", help="only photos no article uses yet")
    p.add_argument("--min-rating", type=int, default=0, choices=range(MAX_RATING + 1),
                   metavar="N", help="only photos rated N stars or more (0–5)")  # fmt: skip
    p.add_argument("--label", default="", choices=("", *COLOR_LABELS),
                   help="only photos with this colour label")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_library)
    p = psub.add_parser(
        "import-folder",
        help="take in every photo of a folder and its sub-folders (a card), without an article",
    )
    p.add_argument("folder", metavar="FOLDER")
    p.set_defaults(handler=cmd_import_folder, start_early=start_importing)
    p = psub.add_parser("mark", help="give photos a rating (0–5) or a colour label")
    p.add_argument("photo_ids", nargs="+", metavar="PHOTO_ID", help="photo ids (or prefixes)")
    p.add_argument("--rating", type=int, choices=range(MAX_RATING + 1), metavar="N",
                   help="0 to 5 stars")  # fmt: skip
    p.add_argument("--label", choices=(*COLOR_LABELS, "none"), help="a colour label, or none")
    p.set_defaults(handler=cmd_mark)


def cmd_library(nr: Newsroom, args: argparse.Namespace) -> int:
    wanted = LibraryFilter(
        search=args.search,
        creator=args.creator,
        taken_from=_day(args.taken_from),
        taken_to=_day(args.taken_to),
        unused_only=args.unused,
        min_rating=args.min_rating,
        color_label=args.label,
    )
    photos = nr.library.photos(wanted)
    if args.json:
        print(render.dumps([library_json(p) for p in photos]))
        return 0
    for p in photos:
        stars = "*" * p.rating or "-"
        print(
            f"{p.id[:8]}  {p.taken_at[:10] or '----------'}  {p.width}x{p.height}  "
            f"{stars:<5}  {p.color_label or '-':<6}  {p.uses}  {p.original_filename}  "
            f"{p.description[:60]}".rstrip()
        )
    return 0


def _day(text: str) -> str:
    if not text:
        return ""
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ValidationError(f"Not a day: {text[:40]!r}; write it as YYYY-MM-DD.") from None


def library_json(photo: LibraryPhoto) -> dict[str, Any]:
    """Return one photo of the library as ``photos library --json`` prints it."""
    return {
        "id": photo.id,
        "sha256": photo.sha256,
        "file_name": photo.original_filename,
        "format": photo.format,
        "width": photo.width,
        "height": photo.height,
        "file_size": photo.file_size,
        "taken_at": photo.taken_at,
        "camera": photo.camera,
        "caption": photo.description,
        "headline": photo.headline,
        "creator": photo.creator,
        "credit": photo.credit,
        "copyright": photo.copyright,
        "alt_text": photo.alt_text,
        "keywords": list(photo.keywords),
        "rating": photo.rating,
        "color_label": photo.color_label,
        "uses": photo.uses,
        "added_at": photo.added_at.isoformat(),
        "file": str(photo.file),
    }


def start_importing(args: argparse.Namespace) -> RunningBatch | None:
    """Begin taking the folder's first photos in on the spare cores while the command imports
    and opens its store; None when the store is not a file there yet."""
    from newsroom_desktop.core.photos.batch import RunningBatch  # noqa: PLC0415 - lazy, for start-up time

    path = store_file(args.store)  # no SQLAlchemy yet: these helpers start first
    if path is None or not path.is_file():
        return None
    originals_dir, thumbnails_dir = photo_folders(path)
    first = photo_files(Path(args.folder)).files[:IMPORT_CHUNK]
    return RunningBatch(first, originals_dir, thumbnail_dir=thumbnails_dir)


def cmd_import_folder(nr: Newsroom, args: argparse.Namespace) -> int:
    started = getattr(args, "started", None)
    report = nr.library.import_folder(Path(args.folder), started=started)
    for photo in report.added:
        print(f"{photo.id}  {photo.original_filename}")
    for name, why in report.refused:
        print(f"newsroom: refused {name}: {why}", file=sys.stderr)
    if report.skipped:
        print(
            f"newsroom: left out {report.skipped} file(s): links out of the folder, "
            "or over the limit of one import",
            file=sys.stderr,
        )
    print(
        f"{len(report.added)} new photo(s), {report.already} in the newsroom already, "
        f"{len(report.refused)} refused",
        file=sys.stderr,
    )
    return 1 if report.refused else 0


def cmd_mark(nr: Newsroom, args: argparse.Namespace) -> int:
    if args.rating is None and args.label is None:
        raise ValidationError("Say what to mark: --rating N, --label COLOUR, or both.")
    label = None if args.label is None else "" if args.label == "none" else args.label
    ids = nr.library.resolve_many(args.photo_ids)
    for photo in nr.library.mark(ids, rating=args.rating, color_label=label):
        print(f"{photo.id[:8]}  {'*' * photo.rating or '-':<5}  {photo.color_label or '-'}")
    return 0
