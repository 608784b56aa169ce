"""Caption templates, the code roster and batch edits of the newsroom's photos, in the store."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from newsroom_desktop.core.code_replace import Roster, expand_all, parse_roster, roster_bytes
from newsroom_desktop.core.context import CoreContext, resolve_id
from newsroom_desktop.core.errors import NotFoundError, ValidationError
from newsroom_desktop.core.models import CodeReplacement, Photo, PhotoTemplate, utcnow
from newsroom_desktop.core.photo_templates import (
    FIELDS,
    CaptionTemplate,
    Fill,
    PhotoChange,
    apply_template,
    check_template,
    fields_json,
    split_keywords,
    template_from_json,
)
from newsroom_desktop.core.text import clean, clean_line

MAX_BATCH = 10_000
# A template field and the Photo column it lives in.
COLUMNS = {"caption": "description", "keywords": "keywords_json"}


def photo_values(photo: Photo) -> dict[str, str]:
    """Return a photo's template fields (keywords as one text), file name and date taken."""
    values = {name: str(getattr(photo, COLUMNS.get(name, name))) for name in FIELDS}
    try:
        keywords = json.loads(photo.keywords_json)
    except ValueError:
        keywords = []
    values["keywords"] = ", ".join(str(k) for k in keywords if isinstance(k, str))
    values["filename"] = photo.original_filename
    values["taken_at"] = photo.taken_at
    return values


def _store(photo: Photo, name: str, value: str) -> None:
    if name == "keywords":
        photo.keywords_json = json.dumps(split_keywords(value), ensure_ascii=False)
    elif name in ("headline", "creator", "credit", "city"):
        # Cut to the column's size (a server refuses longer text; SQLite would keep it).
        setattr(photo, name, clean_line(value)[: 200 if name == "city" else 400])
    else:
        setattr(photo, COLUMNS.get(name, name), clean(value).strip())


class PhotoTemplateService:
    """Templates, roster and batch edits; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    # -- templates ----------------------------------------------------------------------
    def templates(self) -> list[CaptionTemplate]:
        """Return the newsroom's templates by name."""
        with self.ctx.store.read() as session:
            rows = session.scalars(select(PhotoTemplate).order_by(PhotoTemplate.name)).all()
            return [template_from_json(r.name, r.fields_json, r.id) for r in rows]

    def get(self, name: str) -> CaptionTemplate:
        """Return the template with this name."""
        with self.ctx.store.read() as session:
            row = self._row(session, name)
            return template_from_json(row.name, row.fields_json, row.id)

    def _row(self, session: Session, name: str) -> PhotoTemplate:
        row = session.scalars(
            select(PhotoTemplate).where(PhotoTemplate.name == clean_line(name))
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"There is no caption template named {name!r}.")
        return row

    def save(self, template: CaptionTemplate) -> CaptionTemplate:
        """Store a new template, or change the one with the template's id; return it."""
        checked = check_template(template)
        with self.ctx.store.write() as session:
            same_name = session.scalars(
                select(PhotoTemplate).where(PhotoTemplate.name == checked.name)
            ).one_or_none()
            if same_name is not None and same_name.id != checked.id:
                raise ValidationError(
                    f"A template named {checked.name!r} exists already.", code="template_name"
                )
            row = session.get(PhotoTemplate, checked.id) if checked.id else None
            if row is None:
                row = PhotoTemplate(name=checked.name)
                session.add(row)
            row.name = checked.name
            row.fields_json = fields_json(checked)
            row.updated_at = utcnow()
            session.flush()
            return replace(checked, id=row.id)

    def duplicate(self, name: str, new_name: str) -> CaptionTemplate:
        """Store a copy of a template under a new name."""
        return self.save(replace(self.get(name), name=new_name, id=""))

    def delete(self, name: str) -> None:
        """Delete a template; photos it filled keep their text."""
        with self.ctx.store.write() as session:
            session.delete(self._row(session, name))

    # -- applying -----------------------------------------------------------------------
    def _photos(self, session: Session, photo_ids: Sequence[str]) -> list[Photo]:
        if len(photo_ids) > MAX_BATCH:
            raise ValidationError(f"At most {MAX_BATCH} photos at once.")
        found: dict[str, Photo] = {}
        for chunk in range(0, len(photo_ids), 500):
            part = photo_ids[chunk : chunk + 500]
            found.update(
                (p.id, p) for p in session.scalars(select(Photo).where(Photo.id.in_(part)))
            )
        chosen: list[Photo] = []
        for pid in dict.fromkeys(photo_ids):
            photo = found.get(pid) or self._by_prefix(session, pid)
            if photo.id not in {p.id for p in chosen}:
                chosen.append(photo)
        return chosen

    @staticmethod
    def _by_prefix(session: Session, given: str) -> Photo:
        """Return the one photo whose id starts with ``given`` (as git takes a short hash)."""
        return session.get_one(Photo, resolve_id(session, Photo.id, given, "photo"))

    def run(self, event: str = "", byline: str | None = None) -> Fill:
        """Return what the variables say for a run now: today, the byline, the event."""
        roster = self.roster()
        return Fill(
            today=datetime.now(self.ctx.zone).date(),
            byline=clean_line(self.ctx.actor.name if byline is None else byline),
            event=clean_line(event),
            expand=lambda text: expand_all(text, roster),
        )

    def preview(self, template: CaptionTemplate, photo_id: str, event: str = "") -> dict[str, str]:
        """Return a photo's fields as the template would leave them; nothing is stored."""
        checked = check_template(template)
        run = self.run(event)
        with self.ctx.store.read() as session:
            (photo,) = self._photos(session, [photo_id])
            return apply_template(checked, photo_values(photo), run)

    def apply(
        self, template: CaptionTemplate | str, photo_ids: Sequence[str], *, event: str = ""
    ) -> list[PhotoChange]:
        """Apply a template (or the one of that name) to photos in one step; return the changes."""
        chosen = self.get(template) if isinstance(template, str) else check_template(template)
        run = self.run(event)
        with self.ctx.store.write() as session:
            changes = []
            for seq, photo in enumerate(self._photos(session, photo_ids), 1):
                changes.append(
                    self._set(photo, apply_template(chosen, photo_values(photo), run, seq))
                )
            return [c for c in changes if c.after]

    def set_field(self, photo_ids: Sequence[str], name: str, value: str) -> list[PhotoChange]:
        """Give one field the same value on many photos in one step (a batch edit)."""
        if name not in FIELDS:
            raise ValidationError(f"Photos have no field {name!r}; use one of {', '.join(FIELDS)}.")
        roster = self.roster()
        with self.ctx.store.write() as session:
            photos = self._photos(session, photo_ids)
            changes = [self._set(p, {name: expand_all(value, roster)}) for p in photos]
            return [c for c in changes if c.after]

    def restore(self, changes: Sequence[PhotoChange]) -> list[PhotoChange]:
        """Put back what the changes found (an undo) in one step; return what that changed."""
        with self.ctx.store.write() as session:
            photos = self._photos(session, [c.photo_id for c in changes])
            by_id = {p.id: p for p in photos}
            return [self._set(by_id[c.photo_id], dict(c.before)) for c in changes]

    def apply_at_import(self, template: str) -> Callable[[Photo, int], None]:
        """Return what fills a newly taken-in photo from the template (the import's ``seq``)."""
        chosen = self.get(template)
        run = self.run()

        def fill_in(photo: Photo, seq: int) -> None:
            self._set(photo, apply_template(chosen, photo_values(photo), run, seq))

        return fill_in

    @staticmethod
    def _set(photo: Photo, new: Mapping[str, str]) -> PhotoChange:
        old = photo_values(photo)
        before, after = {}, {}
        for name, value in new.items():
            _store(photo, name, value)
            now = photo_values(photo)[name]
            if now != old[name]:
                before[name], after[name] = old[name], now
        return PhotoChange(photo.id, before, after)

    def values(self, photo_id: str) -> dict[str, str]:
        """Return one photo's template fields, file name and date taken."""
        with self.ctx.store.read() as session:
            (photo,) = self._photos(session, [photo_id])
            return photo_values(photo)

    # -- the roster ---------------------------------------------------------------------
    def roster(self) -> Roster:
        """Return the newsroom's code roster."""
        with self.ctx.store.read() as session:
            rows = session.scalars(select(CodeReplacement)).all()
            codes = {}
            for row in rows:
                try:
                    columns = tuple(str(c) for c in json.loads(row.replacements_json))
                except ValueError:
                    continue
                if columns:
                    codes[row.code] = columns
            return Roster(codes)

    def import_roster(self, data: bytes, *, name: str = "the roster", merge: bool = False) -> int:
        """Take in a roster file (replacing the roster, or merged into it); return its codes."""
        roster = parse_roster(data, name)
        with self.ctx.store.write() as session:
            if not merge:
                session.execute(delete(CodeReplacement))
            for code, columns in roster.codes.items():
                row = session.get(CodeReplacement, code) if merge else None
                if row is None:
                    row = CodeReplacement(code=code)
                    session.add(row)
                row.replacements_json = json.dumps(list(columns), ensure_ascii=False)
        return len(roster.codes)

    def export_roster(self) -> bytes:
        """Return the roster as a tab-separated UTF-8 file."""
        return roster_bytes(self.roster())
