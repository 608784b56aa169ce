"""The real-page corpus: whole and well-formed, and our importer above a floor on it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from tests.importers.corpus import (
    FIELDS,
    PAGES,
    README,
    Found,
    Page,
    load_pages,
    ours,
    outcome,
    page_bytes,
    score,
)

# What the importer reached on the corpus (302 pages) when this floor was set (right, as a
# share of the pages; wrong as a ceiling): 96.0 / 4.0 headline, 88.4 / 3.0 byline, 99.0 / 0
# date, 70.9 / 7.9 section. Issue 17's targets are headline right >= 95 %, byline right >= 85 %
# with wrong <= 3 %, date right >= 90 %. Raise them as the importer gets better; never lower them.
FLOOR_RIGHT = {"headline": 0.95, "byline": 0.88, "date": 0.98, "section": 0.70}
CEILING_WRONG = {"headline": 0.05, "byline": 0.03, "date": 0.01, "section": 0.08}


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return load_pages()


def test_every_file_has_expectations_and_every_expectation_a_file(pages: list[Page]) -> None:
    listed = {p.file for p in pages}
    on_disk = {p.name for p in PAGES.iterdir() if p.suffix in {".gz", ".txt"}}
    assert listed == on_disk
    assert len(listed) == len(pages), "a page is listed twice"


def test_the_corpus_is_as_broad_as_issue_17_asks(pages: list[Page]) -> None:
    assert len(pages) >= 290
    assert len({p.site for p in pages}) >= 40
    assert len({p.language for p in pages}) >= 5
    assert {"vi", "en"} <= {p.language for p in pages}
    assert {p.kind for p in pages} == {"html", "pasted"}
    assert sum(p.holdout for p in pages) >= 70
    assert sum(p.kind == "pasted" and p.language == "vi" for p in pages) >= 2


def test_every_page_loads_and_shows_its_headline(pages: list[Page]) -> None:
    for page in pages:
        data = page_bytes(page)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:  # a few older pages are in Windows-1252 / Latin-1
            text = data.decode("cp1252", "replace")
        if page.kind == "html":
            assert re.search(r"<html|<head|<body", text, re.IGNORECASE), page.file
        # The expected headline is on the page (HTML escapes and line wrapping aside).
        words = [w for w in page.headline.split() if w.isalnum()][:2]
        assert all(w in text for w in words), (page.file, words)


def test_expectations_are_well_formed(pages: list[Page]) -> None:
    for page in pages:
        assert page.headline.strip(), page.file
        assert page.kind in {"html", "pasted"}, page.file
        assert re.fullmatch(r"[a-z]{2}", page.language), page.file
        assert page.source.get("repo") and page.source.get("license"), page.file
        if page.date:
            assert date.fromisoformat(page.date).year >= 2000, page.file
        for name in FIELDS:
            value = getattr(page, name)
            assert value == " ".join(value.split()), (page.file, name)


def test_the_readme_lists_every_page_with_its_source(pages: list[Page]) -> None:
    readme = README.read_text(encoding="utf-8")
    for page in pages:
        row = next((line for line in readme.splitlines() if f"`{page.file}`" in line), "")
        assert page.source["repo"] in row, page.file


def test_the_scoring_counts_a_wrong_value_apart_from_an_empty_one() -> None:
    page = Page(
        file="x.html.gz",
        kind="html",
        site="example.org",
        language="vi",
        headline="Cầu Ninh Kiều thông xe",
        byline="Anh Minh và Lê Phương",
        date="2023-11-02",
        section="Thời sự",
        date_also=("2023-11-01",),
    )
    assert outcome(page, "byline", Found(byline="Lê Phương, Anh Minh")) == "right"
    assert outcome(page, "byline", Found(byline="Anh Minh")) == "wrong"
    assert outcome(page, "byline", Found()) == "empty"
    assert outcome(page, "headline", Found(headline="Cầu  Ninh Kiều thông xe ")) == "right"
    assert outcome(page, "headline", Found(headline="cầu Ninh Kiều thông xe")) == "wrong"
    assert outcome(page, "date", Found(date="2023-11-01")) == "right"
    assert outcome(page, "date", Found(date="2023-11-03")) == "wrong"
    assert outcome(page, "section", Found(section="Kinh doanh")) == "wrong"
    no_byline = replace(page, byline="")
    assert outcome(no_byline, "byline", Found()) == "right"
    assert outcome(no_byline, "byline", Found(byline="VnExpress")) == "wrong"


@pytest.mark.slow
def test_our_importer_stays_above_its_floor_on_the_corpus(pages: list[Page]) -> None:
    total, _languages, _results = score(pages, lambda _page, path: ours(path))
    for name in FIELDS:
        assert total.share(name, "right") >= FLOOR_RIGHT[name], (name, total.counts[name])
        assert total.share(name, "wrong") <= CEILING_WRONG[name], (name, total.counts[name])
