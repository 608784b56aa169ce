"""The proofing service: the newsroom's dictionary and house style in the store, and proofs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from newsroom_desktop.core.articles import ArticleService
from newsroom_desktop.core.context import CoreContext
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import ValidationError, WorkflowError
from newsroom_desktop.core.models import HouseSetting, NewsroomWord, utcnow
from newsroom_desktop.core.proofing.findings import Finding
from newsroom_desktop.core.proofing.house import HouseStyle, checked, from_rows, to_rows
from newsroom_desktop.core.proofing.proofer import Proofer, accepted_words, proof_doc
from newsroom_desktop.core.proofing.speller import Speller, load_speller
from newsroom_desktop.core.proofing.words import WORD_RE
from newsroom_desktop.core.text import clean_line

MAX_WORD_CHARS = 100
MAX_WORDS = 100_000


@dataclass(frozen=True)
class Proof:
    """An article's findings, and what could not be checked (a dictionary that is missing)."""

    article_id: str
    language: str
    findings: tuple[Finding, ...]
    missing: str = ""


def clean_word(word: str) -> str:
    """Return ``word`` as the newsroom dictionary keeps it (NFC, one line), or raise."""
    cleaned = clean_line(word)
    if not cleaned or not WORD_RE.search(cleaned):
        raise ValidationError("A dictionary word needs letters.", code="word_empty")
    if len(cleaned) > MAX_WORD_CHARS:
        raise ValidationError(
            f"A dictionary word is at most {MAX_WORD_CHARS} characters.", code="word_too_long"
        )
    return cleaned


class ProofingService:
    """Reads and changes the newsroom's words and house style; proofreads articles."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx
        self._spellers: dict[str, Speller] = {}
        # The newsroom's words as last read, and what they accept: an article opens with the
        # words read again (cheap) but not prepared again unless they changed.
        self._accepted: tuple[list[str], frozenset[str]] = ([], frozenset())

    # --- the newsroom dictionary --------------------------------------------------------

    def words(self) -> list[str]:
        """Return the newsroom dictionary's words, sorted."""
        with self.ctx.store.read() as session:
            return sorted(session.scalars(select(NewsroomWord.word)))

    def add_word(self, word: str) -> str:
        """Add ``word`` to the newsroom dictionary (no-op if there); return it as kept."""
        cleaned = clean_word(word)
        with self.ctx.store.write() as session:
            if session.get(NewsroomWord, cleaned) is None:
                count = len(session.scalars(select(NewsroomWord.word).limit(MAX_WORDS)).all())
                if count >= MAX_WORDS:
                    raise ValidationError(
                        f"The newsroom dictionary holds {MAX_WORDS:,} words at most.",
                        code="words_full",
                    )
                session.add(NewsroomWord(word=cleaned, added_by=self.ctx.actor.name))
        return cleaned

    def remove_word(self, word: str) -> bool:
        """Take ``word`` out of the newsroom dictionary; False if it was not there."""
        with self.ctx.store.write() as session:
            gone = session.execute(
                delete(NewsroomWord).where(NewsroomWord.word == clean_line(word))
            )
            return bool(getattr(gone, "rowcount", 0))

    # --- the house style ----------------------------------------------------------------

    def house(self) -> HouseStyle:
        """Return the newsroom's house style (the defaults where it has chosen nothing)."""
        with self.ctx.store.read() as session:
            rows = {row.key: row.value for row in session.scalars(select(HouseSetting))}
        return from_rows(rows)

    def set_house(self, style: HouseStyle) -> None:
        """Keep ``style`` as the newsroom's house style (editors only)."""
        if not self.ctx.actor.is_editor:
            raise WorkflowError(
                "Only an editor changes the house style.", code="house_style_editors_only"
            )
        rows = to_rows(checked(style))
        with self.ctx.store.write() as session:
            for key, value in rows.items():
                row = session.get(HouseSetting, key)
                if row is None:
                    session.add(HouseSetting(key=key, value=value))
                elif row.value != value:
                    row.value = value
                    row.changed_at = utcnow()

    # --- proofreading -------------------------------------------------------------------

    def speller(self, language: str) -> Speller:
        """Return the (cached) speller of ``language``."""
        if language not in self._spellers:
            self._spellers[language] = load_speller(language)
        return self._spellers[language]

    def proofer(self, language: str) -> Proofer:
        """Return a proofer of ``language`` with the newsroom's words and house style now."""
        words = self.words()
        if words != self._accepted[0]:
            self._accepted = (words, accepted_words(words))
        return Proofer.with_accepted(self.speller(language), self.house(), self._accepted[1])

    def proof_doc(self, doc: ArticleDoc) -> Proof:
        """Return the spelling and style findings of ``doc`` in its language."""
        proofer = self.proofer(doc.language)
        found = proof_doc(doc, proofer)
        return Proof(doc.id, doc.language, tuple(found), proofer.speller.missing)

    def proof(self, article_id: str) -> Proof:
        """Return the findings of the article ``article_id`` (an id or a unique prefix)."""
        return self.proof_doc(ArticleService(self.ctx).get(article_id))
