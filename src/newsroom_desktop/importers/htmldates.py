"""A saved page's dates: published and updated, from metadata, marked times and date lines."""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from typing import Any

from lxml.html import HtmlElement

from newsroom_desktop.core.text import clean_line
from newsroom_desktop.importers.datelines import find_date, parse_dateline, parse_iso
from newsroom_desktop.importers.htmlmeta import (
    TITLE_SEPARATORS_RE,
    PageFacts,
    first_text,
    ld_kinds,
    meta_first,
)

_PUBLISHED_KEYS = (
    "article:published_time", "datepublished", "og:published_time", "published_time",
    "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "dc.date.created", "date", "article.published", "article_date_original",
)  # fmt: skip
_MODIFIED_KEYS = (
    "article:modified_time", "datemodified", "og:updated_time", "modified_time",
    "dcterms.modified", "dc.date.modified", "last-modified", "article.updated",
)  # fmt: skip


def _ld_date(facts: PageFacts, ld: dict[str, Any], *keys: str) -> str:
    """Return the article's date under ``keys``, else the page's (a WebPage object's)."""
    for obj in (ld, *(o for o in facts.ld if ld_kinds(o) & _PAGE_TYPES)):
        for key in keys:
            value = first_text(obj.get(key))
            if value:
                return value
    return ""


_PAGE_TYPES = frozenset({"WebPage", "ItemPage"})


def published_of(facts: PageFacts, ld: dict[str, Any], zone: tzinfo) -> datetime | None:
    """Return when the article was first published, from metadata or a marked <time>."""
    moment = parse_iso(_ld_date(facts, ld, "datePublished", "dateCreated"), zone)
    for key in _PUBLISHED_KEYS:
        if moment is not None:
            break
        moment = _metadata_date(meta_first(facts, key), zone)
    for value, mark in facts.times:
        if moment is None and re.search(r"publish|pubdate|created|posted", mark, re.IGNORECASE):
            moment = parse_iso(value, zone)
    return moment


def modified_of(facts: PageFacts, ld: dict[str, Any], zone: tzinfo) -> datetime | None:
    """Return when the article was last updated, if the page says."""
    moment = parse_iso(_ld_date(facts, ld, "dateModified"), zone)
    for key in _MODIFIED_KEYS:
        if moment is not None:
            break
        moment = _metadata_date(meta_first(facts, key), zone)
    return moment


def _metadata_date(value: str, zone: tzinfo) -> datetime | None:
    if not value or len(value) > 80:
        return None
    return parse_iso(value, zone) if any(ch.isdigit() for ch in value) else None


def shown_time(facts: PageFacts, zone: tzinfo) -> datetime | None:
    """Return the first <time datetime> the page shows, else a date line marked as one."""
    for value, _mark in facts.times:
        moment = parse_iso(value, zone)
        if moment is not None:
            return moment
    for text in facts.shown_dates:
        found = find_date(text, zone)
        if found is not None:
            return found.moment
    return None


def title_date(facts: PageFacts, zone: tzinfo) -> datetime | None:
    """Return a date the page's <title> carries ("Headline | DW | 23.05.2011"), if any."""
    parts = TITLE_SEPARATORS_RE.split(facts.title)
    for part in parts[1:]:
        moment = parse_dateline(part, zone)
        if moment is not None:
            return moment
    return None


def date_near_headline(tree: HtmlElement, zone: tzinfo) -> datetime | None:
    """Return a date line shown just after the first <h1>, if there is one."""
    heading = next(tree.iterfind(".//h1"), None)
    if heading is None:
        return None
    for count, element in enumerate(heading.itersiblings()):
        text = clean_line(element.text_content())
        if len(text) <= 120:
            moment = parse_dateline(text, zone)
            found = find_date(text, zone) if moment is None else None
            if moment is None and found is not None and len(found.rest) <= 40:
                moment = found.moment
            if moment is not None:
                return moment
        if count >= 4:
            break
    return None
