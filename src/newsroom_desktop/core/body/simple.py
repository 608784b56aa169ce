"""Bodies of plain paragraphs and headings: read, checked and rendered without markdown-it.

Most articles are nothing but paragraphs of text between blank lines, with a heading here and
there. For such a body the tokens markdown-it would produce, and the HTML it would render,
are known line by line, and making them directly is many times faster than the general parse
(a batch export otherwise spends most of its time there). Anything else, however small, goes
through markdown-it; a test compares the two on bodies made to sit on the border between them.
"""

from __future__ import annotations

import functools
import re

from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

# A line that is a paragraph of its own text when blank lines stand on both its sides: it
# starts with a letter (no block marker, no indent) and holds no character that starts inline
# markup in the "commonmark" preset (escapes, entities, emphasis, code, links, images and
# autolinks; raw HTML is off, typographer and linkify too), nor any that markdown-it rewrites.
_PARAGRAPH = re.compile(r"[^\W\d_][^\\`*_\[\]<>&!\r\n\0]*")
# An ATX heading of such text: no closing #, no indent, one space after the marks.
_HEADING = re.compile(r"(#{1,6}) ([^\s\\`*_\[\]<>&!#\0][^\\`*_\[\]<>&!#\r\n\0]*)")

# One block of a simple body: its tag (p, h1 … h6), its text and the line it stands on.
SimpleBlock = tuple[str, str, int]
# Bodies longer than this are not kept in the cache (nor are their blocks).
CACHED_LIMIT = 256 * 1024


def simple_blocks(markdown: str) -> tuple[SimpleBlock, ...] | None:
    """Return the body's blocks if it is plain paragraphs and headings alone, else None.

    Each paragraph is one line, and each line with text has an empty line (or the start or
    end of the body) on both sides.
    """
    if len(markdown) > CACHED_LIMIT:
        return _blocks(markdown)
    return _cached_blocks(markdown)


@functools.lru_cache(maxsize=16)
def _cached_blocks(markdown: str) -> tuple[SimpleBlock, ...] | None:
    return _blocks(markdown)


def _blocks(markdown: str) -> tuple[SimpleBlock, ...] | None:
    out: list[SimpleBlock] = []
    after_text = False
    for number, line in enumerate(markdown.split("\n")):
        if not line:
            after_text = False
            continue
        if after_text:
            return None  # two lines of one paragraph (soft breaks, setext underlines): parse
        after_text = True
        if _PARAGRAPH.fullmatch(line):
            out.append(("p", line.strip(), number))
            continue
        heading = _HEADING.fullmatch(line)
        if heading is None or not heading.group(2).strip():
            return None
        out.append((f"h{len(heading.group(1))}", heading.group(2).strip(), number))
    return tuple(out)


def simple_tokens(markdown: str) -> list[Token] | None:
    """Return the tokens markdown-it makes of a simple body (a fresh list), else None."""
    blocks = simple_blocks(markdown)
    if blocks is None:
        return None
    out: list[Token] = []
    for tag, content, line in blocks:
        kind, markup = ("paragraph", "") if tag == "p" else ("heading", "#" * int(tag[1]))
        text = Token("text", "", 0, content=content)
        inline = Token("inline", "", 0, map=[line, line + 1], level=1, content=content)
        inline.children, inline.block = [text], True
        out += [
            Token(f"{kind}_open", tag, 1, map=[line, line + 1], markup=markup, block=True),
            inline,
            Token(f"{kind}_close", tag, -1, markup=markup, block=True),
        ]
    return out


def simple_html(blocks: tuple[SimpleBlock, ...]) -> str:
    """Return the HTML markdown-it renders for a simple body's blocks."""
    return "".join(f"<{tag}>{escapeHtml(text)}</{tag}>\n" for tag, text, _ in blocks)
