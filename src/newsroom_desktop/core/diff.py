"""Track changes: a word-level comparison of two versions of an article, field by field."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.text import nfc, word_count

DiffKind = Literal["equal", "insert", "delete"]
CAPTION = "caption"

# The words are those of core.text.words (a Vietnamese syllable is a word, "07/09/2021" one
# word); punctuation marks and paragraph breaks are tokens too, other whitespace sits between.
_WORD = r"\w+(?:[.,:/'’]\w+)*"
_BREAK = r"[^\S\n]*\n[^\S\n]*\n\s*"
_TOKEN_RE = re.compile(rf"{_WORD}|{_BREAK}|[^\w\s]")
_BREAK_RE = re.compile(_BREAK)
_PARAGRAPH_SPLIT_RE = re.compile(r"\n[^\S\n]*\n")
BREAK_KEY = "\n\n"
# Above this many token pairs a region is first cut at the words both sides have exactly once
# (as patience diff does); below it difflib compares the tokens directly. It keeps two whole
# 5,000-word versions well under 100 ms even when nothing matches.
DIRECT_LIMIT = 250_000
# Changed paragraphs are paired with their new form when at least this share of their word
# pairs survived; a region with more paragraph pairs than ALIGN_LIMIT is compared as one text.
SIMILAR = 0.25
ALIGN_LIMIT = 40_000

Block = tuple[int, int, int]  # (start in a, start in b, length), as difflib's matching blocks


@dataclass(frozen=True)
class DiffOp:
    """A run of text that is the same in both versions, only in the new one, or only in the old."""

    kind: DiffKind
    text: str


@dataclass(frozen=True)
class FieldDiff:
    """The changes in one field; ``photo_id`` names the photo use of a caption."""

    field: str
    ops: tuple[DiffOp, ...]
    added_words: int
    removed_words: int
    photo_id: str = ""

    @property
    def changed(self) -> bool:
        return any(op.kind != "equal" for op in self.ops)

    def old_text(self) -> str:
        """Return the text of the old version (whitespace inside unchanged runs as in the new)."""
        return "".join(op.text for op in self.ops if op.kind != "insert")

    def new_text(self) -> str:
        """Return the text of the new version."""
        return "".join(op.text for op in self.ops if op.kind != "delete")


@dataclass(frozen=True)
class ArticleDiff:
    """The changes between two versions of an article, and which versions they are."""

    fields: tuple[FieldDiff, ...]
    added_words: int
    removed_words: int
    old: RevisionInfo | None = None
    new: RevisionInfo | None = None

    @property
    def changed(self) -> bool:
        return any(f.changed for f in self.fields)

    def field(self, name: str, photo_id: str = "") -> FieldDiff | None:
        """Return the diff of one field (a caption by its photo use id), or None."""
        return next((f for f in self.fields if f.field == name and f.photo_id == photo_id), None)


@dataclass
class _Side:
    """One version of a field as tokens: keys to compare and spans into the joined text."""

    text: str
    keys: list[str]
    starts: list[int]
    ends: list[int]
    ranges: list[tuple[int, int]]  # token range of each paragraph


def paragraphs(text: str) -> list[str]:
    """Split plain text into its non-empty paragraphs (blank-line separated), NFC."""
    return [p.strip() for p in _PARAGRAPH_SPLIT_RE.split(nfc(text)) if p.strip()]


def _side(pars: Sequence[str]) -> _Side:
    side = _Side("\n\n".join(pars), [], [], [], [])
    offset = 0
    for n, par in enumerate(pars):
        if n:
            side.keys.append(BREAK_KEY)
            side.starts.append(offset)
            side.ends.append(offset + 2)
            offset += 2
        first = len(side.keys)
        for m in _TOKEN_RE.finditer(par):
            token = m.group()
            side.keys.append(BREAK_KEY if token.isspace() else token)
            side.starts.append(offset + m.start())
            side.ends.append(offset + m.end())
        side.ranges.append((first, len(side.keys)))
        offset += len(par)
    return side


def _unique_anchors(
    ka: list[str], kb: list[str], box: tuple[int, int, int, int]
) -> list[tuple[int, int]]:
    """Return the longest in-order run of tokens found exactly once on each side."""
    la, ha, lb, hb = box
    count_a = Counter(ka[la:ha])
    count_b = Counter(kb[lb:hb])
    where_b = {kb[j]: j for j in range(lb, hb) if count_b[kb[j]] == 1}
    pairs = [(i, where_b[ka[i]]) for i in range(la, ha) if count_a[ka[i]] == 1 and ka[i] in where_b]
    # Longest increasing subsequence of the b positions (patience sorting), with back links.
    tails: list[int] = []
    tail_index: list[int] = []
    back: list[int] = []
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        back.append(tail_index[k - 1] if k else -1)
        if k == len(tails):
            tails.append(j)
            tail_index.append(n)
        else:
            tails[k] = j
            tail_index[k] = n
    out: list[tuple[int, int]] = []
    n = tail_index[-1] if tail_index else -1
    while n >= 0:
        out.append(pairs[n])
        n = back[n]
    return out[::-1]


def _trim(
    ka: list[str], kb: list[str], box: tuple[int, int, int, int], blocks: list[Block]
) -> tuple[int, int, int, int]:
    """Record the common start and end of a region as matches; return what is left between."""
    la, ha, lb, hb = box
    n = 0
    while la + n < ha and lb + n < hb and ka[la + n] == kb[lb + n]:
        n += 1
    if n:
        blocks.append((la, lb, n))
    la, lb = la + n, lb + n
    n = 0
    while ha - n > la and hb - n > lb and ka[ha - 1 - n] == kb[hb - 1 - n]:
        n += 1
    if n:
        blocks.append((ha - n, hb - n, n))
    return la, ha - n, lb, hb - n


def match_tokens(ka: list[str], kb: list[str], box: tuple[int, int, int, int]) -> list[Block]:
    """Return the matching blocks of ``ka[la:ha]`` and ``kb[lb:hb]``, in order, cleaned up."""
    blocks: list[Block] = []
    stack = [box]
    while stack:
        la, ha, lb, hb = _trim(ka, kb, stack.pop(), blocks)
        if la == ha or lb == hb:
            continue
        if (ha - la) * (hb - lb) <= DIRECT_LIMIT:
            matcher = SequenceMatcher(None, ka[la:ha], kb[lb:hb], autojunk=False)
            blocks.extend((la + i, lb + j, n) for i, j, n in matcher.get_matching_blocks() if n)
            continue
        # Too big to compare directly: cut at the unique common words; with none, the region
        # has nothing worth aligning and shows as replaced.
        prev_a, prev_b = la, lb
        for i, j in _unique_anchors(ka, kb, (la, ha, lb, hb)):
            stack.append((prev_a, i, prev_b, j))
            blocks.append((i, j, 1))
            prev_a, prev_b = i + 1, j + 1
        if prev_a != la:
            stack.append((prev_a, ha, prev_b, hb))
    return _drop_weak(_merge(sorted(blocks)), box)


def _merge(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for i, j, n in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + n)
        else:
            out.append((i, j, n))
    return out


def _drop_weak(blocks: list[Block], box: tuple[int, int, int, int]) -> list[Block]:
    """Drop matches shorter than the changes on both sides of them.

    A lone "của" or comma shared by two different sentences is a coincidence, not an unchanged
    passage; showing it as such scatters a rewrite into confetti (diff-match-patch's semantic
    cleanup, on tokens).
    """
    k = 0
    while k < len(blocks):
        i, j, n = blocks[k]
        pa, pb = _end(blocks[k - 1]) if k else (box[0], box[2])
        na, nb = (blocks[k + 1][0], blocks[k + 1][1]) if k + 1 < len(blocks) else (box[1], box[3])
        if n < max(i - pa, j - pb) and n < max(na - i - n, nb - j - n):
            del blocks[k]
            # The gaps beside the dropped match grew: look again at the match before it.
            k = max(k - 1, 0)
        else:
            k += 1
    return _merge(blocks)


def _end(block: Block) -> tuple[int, int]:
    return block[0] + block[2], block[1] + block[2]


def _shingles(side: _Side, paragraph: int) -> frozenset[tuple[str, str]]:
    lo, hi = side.ranges[paragraph]
    keys = side.keys[lo:hi]
    return frozenset(zip(["", *keys], keys, strict=False))


def _similarities(a: _Side, b: _Side, rows: range, cols: range) -> dict[tuple[int, int], float]:
    """Return the word-pair (Dice) similarity of the paragraph pairs that are alike enough."""
    shingles_b = {j: _shingles(b, j) for j in cols}
    index: dict[tuple[str, str], list[int]] = {}
    for j, shingles in shingles_b.items():
        for shingle in shingles:
            index.setdefault(shingle, []).append(j)
    out: dict[tuple[int, int], float] = {}
    for i in rows:
        shingles_a = _shingles(a, i)
        shared = Counter(j for s in shingles_a for j in index.get(s, ()))
        for j, common in shared.items():
            score = 2 * common / (len(shingles_a) + len(shingles_b[j]))
            if score >= SIMILAR:
                out[i, j] = score
    return out


def _align(a: _Side, b: _Side, rows: range, cols: range) -> list[tuple[int, int]]:
    """Pair changed paragraphs in order, most alike first; the rest were deleted or added."""
    sims = _similarities(a, b, rows, cols)
    if not sims:
        return []
    n, m = len(rows), len(cols)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n):
        for y in range(m):
            pair = sims.get((rows[x], cols[y]), 0.0)
            score[x + 1][y + 1] = max(score[x][y + 1], score[x + 1][y], score[x][y] + pair)
    pairs: list[tuple[int, int]] = []
    x, y = n, m
    while x and y:
        pair = sims.get((rows[x - 1], cols[y - 1]), 0.0)
        if pair and score[x][y] == score[x - 1][y - 1] + pair:
            pairs.append((rows[x - 1], cols[y - 1]))
            x, y = x - 1, y - 1
        elif score[x][y] == score[x - 1][y]:
            x -= 1
        else:
            y -= 1
    return pairs[::-1]


def _pair_blocks(a: _Side, b: _Side, pairs: list[tuple[int, int]]) -> list[Block]:
    blocks: list[Block] = []
    for i, j in pairs:
        (la, ha), (lb, hb) = a.ranges[i], b.ranges[j]
        if a.keys[la:ha] == b.keys[lb:hb]:
            blocks.append((la, lb, ha - la))
        else:
            blocks.extend(match_tokens(a.keys, b.keys, (la, ha, lb, hb)))
    return blocks


def _kept_text(side: _Side, blocks: list[Block]) -> int:
    """Count the tokens that blocks keep unchanged, paragraph breaks aside."""
    return sum(1 for i, _, n in blocks for k in range(i, i + n) if side.keys[k] != BREAK_KEY)


def _region_blocks(a: _Side, b: _Side, rows: range, cols: range) -> list[Block]:
    """Match a run of changed paragraphs against their new form.

    Each paragraph is paired with the one most like it and compared word by word. A short
    run is also compared as one text, which shows a split or merged paragraph as such; that
    way wins if it keeps more words unchanged. Long runs are only paired, to stay fast.
    """
    if not rows or not cols:
        return []
    box = (a.ranges[rows[0]][0], a.ranges[rows[-1]][1], b.ranges[cols[0]][0], b.ranges[cols[-1]][1])
    if len(rows) * len(cols) == 1 or len(rows) * len(cols) > ALIGN_LIMIT:
        return match_tokens(a.keys, b.keys, box)
    paired = _pair_blocks(a, b, _align(a, b, rows, cols))
    if (box[1] - box[0]) * (box[3] - box[2]) > DIRECT_LIMIT:
        return paired
    joined = match_tokens(a.keys, b.keys, box)
    return max(paired, joined, key=lambda blocks: _kept_text(a, blocks))


def _paragraph_blocks(a: _Side, b: _Side, pars_a: list[str], pars_b: list[str]) -> list[Block]:
    """Match paragraphs first, then the words of each changed paragraph and its new form.

    A paragraph moved elsewhere shows as deleted where it was and added where it is; a
    paragraph unlike any other shows as wholly deleted or added.
    """
    lo = 0
    while lo < min(len(pars_a), len(pars_b)) and pars_a[lo] == pars_b[lo]:
        lo += 1
    hi_a, hi_b = len(pars_a), len(pars_b)
    while hi_a > lo and hi_b > lo and pars_a[hi_a - 1] == pars_b[hi_b - 1]:
        hi_a, hi_b = hi_a - 1, hi_b - 1
    same = [(k, k) for k in range(lo)] + list(
        zip(range(hi_a, len(pars_a)), range(hi_b, len(pars_b)), strict=True)
    )
    blocks = _pair_blocks(a, b, same)
    if (hi_a - lo) * (hi_b - lo) <= ALIGN_LIMIT:
        blocks += _region_blocks(a, b, range(lo, hi_a), range(lo, hi_b))
        return _merge(sorted(blocks))
    # Too many paragraphs to pair every one with every other: let the unchanged ones that
    # difflib finds split the work first.
    matcher = SequenceMatcher(None, pars_a[lo:hi_a], pars_b[lo:hi_b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        rows, cols = range(lo + i1, lo + i2), range(lo + j1, lo + j2)
        if tag == "equal":
            blocks += _pair_blocks(a, b, list(zip(rows, cols, strict=True)))
        elif tag == "replace":
            blocks += _region_blocks(a, b, rows, cols)
    return _merge(sorted(blocks))


class _Ops:
    """Collects diff ops, merging neighbours of the same kind and skipping empty text."""

    def __init__(self) -> None:
        self.ops: list[DiffOp] = []

    def add(self, kind: DiffKind, text: str) -> None:
        if not text:
            return
        if self.ops and self.ops[-1].kind == kind:
            self.ops[-1] = DiffOp(kind, self.ops[-1].text + text)
        else:
            self.ops.append(DiffOp(kind, text))

    def gap(self, old: str, new: str) -> None:
        """Add the text between two matches: whitespace changes are no change, breaks are."""
        if old == new or (not old.strip() and not new.strip() and _breaks(old) == _breaks(new)):
            self.add("equal", new)
            return
        old_parts, new_parts = _BREAK_RE.split(old), _BREAK_RE.split(new)
        if len(old_parts) == len(new_parts) > 1:
            separators = _BREAK_RE.findall(new)
            for n, (o, w) in enumerate(zip(old_parts, new_parts, strict=True)):
                self.gap(o, w)
                if n < len(separators):
                    self.add("equal", separators[n])
            return
        lead = _common_space(old, new)
        old, new = old[len(lead) :], new[len(lead) :]
        trail = _common_space(old[::-1], new[::-1])[::-1]
        self.add("equal", lead)
        self.add("delete", old[: len(old) - len(trail)])
        self.add("insert", new[: len(new) - len(trail)])
        self.add("equal", trail)


def _breaks(text: str) -> int:
    return len(_BREAK_RE.findall(text))


def _common_space(a: str, b: str) -> str:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n] and a[n].isspace():
        n += 1
    return a[:n]


def _boundary_score(left: str, right: str) -> int:
    """Score a place for an edit to start or end: paragraph breaks best, inside a word worst."""
    if not left or not right:
        return 6
    last, first = left[-1], right[0]
    if left.endswith("\n\n") or right.startswith("\n\n"):
        return 5
    if "\n" in (last, first):
        return 4
    if not last.isalnum() and not last.isspace() and first.isspace():
        return 3
    if last.isspace() or first.isspace():
        return 2
    return 1 if not last.isalnum() or not first.isalnum() else 0


def _slide(
    before: str, edit: str, after: str, *, at_start: bool, at_end: bool
) -> tuple[str, str, str]:
    """Move a lone edit between two unchanged runs to the most natural of its equal places.

    "P4{+.¶P2+}." and "P4.{+¶P2.+}" say the same; the second reads as a moved paragraph
    (diff-match-patch's lossless semantic cleanup). An edit only moves to places with
    whitespace at both ends, so no word is ever cut.
    """
    text = before + edit + after
    i, j = len(before), len(before) + len(edit)
    first_i, last_i = 0 if at_start else 1, len(text) - (0 if at_end else 1)
    while i > first_i and text[i - 1] == text[j - 1]:
        i, j = i - 1, j - 1
    best, best_score = (len(before), len(before) + len(edit)), -1
    while True:
        left = _boundary_score(text[max(0, i - 2) : i], text[i : min(j, i + 2)])
        right = _boundary_score(text[max(i, j - 2) : j], text[j : j + 2])
        original = i == len(before)
        if (original or min(left, right) >= 2) and left + right >= best_score:
            best, best_score = (i, j), left + right
        if j >= last_i or text[i] != text[j]:
            break
        i, j = i + 1, j + 1
    i, j = best
    return text[:i], text[i:j], text[j:]


def _slide_edits(ops: list[DiffOp]) -> list[DiffOp]:
    out = list(ops)
    for k in range(1, len(out) - 1):
        before, edit, after = out[k - 1], out[k], out[k + 1]
        if edit.kind == "equal" or before.kind != "equal" or after.kind != "equal":
            continue
        left, middle, right = _slide(
            before.text, edit.text, after.text, at_start=k == 1, at_end=k + 2 == len(out)
        )
        out[k - 1 : k + 2] = [
            DiffOp("equal", left),
            DiffOp(edit.kind, middle),
            DiffOp("equal", right),
        ]
    return [op for op in out if op.text]


def diff_paragraphs(
    field: str, old: Sequence[str], new: Sequence[str], photo_id: str = ""
) -> FieldDiff:
    """Compare two versions of a field given as paragraphs."""
    pars_a, pars_b = [nfc(p) for p in old], [nfc(p) for p in new]
    a, b = _side(pars_a), _side(pars_b)
    ops = _Ops()
    pos_a = pos_b = 0
    for i, j, n in [*_paragraph_blocks(a, b, pars_a, pars_b), (len(a.keys), len(b.keys), 0)]:
        gap_end_a = a.starts[i] if i < len(a.keys) else len(a.text)
        gap_end_b = b.starts[j] if j < len(b.keys) else len(b.text)
        ops.gap(a.text[pos_a:gap_end_a], b.text[pos_b:gap_end_b])
        if n:
            ops.add("equal", b.text[b.starts[j] : b.ends[j + n - 1]])
            pos_a, pos_b = a.ends[i + n - 1], b.ends[j + n - 1]
    final = _slide_edits(ops.ops)
    return FieldDiff(
        field=field,
        ops=tuple(final),
        added_words=sum(word_count(op.text) for op in final if op.kind == "insert"),
        removed_words=sum(word_count(op.text) for op in final if op.kind == "delete"),
        photo_id=photo_id,
    )


def diff_text(old: str, new: str, field: str = "text") -> FieldDiff:
    """Compare two plain texts word by word (paragraphs are separated by blank lines)."""
    return diff_paragraphs(field, paragraphs(old), paragraphs(new))


def diff_body(old: str, new: str) -> FieldDiff:
    """Compare two Markdown bodies as the reader sees them: text blocks, photos left out."""
    return diff_paragraphs("body", body_md.blocks_text(old), body_md.blocks_text(new))


def _caption_diffs(old: RevisionInfo, new: RevisionInfo) -> list[FieldDiff]:
    before, after = dict(old.captions), dict(new.captions)
    order = [use_id for use_id, _ in new.captions]
    order += [use_id for use_id, _ in old.captions if use_id not in after]
    return [
        diff_paragraphs(CAPTION, paragraphs(before.get(u, "")), paragraphs(after.get(u, "")), u)
        for u in order
        if before.get(u) or after.get(u)
    ]


def diff_revisions(old: RevisionInfo, new: RevisionInfo) -> ArticleDiff:
    """Compare two versions of an article: headline, lead, body and each photo's caption."""
    fields = [
        diff_text(old.headline, new.headline, "headline"),
        diff_text(old.lead, new.lead, "lead"),
        diff_body(old.body, new.body),
        *_caption_diffs(old, new),
    ]
    return ArticleDiff(
        fields=tuple(fields),
        added_words=sum(f.added_words for f in fields),
        removed_words=sum(f.removed_words for f in fields),
        old=old,
        new=new,
    )
