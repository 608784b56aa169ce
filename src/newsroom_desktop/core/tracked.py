"""Tracked changes: the word diff of a text against its submitted version, placed in the text.

The current text is the truth: an insertion is a span of it, a deletion is text of the
submitted version that stands at a place in it. Accepting a change keeps the current text;
rejecting it gives back the submitted text of that change (an insertion is cut out, a
deletion is put back), so a saved body is always plain text, never both versions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from newsroom_desktop.core.diff import diff_paragraphs

TrackedKind = Literal["insert", "delete"]
SEPARATOR = "\n\n"  # between two paragraphs of the joined current text


FIELDS = ("headline", "lead", "body")


@dataclass(frozen=True)
class ChangeKey:
    """A change as it is remembered once accepted: its field, its kind, where it stands in the
    submitted text (offset in its paragraphs joined by a blank line) and its text."""

    kind: TrackedKind
    base_offset: int
    text: str
    field: str = "body"


@dataclass(frozen=True)
class TrackedChange:
    """One insertion or deletion, placed in the current text (paragraphs joined by a blank line).

    An insertion is ``text[start:end]``; a deletion's ``text`` stood at ``start`` (``end`` equals
    ``start``). ``base_offset`` is where the change stands in the submitted text.
    """

    kind: TrackedKind
    text: str
    start: int
    end: int
    base_offset: int = 0
    field: str = "body"

    @property
    def key(self) -> ChangeKey:
        return ChangeKey(self.kind, self.base_offset, self.text, self.field)


def track_paragraphs(
    old: Sequence[str],
    new: Sequence[str],
    accepted: Collection[ChangeKey] = (),
    field: str = "body",
) -> list[TrackedChange]:
    """Return the changes that turn the paragraphs ``old`` of ``field`` into ``new``, in order.

    Changes in ``accepted`` are left out: they stay as the current text has them.
    """
    out: list[TrackedChange] = []
    pos = base = 0
    for op in diff_paragraphs(field, old, new).ops:
        if op.kind == "delete":
            out.append(TrackedChange("delete", op.text, pos, pos, base, field))
            base += len(op.text)
            continue
        if op.kind == "insert":
            out.append(TrackedChange("insert", op.text, pos, pos + len(op.text), base, field))
        else:
            base += len(op.text)
        pos += len(op.text)
    return [c for c in out if c.key not in accepted] if accepted else out


def reject(text: str, change: TrackedChange) -> str:
    """Return ``text`` with ``change`` undone: an insertion cut out, a deletion put back."""
    if change.kind == "insert":
        return text[: change.start] + text[change.end :]
    return text[: change.start] + change.text + text[change.start :]


class ParagraphMap:
    """Turns places in the joined current text into (paragraph, offset) pairs."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.lengths = [len(p) for p in paragraphs]
        self.starts: list[int] = []
        at = 0
        for length in self.lengths:
            self.starts.append(at)
            at += length + len(SEPARATOR)

    def locate(self, pos: int) -> tuple[int, int]:
        """Return the paragraph a place falls in and the offset in it.

        A place between two paragraphs belongs to the end of the first; none gives (0, 0).
        """
        if not self.starts:
            return 0, 0
        index = max(0, bisect_right(self.starts, pos) - 1)
        return index, min(max(pos - self.starts[index], 0), self.lengths[index])

    def spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Return the (paragraph, start, end offset) pieces of a span, separators left out."""
        out: list[tuple[int, int, int]] = []
        first, _ = self.locate(start)
        for index in range(first, len(self.starts)):
            begin = self.starts[index]
            if begin >= end:
                break
            lo = max(start - begin, 0)
            hi = min(end - begin, self.lengths[index])
            if hi > lo:
                out.append((index, lo, hi))
        return out


def shown_deletion(text: str, *, hard_break: str = "\n") -> str:
    """Return deleted text as it shows inside one paragraph: a ¶ where a paragraph break was."""
    return text.replace(SEPARATOR, "¶").replace("\n", hard_break)


def authors_of(
    old: Sequence[str],
    versions: Sequence[tuple[str, Sequence[str]]],
    changes: Sequence[TrackedChange],
    field: str = "body",
) -> list[str]:
    """Return who made each change: the author of the first version, oldest first, that has it.

    ``versions`` are (author, paragraphs) of the versions saved since submission; a change
    none of them has (typed since the last save) gets ''.
    """
    found = [
        (author, {c.key for c in track_paragraphs(old, pars, field=field)})
        for author, pars in versions
    ]
    return [next((author for author, keys in found if c.key in keys), "") for c in changes]
