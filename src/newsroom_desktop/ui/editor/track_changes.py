"""Tracked changes in the body document: show them, find them, accept or reject them.

Insertions are the body's own text with a mark; deletions are the submitted text put back in
the document with a deletion mark, which the Markdown bridge leaves out. So the document can
be saved at any time and the body is the current text; each accept or reject is one undo step.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QPainter, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from newsroom_desktop.core.body import HARD_BREAK, OBJECT_CHAR
from newsroom_desktop.core.tracked import ParagraphMap, TrackedChange, shown_deletion
from newsroom_desktop.ui.editor.commands import is_figure_block
from newsroom_desktop.ui.editor.formats import heading_of
from newsroom_desktop.ui.editor.track_formats import (
    DELETE,
    INSERT,
    TRACK_AUTHOR,
    TRACK_PAD,
    author_colour,
    clean_format,
    track_kind,
    tracked_format,
)


@dataclass(frozen=True)
class ChangeRun:
    """A tracked change as the document holds it: a run of marked text."""

    kind: str
    start: int
    end: int
    author: str
    text: str
    field: str = "body"


def body_paragraphs(doc: QTextDocument) -> tuple[list[str], list[int]]:
    """Return the text of each text paragraph as the word diff reads it, and where it starts."""
    texts: list[str] = []
    starts: list[int] = []
    block = doc.begin()
    while block.isValid():
        text = block.text()
        stripped = text.strip()
        if stripped and not is_figure_block(block) and OBJECT_CHAR not in text:
            texts.append(stripped.replace(HARD_BREAK, "\n"))
            starts.append(block.position() + len(text) - len(text.lstrip()))
        block = block.next()
    return texts, starts


def _place(doc: QTextDocument, places: ParagraphMap, starts: list[int], pos: int) -> int:
    if not starts:
        return doc.lastBlock().position()
    index, offset = places.locate(pos)
    return starts[index] + offset


def _heading_at(cursor: QTextCursor) -> int:
    return heading_of(cursor.block().blockFormat())


def mark_changes(
    doc: QTextDocument, changes: Sequence[TrackedChange], authors: Sequence[str] | str
) -> None:
    """Show ``changes`` (placed in the document's paragraphs as body_paragraphs gives them),
    each by its author (``authors``, one a change, or one for all).

    Runs on a freshly built document: it is not an undoable step.
    """
    names = [authors] * len(changes) if isinstance(authors, str) else list(authors)
    texts, starts = body_paragraphs(doc)
    places = ParagraphMap(texts)
    undo = doc.isUndoRedoEnabled()
    doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    # From the end back, so that deleted text put in does not move the places before it.
    for change, author in reversed(list(zip(changes, names, strict=True))):
        if change.kind == INSERT:
            for index, lo, hi in places.spans(change.start, change.end):
                _mark_span(cursor, starts[index] + lo, starts[index] + hi, INSERT, author)
            continue
        at = _place(doc, places, starts, change.start)
        cursor.setPosition(at)
        fmt = tracked_format(cursor.charFormat(), _heading_at(cursor), DELETE, author)
        _insert_deleted(cursor, shown_deletion(change.text, hard_break=HARD_BREAK), fmt)
    cursor.endEditBlock()
    doc.setUndoRedoEnabled(undo)
    doc.setModified(False)


def _insert_deleted(cursor: QTextCursor, shown: str, fmt: QTextCharFormat) -> None:
    """Put deleted text in at the cursor, spaced from a word it would touch."""
    doc, at = cursor.document(), cursor.position()
    pad = QTextCharFormat(fmt)
    pad.setProperty(TRACK_PAD, True)
    if shown[:1].isalnum() and not cursor.atBlockStart() and doc.characterAt(at - 1).isalnum():
        cursor.insertText(" ", pad)
    cursor.insertText(shown, fmt)
    if shown[-1:].isalnum() and doc.characterAt(cursor.position()).isalnum():
        cursor.insertText(" ", pad)


Fragment = tuple[int, int, QTextBlock, QTextCharFormat]


def fragments(doc: QTextDocument, start: int, end: int) -> list[Fragment]:
    """Return (start, end, block, format) of each text fragment that overlaps [start, end),
    in document order, cut to that range."""
    out: list[Fragment] = []
    block = doc.findBlock(start)
    while block.isValid() and block.position() < end:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            lo = max(fragment.position(), start)
            hi = min(fragment.position() + fragment.length(), end)
            if hi > lo:
                out.append((lo, hi, block, fragment.charFormat()))
            it += 1
        block = block.next()
    return out


def _mark_span(cursor: QTextCursor, start: int, end: int, kind: str, author: str) -> None:
    """Give the text of [start, end) the look of ``kind`` by ``author``, keeping its marks."""
    for lo, hi, _, _ in fragments(cursor.document(), start, end):
        cursor.setPosition(lo + 1)
        fmt = cursor.charFormat()
        if fmt.isImageFormat() or cursor.document().characterAt(lo) == OBJECT_CHAR:
            continue
        cursor.setPosition(lo)
        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(tracked_format(fmt, _heading_at(cursor), kind, author))


def mark_span(doc: QTextDocument, start: int, end: int, kind: str, author: str) -> None:
    """Mark [start, end) as inserted or deleted by ``author`` (part of the edit under way)."""
    _mark_span(QTextCursor(doc), start, end, kind, author)


def text_without_deletions(doc: QTextDocument) -> str:
    """Return the document's plain text as toPlainText() gives it, without deleted text."""
    lines: list[str] = []
    block = doc.begin()
    while block.isValid():
        lines.append("".join(text for _, text in _kept_pieces(block)))
        block = block.next()
    return "\n".join(lines).replace(HARD_BREAK, "\n").replace("\u00a0", " ")


def change_runs(doc: QTextDocument, field: str = "body") -> list[ChangeRun]:
    """Return the tracked changes in a field's document, in order; neighbours of a kind are one."""
    runs: list[ChangeRun] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            kind = track_kind(fmt)
            if kind:
                start = fragment.position()
                end = start + fragment.length()
                author = fmt.stringProperty(TRACK_AUTHOR)
                last = runs[-1] if runs else None
                if last and last.kind == kind and last.end == start and last.author == author:
                    text = last.text + fragment.text()
                    runs[-1] = ChangeRun(kind, last.start, end, author, text, field)
                else:
                    runs.append(ChangeRun(kind, start, end, author, fragment.text(), field))
            it += 1
        block = block.next()
    return runs


def run_at(doc: QTextDocument, pos: int, field: str = "body") -> ChangeRun | None:
    """Return the change the place ``pos`` is in or touches (the one after it first)."""
    runs = change_runs(doc, field)
    inside = [r for r in runs if r.start <= pos < r.end]
    touching = [r for r in runs if r.end == pos]
    found = inside or touching
    return found[0] if found else None


def _unmark(cursor: QTextCursor, run: ChangeRun, pads: list[QTextCursor]) -> None:
    """Make a run plain text; its pad spaces are left to _settle_pads (in ``pads``)."""
    doc = cursor.document()
    for lo, hi, block, _ in reversed(fragments(doc, run.start, run.end)):
        cursor.setPosition(lo + 1)
        fmt = cursor.charFormat()
        cursor.setPosition(lo)
        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        if fmt.hasProperty(TRACK_PAD):
            pads.append(QTextCursor(cursor))  # a cursor follows the edits made after it
        else:
            cursor.setCharFormat(clean_format(fmt, heading_of(block.blockFormat())))


def _settle_pads(pads: list[QTextCursor]) -> None:
    """Keep a pad space as text where it still parts two words, once all is settled."""
    for pad in pads:
        if not pad.hasSelection():
            continue
        doc, lo, hi = pad.document(), pad.selectionStart(), pad.selectionEnd()
        before = lo > pad.block().position() and doc.characterAt(lo - 1).isalnum()
        if before and doc.characterAt(hi).isalnum():
            fmt = pad.charFormat()
            pad.setCharFormat(clean_format(fmt, heading_of(pad.block().blockFormat())))
        else:
            pad.removeSelectedText()


def _remove(cursor: QTextCursor, run: ChangeRun) -> None:
    cursor.setPosition(run.start)
    cursor.setPosition(run.end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()


def settle(doc: QTextDocument, runs: Sequence[ChangeRun], *, accept: bool) -> int:
    """Accept or reject ``runs`` as one undo step; return how many were settled.

    Accepting keeps the current text: an insertion loses its mark, a deletion's shown text
    goes. Rejecting gives back the submitted text: an insertion goes, a deletion becomes text.
    """
    if not runs:
        return 0
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    pads: list[QTextCursor] = []
    for run in sorted(runs, key=lambda r: r.start, reverse=True):
        keep_text = (run.kind == INSERT) == accept
        if keep_text:
            _unmark(cursor, run, pads)
        else:
            _remove(cursor, run)
    _settle_pads(pads)
    cursor.endEditBlock()
    return len(runs)


def clear_marks(doc: QTextDocument) -> None:
    """Take every mark away as the body is saved: deletions go, insertions stay as text."""
    settle(doc, change_runs(doc), accept=True)


class CurrentText:
    """The body's current text as the word diff reads it (deleted text left out), with a map
    from document places to places in that text (paragraphs joined by a blank line)."""

    def __init__(self, doc: QTextDocument) -> None:
        self.paragraphs: list[str] = []
        self.doc_starts: list[int] = []  # segments: where each starts in the document,
        self.text_starts: list[int] = []  # where in the joined text,
        self.lengths: list[int] = []  # and how long it is
        at = 0
        block = doc.begin()
        while block.isValid():
            pieces = _kept_pieces(block)
            raw = "".join(text for _, text in pieces)
            stripped = raw.strip()
            if stripped and not is_figure_block(block) and OBJECT_CHAR not in raw:
                self._add(pieces, len(raw) - len(raw.lstrip()), len(stripped), at)
                self.paragraphs.append(stripped.replace(HARD_BREAK, "\n"))
                at += len(stripped) + 2
            block = block.next()

    def _add(self, pieces: list[tuple[int, str]], lead: int, length: int, at: int) -> None:
        offset = 0
        for position, text in pieces:
            lo, hi = max(offset, lead), min(offset + len(text), lead + length)
            if hi > lo:
                self.doc_starts.append(position + lo - offset)
                self.text_starts.append(at + lo - lead)
                self.lengths.append(hi - lo)
            offset += len(text)

    def place(self, pos: int) -> int:
        """Return the place in the joined text of the document place ``pos`` (or the next kept)."""
        index = bisect_right(self.doc_starts, pos) - 1
        if index >= 0 and pos < self.doc_starts[index] + self.lengths[index]:
            return self.text_starts[index] + pos - self.doc_starts[index]
        if index + 1 < len(self.doc_starts):
            return self.text_starts[index + 1]
        return self.text_starts[-1] + self.lengths[-1] if self.lengths else 0


def _kept_pieces(block: QTextBlock) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if track_kind(fragment.charFormat()) != DELETE:
            out.append((fragment.position(), fragment.text()))
        it += 1
    return out


def changes_of_runs(
    runs: Sequence[ChangeRun], current: CurrentText, changes: Sequence[TrackedChange]
) -> list[TrackedChange]:
    """Return the changes of the word diff that the shown runs stand for.

    An insertion stands for the diff's insertions it overlaps; a deletion for the diff's
    deletion at its place, or else the nearest one that shares a word with it (the diff of
    the text now may cut a passage typed over otherwise than the marks show it).
    """
    out: list[TrackedChange] = []
    for run in runs:
        lo, hi = current.place(run.start), current.place(run.end)
        if run.kind == INSERT:
            hits = [c for c in changes if c.kind == INSERT and c.start < hi and c.end > lo]
        else:
            hits = [c for c in changes if c.kind == DELETE and c.start == lo]
            hits = hits or _nearest_deletion(run, lo, changes)
        out += [c for c in hits if c not in out]
    return out


def _nearest_deletion(
    run: ChangeRun, place: int, changes: Sequence[TrackedChange]
) -> list[TrackedChange]:
    words = set(run.text.split())
    near = [
        c
        for c in changes
        if c.kind == DELETE
        and abs(c.start - place) <= len(run.text) + 2
        and words & set(c.text.split())
    ]
    return sorted(near, key=lambda c: abs(c.start - place))[:1]


def paint_change_bars(edit: QTextEdit) -> None:
    """Draw a bar in the left margin beside each visible line block that holds a change.

    Called while the editor paints (its ``painted`` signal), as Word and InCopy mark changed
    lines; the bar takes the colour of the block's first change's author.
    """
    viewport = edit.viewport()
    doc = edit.document()
    layout = doc.documentLayout()
    dx, dy = edit.horizontalScrollBar().value(), edit.verticalScrollBar().value()
    block = edit.cursorForPosition(QPoint(0, 0)).block()
    bottom = viewport.height() + dy
    x = doc.documentMargin() / 2 - 1 - dx
    painter: QPainter | None = None
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() > bottom:
            break
        author = _first_author(block)
        if author is not None:
            painter = painter or QPainter(viewport)
            top = rect.top() + block.blockFormat().topMargin() - dy
            height = (
                rect.height() - block.blockFormat().topMargin() - block.blockFormat().bottomMargin()
            )
            painter.fillRect(QRectF(x, top, 2, height), author_colour(author))
        block = block.next()
    if painter is not None:
        painter.end()


def _first_author(block: QTextBlock) -> str | None:
    it = block.begin()
    while not it.atEnd():
        fmt = it.fragment().charFormat()
        if track_kind(fmt):
            return fmt.stringProperty(TRACK_AUTHOR)
        it += 1
    return None
