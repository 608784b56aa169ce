"""Plain text as copied from a news web page: section, headline, date line, lead, body, byline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from itertools import compress
from pathlib import Path
from typing import NamedTuple, overload

from newsroom_desktop.core.intake import Block, ImportedArticle, ImportedFigure
from newsroom_desktop.core.text import clean, clean_line, fold, fold_opening
from newsroom_desktop.importers import pasterules, rules
from newsroom_desktop.importers.base import DEFAULT_TZ, read_text
from newsroom_desktop.importers.datelines import find_date, parse_dateline
from newsroom_desktop.importers.markup import escape_line, heading

# The headline, section and date lines sit above the lead; past this many lines, a page with
# no recognisable lead is read as headline plus body rather than as a very long header.
MAX_HEADER_LINES = 16
MAX_SECTION_WORDS = 10
MAX_SECTION_CHARS = 80
MAX_GAP_CAPTION_CHARS = 200
# The byline stands alone on one of the last lines, after the last paragraph.
BYLINE_WINDOW = 3


# A language guess reads this much text from the top of the page.
LANGUAGE_SAMPLE_CHARS = 8000


class Line(NamedTuple):
    """One non-blank line of the page: its text (clean, trimmed) and the blank lines above it.

    ``spaced`` is the text as clean_line gives it (the same string when it has no run of
    spaces): what the rules read.
    """

    text: str
    gap: int
    spaced: str


class Page:
    """The non-blank lines of a page, kept as three parallel lists.

    A pasted file may hold millions of lines: one object per line would cost more than the
    text itself. Indexing gives a Line, slicing a Page.
    """

    __slots__ = ("gaps", "spaced", "texts")

    def __init__(self, texts: list[str], gaps: list[int], spaced: list[str]) -> None:
        self.texts = texts
        self.gaps = gaps
        self.spaced = spaced

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> Page: ...

    def __getitem__(self, index: int | slice) -> Line | Page:
        if isinstance(index, slice):
            return Page(self.texts[index], self.gaps[index], self.spaced[index])
        return Line(self.texts[index], self.gaps[index], self.spaced[index])

    def __delitem__(self, index: int) -> None:
        del self.texts[index], self.gaps[index], self.spaced[index]

    def __iter__(self) -> Iterator[Line]:
        return map(Line, self.texts, self.gaps, self.spaced)

    def kept(self, keep: list[bool]) -> Page:
        """Return the lines whose ``keep`` is true."""
        return Page(
            list(compress(self.texts, keep)),
            list(compress(self.gaps, keep)),
            list(compress(self.spaced, keep)),
        )


@dataclass
class _Header:
    """What the lines above the lead said."""

    section: str = ""
    headline: str = ""
    byline: str = ""
    moment: datetime | None = None
    left_out: list[str] = field(default_factory=list)


def lines_of(text: str) -> Page:
    """Return the non-blank lines of ``text`` (NFC, trimmed) with the gap above each."""
    texts: list[str] = []
    gaps: list[int] = []
    spaced_texts: list[str] = []
    gap = 0
    # Cleaned twice: taking out a control character can leave letters that NFC then joins.
    # After that every line is clean as it stands, and clean_line(line) only collapses spaces.
    for raw in clean(clean(text)).split("\n"):
        line = raw.strip()
        if not line:
            gap += 1
            continue
        texts.append(line)
        gaps.append(gap)
        spaced_texts.append(_spaced(line))
        gap = 0
    return _unwrapped(Page(texts, gaps, spaced_texts))


def _unwrapped(page: Page) -> Page:
    """Join the lines of a hard-wrapped page back into its paragraphs (rule joined_hard_wraps)."""
    width = pasterules.wrap_width(page.texts, page.gaps)
    if not width:
        return page
    # Each paragraph's pieces are gathered and joined once: adding to a string line by line
    # would copy a long paragraph once per line.
    pieces: list[list[str]] = []
    gaps: list[int] = []
    previous_line = ""
    for text, gap in zip(page.texts, page.gaps, strict=True):
        if pieces and gap == 0 and pasterules.runs_on(previous_line, width):
            hyphen = previous_line.endswith("-") and previous_line[-2:-1].isalnum()
            pieces[-1].append(text if hyphen else " " + text)
        else:
            pieces.append([text])
            gaps.append(gap)
        previous_line = text
    texts = ["".join(parts) for parts in pieces]
    return Page(texts, gaps, [_spaced(t) for t in texts])


def _spaced(line: str) -> str:
    """Return clean_line(line) for a clean, trimmed line: its runs of spaces collapsed.

    Most lines have none: single spaces only, and every other space character is unprintable,
    so those lines are told apart by two quick looks instead of a split and a join.
    """
    if "  " not in line and line.isprintable():
        return line
    spaced = " ".join(line.split())
    return line if spaced == line else spaced


def is_dropped(line: str) -> bool:
    """Tell whether a line is page furniture that no article keeps."""
    return _is_dropped_clean(clean_line(line))


def _is_dropped_clean(line: str) -> bool:
    folded = fold(line)  # once for both checks that compare folded text
    return (
        rules.is_furniture_folded(folded)
        or rules.is_view_counter_clean(line)
        or rules.is_related_header_folded(folded)
    )


# What the folded text of a line that _is_dropped_clean drops opens with, when that is two
# letters: a furniture line opens with one of the phrases (the first letter starts a phrase,
# and "a", "a-", "a+" have no second letter) and a related-links header is one of the headers.
_DROPPED_OPENINGS = frozenset(p[:2] for p in (*rules.FURNITURE_PHRASES, *rules.RELATED_HEADERS))


class _MayBeDropped(dict[str, bool]):
    """Tell from its first two characters whether a clean line may be one _is_dropped_clean drops.

    Worked out once per opening: a page repeats its openings over and over. False only when
    no rule can hold: the folded line opens with two letters no dropped line opens with, and
    the line cannot open a view counter. Most lines of running text are then told apart
    without folding them.
    """

    def __missing__(self, opening: str) -> bool:
        folded = fold_opening(opening)
        may = not folded or folded in _DROPPED_OPENINGS or rules.may_open_view_counter(opening)
        self[opening] = may
        return may


def opens_lead(line: str) -> bool:
    """Tell whether a line can be the lead: running text, or a full sentence after the headline."""
    if rules.is_paragraph_like(line):
        return True
    return len(line.split()) >= 6 and line.endswith((".", "…", '"', "”"))


def find_lead(lines: Page, zone: tzinfo) -> int:
    """Return the index of the lead: the first running-text line below a headline candidate.

    A category word alone above it ("Crime", "Thời sự") is the section, not the headline: the
    line under it is the headline even when it reads as a sentence.
    """
    above: list[str] = []
    for index, line in enumerate(lines[:MAX_HEADER_LINES]):
        found = find_date(line.text, zone)
        if found is not None and not found.rest:
            continue  # a date line is never the lead
        categories = len(lines) - index > MIN_BODY_LINES and _only_categories(above, line.text)
        if above and opens_lead(line.text) and not categories:
            return index
        above.append(line.text)
    # No lead shape up top: the first text line is the headline, the next line the lead.
    for index, line in enumerate(lines):
        if parse_dateline(line.text, zone) is None:
            return min(index + 1, len(lines))
    return len(lines)


def _only_categories(above: list[str], line: str) -> bool:
    """Tell whether the lines above a sentence are category words only (rule category_above)."""
    return len(line) < MAX_HEADLINE_CHARS and all(is_category_word(text) for text in above)


MAX_HEADLINE_CHARS = 200
# A page read as category, headline, lead has a body below them: at least this many lines.
MIN_BODY_LINES = 3
MAX_CATEGORY_WORDS = 3


def is_category_word(text: str) -> bool:
    """Tell whether a line is a category label: a few words, no sentence, no date."""
    words = text.split()
    return (
        0 < len(words) <= MAX_CATEGORY_WORDS
        and len(text) <= 40
        and not text.endswith((".", "!", "?", ":", ","))
        and not any(ch.isdigit() for ch in text)
    )


def _before_comments(body: Page) -> Page:
    """Return the body up to the readers' comments (rule comments_end the article)."""
    for index, text in enumerate(body.texts):
        if pasterules.is_comments_header(text):
            return body[:index]
    return body


UNDER_LEAD_LINES = 12


def read_under_lead(body: Page, zone: tzinfo) -> _Tail:
    """Take a "By ..." line and a date line standing just under the lead (in place).

    Pages set the byline and date under the headline and summary: between them and the first
    paragraph there are only short lines (a photo's caption, share buttons).
    """
    found = _Tail()
    index = 0
    paragraphs = 0
    while index < min(len(body), UNDER_LEAD_LINES):
        text = body.texts[index]
        if rules.is_paragraph_like(text) and len(text) >= 100:
            paragraphs += 1  # a photo's long caption may stand first; a second is the body
            if paragraphs > 1:
                break
        rule, names = pasterules.byline_of(text)
        moment = parse_dateline(text, zone)
        after_label = index > 0 and pasterules.label_of(body.texts[index - 1]) == "byline"
        if not found.byline and after_label and pasterules.is_names(text):
            found.byline = text  # "By" on its own line, the name under it: both go
            del body[index]
            del body[index - 1]
            index -= 1
        elif not found.byline and rule and rule not in _NAME_ONLY_RULES:
            found.byline = names
            del body[index]
        elif not found.byline and rule in _NAME_ONLY_RULES and _dated_below(body, index, zone):
            found.byline = names  # a name alone, its date line just below (name_then_date)
            del body[index]
        elif found.moment is None and moment is not None:
            found.moment = moment
            del body[index]
        else:
            index += 1
    return found


def _dated_below(body: Page, index: int, zone: tzinfo) -> bool:
    """Tell whether a date line stands within the three lines below ``index``."""
    return any(parse_dateline(t, zone) is not None for t in body.texts[index + 1 : index + 4])


def read_header(lines: Page, zone: tzinfo) -> _Header:
    """Read section, headline, byline and date from the lines above the lead."""
    header = _Header()
    candidates: list[str] = []
    seen: set[str] = set()
    label = ""  # the label line just above ("By", "AUTOR/IN", "STAND"), whose value follows
    for line in lines:
        text = line.text
        crumb = rules.breadcrumb_section(text)
        if crumb:
            header.section = crumb
            continue
        found = find_date(text, zone)
        if found is not None and (not found.rest or found.rule != "date_only" or len(text) < 60):
            header.moment = header.moment or found.moment
            text = found.rest
        if not text:
            continue
        rule, names = pasterules.byline_of(text) if candidates else ("", "")
        if label == "byline" and pasterules.is_names(text):
            header.byline = header.byline or text  # "AUTOR/IN" then "Julius Richter"
        elif rule and rule not in _NAME_ONLY_RULES:
            header.byline = names  # "By Jane Doe", "Theo TTXVN" under the headline
        elif _headline_candidate(text) and text.casefold() not in seen:
            candidates.append(text)  # a headline (or a photo's caption) repeated is read once
            seen.add(text.casefold())
        label = pasterules.label_of(text)
    _assign_header(header, candidates)
    return header


def _headline_candidate(text: str) -> bool:
    """Tell whether a header line can be the headline or section (rule label_line).

    A label waiting for its value ("Publicado:", "AUTOR/IN") and a photo's credit
    ("… © Amazon") cannot.
    """
    return not text.endswith(":") and "©" not in text and not pasterules.label_of(text)


def _assign_header(header: _Header, candidates: list[str]) -> None:
    # The headline is the last text above the lead; a short line just above it is the section
    # (a label every page has, "Tin tức", "News", is not).
    if not candidates:
        return
    header.headline = candidates.pop()
    if candidates and _category_in_capitals(header.headline):
        # "AVOCAT" under the headline: the section the page files it under (category_below).
        header.section, header.headline = header.headline, candidates.pop()
    while candidates and fold(candidates[-1]).strip(" :") in GENERIC_LABELS:
        candidates.pop()
    if candidates and not header.section and _section_shape(candidates[-1], header.headline):
        header.section = candidates.pop()
    header.left_out = candidates


GENERIC_LABELS = frozenset({"tin tuc", "news", "trang chu", "home", "tin moi", "latest"})
# A name alone is a byline at the end of the article; above the lead it may be a headline.
_NAME_ONLY_RULES = frozenset({"name_alone", "name_in_capitals"})


def _category_in_capitals(text: str) -> bool:
    return rules.is_all_caps(text) and is_category_word(text) and len(text) <= 30


def _section_shape(line: str, headline: str) -> bool:
    short = len(line) <= MAX_SECTION_CHARS and len(line.split()) <= MAX_SECTION_WORDS
    return short and (rules.is_all_caps(line) or len(line) < len(headline))


@dataclass
class _Tail:
    """What the lines after the last paragraph said: byline, tags, a date line."""

    byline: str = ""
    tags: tuple[str, ...] = ()
    moment: datetime | None = None


def read_tail(body: Page, zone: tzinfo) -> _Tail:
    """Take the byline, tags and a closing date line off the end of ``body`` (in place)."""
    tail = _Tail()
    index = len(body) - 1
    seen = 0
    while index >= 0 and seen < BYLINE_WINDOW + 2:
        text = body[index].text
        tags = rules.tags_of(text)
        moment = parse_dateline(text, zone)
        if tags and not tail.tags:
            tail.tags = tags
            del body[index]
        elif moment is not None and tail.moment is None:
            tail.moment = moment
            del body[index]
        elif not tail.byline and seen < BYLINE_WINDOW and pasterules.byline_of(text)[0]:
            tail.byline = pasterules.byline_of(text)[1]
            del body[index]
        elif not tail.byline and pasterules.dated_byline(text, zone)[0]:
            # "Ouest-France Recueilli par Patrick ANGEVIN. Publié le 02/11/2023 à 14h49"
            tail.byline, dated = pasterules.dated_byline(text, zone)
            tail.moment = tail.moment or dated
            del body[index]
        elif rules.is_paragraph_like(text):
            break
        else:
            seen += 1
        index -= 1
    return tail


def typical_gap(lines: Page) -> int:
    """Return the usual number of blank lines between paragraphs of this page."""
    counts = Counter(lines.gaps)
    return counts.most_common(1)[0][0] if counts else 1


def caption_of(lines: Page, index: int, usual_gap: int) -> ImportedFigure | None:
    """Return the figure if the line is a photo caption standing between paragraphs."""
    text, spaced = lines.texts[index], lines.spaced[index]
    credited = (
        len(text) <= rules.MAX_CAPTION_CHARS and bool(rules.split_credit_clean(spaced)[1])
    ) or rules.opens_like_caption(text)
    set_apart = (
        lines.gaps[index] > usual_gap
        and len(text) <= MAX_GAP_CAPTION_CHARS
        and text.endswith((".", "…", ")", '"', "”"))
        and index + 1 < len(lines)
    )
    if not (credited or set_apart):
        return None
    caption, credit = rules.split_credit_clean(spaced)
    return ImportedFigure(caption=caption, credit=credit)


def is_subheading(lines: Page, index: int) -> bool:
    """Tell whether a line is a sub-heading: heading-shaped, with running text below it."""
    texts = lines.texts
    if not rules.is_heading_shape_clean(lines.spaced[index]):
        return False
    if rules.is_paragraph_like(texts[index]):
        return False
    return index + 1 < len(texts) and rules.is_paragraph_like(texts[index + 1])


def body_blocks(lines: Page) -> list[Block]:
    """Turn body lines into Markdown paragraphs, sub-headings and waiting figures."""
    usual_gap = typical_gap(lines)
    blocks: list[Block] = []
    for index, text in enumerate(lines.texts):
        figure = caption_of(lines, index, usual_gap)
        if figure is not None:
            blocks.append(figure)
        elif is_subheading(lines, index):
            blocks.append(heading(text, 2))
        else:
            blocks.append(escape_line(text))  # one trimmed line: what escape_text does
    return blocks


def parse_text(text: str, *, name: str = "the text", zone: tzinfo = DEFAULT_TZ) -> ImportedArticle:
    """Read a pasted news page into an article; lines that are not furniture are all kept."""
    return parse_lines(lines_of(text), name=name, zone=zone)


def parse_lines(
    page: Page, *, name: str = "the text", zone: tzinfo = DEFAULT_TZ
) -> ImportedArticle:
    """Read the lines of a pasted news page (from lines_of) into an article."""
    may_be_dropped = _MayBeDropped()
    lines = page.kept(
        [
            not (may_be_dropped[spaced[:2]] and _is_dropped_clean(spaced))
            and not pasterules.furniture_rule(spaced)
            for spaced in page.spaced
        ]
    )
    lead_at = find_lead(lines, zone)
    header = read_header(lines[:lead_at], zone)
    lead = lines[lead_at].text if lead_at < len(lines) else ""
    body = _before_comments(lines[lead_at + 1 :])
    under = read_under_lead(body, zone)
    tail = read_tail(body, zone)
    warnings: list[str] = []
    headline = clean_line(header.headline)
    if not headline:
        headline = clean_line(Path(name).stem.replace("_", " ").replace("-", " "))
        warnings.append(f"{name} has no headline line; the file name was used.")
    if header.left_out:
        shown = "; ".join(header.left_out)
        warnings.append(f"{name}: lines above the headline were left out: {shown}")
    everything = _top_text(lines)
    return ImportedArticle(
        headline=headline,
        section=clean_line(header.section),
        lead=lead,
        blocks=tuple(body_blocks(body)),
        byline=clean_line(header.byline or under.byline or tail.byline),
        language=rules.guess_language(everything),
        tags=tail.tags,
        updated_at=header.moment or under.moment or tail.moment,
        warnings=tuple(warnings),
        source=name,
    )


def _top_text(lines: Page) -> str:
    """Return the first LANGUAGE_SAMPLE_CHARS of the lines joined (not all of a huge file)."""
    top: list[str] = []
    size = 0
    for text in lines.texts:
        if size >= LANGUAGE_SAMPLE_CHARS:
            break
        top.append(text)
        size += len(text) + 1
    return "\n".join(top)[:LANGUAGE_SAMPLE_CHARS]


def parse(path: Path, *, zone: tzinfo = DEFAULT_TZ) -> ImportedArticle:
    """Read a plain-text file copied from a news page."""
    text, warnings = read_text(path)
    lines = lines_of(text)
    del text  # the lines hold it now: a big file is not kept twice while it is parsed
    article = parse_lines(lines, name=path.name, zone=zone)
    return replace(article, source=str(path)).with_warnings(*warnings)
