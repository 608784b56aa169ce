"""The body as a flat list of blocks with styled runs, for formats that are not HTML."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it.token import Token

from newsroom_desktop.core import body as body_md


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""


@dataclass(frozen=True)
class Block:
    """One block of the body in reading order.

    ``kind`` is paragraph, heading, item (first paragraph of a list item), code, rule or
    figure. ``level`` is the heading level, or the list depth for items and paragraphs in
    lists; ``number`` is an ordered item's number (0 for bullets); ``quote`` the blockquote
    depth. A figure carries the photo use id and the alt text written in the body.
    """

    kind: str
    runs: tuple[Run, ...] = ()
    level: int = 0
    number: int = 0
    quote: int = 0
    use_id: str = ""
    alt: str = ""
    code_text: str = field(default="")

    @property
    def text(self) -> str:
        return self.code_text if self.kind == "code" else "".join(r.text for r in self.runs)


def runs_of(inline: Token) -> tuple[Run, ...]:
    """Return the styled runs of an inline token (images inside text are left out)."""
    runs: list[Run] = []
    bold = italic = 0
    href = ""
    for child in inline.children or []:
        kind = child.type
        if kind == "text" and child.content:
            runs.append(Run(child.content, bold > 0, italic > 0, False, href))
        elif kind == "code_inline":
            runs.append(Run(child.content, bold > 0, italic > 0, True, href))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(
                Run(" " if kind == "softbreak" else "\n", bold > 0, italic > 0, False, href)
            )
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
        elif kind == "link_close":
            href = ""
    return tuple(runs)


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lists: list[list[int]] = []  # per open list: [next number, 0 for bullets]
        self.quote = 0
        self.item_started = False

    def paragraph(self, inline: Token) -> None:
        depth = len(self.lists)
        if self.item_started:
            number = self.lists[-1][0]
            if number:
                self.lists[-1][0] += 1
            self.blocks.append(Block("item", runs_of(inline), depth, number, self.quote))
            self.item_started = False
        else:
            self.blocks.append(Block("paragraph", runs_of(inline), depth, 0, self.quote))

    def step(self, tokens: Sequence[Token], i: int) -> int:
        token = tokens[i]
        kind = token.type
        if kind == "paragraph_open":
            fig = body_md.figure_of(tokens, i)
            if fig is not None:
                self.blocks.append(
                    Block("figure", quote=self.quote, use_id=fig.photo_id, alt=fig.alt)
                )
                return i + 3
            self.paragraph(tokens[i + 1])
            return i + 3
        if kind == "heading_open":
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 2
            self.blocks.append(Block("heading", runs_of(tokens[i + 1]), level, 0, self.quote))
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0
            self.lists.append([start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.item_started = True
        elif kind == "blockquote_open":
            self.quote += 1
        elif kind == "blockquote_close":
            self.quote -= 1
        elif kind in ("code_block", "fence"):
            text = token.content.rstrip("\n")
            self.blocks.append(Block("code", (), len(self.lists), 0, self.quote, code_text=text))
        elif kind == "hr":
            self.blocks.append(Block("rule", quote=self.quote))
        return i + 1


@lru_cache(maxsize=8)
def body_tokens(markdown: str) -> tuple[Token, ...]:
    """Return the parsed body, shared by the check, photo plan and renderers of one export."""
    return tuple(body_md.parse(markdown))


def body_figures(markdown: str) -> list[body_md.BodyFigure]:
    """Return the photos placed in the body, in reading order (from the shared parse)."""
    tokens = body_tokens(markdown)
    found = (body_md.figure_of(tokens, i) for i in range(len(tokens)))
    return [f for f in found if f is not None]


def has_text(markdown: str) -> bool:
    """Tell whether the body has any text besides its photos."""
    tokens = body_tokens(markdown)
    return any(
        (t.type == "inline" and body_md.inline_text(t).strip()) or t.type in ("code_block", "fence")
        for t in tokens
    )


def render_html(markdown: str, figure_html: Callable[[str, str], str]) -> str:
    """Render the body like ``core.body.render_html``, from the shared parse.

    Images inside the text (a picture from the web, a local file) are left out; the check
    names each one that is not the article's photo.
    """
    return body_md.render_tokens(body_tokens(markdown), figure_html)


def body_images(markdown: str) -> list[str]:
    """Return the source of every image in the body, placed photos too, in reading order."""
    return [
        str(image.attrGet("src") or "") for _, image in body_md.inline_images(body_tokens(markdown))
    ]


def body_blocks(markdown: str) -> list[Block]:
    """Return the blocks of a body in reading order, figures where they stand."""
    tokens = body_tokens(markdown)
    walker = _Walker()
    i = 0
    while i < len(tokens):
        i = walker.step(tokens, i)
    return walker.blocks
