"""Issue 17 figures: headline, byline, date and section from real news pages, beside trafilatura.

    python bench/bench_import_quality.py [--quick] [--json FILE] [--misses] [--language vi]

Runs our importer (registry.parse_file, what `newsroom import` and the import dialog use) and
trafilatura's metadata extraction (extract_metadata) on the corpus in tests/data/pages, and
prints per field how many pages each gets right, wrong (a value that is not the page's) and
empty (nothing where the page has a value), then the same per kind of page, for the pages the
importer's rules were tuned on and for those held out of tuning, and per language.
Targets: headline right >= 95 %, byline right >= 85 % with wrong <= 3 %, date right >= 90 %,
ahead of trafilatura on every field. trafilatura reads HTML only: on pasted text it counts as
finding nothing. --quick takes every fourth page; --misses lists what each tool got wrong.
--readability DIR measures on Mozilla Readability's test pages instead (kept out of the
corpus as an independent check): their expected titles keep site names and their bylines are
often site names, so there the list of misses says more than the percentages.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.importers.corpus import (
    FIELDS,
    Found,
    Page,
    Tally,
    clean,
    load_pages,
    ours,
    page_bytes,
    score,
)


def ours_on(page: Page, path: Path) -> Found:
    return ours(path)


def trafilatura_on(page: Page, path: Path) -> Found:
    """Return trafilatura's metadata for a saved page (nothing for pasted text: HTML only)."""
    from trafilatura import extract_metadata

    if page.kind != "html":
        return Found()
    try:
        meta = extract_metadata(page_bytes(page))  # bytes: trafilatura finds the encoding
    except Exception as exc:
        return Found(error=f"{type(exc).__name__}: {exc}")
    if meta is None:
        return Found()
    date = (meta.date or "")[:10]
    return Found(
        headline=meta.title or "",
        byline=meta.author or "",
        date=date,
        section=(meta.categories or [""])[0],
    )


def row(label: str, tally: Tally) -> str:
    cells = []
    for name in FIELDS:
        right, wrong, empty = (100 * tally.share(name, r) for r in ("right", "wrong", "empty"))
        cells.append(f"{right:5.1f} {wrong:4.1f} {empty:4.1f}")
    return f"{label:<30}" + " | ".join(cells)


def _tally(outcomes: list[dict[str, str]]) -> dict[str, object]:
    tally = Tally()
    for one in outcomes:
        tally.add(one)
    return tally.as_dict()


def header() -> str:
    names = " | ".join(f"{name:<15}" for name in FIELDS)
    units = " | ".join(f"{'right wrong empty':<15}" for _ in FIELDS)
    return f"{'% of pages':<30}{names}\n{'':<30}{units}"


def report(pages: list[Page], show_misses: bool) -> dict[str, object]:
    started = time.perf_counter()
    our_total, our_languages, our_results = score(pages, ours_on)
    our_seconds = time.perf_counter() - started
    started = time.perf_counter()
    lib_total, lib_languages, lib_results = score(pages, trafilatura_on)
    lib_seconds = time.perf_counter() - started
    languages = sorted({p.language for p in pages})
    sites = {p.site for p in pages}
    print(f"{len(pages)} pages, {len(sites)} sites, {len(languages)} languages")
    print(header())
    print(row("newsroom importer", our_total))
    print(row("trafilatura metadata", lib_total))
    groups = [
        (kind, lambda p, kind=kind: p.kind == kind) for kind in sorted({p.kind for p in pages})
    ]
    groups += [("tuned on", lambda p: not p.holdout), ("held out", lambda p: p.holdout)]
    for group, chosen in groups:
        count = sum(1 for p in pages if chosen(p))
        for label, results in (("ours", our_results), ("trafilatura", lib_results)):
            tally = Tally()
            for page, _found, outcomes in results:
                if chosen(page):
                    tally.add(outcomes)
            print(row(f"  {group} ({count}) {label}", tally))
    print("right per language, ours / trafilatura (pages):")
    for language in languages:
        ours_tally, lib_tally = our_languages[language], lib_languages[language]
        cells = " | ".join(
            f"{name} {ours_tally.counts[name]['right']:>3}/{lib_tally.counts[name]['right']:<3}"
            for name in FIELDS
        )
        print(f"  {language:<3}({ours_tally.pages:>3})  {cells}")
    print(f"time: ours {our_seconds:.1f} s, trafilatura {lib_seconds:.1f} s")
    if show_misses:
        for label, results in (("ours", our_results), ("trafilatura", lib_results)):
            print(f"\n-- {label}: not right")
            for page, found, outcomes in results:
                for name in FIELDS:
                    if outcomes[name] != "right":
                        expected = clean(getattr(page, name))
                        got = clean(getattr(found, name)) or found.error
                        print(
                            f"{page.file} {name} {outcomes[name]}: "
                            f"{got[:80]!r} <> {expected[:80]!r}"
                        )
    return {
        "pages": len(pages),
        "sites": len(sites),
        "languages": languages,
        "ours": our_total.as_dict(),
        "trafilatura": lib_total.as_dict(),
        "held_out": {
            "ours": _tally([o for p, _f, o in our_results if p.holdout]),
            "trafilatura": _tally([o for p, _f, o in lib_results if p.holdout]),
        },
        "by_language": {
            lang: {
                "ours": our_languages[lang].as_dict(),
                "trafilatura": lib_languages[lang].as_dict(),
            }
            for lang in languages
        },
        "seconds": {"ours": round(our_seconds, 2), "trafilatura": round(lib_seconds, 2)},
    }


def readability_pages(folder: Path) -> list[Page]:
    """Return Readability's test pages with its expected title, byline and date.

    They stay outside the corpus, an independent check that no rule was tuned on. Their
    expectations follow Readability's conventions (a site name as the byline, no section):
    read the headline and date columns.
    """
    pages = []
    for page_dir in sorted(p for p in folder.iterdir() if (p / "source.html").is_file()):
        meta_file = page_dir / "expected-metadata.json"
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
        pages.append(
            Page(
                file=f"readability-{page_dir.name}.html",
                kind="html",
                site=page_dir.name,
                language=(meta.get("lang") or "xx")[:2].lower(),
                headline=clean(meta.get("title") or ""),
                byline=clean(meta.get("byline") or ""),
                date=(meta.get("publishedTime") or "")[:10],
                section="",
                location=str(page_dir / "source.html"),
            )
        )
    print(f"Readability's test pages in {folder}: their expectations, their conventions")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every fourth page only")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--misses", action="store_true", help="list every field not right")
    parser.add_argument("--language", help="only the pages in this language (e.g. vi)")
    parser.add_argument(
        "--readability",
        type=Path,
        metavar="DIR",
        help="instead, Mozilla Readability's test pages (DIR = test/test-pages of a checkout)",
    )
    args = parser.parse_args()
    if importlib.util.find_spec("trafilatura") is None:
        raise SystemExit(
            "bench_import_quality: trafilatura is not installed; install the bench extras "
            "(pip install -e '.[bench]', as make bench does)"
        )
    pages = readability_pages(args.readability) if args.readability else load_pages()
    if args.language:
        pages = [p for p in pages if p.language == args.language]
    if args.quick:
        pages = pages[::4]
    figures = report(pages, args.misses)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
