"""A note as plain data, and whether the passage it points at is still in the article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.documents import ArticleDoc

# The fields a note can point into; a caption note finds its photo by the passage it quotes.
ANCHOR_FIELDS = ("headline", "lead", "body", "byline", "caption")


@dataclass(frozen=True)
class NoteInfo:
    """One note: who wrote it and when, what it says, where it points, and if it is resolved."""

    id: str
    article_id: str
    author: str
    text: str
    anchor_field: str
    anchor_text: str
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def anchored(self) -> bool:
        return bool(self.anchor_field)


def _field_texts(doc: ArticleDoc, field: str) -> list[str]:
    if field == "body":
        return [doc.body, body_md.plain_text(doc.body)]
    if field == "caption":
        return [photo.caption for photo in doc.photos]
    return [str(getattr(doc, field))]


def anchor_present(note: NoteInfo, doc: ArticleDoc) -> bool:
    """Tell whether the passage a note points at is still in the article (unanchored: True)."""
    if not note.anchor_field:
        return True
    passage = " ".join(note.anchor_text.split())
    return any(passage in " ".join(text.split()) for text in _field_texts(doc, note.anchor_field))
