"""Saved filters above the article list: All, My drafts, Waiting for review, Ready to publish."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from newsroom_desktop.core.documents import Actor, ListQuery
from newsroom_desktop.core.filters import SAVED_FILTERS, filter_query
from newsroom_desktop.ui.list_columns import STATUS_COLOURS
from newsroom_desktop.ui.review.common import t
from newsroom_desktop.ui.style import SAVED_FILTERS_STYLE

ALL = "all"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_HEIGHT = 26
# The dot beside each saved filter: the colour of the status it waits on, as the list shows.
DOTS = {"my_drafts": "draft", "waiting_for_review": "submitted", "ready_to_publish": "ready"}
Index = QModelIndex | QPersistentModelIndex


def filter_label(key: str) -> str:
    """Return the translated name of a saved filter."""
    names = {
        ALL: t("All articles"),
        "my_drafts": t("My drafts"),
        "waiting_for_review": t("Waiting for review"),
        "ready_to_publish": t("Ready to publish"),
    }
    return names.get(key, key)


class _FilterDelegate(QStyledItemDelegate):
    """Paints a saved filter as a navigation row: dot, name, and its count on the right."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect.adjusted(0, 1, -2, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hover:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#dbe7fb" if selected else "#eceff4"))
            painter.drawRoundedRect(rect, 5, 5)
        key = index.data(KEY_ROLE)
        status = DOTS.get(key)
        if status:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STATUS_COLOURS[status]))
            painter.drawEllipse(rect.left() + 9, rect.center().y() - 3, 7, 7)
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold if selected else QFont.Weight.Normal)
        painter.setFont(font)
        painter.setPen(QColor("#17407f" if selected else "#1d2330"))
        text_rect = rect.adjusted(24, 0, -40, 0)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        elided = painter.fontMetrics().elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(text_rect, align, elided)
        count = index.data(COUNT_ROLE)
        if count is not None and key != ALL:
            painter.setPen(QColor("#5b6270"))
            right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            painter.drawText(rect.adjusted(0, 0, -10, 0), right, str(count))
        painter.restore()


class SavedFilterBar(QListWidget):
    """One row per saved filter; the chosen one narrows the list's query for the person."""

    changed = Signal(str)

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedFilters")
        self._actor = actor
        self.setItemDelegate(_FilterDelegate(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for saved in SAVED_FILTERS:
            item = QListWidgetItem()
            item.setData(KEY_ROLE, saved.key)
            self.addItem(item)
        self.setFixedHeight(ROW_HEIGHT * len(SAVED_FILTERS) + 4)
        self.setCurrentRow(0)
        self.currentRowChanged.connect(lambda _row: self.changed.emit(self.current_key()))
        self.setStyleSheet(SAVED_FILTERS_STYLE)
        self.retranslate()

    def retranslate(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            key = str(item.data(KEY_ROLE))
            item.setText(filter_label(key))
            item.setToolTip(filter_label(key))

    def keys(self) -> list[str]:
        return [str(self.item(row).data(KEY_ROLE)) for row in range(self.count())]

    def current_key(self) -> str:
        item = self.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ALL

    def set_key(self, key: str, *, emit: bool = True) -> None:
        """Choose a saved filter, as a click on it would."""
        if key == self.current_key():
            return
        self.blockSignals(not emit)
        self.setCurrentRow(self.keys().index(key))
        self.blockSignals(False)

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Show how many articles each saved filter holds now."""
        for row in range(self.count()):
            item = self.item(row)
            item.setData(COUNT_ROLE, counts.get(str(item.data(KEY_ROLE))))

    def count_of(self, key: str) -> int | None:
        item = self.item(self.keys().index(key))
        count = item.data(COUNT_ROLE)
        return int(count) if count is not None else None

    def queries(self) -> dict[str, ListQuery]:
        """Return each saved filter's query for the acting person."""
        actor = self._actor()
        return {key: filter_query(key, actor) for key in self.keys()}

    def refine(self, query: ListQuery) -> ListQuery:
        """Narrow the list's query (search, section, sort) to the chosen saved filter."""
        key = self.current_key()
        if key == ALL:
            return query
        saved = filter_query(key, self._actor())
        return replace(query, status=saved.status, owner=saved.owner)
