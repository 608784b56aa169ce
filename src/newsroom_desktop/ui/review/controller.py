"""Wires editorial review into the main window: workflow, history, track changes, notes, targets."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QImage, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from newsroom_desktop.core.documents import Actor, ArticleDoc
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.history import CURRENT
from newsroom_desktop.core.notes import NoteInfo, anchor_present
from newsroom_desktop.core.profile import save_profile
from newsroom_desktop.core.workflow import ACTIONS, can_edit
from newsroom_desktop.ui.labels import error_message

from .common import elide, when
from .diff_dialog import DiffDialog
from .history import HistoryDialog
from .notes_panel import NotesPanel
from .saved_filters import ALL, SavedFilterBar
from .status import (
    WorkflowBar,
    action_label,
    action_tip,
    ask_return_note,
    done_message,
    lock_message,
)
from .targets import LengthIndicator, LengthWatch, TargetsDialog

if TYPE_CHECKING:
    from newsroom_desktop.ui.main_window import MainWindow

T = TypeVar("T")
OBJECT_CHAR = "\ufffc"  # a photo placed in the body, as the editor's document holds it
MESSAGE_MS = 5000


COUNT_DELAY_MS = 800


def saved_filter_counts(newsroom: Any, queries: dict[str, Any]) -> dict[str, int]:
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


class ReviewController(QObject):
    """Builds the review panels into the window and carries out what they ask, through the core."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.newsroom = window.newsroom
        self.session = window.session
        # MainWindow keeps its actions by key in ``actions`` (over QWidget.actions()).
        self.actions = window.commands
        self.history_dialog: HistoryDialog | None = None
        self.diff_dialog: DiffDialog | None = None
        self.notes: list[NoteInfo] = []
        self._shown_for = self.newsroom.actor
        self.workflow_actions = self._build_actions()
        self.bar = WorkflowBar()
        self.bar.set_actions(self.workflow_actions)
        window.editor.add_top_bar(self.bar)
        self.notes_panel = NotesPanel()
        self.notes_dock = self._build_dock()
        self.length = LengthIndicator()
        # Right after the word count (the status bar holds one plain widget, the progress strip).
        window.statusBar().insertPermanentWidget(2, self.length)
        self.lengths = LengthWatch(window.editor, self.length, self)
        self.filters = SavedFilterBar(lambda: self.newsroom.actor)
        window.list_panel.add_filter_row(self.filters)
        window.list_panel.refine_query = self.filters.refine
        # Counts follow the store, not the typing: recount once the list has settled.
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh_filter_counts)
        self._wire()
        self.retranslate()
        self._on_loaded(self.session.doc)

    # -- building ------------------------------------------------------------------------

    def _build_actions(self) -> dict[str, QAction]:
        window = self.window
        menu = window.menus["article"]
        # The workflow comes first in the Article menu, above history, compare and notes.
        first = menu.actions()[0]
        actions: dict[str, QAction] = {}
        for key in ACTIONS:
            action = QAction(window)
            action.setObjectName(f"action_workflow_{key}")
            action.setEnabled(False)
            action.triggered.connect(lambda _=False, k=key: self.run_action(k))
            menu.insertAction(first, action)
            actions[key] = action
        menu.insertSeparator(first)
        menu.addSeparator()
        self.targets_action = QAction(window)
        self.targets_action.setObjectName("action_targets")
        self.targets_action.triggered.connect(self.edit_targets)
        menu.addAction(self.targets_action)
        self.actions["notes"].setCheckable(True)
        return actions

    def _build_dock(self) -> QDockWidget:
        dock = QDockWidget(self.window)
        dock.setObjectName("notesDock")
        dock.setWidget(self.notes_panel)
        dock.setTitleBarWidget(self.notes_panel.header)
        self.notes_panel.close_button.clicked.connect(dock.hide)
        dock.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.notes_panel.setMinimumWidth(250)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.resizeDocks([dock], [280], Qt.Orientation.Horizontal)
        # The editor keeps its width: notes show when an article has open ones, or on demand.
        dock.hide()
        self._notes_wanted = False
        return dock

    def _wire(self) -> None:
        w, a = self.window, self.actions
        self.session.loaded.connect(self._on_loaded)
        self.session.stored.connect(self._on_stored)
        a["history"].triggered.connect(self.show_history)
        # Through a lambda: the action's "checked" flag must not arrive as the old version.
        a["compare"].triggered.connect(lambda: self.show_compare())  # noqa: PLW0108
        a["notes"].triggered.connect(self._toggle_notes)
        self.notes_dock.visibilityChanged.connect(
            lambda _v: a["notes"].setChecked(not self.notes_dock.isHidden())
        )
        self.bar.notes_clicked.connect(self.show_notes)
        p = self.notes_panel
        p.add_requested.connect(self.add_note)
        p.resolve_requested.connect(lambda note_id: self._note_change(note_id, resolve=True))
        p.reopen_requested.connect(lambda note_id: self._note_change(note_id, resolve=False))
        p.note_activated.connect(self.go_to_note)
        editor = w.editor
        for field, edit in (("body", editor.body), ("headline", editor.headline),
                            ("lead", editor.lead)):  # fmt: skip
            edit.selectionChanged.connect(lambda f=field, e=edit: self._on_selection(f, e))
        self.filters.changed.connect(self._on_saved_filter)
        w.list_panel.status_filter.currentIndexChanged.connect(self._on_status_filter)
        model = w.list_model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._count_timer.start)

    def retranslate(self) -> None:
        for key, action in self.workflow_actions.items():
            action.setText(action_label(key))
            action.setToolTip(action_tip(key))
            action.setStatusTip(action_tip(key))
        self.targets_action.setText(self.tr("Length &Targets…"))
        self.targets_action.setStatusTip(
            self.tr("Set how long the article, headline and lead should be")
        )
        self.notes_dock.setWindowTitle(self.tr("Notes"))
        self.notes_panel.retranslate()
        self.filters.retranslate()

    # -- the open article ----------------------------------------------------------------

    def _on_loaded(self, doc: ArticleDoc | None) -> None:
        """Show the article's status, actions, lock, notes and targets (None: nothing open)."""
        for action in (self.actions["history"], self.actions["compare"]):
            action.setEnabled(doc is not None)
        if doc is None:
            for action in self.workflow_actions.values():
                action.setEnabled(False)
            self.targets_action.setEnabled(False)
            self.window.photo_panel.setEnabled(True)
            self.bar.show_state(None, ())
            self.notes = []
            self.notes_panel.show_notes([], None, self.newsroom.zone)
            self.lengths.show_article(None)
            return
        actor = self._shown_for = self.newsroom.actor
        available = self._call(lambda: self.newsroom.workflow.available_actions(doc.id)) or []
        editable = can_edit(doc, actor)
        for key, action in self.workflow_actions.items():
            action.setEnabled(key in available)
        self.targets_action.setEnabled(editable)
        self.window.photo_panel.setEnabled(editable)
        self.notes = self._call(lambda: self.newsroom.notes.list(doc.id)) or []
        self.notes_panel.show_notes(self.notes, doc, self.newsroom.zone)
        has_open = any(not n.resolved for n in self.notes)
        self.notes_dock.setVisible(has_open or self._notes_wanted)
        self._show_bar(doc, available, editable)
        self.lengths.show_article(doc)

    def _show_bar(self, doc: ArticleDoc, available: list[str], editable: bool) -> None:
        open_notes = sum(1 for n in self.notes if not n.resolved)
        lock = "" if editable else lock_message(doc, self.newsroom.actor)
        self.bar.show_state(doc, available, lock=lock, info=self._info(doc), open_notes=open_notes)

    def _info(self, doc: ArticleDoc) -> str:
        """Return what the person should know about an article they may edit ("" if nothing)."""
        if doc.status == "published":
            return self.tr("Published — changes you make here correct the published article.")
        if doc.status != "draft":
            return ""
        events = self._call(lambda: self.newsroom.workflow.events(doc.id)) or []
        last = events[-1] if events else None
        if last is None or last.action != "return":
            return ""
        text = self.tr("Returned to draft by %1 (%2): “%3”")
        return (
            text.replace("%1", last.actor)
            .replace("%2", when(last.created_at, self.newsroom.zone))
            .replace("%3", elide(last.note, 300))
        )

    def _on_stored(self, doc: ArticleDoc) -> None:
        if self.session.doc is not None and doc.id == self.session.doc.id:
            self.notes_panel.update_presence(doc)

    def _call(self, work: Callable[[], T], title: str = "") -> T | None:
        """Run one core call; show its error (translated) and return None if it fails."""
        try:
            return work()
        except NewsroomError as exc:
            self.window.show_problem(
                title or self.tr("Could not do that"), error_message(exc.code, exc.message)
            )
            return None

    def _after_change(self, doc: ArticleDoc, message: str = "") -> None:
        """Show a changed article: its list row, the editor (reloaded), and a status line."""
        self.window.list_model.upsert(doc.summary())
        self.session.reload()
        self._count_timer.start()
        if message:
            self.window.statusBar().showMessage(message, MESSAGE_MS)

    # -- workflow ------------------------------------------------------------------------

    def run_action(self, action: str) -> None:
        """Take a workflow action on the open article, after saving what was typed."""
        doc = self.session.doc
        if doc is None:
            return
        note = ""
        if action == "return":
            asked = ask_return_note(self.window, doc.headline)
            if asked is None:
                return
            note = asked
        elif action == "spike" and not self._confirm_spike(doc):
            return
        if not self.session.flush():
            return
        changed = self._call(
            lambda: self.newsroom.workflow.apply(doc.id, action, note),
            self.tr("Could not change the status"),
        )
        if changed is None:
            self.session.reload()
            return
        self._after_change(changed, done_message(action))

    def _confirm_spike(self, doc: ArticleDoc) -> bool:
        name = f"“{doc.headline}”" if doc.headline else self.tr("this article")
        answer = QMessageBox.question(
            self.window,
            self.tr("Spike Article"),
            self.tr("Spike %1? It is kept, and an editor can reopen it later.").replace("%1", name),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- people --------------------------------------------------------------------------

    def switch_person(self, actor: Actor) -> None:
        """Act as another person from now on: store the profile and show what they may do."""
        self.session.flush()
        profile = save_profile(actor.name, actor.role)
        self.window.settings = self.window.settings.updated(
            profile_name=profile.name, profile_role=profile.role
        )
        self.newsroom.act_as(profile.actor)
        self.profile_changed()

    def profile_changed(self) -> None:
        """Show the list and the open article as the new acting person sees them."""
        if self.newsroom.actor == self._shown_for:
            return  # other preferences changed: keep the editor and its undo history
        self._shown_for = self.newsroom.actor
        self.window.list_panel.apply_filters()
        self.session.reload()
        self._count_timer.start()

    # -- saved filters -------------------------------------------------------------------

    def refresh_filter_counts(self) -> None:
        """Count the articles of each saved filter for the acting person."""
        queries = self.filters.queries()
        counts = self._call(lambda: saved_filter_counts(self.newsroom, queries))
        self.filters.set_counts(counts or {})

    def _on_saved_filter(self, key: str) -> None:
        combo = self.window.list_panel.status_filter
        if key != ALL and combo.currentIndex() != 0:
            # A saved filter chooses the statuses itself; the status filter steps aside.
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.window.list_panel.apply_filters()

    def _on_status_filter(self, index: int) -> None:
        if index > 0 and self.filters.current_key() != ALL:
            self.filters.set_key(ALL, emit=False)
            self.window.list_panel.apply_filters()

    # -- notes ---------------------------------------------------------------------------

    def show_notes(self) -> None:
        self._notes_wanted = True
        self.notes_dock.show()
        self.notes_dock.raise_()

    def _toggle_notes(self) -> None:
        self._notes_wanted = self.actions["notes"].isChecked()
        self.notes_dock.setVisible(self._notes_wanted)

    def _on_selection(self, field: str, edit: Any) -> None:
        text = edit.textCursor().selectedText().replace(OBJECT_CHAR, " ")
        if text.strip():
            self.notes_panel.set_passage(field, text)
        elif self.notes_panel.passage_field() == field:
            self.notes_panel.set_passage("", "")

    def _reload_notes(self) -> None:
        doc = self.session.doc
        if doc is None:
            return
        self.notes = self._call(lambda: self.newsroom.notes.list(doc.id)) or []
        self.notes_panel.show_notes(self.notes, doc, self.newsroom.zone)
        available = [k for k, a in self.workflow_actions.items() if a.isEnabled()]
        self._show_bar(doc, available, can_edit(doc, self.newsroom.actor))

    def add_note(self, text: str, field: str = "", passage: str = "") -> NoteInfo | None:
        """Add a note to the open article, pointing at ``passage`` of ``field`` if given."""
        doc = self.session.doc
        if doc is None:
            return None
        note = self._call(
            lambda: self.newsroom.notes.add(doc.id, text, field, passage),
            self.tr("Could not add the note"),
        )
        if note is not None:
            self.notes_panel.note_added()
            self._reload_notes()
        return note

    def _note_change(self, note_id: str, *, resolve: bool) -> None:
        notes = self.newsroom.notes
        change = notes.resolve if resolve else notes.reopen
        self._call(lambda: change(note_id))
        self._reload_notes()

    def go_to_note(self, note_id: str) -> bool:
        """Select the passage a note points at in the editor; False if it is gone."""
        note = next((n for n in self.notes if n.id == note_id), None)
        doc = self.session.doc
        if note is None or doc is None or not note.anchored:
            return False
        if anchor_present(note, doc) and self.select_passage(note.anchor_field, note.anchor_text):
            return True
        self.window.statusBar().showMessage(
            self.tr("The passage this note points at is no longer in the text."), MESSAGE_MS
        )
        return False

    def select_passage(self, field: str, passage: str) -> bool:
        """Select ``passage`` (whitespace-insensitive) in an editor field and scroll to it."""
        editor = self.window.editor
        edits: dict[str, QTextEdit | QPlainTextEdit] = {
            "body": editor.body,
            "headline": editor.headline,
            "lead": editor.lead,
        }
        edit = edits.get(field)
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

    # -- history and track changes -------------------------------------------------------

    def _thumbnail(self, use_id: str) -> QImage | None:
        doc = self.session.doc
        use = doc.photo(use_id) if doc is not None else None
        return self.window.thumbnail(use) if use is not None else None

    def _versions(self, article_id: str) -> list[Any]:
        history = self.newsroom.history
        return self._call(lambda: [history.current(article_id), *history.list(article_id)]) or []

    def show_history(self) -> HistoryDialog | None:
        """Open the revision history of the open article (after saving what was typed)."""
        doc = self.session.doc
        if doc is None:
            return None
        self.session.flush()
        dialog = HistoryDialog(
            self._versions(doc.id),
            self.newsroom.zone,
            self._thumbnail,
            can_restore=can_edit(doc, self.newsroom.actor),
            parent=self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(lambda rev: self.restore(rev, dialog))
        dialog.compare_requested.connect(lambda old, new: self.show_compare(old, new, dialog))
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def restore(self, revision_id: str, dialog: HistoryDialog | None = None) -> bool:
        """Ask, then make a revision the current text again (nothing is lost)."""
        doc = self.session.doc
        if doc is None:
            return False
        revision = next((r for r in self._versions(doc.id) if r.id == revision_id), None)
        number = str(revision.number) if revision is not None else revision_id[:8]
        answer = QMessageBox.question(
            dialog or self.window,
            self.tr("Restore Revision"),
            self.tr(
                "Make revision %1 the current text? The text now is kept as a revision, "
                "so nothing is lost."
            ).replace("%1", number),
        )
        if answer != QMessageBox.StandardButton.Yes or not self.session.flush():
            return False
        restored = self._call(
            lambda: self.newsroom.history.restore(doc.id, revision_id),
            self.tr("Could not restore the revision"),
        )
        if restored is None:
            return False
        self._after_change(restored, self.tr("Revision %1 restored.").replace("%1", number))
        if dialog is not None:
            dialog.show_revisions(self._versions(doc.id))
        return True

    def show_compare(
        self, old: str | None = None, new: str = CURRENT, parent: QWidget | None = None
    ) -> DiffDialog | None:
        """Compare two versions; by default the submitted one (or the first) with the text now."""
        doc = self.session.doc
        if doc is None:
            return None
        self.session.flush()
        versions = self._versions(doc.id)
        if old is None:
            submitted = self._call(lambda: self.newsroom.history.submitted_revision(doc.id))
            old = submitted.id if submitted is not None else versions[-1].id
        article_id, diffs = doc.id, self.newsroom.diffs
        dialog = DiffDialog(
            versions,
            lambda a, b: diffs.compare(article_id, a, b),
            self.newsroom.zone,
            old=old,
            new=new,
            parent=parent or self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.diff_dialog = dialog
        dialog.open()
        return dialog

    # -- length targets ------------------------------------------------------------------

    def edit_targets(self) -> None:
        """Ask for the open article's length targets and store them."""
        doc = self.session.doc
        if doc is None or not can_edit(doc, self.newsroom.actor):
            return
        dialog = TargetsDialog(doc, self.lengths.words, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_targets(dialog.values())

    def set_targets(self, targets: dict[str, int | None]) -> None:
        """Store length targets on the open article, after saving what was typed."""
        doc = self.session.doc
        if doc is None or not self.session.flush():
            return
        saved = self._call(
            lambda: self.newsroom.articles.save(doc.id, targets, reason="save"),
            self.tr("Could not set the targets"),
        )
        if saved is not None:
            self._after_change(saved.article, self.tr("Length targets set."))
