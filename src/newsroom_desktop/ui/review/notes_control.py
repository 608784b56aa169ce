"""Notes on the open article: the notes dock, adding, resolving, and finding their passages."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QTextEdit

from newsroom_desktop.core.changes import ELSEWHERE, NOTES, SAVED, Changes
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.note_info import NoteInfo, anchor_present
from newsroom_desktop.ui.review.core_call import MESSAGE_MS, call_core, review_tr
from newsroom_desktop.ui.review.notes_panel import NotesPanel
from newsroom_desktop.ui.review.status import WorkflowBar
from newsroom_desktop.ui.services import Services

OBJECT_CHAR = "\ufffc"  # a photo placed in the body, as the editor's document holds it
TextField = QTextEdit | QPlainTextEdit


class NotesController(QObject):
    """Shows the open article's notes and carries out what the notes panel asks."""

    def __init__(
        self,
        services: Services,
        panel: NotesPanel,
        dock: QDockWidget,
        *,
        bar: WorkflowBar,
        toggle: QAction,
        fields: dict[str, TextField],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.newsroom = services.newsroom
        self.session = services.session
        self.panel = panel
        self.dock = dock
        self.bar = bar
        self.toggle = toggle
        self.fields = fields
        self.notes: list[NoteInfo] = []
        # The editor keeps its width: notes show when an article has open ones, or on demand.
        self._wanted = False
        toggle.setCheckable(True)
        self._wire()

    def _wire(self) -> None:
        self.session.loaded.connect(self.show_article)
        self.services.changes.changed.connect(self._on_changes)
        self.toggle.triggered.connect(self._toggle)
        self.dock.visibilityChanged.connect(
            lambda _v: self.toggle.setChecked(not self.dock.isHidden())
        )
        self.bar.notes_clicked.connect(self.show_notes)
        p = self.panel
        p.add_requested.connect(self.add_note)
        p.resolve_requested.connect(lambda note_id: self._note_change(note_id, resolve=True))
        p.reopen_requested.connect(lambda note_id: self._note_change(note_id, resolve=False))
        p.note_activated.connect(self.go_to_note)
        for field, edit in self.fields.items():
            edit.selectionChanged.connect(lambda f=field, e=edit: self._on_selection(f, e))

    def show_article(self, doc: ArticleDoc | None) -> None:
        """Show the notes of the article just loaded (None: no article)."""
        if doc is None:
            self.notes = []
            self.panel.show_notes([], None, self.newsroom.zone)
            return
        self._load(doc)
        has_open = any(not n.resolved for n in self.notes)
        self.dock.setVisible(has_open or self._wanted)

    def _load(self, doc: ArticleDoc) -> None:
        notes = self.newsroom.notes
        self.notes = call_core(self.services, lambda: notes.list(doc.id)) or []
        self.panel.show_notes(self.notes, doc, self.newsroom.zone)
        self.bar.show_open_notes(sum(1 for n in self.notes if not n.resolved))

    def _on_changes(self, changes: Changes) -> None:
        doc = self.session.doc
        if doc is None or not changes.touches(doc.id):
            return
        # Another desk's note arrives from the server as an article "touched" elsewhere.
        if changes.kind == NOTES or (changes.kind == ELSEWHERE and doc.id in changes.touched):
            self._load(doc)
        elif changes.kind == SAVED:
            self.panel.update_presence(doc)  # a quoted passage may have been edited away

    def show_notes(self) -> None:
        self._wanted = True
        self.dock.show()
        self.dock.raise_()

    def _toggle(self) -> None:
        self._wanted = self.toggle.isChecked()
        self.dock.setVisible(self._wanted)

    def _on_selection(self, field: str, edit: TextField) -> None:
        text = edit.textCursor().selectedText().replace(OBJECT_CHAR, " ")
        if text.strip():
            self.panel.set_passage(field, text)
        elif self.panel.passage_field() == field:
            self.panel.set_passage("", "")

    def add_note(self, text: str, field: str = "", passage: str = "") -> NoteInfo | None:
        """Add a note to the open article, pointing at ``passage`` of ``field`` if given."""
        doc = self.session.doc
        if doc is None:
            return None
        notes = self.newsroom.notes
        note = call_core(
            self.services,
            lambda: notes.add(doc.id, text, field, passage),
            review_tr("Could not add the note"),
        )
        if note is not None:
            self.panel.note_added()
            self.services.changes.publish(Changes(kind=NOTES, touched=(doc.id,), focus=note.id))
        return note

    def _note_change(self, note_id: str, *, resolve: bool) -> None:
        doc = self.session.doc
        notes = self.newsroom.notes
        change = notes.resolve if resolve else notes.reopen
        call_core(self.services, lambda: change(note_id))
        if doc is not None:
            self.services.changes.publish(Changes(kind=NOTES, touched=(doc.id,), focus=note_id))

    def go_to_note(self, note_id: str) -> bool:
        """Select the passage a note points at in the editor; False if it is gone."""
        note = next((n for n in self.notes if n.id == note_id), None)
        doc = self.session.doc
        if note is None or doc is None or not note.anchored:
            return False
        if anchor_present(note, doc) and self.select_passage(note.anchor_field, note.anchor_text):
            return True
        self.services.status(
            review_tr("The passage this note points at is no longer in the text."), MESSAGE_MS
        )
        return False

    def select_passage(self, field: str, passage: str) -> bool:
        """Select ``passage`` (whitespace-insensitive) in an editor field and scroll to it."""
        edit = self.fields.get(field)
        words = passage.split()
        if edit is None or not words:
            return False
        text = edit.document().toPlainText()
        # Positions in the plain text are the document's: one character per block break.
        found = re.search(r"[\s\ufffc]+".join(re.escape(w) for w in words), text)
        if found is None:
            return False
        cursor = QTextCursor(edit.document())
        cursor.setPosition(found.start())
        cursor.setPosition(found.end(), QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        edit.setFocus()
        return True
