"""Small helpers the review panels share: the UI language, times in the newsroom's zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTextBrowser

from newsroom_desktop.core import dates
from newsroom_desktop.ui.labels import translator

# Module-level texts of this package are translated in the "Review" context.
t = translator("Review")


def ui_language() -> str:
    """Return "vi" when the interface runs in Vietnamese, else "en" (for dates)."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def when(moment: datetime, zone: ZoneInfo) -> str:
    """Return a compact date and time in the newsroom's zone, as the article list shows it."""
    return dates.short(moment, zone, ui_language())


def elide(text: str, limit: int) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def set_up_reading(view: QTextBrowser, name: str) -> None:
    """Make ``view`` a read-only page of article text in the editor's serif face."""
    view.setObjectName(name)
    view.setReadOnly(True)
    view.setOpenLinks(False)
    font = QFont("Noto Serif")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(11.5)
    view.document().setDefaultFont(font)
    view.document().setDocumentMargin(18)
