"""Workflow commands: status, history, diff, note."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newsroom_desktop.cli import render
from newsroom_desktop.core import dates
from newsroom_desktop.core.diff import ArticleDiff, FieldDiff
from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.errors import NotFoundError, ValidationError
from newsroom_desktop.core.note_info import ANCHOR_FIELDS, NoteInfo
from newsroom_desktop.core.targets import article_words
from newsroom_desktop.core.workflow_rules import ACTIONS, StatusEventInfo

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom


def register(sub: Any) -> None:
    """Add the status, history, diff and note subcommands."""
    p = sub.add_parser("status", help="show an article's status, or move it on in the workflow")
    p.add_argument("id")
    p.add_argument("action", nargs="?", choices=ACTIONS, help="the workflow action to take")
    p.add_argument("--note", default="", metavar="N", help="why (required to return)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_status)
    p = sub.add_parser("history", help="list an article's revisions, show or restore one")
    p.add_argument("id")
    p.add_argument("revision", nargs="?", help="show this revision (number or id)")
    p.add_argument("--restore", metavar="REV", help="make this revision the current text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history)
    p = sub.add_parser(
        "diff", help="compare two versions word by word (default: submitted against current)"
    )
    p.add_argument("id")
    p.add_argument(
        "revisions",
        nargs="*",
        metavar="REV",
        help="REV_A [REV_B]: revision numbers or ids, 'submitted' or 'current'",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_diff)
    p = sub.add_parser("note", help="add a note to an article, or list or resolve its notes")
    p.add_argument("id")
    p.add_argument("text", nargs="?", help="the note")
    p.add_argument("--field", choices=ANCHOR_FIELDS, default="", help="the field it points into")
    p.add_argument("--passage", default="", metavar="P", help="the passage it points at")
    p.add_argument("--list", action="store_true", help="list the open notes")
    p.add_argument("--all", action="store_true", help="with --list: resolved notes too")
    p.add_argument("--resolve", metavar="NOTE_ID", help="mark a note resolved")
    p.add_argument("--reopen", metavar="NOTE_ID", help="mark a resolved note open again")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_note)


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def event_json(event: StatusEventInfo) -> dict[str, Any]:
    """Return a status change as JSON."""
    return {
        "id": event.id,
        "action": event.action,
        "from": event.from_status,
        "to": event.to_status,
        "actor": event.actor,
        "role": event.actor_role,
        "note": event.note,
        "at": _iso(event.created_at),
    }


def cmd_status(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
    if args.action:
        before = nr.articles.get(article_id).status
        doc = nr.workflow.apply(article_id, args.action, args.note)
        if args.json:
            print(render.dumps(render.article_json(doc)))
        else:
            print(f"{doc.id[:8]}  {before} → {doc.status}")
        return 0
    doc = nr.articles.get(article_id)
    actions = nr.workflow.available_actions(article_id)
    events = nr.workflow.events(article_id)
    if args.json:
        out = {"id": doc.id, "status": doc.status, "owner": doc.owner, "actions": actions}
        print(render.dumps({**out, "events": [event_json(e) for e in events]}))
        return 0
    print(f"{doc.id[:8]}  {doc.status}  (owner: {doc.owner or '-'})")
    print(f"You ({nr.actor.name}, {nr.actor.role}) can: {', '.join(actions) or 'nothing'}")
    for e in events:
        note = f"  “{e.note}”" if e.note else ""
        print(
            f"  {dates.short(e.created_at, nr.zone)}  {e.action or '-':<8} "
            f"{e.from_status} → {e.to_status}  {e.actor} ({e.actor_role}){note}"
        )
    return 0


def revision_json(rev: RevisionInfo, *, content: bool = False) -> dict[str, Any]:
    """Return a revision as JSON: who, when, why; with ``content``, its text too."""
    out: dict[str, Any] = {
        "id": rev.id,
        "number": rev.number,
        "created_at": _iso(rev.created_at),
        "author": rev.author,
        "reason": rev.reason,
        "headline": rev.headline,
    }
    if content:
        out.update(
            section=rev.section,
            lead=rev.lead,
            body=rev.body,
            byline=rev.byline,
            language=rev.language,
            tags=list(rev.tags),
            captions=[{"photo_id": use_id, "caption": text} for use_id, text in rev.captions],
        )
    return out


def _revision_text(rev: RevisionInfo) -> str:
    lines = [
        f"revision {rev.number}  {rev.reason}  {rev.author}  id: {rev.id}",
        "",
        rev.section.upper(),
        "",
        rev.headline,
        "",
        rev.lead,
        "",
        rev.body.rstrip(),
        "",
        rev.byline,
    ]
    lines += [f"[photo {use_id[:8]}] {text}" for use_id, text in rev.captions]
    return "\n".join(lines)


def cmd_history(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
    if args.restore:
        before = nr.articles.get(article_id).version
        doc = nr.history.restore(article_id, args.restore)
        if doc.version == before:
            print(f"{doc.id[:8]}  revision {args.restore} is the current text already")
        else:
            print(f"{doc.id[:8]}  restored as revision {nr.history.list(article_id)[0].number}")
        return 0
    if args.revision:
        rev = nr.history.find(article_id, args.revision)
        print(render.dumps(revision_json(rev, content=True)) if args.json else _revision_text(rev))
        return 0
    revisions = nr.history.list(article_id)
    if args.json:
        print(render.dumps([revision_json(r) for r in revisions]))
        return 0
    for r in revisions:
        words = article_words(r.lead, r.body)
        print(
            f"{r.number:>4}  {dates.short(r.created_at, nr.zone)}  {r.reason:<14} "
            f"{r.author:<24} {r.id[:8]}  {words} words"
        )
    return 0


def _version_label(rev: RevisionInfo | None, nr: Newsroom) -> str:
    if rev is None or rev.number == 0:
        return "the current text"
    when = dates.short(rev.created_at, nr.zone)
    return f"revision {rev.number} ({rev.reason}, {rev.author or 'unknown'}, {when})"


def field_json(fd: FieldDiff) -> dict[str, Any]:
    """Return one field's changes as JSON."""
    return {
        "field": fd.field,
        "photo_id": fd.photo_id or None,
        "changed": fd.changed,
        "added_words": fd.added_words,
        "removed_words": fd.removed_words,
        "ops": [{"kind": op.kind, "text": op.text} for op in fd.ops],
    }


def diff_json(diff: ArticleDiff) -> dict[str, Any]:
    """Return a comparison as JSON."""
    return {
        "old": revision_json(diff.old) if diff.old else None,
        "new": revision_json(diff.new) if diff.new else None,
        "changed": diff.changed,
        "added_words": diff.added_words,
        "removed_words": diff.removed_words,
        "fields": [field_json(f) for f in diff.fields],
    }


def cmd_diff(nr: Newsroom, args: argparse.Namespace) -> int:
    if len(args.revisions) > 2:
        raise ValidationError("Give at most two revisions to compare.")
    article_id = nr.articles.resolve(args.id)
    rev_a = args.revisions[0] if args.revisions else None
    rev_b = args.revisions[1] if len(args.revisions) > 1 else None
    diff = nr.diffs.compare(article_id, rev_a, rev_b)
    if args.json:
        print(render.dumps(diff_json(diff)))
        return 0
    print(f"Comparing {_version_label(diff.old, nr)} with {_version_label(diff.new, nr)}")
    if not diff.changed:
        print("No changes.")
        return 0
    for fd in diff.fields:
        if fd.changed:
            title = fd.field.capitalize() + (f" {fd.photo_id[:8]}" if fd.photo_id else "")
            print(f"\n== {title} ==\n{render.marked_text(fd)}")
    print(f"\n+{diff.added_words} words, -{diff.removed_words} words")
    return 0


def note_json(note: NoteInfo) -> dict[str, Any]:
    """Return a note as JSON."""
    return {
        "id": note.id,
        "author": note.author,
        "text": note.text,
        "anchor_field": note.anchor_field or None,
        "anchor_text": note.anchor_text or None,
        "created_at": _iso(note.created_at),
        "resolved_at": _iso(note.resolved_at),
        "resolved_by": note.resolved_by or None,
    }


def _note_line(note: NoteInfo, nr: Newsroom) -> str:
    mark = "✓" if note.resolved else "•"
    where = f" [{note.anchor_field}: “{note.anchor_text}”]" if note.anchor_field else ""
    if note.anchor_field and not note.anchor_text:
        where = f" [{note.anchor_field}]"
    return (
        f"{mark} {note.id[:8]}  {dates.short(note.created_at, nr.zone)}  {note.author}:"
        f"{where} {note.text}"
    )


def _print_note(note: NoteInfo, nr: Newsroom, as_json: bool) -> None:
    print(render.dumps(note_json(note)) if as_json else _note_line(note, nr))


def _note_of(nr: Newsroom, article_id: str, note_id: str) -> str:
    note = nr.notes.get(note_id)
    if note.article_id != article_id:
        raise NotFoundError(f"The note {note_id} belongs to another article.")
    return note.id


def cmd_note(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
    if args.resolve:
        _print_note(nr.notes.resolve(_note_of(nr, article_id, args.resolve)), nr, args.json)
    elif args.reopen:
        _print_note(nr.notes.reopen(_note_of(nr, article_id, args.reopen)), nr, args.json)
    elif args.text is not None:
        note = nr.notes.add(article_id, args.text, args.field, args.passage)
        _print_note(note, nr, args.json)
    elif args.list or args.all:
        notes = nr.notes.list(article_id, include_resolved=args.all)
        if args.json:
            print(render.dumps([note_json(n) for n in notes]))
        else:
            print("\n".join(_note_line(n, nr) for n in notes) or "No notes.")
    else:
        raise ValidationError("Give the note's text, or --list, --resolve or --reopen.")
    return 0
