"""The Photos view's search and filter bar: search, creator, days taken, not used, marks."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from newsroom_desktop.core.photo_records import COLOR_LABELS, MAX_RATING, LibraryFilter
from newsroom_desktop.ui.labels import translator

_t = translator("PhotoDesk")

SEARCH_DELAY_MS = 150
DEFAULT_DAYS_BACK = 7  # "Taken from" first offers the last week


class PhotoFilterBar(QWidget):
    """Says what the grid shows; ``changed`` once typing pauses or a filter changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("photoSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search caption, creator, keywords, file name"))
        self.creator = QComboBox()
        self.creator.setObjectName("photoCreator")
        self.creator.setMinimumContentsLength(12)
        self.dated = QCheckBox(self.tr("Taken from"))
        self.dated.setObjectName("photoDated")
        self.taken_from = self._date_edit("photoTakenFrom")
        self.taken_from.setDate(QDate.currentDate().addDays(-DEFAULT_DAYS_BACK))
        self.taken_to = self._date_edit("photoTakenTo")
        self.unused = QCheckBox(self.tr("Not used yet"))
        self.unused.setObjectName("photoUnused")
        self.rating = QComboBox()
        self.rating.setObjectName("photoMinRating")
        self.rating.addItem(self.tr("Any rating"), 0)
        for stars in range(1, MAX_RATING + 1):
            self.rating.addItem("★" * stars + self.tr(" or more"), stars)
        self.label = QComboBox()
        self.label.setObjectName("photoLabelFilter")
        self.label.addItem(self.tr("Any label"), "")
        for name, text in zip(COLOR_LABELS, label_names(), strict=True):
            self.label.addItem(text, name)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._wire()

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate())
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setEnabled(False)
        return edit

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.creator, 1)
        layout.addWidget(self.dated)
        layout.addWidget(self.taken_from)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.taken_to)
        layout.addWidget(self.unused)
        layout.addWidget(self.rating)
        layout.addWidget(self.label)

    def _wire(self) -> None:
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._timer.timeout.connect(self.changed)
        for combo in (self.creator, self.rating, self.label):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for edit in (self.taken_from, self.taken_to):
            edit.dateChanged.connect(lambda _d: self._dates_changed())
        self.dated.toggled.connect(self._dated_toggled)
        self.unused.toggled.connect(lambda _on: self.changed.emit())

    def _dated_toggled(self, on: bool) -> None:
        self.taken_from.setEnabled(on)
        self.taken_to.setEnabled(on)
        self.changed.emit()

    def _dates_changed(self) -> None:
        if self.dated.isChecked():
            self.changed.emit()

    def set_creators(self, creators: list[str]) -> None:
        """Offer these creators, keeping the one chosen if it is still among them."""
        chosen = self.creator.currentData()
        self.creator.blockSignals(True)
        self.creator.clear()
        self.creator.addItem(self.tr("Any creator"), "")
        for name in creators:
            self.creator.addItem(name, name)
        found = self.creator.findData(chosen)
        self.creator.setCurrentIndex(max(found, 0))
        self.creator.blockSignals(False)

    def current(self) -> LibraryFilter:
        """Return the filter the bar shows."""
        dated = self.dated.isChecked()
        return LibraryFilter(
            search=self.search.text(),
            creator=str(self.creator.currentData() or ""),
            taken_from=self.taken_from.date().toString("yyyy-MM-dd") if dated else "",
            taken_to=self.taken_to.date().toString("yyyy-MM-dd") if dated else "",
            unused_only=self.unused.isChecked(),
            min_rating=int(self.rating.currentData() or 0),
            color_label=str(self.label.currentData() or ""),
        )

    def flush(self) -> None:
        """Apply typing still waiting for its pause."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()


def label_names() -> list[str]:
    """Return the colour labels' names, translated, in COLOR_LABELS order."""
    return [_t("Red"), _t("Yellow"), _t("Green"), _t("Blue")]
