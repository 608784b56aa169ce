"""A saved news page or an HTML fragment: the article without the site around it."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
from newsroom_desktop.core.text import clean_line
from newsroom_desktop.importers.base import DEFAULT_TZ, failed, read_text
from newsroom_desktop.importers.datelines import parse_dateline, parse_iso
from newsroom_desktop.importers.htmlblocks import html_blocks, sanitize
from newsroom_desktop.importers.outline import ImageResolver, PageMeta, assemble

log = logging.getLogger(__name__)

NEWS_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
     "OpinionNewsArticle", "ReviewNewsArticle"}
)  # fmt: skip
MAX_JSON_LD_CHARS = 200_000
# Below this much text a document is a fragment: all of it is the article.
MIN_PAGE_TEXT = 500


def _parser() -> lxml_html.HTMLParser:
    # HTML has no external entities to fetch, but say so anyway: no network, no huge trees.
    # The text is already decoded; giving lxml UTF-8 bytes lets it skip any <?xml encoding?>.
    return lxml_html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )


def _meta(tree: HtmlElement, *keys: str) -> str:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            for element in tree.iterfind(f".//meta[@{attr}='{key}']"):
                value = clean_line(element.get("content") or "")
                if value:
                    return value
    return ""


def _meta_all(tree: HtmlElement, key: str) -> tuple[str, ...]:
    values = (
        clean_line(e.get("content") or "") for e in tree.iterfind(f".//meta[@property='{key}']")
    )
    return tuple(v for v in values if v)


def _json_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _json_objects(data.get("@graph", []))


def json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    """Return the page's JSON-LD NewsArticle (or Article) object, or {}."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        for obj in _json_objects(data):
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(k in NEWS_TYPES for k in kinds if isinstance(k, str)):
                return obj
    return {}


def _names(value: Any) -> str:
    """Return the author names of a JSON-LD author value (string, object or list)."""
    if isinstance(value, str):
        return clean_line(value)
    if isinstance(value, dict):
        return clean_line(str(value.get("name") or ""))
    if isinstance(value, list):
        return ", ".join(n for n in (_names(v) for v in value[:6]) if n)
    return ""


def _words(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    if isinstance(value, list):
        return tuple(clean_line(str(v)) for v in value[:50] if isinstance(v, str) and v.strip())
    return ()


def _first_text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return clean_line(value) if isinstance(value, str) else ""


def _visible_date(tree: HtmlElement, zone: tzinfo) -> datetime | None:
    """Return the page's shown date: a <time datetime>, else a date line near the headline."""
    for element in tree.iterfind(".//time[@datetime]"):
        moment = parse_iso(element.get("datetime") or "", zone)
        if moment is not None:
            return moment
    heading = next(tree.iterfind(".//h1"), None)
    if heading is None:
        return None
    for count, element in enumerate(heading.itersiblings()):
        text = clean_line(element.text_content())
        moment = parse_dateline(text, zone) if len(text) <= 80 else None
        if moment is not None or count > 4:
            return moment
    return None


def _open_graph_title(tree: HtmlElement) -> str:
    """Return og:title, without the site name some pages append ("… - VnExpress"), else <h1>."""
    h1 = next(tree.iterfind(".//h1"), None)
    shown = clean_line(h1.text_content()) if h1 is not None else ""
    og = _meta(tree, "og:title", "twitter:title")
    if shown and og.casefold().startswith(shown.casefold()):
        return shown
    return og or shown


def page_meta(tree: HtmlElement, zone: tzinfo) -> PageMeta:
    """Read the page's own metadata: JSON-LD first, then Open Graph, then what it shows."""
    ld = json_ld_article(tree)
    # What a reader sees has no code in it: the text of <h1> or <title> never includes scripts.
    etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    title = tree.find(".//title")
    headline = (
        _first_text(ld.get("headline"))
        or _open_graph_title(tree)
        or (clean_line(title.text_content()) if title is not None else "")
    )
    published = parse_iso(_first_text(ld.get("datePublished")) or _meta(
        tree, "article:published_time", "datePublished", "pubdate"), zone)  # fmt: skip
    modified = parse_iso(_first_text(ld.get("dateModified")) or _meta(
        tree, "article:modified_time", "dateModified", "og:updated_time"), zone)  # fmt: skip
    author = _names(ld.get("author")) or _meta(tree, "author", "article:author")
    language = (tree.get("lang") or "").lower()[:2]
    return PageMeta(
        headline=headline,
        section=_first_text(ld.get("articleSection")) or _meta(tree, "article:section"),
        byline="" if author.startswith(("http://", "https://")) else author,
        description=_first_text(ld.get("description"))
        or _meta(tree, "og:description", "description"),
        tags=_words(ld.get("keywords"))
        or _meta_all(tree, "article:tag")
        or _words(_meta(tree, "news_keywords")),
        updated_at=modified or published or _visible_date(tree, zone),
        created_at=published,
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
