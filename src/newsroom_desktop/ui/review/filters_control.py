"""Saved filters over the article list: their counts, and how they sit with the status filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from newsroom_desktop.core.changes import ACTOR, EXPORTED, RESTORED, UPDATED, WORKFLOW, Changes
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.ui.article_list import ArticleListPanel
from newsroom_desktop.ui.review.core_call import call_core
from newsroom_desktop.ui.review.saved_filters import ALL, SavedFilterBar
from newsroom_desktop.ui.services import Services

COUNT_DELAY_MS = 800
# Change sets that can move articles between filters without adding or removing list rows.
RECOUNTING = frozenset({WORKFLOW, RESTORED, UPDATED, ACTOR, EXPORTED})
# A status change (here or by an export) shows in the counts at once, with the strip and list.
AT_ONCE = frozenset({WORKFLOW, EXPORTED})


def saved_filter_counts(newsroom: Newsroom, queries: dict[str, Any]) -> dict[str, int]:
    """Count each saved filter from grouped status counts (one query per owner)."""
    by_owner: dict[str | None, dict[str, int]] = {}
    counts = {}
    for key, query in queries.items():
        if query.owner not in by_owner:
            by_owner[query.owner] = newsroom.articles.counts_by_status(owner=query.owner)
        per_status = by_owner[query.owner]
        statuses = (
            (query.status,) if isinstance(query.status, str) else query.status or tuple(per_status)
        )
        counts[key] = sum(per_status.get(status, 0) for status in statuses)
    return counts


class SavedFiltersController(QObject):
    """Narrows the list by the chosen saved filter and keeps each filter's count current."""

    def __init__(
        self,
        services: Services,
        bar: SavedFilterBar,
        list_panel: ArticleListPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.newsroom = services.newsroom
        self.bar = bar
        self.list_panel = list_panel
        list_panel.add_filter_row(bar)
        list_panel.refine_query = bar.refine
        # Counts follow the store, not the typing: recount once the list has settled.
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh_filter_counts)
        bar.changed.connect(self._on_saved_filter)
        list_panel.status_filter.currentIndexChanged.connect(self._on_status_filter)
        model = list_panel.model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._count_timer.start)
        services.changes.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.kind in AT_ONCE:
            self._count_timer.stop()
            self.refresh_filter_counts()
        elif changes.kind in RECOUNTING:
            self._count_timer.start()

    def refresh_filter_counts(self) -> None:
        """Count the articles of each saved filter for the acting person."""
        queries = self.bar.queries()
        counts = call_core(self.services, lambda: saved_filter_counts(self.newsroom, queries))
        self.bar.set_counts(counts or {})

    def _on_saved_filter(self, key: str) -> None:
        combo = self.list_panel.status_filter
        if key != ALL and combo.currentIndex() != 0:
            # A saved filter chooses the statuses itself; the status filter steps aside.
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.list_panel.apply_filters()

    def _on_status_filter(self, index: int) -> None:
        if index > 0 and self.bar.current_key() != ALL:
            self.bar.set_key(ALL, emit=False)
            self.list_panel.apply_filters()
