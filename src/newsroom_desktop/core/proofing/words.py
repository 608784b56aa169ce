"""The words a checker looks at: letter runs, with link targets, code and addresses masked."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Letters only: a digit, an underscore or a hyphen ends a word; an apostrophe inside one
# ("don't", "O’Neil") keeps it whole.
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What each of those holds; a text with none of them has nothing to mask.
_MASK_SIGNS = ("](", "`", "<", "http", "www.", "@")
# Blanks what is not prose: neither a letter nor a space, so no rule sees a word or a gap in it.
MASK = "_"
# What is not prose even when it sits in it: Markdown link and image targets, inline code,
# HTML tags, autolinks, bare web and mail addresses. Each is blanked, offsets kept.
_MASK_RE = re.compile(
    r"\]\([^)\n]*\)"
    r"|`[^`\n]*`"
    r"|<[^>\n]{1,500}>"
    r"|\b(?:https?://|www\.)[^\s<>()]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


def mask(text: str) -> str:
    """Return ``text`` with what is not prose blanked (same length, same offsets)."""
    if not any(sign in text for sign in _MASK_SIGNS):
        return text  # the common paragraph, told without the regular expression
    return _MASK_RE.sub(lambda m: MASK * len(m.group()), text)


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, word) of each word of ``text``, what is not prose left out."""
    for match in WORD_RE.finditer(mask(text)):
        yield match.start(), match.end(), match.group()


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Return ``text`` in NFC and, for each NFC offset (and the end), the offset in ``text``.

    Typed text can be NFD (macOS input methods) until it is saved: checking its NFC form and
    mapping the findings back keeps the underlines on the letters as they are on screen.
    Text already in NFC (nearly all) comes back as it is, with None for the offsets.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    parts: list[str] = []
    where: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            composed = unicodedata.normalize("NFC", text[start:index])
            parts.append(composed)
            where.extend([start] * len(composed))
            start = index
    where.append(len(text))
    return "".join(parts), where
