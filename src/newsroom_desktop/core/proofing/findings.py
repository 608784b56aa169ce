"""What a proofreader finds: a place in one field, its rule, and what could replace it."""

from __future__ import annotations

from dataclasses import dataclass

SPELLING = "spelling"
STYLE = "style"


@dataclass(frozen=True)
class Finding:
    """One spelling or style finding in ``field`` (headline, lead, body, ``photo:<use id>``).

    ``start``/``end`` are offsets into that field's text (the body's Markdown in the store, a
    block's text in the editor); ``suggestions`` are replacements for ``text``, best first.
    """

    field: str
    start: int
    end: int
    text: str
    kind: str
    rule: str
    suggestions: tuple[str, ...] = ()
    message: str = ""

    def moved(self, field: str, offset: int) -> Finding:
        """Return this finding in ``field``, ``offset`` characters further on."""
        return Finding(
            field,
            self.start + offset,
            self.end + offset,
            self.text,
            self.kind,
            self.rule,
            self.suggestions,
            self.message,
        )

    def as_json(self) -> dict[str, object]:
        return {
            "field": self.field,
            "offset": self.start,
            "length": self.end - self.start,
            "text": self.text,
            "kind": self.kind,
            "rule": self.rule,
            "suggestions": list(self.suggestions),
            "message": self.message,
        }
