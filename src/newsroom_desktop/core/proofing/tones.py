"""Vietnamese tone-mark placement: "hòa" (old style) and "hoà" (new style) of one syllable."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

ToneStyle = Literal["old", "new"]
TONE_STYLES: tuple[ToneStyle, ...] = ("old", "new")
# grave, acute, tilde, hook above, dot below: the five marks that carry a Vietnamese tone.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# The open clusters whose tone moves between styles: on the first vowel in the old style, on
# the second in the new. With a final consonant ("hoàng", "thuyền") both styles agree.
_CLUSTERS = frozenset({("o", "a"), ("o", "e"), ("u", "y")})
_WORD_RE = re.compile(r"[^\W\d_]+")


def _letters(word: str) -> list[list[str]]:
    """Split ``word`` (NFD) into letters, each its base character and its combining marks."""
    letters: list[list[str]] = []
    for char in unicodedata.normalize("NFD", word):
        if letters and unicodedata.combining(char):
            letters[-1].append(char)
        else:
            letters.append([char])
    return letters


def _cluster(letters: list[list[str]]) -> tuple[int, int] | None:
    """Return the tone mark's place in the closing cluster and its letter (0 or 1), or None."""
    if len(letters) < 2:
        return None
    first, second = letters[-2], letters[-1]
    if (first[0].lower(), second[0].lower()) not in _CLUSTERS:
        return None
    if first[0].lower() == "u" and len(letters) > 2 and letters[-3][0].lower() == "q":
        return None  # "quý": the u belongs to the consonant qu
    marks = first[1:] + second[1:]
    if len(marks) != 1 or marks[0] not in _TONES:
        return None  # no tone, or another mark ("ơ", "ê") that makes it another vowel
    return (len(letters) - 2, 0) if len(first) > 1 else (len(letters) - 1, 1)


def syllable_style(word: str) -> ToneStyle | None:
    """Return the placement style ``word`` is written in, or None where both agree."""
    letters = _letters(word)
    found = _cluster(letters)
    if found is None:
        return None
    return "old" if found[1] == 0 else "new"


def syllable_in_style(word: str, style: ToneStyle) -> str:
    """Return ``word`` with its tone mark placed in ``style``, NFC (unchanged if both agree)."""
    letters = _letters(word)
    found = _cluster(letters)
    if found is None or ("old" if found[1] == 0 else "new") == style:
        return word
    index, _ = found
    mark = letters[index].pop()
    target = len(letters) - 2 if style == "old" else len(letters) - 1
    letters[target].append(mark)
    return unicodedata.normalize("NFC", "".join("".join(letter) for letter in letters))


def text_in_style(text: str, style: ToneStyle) -> str:
    """Return ``text`` with every syllable's tone mark placed in ``style``."""
    return _WORD_RE.sub(lambda m: syllable_in_style(m.group(), style), text)


def other_style(style: ToneStyle) -> ToneStyle:
    """Return the placement that is not ``style``."""
    return "new" if style == "old" else "old"
