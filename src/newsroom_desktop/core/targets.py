"""Length targets: how an article and its headline and lead measure against the slot they fill."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.text import char_count, word_count

LengthStatus = Literal["none", "under", "near", "over"]
# Within this share of the target a length counts as near: what an editor can still fit by
# trimming or padding a sentence.
NEAR_TOLERANCE = 0.10


def length_status(
    value: int, target: int | None, tolerance: float = NEAR_TOLERANCE
) -> LengthStatus:
    """Return where ``value`` stands against ``target``: none (no target), under, near or over."""
    if not target or target <= 0:
        return "none"
    if value < target * (1 - tolerance):
        return "under"
    if value > target * (1 + tolerance):
        return "over"
    return "near"


@dataclass(frozen=True)
class LengthInfo:
    """One measured length against its target; ``unit`` is "words" or "characters"."""

    field: str
    unit: str
    value: int
    target: int | None
    status: LengthStatus

    @property
    def ratio(self) -> float | None:
        """Return value / target (for drawing the bar), or None without a target."""
        return self.value / self.target if self.target else None


@dataclass(frozen=True)
class LengthReport:
    """The lengths a length bar shows: article words, headline and lead characters."""

    words: LengthInfo
    headline: LengthInfo
    lead: LengthInfo

    @property
    def items(self) -> tuple[LengthInfo, LengthInfo, LengthInfo]:
        return (self.words, self.headline, self.lead)


def article_words(lead: str, body: str) -> int:
    """Count an article's words as the store does: the lead's and the body text's syllables."""
    return word_count(lead) + word_count(body_md.plain_text(body))


def _info(field: str, unit: str, value: int, target: int | None) -> LengthInfo:
    return LengthInfo(field, unit, value, target or None, length_status(value, target))


def measure(
    headline: str,
    lead: str,
    words: int,
    *,
    target_words: int | None = None,
    target_headline_chars: int | None = None,
    target_lead_chars: int | None = None,
) -> LengthReport:
    """Measure text being edited (not saved yet) against the article's targets."""
    return LengthReport(
        words=_info("words", "words", words, target_words),
        headline=_info("headline", "characters", char_count(headline), target_headline_chars),
        lead=_info("lead", "characters", char_count(lead), target_lead_chars),
    )


def article_lengths(doc: ArticleDoc) -> LengthReport:
    """Measure a stored article against its targets."""
    return measure(
        doc.headline,
        doc.lead,
        doc.word_count,
        target_words=doc.target_words,
        target_headline_chars=doc.target_headline_chars,
        target_lead_chars=doc.target_lead_chars,
    )
