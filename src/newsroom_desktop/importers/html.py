"""A saved news page or an HTML fragment: the article without the site around it."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
from newsroom_desktop.core.text import clean_line
from newsroom_desktop.importers import htmldates, htmlmeta, htmlsections
from newsroom_desktop.importers.base import DEFAULT_TZ, failed, read_text
from newsroom_desktop.importers.htmlblocks import html_blocks, sanitize
from newsroom_desktop.importers.outline import ImageResolver, PageMeta, assemble

log = logging.getLogger(__name__)

# Below this much text a document is a fragment: all of it is the article.
MIN_PAGE_TEXT = 500


def _parser() -> lxml_html.HTMLParser:
    # HTML has no external entities to fetch, but say so anyway: no network, no huge trees.
    # The text is already decoded; giving lxml UTF-8 bytes lets it skip any <?xml encoding?>.
    return lxml_html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )


def _meta_all(tree: HtmlElement, key: str) -> tuple[str, ...]:
    values = (
        clean_line(e.get("content") or "") for e in tree.iterfind(f".//meta[@property='{key}']")
    )
    return tuple(v for v in values if v)


def _words(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    if isinstance(value, list):
        return tuple(clean_line(str(v)) for v in value[:50] if isinstance(v, str) and v.strip())
    return ()


def page_meta(tree: HtmlElement, zone: tzinfo) -> PageMeta:
    """Read the page's own metadata, each field weighed across the sources that give it."""
    facts = htmlmeta.gather(tree)
    ld = htmlmeta.ld_article(facts)
    headline = htmlmeta.choose_headline(htmlmeta.headline_candidates(facts, ld))
    section = htmlsections.section_of(facts, ld, headline)
    byline = htmlmeta.byline_of(facts, ld, section)
    published = htmldates.published_of(facts, ld, zone)
    modified = htmldates.modified_of(facts, ld, zone)
    shown = (
        htmldates.shown_time(facts, zone)
        or htmldates.date_near_headline(tree, zone)
        or htmldates.title_date(facts, zone)
    )
    language = (tree.get("lang") or "").lower()[:2]
    return PageMeta(
        headline=headline,
        section=section,
        byline="" if byline == htmlmeta.NEWSROOM else byline,
        site_byline=byline == htmlmeta.NEWSROOM,
        description=htmlmeta.first_text(ld.get("description"))
        or htmlmeta.meta_first(facts, "og:description", "description"),
        tags=_words(ld.get("keywords"))
        or _meta_all(tree, "article:tag")
        or _words(htmlmeta.meta_first(facts, "news_keywords")),
        updated_at=modified or published or shown,
        created_at=published or shown,
        language=language if language in ("vi", "en") else "",
    )


def main_content(markup: str, tree: HtmlElement) -> str:
    """Return the HTML of the article body; a fragment or short page is all article."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    if len(root.text_content()) < MIN_PAGE_TEXT or "<body" not in markup[:200_000].lower():
        return str(etree.tostring(root, encoding="unicode", method="html"))
    from readability import Document  # maintained main-content extractor (readability-lxml)  # noqa: PLC0415 - lazy, for start-up time

    try:
        summary = Document(markup).summary(html_partial=True, keep_all_images=True)
    except Exception:  # readability gives up on odd pages; the whole body is still safe
        log.info("readability found no article; using the whole page body", exc_info=True)
        return str(etree.tostring(root, encoding="unicode", method="html"))
    return str(summary)


def local_images(page_dir: Path) -> ImageResolver:
    """Return a resolver that takes images from files beside the page, never from elsewhere."""
    base = page_dir.resolve()

    def resolve(src: str) -> tuple[ImportedFigure, str]:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            return (
                ImportedFigure(),
                f"The photo {src} is on the web; its figure waits for the photo.",
            )
        try:
            # Links are followed to their real path, which must stay in the page's folder.
            candidate = (base / unquote(parts.path).lstrip("/")).resolve()
            found = candidate.is_file()
        except (OSError, ValueError, RuntimeError):
            # A name too long, or with NUL in it (found by fuzzing); a link loop (RuntimeError
            # before Python 3.13).
            return ImportedFigure(), f"The photo {src[:200]} was not found beside the page."
        if not candidate.is_relative_to(base):
            return (
                ImportedFigure(),
                f"The photo {src[:200]} is outside the page's folder; it was left out.",
            )
        if not found:
            return ImportedFigure(), f"The photo {src[:200]} was not found beside the page."
        return ImportedFigure(image=candidate, image_name=candidate.name), ""

    return resolve


def parse_html(
    markup: str, *, name: str = "the page", page_dir: Path | None = None, zone: tzinfo = DEFAULT_TZ
) -> ImportedArticle:
    """Read a news page (or fragment) into an article."""
    try:
        tree = lxml_html.document_fromstring(markup.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise failed(Path(name), f"it is not an HTML page ({exc})") from exc
    meta = page_meta(tree, zone)
    blocks = html_blocks(sanitize(main_content(markup, tree)))
    resolve = local_images(page_dir) if page_dir is not None else _no_images
    return assemble(blocks, meta, name=name, zone=zone, resolve=resolve)


def _no_images(src: str) -> tuple[ImportedFigure, str]:
    return ImportedFigure(), ""


def parse(path: Path, *, zone: tzinfo = DEFAULT_TZ) -> ImportedArticle:
    """Read a saved HTML page; images beside it come in as the article's photos."""
    markup, warnings = read_text(path)
    if not markup.strip():
        raise failed(path, "the file is empty")
    article = parse_html(markup, name=path.name, page_dir=path.parent, zone=zone)
    return replace(article, source=str(path)).with_warnings(*warnings)
