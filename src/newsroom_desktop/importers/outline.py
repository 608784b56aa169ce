"""Assemble an article from structured blocks (HTML, Word, Markdown) and the file's metadata."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from newsroom_desktop.core.intake import Block, ImportedArticle, ImportedFigure
from newsroom_desktop.core.text import clean_line, fold
from newsroom_desktop.importers import bylines, rules
from newsroom_desktop.importers.datelines import parse_dateline
from newsroom_desktop.importers.htmlblocks import HtmlBlock
from newsroom_desktop.importers.markup import heading

# Where the page's own date line, section line and "By ..." line may stand: near the top.
TOP_BLOCKS = 4
BYLINE_WINDOW = 3
MAX_CAPTION_CHARS = 300

ImageResolver = Callable[[str], tuple[ImportedFigure, str]]
"""Given an image src, return a figure holding the image (or none) and a warning ("" if fine)."""


@dataclass(frozen=True)
class PageMeta:
    """What a file says about its article outside the body (HTML meta, front matter, DOCX)."""

    headline: str = ""
    section: str = ""
    byline: str = ""
    lead: str = ""  # an explicit summary: wins over the first paragraph
    description: str = ""  # a hint only (og:description is often cut short)
    tags: tuple[str, ...] = ()
    updated_at: datetime | None = None
    created_at: datetime | None = None
    language: str = ""
    fallback_headline: str = ""  # used when the body shows no headline (a DOCX title)
    site_byline: bool = False  # the file credits only its site or newsroom: no byline


def _same(a: str, b: str) -> bool:
    return bool(a) and fold(clean_line(a)) == fold(clean_line(b))


def _drop_furniture(blocks: list[HtmlBlock]) -> list[HtmlBlock]:
    kept: list[HtmlBlock] = []
    skip_list = False
    for block in blocks:
        if skip_list and block.kind == "list":
            skip_list = False
            continue  # the related-article links under "Tin liên quan"
        skip_list = rules.is_related_header(block.text)
        if block.kind != "figure" and _is_furniture(block.text):
            continue
        kept.append(block)
    return kept


def _is_furniture(text: str) -> bool:
    # Also text with no letter or digit at all: separators ("* * *") and stray markup ("]>").
    return (
        rules.is_related_header(text)
        or rules.is_furniture(text)
        or rules.is_view_counter(text)
        or not any(ch.isalnum() for ch in text)
    )


def _subheadings(blocks: list[HtmlBlock]) -> list[HtmlBlock]:
    """Read a short paragraph set wholly in bold, with text below it, as a sub-heading."""
    out = list(blocks)
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if (
            block.kind == "paragraph"
            and block.emphasis == "bold"
            and rules.is_heading_shape(block.text)
            and following.kind == "paragraph"
            and rules.is_paragraph_like(following.text)
        ):
            out[index] = replace(block, kind="heading", markdown=heading(block.text, 2), level=2)
    return out


def _take_headline(blocks: list[HtmlBlock], meta: PageMeta) -> tuple[str, str]:
    """Return (headline, section) and remove the blocks that showed them."""
    headline = meta.headline
    for index, block in enumerate(blocks[:TOP_BLOCKS]):
        is_title = block.kind == "heading" and (block.level == 1 or not headline)
        if _same(block.text, headline) or (is_title and not headline):
            headline = headline or block.text
            del blocks[index]
            return headline, _section_above(blocks, index)
    if not headline and blocks and _headline_shaped(blocks[0]):
        # A headline typed as a short (often bold) first paragraph, above a longer lead.
        return blocks.pop(0).text, ""
    return headline or meta.fallback_headline, ""


def _headline_shaped(block: HtmlBlock) -> bool:
    return (
        block.kind == "paragraph"
        and "\n" not in block.text
        and rules.is_heading_shape(block.text)
        and not rules.is_paragraph_like(block.text)
        and not rules.is_byline(block.text)
    )


def _section_above(blocks: list[HtmlBlock], index: int) -> str:
    # A short line in capitals right above the headline is the section ("THỜI SỰ").
    if index == 0:
        return ""
    above = blocks[index - 1]
    if above.kind == "paragraph" and rules.is_all_caps(above.text) and len(above.text) <= 60:
        del blocks[index - 1]
        return above.text
    return ""


def _take_date(blocks: list[HtmlBlock], zone: tzinfo) -> datetime | None:
    for index, block in enumerate(blocks[:TOP_BLOCKS]):
        if block.kind in ("paragraph", "heading"):
            moment = parse_dateline(block.text, zone)
            if moment is not None:
                del blocks[index]
                return moment
    return None


def _take_lead(blocks: list[HtmlBlock], meta: PageMeta) -> str:
    if meta.lead:
        first = next((i for i, b in enumerate(blocks[:TOP_BLOCKS]) if b.kind == "paragraph"), None)
        if first is not None and _same(blocks[first].text, meta.lead):
            del blocks[first]  # the summary repeated as the first paragraph
        return clean_line(meta.lead)
    for index, block in enumerate(blocks[:TOP_BLOCKS]):
        if block.role == "lead" and block.kind in ("paragraph", "heading"):
            del blocks[index]
            return clean_line(block.text)
    for index, block in enumerate(blocks):
        if block.kind == "paragraph" or (
            block.kind == "heading" and rules.is_paragraph_like(block.text)
        ):
            if index < TOP_BLOCKS:
                del blocks[index]
                return clean_line(block.text)
            break
    return clean_line(meta.description)


def _take_byline(blocks: list[HtmlBlock], meta: PageMeta) -> str:
    if meta.site_byline:
        # The page credits itself: a marked byline block in the body is a source line.
        blocks[:] = [b for b in blocks if b.role != "byline"]
        return ""
    for index, block in enumerate(blocks):
        if block.role == "byline" and len(block.text) <= rules.MAX_BYLINE_CHARS:
            del blocks[index]
            # The file's own byline (read from every source it gives) wins over the shown one;
            # a marked block that is no name ("Reader comments") is dropped, not taken.
            shown = bylines.clean_byline(block.text)
            sure = bylines.is_plausible(shown) and not bylines.is_bare_agency(block.text, shown)
            return meta.byline or (shown if sure else "")
    texts = [i for i, b in enumerate(blocks) if b.kind == "paragraph"]
    for index in reversed(texts[-BYLINE_WINDOW:]):
        text = blocks[index].text
        if _same(text, meta.byline):
            del blocks[index]
            return clean_line(text)  # as the page writes it
        if not meta.byline and rules.is_byline(text) and _plausible(text):
            del blocks[index]
            return clean_line(text)
        if rules.is_paragraph_like(text):
            break
    for index, block in enumerate(blocks[:2]):
        if block.kind != "paragraph" or not rules.has_byline_prefix(block.text):
            continue
        shown = bylines.clean_byline(block.text)  # "By Jane Doe" under the headline
        if meta.byline and bylines.same_people(shown, meta.byline):
            del blocks[index]
        elif not meta.byline and bylines.is_plausible(shown):
            del blocks[index]
            return shown
    return clean_line(meta.byline)


def _plausible(text: str) -> bool:
    """Tell whether a line taken as the byline can be names (not "Terms Of Use", "Read more")."""
    return "\n" not in text and bylines.is_plausible(bylines.clean_byline(text))


def _is_caption(block: HtmlBlock) -> bool:
    if block.kind != "paragraph" or len(block.text) > MAX_CAPTION_CHARS:
        return False
    text = block.text
    return (
        block.role == "caption"
        or bool(block.emphasis)
        or rules.has_photo_credit(text)
        or rules.opens_like_caption(text)
    )


def _credited(text: str) -> bool:
    return rules.has_photo_credit(text) or rules.opens_like_caption(text)


def _figures(blocks: list[HtmlBlock]) -> list[HtmlBlock]:
    """Give each photo the caption paragraph that follows it; lone captions become figures."""
    out: list[HtmlBlock] = []
    for block in blocks:
        previous = out[-1] if out else None
        waiting = previous is not None and previous.kind == "figure" and previous.figure is not None
        if (
            waiting
            and _is_caption(block)
            and previous
            and previous.figure
            and not previous.figure.caption
        ):
            caption, credit = rules.split_credit(block.text)
            figure = replace(previous.figure, caption=caption, credit=credit)
            out[-1] = replace(previous, figure=figure, role="captioned")
        elif _is_caption(block) and (block.role == "caption" or _credited(block.text)):
            caption, credit = rules.split_credit(block.text)
            out.append(HtmlBlock("figure", figure=ImportedFigure(caption, credit)))
        else:
            out.append(block)
    return out


def _body(blocks: list[HtmlBlock], resolve: ImageResolver) -> tuple[list[Block], list[str]]:
    body: list[Block] = []
    warnings: list[str] = []
    for block in blocks:
        if block.kind != "figure" or block.figure is None:
            if block.markdown:
                body.append(block.markdown)
            continue
        found, warning = resolve(block.image_src) if block.image_src else (ImportedFigure(), "")
        if warning:
            warnings.append(warning)
        # What the file records about its own photo (our Markdown's front matter) wins.
        figure = replace(
            block.figure,
            caption=found.caption or block.figure.caption,
            credit=found.credit or block.figure.credit,
            alt_text=found.alt_text or block.figure.alt_text,
            image=found.image,
            image_bytes=found.image_bytes,
            image_name=found.image_name,
        )
        if figure.caption or figure.has_image:
            body.append(figure)
    return body, warnings


def _tags(blocks: list[HtmlBlock], meta: PageMeta) -> tuple[str, ...]:
    for index in range(len(blocks) - 1, max(len(blocks) - 4, -1), -1):
        tags = rules.tags_of(blocks[index].text) if blocks[index].kind == "paragraph" else ()
        if tags:
            del blocks[index]
            return meta.tags or tags
    return meta.tags


def assemble(
    found: list[HtmlBlock], meta: PageMeta, *, name: str, zone: tzinfo, resolve: ImageResolver
) -> ImportedArticle:
    """Build the article: headline, date, lead, byline and tags come off the blocks they were."""
    blocks = _drop_furniture(found)
    headline, section = _take_headline(blocks, meta)
    shown_date = _take_date(blocks, zone)
    lead = _take_lead(blocks, meta)
    byline = _take_byline(blocks, meta)
    if byline != meta.byline and fold(byline) in (fold(meta.section), fold(section)):
        byline = ""  # a section label shown where a byline would stand ("Erhverv")
    tags = _tags(blocks, meta)
    body, warnings = _body(_figures(_subheadings(blocks)), resolve)
    if not headline:
        headline = name.rsplit(".", 1)[0].replace("_", " ").replace("-", " ")
        warnings.append(f"{name} has no headline; the file name was used.")
    text = " ".join([headline, lead, *(b.text for b in blocks)])
    return ImportedArticle(
        headline=clean_line(headline),
        section=clean_line(meta.section or section),
        lead=lead,
        blocks=tuple(body),
        byline=byline,
        language=meta.language or rules.guess_language(text),
        tags=tuple(clean_line(t) for t in tags if clean_line(t)),
        updated_at=meta.updated_at or shown_date,
        created_at=meta.created_at,
        warnings=tuple(warnings),
        source=name,
    )
