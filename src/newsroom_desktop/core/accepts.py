"""Accepted tracked changes: what someone accepted stops showing against that submitted text."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from newsroom_desktop.core.context import CoreContext, get_one, person_for, resolve_id
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.models import Article, Revision, TrackedAccept, utcnow
from newsroom_desktop.core.tracked import FIELDS, ChangeKey

KINDS = ("insert", "delete")
# One accept names at most this many changes, each at most this long (a body's own limit).
MAX_CHANGES = 10_000
MAX_TEXT = 2_000_000


class AcceptService:
    """The tracked changes accepted on articles; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def accepted(self, article_id: str, base_revision_id: str) -> frozenset[ChangeKey]:
        """Return the changes accepted on an article against one submitted revision."""
        with self.ctx.store.read() as session:
            ident = resolve_id(session, Article.id, article_id, "article")
            rows = session.scalars(
                select(TrackedAccept).where(
                    TrackedAccept.article_id == ident,
                    TrackedAccept.base_revision_id == base_revision_id,
                )
            )
            return frozenset(ChangeKey(r.kind, r.base_offset, r.text, r.field) for r in rows)  # type: ignore[arg-type]

    def accept(self, article_id: str, base_revision_id: str, changes: Sequence[ChangeKey]) -> int:
        """Record ``changes`` as accepted against ``base_revision_id``; return how many were new."""
        if len(changes) > MAX_CHANGES:
            raise ValidationError(f"At most {MAX_CHANGES:,} changes can be accepted at once.")
        for change in changes:
            if (
                change.kind not in KINDS
                or change.field not in FIELDS
                or change.base_offset < 0
                or len(change.text) > MAX_TEXT
            ):
                raise ValidationError("That is not a tracked change of this article.")
        with self.ctx.store.write() as session:
            ident = resolve_id(session, Article.id, article_id, "article")
            get_one(session, Article, ident, "article")
            base = session.get(Revision, base_revision_id)
            if base is None or base.article_id != ident:
                raise ValidationError("The changes must be against a revision of this article.")
            known = {
                ChangeKey(r.kind, r.base_offset, r.text, r.field)  # type: ignore[arg-type]
                for r in session.scalars(
                    select(TrackedAccept).where(
                        TrackedAccept.article_id == ident,
                        TrackedAccept.base_revision_id == base_revision_id,
                    )
                )
            }
            person = person_for(session, self.ctx.actor)
            new = [c for c in dict.fromkeys(changes) if c not in known]
            session.add_all(
                TrackedAccept(
                    article_id=ident,
                    base_revision_id=base_revision_id,
                    field=c.field,
                    kind=c.kind,
                    base_offset=c.base_offset,
                    text=c.text,
                    author_id=person.id,
                    author_name=person.name,
                    created_at=utcnow(),
                )
                for c in new
            )
            return len(new)
