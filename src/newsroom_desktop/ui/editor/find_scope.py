"""Where find and replace looks: headline, lead, body and photo captions, in reading order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.core.text import nfc

ALL = "all"
HEADLINE = "headline"
LEAD = "lead"
BODY = "body"
CAPTIONS = "captions"
TEXT_FIELDS = (HEADLINE, LEAD, BODY)
SCOPES = (ALL, BODY, HEADLINE, LEAD, CAPTIONS)

TextEdit = QTextEdit | QPlainTextEdit
Finder = Callable[[QTextDocument, str], list[tuple[int, int]]]


@dataclass(frozen=True)
class Match:
    """One match: in a text field (``field``) or in a photo's caption (``use_id``)."""

    field: str
    start: int
    end: int
    use_id: str = ""

    def key(self, order: Sequence[str]) -> tuple[int, int]:
        """Return where the match stands: the field's (or caption's) place, then its start."""
        where = self.use_id if self.field == CAPTIONS else self.field
        return order.index(where), self.start


@dataclass(frozen=True)
class CaptionEdit:
    """A caption changed by a replace: before and after, so that it can be undone."""

    use: PhotoUse
    old: str
    new: str


class FindScope:
    """The fields one find looks in, and the photos whose captions it reads."""

    def __init__(self, body: TextEdit) -> None:
        self.fields: dict[str, TextEdit] = {BODY: body}
        self.captions: Callable[[], Sequence[PhotoUse]] = tuple

    def add_field(self, name: str, edit: TextEdit) -> None:
        """Look in ``edit`` too, as the field ``name`` (headline or lead)."""
        self.fields[name] = edit

    def names(self, scope: str) -> list[str]:
        """Return the text fields in ``scope``, in reading order."""
        wanted = TEXT_FIELDS if scope == ALL else (scope,)
        return [n for n in TEXT_FIELDS if n in wanted and n in self.fields]

    def uses(self, scope: str) -> list[PhotoUse]:
        """Return the photos whose captions are in ``scope``."""
        return list(self.captions()) if scope in (ALL, CAPTIONS) else []

    def order(self, scope: str) -> list[str]:
        """Return the places of ``scope`` in reading order: fields, then captions by photo."""
        return [*self.names(scope), *(u.id for u in self.uses(scope))]

    def matches(self, scope: str, needle: str, find: Finder) -> list[Match]:
        """Return every match in ``scope``, in reading order."""
        out: list[Match] = []
        for name in self.names(scope):
            out.extend(Match(name, a, b) for a, b in find(self.fields[name].document(), needle))
        for use in self.uses(scope):
            doc = caption_document(use.caption)
            out.extend(Match(CAPTIONS, a, b, use.id) for a, b in find(doc, needle))
        return out


def caption_document(text: str) -> QTextDocument:
    """Return a caption as a plain document to find in."""
    doc = QTextDocument()
    doc.setPlainText(text)
    return doc


def replaced_caption(use: PhotoUse, spans: Sequence[tuple[int, int]], replacement: str) -> str:
    """Return the caption of ``use`` with each (start, end) span replaced."""
    text = use.caption
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + nfc(replacement) + text[end:]
    return text


def next_match(
    matches: Sequence[Match], order: Sequence[str], here: tuple[int, int, int], backward: bool
) -> Match | None:
    """Return the match after (or before) ``here`` (place, start, end), wrapping around."""
    if not matches:
        return None
    place, start, end = here

    def at(match: Match) -> int:
        return match.key(order)[0]

    if backward:
        before = [m for m in matches if at(m) < place or (at(m) == place and m.end <= start)]
        return before[-1] if before else matches[-1]
    after = [m for m in matches if at(m) > place or (at(m) == place and m.start >= end)]
    return after[0] if after else matches[0]
