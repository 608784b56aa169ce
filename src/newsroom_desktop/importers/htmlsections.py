"""A saved page's section: its metadata, else a breadcrumb one step below home."""

from __future__ import annotations

import re
from typing import Any

from newsroom_desktop.core.text import fold
from newsroom_desktop.importers.htmlmeta import (
    MAX_SECTION_CHARS,
    PageFacts,
    first_text,
    is_site_name,
    ld_kinds,
    meta_first,
    similarity,
    site_names,
)

_SECTION_KEYS = ("article:section", "parsely-section", "section", "article-section", "category")


def section_of(facts: PageFacts, ld: dict[str, Any], headline: str) -> str:
    """Return the section: article:section, JSON-LD articleSection, else the breadcrumb."""
    section = first_text(ld.get("articleSection")) or meta_first(facts, *_SECTION_KEYS)
    if section:
        return _readable_section(section, facts)
    return _crumb_section(facts, headline)


def _readable_section(section: str, facts: PageFacts) -> str:
    """Return a section value as a reader would name it, or "" when it names none.

    A list of sections is no one section; "Politics > Elections" is Politics; a label every
    page has ("News", "Featured") or the site's name is none; capitals and URL slugs are
    written as the page's own link to the section writes them.
    """
    if "," in section or ";" in section:
        return ""
    section = re.split(r"\s*[>»›|]\s*", section)[0]
    if fold(section) in _GENERIC_SECTIONS or is_site_name(section, site_names(facts)):
        return ""
    if section.isupper():
        shown = facts.links.get(fold(section), section)
        return section if shown.isupper() else shown
    if _SLUG_RE.match(section):
        # "ciencia" is the section's slug from the URL: the page's own link says "Ciencia".
        return facts.links.get(fold(re.sub(r"[-_]", " ", section)), "")
    if len(section) <= MAX_SECTION_CHARS and not section.startswith(("http://", "https://")):
        return section
    return ""


def _crumb_section(facts: PageFacts, headline: str) -> str:
    # A breadcrumb names the section only when it is one step below home: deeper trails mix
    # sections, regions and topics, and a wrong section is worse than none.
    for trail in [_ld_crumbs(facts), *facts.crumbs]:
        crumbs = [c for c in trail if c and similarity(c, headline) < 0.5]
        crumbs = list(dict.fromkeys(c for c in crumbs if fold(c) not in _HOME_CRUMBS))
        if (
            len(crumbs) == 1
            and len(crumbs[0]) <= MAX_SECTION_CHARS
            and not _COUNT_TAIL_RE.search(crumbs[0])
        ):
            return crumbs[0]
        if crumbs:
            return ""
    return ""


_SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_COUNT_TAIL_RE = re.compile(r"\d|[:>»›]$")


_GENERIC_SECTIONS = frozenset(
    {"news", "featured", "noticias", "actualite", "actualites", "nachrichten", "daily", "home",
     "top", "latest", "headlines", "article", "articles", "a la une", "une", "general", "blog",
     "uncategorized", "destacado", "destacados", "nieuws", "notizie", "новости",
     "tin tuc", "tin moi", "post", "posts", "story", "stories", "default", "main"}
)  # fmt: skip
_HOME_CRUMBS = frozenset({"home", "trang chu", "trang nha", "startseite", "accueil", "inicio",
                          "home page", "homepage", "news", "tin tuc"})  # fmt: skip


def _ld_crumbs(facts: PageFacts) -> list[str]:
    for obj in facts.ld:
        if "BreadcrumbList" in ld_kinds(obj):
            items = obj.get("itemListElement")
            if isinstance(items, list):
                names = []
                for item in items[:20]:
                    if isinstance(item, dict):
                        inner = item.get("item")
                        named = item.get("name") or (
                            inner.get("name") if isinstance(inner, dict) else ""
                        )
                        names.append(first_text(named))
                return names
    return []
