"""Proofread text of one language: spelling per word (syllable) and the house style rules."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.proofing.findings import SPELLING, STYLE, Finding
from newsroom_desktop.core.proofing.house import HouseStyle
from newsroom_desktop.core.proofing.speller import Speller
from newsroom_desktop.core.proofing.style import style_findings
from newsroom_desktop.core.proofing.tones import (
    ToneStyle,
    other_style,
    syllable_in_style,
    syllable_style,
)
from newsroom_desktop.core.proofing.words import WORD_RE, mask, nfc_with_offsets

# An all-capital word this short that the dictionary does not know is an abbreviation
# ("UBND", "HĐND", "CNTT"), not a misspelling.
MAX_ABBREVIATION = 6
MAX_VERDICTS = 200_000


def _house_tones(house: HouseStyle) -> ToneStyle | None:
    style = house.tone_style
    if not house.is_on("tone_marks") or style not in ("old", "new"):
        return None
    return "old" if style == "old" else "new"


def accepted_words(words: Iterable[str]) -> frozenset[str]:
    """Return the words of each of ``words`` (a phrase such as "Cần Thơ" gives two), folded."""
    parts: set[str] = set()
    for phrase in words:
        found = WORD_RE.findall(mask(unicodedata.normalize("NFC", phrase)))
        parts.update(part.casefold() for part in found)
    return frozenset(parts)


def _is_abbreviation(word: str) -> bool:
    return len(word) <= MAX_ABBREVIATION and word.isupper()


class Proofer:
    """Checks text against one language's dictionary, the newsroom's words and the house style.

    The dictionary knows one tone-mark placement ("hoà"); the other ("hòa") passes as well,
    and is a style finding only when the house has chosen a placement.
    """

    def __init__(self, speller: Speller, house: HouseStyle, words: Iterable[str] = ()) -> None:
        self.speller = speller
        self.house = house
        self.language = speller.language
        self._words: set[str] = set()
        self._ignored: set[str] = set()
        # Each word's verdict, once: an article repeats its syllables thousands of times.
        self._verdicts: dict[str, tuple[str, tuple[str, ...]] | None] = {}
        # Counts the changes to what passes (a word added or ignored): a cache of findings
        # made before a change is stale after it.
        self.revision = 0
        self.house_tones = _house_tones(house)
        self._words.update(accepted_words(words))

    @classmethod
    def with_accepted(
        cls, speller: Speller, house: HouseStyle, accepted: frozenset[str]
    ) -> Proofer:
        """Return a proofer that accepts the words ``accepted_words`` gave (made once, kept)."""
        proofer = cls(speller, house)
        proofer._words.update(accepted)
        return proofer

    def add_word(self, word: str) -> None:
        """Accept ``word`` (each word of a phrase such as "Cần Thơ") from now on."""
        self._words.update(accepted_words([word]))
        self._verdicts.clear()
        self.revision += 1

    def ignore(self, word: str) -> None:
        """Accept ``word`` in this session only."""
        self._ignored.add(unicodedata.normalize("NFC", word).casefold())
        self._verdicts.clear()
        self.revision += 1

    def word_finding(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """Return (rule, fixes) when ``word`` is a misspelling or off the house placement."""
        if word in self._verdicts:
            return self._verdicts[word]
        if len(self._verdicts) > MAX_VERDICTS:
            self._verdicts.clear()
        verdict = self._verdicts[word] = self._judge(word)
        return verdict

    def _judge(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        folded = word.casefold()
        if folded in self._words or folded in self._ignored:
            return None
        style = syllable_style(word) if self.language == "vi" else None
        if self.speller.knows(word) or _is_abbreviation(word):
            known = True
        elif style is not None:
            known = self.speller.knows(syllable_in_style(word, other_style(style)))
        else:
            known = False
        if not known:
            if word[1:] != word[1:].lower() and not word.isupper():
                return None  # "iPhone", "McDonald": a name written its own way
            return ("spelling", ())
        house = self.house_tones
        if house is not None and style is not None and style != house:
            return ("tone_marks", (syllable_in_style(word, house),))
        return None

    def spelling(self, text: str, field: str = "body") -> list[Finding]:
        """Return the spelling (and tone-mark placement) findings of ``text``."""
        masked = mask(text)
        verdicts = self.word_finding
        flagged = {word: v for word in set(WORD_RE.findall(masked)) if (v := verdicts(word))}
        if not flagged:
            return []  # the common paragraph: each of its words known, none placed
        found = []
        for match in WORD_RE.finditer(masked):
            word = match.group()
            verdict = flagged.get(word)
            if verdict is None:
                continue
            start, end = match.span()
            rule, fixes = verdict
            if rule == "spelling":
                found.append(Finding(field, start, end, word, SPELLING, rule, fixes, ""))
            else:
                message = "Tone mark placed in the style the house does not use."
                found.append(Finding(field, start, end, word, STYLE, rule, fixes, message))
        return found

    def suggest(self, word: str) -> list[str]:
        """Return spelling suggestions for ``word``, in the house's tone-mark placement."""
        found = self.speller.suggest(word)
        house = self.house_tones
        if house is not None and self.language == "vi":
            found = [" ".join(syllable_in_style(w, house) for w in s.split(" ")) for s in found]
        return list(dict.fromkeys(found))

    def check(self, text: str, field: str = "body", *, whole_field: bool = True) -> list[Finding]:
        """Return every finding in ``text`` of ``field``, in text order."""
        composed, where = nfc_with_offsets(text)
        found = self.spelling(composed, field) + style_findings(
            composed, field, self.house, self.language, whole_field=whole_field
        )
        if where is not None:  # back to the offsets of the text as it was given
            found = [
                replace(
                    f,
                    start=where[f.start],
                    end=where[f.end],
                    text=text[where[f.start] : where[f.end]],
                )
                for f in found
            ]
        return sorted(found, key=lambda f: (f.start, f.end))


def proof_doc(doc: ArticleDoc, proofer: Proofer) -> list[Finding]:
    """Return the findings in the headline, lead, body and every caption of ``doc``."""
    texts = [("headline", doc.headline), ("lead", doc.lead), ("body", doc.body)]
    texts += [(f"photo:{use.id}", use.caption) for use in doc.photos]
    found: list[Finding] = []
    for field, text in texts:
        found += proofer.check(text, field)
    return found
