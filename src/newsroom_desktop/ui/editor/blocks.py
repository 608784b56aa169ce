"""The editor's block model and its canonical Markdown: parse into blocks, write blocks out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from newsroom_desktop.core import body

HARD_BREAK = "\u2028"  # what QTextEdit inserts for Shift+Enter inside a paragraph
OBJECT_CHAR = "\ufffc"
MAX_LEVEL = 3
SAFE_SCHEMES = ("http://", "https://", "mailto:")
BULLET = "bullet"
NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one set of inline marks."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""

    @property
    def marks(self) -> tuple[bool, bool, str]:
        return (self.bold, self.italic, self.href)


@dataclass(slots=True)
class Block:
    """One block of the body: a paragraph, heading, list item or figure, maybe quoted."""

    runs: list[Run] = field(default_factory=list)
    heading: int = 0  # 0, 2 or 3
    list_style: str = ""  # "", BULLET or NUMBER
    level: int = 0  # list nesting, 1-based when list_style is set
    quote: bool = False
    figure_id: str = ""
    alt: str = ""

    @property
    def is_figure(self) -> bool:
        return bool(self.figure_id)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def safe_href(href: str) -> str:
    """Return ``href`` in markdown-it's normalised form if its scheme is allowed, else ''."""
    href = href.strip()
    if not href.lower().startswith(SAFE_SCHEMES):
        return ""
    return str(body.MARKDOWN.normalizeLink(href))


def merge_runs(runs: Iterable[Run]) -> list[Run]:
    """Return ``runs`` with empty ones dropped and neighbours with the same marks joined."""
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].marks == run.marks:
            out[-1] = replace(out[-1], text=out[-1].text + run.text)
        else:
            out.append(run)
    return out


# --- Markdown -> blocks -------------------------------------------------------------------


def inline_runs(token: Token) -> list[Run]:
    """Return the runs of a markdown-it inline token (images and raw HTML left out)."""
    runs: list[Run] = []
    strong = em = 0
    href = ""
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            runs.append(Run(child.content, strong > 0, em > 0, href))
        elif kind == "softbreak":
            runs.append(Run(" ", strong > 0, em > 0, href))
        elif kind == "hardbreak":
            runs.append(Run(HARD_BREAK, strong > 0, em > 0, href))
        elif kind in ("strong_open", "strong_close"):
            strong += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            em += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            href = safe_href(str(child.attrGet("href") or ""))
        elif kind == "link_close":
            href = ""
    return merge_runs(runs)


@dataclass
class _Walk:
    """State while walking block tokens: quote depth, open lists, the block of each item."""

    blocks: list[Block] = field(default_factory=list)
    quote: int = 0
    lists: list[str] = field(default_factory=list)
    items: list[Block | None] = field(default_factory=list)
    heading: int = 0


def _add_inline(walk: _Walk, runs: list[Run]) -> None:
    depth = len(walk.lists)
    if depth:
        item = walk.items[depth - 1]
        if item is not None:
            # A second paragraph in one list item joins the item after a line break.
            item.runs = merge_runs([*item.runs, Run(HARD_BREAK), *runs])
            return
    block = Block(runs=runs, heading=walk.heading, quote=walk.quote > 0)
    if depth:
        block.list_style = walk.lists[-1]
        block.level = min(depth, MAX_LEVEL)
        walk.items[depth - 1] = block
    walk.blocks.append(block)


def _heading_level(tag: str) -> int:
    return 2 if tag in ("h1", "h2") else 3


def markdown_blocks(markdown: str) -> list[Block]:
    """Parse a body into editor blocks (H1 becomes H2, H4 and deeper become H3)."""
    tokens = body.parse(markdown)
    walk = _Walk()
    skip_inline = False
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "blockquote_open":
            walk.quote += 1
        elif kind == "blockquote_close":
            walk.quote -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            walk.lists.append(BULLET if kind == "bullet_list_open" else NUMBER)
            walk.items.append(None)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            walk.lists.pop()
            walk.items.pop()
        elif kind == "list_item_open":
            walk.items[-1] = None
        elif kind == "heading_open":
            walk.heading = _heading_level(token.tag)
        elif kind == "heading_close":
            walk.heading = 0
        elif kind == "paragraph_open":
            figure = body.figure_of(tokens, index)
            skip_inline = figure is not None
            if figure is not None:
                walk.blocks.append(Block(figure_id=figure.photo_id, alt=figure.alt))
        elif kind == "inline":
            if not skip_inline:
                _add_inline(walk, inline_runs(token))
            skip_inline = False
        elif kind in ("code_block", "fence"):
            text = token.content.rstrip("\n").replace("\n", HARD_BREAK)
            _add_inline(walk, [Run(text)])
    return walk.blocks
