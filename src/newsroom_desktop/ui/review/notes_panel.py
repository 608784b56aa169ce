"""The notes panel: editors' and reporters' notes on the article, open ones first, and a new one."""

from __future__ import annotations

import html
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.note_info import NoteInfo, anchor_present
from newsroom_desktop.ui.labels import field_label
from newsroom_desktop.ui.review.common import elide, t, when
from newsroom_desktop.ui.style import NOTES_PANEL_STYLE

PASSAGE_PREVIEW = 90


def ordered(notes: Sequence[NoteInfo]) -> list[NoteInfo]:
    """Return open notes first (oldest first, as a conversation), then resolved ones."""
    return [n for n in notes if not n.resolved] + [n for n in notes if n.resolved]


class NoteCard(QFrame):
    """One note: author and time, the passage it points at, its text, and resolve or reopen."""

    activated = Signal(str)
    toggle_requested = Signal(str, bool)  # note id, resolve (True) or reopen (False)

    def __init__(self, note: NoteInfo, present: bool, zone: ZoneInfo) -> None:
        super().__init__()
        self.note = note
        self.setObjectName("noteCard")
        self.setProperty("resolved", note.resolved)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if note.anchored else Qt.CursorShape.ArrowCursor
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(5)
        meta = QLabel(
            f"<b>{html.escape(note.author)}</b> · {html.escape(when(note.created_at, zone))}"
        )
        meta.setObjectName("noteMeta")
        meta.setWordWrap(True)
        layout.addWidget(meta)
        self.quote: QLabel | None = None
        if note.anchored:
            self.quote = self._quote(note, present)
            layout.addWidget(self.quote)
        text = QLabel(note.text)
        text.setObjectName("noteText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        if note.resolved:
            who = note.resolved_by or t("someone")
            done = QLabel(self.tr("Resolved by %1").replace("%1", who))
            done.setObjectName("noteResolved")
            done.setWordWrap(True)
            layout.addWidget(done)
        footer = QHBoxLayout()
        footer.addStretch(1)
        self.button = QToolButton()
        self.button.setObjectName("noteButton")
        self.button.setText(self.tr("Reopen") if note.resolved else self.tr("Resolve"))
        self.button.clicked.connect(lambda: self.toggle_requested.emit(note.id, not note.resolved))
        footer.addWidget(self.button)
        layout.addLayout(footer)

    def _quote(self, note: NoteInfo, present: bool) -> QLabel:
        passage = f"“{elide(note.anchor_text, PASSAGE_PREVIEW)}”"
        if note.anchor_field != "body":
            passage = f"{field_label(note.anchor_field)}: {passage}"
        if not present:
            passage += "\n" + self.tr("(this passage is no longer in the text)")
        label = QLabel(passage)
        label.setObjectName("noteQuote")
        label.setWordWrap(True)
        label.setProperty("gone", not present)
        label.setToolTip(
            self.tr("Click to select this passage in the article")
            if present
            else self.tr("The passage was changed or removed since the note was written")
        )
        return label

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.note.id)
        super().mouseReleaseEvent(event)


class NotesPanel(QWidget):
    """Lists the open article's notes and writes new ones; it changes nothing itself.

    ``header`` (title and close button) is meant as the title bar of the dock that holds it.
    """

    add_requested = Signal(str, str, str)  # text, anchor field, anchor passage
    resolve_requested = Signal(str)
    reopen_requested = Signal(str)
    note_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.notes: list[NoteInfo] = []
        self.cards: list[NoteCard] = []
        self._present: dict[str, bool] = {}
        self._passage: tuple[str, str] = ("", "")
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.close_button = QToolButton()
        self.close_button.setObjectName("notesClose")
        self.header = QWidget()
        self.header.setObjectName("notesHeader")
        self.list_widget = QWidget()
        self.list_widget.setObjectName("notesList")
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.setSpacing(8)
        self.empty = QLabel()
        self.empty.setObjectName("notesEmpty")
        self.empty.setWordWrap(True)
        self.passage = QLabel()
        self.passage.setObjectName("notePassage")
        self.passage.setWordWrap(True)
        self.detach = QToolButton()
        self.detach.setObjectName("noteButton")
        self.input = QPlainTextEdit()
        self.input.setObjectName("noteInput")
        self.input.setTabChangesFocus(True)
        self.input.setFixedHeight(72)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addNote")
        self._build()
        self.setStyleSheet(NOTES_PANEL_STYLE)
        self.header.setStyleSheet(NOTES_PANEL_STYLE)
        self.retranslate()
        self.show_notes([], None, ZoneInfo("UTC"))

    def _build(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_widget)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll
        passage_row = QHBoxLayout()
        passage_row.addWidget(self.passage, 1)
        passage_row.addWidget(self.detach, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        header = QHBoxLayout(self.header)
        header.setContentsMargins(6, 6, 6, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.close_button)
        layout.addWidget(scroll, 1)
        layout.addLayout(passage_row)
        layout.addWidget(self.input)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._add)
        self.add_button.setEnabled(False)
        self.input.textChanged.connect(self._update_add)
        self.detach.clicked.connect(lambda: self.set_passage("", ""))
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.input)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self._add)
        self.set_passage("", "")

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add Note"))
        self.add_button.setToolTip(self.tr("Add the note (Ctrl+Enter)"))
        self.input.setPlaceholderText(self.tr("Write a note for the reporter or the desk…"))
        self.detach.setText("×")
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Hide the notes (Article ▸ Notes shows them again)"))
        self.detach.setToolTip(self.tr("Do not point the note at this passage"))
        self.empty.setText(
            self.tr(
                "No notes yet. Select a passage in the article, then write a note about it here."
            )
        )
        self._update_title()

    def _update_title(self) -> None:
        open_notes = sum(1 for n in self.notes if not n.resolved)
        title = self.tr("Notes")
        if open_notes:
            title += " · " + self.tr("%n open", "", open_notes)
        self.title.setText(title)

    # -- showing -------------------------------------------------------------------------

    def show_notes(self, notes: Sequence[NoteInfo], doc: ArticleDoc | None, zone: ZoneInfo) -> None:
        """Show ``notes`` (of ``doc``; None: no article open), open ones first."""
        self.notes = ordered(notes)
        self._zone = zone
        self._present = {n.id: doc is None or anchor_present(n, doc) for n in self.notes}
        self._rebuild()
        self.setEnabled(doc is not None)

    def update_presence(self, doc: ArticleDoc) -> None:
        """Mark again which passages are still in the text (after a save), if any changed."""
        present = {n.id: anchor_present(n, doc) for n in self.notes}
        if present != self._present:
            self._present = present
            self._rebuild()

    def _rebuild(self) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty:
                # Off screen now: deleteLater alone would leave it painted until the loop runs.
                widget.setParent(None)
                widget.deleteLater()
        self.cards = []
        resolved_header = False
        for note in self.notes:
            if note.resolved and not resolved_header:
                resolved_header = True
                count = sum(1 for n in self.notes if n.resolved)
                header = QLabel(self.tr("Resolved (%1)").replace("%1", str(count)))
                header.setObjectName("notesSection")
                self.list_layout.addWidget(header)
            card = NoteCard(note, self._present.get(note.id, True), self._zone)
            card.activated.connect(self.note_activated)
            card.toggle_requested.connect(self._toggle)
            self.list_layout.addWidget(card)
            self.cards.append(card)
        self.list_layout.addWidget(self.empty)
        self.empty.setVisible(not self.notes)
        self.list_layout.addStretch(1)
        self._update_title()

    def _toggle(self, note_id: str, resolve: bool) -> None:
        (self.resolve_requested if resolve else self.reopen_requested).emit(note_id)

    def card(self, note_id: str) -> NoteCard | None:
        """Return the card showing a note."""
        return next((c for c in self.cards if c.note.id == note_id), None)

    # -- writing -------------------------------------------------------------------------

    def set_passage(self, field: str, text: str) -> None:
        """Point the next note at ``text`` in ``field`` (the editor's selection); "" for none."""
        passage = " ".join(text.split())
        self._passage = (field, passage) if field and passage else ("", "")
        if self._passage[0]:
            where = field_label(field) if field != "body" else ""
            quoted = f"“{elide(passage, PASSAGE_PREVIEW)}”"
            self.passage.setText(self.tr("On %1").replace("%1", f"{where} {quoted}".strip()))
        self.passage.setVisible(bool(self._passage[0]))
        self.detach.setVisible(bool(self._passage[0]))

    def passage_field(self) -> str:
        return self._passage[0]

    def _update_add(self) -> None:
        self.add_button.setEnabled(bool(self.input.toPlainText().strip()))

    def _add(self) -> None:
        text = self.input.toPlainText().strip()
        if not text:
            return
        field, passage = self._passage
        self.add_requested.emit(text, field, passage)

    def note_added(self) -> None:
        """Clear the box after the note was stored."""
        self.input.clear()
        self.set_passage("", "")
