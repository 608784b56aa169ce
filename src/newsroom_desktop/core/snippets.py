"""Search snippets: a short stretch of an article's own text around what a search matched."""

from __future__ import annotations

import functools
import re
from collections import Counter

from newsroom_desktop.core.documents import Snippet
from newsroom_desktop.core.search import query_words
from newsroom_desktop.core.text import fold

# Letters and digits, as the index splits words (search._TOKEN_RE), over the folded text.
_TOKEN_RE = re.compile(r"[^\W_]+")
SNIPPET_CHARS = 160
BEFORE_CHARS = 25  # a narrow list still shows the match
NEAR_CHARS = 60  # query words this close together count as one place
# A body longer than this is looked through only this far (a snippet is a hint, not a search).
MAX_SCANNED_CHARS = 200_000


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """Return fold(text) char by char, and for each folded char the index it came from.

    Folding may drop a character (a lone combining mark) or make two of one (ß): the origins
    find the match in the original text whatever the lengths.
    """
    parts: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        origins.extend([index] * len(folded))
    return "".join(parts), origins


def _matches(text: str, query: str) -> list[tuple[int, int, str]]:
    """Return (start, end, query word) for each word of ``text`` that a query word matches."""
    words = query_words(query)
    if not words or not text:
        return []
    exact = set(words)
    prefix = words[-1] if not query[-1:].isspace() else None
    folded, origins = _folded_with_origins(text)
    found: list[tuple[int, int, str]] = []
    for token in _TOKEN_RE.finditer(folded):
        word = token.group()
        if word in exact:
            end, matched = token.end(), word
        elif prefix is not None and word.startswith(prefix):
            end, matched = token.start() + len(prefix), prefix
        else:
            continue
        found.append((origins[token.start()], origins[end - 1] + 1, matched))
    return found


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Return the spans of ``text`` whose words match the search ``query`` (diacritics ignored).

    As the search matches: every word of the query as a whole word, the last one also as the
    opening of a word, since the user may still be typing it.
    """
    return [(start, end) for start, end, _word in _matches(text, query)]


def _anchor(matches: list[tuple[int, int, str]]) -> int:
    """Return the start of the first place where the most query words match close together.

    "ha no" matches "nổi" early in a text and "Hà Nội" later: the snippet shows "Hà Nội".
    One pass with a sliding window (a common word may match thousands of times).
    """
    best, best_count = matches[0][0], 0
    inside: Counter[str] = Counter()
    end = 0
    for start, _end, _word in matches:
        while end < len(matches) and matches[end][0] < start + NEAR_CHARS:
            inside[matches[end][2]] += 1
            end += 1
        if len(inside) > best_count:
            best, best_count = start, len(inside)
        word = _word
        inside[word] -= 1
        if not inside[word]:
            del inside[word]
    return best


def _cut(text: str, spans: list[tuple[int, int]], first: int) -> Snippet:
    """Return the stretch of ``text`` around the span at ``first``, with the spans inside it."""
    start = max(0, first - BEFORE_CHARS)
    if start > 0:  # begin at a word, not inside one
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", first + 1, end)
        end = space if space > 0 else end
    opening = "…" if start > 0 else ""
    closing = "…" if end < len(text) else ""
    shift = len(opening) - start
    inside = tuple((s + shift, min(e, end) + shift) for s, e in spans if s >= start and s < end)
    return Snippet(f"{opening}{text[start:end]}{closing}", inside)


def snippet(texts: list[str], query: str) -> Snippet | None:
    """Return a snippet of the first of ``texts`` (lead, body…) that the query matches, or None."""
    for raw in texts:
        flat = " ".join(raw[:MAX_SCANNED_CHARS].split())
        matches = _matches(flat, query)
        if matches:
            spans = [(start, end) for start, end, _word in matches]
            return _cut(flat, spans, _anchor(matches))
    return None
