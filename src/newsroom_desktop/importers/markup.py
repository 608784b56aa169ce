"""Write imported text as Markdown that reads back as exactly the same text."""

from __future__ import annotations

import re

# Inline characters CommonMark may read as markup anywhere in a line.
_INLINE_RE = re.compile(r"([\\`*_\[\]<])")
# Character references: "&amp;" would read back as "&".
_ENTITY_RE = re.compile(r"&(?=#?\w+;)")
# Line openings that start a block: heading, quote, list item, thematic break, fence, table.
_LINE_START_RE = re.compile(r"^([#>+=~\-])")
_ORDERED_RE = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
# A line with none of these is its own Markdown: two quick looks instead of four substitutions.
# (Two patterns of one set of characters each: the regex engine scans those fastest.)
_MAY_NEED_ESCAPE_RE = re.compile(r"[\\`*_\[\]<&]")
_OPENING_MAY_NEED_ESCAPE_RE = re.compile(r"[#>+=~\-\d]")


def escape_inline(text: str) -> str:
    """Return text with the characters that could start inline markup escaped."""
    return _ENTITY_RE.sub(r"\\&", _INLINE_RE.sub(r"\\\1", text))


def escape_line_start(line: str) -> str:
    """Return a Markdown line whose opening cannot start a block (heading, list, quote)."""
    return _ORDERED_RE.sub(r"\1\\\2", _LINE_START_RE.sub(r"\\\1", line))


def escape_line(line: str) -> str:
    """Return one line of text escaped so that Markdown shows it literally."""
    if not (_OPENING_MAY_NEED_ESCAPE_RE.match(line) or _MAY_NEED_ESCAPE_RE.search(line)):
        return line
    return escape_line_start(escape_inline(line))


def escape_text(text: str) -> str:
    """Return text (one or more lines) escaped line by line; line breaks become hard breaks."""
    lines = [escape_line(line.strip()) for line in text.split("\n") if line.strip()]
    return "\\\n".join(lines)


def link_target(url: str) -> str:
    """Return a link destination that survives spaces and brackets: ``<...>`` when needed."""
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def heading(text: str, level: int = 2) -> str:
    """Return a Markdown heading block (levels 2-4: the headline is the article's own h1)."""
    return f"{'#' * min(max(level, 2), 4)} {escape_line(' '.join(text.split()))}"
