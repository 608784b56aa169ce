"""How tracked changes look in the body: insertions underlined, deletions struck through."""

from __future__ import annotations

import zlib

from PySide6.QtGui import QColor, QTextCharFormat, QTextFormat

from newsroom_desktop.core.body import Run
from newsroom_desktop.ui.editor.formats import char_format, run_marks

# Far above the editor's own user properties (figures use +1 to +3), to stay clear of others.
TRACK_KIND = int(QTextFormat.Property.UserProperty.value) + 40
TRACK_AUTHOR = int(QTextFormat.Property.UserProperty.value) + 41
# A space shown between deleted text and a word it would touch: it goes when either goes.
TRACK_PAD = int(QTextFormat.Property.UserProperty.value) + 42
INSERT = "insert"
DELETE = "delete"
# Word's and InCopy's reviewer colours, dark enough to read on white.
AUTHOR_COLOURS = ("#c0392b", "#1f6fb2", "#2e7d32", "#8e44ad", "#b35c00", "#00838f", "#ad1457")


def author_colour(author: str) -> QColor:
    """Return the colour that marks ``author``'s changes: the same one on every desk."""
    return QColor(AUTHOR_COLOURS[zlib.crc32(author.encode("utf-8")) % len(AUTHOR_COLOURS)])


def track_kind(fmt: QTextFormat) -> str:
    """Return INSERT, DELETE or '' for a character format."""
    return fmt.stringProperty(TRACK_KIND) if fmt.hasProperty(TRACK_KIND) else ""


def is_deletion_format(fmt: QTextFormat) -> bool:
    """Return True for text that is shown as deleted and is not part of the body."""
    return track_kind(fmt) == DELETE


def clean_format(fmt: QTextCharFormat, heading: int) -> QTextCharFormat:
    """Return the editor's own format for the marks of ``fmt``: no change marking left."""
    bold, italic, href = run_marks(fmt)
    return char_format(Run("", bold, italic, href), heading)


def tracked_format(fmt: QTextCharFormat, heading: int, kind: str, author: str) -> QTextCharFormat:
    """Return ``fmt``'s marks shown as an insertion or deletion by ``author``."""
    out = clean_format(fmt, heading)
    colour = author_colour(author)
    out.setProperty(TRACK_KIND, kind)
    out.setProperty(TRACK_AUTHOR, author)
    out.setForeground(colour)
    if kind == INSERT:
        out.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        out.setUnderlineColor(colour)
    else:
        out.setFontStrikeOut(True)
        out.clearProperty(QTextFormat.Property.TextUnderlineStyle)
        out.clearProperty(QTextFormat.Property.FontUnderline)
    return out
