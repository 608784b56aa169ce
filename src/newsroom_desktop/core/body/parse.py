"""The one configured markdown-it-py parser of article bodies, and its shared, cached parse."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.image import image as _image_rule
from markdown_it.token import Token

from newsroom_desktop.core.body.simple import simple_tokens

PHOTO_SCHEME = "photo:"

# Raw HTML is off: whatever sits in a body is text, never markup that reaches an export.
MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})


def _image_with_span(state: StateInline, silent: bool) -> bool:
    """Parse an image as markdown-it does, noting where its Markdown stands in the block."""
    start, count = state.pos, len(state.tokens)
    if not _image_rule(state, silent):
        return False
    for token in state.tokens[count:]:
        if token.type == "image":
            token.meta["span"] = (start, state.pos)
    return True


# An image in the text can then be cut out of the Markdown itself (see strip_images).
MARKDOWN.inline.ruler.at("image", _image_with_span)


@dataclass(frozen=True)
class BodyFigure:
    """A photo placed in the body: its id and the alt text written in the Markdown."""

    photo_id: str
    alt: str


def parse(markdown: str) -> list[Token]:
    """Parse a body into markdown-it block tokens (a fresh list the caller may change)."""
    simple = simple_tokens(markdown)
    return MARKDOWN.parse(markdown) if simple is None else simple


# The check, the photo plan and the renderer of one export (or one view) share one parse.
@functools.lru_cache(maxsize=16)
def tokens(markdown: str) -> tuple[Token, ...]:
    """Return the parsed body from the shared cache; its tokens are read, never changed."""
    return tuple(parse(markdown))


def figure_of(tokens: Sequence[Token], index: int) -> BodyFigure | None:
    """Return the figure if ``tokens[index]`` opens a paragraph holding one photo image alone."""
    if index + 2 >= len(tokens) or tokens[index].type != "paragraph_open":
        return None
    inline = tokens[index + 1]
    children = [
        c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())
    ]
    if len(children) != 1 or children[0].type != "image":
        return None
    src = str(children[0].attrGet("src") or "")
    if not src.startswith(PHOTO_SCHEME):
        return None
    alt = "".join(c.content for c in children[0].children or [])
    return BodyFigure(src.removeprefix(PHOTO_SCHEME), alt)


def inline_text(token: Token) -> str:
    """Return the visible text of an inline token, without images."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" " if child.type == "softbreak" else "\n")
    return "".join(parts)


def inline_images(tokens: Sequence[Token]) -> list[tuple[Token, Token]]:
    """Return (inline token, image token) for each image in parsed text, in reading order."""
    return [
        (token, child)
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "image"
    ]
