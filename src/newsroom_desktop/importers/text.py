"""Plain text as copied from a news web page: section, headline, date line, lead, body, byline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path

from newsroom_desktop.core.text import clean, clean_line

from . import rules
from .base import DEFAULT_TZ, Block, ImportedArticle, ImportedFigure, read_text
from .datelines import find_date, parse_dateline
from .markup import escape_text, heading

# The headline, section and date lines sit above the lead; past this many lines, a page with
# no recognisable lead is read as headline plus body rather than as a very long header.
MAX_HEADER_LINES = 10
MAX_SECTION_WORDS = 10
MAX_SECTION_CHARS = 80
MAX_GAP_CAPTION_CHARS = 200
# The byline stands alone on one of the last lines, after the last paragraph.
BYLINE_WINDOW = 3


@dataclass(frozen=True)
class Line:
    """One non-blank line of the page: its text, the blank lines above it, its line number."""

    text: str
    gap: int
    number: int


@dataclass
class _Header:
    """What the lines above the lead said."""

    section: str = ""
    headline: str = ""
    byline: str = ""
    moment: datetime | None = None
    left_out: list[str] = field(default_factory=list)


def lines_of(text: str) -> list[Line]:
    """Return the non-blank lines of ``text`` (NFC, trimmed) with the gap above each."""
    out: list[Line] = []
    gap = 0
    for number, raw in enumerate(clean(text).split("\n"), start=1):
        line = raw.strip()
        if not line:
            gap += 1
            continue
        out.append(Line(line, gap, number))
        gap = 0
    return out


def is_dropped(line: str) -> bool:
    """Tell whether a line is page furniture that no article keeps."""
    return rules.is_furniture(line) or rules.is_view_counter(line) or rules.is_related_header(line)


def opens_lead(line: str) -> bool:
    """Tell whether a line can be the lead: running text, or a full sentence after the headline."""
    if rules.is_paragraph_like(line):
        return True
    return len(line.split()) >= 6 and line.endswith((".", "…", '"', "”"))


def find_lead(lines: list[Line], zone: tzinfo) -> int:
    """Return the index of the lead: the first running-text line below a headline candidate."""
    seen_text = False
    for index, line in enumerate(lines[:MAX_HEADER_LINES]):
        found = find_date(line.text, zone)
        if found is not None and not found.rest:
            continue  # a date line is never the lead
        if seen_text and opens_lead(line.text):
            return index
        seen_text = True
    # No lead shape up top: the first text line is the headline, the next line the lead.
    for index, line in enumerate(lines):
        if parse_dateline(line.text, zone) is None:
            return min(index + 1, len(lines))
    return len(lines)


def read_header(lines: list[Line], zone: tzinfo) -> _Header:
    """Read section, headline, byline and date from the lines above the lead."""
    header = _Header()
    candidates: list[str] = []
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
        if candidates and rules.has_byline_prefix(text):
            header.byline = text  # "By Jane Doe", "Theo TTXVN" under the headline
        elif not candidates or text.casefold() != candidates[-1].casefold():
            candidates.append(text)  # a headline repeated by the page is read once
    _assign_header(header, candidates)
    return header


def _assign_header(header: _Header, candidates: list[str]) -> None:
    # The headline is the last text above the lead; a short line just above it is the section.
    if not candidates:
        return
    header.headline = candidates.pop()
    if candidates and not header.section and _section_shape(candidates[-1], header.headline):
        header.section = candidates.pop()
    header.left_out = candidates


def _section_shape(line: str, headline: str) -> bool:
    short = len(line) <= MAX_SECTION_CHARS and len(line.split()) <= MAX_SECTION_WORDS
    return short and (rules.is_all_caps(line) or len(line) < len(headline))


@dataclass
class _Tail:
    """What the lines after the last paragraph said: byline, tags, a date line."""

    byline: str = ""
    tags: tuple[str, ...] = ()
    moment: datetime | None = None


def read_tail(body: list[Line], zone: tzinfo) -> _Tail:
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
        elif not tail.byline and rules.is_byline(text) and seen < BYLINE_WINDOW:
            tail.byline = text
            del body[index]
        elif rules.is_paragraph_like(text):
            break
        else:
            seen += 1
        index -= 1
    return tail


def typical_gap(lines: list[Line]) -> int:
    """Return the usual number of blank lines between paragraphs of this page."""
    counts = Counter(line.gap for line in lines)
    return counts.most_common(1)[0][0] if counts else 1


def caption_of(lines: list[Line], index: int, usual_gap: int) -> ImportedFigure | None:
    """Return the figure if the line is a photo caption standing between paragraphs."""
    line = lines[index]
    text = line.text
    credited = rules.has_photo_credit(text) or rules.opens_like_caption(text)
    set_apart = (
        line.gap > usual_gap
        and len(text) <= MAX_GAP_CAPTION_CHARS
        and text.endswith((".", "…", ")", '"', "”"))
        and index + 1 < len(lines)
    )
    if not (credited or set_apart):
        return None
    caption, credit = rules.split_credit(text)
    return ImportedFigure(caption=caption, credit=credit)


def is_subheading(lines: list[Line], index: int) -> bool:
    """Tell whether a line is a sub-heading: heading-shaped, with running text below it."""
    text = lines[index].text
    if not rules.is_heading_shape(text) or rules.is_paragraph_like(text):
        return False
    return index + 1 < len(lines) and rules.is_paragraph_like(lines[index + 1].text)


def body_blocks(lines: list[Line]) -> list[Block]:
    """Turn body lines into Markdown paragraphs, sub-headings and waiting figures."""
    usual_gap = typical_gap(lines)
    blocks: list[Block] = []
    for index, line in enumerate(lines):
        figure = caption_of(lines, index, usual_gap)
        if figure is not None:
            blocks.append(figure)
        elif is_subheading(lines, index):
            blocks.append(heading(line.text, 2))
        else:
            blocks.append(escape_text(line.text))
    return blocks


def parse_text(text: str, *, name: str = "the text", zone: tzinfo = DEFAULT_TZ) -> ImportedArticle:
    """Read a pasted news page into an article; lines that are not furniture are all kept."""
    lines = [line for line in lines_of(text) if not is_dropped(line.text)]
    lead_at = find_lead(lines, zone)
    header = read_header(lines[:lead_at], zone)
    lead = lines[lead_at].text if lead_at < len(lines) else ""
    body = lines[lead_at + 1 :]
    tail = read_tail(body, zone)
    warnings: list[str] = []
    headline = clean_line(header.headline)
    if not headline:
        headline = clean_line(Path(name).stem.replace("_", " ").replace("-", " "))
        warnings.append(f"{name} has no headline line; the file name was used.")
    if header.left_out:
        shown = "; ".join(header.left_out)
        warnings.append(f"{name}: lines above the headline were left out: {shown}")
    everything = "\n".join(line.text for line in lines)
    return ImportedArticle(
        headline=headline,
        section=clean_line(header.section),
        lead=lead,
        blocks=tuple(body_blocks(body)),
        byline=clean_line(header.byline or tail.byline),
        language=rules.guess_language(everything),
        tags=tail.tags,
        updated_at=header.moment or tail.moment,
        warnings=tuple(warnings),
        source=name,
    )


def parse(path: Path, *, zone: tzinfo = DEFAULT_TZ) -> ImportedArticle:
    """Read a plain-text file copied from a news page."""
    text, warnings = read_text(path)
    article = parse_text(text, name=path.name, zone=zone)
    return replace(article, source=str(path)).with_warnings(*warnings)
