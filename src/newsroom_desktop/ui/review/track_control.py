"""Track Changes in the editor: the switch, the Review menu and toolbar, and the change menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QKeySequence,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QToolBar, QToolButton, QToolTip

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.diff import paragraphs
from newsroom_desktop.core.documents import ArticleDoc, RevisionInfo
from newsroom_desktop.core.tracked import ChangeKey, ParagraphMap, authors_of, track_paragraphs
from newsroom_desktop.ui.actions import icon
from newsroom_desktop.ui.editor.fields import WrappingLineEdit
from newsroom_desktop.ui.editor.panel import Decorate, EditorPanel
from newsroom_desktop.ui.editor.track_changes import (
    ChangeRun,
    CurrentText,
    body_paragraphs,
    change_runs,
    changes_of_runs,
    mark_changes,
    paint_change_bars,
    run_at,
    settle,
)
from newsroom_desktop.ui.editor.track_formats import INSERT
from newsroom_desktop.ui.editor.track_typing import TextField, TrackedTyping
from newsroom_desktop.ui.review.core_call import MESSAGE_MS, call_core
from newsroom_desktop.ui.services import Services

COUNT_DELAY_MS = 400


class TrackChangesController(QObject):
    """Shows the open article's changes against its submitted version inline, in the body."""

    def __init__(
        self,
        services: Services,
        *,
        editor: EditorPanel,
        window: QMainWindow,
        before: QMenu,
        main_toolbar: QToolBar,
    ) -> None:
        super().__init__(window)
        self.services = services
        self.window = window
        self.editor = editor
        self.body = editor.body
        self.fields: dict[str, TextField] = {
            "headline": editor.headline,
            "lead": editor.lead,
            "body": editor.body,
        }
        self._current = "body"  # the field whose cursor moved last
        self.base: RevisionInfo | None = None
        self.typing: list[TrackedTyping] = []
        self._old: dict[str, list[str]] = {}  # each field's submitted paragraphs
        self.wanted = False  # the person switched Track Changes on: it stays on article to article
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._show_count)
        self._build_actions()
        self._build_menu(window, before)
        self._build_toolbar(window, main_toolbar)
        self._wire()
        self._set_active(False)
        self.toggle.setEnabled(editor.article_id is not None)

    # --- building ----------------------------------------------------------------------

    def _action(self, text: str, shortcut: str = "", icon_name: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.toggle = self._action(
            self.tr("&Track Changes"), "Ctrl+Shift+E", "review-track-changes"
        )
        self.toggle.setCheckable(True)
        self.toggle.setObjectName("action_track_changes")
        self.toggle.setToolTip(
            self.tr("Show the changes against the submitted version in the text (Ctrl+Shift+E)")
        )
        self.previous = self._action(
            self.tr("&Previous Change"), "Alt+Shift+Up", "go-previous-change"
        )
        self.next = self._action(self.tr("&Next Change"), "Alt+Shift+Down", "go-next-change")
        self.accept = self._action(self.tr("&Accept Change"), "Alt+Shift+A", "dialog-ok-apply")
        self.reject = self._action(self.tr("&Reject Change"), "Alt+Shift+R", "review-reject")
        self.accept_all = self._action(self.tr("Accept A&ll Changes"))
        self.reject_all = self._action(self.tr("Reject All C&hanges"))
        self.step_actions = [self.previous, self.next, self.accept, self.reject]
        self.all_actions = [self.accept_all, self.reject_all]

    def _build_menu(self, window: QMainWindow, before: QMenu) -> None:
        self.menu = QMenu(self.tr("&Review"), window)
        self.menu.setObjectName("menu_review")
        self.menu.addAction(self.toggle)
        self.menu.addSeparator()
        for action in (*self.step_actions, None, *self.all_actions):
            if action is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(action)
        window.menuBar().insertMenu(before.menuAction(), self.menu)

    def _build_toolbar(self, window: QMainWindow, main_toolbar: QToolBar) -> None:
        # The switch stays in reach on the main toolbar; the Review toolbar shows while it is on.
        main_toolbar.addSeparator()
        main_toolbar.addAction(self.toggle)
        button = main_toolbar.widgetForAction(self.toggle)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar = QToolBar(self.tr("Review Toolbar"), window)
        self.toolbar.setObjectName("reviewToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (*self.step_actions, *self.all_actions):
            self.toolbar.addAction(action)
        self.count_label = QLabel(self.toolbar)
        self.count_label.setObjectName("trackedCount")
        self.count_label.setContentsMargins(12, 0, 8, 0)
        self.toolbar.addWidget(self.count_label)
        window.addToolBarBreak()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.hide()

    def _wire(self) -> None:
        self.toggle.triggered.connect(self._toggled)
        self.previous.triggered.connect(lambda: self.go_to_change(forward=False))
        self.next.triggered.connect(lambda: self.go_to_change(forward=True))
        self.accept.triggered.connect(lambda: self.settle_here(accept=True))
        self.reject.triggered.connect(lambda: self.settle_here(accept=False))
        self.accept_all.triggered.connect(lambda: self.settle_all(accept=True))
        self.reject_all.triggered.connect(lambda: self.settle_all(accept=False))
        self.services.session.loaded.connect(self._on_loaded)
        # Kept, not asked for at each event: while the window is torn down a field may be gone.
        self._viewports = [(edit.viewport(), name) for name, edit in self.fields.items()]
        for name, edit in self.fields.items():
            edit.textChanged.connect(self._count_timer.start)
            edit.viewport().installEventFilter(self)
            edit.cursorPositionChanged.connect(lambda n=name: self._set_current(n))
        self.body.painted.connect(self._paint_bars)

    def _set_current(self, name: str) -> None:
        self._current = name

    # --- switching ---------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """True while the article shows tracked changes."""
        return self.base is not None

    def _toggled(self, on: bool) -> None:
        self.wanted = on
        self.set_tracking(on)

    def _on_loaded(self, doc: ArticleDoc | None) -> None:
        # The editor shows the article plain: mark it up again if Track Changes is wanted.
        self._stop_typing()
        self.base = None
        self.toggle.setEnabled(doc is not None)
        if doc is not None and self.wanted:
            self.set_tracking(True, quiet=True)
        else:
            self._set_active(False)

    def set_tracking(self, on: bool, *, quiet: bool = False) -> None:
        """Show the changes against the submitted version in the article, or the plain text."""
        article_id = self.editor.article_id
        self._stop_typing()
        if not on or article_id is None:
            if self.base is not None:
                self._rebuild(None)
            self._set_active(False)
            return
        found = self._load_base(article_id, quiet=quiet)
        if found is None:
            self._set_active(False)
            return
        self.base, accepted = found
        self._old = {
            "headline": paragraphs(self.base.headline),
            "lead": paragraphs(self.base.lead),
            "body": body_md.blocks_text(self.base.body),
        }
        self._rebuild(self._marker(accepted, self._versions(article_id, self.base)))
        me = self.services.newsroom.actor.name
        self.typing = [TrackedTyping(edit, me) for edit in self.fields.values()]
        self._set_active(True)

    def _load_base(
        self, article_id: str, *, quiet: bool
    ) -> tuple[RevisionInfo, frozenset[ChangeKey]] | None:
        """Return the submitted version and the changes accepted against it, or None."""
        history, accepts = self.services.newsroom.history, self.services.newsroom.accepts
        base = call_core(self.services, lambda: history.submitted_revision(article_id))
        if base is None:
            if not quiet:
                self.services.status(
                    self.tr("This article has not been submitted: there is nothing to compare."),
                    MESSAGE_MS,
                )
            return None
        accepted = call_core(self.services, lambda: accepts.accepted(article_id, base.id))
        return None if accepted is None else (base, accepted)

    def _marker(
        self, accepted: frozenset[ChangeKey], versions: list[tuple[str, dict[str, list[str]]]]
    ) -> Callable[[str], Decorate]:
        """Return what marks up a field's new document: its changes, each by its author."""
        me = self.services.newsroom.actor.name

        def marker(name: str) -> Decorate:
            def decorate(document: QTextDocument) -> None:
                texts, _ = body_paragraphs(document)
                changes = track_paragraphs(self._old[name], texts, accepted, name)
                by_field = [(author, fields[name]) for author, fields in versions]
                authors = authors_of(self._old[name], by_field, changes, name)
                mark_changes(document, changes, [a or me for a in authors])

            return decorate

        return marker

    def _rebuild(self, marker: Callable[[str], Decorate] | None) -> None:
        """Show each field again from its text, marked up by ``marker(name)`` or plain."""
        self.editor.rebuild_body(marker("body") if marker else None)
        for name in ("headline", "lead"):
            edit = self.fields[name]
            assert isinstance(edit, WrappingLineEdit)
            self.editor.rebuild_line(edit, marker(name) if marker else None)

    def _versions(
        self, article_id: str, base: RevisionInfo
    ) -> list[tuple[str, dict[str, list[str]]]]:
        """Return each person's last version in each stretch of their saves since submission.

        A change is theirs who first saved it: comparing these few versions with the submitted
        one tells, without a comparison per autosave.
        """
        history = self.services.newsroom.history
        revisions = call_core(self.services, lambda: history.list(article_id)) or []
        later = sorted((r for r in revisions if r.number > base.number), key=lambda r: r.number)
        stretches = [
            r for n, r in enumerate(later) if n + 1 == len(later) or later[n + 1].author != r.author
        ]
        return [
            (
                r.author,
                {
                    "headline": paragraphs(r.headline),
                    "lead": paragraphs(r.lead),
                    "body": body_md.blocks_text(r.body),
                },
            )
            for r in stretches
        ]

    def _stop_typing(self) -> None:
        for typing in self.typing:
            typing.stop()
        self.typing = []

    def _set_active(self, on: bool) -> None:
        if not on:
            self.base = None
        self.toggle.setChecked(on)
        self.toolbar.setVisible(on)
        # Anyone may look at the changes; who may not edit the article may not settle them.
        editable = on and not self.body.isReadOnly()
        for action in (self.previous, self.next):
            action.setEnabled(on)
        for action in (self.accept, self.reject, *self.all_actions):
            action.setEnabled(editable)
        self._show_count()

    def _paint_bars(self) -> None:
        if self.base is not None:
            paint_change_bars(self.body)

    # --- changes -----------------------------------------------------------------------

    def runs(self, field: str = "") -> list[ChangeRun]:
        """Return the changes shown now: headline's, lead's, then body's (or one field's)."""
        if self.base is None:
            return []
        names = [field] if field else list(self.fields)
        return [r for name in names for r in change_runs(self.fields[name].document(), name)]

    def _show_count(self) -> None:
        if self.base is None:
            self.count_label.clear()
            return
        count = len(self.runs())
        self.count_label.setText(
            self.tr("%n change(s) against the version submitted by %1", "", count).replace(
                "%1", self.base.author or "?"
            )
        )

    def _order(self, field: str, pos: int) -> tuple[int, int]:
        return list(self.fields).index(field), pos

    def go_to_change(self, *, forward: bool) -> ChangeRun | None:
        """Select the next (or previous) change after the cursor; None when there is none."""
        cursor = self.fields[self._current].textCursor()
        start = self._order(self._current, cursor.selectionStart())
        end = self._order(self._current, cursor.selectionEnd())
        runs = self.runs()
        if forward:
            found = next((r for r in runs if self._order(r.field, r.start) >= end), None)
            found = found or next((r for r in runs if self._order(r.field, r.start) > start), None)
        else:
            before = [r for r in runs if self._order(r.field, r.end) <= start]
            found = before[-1] if before else None
        if found is None:
            self.services.status(self.tr("No more changes."), MESSAGE_MS)
            return None
        self._select(found)
        return found

    def _select(self, run: ChangeRun) -> None:
        edit = self.fields[run.field]
        cursor = edit.textCursor()
        cursor.setPosition(run.start)
        cursor.setPosition(run.end, QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        self._current = run.field

    def _runs_here(self) -> list[ChangeRun]:
        cursor = self.fields[self._current].textCursor()
        runs = self.runs(self._current)
        if cursor.hasSelection():
            lo, hi = cursor.selectionStart(), cursor.selectionEnd()
            return [r for r in runs if r.start < hi and r.end > lo]
        run = run_at(self.fields[self._current].document(), cursor.position(), self._current)
        return [run] if run else []

    def settle_here(self, *, accept: bool) -> int:
        """Accept or reject the change at the cursor (or in the selection), then go to the next."""
        if self.body.isReadOnly():
            return 0
        runs = self._runs_here()
        if not runs:
            self.go_to_change(forward=True)
            return 0
        edit = self.fields[runs[0].field]
        keys = self._keys(runs) if accept else []
        done = settle(edit.document(), runs, accept=accept)
        if accept and not self._remember(keys + self._keys_unmarked(runs[0].field)):
            edit.document().undo()  # not kept in the store: not accepted (the error shows)
            return 0
        cursor = edit.textCursor()
        cursor.setPosition(min(r.start for r in runs))
        edit.setTextCursor(cursor)
        self.go_to_change(forward=True)
        return done

    def settle_all(self, *, accept: bool) -> int:
        """Accept or reject every change shown: one undo step in each field."""
        if self.body.isReadOnly():
            return 0
        runs = self.runs()
        if accept and not self._remember(self._keys(runs, every=True)):
            return 0
        done = sum(
            settle(edit.document(), [r for r in runs if r.field == name], accept=accept)
            for name, edit in self.fields.items()
        )
        self._show_count()
        return done

    def _keys(self, runs: list[ChangeRun], *, every: bool = False) -> list[ChangeKey]:
        """Return the word diff's changes the runs stand for (``every``: all of their fields').

        The diff of the text now may cut what the person typed otherwise than the marks show.
        """
        keys: list[ChangeKey] = []
        for name, edit in self.fields.items():
            mine = [r for r in runs if r.field == name]
            if not mine:
                continue
            current = CurrentText(edit.document())
            changes = track_paragraphs(self._old[name], current.paragraphs, field=name)
            chosen = changes if every else changes_of_runs(mine, current, changes)
            keys += [c.key for c in chosen]
        return keys

    def _keys_unmarked(self, name: str) -> list[ChangeKey]:
        """Return the diff's changes in the paragraphs of a field that show no mark any more.

        Such a paragraph reads as accepted; so it must read when the article is reopened.
        """
        edit = self.fields[name]
        current = CurrentText(edit.document())
        places = ParagraphMap(current.paragraphs)
        marked = {places.locate(current.place(r.start))[0] for r in self.runs(name)}
        changes = track_paragraphs(self._old[name], current.paragraphs, field=name)
        return [c.key for c in changes if places.locate(c.start)[0] not in marked]

    def _remember(self, keys: list[ChangeKey]) -> bool:
        """Record accepted changes in the store, so that they stay accepted when reopened."""
        article_id, base = self.editor.article_id, self.base
        if article_id is None or base is None:
            return False
        if not keys:
            return True
        accepts = self.services.newsroom.accepts
        return (
            call_core(self.services, lambda: accepts.accept(article_id, base.id, keys)) is not None
        )

    # --- hover and context menu --------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.base is None:
            return False
        name = next((n for viewport, n in self._viewports if viewport is watched), "")
        if not name:
            return False
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._tooltip(name, event)
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._context_menu(name, event)
        return False

    def _run_under(self, name: str, pos: QPoint) -> ChangeRun | None:
        place = self.fields[name].cursorForPosition(pos).position()
        runs = [r for r in self.runs(name) if r.start <= place <= r.end]
        return runs[0] if runs else None

    def describe(self, run: ChangeRun) -> str:
        """Return what a change is, for its tooltip: the kind, the author, the words."""
        words = run.text if len(run.text) <= 60 else run.text[:57] + "…"
        if run.kind == INSERT:
            return self.tr("Inserted by %1: “%2”").replace("%1", run.author).replace("%2", words)
        return self.tr("Deleted by %1: “%2”").replace("%1", run.author).replace("%2", words)

    def _tooltip(self, name: str, event: QHelpEvent) -> bool:
        run = self._run_under(name, event.pos())
        if run is None:
            QToolTip.hideText()
            return False
        QToolTip.showText(event.globalPos(), self.describe(run), self.fields[name].viewport())
        return True

    def _context_menu(self, name: str, event: QContextMenuEvent) -> bool:
        run = self._run_under(name, event.pos())
        if run is None:
            return False
        menu = self.fields[name].createStandardContextMenu(event.pos())
        self._select(run)
        first = menu.actions()[0] if menu.actions() else menu.addSeparator()
        menu.insertSection(first, self.describe(run))
        menu.insertActions(first, [self.accept, self.reject])
        menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True
