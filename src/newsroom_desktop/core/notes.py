"""Notes on an article: editors' remarks, optionally anchored to a passage; never exported."""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsroom_desktop.core.context import CoreContext, get_one, person_for, resolve_id
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.models import Article, Note, utcnow
from newsroom_desktop.core.note_info import ANCHOR_FIELDS, NoteInfo
from newsroom_desktop.core.text import clean, clean_line

# Articles per query when many are asked about at once (SQLite's variable limit is 32766).
CHUNK = 500


def note_info(note: Note) -> NoteInfo:
    """Return a note as plain data."""
    return NoteInfo(
        id=note.id,
        article_id=note.article_id,
        author=note.author_name,
        text=note.text,
        anchor_field=note.anchor_field,
        anchor_text=note.anchor_text,
        created_at=note.created_at,
        resolved_at=note.resolved_at,
        resolved_by=note.resolved_by,
    )


class NoteService:
    """Notes on articles; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    @staticmethod
    def _note(session: Session, note_id: str) -> Note:
        note = get_one(session, Note, resolve_id(session, Note.id, note_id, "note"), "note")
        assert isinstance(note, Note)
        return note

    def add(
        self, article_id: str, text: str, anchor_field: str = "", anchor_text: str = ""
    ) -> NoteInfo:
        """Add a note to an article, optionally pointing at a passage of one field."""
        body = clean(text).strip()
        if not body:
            raise ValidationError("A note needs some text.")
        anchor_field = anchor_field.strip()
        passage = clean(anchor_text).strip()
        if anchor_field and anchor_field not in ANCHOR_FIELDS:
            raise ValidationError(
                f"A note can point into {', '.join(ANCHOR_FIELDS)}, not {anchor_field!r}."
            )
        if passage and not anchor_field:
            raise ValidationError("Say which field the quoted passage is in.")
        with self.ctx.store.write() as session:
            ident = resolve_id(session, Article.id, article_id, "article")
            get_one(session, Article, ident, "article")
            person = person_for(session, self.ctx.actor)
            note = Note(
                article_id=ident,
                author_id=person.id,
                author_name=person.name,
                text=body,
                anchor_field=anchor_field,
                anchor_text=passage,
                created_at=utcnow(),
            )
            session.add(note)
            session.flush()
            return note_info(note)

    def list(self, article_id: str, *, include_resolved: bool = True) -> list[NoteInfo]:
        """Return the article's notes, oldest first."""
        with self.ctx.store.read() as session:
            ident = resolve_id(session, Article.id, article_id, "article")
            stmt = select(Note).where(Note.article_id == ident)
            if not include_resolved:
                stmt = stmt.where(Note.resolved_at.is_(None))
            rows = session.scalars(stmt.order_by(Note.created_at, Note.id))
            return [note_info(row) for row in rows]

    def open_notes(self, article_ids: Sequence[str]) -> dict[str, builtins.list[NoteInfo]]:
        """Return the notes still open on each of these articles (full ids), oldest first.

        Articles without an open note are left out of the answer.
        """
        found: dict[str, builtins.list[NoteInfo]] = {}
        with self.ctx.store.read() as session:
            for start in range(0, len(article_ids), CHUNK):
                chunk = list(article_ids[start : start + CHUNK])
                stmt = (
                    select(Note)
                    .where(Note.article_id.in_(chunk), Note.resolved_at.is_(None))
                    .order_by(Note.created_at, Note.id)
                )
                for row in session.scalars(stmt):
                    found.setdefault(row.article_id, []).append(note_info(row))
        return found

    def get(self, note_id: str) -> NoteInfo:
        """Return one note by its id or a unique id prefix."""
        with self.ctx.store.read() as session:
            return note_info(self._note(session, note_id))

    def resolve(self, note_id: str) -> NoteInfo:
        """Mark a note resolved, recording who resolved it and when."""
        with self.ctx.store.write() as session:
            note = self._note(session, note_id)
            if note.resolved_at is None:
                note.resolved_at = utcnow()
                note.resolved_by = clean_line(person_for(session, self.ctx.actor).name)
            return note_info(note)

    def reopen(self, note_id: str) -> NoteInfo:
        """Mark a resolved note open again."""
        with self.ctx.store.write() as session:
            note = self._note(session, note_id)
            note.resolved_at = None
            note.resolved_by = ""
            return note_info(note)
