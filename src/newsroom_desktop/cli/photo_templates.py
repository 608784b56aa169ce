"""Photo commands for the caption desk: photos template …, photos batch, photos codes …."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsroom_desktop.cli import render
from newsroom_desktop.core.code_replace import MAX_ROSTER_BYTES
from newsroom_desktop.core.errors import NotFoundError
from newsroom_desktop.core.photo_templates import (
    APPEND,
    FIELDS,
    REPLACE,
    CaptionTemplate,
    PhotoChange,
)
from newsroom_desktop.core.photos.files import atomic_write_bytes

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom


def register_under(psub: Any) -> None:
    """Add ``template`` and ``codes`` to the ``photos`` actions."""
    template = psub.add_parser("template", help="list caption templates or apply one to photos")
    tsub = template.add_subparsers(dest="template_command", required=True, metavar="ACTION")
    p = tsub.add_parser("list", help="list the newsroom's caption templates")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_template_list)
    p = tsub.add_parser("apply", help="apply a caption template to photos of the newsroom")
    p.add_argument("name", metavar="NAME")
    p.add_argument("photo_ids", nargs="+", metavar="PHOTO_ID")
    p.add_argument("--event", default="", help="what {event} says")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_template_apply)
    p = tsub.add_parser("set", help="set one field of a template (made if new)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("field", choices=FIELDS)
    p.add_argument("value", metavar="TEXT", help="the text, with {variables}")
    p.add_argument("--append", action="store_true", help="add to the photo's text, not replace it")
    p.add_argument("--off", action="store_true", help="keep the text but do not apply the field")
    p.set_defaults(handler=cmd_template_set)
    p = tsub.add_parser("delete", help="delete a template")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=cmd_template_delete)
    p = psub.add_parser("batch", help="give one field the same text on many photos (one step)")
    p.add_argument("field", choices=FIELDS)
    p.add_argument("value", metavar="TEXT", help="the text (=codes= of the roster expand)")
    p.add_argument("photo_ids", nargs="+", metavar="PHOTO_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_batch)
    codes = psub.add_parser("codes", help="import or export the code replacement roster")
    csub = codes.add_subparsers(dest="codes_command", required=True, metavar="ACTION")
    p = csub.add_parser("import", help="take in a tab-separated roster (replaces the roster)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--merge", action="store_true", help="add to the roster, not replace it")
    p.set_defaults(handler=cmd_codes_import)
    p = csub.add_parser("export", help="write the roster as a tab-separated file ('-': stdout)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_codes_export)


def template_json(template: CaptionTemplate) -> dict[str, Any]:
    return {
        "id": template.id,
        "name": template.name,
        "fields": {
            f.name: {"apply": f.apply, "mode": f.mode, "value": f.value} for f in template.fields
        },
    }


def cmd_template_list(nr: Newsroom, args: argparse.Namespace) -> int:
    templates = nr.photo_templates.templates()
    if args.json:
        print(render.dumps([template_json(t) for t in templates]))
        return 0
    for t in templates:
        applied = ", ".join(
            f"{f.name}{'+' if f.mode == 'append' else ''}" for f in t.fields if f.apply
        )
        print(f"{t.name}\t{applied}")
    return 0


def _print_changes(changes: list[PhotoChange], asked: int, as_json: bool) -> None:
    if as_json:
        rows = [{"photo_id": c.photo_id, "before": c.before, "after": c.after} for c in changes]
        print(render.dumps(rows))
        return
    for change in changes:
        print(f"{change.photo_id[:8]}  {', '.join(change.after)}")
    print(f"{len(changes)} of {asked} photos changed", file=sys.stderr)


def cmd_batch(nr: Newsroom, args: argparse.Namespace) -> int:
    changes = nr.photo_templates.set_field(args.photo_ids, args.field, args.value)
    _print_changes(changes, len(set(args.photo_ids)), args.json)
    return 0


def cmd_template_apply(nr: Newsroom, args: argparse.Namespace) -> int:
    changes = nr.photo_templates.apply(args.name, args.photo_ids, event=args.event)
    _print_changes(changes, len(set(args.photo_ids)), args.json)
    return 0


def cmd_template_set(nr: Newsroom, args: argparse.Namespace) -> int:
    try:
        template = nr.photo_templates.get(args.name)
    except NotFoundError:
        template = CaptionTemplate(name=args.name)
    mode = APPEND if args.append else REPLACE
    changed = template.with_field(args.field, value=args.value, apply=not args.off, mode=mode)
    nr.photo_templates.save(changed)
    return 0


def cmd_template_delete(nr: Newsroom, args: argparse.Namespace) -> int:
    nr.photo_templates.delete(args.name)
    return 0


def cmd_codes_import(nr: Newsroom, args: argparse.Namespace) -> int:
    path = Path(args.file)
    with path.open("rb") as handle:
        data = handle.read(MAX_ROSTER_BYTES + 1)
    count = nr.photo_templates.import_roster(data, name=path.name, merge=args.merge)
    print(f"{count} codes taken in from {path.name}", file=sys.stderr)
    return 0


def cmd_codes_export(nr: Newsroom, args: argparse.Namespace) -> int:
    data = nr.photo_templates.export_roster()
    if args.file == "-":
        sys.stdout.buffer.write(data)
    else:
        atomic_write_bytes(Path(args.file), data)
    return 0
