"""The editor ⇄ canonical Markdown bridge: build a QTextDocument from a body and write it back."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextList

from newsroom_desktop.core.body import (
    OBJECT_CHAR,
    Block,
    Run,
    figure_block,
    markdown_blocks,
    text_block,
    write_blocks,
)
from newsroom_desktop.ui.editor.figures import FigureSource, register_figures
from newsroom_desktop.ui.editor.formats import (
    FIGURE_ALT,
    FIGURE_ID,
    base_char_format,
    block_format,
    block_format_for,
    block_kind,
    char_format,
    figure_char_format,
    is_figure_format,
    list_format,
    list_format_of,
    list_style_of,
    run_marks,
)
from newsroom_desktop.ui.editor.track_formats import is_deletion_format

__all__ = [
    "FigureSource",
    "document_blocks",
    "document_to_markdown",
    "insert_blocks",
    "markdown_to_document",
]


class _ListTracker:
    """The lists open while blocks are inserted, one per nesting level."""

    def __init__(self) -> None:
        self.lists: list[tuple[str, QTextList]] = []
        self.quote = 0  # the quote depth of the blocks in these lists

    def place(self, cursor: QTextCursor, block: Block) -> None:
        if not block.list_style or block.quote != self.quote:
            self.lists.clear()
            self.quote = block.quote
        if not block.list_style:
            return
        level = max(1, min(block.depth, len(self.lists) + 1))
        del self.lists[level:]
        if len(self.lists) == level and self.lists[-1][0] == block.list_style:
            self.lists[-1][1].add(cursor.block())
            return
        del self.lists[level - 1 :]
        new = cursor.createList(list_format(block.list_style, level))
        self.lists.append((block.list_style, new))


def _insert_runs(cursor: QTextCursor, runs: Sequence[Run], heading: int) -> None:
    for run in runs:
        cursor.insertText(run.text, char_format(run, heading))


def insert_blocks(cursor: QTextCursor, blocks: Sequence[Block], *, merge_first: bool) -> None:
    """Insert blocks at the cursor, each as one document block.

    With ``merge_first`` the first text block joins the text around the cursor (a paste);
    otherwise, and whenever the cursor's block is empty, that block takes the first block's format.
    """
    if merge_first and any(b.is_figure for b in blocks) and not cursor.atBlockEnd():
        # A figure needs a block of its own: keep the text after the cursor apart.
        cursor.insertBlock()
        cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter)
    lists = _ListTracker()
    for index, block in enumerate(blocks):
        empty = cursor.block().length() <= 1
        if index == 0 and merge_first and not empty and not block.is_figure:
            _insert_runs(cursor, block.runs, block_kind(cursor.blockFormat()).heading)
            continue
        if index == 0 and empty:
            cursor.setBlockFormat(block_format_for(block))
            cursor.setBlockCharFormat(base_char_format(block.heading))
        else:
            cursor.insertBlock(block_format_for(block), base_char_format(block.heading))
        lists.place(cursor, block)
        if block.is_figure:
            cursor.insertText(OBJECT_CHAR, figure_char_format(block.use_id, block.alt))
        else:
            _insert_runs(cursor, block.runs, block.heading)


def markdown_to_document(markdown: str, doc: QTextDocument, figures: FigureSource) -> None:
    """Replace ``doc``'s content with the body ``markdown``; loading is not an undoable step."""
    blocks = markdown_blocks(markdown)
    undo = doc.isUndoRedoEnabled()
    doc.setUndoRedoEnabled(False)
    doc.clear()
    register_figures(doc, figures)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    # An empty body still starts with a paragraph: what is typed into it then looks as it
    # will after a reload, not like Qt's default block (no line height, no spacing).
    cursor.setBlockFormat(block_format())
    cursor.setBlockCharFormat(base_char_format(0))
    insert_blocks(cursor, blocks, merge_first=False)
    cursor.endEditBlock()
    doc.setUndoRedoEnabled(undo)
    doc.setModified(False)


class _Reader:
    """Reads blocks out of a document, caching what each format index means."""

    def __init__(self, doc: QTextDocument) -> None:
        self.doc = doc
        self.formats = doc.allFormats()
        self.chars: dict[int, tuple[bool, bool, str] | None] = {}
        self.deletions: dict[int, bool] = {}
        self.blocks: dict[int, tuple[int, bool, str, int]] = {}

    def char_marks(self, index: int) -> tuple[bool, bool, str] | None:
        """Return (bold, italic, href) for a char format index, or None for a figure."""
        if index not in self.chars:
            fmt = self.formats[index]
            self.chars[index] = None if is_figure_format(fmt) else run_marks(fmt.toCharFormat())
        return self.chars[index]

    def deleted(self, index: int) -> bool:
        """Return True if a char format index marks tracked deleted text."""
        if index not in self.deletions:
            self.deletions[index] = is_deletion_format(self.formats[index])
        return self.deletions[index]

    def block_info(self, block: QTextBlock) -> tuple[int, bool, str, int]:
        """Return (heading, quote, list style, list level) for a block."""
        index = block.blockFormatIndex()
        if index not in self.blocks:
            fmt = self.formats[index].toBlockFormat()
            kind = block_kind(fmt)
            style, level = "", 0
            list_fmt = list_format_of(self.doc, fmt)
            if list_fmt is not None:
                style, level = list_style_of(list_fmt), max(1, list_fmt.indent())
            self.blocks[index] = (kind.heading, kind.quote, style, level)
        return self.blocks[index]

    def read(self, block: QTextBlock, out: list[Block]) -> None:
        heading, quote, style, level = self.block_info(block)
        runs: list[Run] = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if self.deleted(fragment.charFormatIndex()):
                it += 1  # tracked deleted text: shown, never part of the body
                continue
            marks = self.char_marks(fragment.charFormatIndex())
            if marks is None:
                out.append(text_block(runs, heading, list_style=style, depth=level, quote=quote))
                fmt = fragment.charFormat()
                use_id, alt = fmt.stringProperty(FIGURE_ID), fmt.stringProperty(FIGURE_ALT)
                out.extend(figure_block(use_id, alt) for _ in fragment.text())
                runs = []
            else:
                runs.append(Run(fragment.text(), *marks))
            it += 1
        out.append(text_block(runs, heading, list_style=style, depth=level, quote=quote))


def document_blocks(doc: QTextDocument) -> list[Block]:
    """Return the document's blocks as the editor model sees them."""
    reader = _Reader(doc)
    out: list[Block] = []
    block = doc.begin()
    while block.isValid():
        reader.read(block, out)
        block = block.next()
    return [b for b in out if b.is_figure or b.runs]


def document_to_markdown(doc: QTextDocument) -> str:
    """Return the document as canonical Markdown."""
    return write_blocks(document_blocks(doc))[0]
