"""The body rendered for reading: HTML with placed photos as figures, and plain text."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence

from markdown_it.token import Token

from newsroom_desktop.core.body.parse import (
    MARKDOWN,
    PHOTO_SCHEME,
    figure_of,
    inline_text,
    parse,
    tokens,
)
from newsroom_desktop.core.body.simple import simple_blocks, simple_html

FigureRenderer = Callable[[str, str], str]


def default_figure_html(photo_id: str, alt: str) -> str:
    """Render a placed photo without article data (previews and fragments without photos)."""
    return (
        f'<figure class="photo" data-photo-id="{html.escape(photo_id)}">'
        f'<img src="{PHOTO_SCHEME}{html.escape(photo_id)}" alt="{html.escape(alt)}"></figure>\n'
    )


def render_html(markdown: str, figure_html: FigureRenderer | None = None) -> str:
    """Render the body to HTML; each placed photo becomes the figure ``figure_html`` returns.

    Images inside the text are left out: only placed photos are shown, never a picture from
    the web or a local file that someone typed into the body (the export check names them).
    """
    blocks = simple_blocks(markdown)
    if blocks is not None:  # plain paragraphs and headings: no photo, no parse
        return simple_html(blocks)
    return render_tokens(tokens(markdown), figure_html or default_figure_html)


def render_tokens(tokens: Sequence[Token], figure_html: FigureRenderer) -> str:
    """Render parsed body tokens to HTML: figures by ``figure_html``, other images left out."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        fig = figure_of(tokens, i)
        if fig is not None:
            block = Token("html_block", "", 0)
            block.content = figure_html(fig.photo_id, fig.alt)
            out.append(block)
            i += 3
            continue
        token = tokens[i]
        if token.type != "inline" or not _has_image(token):
            out.append(token)
            i += 1
            continue
        children = [c for c in token.children or [] if c.type != "image"]
        if tokens[i - 1].type == "paragraph_open" and not _visible(children):
            out.pop()  # a paragraph that held only pictures: nothing is left to show
            i += 2
            continue
        out.append(token.copy(children=children))
        i += 1
    return str(MARKDOWN.renderer.render(out, MARKDOWN.options, {}))


def _has_image(inline: Token) -> bool:
    return any(child.type == "image" for child in inline.children or [])


def _visible(children: Sequence[Token]) -> bool:
    return any(
        c.type != "text" or c.content.strip()
        for c in children
        if c.type not in ("softbreak", "hardbreak")
    )


# Bodies this long are read a stretch at a time (see blocks_text_by_stretch): a 10 MB import
# of short paragraphs would otherwise spend most of its time and memory in markdown-it's tokens.
WHOLE_PARSE_LIMIT = 64 * 1024

# A line that reads the same as text as it does in Markdown, when blank lines stand on both of
# its sides: it starts with a letter (no block marker, no indent) and holds no character that
# starts inline markup in the "commonmark" preset (no escapes, entities, emphasis, code, links,
# images or autolinks; raw HTML is off, typographer and linkify too).
_PLAIN_LINE = re.compile(r"[^\W\d_][^\\`*_\[\]<>&!\r\n\0]*")


def blocks_text(markdown: str) -> list[str]:
    """Return the text of each block (heading, paragraph, list item), images left out."""
    if len(markdown) > WHOLE_PARSE_LIMIT:
        return blocks_text_by_stretch(markdown)
    return _tokens_text(tokens(markdown))


def blocks_text_by_stretch(markdown: str) -> list[str]:
    """Return what blocks_text returns, without one parse of the whole body.

    A plain line (see _PLAIN_LINE) between blank lines is a paragraph of its own text,
    whatever stands around it: blank lines end every paragraph, indented code, list and quote
    before it. So those lines are taken as they are, and only the stretches between them go
    through markdown-it. Two things reach across blank lines and are left to the whole parse:
    fenced code (a fence may hold blank lines and plain lines) and link reference definitions
    (a definition anywhere changes the text of a link elsewhere).
    """
    if "```" in markdown or "~~~" in markdown or "]:" in markdown:
        return _tokens_text(parse(markdown))
    # Cut at empty lines: a piece with no line end of its own is one line with an empty line
    # (or the start or end of the body) on each side.
    pieces = markdown.split("\n\n")
    out: list[str] = []
    stretch: list[str] = []  # the pieces since the last plain line, read together
    for piece in pieces:
        if _PLAIN_LINE.fullmatch(piece):
            if stretch:
                out.extend(_stretch_text(stretch))
                stretch = []
            out.append(piece.rstrip())
        else:
            stretch.append(piece)
    if stretch:
        out.extend(_stretch_text(stretch))
    return out


def _stretch_text(pieces: list[str]) -> list[str]:
    """Return the blocks' text of pieces cut at empty lines, parsed unless they are blank."""
    stretch = "\n\n".join(pieces)
    return _tokens_text(parse(stretch)) if stretch.strip(" \t\n") else []


def _tokens_text(parsed: Sequence[Token]) -> list[str]:
    out: list[str] = []
    for token in parsed:
        if token.type == "inline":
            text = inline_text(token).strip()
            if text:
                out.append(text)
        elif token.type in ("code_block", "fence"):
            out.append(token.content.rstrip("\n"))
    return out


# Longer bodies are not kept in plain_text's cache: a pasted 10 MB file would keep its body and
# its text alive (30 MB) long after it was stored. Each use of a long body reads it again.
CACHED_PLAIN_LIMIT = 1024 * 1024

_LETTER_RE = re.compile(r"[^\W\d_]")
_NOT_PLAIN = "\\`*_[]<>&!\r\0"  # what _PLAIN_LINE leaves out, besides line ends
# A blank line that no plain line follows, or that follows whitespace (rstrip would take it).
_NOT_PLAIN_BREAK_RE = re.compile(r"\n\n(?:(?![^\W\d_])|(?<=[^\S\n]\n\n))")


def is_plain_as_it_is(markdown: str) -> bool:
    """Tell whether the body's plain text is the body itself with its end stripped.

    So it is when the body is plain lines (see _PLAIN_LINE) between single blank lines, none
    ending in whitespace but the last, which may end the body with a line end: each line is
    then a paragraph of its own text. Told with a few quick looks over the whole body (every
    line end is one of a blank line's two, but one at the very end), and no fence (the one
    thing blocks_text_by_stretch leaves to a whole parse that plain lines can hold).
    """
    return (
        _LETTER_RE.match(markdown) is not None
        and not any(char in markdown for char in _NOT_PLAIN)
        and "\n\n\n" not in markdown
        and not markdown.endswith("\n\n")
        and markdown.count("\n") == 2 * markdown.count("\n\n") + markdown.endswith("\n")
        and _NOT_PLAIN_BREAK_RE.search(markdown) is None
        and "~~~" not in markdown
    )


def plain_text(markdown: str) -> str:
    """Return the body as plain text: blocks separated by blank lines, images left out."""
    if len(markdown) <= CACHED_PLAIN_LIMIT:
        return _cached_plain_text(markdown)
    if is_plain_as_it_is(markdown):  # a pasted file's lines: one copy, no list of its blocks
        return markdown.rstrip()
    return "\n\n".join(blocks_text(markdown))


@functools.lru_cache(maxsize=32)
def _cached_plain_text(markdown: str) -> str:
    return "\n\n".join(blocks_text(markdown))


def has_text(markdown: str) -> bool:
    """Tell whether the body has any text besides its photos."""
    blocks = simple_blocks(markdown)
    if blocks is not None:
        return bool(blocks)  # each block of a simple body holds text
    return any(
        (t.type == "inline" and inline_text(t).strip()) or t.type in ("code_block", "fence")
        for t in tokens(markdown)
    )
