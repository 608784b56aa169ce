"""What the article list model and its delegate share: columns, the summary role, status colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

HEADLINE, SECTION, BYLINE, STATUS, UPDATED = range(5)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
SYNC_ROLE = Qt.ItemDataRole.UserRole + 2  # "⚠ in conflict · ✎ Phương Nam" ("" when neither)
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # a search result's core.snippets.Snippet, or None
CONFLICT_COLOUR = "#b42318"
LEASE_COLOUR = "#a15c00"

STATUS_COLOURS = {
    "draft": "#8a8f98",
    "submitted": "#2f6fdb",
    "editing": "#d9822b",
    "ready": "#2e9d57",
    "published": "#1b5e34",
    "spiked": "#c0392b",
}


def status_icon(status: str) -> QIcon:
    """Return a small coloured dot for a status."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(STATUS_COLOURS.get(status, "#888888")))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)
