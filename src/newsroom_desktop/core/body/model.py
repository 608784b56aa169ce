"""The body as blocks of styled runs, and the one walker that reads them out of Markdown."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from newsroom_desktop.core.body.parse import MARKDOWN, figure_of, tokens

HARD_BREAK = "\u2028"  # a line break inside an editor block (QTextEdit's Shift+Enter)
OBJECT_CHAR = "\ufffc"  # the character that stands for a figure in the editor's document
MAX_LEVEL = 3  # the deepest list the editor shows
SAFE_SCHEMES = ("http://", "https://", "mailto:")
BULLET = "bullet"
NUMBER = "number"
PARAGRAPH = "paragraph"
HEADING = "heading"
ITEM = "item"
CODE = "code"
RULE = "rule"
FIGURE = "figure"


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one set of inline marks."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""
    code: bool = False

    @property
    def marks(self) -> tuple[bool, bool, str, bool]:
        return (self.bold, self.italic, self.href, self.code)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the body in reading order.

    ``kind`` is paragraph, heading, item (the first paragraph of a list item), code, rule or
    figure. ``heading`` is a heading's level; ``list_style`` (bullet or number), ``depth``
    and ``number`` (an ordered item's number) place a block in lists; ``item`` numbers the
    list items in reading order, so an item's later paragraphs can find its first one;
    ``quote`` is the blockquote depth. A figure carries the photo use id and its alt text.
    The editor's blocks are of the same kind, fewer: no code or rules, one block a list item.
    """

    kind: str = PARAGRAPH
    runs: tuple[Run, ...] = ()
    heading: int = 0
    list_style: str = ""
    depth: int = 0
    number: int = 0
    item: int = 0
    quote: int = 0
    use_id: str = ""
    alt: str = ""
    code_text: str = ""

    @property
    def level(self) -> int:
        """Return the heading level of a heading, else the list depth (for flat formats)."""
        return self.heading if self.kind == HEADING else self.depth

    @property
    def is_figure(self) -> bool:
        return self.kind == FIGURE

    @property
    def text(self) -> str:
        return self.code_text if self.kind == CODE else "".join(r.text for r in self.runs)


def text_block(
    runs: Iterable[Run], heading: int = 0, *, list_style: str = "", depth: int = 0, quote: int = 0
) -> Block:
    """Return an editor block of text: a heading, a list item or a paragraph."""
    kind = HEADING if heading else ITEM if list_style else PARAGRAPH
    return Block(kind, tuple(runs), heading, list_style, depth, quote=int(quote))


def figure_block(use_id: str, alt: str) -> Block:
    """Return the block of a placed photo."""
    return Block(FIGURE, use_id=use_id, alt=alt)


def safe_href(href: str) -> str:
    """Return ``href`` in markdown-it's normalised form if its scheme is allowed, else ''."""
    href = href.strip()
    if not href.lower().startswith(SAFE_SCHEMES):
        return ""
    return str(MARKDOWN.normalizeLink(href))


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


# --- inline tokens -> runs ---------------------------------------------------------------


def styled_runs(inline: Token) -> tuple[Run, ...]:
    """Return every styled run of an inline token as written (images left out), for exports."""
    runs: list[Run] = []
    bold = italic = 0
    href = ""
    for child in inline.children or []:
        kind = child.type
        if kind == "text" and child.content:
            runs.append(Run(child.content, bold > 0, italic > 0, href))
        elif kind == "code_inline":
            runs.append(Run(child.content, bold > 0, italic > 0, href, code=True))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" " if kind == "softbreak" else "\n", bold > 0, italic > 0, href))
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
        elif kind == "link_close":
            href = ""
    return tuple(runs)


def inline_runs(token: Token) -> list[Run]:
    """Return the editor's runs of an inline token: merged, safe links only, no code marks."""
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


# --- block tokens -> blocks --------------------------------------------------------------

RunReader = Callable[[Token], Sequence[Run]]


@dataclass
class _Walker:
    """Walks block tokens, keeping the open quotes, lists and list items."""

    read_runs: RunReader
    blocks: list[Block] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # per open list: bullet or number
    numbers: list[int] = field(default_factory=list)  # per open list: its next number (0: bullets)
    items: list[int] = field(default_factory=list)  # per open list: its open item
    quote: int = 0
    items_seen: int = 0
    item_started: bool = False  # the open item has had no paragraph yet

    def add(
        self,
        kind: str,
        runs: Sequence[Run] = (),
        *,
        heading: int = 0,
        number: int = 0,
        code: str = "",
    ) -> None:
        """Add a text block where the walk stands: in its lists and quotes."""
        style, depth, item = (
            (self.styles[-1], len(self.styles), self.items[-1]) if self.styles else ("", 0, 0)
        )
        self.blocks.append(
            Block(
                kind, tuple(runs), heading, style, depth, number, item, self.quote, code_text=code
            )
        )

    def paragraph(self, inline: Token) -> None:
        runs = self.read_runs(inline)
        if not self.styles:
            self.item_started = False  # left by an empty item: it means nothing out of lists
        if not self.item_started:
            self.add(PARAGRAPH, runs)
            return
        number = self.numbers[-1]
        if number:
            self.numbers[-1] += 1
        self.add(ITEM, runs, number=number)
        self.item_started = False

    def step(self, tokens: Sequence[Token], i: int) -> int:
        """Take in the token at ``i``; return the index of the next one to look at."""
        token = tokens[i]
        if token.type == "paragraph_open":
            fig = figure_of(tokens, i)
            if fig is None:
                self.paragraph(tokens[i + 1])
            else:  # a figure stands outside lists, as in every flat format
                self.blocks.append(
                    Block(FIGURE, quote=self.quote, use_id=fig.photo_id, alt=fig.alt)
                )
            return i + 3
        if token.type == "heading_open":
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 2
            self.add(HEADING, self.read_runs(tokens[i + 1]), heading=level)
            return i + 3
        self.structure(token)
        return i + 1

    def structure(self, token: Token) -> None:
        """Follow lists, items and quotes; take in code blocks and rules."""
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            self.styles.append(NUMBER if ordered else BULLET)
            self.numbers.append(int(token.attrGet("start") or 1) if ordered else 0)
            self.items.append(0)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            del self.styles[-1], self.numbers[-1], self.items[-1]
        elif kind == "list_item_open":
            self.items_seen += 1
            self.items[-1] = self.items_seen
            self.item_started = True
        elif kind in ("blockquote_open", "blockquote_close"):
            self.quote += 1 if kind == "blockquote_open" else -1
        elif kind in ("code_block", "fence"):
            self.add(CODE, code=token.content.rstrip("\n"))
        elif kind == "hr":
            self.blocks.append(Block(RULE, quote=self.quote))


def walk(parsed: Sequence[Token], read_runs: RunReader = styled_runs) -> list[Block]:
    """Return the blocks of parsed Markdown in reading order, figures where they stand."""
    walker = _Walker(read_runs)
    i = 0
    while i < len(parsed):
        i = walker.step(parsed, i)
    return walker.blocks


def body_blocks(markdown: str) -> list[Block]:
    """Return the blocks of a body in reading order, every run as written (for exports)."""
    return walk(tokens(markdown))


# The editor holds less than Markdown says: H1 becomes H2 and H4 and deeper H3, lists go three
# deep, a list item is one block (its later paragraphs follow line breaks), code is text and
# rules are left out. Whatever it holds, the writer writes back unchanged.
def markdown_blocks(markdown: str) -> list[Block]:
    """Return a body's blocks as the editor holds them."""
    out: list[Block] = []
    holder: dict[int, int] = {}  # list item -> index in ``out`` of the block holding its text
    for block in walk(tokens(markdown), inline_runs):
        if block.kind == FIGURE:
            out.append(figure_block(block.use_id, block.alt))
            continue
        if block.kind == RULE:
            continue
        runs: Sequence[Run] = block.runs
        if block.kind == CODE:
            runs = (Run(block.code_text.replace("\n", HARD_BREAK)),)
        if block.item in holder:
            at = holder[block.item]
            joined = merge_runs([*out[at].runs, Run(HARD_BREAK), *runs])
            out[at] = replace(out[at], runs=tuple(joined))
            continue
        if block.item:
            holder[block.item] = len(out)
        heading = 0 if block.kind != HEADING else 2 if block.heading <= 2 else 3
        depth = min(block.depth, MAX_LEVEL)
        quote = int(block.quote > 0)
        out.append(text_block(runs, heading, list_style=block.list_style, depth=depth, quote=quote))
    return out
