"""Editing operations on the body document: marks, headings, lists, quotes, links, photos."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
)

from newsroom_desktop.core.body import MAX_LEVEL, OBJECT_CHAR, figure_block, safe_href
from newsroom_desktop.ui.editor.bridge import insert_blocks
from newsroom_desktop.ui.editor.formats import (
    FIGURE_BLOCK,
    FIGURE_ID,
    block_kind,
    is_figure_format,
    list_format,
    list_format_of,
    list_style_of,
    restyle_block_format,
    restyle_heading,
    run_marks,
    set_bold,
    set_link,
)

Move = QTextCursor.MoveOperation
Keep = QTextCursor.MoveMode.KeepAnchor


@dataclass(frozen=True)
class CursorState:
    """What the formatting actions show as checked for the cursor."""

    bold: bool = False
    italic: bool = False
    href: str = ""
    heading: int = 0
    list_style: str = ""
    quote: bool = False
    figure: bool = False


def text_list(block: QTextBlock) -> QTextList | None:
    """Return the list a block belongs to (by object index; see formats.list_format_of)."""
    index = block.blockFormat().objectIndex()
    if index < 0:
        return None
    obj = block.document().object(index)
    return obj if isinstance(obj, QTextList) else None


def is_figure_block(block: QTextBlock) -> bool:
    """Return True if the block holds a placed photo."""
    if block.text() != OBJECT_CHAR:
        return False
    return is_figure_format(block.begin().fragment().charFormat())


def figure_id(block: QTextBlock) -> str:
    """Return the photo use id of a figure block, or ''."""
    if not is_figure_block(block):
        return ""
    return block.begin().fragment().charFormat().stringProperty(FIGURE_ID)


def selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    """Return the blocks the cursor's selection touches (the cursor's block without one)."""
    doc = cursor.document()
    block = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd()).blockNumber()
    out: list[QTextBlock] = []
    while block.isValid() and block.blockNumber() <= last:
        out.append(block)
        block = block.next()
    return out


def _text_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    return [b for b in selected_blocks(cursor) if not is_figure_block(b)]


def cursor_state(cursor: QTextCursor, fmt: QTextCharFormat) -> CursorState:
    """Return the checked states for a cursor whose typing format is ``fmt``."""
    bold, italic, href = run_marks(fmt)
    block = cursor.block()
    kind = block_kind(block.blockFormat())
    lst = list_format_of(cursor.document(), block.blockFormat())
    style = list_style_of(lst) if lst is not None else ""
    return CursorState(bold, italic, href, kind.heading, style, kind.quote, is_figure_block(block))


def _fragments(cursor: QTextCursor) -> Iterator[tuple[int, int, QTextCharFormat, int]]:
    """Yield (start, end, format, heading) for each text piece inside the selection."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    for block in selected_blocks(cursor):
        heading = block_kind(block.blockFormat()).heading
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            a, b = max(frag.position(), start), min(frag.position() + frag.length(), end)
            fmt = frag.charFormat()
            if a < b and not is_figure_format(fmt):
                yield a, b, fmt, heading
            it += 1


def map_char_formats(cursor: QTextCursor, change: Callable[[QTextCharFormat, int], None]) -> None:
    """Apply ``change(format, heading)`` to every piece of text in the selection, as one step."""
    doc = cursor.document()
    pieces = list(_fragments(cursor))
    edit = QTextCursor(doc)
    edit.beginEditBlock()
    for a, b, fmt, heading in pieces:
        change(fmt, heading)
        edit.setPosition(a)
        edit.setPosition(b, Keep)
        edit.setCharFormat(fmt)
    edit.endEditBlock()


def toggle_mark(cursor: QTextCursor, typing: QTextCharFormat, mark: str) -> QTextCharFormat:
    """Toggle bold or italic over the selection; return the new typing format."""
    bold, italic, _href = run_marks(typing)
    on = not (bold if mark == "bold" else italic)

    def change(fmt: QTextCharFormat, heading: int) -> None:
        if mark == "bold":
            set_bold(fmt, on, heading)
        else:
            fmt.setFontItalic(on)

    if cursor.hasSelection():
        map_char_formats(cursor, change)
    new = QTextCharFormat(typing)
    change(new, block_kind(cursor.blockFormat()).heading)
    return new


def _restyle(cursor: QTextCursor, block: QTextBlock, heading: int, quote: bool) -> None:
    fmt = QTextBlockFormat(block.blockFormat())
    restyle_block_format(fmt, heading, quote, fmt.objectIndex() >= 0)
    cursor.setPosition(block.position())
    cursor.setBlockFormat(fmt)
    char_fmt = cursor.blockCharFormat()
    restyle_heading(char_fmt, heading)
    cursor.setBlockCharFormat(char_fmt)


def set_heading(cursor: QTextCursor, heading: int) -> None:
    """Make the selected blocks headings of ``heading`` level (0: paragraphs), as one step."""
    blocks = _text_blocks(cursor)
    edit = QTextCursor(cursor.document())
    edit.beginEditBlock()
    for block in blocks:
        _restyle(edit, block, heading, block_kind(block.blockFormat()).quote)
        edit.setPosition(block.position())
        edit.setPosition(block.position() + block.length() - 1, Keep)
        map_char_formats(edit, lambda fmt, _h: restyle_heading(fmt, heading))
    edit.endEditBlock()


def set_quote(cursor: QTextCursor, quote: bool) -> None:
    """Quote or unquote the selected blocks, as one step."""
    edit = QTextCursor(cursor.document())
    edit.beginEditBlock()
    for block in _text_blocks(cursor):
        _restyle(edit, block, block_kind(block.blockFormat()).heading, quote)
    edit.endEditBlock()


def _leave_list(edit: QTextCursor, block: QTextBlock) -> None:
    lst = text_list(block)
    if lst is None:
        return
    lst.remove(block)
    fmt = QTextBlockFormat(block.blockFormat())
    fmt.setIndent(0)
    kind = block_kind(fmt)
    restyle_block_format(fmt, kind.heading, kind.quote, False)
    edit.setPosition(block.position())
    edit.setBlockFormat(fmt)


def _join_list(edit: QTextCursor, block: QTextBlock, style: str, level: int) -> QTextList:
    """Put ``block`` in the list at ``level`` just above it, or in a new list."""
    prev = block.previous()
    while prev.isValid():
        lst = text_list(prev)
        if lst is None:
            break
        fmt = lst.format()
        if fmt.indent() == level and list_style_of(fmt) == style:
            lst.add(block)
            return lst
        if fmt.indent() < level:
            break
        prev = prev.previous()
    edit.setPosition(block.position())
    return edit.createList(list_format(style, level))


def _listed(edit: QTextCursor, block: QTextBlock) -> None:
    fmt = QTextBlockFormat(block.blockFormat())
    kind = block_kind(fmt)
    restyle_block_format(fmt, kind.heading, kind.quote, True)
    edit.setPosition(block.position())
    edit.setBlockFormat(fmt)


def toggle_list(cursor: QTextCursor, style: str) -> None:
    """Make the selected blocks items of a ``style`` list, or plain paragraphs if they are."""
    blocks = _text_blocks(cursor)
    edit = QTextCursor(cursor.document())
    edit.beginEditBlock()
    lists = [text_list(b) for b in blocks]
    if blocks and all(lst is not None and list_style_of(lst.format()) == style for lst in lists):
        for block in blocks:
            _leave_list(edit, block)
    else:
        target: QTextList | None = None
        for block, lst in zip(blocks, lists, strict=True):
            if lst is not None and list_style_of(lst.format()) != style:
                lst.setFormat(list_format(style, lst.format().indent()))
                continue
            if lst is None:
                if target is None:
                    target = _join_list(edit, block, style, 1)
                else:
                    target.add(block)
                _listed(edit, block)
    edit.endEditBlock()


def indent_list(cursor: QTextCursor, delta: int) -> bool:
    """Move the selected list items one level in or out; return False outside a list."""
    blocks = [b for b in _text_blocks(cursor) if text_list(b) is not None]
    if not blocks:
        return False
    edit = QTextCursor(cursor.document())
    edit.beginEditBlock()
    for block in blocks:
        lst = text_list(block)
        assert lst is not None
        style, level = list_style_of(lst.format()), lst.format().indent() + delta
        if level > MAX_LEVEL:
            continue
        _leave_list(edit, block)
        if level >= 1:
            _join_list(edit, block, style, level)
            _listed(edit, block)
    edit.endEditBlock()
    return True


def link_extent(cursor: QTextCursor) -> QTextCursor:
    """Return a cursor selecting the link (or word) under ``cursor`` when nothing is selected."""
    out = QTextCursor(cursor)
    if out.hasSelection():
        return out
    href = run_marks(out.charFormat())[2]
    if not href:
        out.select(QTextCursor.SelectionType.WordUnderCursor)
        return out
    start = end = out.position()
    for a, b, fmt, _heading in _fragments(_block_cursor(out)):
        if run_marks(fmt)[2] == href and a <= end and b >= start:
            start, end = min(start, a), max(end, b)
    out.setPosition(start)
    out.setPosition(end, Keep)
    return out


def _block_cursor(cursor: QTextCursor) -> QTextCursor:
    out = QTextCursor(cursor)
    out.movePosition(Move.StartOfBlock)
    out.movePosition(Move.EndOfBlock, Keep)
    return out


def apply_link(cursor: QTextCursor, url: str) -> bool:
    """Link the selection (or the word or link at the cursor) to ``url``; '' removes the link.

    Returns False if ``url`` is not an http, https or mailto address.
    """
    href = safe_href(url) if url.strip() else ""
    if url.strip() and not href:
        return False
    target = link_extent(cursor)
    if not target.hasSelection():
        if href:
            fmt = QTextCharFormat(cursor.charFormat())
            set_link(fmt, href)
            cursor.insertText(url.strip(), fmt)
        return True
    map_char_formats(target, lambda fmt, _h: set_link(fmt, href))
    return True


def insert_figure(cursor: QTextCursor, use_id: str, alt: str = "") -> None:
    """Place a photo at the cursor as a block of its own, as one undoable step."""
    cursor.beginEditBlock()
    if cursor.hasSelection():
        cursor.removeSelectedText()
    insert_blocks(cursor, [figure_block(use_id, alt)], merge_first=True)
    nxt = cursor.block().next()
    if nxt.isValid():
        cursor.setPosition(nxt.position())
    cursor.endEditBlock()


def figure_blocks(doc: QTextDocument, use_id: str) -> list[QTextBlock]:
    """Return the blocks that place the photo use ``use_id``."""
    out: list[QTextBlock] = []
    block = doc.begin()
    while block.isValid():
        if block.length() == 2 and figure_id(block) == use_id:
            out.append(block)
        block = block.next()
    return out


def is_stray_figure_block(block: QTextBlock) -> bool:
    """Return True for a block with the figure layout but no photo left in it."""
    return block.blockFormat().boolProperty(FIGURE_BLOCK) and not is_figure_block(block)


def remove_figure_block(block: QTextBlock) -> None:
    """Delete a figure and its block, as one undoable step."""
    edit = QTextCursor(block.document())
    edit.beginEditBlock()
    if block.previous().isValid():
        # Removing the separator before the photo joins what follows to the block before,
        # which keeps its own format.
        edit.setPosition(block.position() - 1)
        edit.setPosition(block.position() + 1, Keep)
        edit.removeSelectedText()
    else:
        edit.setPosition(block.position())
        edit.setPosition(block.position() + 1, Keep)
        edit.removeSelectedText()
        make_paragraph(edit)
    edit.endEditBlock()


def make_paragraph(cursor: QTextCursor) -> None:
    """Give the cursor's block the plain paragraph layout."""
    fmt = QTextBlockFormat()
    restyle_block_format(fmt, 0, False, False)
    cursor.setBlockFormat(fmt)
