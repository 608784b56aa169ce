"""Search snippets: a short stretch of an article's own text around what a search matched."""

from __future__ import annotations

import functools
import re

from newsroom_desktop.core.documents import Snippet
from newsroom_desktop.core.search import query_words
from newsroom_desktop.core.text import fold

# Letters and digits, as the index splits words (search._TOKEN_RE), over the folded text.
_TOKEN_RE = re.compile(r"[^\W_]+")
SNIPPET_CHARS = 160
BEFORE_CHARS = 40
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


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Return the spans of ``text`` whose words match the search ``query`` (diacritics ignored).

    As the search matches: every word of the query as a whole word, the last one also as the
    opening of a word, since the user may still be typing it.
    """
    words = query_words(query)
    if not words or not text:
        return []
    exact = set(words)
    prefix = words[-1] if not query[-1:].isspace() else None
    folded, origins = _folded_with_origins(text)
    spans: list[tuple[int, int]] = []
    for token in _TOKEN_RE.finditer(folded):
        word = token.group()
        if word in exact:
            end = token.end()
        elif prefix is not None and word.startswith(prefix):
            end = token.start() + len(prefix)
        else:
            continue
        start = origins[token.start()]
        spans.append((start, origins[end - 1] + 1))
    return spans


def _cut(text: str, spans: list[tuple[int, int]]) -> Snippet:
    """Return the stretch of ``text`` around its first span, with the spans inside it."""
    first = spans[0][0]
    start = max(0, first - BEFORE_CHARS)
    if start > 0:  # begin at a word, not inside one
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", spans[0][1], end)
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
        spans = match_spans(flat, query)
        if spans:
            return _cut(flat, spans)
    return None
