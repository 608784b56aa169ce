"""Plain text in the sample's shape: section, headline, date line, lead, body, captions, byline."""

from __future__ import annotations

from pathlib import Path

from newsroom_desktop.core import dates
from newsroom_desktop.core.body import Block, body_blocks
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters.base import ExportOptions, write_text


def caption_line(doc: ArticleDoc, use_id: str) -> str:
    """Return the line that stands for a photo: its caption, then the credit in brackets."""
    use = doc.photo(use_id)
    if use is None:
        return ""
    if use.caption and use.credit:
        return f"{use.caption} ({use.credit})"
    return use.caption or (f"({use.credit})" if use.credit else "")


def _block_text(doc: ArticleDoc, block: Block) -> str:
    if block.kind == "figure":
        return caption_line(doc, block.use_id)
    if block.kind == "rule":
        return "* * *"
    text = block.text.strip("\n") if block.kind == "code" else block.text.strip()
    if block.kind == "item":
        marker = f"{block.number}." if block.number else "-"
        return "  " * max(0, block.level - 1) + f"{marker} {text}"
    return text


def article_text(doc: ArticleDoc, options: ExportOptions) -> str:
    """Return the article as plain text, blocks separated by blank lines, ending in a newline."""
    dateline = dates.updated_line(doc.updated_at, options.zone, doc.language)
    parts = [doc.section, "\n".join(line for line in (doc.headline, dateline) if line), doc.lead]
    parts += [_block_text(doc, block) for block in body_blocks(doc.body)]
    parts.append(doc.byline)
    return "\n\n".join(part for part in parts if part.strip()) + "\n"


class TextExporter:
    """Plain UTF-8 text, one paragraph a line."""

    name = "txt"
    suffix = ".txt"
    label = "Plain text"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        dest = out_dir / f"{options.stem_for(doc)}{self.suffix}"
        return [write_text(dest, article_text(doc, options))]
