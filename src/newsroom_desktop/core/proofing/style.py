"""The house style rules Vietnamese newsrooms write in their style guides, each one named."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from newsroom_desktop.core.proofing.findings import STYLE, Finding
from newsroom_desktop.core.proofing.house import HouseStyle
from newsroom_desktop.core.proofing.words import mask

Rule = Callable[[str, HouseStyle, str], Iterator[Finding]]

_DOUBLE_SPACE_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
# The space and its mark: one space alone would be a finding too narrow to see or to click.
_SPACE_BEFORE_RE = re.compile(r"(?<=[^\s\d]) +([,.;:!?…])(?=\s|$)", re.MULTILINE)
_SPACE_MARK_RE = re.compile(r" [,.;:!?…]")  # what every _SPACE_BEFORE_RE match holds
_STRAIGHT_QUOTES_RE = re.compile(r'"([^"\n]{1,400})"')
_CITY_RE = re.compile(r"\bT[Pp]\.? ?(?:HCM|Hồ Chí Minh)\b")
_DATE_RE = re.compile(r"\b([Nn]gày) (\d{1,2})([/-])(\d{1,2})(?:\3(\d{4}))?\b(?![/-]\d)")
_GROUPED_RE = {
    # Two groups or more: one group ("1,500") is a decimal in Vietnamese, not a thousand.
    "vi": re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,]|\.\d)"),
    "en": re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.]|,\d)"),
}
_UNGROUPED_RE = re.compile(r"(?<![\d.,/\w])[1-9]\d{4,}(?![\d/\w]|[.,]\d)")
_REPEATED_RE = re.compile(r"\b([^\W\d_]+) \1\b", re.IGNORECASE)
# Words Vietnamese doubles on purpose ("từ từ", "dần dần", "nhà nhà"), and English ones.
_DOUBLED_ON_PURPOSE = frozenset(
    [
        "từ",
        "dần",
        "người",
        "nhà",
        "ngày",
        "đêm",
        "xa",
        "lâu",
        "thường",
        "ai",
        "đâu",
        "mãi",
        "vừa",
        "càng",
        "nhiều",
        "đời",
        "năm",
        "tháng",
        "chiều",
        "sáng",
        "khắp",
        "mỗi",
        "có",
        "that",
        "had",
    ]
)
_CAPS_MIN_LETTERS = 8
_DIGITS_RE = re.compile(r"\d\d\d")


def _finding(match: re.Match[str], rule: str, fix: str | None, message: str) -> Finding:
    return Finding(
        "",
        match.start(),
        match.end(),
        match.group(),
        STYLE,
        rule,
        (fix,) if fix is not None else (),
        message,
    )


def double_space(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    if "  " not in text:
        return
    for m in _DOUBLE_SPACE_RE.finditer(text):
        yield _finding(m, "double_space", " ", "Two spaces or more between words.")


def space_before_punctuation(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    if _SPACE_MARK_RE.search(text) is None:
        return  # the common paragraph, told by a search for a literal space
    for m in _SPACE_BEFORE_RE.finditer(text):
        yield _finding(m, "space_before_punctuation", m.group(1), "A space before punctuation.")


def straight_quotes(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    if house.quotes != "curly":
        return
    for m in _STRAIGHT_QUOTES_RE.finditer(text):
        yield _finding(
            m, "straight_quotes", f"“{m.group(1)}”", "Straight quotes; the house uses “ ”."
        )


def city_name(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    if "TP" not in text and "Tp" not in text:
        return
    for m in _CITY_RE.finditer(text):
        if m.group() != house.city_form:
            yield _finding(m, "city_name", house.city_form, f"The house writes {house.city_form}.")


def thousands(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    if _DIGITS_RE.search(text) is None:
        return
    sep, other = (".", ",") if language == "vi" else (",", ".")
    message = f"Thousands are separated by “{sep}” in this language."
    for m in _GROUPED_RE["vi" if language == "vi" else "en"].finditer(text):
        yield _finding(m, "thousands", m.group().replace(other, sep), message)
    for m in _UNGROUPED_RE.finditer(text):
        yield _finding(m, "thousands", f"{int(m.group()):,}".replace(",", sep), message)


def date_shape(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    if "gày " not in text:
        return
    sep = house.date_separator
    for m in _DATE_RE.finditer(text):
        if m.group(3) != sep:
            word, day, month, year = m.group(1), m.group(2), m.group(4), m.group(5)
            fixed = f"{word} {day}{sep}{month}" + (f"{sep}{year}" if year else "")
            yield _finding(m, "date_shape", fixed, f"The house writes dates as “ngày 7{sep}9”.")


def _has_pair(text: str) -> bool:
    parts = text.lower().split(" ")
    return any(map(operator.eq, parts, parts[1:]))


def repeated_word(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    if not _has_pair(text):
        return  # the common paragraph, told without the back-reference
    for m in _REPEATED_RE.finditer(text):
        if m.group(1).lower() not in _DOUBLED_ON_PURPOSE:
            yield _finding(m, "repeated_word", m.group(1), f"“{m.group(1)}” twice.")


def long_lead(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    limit = house.lead_max_chars
    if limit and len(text.strip()) > limit:
        yield Finding(
            "",
            limit,
            len(text),
            text[limit:],
            STYLE,
            "long_lead",
            (),
            f"The lead is {len(text.strip())} characters; the house limit is {limit}.",
        )


def caps_headline(text: str, house: HouseStyle, language: str) -> Iterator[Finding]:
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= _CAPS_MIN_LETTERS and all(c.isupper() for c in letters):
        stripped = text.strip()
        start = text.index(stripped[0]) if stripped else 0
        fixed = stripped[:1] + stripped[1:].lower()
        yield Finding(
            "",
            start,
            start + len(stripped),
            stripped,
            STYLE,
            "caps_headline",
            (fixed,),
            "A headline in capitals; the house writes it in sentence case.",
        )


# Rules that look at every field, and those of one field only.
TEXT_RULES: dict[str, Rule] = {
    "double_space": double_space,
    "space_before_punctuation": space_before_punctuation,
    "straight_quotes": straight_quotes,
    "city_name": city_name,
    "thousands": thousands,
    "date_shape": date_shape,
    "repeated_word": repeated_word,
}
FIELD_RULES: dict[str, dict[str, Rule]] = {
    "lead": {"long_lead": long_lead},
    "headline": {"caps_headline": caps_headline},
}


@lru_cache(maxsize=64)
def _rules_on(house: HouseStyle, field: str) -> tuple[Rule, ...]:
    """Return the rules ``house`` has on for every field and, if ``field`` is named, its own."""
    rules = {**TEXT_RULES, **FIELD_RULES.get(field, {})}
    return tuple(rule for name, rule in rules.items() if house.is_on(name))


def _as_written(finding: Finding, text: str) -> Finding:
    written = text[finding.start : finding.end]
    suggestions = finding.suggestions
    if finding.rule == "straight_quotes":
        suggestions = (f"“{written[1:-1]}”",)
    return replace(finding, text=written, suggestions=suggestions)


def style_findings(
    text: str, field: str, house: HouseStyle, language: str, *, whole_field: bool = True
) -> list[Finding]:
    """Return the house style findings in ``text`` of ``field``, in text order.

    ``whole_field`` is False for one paragraph of a longer field: the rules that judge a
    whole field (a lead's length) wait for the whole of it.
    """
    masked = mask(text)
    found = [
        finding.moved(field, 0)
        for rule in _rules_on(house, field if whole_field else "")
        for finding in rule(masked, house, language)
    ]
    # The masked text has the same offsets; the finding shows the text as written.
    found = [_as_written(f, text) for f in found]
    return sorted(found, key=lambda f: (f.start, f.end))
