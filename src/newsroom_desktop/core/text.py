"""Vietnamese text: NFC normalisation, search folding, syllable word counts and slugs."""

from __future__ import annotations

import re
import unicodedata

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o"})
# A word is a run of letters or digits; joiners inside numbers and dates keep "07/09/2021",
# "1.000" and "06:59" whole, while a hyphen splits "kinh tế-xã hội" into its syllables.
_WORD_RE = re.compile(r"\w+(?:[.,:/'’]\w+)*")
_SLUG_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, as every string is stored."""
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """Return ``text`` in NFC with line ends unified and control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub("", nfc(text))


def has_control(text: str) -> bool:
    """Tell whether ``text`` holds a control character that clean takes out."""
    return _CONTROL_RE.search(text) is not None


# Whitespace at the end of a line (what str.rstrip takes off each line), and a line end after
# whitespace: a long body is searched for that first, which is quicker (the search looks at
# line ends only), and is seldom changed.
_TRAILING_SPACE_RE = re.compile(r"[^\S\n]+$", re.MULTILINE)
_SPACE_LINE_END_RE = re.compile(r"\n(?<=[^\S\n]\n)")


def _has_trailing_space(text: str) -> bool:
    """Tell whether a line of ``text`` ends in whitespace (what _TRAILING_SPACE_RE finds)."""
    last = text[-1:]
    return (last.isspace() and last != "\n") or _SPACE_LINE_END_RE.search(text) is not None


def normalise_body(markdown: str) -> str:
    """Return a body in stored form: NFC, unified line ends, one final newline."""
    cleaned = clean(markdown)
    # The lines rstripped, without splitting a long body into a list of its lines.
    if _has_trailing_space(cleaned):
        cleaned = _TRAILING_SPACE_RE.sub("", cleaned)
    if cleaned.endswith("\n") and not cleaned.startswith("\n") and not cleaned.endswith("\n\n"):
        return cleaned  # one final newline already: the same text (a long body is not copied)
    cleaned = cleaned.strip("\n")
    return f"{cleaned}\n" if cleaned else ""


def clean_line(text: str) -> str:
    """Return a one-line field value: cleaned, whitespace collapsed, trimmed."""
    return " ".join(clean(text).split())


def _slow_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


# The characters of the fold table that map to themselves: Latin, Greek, Cyrillic, the
# Vietnamese letters and general punctuation. translate looks every character up, and a
# character the table lacks costs a raised and cleared KeyError: with these present, folding
# Vietnamese text takes half the time (the result is the same).
_FOLD_IDENTITY_END = 0x2100


def _build_fold_table() -> dict[int, str | int]:
    # Every precomposed Latin letter (Vietnamese lives in U+00C0–U+024F and U+1E00–U+1EFF)
    # maps to its folded form, so folding NFC text is one C-speed translate call.
    table: dict[int, str | int] = {}
    for code in (*range(0xC0, 0x250), *range(0x370, 0x400), *range(0x1E00, 0x2000)):
        folded = _slow_fold(chr(code))
        if folded != chr(code):
            table[code] = folded
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()  # so that folded ASCII needs no casefold (no copy)
    for code in range(_FOLD_IDENTITY_END):
        table.setdefault(code, code)
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Return ``text`` lower-cased without diacritics, with đ/Đ as d, for search."""
    folded = text.translate(_FOLD_TABLE)
    if folded.isascii():  # lower case already (casefold changes no other ASCII character)
        return folded
    folded = folded.casefold()
    if folded.isascii() or not _COMBINING_RE.search(folded):
        return folded
    return _slow_fold(folded)


def fold_opening(text: str) -> str:
    """Return the first two characters of fold(text) if two ASCII letters, told cheaply; or "".

    Read from the first two characters of ``text`` alone: folding maps each character on its
    own (a table, then casefold), so their folds open the fast fold of the whole text; and when
    those are two ASCII letters the slow path keeps them too (no ASCII letter is decomposed,
    combined with what follows or dropped). "" when the opening is anything else: a digit, a
    mark, a character that folds to nothing. Most lines of text open with two letters, so a
    check that needs only the opening of the folded text can skip folding the whole line.
    """
    opening = text[:2].translate(_FOLD_TABLE).casefold()[:2]
    return opening if len(opening) == 2 and opening.isascii() and opening.isalpha() else ""


def words(text: str) -> list[str]:
    """Return the words of ``text``; each Vietnamese syllable counts as one word."""
    return _WORD_RE.findall(nfc(text))


# Long texts are counted a stretch of lines at a time: a list of every word of a 10 MB body
# would take ten times its size. No word runs across a line end, so the count is the same.
_COUNT_STRETCH = 64 * 1024


def word_count(text: str) -> int:
    """Count words the way Vietnamese newsrooms do: one per syllable."""
    text = nfc(text)
    count = start = 0
    while start < len(text):
        end = text.find("\n", start + _COUNT_STRETCH)
        end = len(text) if end < 0 else end
        count += _stretch_word_count(text, start, end)
        start = end + 1
    return count


# A quick count for text whose only characters past ASCII are letters and digits (Vietnamese
# letters are): in its UTF-8 every byte past ASCII is then part of a word. Each byte becomes
# its class, "a" for a word character, "j" for a joiner inside numbers and dates, " " for any
# other, and the words are counted by where they start, with no string made for each.
_PAST_ASCII_NOT_WORD_RE = re.compile(r"[^\x00-\x7f\w]")
_BYTE_CLASSES = bytes(
    ord("a" if code > 0x7F or re.match(r"\w", chr(code)) else "j" if chr(code) in ".,:/'" else " ")
    for code in range(256)
)


def _stretch_word_count(text: str, start: int, end: int) -> int:
    """Return len(_WORD_RE.findall(text, start, end)), counted quickly when it can be.

    A word is a run of word characters, or runs joined by one joiner each: so a word starts
    at an "a" that opens the stretch, follows a space, or follows a joiner that does not end
    a run ("a" alone or after a space or another joiner).
    """
    if _PAST_ASCII_NOT_WORD_RE.search(text, start, end):
        return len(_WORD_RE.findall(text, start, end))
    classes = text[start:end].encode().translate(_BYTE_CLASSES)
    return (
        classes.count(b" a")
        + classes.count(b" ja")
        + classes.count(b"jja")
        + classes.startswith(b"a")
        + classes.startswith(b"ja")
    )


def char_count(text: str) -> int:
    """Count user-visible characters (NFC code points)."""
    return len(nfc(text))


def slugify(text: str, *, max_length: int = 80) -> str:
    """Return an ASCII URL slug, e.g. ``tang-cuong-su-lanh-dao-cua-dang``."""
    parts = [p for p in _SLUG_SPLIT_RE.split(fold(text)) if p]
    slug = ""
    for part in parts:
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and parts:
        slug = parts[0][:max_length]
    return slug or "bai-viet"
