"""The article list: a paged Qt table model over plain summaries, with search and filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core import dates
from newsroom_desktop.core.changes import ELSEWHERE, Changes
from newsroom_desktop.core.documents import (
    MAX_SEARCH_RESULTS,
    ArticleSummary,
    ListQuery,
    Snippet,
)
from newsroom_desktop.core.newsroom import ArticleService
from newsroom_desktop.core.vocabulary import STATUSES
from newsroom_desktop.ui.labels import status_label
from newsroom_desktop.ui.list_columns import (
    BYLINE,
    HEADLINE,
    SECTION,
    SNIPPET_ROLE,
    STATUS,
    STATUS_COLOURS,
    SUMMARY_ROLE,
    SYNC_ROLE,
    UPDATED,
    status_icon,
)
from newsroom_desktop.ui.list_delegate import ArticleDelegate

PAGE_SIZE = 200
# Snippets are read for the rows the view paints, this many at a time (one read, no bodies
# for rows never shown).
SNIPPET_BATCH = 40
Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    """Summaries of the articles a query shows, fetched a page at a time, never a body."""

    HEADLINE, SECTION, BYLINE, STATUS, UPDATED = HEADLINE, SECTION, BYLINE, STATUS, UPDATED
    SummaryRole = SUMMARY_ROLE
    counted = Signal()  # the total of a long list is known (it comes after its first page)

    def __init__(self, articles: ArticleService, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._articles = articles
        self._zone = zone
        self._rows: list[ArticleSummary] = []
        self._total = 0
        self._query = ListQuery()
        self._searching = False
        self._more = False
        self._icons = {status: status_icon(status) for status in STATUSES}
        self._language = "vi"
        self._snippets: dict[str, Snippet | None] = {}

    @property
    def searching(self) -> bool:
        """Tell whether the rows are search results (they then show snippets)."""
        return self._searching

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        self._language = language
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4))

    @property
    def query(self) -> ListQuery:
        return self._query

    def set_query(self, query: ListQuery) -> None:
        """Show the articles of ``query``, from the first page."""
        self.beginResetModel()
        self._query = query
        self._snippets = {}
        self._rows = self._articles.list(query, limit=PAGE_SIZE)
        # Search results come best first, a page at a time: counting them all would run the
        # search twice per keystroke, so the count shows "200+" until they are all loaded.
        self._searching = bool(query.text.strip())
        self._more = self._searching and len(self._rows) == PAGE_SIZE
        self._total = len(self._rows)
        if not self._searching and len(self._rows) == PAGE_SIZE:
            # Counting a long list reads an index as long as the store: the first page is
            # shown first, and the count follows on the next turn of the event loop.
            QTimer.singleShot(0, self, lambda: self._count(query))
        self.endResetModel()

    def _count(self, query: ListQuery) -> None:
        if query is not self._query:
            return  # another query was shown meanwhile; it counts for itself
        total = self._articles.count(query)
        if total != self._total:
            self._total = total
            self.counted.emit()

    def total(self) -> int:
        """Return how many articles the query shows (for a search: those loaded so far)."""
        return self._total

    @property
    def open_ended(self) -> bool:
        """Tell whether a search may have more results than are loaded."""
        return self._more

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._more if self._searching else len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = self._articles.list(self._query, offset=len(self._rows), limit=PAGE_SIZE)
        if self._searching:
            loaded = len(self._rows) + len(more)
            self._more = len(more) == PAGE_SIZE and loaded < MAX_SEARCH_RESULTS
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        if self._searching:
            self._total = len(self._rows)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Headline"), self.tr("Section"), self.tr("Byline"),
                  self.tr("Status"), self.tr("Updated"))  # fmt: skip
        return titles[section]

    def summary(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == article_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.HEADLINE:
            return "\n".join([item.headline, *self._sync_lines(item)])
        if role == SYNC_ROLE:
            return self._sync_marks(item)
        if role == SNIPPET_ROLE:
            return self._snippet(index.row()) if self._searching else None
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return self._icons.get(item.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QColor(STATUS_COLOURS.get(item.status, "#444444"))
        if role == self.SummaryRole:
            return item
        return None

    def _display(self, item: ArticleSummary, column: int) -> str:
        if column == self.HEADLINE:
            return item.headline or self.tr("(no headline)")
        if column == self.SECTION:
            return item.section
        if column == self.BYLINE:
            return item.byline
        if column == self.STATUS:
            return status_label(item.status)
        return dates.short(item.updated_at, self._zone, self._language)

    def _snippet(self, row: int) -> Snippet | None:
        article_id = self._rows[row].id
        if article_id not in self._snippets:
            batch = self._rows[row : row + SNIPPET_BATCH]
            ids = [s.id for s in batch if s.id not in self._snippets]
            self._snippets.update(self._articles.snippets(ids, self._query.text))
        return self._snippets.get(article_id)

    def _sync_lines(self, item: ArticleSummary) -> list[str]:
        lines = []
        if item.in_conflict:
            lines.append(self.tr("In conflict: two versions kept; open it to resolve"))
        if item.lease_by:
            lines.append(self.tr("Being edited by %1").replace("%1", item.lease_by))
        if item.taken_by:
            lines.append(self.tr("Taken for editing by %1").replace("%1", item.taken_by))
        return lines

    def _sync_marks(self, item: ArticleSummary) -> str:
        marks = ["⚠ " + self.tr("in conflict")] if item.in_conflict else []
        if item.lease_by:
            marks.append("✎ " + item.lease_by)
        return " · ".join(marks)

    def with_marks(self, summary: ArticleSummary) -> ArticleSummary:
        """Return ``summary`` with the sync marks its row shows (a command's entry lacks them)."""
        row = self.row_of(summary.id)
        if row < 0:
            return summary
        shown = self._rows[row]
        # Who took it stays while the status does (a save's entry comes from the document).
        taken_by = summary.taken_by or (shown.taken_by if shown.status == summary.status else "")
        return replace(
            summary, in_conflict=shown.in_conflict, lease_by=shown.lease_by, taken_by=taken_by
        )

    def upsert(self, summary: ArticleSummary) -> None:
        """Show a saved article's new state: update its row, or add it at the top."""
        row = self.row_of(summary.id)
        if row >= 0:
            self._rows[row] = summary
            self._snippets.pop(summary.id, None)  # its text may have changed
            self.dataChanged.emit(self.index(row, 0), self.index(row, 4))
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, summary)
        self._total += 1
        self.endInsertRows()

    def sections(self) -> list[str]:
        return self._articles.sections()

    def remove(self, article_id: str) -> None:
        row = self.row_of(article_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._total -= 1
            self.endRemoveRows()


class ArticleListPanel(QWidget):
    """Search box, filters and the table of articles; emits the id of the chosen article."""

    article_selected = Signal(str)
    files_dropped = Signal(list)

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("articleSearch")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.section_filter = QComboBox()
        self.sort = QComboBox()
        self.count_label = QLabel()
        self.count_label.setObjectName("articleCount")
        self._quiet = False
        self.view = QListView()
        self.view.setObjectName("articleView")
        # Said in the list area itself when a search finds nothing (an empty list says nothing).
        self.empty_label = QLabel(self.view.viewport())
        self.empty_label.setObjectName("articleListEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #6b7280; padding: 24px 12px;")
        self.empty_label.hide()
        # Saved filters (ui.review) narrow the query the search and the combos make.
        self.refine_query: Callable[[ListQuery], ListQuery] | None = None
        self._build()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(0)  # coalesce keystrokes queued in one event-loop pass
        self._filter_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._filter_timer.start)
        for combo in (self.status_filter, self.section_filter, self.sort):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        model.counted.connect(self._update_count)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_count)
            signal.connect(self._update_empty)
        self.view.viewport().installEventFilter(self)
        self.setAcceptDrops(True)
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        for combo in (self.status_filter, self.section_filter):
            filters.addWidget(combo, 1)
        layout.addLayout(filters)
        sort_row = QHBoxLayout()
        sort_row.addWidget(self.sort, 1)
        sort_row.addWidget(self.count_label)
        layout.addLayout(sort_row)
        view = self.view
        view.setModel(self.model)
        view.setModelColumn(ArticleListModel.HEADLINE)
        view.setItemDelegate(ArticleDelegate(view))
        view.setUniformItemSizes(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.setDropIndicatorShown(False)
        view.dragEnterEvent = self.dragEnterEvent  # type: ignore[method-assign]
        view.dragMoveEvent = self.dragEnterEvent  # type: ignore[method-assign]
        view.dropEvent = self.dropEvent  # type: ignore[method-assign]
        layout.addWidget(view, 1)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search articles (diacritics optional)…"))
        current = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_icon(status), status_label(status), status)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(current)))
        self.status_filter.blockSignals(False)
        sort = self.sort.currentData()
        self.sort.blockSignals(True)
        self.sort.clear()
        self.sort.addItem(self.tr("Newest first"), "updated:desc")
        self.sort.addItem(self.tr("Oldest first"), "updated:asc")
        self.sort.addItem(self.tr("Headline A–Z"), "headline:asc")
        self.sort.setCurrentIndex(max(0, self.sort.findData(sort)))
        self.sort.blockSignals(False)
        self._update_count()
        self._update_empty()

    def set_sections(self, sections: list[str]) -> None:
        current = self.section_filter.currentData()
        self.section_filter.blockSignals(True)
        self.section_filter.clear()
        self.section_filter.addItem(self.tr("All sections"), None)
        for name in sections:
            self.section_filter.addItem(name, name)
        self.section_filter.setCurrentIndex(max(0, self.section_filter.findData(current)))
        self.section_filter.blockSignals(False)

    def add_filter_row(self, widget: QWidget) -> None:
        """Show ``widget`` (the saved filters) between the search box and the other filters."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, widget)

    def current_query(self) -> ListQuery:
        sort, _, direction = (self.sort.currentData() or "updated:desc").partition(":")
        query = ListQuery(
            status=self.status_filter.currentData(),
            section=self.section_filter.currentData(),
            text=self.search.text(),
            sort=sort,
            descending=direction == "desc",
        )
        return self.refine_query(query) if self.refine_query is not None else query

    def apply_filters(self) -> None:
        """Run the current search and filters through the core."""
        selected = self.current_article_id()
        self.model.set_query(self.current_query())
        self._update_count()
        if selected:
            self.select_article(selected, emit=False)

    def show_changes(self, changes: Changes) -> None:
        """Refresh the rows a change set touches; reload the list when it cannot tell which."""
        if changes.everything:
            self.set_sections(self.model.sections())
            self.apply_filters()
            return
        model = self.model
        for article_id in changes.removed:
            model.remove(article_id)
        for summary in changes.articles:
            if summary.deleted:
                model.remove(summary.id)
            elif changes.kind != ELSEWHERE:
                # A command's entry comes from its document, which knows nothing of sync.
                model.upsert(model.with_marks(summary))  # ours go on top
            elif model.row_of(summary.id) >= 0:
                model.upsert(summary)  # others' only where they are shown
        # Articles added or restored elsewhere: only the plain list (all live articles) can tell
        # from the count; a filtered or searched list keeps what it shows until filtered again.
        query = model.query
        plain = not (query.text.strip() or query.status or query.section or query.owner)
        counted = changes.live_count >= 0
        if counted and plain and not query.trashed and changes.live_count != model.total():
            self.apply_filters()

    def _update_count(self) -> None:
        if self.model.open_ended:
            self.count_label.setText(self.tr("%n+ articles", "", self.model.total()))
        else:
            self.count_label.setText(self.tr("%n article(s)", "", self.model.total()))

    def _update_empty(self) -> None:
        words = self.model.query.text.strip()
        empty = bool(words) and self.model.rowCount() == 0
        if empty:
            self.empty_label.setText(self.tr("No article matches “%1”.").replace("%1", words))
            self.empty_label.setGeometry(self.view.viewport().rect())
        self.empty_label.setVisible(empty)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.view.viewport().rect())
        return super().eventFilter(watched, event)

    def current_article_id(self) -> str | None:
        summary = self.model.summary(self.view.currentIndex().row())
        return summary.id if summary else None

    def selected_ids(self) -> list[str]:
        # The list view shows column 0 only: a selected row has its first cell selected, not
        # all five columns, so selectedRows() (which wants whole rows) would find none.
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        return [s.id for r in rows if (s := self.model.summary(r)) is not None]

    def select_article(self, article_id: str, *, emit: bool = True) -> bool:
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        # The view must still hear the selection change (to repaint); only our signal is held.
        self._quiet = not emit
        try:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._quiet = False
        self.view.scrollTo(index)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        summary = self.model.summary(current.row())
        if summary is not None:
            self.article_selected.emit(summary.id)

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()
