"""The canonical Markdown writer: editor blocks out as Markdown that reads back the same."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsroom_desktop.core.body.figures import figure_markdown
from newsroom_desktop.core.body.inline import block_lines, line_markdown
from newsroom_desktop.core.body.model import (
    BULLET,
    HARD_BREAK,
    MAX_LEVEL,
    Block,
    Run,
    figure_block,
    markdown_blocks,
    merge_runs,
    text_block,
)
from newsroom_desktop.core.text import clean


@lru_cache(maxsize=16384)
def _block_text(runs: tuple[Run, ...], heading: int) -> tuple[tuple[str, ...], tuple[Run, ...]]:
    """Return a block's Markdown lines and the runs they read back as (cached: autosave)."""
    lines_md: list[str] = []
    read: list[Run] = []
    for line in block_lines(text_block(runs, heading)):
        text, line_runs = line_markdown(line)
        read += [Run(HARD_BREAK), *line_runs] if lines_md else line_runs
        lines_md.append(text)
    return tuple(lines_md), tuple(merge_runs(read))


# --- block layout ----------------------------------------------------------------------------


@dataclass
class _Lists:
    """The list items written so far in the current run of list blocks."""

    styles: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    new_top: bool = False  # the last item started a new top-level list

    def marker(self, style: str, level: int) -> tuple[str, int]:
        """Return the item marker and the indent it sits at; ``level`` is clamped first."""
        level = max(1, min(level, len(self.styles) + 1, MAX_LEVEL))
        del self.styles[level:], self.counts[level:], self.widths[level:]
        self.new_top = False
        if len(self.styles) == level and self.styles[-1] == style:
            self.counts[-1] += 1
        else:
            self.new_top = level == 1
            del self.styles[level - 1 :], self.counts[level - 1 :], self.widths[level - 1 :]
            self.styles.append(style)
            self.counts.append(1)
            self.widths.append(0)
        marker = "- " if style == BULLET else f"{self.counts[-1]}. "
        self.widths[-1] = len(marker)
        return marker, sum(self.widths[:-1])


@dataclass
class Written:
    """A block as written: its Markdown and the block it reads back as."""

    markdown: str
    block: Block


def write_block(block: Block, lists: _Lists | None) -> Written | None:
    """Return the Markdown of one block, or None if it holds nothing Markdown keeps."""
    if block.is_figure:
        fig = figure_markdown(block.use_id, block.alt)
        return Written(fig, figure_block(block.use_id, " ".join(block.alt.split())))
    lines, read = _block_text(tuple(block.runs), block.heading)
    if not read:
        return None
    lines_md = list(lines)
    style, depth = "", 0
    if block.heading:
        lines_md[0] = "#" * block.heading + " " + lines_md[0]
    if lists is not None and block.list_style:
        marker, indent = lists.marker(block.list_style, block.depth)
        style, depth = block.list_style, len(lists.styles)
        pad = " " * (indent + len(marker))
        lines_md = [" " * indent + marker + lines_md[0], *(pad + line for line in lines_md[1:])]
    out = text_block(read, block.heading, list_style=style, depth=depth, quote=block.quote)
    return Written("\\\n".join(lines_md), out)


def _quoted(markdown: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in markdown.split("\n"))


def write_blocks(blocks: Sequence[Block]) -> tuple[str, list[Block]]:
    """Return canonical Markdown for ``blocks`` and the blocks it reads back as."""
    parts: list[str] = []
    read: list[Block] = []
    lists = _Lists()
    prev: Block | None = None
    for block in blocks:
        in_run = prev is not None and prev.list_style and prev.quote == block.quote
        if not (block.list_style and in_run):
            lists = _Lists()
        written = write_block(block, lists)
        if written is None:
            continue
        text = written.markdown
        if block.quote and not block.is_figure:
            text = _quoted(text)
        if parts:
            same_list = block.list_style and in_run
            quoted = block.quote and prev is not None and prev.quote and not block.is_figure
            if same_list and lists.new_top:
                same_list = False  # a list of the other kind: a blank line keeps them apart
            parts.append("\n" if same_list else "\n>\n" if quoted else "\n\n")
        parts.append(text)
        read.append(written.block)
        prev = written.block
    markdown = clean("".join(parts))
    return (f"{markdown}\n" if markdown else ""), read


def blocks_markdown(blocks: Sequence[Block]) -> str:
    """Return the canonical Markdown of ``blocks``."""
    return write_blocks(blocks)[0]


def canonical(markdown: str) -> str:
    """Return any Markdown body in the editor's canonical form."""
    return blocks_markdown(markdown_blocks(markdown))
