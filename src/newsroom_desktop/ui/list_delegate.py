"""How one article looks in the list: the headline, then status, section, byline and time."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from newsroom_desktop.core.documents import Snippet
from newsroom_desktop.ui.list_columns import (
    BYLINE,
    CONFLICT_COLOUR,
    HEADLINE,
    LEASE_COLOUR,
    SECTION,
    SNIPPET_ROLE,
    STATUS,
    STATUS_COLOURS,
    SUMMARY_ROLE,
    SYNC_ROLE,
    UPDATED,
)

ROW_HEIGHT = 54
SNIPPET_HEIGHT = 20  # a search result's third line: the text that matched
PAD = 10
HIGHLIGHT = QColor("#fde68a")


class ArticleDelegate(QStyledItemDelegate):
    """Paints a two-line entry; all text comes from the model, nothing is loaded here."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        searching = bool(getattr(index.model(), "searching", False))
        return QSize(option.rect.width(), ROW_HEIGHT + (SNIPPET_HEIGHT if searching else 0))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        summary = index.data(SUMMARY_ROLE)
        if summary is None:
            return
        painter.save()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, QColor("#dbe7fb") if selected else QColor("#ffffff"))
        painter.setPen(QColor("#eceef2"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        colour = QColor(STATUS_COLOURS.get(summary.status, "#888888"))
        painter.fillRect(QRect(rect.left(), rect.top() + 6, 3, rect.height() - 12), colour)
        headline_font = QFont(option.font)
        headline_font.setWeight(QFont.Weight.DemiBold)
        headline_font.setPointSizeF(option.font.pointSizeF() + 0.5)
        metrics = QFontMetrics(headline_font)
        text_rect = rect.adjusted(PAD + 4, 7, -PAD, 0)
        headline = model.index(index.row(), HEADLINE).data()
        painter.setFont(headline_font)
        painter.setPen(QColor("#1d2330"))
        painter.drawText(
            text_rect.left(),
            text_rect.top() + metrics.ascent(),
            metrics.elidedText(headline, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        self._paint_meta(painter, option, index, text_rect, metrics.height() + 4)
        found = index.data(SNIPPET_ROLE)
        if found is not None:
            line = text_rect.adjusted(0, ROW_HEIGHT - 10, 0, 0)
            self._paint_snippet(painter, option, found, line)
        painter.restore()

    @staticmethod
    def _paint_snippet(
        painter: QPainter, option: QStyleOptionViewItem, found: Snippet, rect: QRect
    ) -> None:
        """Paint the snippet on one line, its matches bold on a highlight, elided at the end."""
        font = QFont(option.font)
        font.setPointSizeF(max(7.5, option.font.pointSizeF() - 1))
        bold = QFont(font)
        bold.setWeight(QFont.Weight.Bold)
        plain_metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)
        text = plain_metrics.elidedText(found.text, Qt.TextElideMode.ElideRight, rect.width())
        # Elision keeps an opening of the text and adds "…": the spans hold inside that opening.
        kept = len(text) - 1 if text != found.text else len(text)
        cuts = sorted({0, kept, *(p for span in found.spans for p in span if p < kept)})
        marked = {start for start, _end in found.spans}
        x, y = rect.left(), rect.top() + plain_metrics.ascent()
        for start, end in itertools.pairwise(cuts):
            piece = text[start:end]
            if start in marked:
                width = bold_metrics.horizontalAdvance(piece)
                box = QRect(x - 1, rect.top(), width + 2, plain_metrics.height())
                painter.fillRect(box, HIGHLIGHT)
                painter.setFont(bold)
            else:
                width = plain_metrics.horizontalAdvance(piece)
                painter.setFont(font)
            if x + width > rect.right():  # bold pieces are wider than the elision measured
                painter.setFont(font)
                piece = plain_metrics.elidedText(
                    piece, Qt.TextElideMode.ElideRight, max(0, rect.right() - x)
                )
                painter.drawText(x, y, piece)
                return
            painter.setPen(QColor("#374151"))
            painter.drawText(x, y, piece)
            x += width
        if kept < len(text):
            painter.setFont(font)
            painter.drawText(x, y, "…")

    def _paint_meta(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Any,
        text_rect: QRect,
        top: int,
    ) -> None:
        model = index.model()
        row = index.row()
        meta_font = QFont(option.font)
        meta_font.setPointSizeF(max(7.5, option.font.pointSizeF() - 1))
        metrics = QFontMetrics(meta_font)
        painter.setFont(meta_font)
        y = text_rect.top() + top + metrics.ascent()
        status = model.index(row, STATUS).data()
        summary = index.data(SUMMARY_ROLE)
        painter.setPen(QColor(STATUS_COLOURS.get(summary.status, "#888888")))
        updated = model.index(row, UPDATED).data()
        updated_width = metrics.horizontalAdvance(updated)
        if summary.taken_by:
            # Who has the article on the desk, beside its status: "Editing · Phương Nam".
            room = max(0, text_rect.width() - updated_width - 16)
            status = metrics.elidedText(
                f"{status} · {summary.taken_by}", Qt.TextElideMode.ElideRight, room
            )
        painter.drawText(text_rect.left(), y, status)
        x = text_rect.left() + metrics.horizontalAdvance(status) + 8
        marks = index.data(SYNC_ROLE)
        if marks:
            # In conflict is the one a desk must act on: red; a check-out only informs.
            painter.setPen(QColor(CONFLICT_COLOUR if summary.in_conflict else LEASE_COLOUR))
            painter.drawText(x, y, marks)
            x += metrics.horizontalAdvance(marks) + 8
        parts = [p for p in (model.index(row, SECTION).data(),
                             model.index(row, BYLINE).data()) if p]  # fmt: skip
        painter.setPen(QColor("#6b7280"))
        available = text_rect.right() - x - updated_width - 8
        painter.drawText(
            x,
            y,
            metrics.elidedText(" · ".join(parts), Qt.TextElideMode.ElideRight, max(0, available)),
        )
        painter.drawText(text_rect.right() - updated_width, y, updated)
