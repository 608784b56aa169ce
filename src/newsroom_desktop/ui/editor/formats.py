"""The editor's text formats: what each block and run looks like, and what it means."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from newsroom_desktop.core.body import BULLET, NUMBER, Block, Run

FIGURE_OBJECT = int(QTextFormat.ObjectTypes.UserObject.value) + 1
FIGURE_ID = int(QTextFormat.Property.UserProperty.value) + 1
FIGURE_ALT = int(QTextFormat.Property.UserProperty.value) + 2
FIGURE_BLOCK = int(QTextFormat.Property.UserProperty.value) + 3
QUOTE_LEVEL = int(QTextFormat.Property.BlockQuoteLevel.value)
SIZE_ADJUSTMENT = int(QTextFormat.Property.FontSizeAdjustment.value)

BOLD_WEIGHT = 700
HEADING_WEIGHT = 600  # below bold, so bold inside a heading stays a mark of its own
LINK_COLOUR = QColor("#1d5fa8")
QUOTE_INDENT = 26.0
_HEADING_SIZE = {2: 2, 3: 1}  # QTextFormat size adjustment: +2 ~ 1.5x, +1 ~ 1.2x
_BULLETS = {
    1: QTextListFormat.Style.ListDisc,
    2: QTextListFormat.Style.ListCircle,
    3: QTextListFormat.Style.ListSquare,
}
_NUMBERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


@dataclass(frozen=True, slots=True)
class BlockKind:
    """What a block format means: heading level and quote; lists are read from the list."""

    heading: int
    quote: bool


def heading_of(fmt: QTextBlockFormat) -> int:
    """Return 0, 2 or 3: the heading level a block format stands for."""
    level = fmt.headingLevel()
    if level <= 0:
        return 0
    return 2 if level <= 2 else 3


def block_kind(fmt: QTextBlockFormat) -> BlockKind:
    """Return what a block format means."""
    return BlockKind(heading_of(fmt), fmt.intProperty(QUOTE_LEVEL) > 0)


def list_style_of(fmt: QTextListFormat) -> str:
    """Return BULLET or NUMBER for a list format."""
    return NUMBER if fmt.style() in _NUMBERED else BULLET


def run_marks(fmt: QTextCharFormat) -> tuple[bool, bool, str]:
    """Return (bold, italic, href) for a character format."""
    href = fmt.anchorHref() if fmt.isAnchor() else ""
    return fmt.fontWeight() >= BOLD_WEIGHT, fmt.fontItalic(), href


def list_format_of(doc: QTextDocument, fmt: QTextBlockFormat) -> QTextListFormat | None:
    """Return the list format of the list a block format belongs to, or None.

    Goes through the object index, not QTextBlock.textList(): see figures.register_figures.
    """
    index = fmt.objectIndex()
    if index < 0:
        return None
    obj = doc.object(index)
    fmt_of = obj.format() if isinstance(obj, QTextList) else None
    return fmt_of.toListFormat() if fmt_of is not None else None


def is_figure_format(fmt: QTextFormat) -> bool:
    """Return True if ``fmt`` is the format of a placed photo."""
    return fmt.objectType() == FIGURE_OBJECT


def restyle_block_format(fmt: QTextBlockFormat, heading: int, quote: bool, listed: bool) -> None:
    """Set every layout property of ``fmt`` for its kind of block, keeping its list."""
    fmt.setHeadingLevel(heading)
    fmt.setLineHeight(120 if heading else 140, 1)  # 1 = ProportionalHeight
    fmt.setTopMargin((20 if heading == 2 else 14) if heading else 0)
    fmt.setBottomMargin(6 if heading else 4 if listed else 14)
    fmt.setLeftMargin(QUOTE_INDENT if quote else 0)
    if quote:
        fmt.setProperty(QUOTE_LEVEL, 1)
    else:
        fmt.clearProperty(QUOTE_LEVEL)
    fmt.clearProperty(FIGURE_BLOCK)
    fmt.clearProperty(QTextFormat.Property.BlockAlignment)


def block_format(heading: int = 0, quote: bool = False, listed: bool = False) -> QTextBlockFormat:
    """Return the block format for a paragraph, heading or list item, quoted or not."""
    fmt = QTextBlockFormat()
    restyle_block_format(fmt, heading, quote, listed)
    return fmt


def figure_block_format() -> QTextBlockFormat:
    """Return the block format of the block that holds one placed photo."""
    fmt = QTextBlockFormat()
    fmt.setProperty(FIGURE_BLOCK, True)
    fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    fmt.setTopMargin(8)
    fmt.setBottomMargin(18)
    return fmt


def base_char_format(heading: int = 0) -> QTextCharFormat:
    """Return the plain text format of a paragraph or heading."""
    fmt = QTextCharFormat()
    if heading:
        fmt.setFontWeight(HEADING_WEIGHT)
        fmt.setProperty(SIZE_ADJUSTMENT, _HEADING_SIZE[heading])
    return fmt


def set_bold(fmt: QTextCharFormat, bold: bool, heading: int) -> None:
    """Make ``fmt`` bold or not, keeping a heading's own weight."""
    if bold:
        fmt.setFontWeight(BOLD_WEIGHT)
    elif heading:
        fmt.setFontWeight(HEADING_WEIGHT)
    else:
        fmt.clearProperty(QTextFormat.Property.FontWeight)


def set_link(fmt: QTextCharFormat, href: str) -> None:
    """Make ``fmt`` a link to ``href``, or plain text when ``href`` is empty."""
    if href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(LINK_COLOUR)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        return
    for prop in (
        QTextFormat.Property.IsAnchor,
        QTextFormat.Property.AnchorHref,
        QTextFormat.Property.ForegroundBrush,
        QTextFormat.Property.TextUnderlineStyle,
        QTextFormat.Property.FontUnderline,
    ):
        fmt.clearProperty(prop)


def restyle_heading(fmt: QTextCharFormat, heading: int) -> None:
    """Give a run's format the size and weight of ``heading``, keeping its marks."""
    bold = fmt.fontWeight() >= BOLD_WEIGHT
    if heading:
        fmt.setProperty(SIZE_ADJUSTMENT, _HEADING_SIZE[heading])
    else:
        fmt.clearProperty(SIZE_ADJUSTMENT)
    set_bold(fmt, bold, heading)


@lru_cache(maxsize=256)
def _char_format(bold: bool, italic: bool, href: str, heading: int) -> QTextCharFormat:
    fmt = base_char_format(heading)
    set_bold(fmt, bold, heading)
    if italic:
        fmt.setFontItalic(True)
    set_link(fmt, href)
    return fmt


def char_format(run: Run, heading: int = 0) -> QTextCharFormat:
    """Return the character format of a run inside a block of ``heading`` level."""
    return QTextCharFormat(_char_format(run.bold, run.italic, run.href, heading))


def list_format(style: str, level: int) -> QTextListFormat:
    """Return the list format for a bulleted or numbered list at ``level``."""
    fmt = QTextListFormat()
    level = max(1, min(level, 3))
    fmt.setStyle(_BULLETS[level] if style == BULLET else QTextListFormat.Style.ListDecimal)
    fmt.setIndent(level)
    return fmt


def figure_char_format(use_id: str, alt: str) -> QTextCharFormat:
    """Return the format of the object character that draws a placed photo."""
    fmt = QTextCharFormat()
    fmt.setObjectType(FIGURE_OBJECT)
    fmt.setProperty(FIGURE_ID, use_id)
    fmt.setProperty(FIGURE_ALT, alt)
    return fmt


def block_format_for(block: Block) -> QTextBlockFormat:
    """Return the block format that shows ``block``."""
    if block.is_figure:
        return figure_block_format()
    return block_format(block.heading, block.quote > 0, bool(block.list_style))


def body_font(point_size: float = 12.5) -> QFont:
    """Return the body font: a readable serif with Vietnamese coverage."""
    font = QFont()
    font.setFamilies(["Noto Serif", "Source Serif 4", "DejaVu Serif", "Georgia", "serif"])
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font
