"""The real-page corpus (tests/data/pages): load it, import each page, score the fields.

Shared by tests/importers/test_corpus.py (well-formed, and a floor under our figures) and
bench/bench_import_quality.py (our figures beside trafilatura's).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.importers.registry import parse_file

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
EXPECTED = PAGES / "expected.json"
README = PAGES / "README.md"
FIELDS = ("headline", "byline", "date", "section")
OUTCOMES = ("right", "wrong", "empty")

# Between names in a byline: the joiners of the corpus's languages. Both sides are split the
# same way, so a joiner that is also part of a name ("José Volta e Pinto") still compares equal.
_JOINERS = re.compile(
    r"\s*(?:[,;&/|·・、，]|\s(?:and|y|et|und|e|i|a|và|ve|og|och|en|и|і)\s)\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class Page:
    """One corpus page and what a reader finds on it, written by hand."""

    file: str
    kind: str  # "html" (saved page, gzipped) or "pasted" (a reader's copy, plain text)
    site: str
    language: str
    headline: str
    byline: str
    date: str  # YYYY-MM-DD, or "" when the page shows none
    section: str
    headline_also: tuple[str, ...] = ()  # other headlines a reader would accept (a kicker)
    date_also: tuple[str, ...] = ()  # the UTC day, when the page writes a UTC moment
    section_also: tuple[str, ...] = ()  # another level of the page's breadcrumb
    holdout: bool = False  # kept out of tuning the importer: the check that its rules hold
    source: dict[str, str] = field(default_factory=dict)
    location: str = ""  # a page kept outside the corpus (an independent check), else ""

    @property
    def path(self) -> Path:
        return Path(self.location) if self.location else PAGES / self.file


@dataclass(frozen=True)
class Found:
    """The four fields one tool took from one page ("" when it found nothing)."""

    headline: str = ""
    byline: str = ""
    date: str = ""  # YYYY-MM-DD, the day in the found moment's own offset
    section: str = ""
    error: str = ""


def load_pages() -> list[Page]:
    """Return the corpus pages listed in expected.json, in its order."""
    raw = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return [
        Page(
            file=entry["file"],
            kind=entry["kind"],
            site=entry["site"],
            language=entry["language"],
            headline=entry["headline"],
            byline=entry["byline"],
            date=entry["date"],
            section=entry["section"],
            headline_also=tuple(entry.get("headline_also", ())),
            date_also=tuple(entry.get("date_also", ())),
            section_also=tuple(entry.get("section_also", ())),
            holdout=bool(entry.get("holdout", False)),
            source=dict(entry.get("source", {})),
        )
        for entry in raw["pages"]
    ]


def page_bytes(page: Page) -> bytes:
    """Return the page as saved or pasted (HTML pages are stored gzipped)."""
    data = page.path.read_bytes()
    return gzip.decompress(data) if page.file.endswith(".gz") else data


@contextmanager
def materialized(pages: Iterable[Page]) -> Iterator[dict[str, Path]]:
    """Write each page as the file a user would import (page.html, page.txt); yield the paths."""
    folder = Path(tempfile.mkdtemp(prefix="newsroom-corpus-"))
    try:
        paths = {}
        for page in pages:
            name = page.file.removesuffix(".gz")
            target = folder / name
            target.write_bytes(page_bytes(page))
            paths[page.file] = target
        yield paths
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clean(text: str) -> str:
    """Return ``text`` with its whitespace collapsed, in NFC."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def names(byline: str) -> frozenset[str]:
    """Return the set of names in a byline (order and joiners ignored)."""
    return frozenset(part for part in (clean(p) for p in _JOINERS.split(clean(byline))) if part)


def ours(path: Path) -> Found:
    """Import one page the way `newsroom import` does; return the four fields."""
    try:
        article = parse_file(path)
    except ImportFailedError as exc:
        return Found(error=str(exc))
    moment = article.created_at or article.updated_at
    return Found(
        headline=article.headline,
        byline=article.byline,
        date=moment.date().isoformat() if moment else "",
        section=article.section,
    )


def outcome(page: Page, name: str, found: Found) -> str:
    """Return "right", "wrong" or "empty" for one field of one page."""
    expected = getattr(page, name)
    value = clean(getattr(found, name))
    if not value:
        return "right" if not expected else "empty"
    if name == "headline":
        return "right" if value in {clean(h) for h in (expected, *page.headline_also)} else "wrong"
    if name == "byline":
        return "right" if expected and names(value) == names(expected) else "wrong"
    if name == "date":
        return "right" if value in {expected, *page.date_also} - {""} else "wrong"
    return "right" if value in {clean(s) for s in (expected, *page.section_also) if s} else "wrong"


@dataclass
class Tally:
    """Right, wrong and empty counts per field over a set of pages."""

    pages: int = 0
    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {f: dict.fromkeys(OUTCOMES, 0) for f in FIELDS}
    )

    def add(self, outcomes: dict[str, str]) -> None:
        self.pages += 1
        for name, result in outcomes.items():
            self.counts[name][result] += 1

    def share(self, name: str, result: str) -> float:
        return self.counts[name][result] / self.pages if self.pages else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "fields": self.counts}


def score(
    pages: Iterable[Page], extract: Callable[[Page, Path], Found]
) -> tuple[Tally, dict[str, Tally], list[tuple[Page, Found, dict[str, str]]]]:
    """Run ``extract`` on every page; return the total tally, one per language, and each result."""
    pages = list(pages)
    total = Tally()
    by_language: dict[str, Tally] = {}
    results = []
    with materialized(pages) as paths:
        for page in pages:
            found = extract(page, paths[page.file])
            outcomes = {name: outcome(page, name, found) for name in FIELDS}
            total.add(outcomes)
            by_language.setdefault(page.language, Tally()).add(outcomes)
            results.append((page, found, outcomes))
    return total, by_language, results
