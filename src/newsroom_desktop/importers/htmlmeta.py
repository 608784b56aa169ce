"""A saved page's own fields: headline, byline, dates and section, weighed source against source."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from itertools import islice
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from newsroom_desktop.core.text import clean_line, fold
from newsroom_desktop.importers import bylines

NEWS_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
     "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "Report",
     "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "SocialMediaPosting", "VideoObject"}
)  # fmt: skip
MAX_JSON_LD_CHARS = 200_000
MAX_JSON_LD_OBJECTS = 200
MAX_META_VALUES = 2000
MAX_FIELD_CHARS = 400
# Elements looked at for bylines and breadcrumbs: a page has a few; a hostile one, millions.
MAX_MARKED_ELEMENTS = 50
MAX_HEADINGS = 20

# Where each headline source stands before agreement is counted: JSON-LD and Open Graph are
# written for machines by the newsroom; <title> carries the site's name; an <h1> outside the
# article is often the masthead.
HEADLINE_WEIGHTS = {
    "json-ld": 3.0, "og:title": 2.5, "h1-article": 2.5, "twitter:title": 1.5, "dc.title": 1.5,
    "parsely-title": 1.5, "sailthru.title": 1.0, "h1": 1.5, "title": 1.0,
}  # fmt: skip
# Between a headline and the site's name. A colon parts them only where the site is named:
# "Tempête Ciaran : Pluie" is one French headline.
TITLE_SEPARATORS_RE = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/|:)\s+|\s*[|｜：]\s*")
_COLONS = (":", "：")
_BRACKET_SUFFIX_RE = re.compile(r"\s*[\[(（【](?P<site>[^\[\]()（）【】]{2,60})[\])）】]\s*$")
_PREFIX_RE = re.compile(r"^(?P<site>[^:]{2,40}):\s+(?P<rest>.+)$")
_MASTHEAD_RE = re.compile(r"logo|brand|masthead|site-?(?:title|name)|navbar|menu", re.IGNORECASE)
_BYLINE_MARK_RE = re.compile(
    r"(?<![a-z])(?:by-?line|author|writer|autor|auteur|reporter|tac-?gia|tacgia|creator|byl)"
    r"(?:s|-?name|_name|-?info)?(?![a-z])",
    re.IGNORECASE,
)
_NOT_BYLINE_MARK_RE = re.compile(
    r"avatar|image|photo|img|bio|description|about|comment|social|share|follow|more|box|list",
    re.IGNORECASE,
)
_DATE_MARK_RE = re.compile(r"date|time|publish|posted|byline|meta|dateline|ngay", re.IGNORECASE)
MAX_SHOWN_DATE_CHARS = 160
NEWSROOM = "\x00newsroom"  # a credit to the site or its staff, not to a person
SITE = "\x00site"  # a credit to the site itself (its name as the author)
_CRUMB_MARK_RE = re.compile(r"breadcrumb|crumbs", re.IGNORECASE)


@dataclass
class PageFacts:
    """What the page's head and markup hold, gathered in one pass over the tree."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    ld: list[dict[str, Any]] = field(default_factory=list)
    h1: list[tuple[str, bool]] = field(default_factory=list)  # text, inside the article
    title: str = ""
    rel_authors: list[str] = field(default_factory=list)
    marked_authors: list[str] = field(default_factory=list)
    crumbs: list[list[str]] = field(default_factory=list)
    times: list[tuple[str, str]] = field(default_factory=list)  # datetime, what marks it
    shown_dates: list[str] = field(default_factory=list)  # short texts marked as dates
    links: dict[str, str] = field(default_factory=dict)  # folded link text -> as shown
    kickers: dict[str, str] = field(default_factory=dict)  # <h1> text -> it without its kicker


def _add(table: dict[str, list[str]], key: str, value: str) -> None:
    # Some sites escape their meta values twice: "&#8220;" in the attribute is a quote mark.
    value = clean_line(unescape(value) if "&" in value else value)[:MAX_FIELD_CHARS]
    if key and value and len(table) < MAX_META_VALUES:
        table.setdefault(key.strip().lower(), []).append(value)


def _classes(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _in_masthead(element: HtmlElement) -> bool:
    return any(
        _MASTHEAD_RE.search(_classes(a)) or a.tag in ("nav", "footer")
        for a in element.iterancestors()
    )


def _inside_article(element: HtmlElement) -> bool:
    return any(
        a.tag in ("article", "main") or a.get("itemprop") == "articleBody"
        or "article" in (a.get("class") or "").lower()
        for a in element.iterancestors()
    )  # fmt: skip


def _text(element: HtmlElement) -> str:
    # Pieces joined with a space: "<b>Jane Doe</b><span>Staff Writer</span>" is two phrases.
    return clean_line(" ".join(islice(element.itertext(), 200)))[:MAX_FIELD_CHARS]


def gather(tree: HtmlElement) -> PageFacts:
    """Collect meta tags, JSON-LD objects, headings, author marks, breadcrumbs and times."""
    facts = PageFacts()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower().strip() == "application/ld+json":
            facts.ld.extend(_ld_objects(script.text or ""))
    # What a reader sees has no code in it: the text of <h1> or <title> never includes scripts.
    etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == "meta":
            content = element.get("content") or ""
            for attr in ("property", "name", "itemprop"):
                _add(facts.meta, element.get(attr) or "", content)
        elif tag == "title" and not facts.title:
            facts.title = _text(element)
        elif tag == "h1" and len(facts.h1) < MAX_HEADINGS and not _in_masthead(element):
            text = clean_line(element.text_content())[:MAX_FIELD_CHARS]
            facts.h1.append((text, _inside_article(element)))
            kicker = _kicker(element)
            if kicker:
                facts.kickers[text] = kicker
        elif tag == "time" and element.get("datetime") and len(facts.times) < MAX_MARKED_ELEMENTS:
            mark = f"{_classes(element)} {element.get('itemprop') or ''}"
            facts.times.append((element.get("datetime") or "", mark))
        else:
            _gather_marks(facts, element)
    return facts


def _kicker(heading: HtmlElement) -> str:
    """Return the <h1>'s text without a kicker set before it ("<span>Nationale Demo</span>Der …").

    A kicker is a first child element, a few words long, with the headline's text after it.
    """
    children = [c for c in heading if isinstance(c.tag, str)]
    if (heading.text or "").strip() or not children or children[0].tag not in _KICKER_TAGS:
        return ""
    kicker = clean_line(children[0].text_content())
    rest = clean_line(
        (children[0].tail or "") + " ".join(c.text_content() + (c.tail or "") for c in children[1:])
    )
    return rest if kicker and len(kicker.split()) <= MAX_KICKER_WORDS and rest else ""


_KICKER_TAGS = frozenset({"span", "small", "strong", "em", "b", "i", "div", "p"})
MAX_KICKER_WORDS = 5


def _gather_marks(facts: PageFacts, element: HtmlElement) -> None:
    if element.tag == "a" and len(facts.links) < MAX_LINKS:
        label = clean_line(element.text or "")
        if 0 < len(label) <= MAX_SECTION_CHARS:
            facts.links.setdefault(fold(label), label)
    rel = (element.get("rel") or "").lower()
    if element.tag == "a" and "author" in rel.split() and len(facts.rel_authors) < 20:
        facts.rel_authors.append(_text(element))
    itemprop = (element.get("itemprop") or "").lower()
    if itemprop in ("author", "creator") and len(facts.marked_authors) < MAX_MARKED_ELEMENTS:
        named = element.find(".//*[@itemprop='name']")
        whole = _text(element)
        if named is not None and not bylines.is_editor_credit(whole):
            facts.marked_authors.append(_text(named))
        else:
            facts.marked_authors.append(whole)  # "Редактор: X" is cleaned to nothing
    elif itemprop in ("datepublished", "datemodified") and element.get("content"):
        _add(facts.meta, itemprop, element.get("content") or "")
    marks = _classes(element)
    if len(facts.shown_dates) < MAX_MARKED_ELEMENTS and _DATE_MARK_RE.search(marks):
        text = _text(element)
        if len(text) <= MAX_SHOWN_DATE_CHARS:
            facts.shown_dates.append(text)
    if (
        len(facts.marked_authors) < MAX_MARKED_ELEMENTS
        and _BYLINE_MARK_RE.search(marks)
        and not _NOT_BYLINE_MARK_RE.search(marks)
        and element.tag not in ("body", "html", "img")
    ):
        facts.marked_authors.append(_text(element))
    if _CRUMB_MARK_RE.search(marks) and len(facts.crumbs) < 5 and element.tag != "li":
        crumbs = [_text(a) for a in islice(element.iter("a", "li", "span"), 20)]
        facts.crumbs.append([c for c in crumbs if c])


_LINE_COMMENT_RE = re.compile(r"^[ \t]*//[^\n]*$", re.MULTILINE)
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")


def _ld_objects(raw: str) -> Iterator[dict[str, Any]]:
    if len(raw) > MAX_JSON_LD_CHARS:
        return
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        # Hand-written JSON-LD has "// comments" and trailing commas: read it without them.
        lenient = _TRAILING_COMMA_RE.sub(r"\1", _LINE_COMMENT_RE.sub("", raw))
        try:
            data = json.loads(lenient)
        except (ValueError, RecursionError):
            return
    found = 0
    stack: list[Any] = [data]
    while stack and found < MAX_JSON_LD_OBJECTS:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item[:MAX_JSON_LD_OBJECTS])
        elif isinstance(item, dict):
            found += 1
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph[:MAX_JSON_LD_OBJECTS])
            main = item.get("mainEntity")
            if isinstance(main, dict):
                stack.append(main)


def ld_kinds(obj: dict[str, Any]) -> set[str]:
    """Return the @type names of a JSON-LD object."""
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k for k in kinds if isinstance(k, str)}


def ld_article(facts: PageFacts) -> dict[str, Any]:
    """Return the page's JSON-LD article object (NewsArticle, Article, ...), or {}."""
    for obj in facts.ld:
        if ld_kinds(obj) & NEWS_TYPES:
            return obj
    return {}


def first_text(value: Any) -> str:
    """Return a JSON-LD value as one line of text (the first of a list)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if not isinstance(value, str):
        return ""
    return clean_line(unescape(value) if "&" in value else value)[:MAX_FIELD_CHARS]


def meta_first(facts: PageFacts, *keys: str) -> str:
    """Return the first meta value found under any of ``keys`` (lower case)."""
    for key in keys:
        for value in facts.meta.get(key, ()):
            if value:
                return value
    return ""


# --- site names and title cleaning ----------------------------------------------------------


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def site_names(facts: PageFacts) -> set[str]:
    """Return the site's names as compact folded strings ("vnexpress", "tuoitreonline")."""
    names = {
        meta_first(facts, "og:site_name"),
        meta_first(facts, "application-name"),
        meta_first(facts, "apple-mobile-web-app-title"),
        meta_first(facts, "twitter:site").lstrip("@"),
        meta_first(facts, "publisher"),
    }
    for obj in facts.ld:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict):
            names.add(first_text(publisher.get("name")))
        if ld_kinds(obj) & {"WebSite", "Organization", "NewsMediaOrganization"}:
            names.add(first_text(obj.get("name")))
    for url in (meta_first(facts, "og:url"),):
        host = re.sub(r"^[a-z]+://(?:www\.)?", "", url.lower()).split("/")[0]
        labels = host.split(".")
        names.add(labels[0] if len(labels) > 1 else "")
        names.add(host)
        # "money.kompas.com", "bbc.co.uk": the name before the domain's ending
        ending = 3 if len(labels) > 2 and labels[-2] in _SECOND_LEVEL else 2
        names.add(labels[-ending] if len(labels) >= ending else "")
    # "中央通訊社 Central News Agency": the name in its own script alone names the site too.
    names |= {n.split()[0] for n in names if n.strip() and not n.split()[0].isascii()}
    return {c for c in (_compact(n) for n in names) if len(c) >= 3}


def is_site_name(text: str, sites: set[str]) -> bool:
    """Tell whether ``text`` is one of the site's names (or a name with its domain)."""
    compact = _compact(text)
    if len(compact) < 3 and not (len(compact) == 2 and text.strip().isupper()):
        return False  # "DW" is a name; "of" is not
    return any(
        compact == s
        or (compact.startswith(s) and len(compact) <= len(s) + 8)
        or (s.startswith(compact) and len(compact) >= 0.6 * len(s))
        for s in sites
    )


def strip_site(title: str, sites: set[str], *, generic: bool) -> tuple[str, list[str]]:
    """Return ``title`` without the site's name parts, and the parts taken off.

    The site's own names go wherever they stand ("Site: Headline", "Headline [Site]"); with
    ``generic``, a short last part after "|" or a dash goes too ("Headline | Any Site").
    """
    removed: list[str] = []
    bracket = _BRACKET_SUFFIX_RE.search(title)
    if (
        bracket
        and (is_site_name(bracket.group("site"), sites) or generic)
        and len(bracket.group("site").split()) <= 5
        and bracket.start() > 0
    ):
        removed.append(bracket.group("site"))
        title = title[: bracket.start()]
    prefix = _PREFIX_RE.match(title)
    if prefix and is_site_name(prefix.group("site"), sites):
        removed.append(prefix.group("site"))
        title = prefix.group("rest")
    while True:
        parts = _split_last(title)
        if parts is None:
            break
        head, separator, tail = parts
        generic_tail = generic and separator not in _COLONS and _short_tail(head, tail)
        if is_site_name(tail, sites) or generic_tail:
            removed.append(tail)
            title = head
            continue
        first = _split_first(title)
        if first is not None and is_site_name(first[0], sites):
            removed.append(first[0])
            title = first[1]
            continue
        break
    return clean_line(title), removed


def _split_last(title: str) -> tuple[str, str, str] | None:
    found = list(TITLE_SEPARATORS_RE.finditer(title))
    if not found:
        return None
    last = found[-1]
    return title[: last.start()], last.group().strip(), title[last.end() :]


def _split_first(title: str) -> tuple[str, str] | None:
    found = TITLE_SEPARATORS_RE.search(title)
    return (title[: found.start()], title[found.end() :]) if found else None


def _short_tail(head: str, tail: str) -> bool:
    head_words, tail_words = len(head.split()), len(tail.split())
    return tail_words <= 5 and head_words >= 2 and head_words > tail_words


# --- the headline ---------------------------------------------------------------------------


def similarity(a: str, b: str) -> float:
    """Return how far two titles agree: 1 for the same words, less for overlapping ones."""
    fa, fb = _compact(a.rstrip(".…")), _compact(b.rstrip(".…"))
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    short, long_ = sorted((fa, fb), key=len)
    if short in long_ and len(short) >= 0.5 * len(long_):
        return 0.8
    wa, wb = set(fold(a).split()), set(fold(b).split())
    overlap = len(wa & wb) / max(len(wa | wb), 1)
    return overlap if overlap >= 0.5 else 0.0


def headline_candidates(facts: PageFacts, ld: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (source, text) for every headline the page gives, site names taken off."""
    sites = site_names(facts)
    raw = [
        ("json-ld", first_text(ld.get("headline")) or first_text(ld.get("name"))),
        ("og:title", meta_first(facts, "og:title")),
        ("twitter:title", meta_first(facts, "twitter:title")),
        ("dc.title", meta_first(facts, "dc.title", "dcterms.title")),
        ("parsely-title", meta_first(facts, "parsely-title")),
        ("sailthru.title", meta_first(facts, "sailthru.title")),
    ]
    titles = {_compact(text) for _source, text in raw if text}
    for text, inside in facts.h1:
        bare = facts.kickers.get(text, "")
        # The headline without its kicker, where the page's other titles say so.
        shown = bare if bare and _compact(bare) in titles else text
        raw.append(("h1-article" if inside else "h1", shown))
    # The site's own names come off every title; a short last part after "|" or a dash comes
    # off <title> too, unless another source gives the title whole.
    title, _ = strip_site(facts.title, sites, generic=False)
    given = {
        _compact(text) for source, text in raw if text and source in ("json-ld", "h1-article", "h1")
    }
    if _compact(title) not in given:
        title, removed = strip_site(title, sites, generic=True)
        sites |= {c for c in (_compact(r) for r in removed) if len(c) >= 3}
    found = [("title", title)] if title else []
    for source, given_text in raw:
        text, _ = strip_site(given_text, sites, generic=False)
        shorter, _ = strip_site(text, sites, generic=True)
        if _compact(shorter) in given:
            text = shorter  # "Cầu mới - VnExpress" where the page shows "Cầu mới"
        if text and not is_site_name(text, sites) and len(text) >= 3:
            found.append((source, text))
    return found


def choose_headline(candidates: list[tuple[str, str]]) -> str:
    """Return the candidate the others agree with most, weighed by where each comes from.

    The one <h1> of the article is what a reader sees as the headline: it weighs most, and
    among titles that agree its wording (curly quotes, "…") is the one kept.
    """
    shown = [text for source, text in candidates if source == "h1-article"]
    sole_h1 = shown[0] if len(shown) == 1 and _words_in(shown[0]) >= 3 else ""
    best, best_score = "", 0.0
    for source, text in candidates:
        score = SOLE_H1_WEIGHT if text == sole_h1 else HEADLINE_WEIGHTS.get(source, 1.0)
        # Agreement counts once per family: og:title, twitter:title and <title> are often
        # one title copied, not three witnesses.
        support: dict[str, float] = {}
        for other_source, other_text in candidates:
            family = _FAMILIES.get(other_source, other_source)
            if family != _FAMILIES.get(source, source):
                weight = HEADLINE_WEIGHTS.get(other_source, 1.0)
                agreement = similarity(text, other_text) * weight
                support[family] = max(support.get(family, 0.0), agreement)
        score += sum(support.values())
        if _words_in(text) <= 1:
            score *= 0.5  # one word is a section or a site, seldom a headline
        if score > best_score:
            best, best_score = text, score
    for source, text in candidates:
        if source == "h1-article" and text != best and _extends(text, best):
            return text
    return best


_FAMILIES = {
    "title": "seo", "og:title": "seo", "twitter:title": "seo", "dc.title": "seo",
    "parsely-title": "seo", "sailthru.title": "seo", "h1": "shown", "h1-article": "shown",
}  # fmt: skip
SOLE_H1_WEIGHT = 4.0


def _words_in(text: str) -> int:
    # Chinese and Japanese write no spaces: count about two characters a word.
    words = len(text.split())
    return max(words, len(text) // 2) if not text.isascii() and words <= 2 else words


def _extends(shown: str, chosen: str) -> bool:
    """Tell whether a shown heading is the chosen title in full (same words, or more of them)."""
    a, b = _compact(shown), _compact(chosen.rstrip(".… "))
    return bool(b) and (a == b or (a.startswith(b) and len(b) >= 0.6 * len(a)))


# --- byline, dates, section -----------------------------------------------------------------


def _resolved(value: Any, facts: PageFacts) -> Any:
    """Return a JSON-LD value with {"@id": ...} references replaced by the objects they name."""
    if isinstance(value, list):
        return [_resolved(v, facts) for v in value[: bylines.MAX_AUTHORS]]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return next((o for o in facts.ld if o.get("@id") == value["@id"] and "name" in o), value)
    return value


def byline_of(facts: PageFacts, ld: dict[str, Any], section: str) -> str:
    """Return the article's byline from every source that gives one, or "" when unsure."""
    sites = site_names(facts)
    author = _resolved(ld.get("author") or ld.get("creator"), facts)
    structured = [
        _ld_byline(author),
        ", ".join(dict.fromkeys(facts.meta.get("author", ()))),
        meta_first(facts, "article:author", "dc.creator", "dcterms.creator"),
        meta_first(facts, "parsely-author", "sailthru.author", "byl", "byline"),
    ]
    linked = list(dict.fromkeys(facts.rel_authors))
    # Links to author pages name each author apart: joined, they come before marked text.
    shown = ([", ".join(linked)] if 0 < len(linked) <= 3 else []) + facts.marked_authors

    def usable(given: str) -> str:
        if given == SITE_CREDIT:
            return SITE
        cleaned = bylines.clean_byline(given)
        if cleaned and (is_site_name(cleaned, sites) or _names_site(cleaned, sites)):
            return SITE
        text = bylines.strip_site_parts(cleaned, lambda p: is_site_name(p, sites))
        if bylines.is_newsroom(text):
            return NEWSROOM
        return text if bylines.is_plausible(text, section=section) else ""

    given_credits = [usable(t) for t in structured if t]
    names = [n for n in given_credits if n and n not in (NEWSROOM, SITE)]
    # Who the page shows as its editor ("Editor : Heryadi", "Yoga Sukmana Editor") did not
    # write it, even where the metadata names them as the author.
    editors = {
        fold(bylines.editor_name(t))
        for t in shown
        if t and bylines.is_editor_credit(t, anywhere=True)
    }
    names = [n for n in names if fold(n) not in editors]
    pairs = [(t, usable(t)) for t in shown if t and not bylines.is_editor_credit(t, anywhere=True)]
    seen = [n for _t, n in pairs if n and n not in (NEWSROOM, SITE) and fold(n) not in editors]
    # A byline printed with its label ("Autor: X", "By X") stands even where the metadata
    # credits the site.
    labelled = [n for t, n in pairs if n and n not in (NEWSROOM, SITE) and bylines.labelled(t)]
    if names:
        for text in seen:
            if bylines.same_people(text, names[0]) and _joined_as_written(text, names[0]):
                return text  # the names as the page writes them
        return names[0]
    if SITE in given_credits:
        return (
            labelled[0] if labelled else NEWSROOM
        )  # the page credits itself: a name shown elsewhere is a source or a teaser
    # Shown alone, with no label and nothing in the metadata, an agency's name is the credit
    # of a photo or a quote as often as the article's: not sure, so none.
    sure = [n for t, n in pairs if n in seen and not bylines.is_bare_agency(t, n)]
    return sure[0] if sure else ""


def _ld_byline(author: Any) -> str:
    """Return the JSON-LD author's names; an organisation other than a wire agency is the site.

    A page's JSON-LD names the publisher itself as an Organization author ("北京新浪網"); a
    newsroom knows the wire agencies, which are bylines (AFP, dpa, Reuters).
    """
    people = author if isinstance(author, list) else [author]
    for one in people[: bylines.MAX_AUTHORS]:
        if isinstance(one, dict) and "Organization" in str(one.get("@type") or ""):
            name = bylines.ld_names(one)
            if name and not bylines.is_wire_agency(name):
                return SITE_CREDIT
    return bylines.ld_names(author)


SITE_CREDIT = "\x00site credit"


def _joined_as_written(shown: str, names: str) -> bool:
    """Tell whether a shown byline keeps the joins between several names (not run together)."""
    one = _compact(shown) == _compact(names) and "," not in names
    joined = r",|&|/|\s[-–]\s|\s(?:and|y|et|und|e|i|và|og|och|en|и)\s"
    return one or bool(re.search(joined, shown))


def _names_site(text: str, sites: set[str]) -> bool:
    """Tell whether a byline ends with the site's name ("Casa Editorial El Tiempo")."""
    compact = _compact(text)
    return any(len(s) >= 4 and (compact.endswith(s) or compact.startswith(s)) for s in sites)


_SECOND_LEVEL = frozenset({"com", "co", "org", "net", "gov", "ac", "edu", "or", "ne"})
MAX_LINKS = 3000
MAX_SECTION_CHARS = 40
