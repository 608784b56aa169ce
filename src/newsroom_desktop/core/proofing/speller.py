"""One language's spelling dictionary: Debian's hunspell files through Enchant, or none.

Enchant (pyenchant over libenchant's hunspell provider) is the checker: it reads the system's
``/usr/share/hunspell`` dictionaries, opens one in milliseconds and suggests in about one,
where the pure-Python spylls took a second to open the English dictionary and up to 200 ms
a suggestion (bench/bench_proofing.py measured both). Answers are cached per word: an
article repeats its syllables, so a long one costs a few thousand lookups, not its length.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# The hunspell dictionary (Debian packages hunspell-vi, hunspell-en-us) of each language.
DICTIONARY_TAGS = {"vi": "vi_VN", "en": "en_US"}
DEBIAN_PACKAGES = {"vi": "hunspell-vi", "en": "hunspell-en-us"}
# A word longer than this is no word: it is not looked up (hunspell is slow on them).
MAX_WORD = 60
MAX_SUGGESTIONS = 8


@dataclass
class Speller:
    """Checks words of one language; ``missing`` says why it cannot (then it accepts all)."""

    language: str
    backend: Any = None
    missing: str = ""
    _known: dict[str, bool] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.backend is not None

    def knows(self, word: str) -> bool:
        """Tell whether the dictionary accepts ``word`` (NFC; True when there is none)."""
        known = self._known.get(word)
        if known is None:
            if self.backend is None or len(word) > MAX_WORD:
                known = True
            else:
                known = bool(self.backend.check(unicodedata.normalize("NFC", word)))
            if len(self._known) > 200_000:
                self._known.clear()  # bounded, whatever is thrown at it
            self._known[word] = known
        return known

    def suggest(self, word: str) -> list[str]:
        """Return the dictionary's suggestions for ``word``, best first (NFC)."""
        if self.backend is None or len(word) > MAX_WORD:
            return []
        found = self.backend.suggest(unicodedata.normalize("NFC", word))
        return [unicodedata.normalize("NFC", s) for s in found[:MAX_SUGGESTIONS]]


def missing_message(language: str, reason: str = "") -> str:
    """Return the one line that says a language's spell check is off, and how to turn it on."""
    package = DEBIAN_PACKAGES.get(language, f"hunspell-{language}")
    tag = DICTIONARY_TAGS.get(language, language)
    why = f" ({reason})" if reason else ""
    return (
        f"No {tag} spelling dictionary{why}: spell check is off for this language. "
        f"Install it with `apt-get install {package}` (files in /usr/share/hunspell)."
    )


@lru_cache(maxsize=8)
def _broker() -> Any:
    import enchant  # noqa: PLC0415 - the C library is loaded only when spelling is asked for

    broker = enchant.Broker()
    # Hunspell's files are the ones we name; aspell may hold others of the same tag (an
    # ordering for "*" does not outrank a system's own per-tag one: each tag gets its own).
    for tag in DICTIONARY_TAGS.values():
        broker.set_ordering(tag, "hunspell,nuspell,myspell,aspell")
    return broker


def load_speller(language: str) -> Speller:
    """Return the speller of ``language`` ("vi", "en"), or one that says what is missing."""
    tag = DICTIONARY_TAGS.get(language)
    if tag is None:
        return Speller(language, missing=f"No spelling dictionary for the language {language!r}.")
    try:
        broker = _broker()
    except (ImportError, OSError) as exc:
        return Speller(language, missing=missing_message(language, f"Enchant: {exc}"))
    if not broker.dict_exists(tag):
        return Speller(language, missing=missing_message(language))
    return Speller(language, backend=broker.request_dict(tag))
