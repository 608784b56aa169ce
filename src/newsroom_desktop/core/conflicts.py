"""Resolving a sync conflict: two versions of an article cut into aligned chunks, then merged."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from newsroom_desktop.core.diff import diff_paragraphs, paragraphs
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.text import nfc

Field = Literal["headline", "lead", "body"]
Choice = Literal["ours", "theirs", "both"]
ChunkKey = tuple[str, int]  # (field, position in that field's chunks)
FIELDS: tuple[Field, ...] = get_args(Field)
CHOICES: tuple[Choice, ...] = get_args(Choice)
# The choice for a differing chunk nobody chose: the server's version (the caller's "theirs").
DEFAULT_CHOICE: Choice = "theirs"
PARAGRAPH_BREAK = "\n\n"  # between body paragraphs, as the body Markdown stores them
# A newline, or a run of anything but whitespace: enough to count paragraph breaks in diff ops.
_PIECE_RE = re.compile(r"\n|\S+")
# Only shared words pair two paragraphs: a full stop both keep is no sign they are one.
_WORD_RE = re.compile(r"\w")


@dataclass(frozen=True)
class ConflictSide:
    """One version of the article in conflict, with how the dialog names it ("Yours · 14:32")."""

    label: str
    headline: str
    lead: str
    body: str


@dataclass(frozen=True)
class Chunk:
    """One aligned unit of a field: text both sides share, or each side's differing text.

    A paragraph that exists on one side only differs from an empty text on the other.
    """

    ours: str
    theirs: str

    @classmethod
    def equal(cls, text: str) -> Chunk:
        return cls(text, text)

    @property
    def differs(self) -> bool:
        return self.ours != self.theirs

    @property
    def same(self) -> str | None:
        """The text both sides share, or None when they differ."""
        return None if self.differs else self.ours


@dataclass(frozen=True)
class ConflictChunks:
    """Two versions aligned field by field: headline and lead one chunk each, body by paragraph."""

    ours: ConflictSide
    theirs: ConflictSide
    headline: tuple[Chunk, ...]
    lead: tuple[Chunk, ...]
    body: tuple[Chunk, ...]

    def field(self, name: str) -> tuple[Chunk, ...]:
        """Return the chunks of ``name`` ("headline", "lead" or "body")."""
        if name not in FIELDS:
            raise ValidationError(f"No field {name!r} in a conflict", code="conflict_field")
        chunks: tuple[Chunk, ...] = getattr(self, name)
        return chunks

    def keyed(self) -> Iterator[tuple[ChunkKey, Chunk]]:
        """Yield every chunk with its key, field by field in reading order."""
        for name in FIELDS:
            for index, chunk in enumerate(self.field(name)):
                yield (name, index), chunk

    def differing(self) -> list[tuple[ChunkKey, Chunk]]:
        """Return the chunks to choose between, with the keys ``merge`` takes choices by."""
        return [(key, chunk) for key, chunk in self.keyed() if chunk.differs]


def _single(ours: str, theirs: str) -> tuple[Chunk, ...]:
    ours, theirs = nfc(ours.strip()), nfc(theirs.strip())
    return (Chunk(ours, theirs),) if ours or theirs else ()


def _links(ours: list[str], theirs: list[str]) -> list[tuple[int, int]]:
    """Return, in order, the paragraph pairs the word diff keeps some words of.

    The diff (``core.diff``) pairs a changed paragraph with its new form; walking its ops and
    counting the paragraph breaks each side passes tells which paragraphs share words.
    """
    index = [0, 0]
    newlines = [0, 0]
    sides = {"equal": (0, 1), "delete": (0,), "insert": (1,)}
    links: list[tuple[int, int]] = []
    for op in diff_paragraphs("body", ours, theirs).ops:
        for piece in _PIECE_RE.findall(op.text):
            for side in sides[op.kind]:
                if piece == "\n":
                    newlines[side] += 1
                    continue
                if newlines[side] >= 2:
                    index[side] += 1
                newlines[side] = 0
            pair = (index[0], index[1])
            if op.kind == "equal" and _WORD_RE.search(piece) and (not links or links[-1] != pair):
                links.append(pair)
    return links


def _groups(links: list[tuple[int, int]]) -> list[tuple[range, range]]:
    """Join links that share a paragraph: each group is a run of paragraphs on both sides."""
    groups: list[tuple[range, range]] = []
    for i, j in links:
        if groups and (i == groups[-1][0][-1] or j == groups[-1][1][-1]):
            rows, cols = groups[-1]
            groups[-1] = (range(rows.start, i + 1), range(cols.start, j + 1))
        else:
            groups.append((range(i, i + 1), range(j, j + 1)))
    return groups


def _join(pars: list[str], span: range) -> str:
    return PARAGRAPH_BREAK.join(pars[k] for k in span)


def _body_chunks(ours: str, theirs: str) -> tuple[Chunk, ...]:
    """Align the body paragraphs: shared ones equal, changed, added or removed ones differing."""
    pars_a, pars_b = paragraphs(ours), paragraphs(theirs)
    chunks: list[Chunk] = []
    done_a = done_b = 0
    end = (range(len(pars_a), len(pars_a)), range(len(pars_b), len(pars_b)))
    for rows, cols in [*_groups(_links(pars_a, pars_b)), end]:
        # What lies between two groups shares nothing: removed on one side, added on the other.
        if rows.start > done_a or cols.start > done_b:
            chunks.append(
                Chunk(
                    _join(pars_a, range(done_a, rows.start)),
                    _join(pars_b, range(done_b, cols.start)),
                )
            )
        if rows:
            chunks.append(Chunk(_join(pars_a, rows), _join(pars_b, cols)))
        done_a, done_b = rows.stop, cols.stop
    return tuple(chunks)


def conflict_chunks(ours: ConflictSide, theirs: ConflictSide) -> ConflictChunks:
    """Align two versions of an article into the chunks a person chooses between."""
    return ConflictChunks(
        ours=ours,
        theirs=theirs,
        headline=_single(ours.headline, theirs.headline),
        lead=_single(ours.lead, theirs.lead),
        body=_body_chunks(ours.body, theirs.body),
    )


def _check(chunks: ConflictChunks, choices: Mapping[tuple[str, int], str]) -> None:
    keys = {key for key, _ in chunks.differing()}
    for key, choice in choices.items():
        if key not in keys:
            raise ValidationError(
                f"No differing chunk {key!r} to choose for", code="conflict_chunk"
            )
        if choice not in CHOICES:
            raise ValidationError(f"Unknown choice {choice!r} for {key!r}", code="conflict_choice")


def resolve_chunk(chunk: Chunk, choice: Choice, separator: str = PARAGRAPH_BREAK) -> str:
    """Return the text a chunk keeps under ``choice`` ("both": ours, then theirs)."""
    if not chunk.differs or choice == "ours":
        return chunk.ours
    if choice == "theirs":
        return chunk.theirs
    return separator.join(text for text in (chunk.ours, chunk.theirs) if text)


def merge(chunks: ConflictChunks, choices: Mapping[tuple[str, int], Choice]) -> dict[str, str]:
    """Return the resolved headline, lead and body: each differing chunk as chosen.

    A differing chunk without a choice takes ``DEFAULT_CHOICE`` (the server's version). Body
    paragraphs are joined by a blank line; "both" on the headline joins the two with a space.
    """
    _check(chunks, choices)
    out: dict[str, str] = {}
    for name in FIELDS:
        separator = " " if name == "headline" else PARAGRAPH_BREAK
        pieces = (
            resolve_chunk(chunk, choices.get((name, index), DEFAULT_CHOICE), separator)
            for index, chunk in enumerate(chunks.field(name))
        )
        out[name] = PARAGRAPH_BREAK.join(piece for piece in pieces if piece)
    return out
