"""The article editor panel: section, byline, tags, headline, lead and body, as one page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.body import BULLET, NUMBER, OBJECT_CHAR
from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.core.text import clean_line, word_count
from newsroom_desktop.ui.editor.bridge import markdown_to_document
from newsroom_desktop.ui.editor.commands import (
    apply_link,
    cursor_state,
    figure_blocks,
    insert_figure,
    set_heading,
    set_quote,
    toggle_list,
    toggle_mark,
)
from newsroom_desktop.ui.editor.fields import (
    CountLabel,
    FieldLineEdit,
    FieldRow,
    WrappingLineEdit,
)
from newsroom_desktop.ui.editor.figures import FigureSource
from newsroom_desktop.ui.editor.find_replace import FindBar
from newsroom_desktop.ui.editor.find_scope import HEADLINE, LEAD
from newsroom_desktop.ui.editor.formats import body_font
from newsroom_desktop.ui.editor.page import PageScrollArea
from newsroom_desktop.ui.editor.text_edit import (
    MAX_TEXT_WIDTH,
    MIN_SIDE_MARGIN,
    BodyEdit,
    new_document,
    side_margin,
)
from newsroom_desktop.ui.editor.track_changes import text_without_deletions
from newsroom_desktop.ui.style import EDITOR_PANEL_STYLE

Thumbnails = Callable[[PhotoUse], QImage | None]
Decorate = Callable[[QTextDocument], None]
COUNT_DELAY_MS = 300


class EditorPanel(QWidget):
    """Edits one article; the main window puts its actions in menus and toolbars.

    Signals: ``changed`` on any edit, ``counts_changed(words, chars)`` over lead and body
    (words are Vietnamese syllables), ``photo_activated(use_id)`` when a figure is clicked.
    """

    changed = Signal()
    counts_changed = Signal(int, int)
    photo_activated = Signal(str)
    caption_replaced = Signal(object)  # a PhotoUse whose caption find and replace changed
    caption_found = Signal(str, int, int)  # use id, start, end of a match in its caption

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditorPanel")
        self.article_id: str | None = None
        self._dirty = False
        self._loading = False
        self._read_only = False
        self._body_generation = 0
        self._body_cache: tuple[int, str] = (-1, "")
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.emit_counts)
        self._build_fields()
        self.body = BodyEdit(self)
        self.find_bar = FindBar(self.body, self)
        self.find_bar.fields.add_field(HEADLINE, self.headline)
        self.find_bar.fields.add_field(LEAD, self.lead)
        # Looked up at each find: loading an article gives the body a new figure source.
        self.find_bar.fields.captions = lambda: self.body.figures.uses()  # noqa: PLW0108
        self.find_bar.hide()
        self._build_layout()
        self._build_actions()
        self._wire()
        self.setStyleSheet(EDITOR_PANEL_STYLE)
        self.clear()

    # --- building --------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.page = QWidget(self)
        self.page.setObjectName("EditorPage")
        self.header = QWidget(self.page)
        self.header.setObjectName("EditorHeader")
        self.section = QComboBox(self.header)
        self.section.setEditable(True)
        self.section.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        section_edit = QLineEdit(self.section)
        section_edit.setPlaceholderText(self.tr("Section"))
        self.section.setLineEdit(section_edit)
        self.byline = FieldLineEdit(self.header)
        self.byline.setPlaceholderText(self.tr("Byline"))
        self.tags = FieldLineEdit(self.header)
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.headline = WrappingLineEdit(self.header)
        self.headline.setPlaceholderText(self.tr("Headline"))
        self.headline.set_font(_font(21, QFont.Weight.Bold))
        self.lead = WrappingLineEdit(self.header)
        self.lead.setPlaceholderText(self.tr("Lead: the paragraph that sums up the story"))
        self.lead.set_font(_font(13, QFont.Weight.DemiBold))
        self.headline_count = CountLabel(self.header)
        self.lead_count = CountLabel(self.header)
        for label in (self.headline_count, self.lead_count):
            label.setFont(_ui_font(8.5))

    def _build_layout(self) -> None:
        self.meta = FieldRow(self.header)
        self.meta.setObjectName("MetaRow")
        self.field_labels: dict[str, QLabel] = {}
        for name, text, widget in (
            ("section", self.tr("Sec&tion"), self.section),
            ("byline", self.tr("B&yline"), self.byline),
            ("tags", self.tr("Ta&gs"), self.tags),
        ):
            widget.setFont(_ui_font(9.5))
            self.field_labels[name] = self.meta.add_field(text, widget)
            self.field_labels[name].setFont(_ui_font(8.5))
        rule = QFrame(self.header)
        rule.setObjectName("Rule")
        column = QVBoxLayout()
        column.setContentsMargins(28, 20, 28, 4)
        column.setSpacing(2)
        column.addWidget(self.meta)
        column.addSpacing(14)
        column.addWidget(self.headline)
        column.addWidget(self.headline_count)
        column.addSpacing(6)
        column.addWidget(self.lead)
        column.addWidget(self.lead_count)
        column.addSpacing(6)
        column.addWidget(rule)
        holder = QWidget(self.header)
        holder.setLayout(column)
        holder.setMaximumWidth(MAX_TEXT_WIDTH)
        centre = QHBoxLayout(self.header)
        centre.setContentsMargins(MIN_SIDE_MARGIN, 0, MIN_SIDE_MARGIN, 0)
        centre.addWidget(holder)
        self.header.installEventFilter(self)
        # Headline, lead, body and photos scroll as one page, like a document.
        page_column = QVBoxLayout(self.page)
        page_column.setContentsMargins(0, 0, 0, 0)
        page_column.setSpacing(0)
        page_column.addWidget(self.header)
        page_column.addWidget(self.body)
        page_column.addStretch(1)
        self.page_scroll = PageScrollArea(self.page, self.body, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.page_scroll, 1)
        outer.addWidget(self.find_bar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.header and event.type() == QEvent.Type.Resize:
            # The fields keep the body's side margin: most of it goes when the page is narrow.
            side = side_margin(self.header.width())
            layout = self.header.layout()
            if layout is not None and layout.contentsMargins().left() != side:
                layout.setContentsMargins(side, 0, side, 0)
        return super().eventFilter(watched, event)

    def _action(self, text: str, shortcut: Any = None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.action_bold = self._action(self.tr("&Bold"), "Ctrl+B", True)
        self.action_italic = self._action(self.tr("&Italic"), "Ctrl+I", True)
        self.action_h2 = self._action(self.tr("Heading &2"), "Ctrl+2", True)
        self.action_h3 = self._action(self.tr("Heading &3"), "Ctrl+3", True)
        self.action_paragraph = self._action(self.tr("&Paragraph"), "Ctrl+0", True)
        self.action_bullets = self._action(self.tr("B&ulleted list"), "Ctrl+Shift+8", True)
        self.action_numbers = self._action(self.tr("&Numbered list"), "Ctrl+Shift+7", True)
        self.action_quote = self._action(self.tr("Block &quote"), "Ctrl+Shift+9", True)
        self.action_link = self._action(self.tr("&Link…"), "Ctrl+K")
        self.action_undo = self._action(self.tr("&Undo"), QKeySequence.StandardKey.Undo)
        self.action_redo = self._action(self.tr("&Redo"), QKeySequence.StandardKey.Redo)
        self.action_find = self._action(self.tr("&Find…"), "Ctrl+F")
        self.action_replace = self._action(self.tr("Re&place…"), "Ctrl+H")
        self.format_actions = [
            *(self.action_bold, self.action_italic, self.action_h2, self.action_h3),
            *(self.action_paragraph, self.action_bullets, self.action_numbers),
            *(self.action_quote, self.action_link),
        ]

    def _wire(self) -> None:
        self.action_bold.triggered.connect(lambda: self._toggle_mark("bold"))
        self.action_italic.triggered.connect(lambda: self._toggle_mark("italic"))
        self.action_h2.triggered.connect(lambda: self._heading(2))
        self.action_h3.triggered.connect(lambda: self._heading(3))
        self.action_paragraph.triggered.connect(lambda: self._heading(0))
        self.action_bullets.triggered.connect(lambda: self._list(BULLET))
        self.action_numbers.triggered.connect(lambda: self._list(NUMBER))
        self.action_quote.triggered.connect(self._quote)
        self.action_link.triggered.connect(self._ask_link)
        self.action_undo.triggered.connect(self.body.undo)
        self.action_redo.triggered.connect(self.body.redo)
        self.action_find.triggered.connect(lambda: self.find_bar.show_find(replace=False))
        self.action_replace.triggered.connect(lambda: self.find_bar.show_find(replace=True))
        self.body.undoAvailable.connect(self._undo_available)
        self.body.redoAvailable.connect(self._redo_available)
        self.body.cursorPositionChanged.connect(self.update_action_states)
        self.body.currentCharFormatChanged.connect(self.update_action_states)
        self.body.textChanged.connect(self._body_changed)
        self.body.figure_activated.connect(self.photo_activated)
        self.find_bar.caption_replaced.connect(self.caption_replaced)
        self.find_bar.caption_found.connect(self.caption_found)
        self.headline.text_changed.connect(self._headline_changed)
        self.lead.text_changed.connect(self._lead_changed)
        for edit in (self.byline, self.tags):
            edit.textChanged.connect(self._field_changed)
        self.section.editTextChanged.connect(self._field_changed)

    # --- loading ---------------------------------------------------------------------

    def load_article(
        self, doc: ArticleDoc, sections: list[str], thumbnails: Thumbnails | None = None
    ) -> None:
        """Show ``doc`` for editing, with a fresh undo history and the dirty flag clear."""
        self._loading = True
        try:
            self.article_id = doc.id
            self._set_sections(sections, doc.section)
            self.headline.set_text(doc.headline)
            self.lead.set_text(doc.lead)
            self.byline.setText(doc.byline)
            self.tags.setText(", ".join(doc.tags))
            self.headline_count.target = doc.target_headline_chars
            self.lead_count.target = doc.target_lead_chars
            self._load_body(doc.body, FigureSource(doc.photos, thumbnails))
        finally:
            self._loading = False
        self.page_scroll.scroll_to_top()
        self.set_read_only(False)
        self.mark_saved()
        self._refresh_counts()
        self.emit_counts()
        # Serialise once while the writer reads: the first autosave then only redoes edits.
        QTimer.singleShot(0, self.body_markdown)

    def rebuild_body(self, decorate: Decorate | None = None) -> None:
        """Build the body again from its Markdown, marked up by ``decorate`` (tracked changes).

        The text stays as it is, so nothing is due to be saved; the undo history starts afresh.
        """
        position = self.body.textCursor().position()
        self._loading = True
        try:
            self._load_body(self.body_markdown(), self.body.figures, decorate)
        finally:
            self._loading = False
        cursor = self.body.textCursor()
        cursor.setPosition(min(position, self.body.document().characterCount() - 1))
        self.body.setTextCursor(cursor)

    def rebuild_line(self, edit: WrappingLineEdit, decorate: Decorate | None = None) -> None:
        """Set the headline or lead to its text again, marked up by ``decorate`` (tracked
        changes); nothing is due to be saved, and the field's undo history starts afresh."""
        self._loading = True
        try:
            edit.set_text(edit.text())
            if decorate is not None:
                decorate(edit.document())
        finally:
            self._loading = False
        self._refresh_counts()

    def _load_body(
        self, markdown: str, figures: FigureSource, decorate: Decorate | None = None
    ) -> None:
        self.find_bar.forget()  # its undo and place belong to the article shown until now
        document = new_document(self.body, figures)
        markdown_to_document(markdown, document, figures)
        if decorate is not None:
            decorate(document)
        self.body.replace_document(document, figures)
        self._body_generation += 1
        self._undo_available(False)
        self._redo_available(False)
        self.body.moveCursor(self.body.textCursor().MoveOperation.Start)
        if self.find_bar.isVisible():
            self.find_bar.update_highlights()

    def _set_sections(self, sections: list[str], current: str) -> None:
        names = list(dict.fromkeys([*sections, *([current] if current else [])]))
        self.section.clear()
        self.section.addItems(names)
        completer = QCompleter(names, self.section)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.section.setCompleter(completer)
        self.section.setEditText(current)
        line = self.section.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # show a long name from its start

    def clear(self) -> None:
        """Show no article: empty fields, an empty read-only body."""
        self._loading = True
        try:
            self.article_id = None
            self._set_sections([], "")
            for edit in (self.headline, self.lead):
                edit.set_text("")
            self.byline.clear()
            self.tags.clear()
            self.headline_count.target = self.lead_count.target = None
            self._load_body("", FigureSource())
        finally:
            self._loading = False
        self.set_read_only(True)
        self.mark_saved()
        self._refresh_counts()

    # --- state -----------------------------------------------------------------------

    def current_fields(self, *, commit_preedit: bool = False) -> dict[str, Any]:
        """Return the fields as ArticleService.save takes them (body as canonical Markdown).

        Autosave leaves ``commit_preedit`` off so a word being composed is not cut short;
        an explicit save or an article switch calls ``commit_preedit()`` (or passes True).
        """
        if commit_preedit:
            self.commit_preedit()
        return {
            "section": clean_line(self.section.currentText()),
            "headline": self.headline.text(),
            "lead": self.lead.text(),
            "body": self.body_markdown(),
            "byline": clean_line(self.byline.text()),
            "tags": [t for t in (clean_line(p) for p in self.tags.text().split(",")) if t],
        }

    def body_markdown(self) -> str:
        """Return the body as canonical Markdown (serialised only after a change)."""
        if self._body_cache[0] != self._body_generation:
            self._body_cache = (self._body_generation, self.body.to_markdown())
        return self._body_cache[1]

    def is_dirty(self) -> bool:
        """Return True if anything changed since the article was loaded or last saved."""
        return self._dirty

    def mark_saved(self) -> None:
        """Clear the dirty flag (after the main window saved ``current_fields()``)."""
        self._dirty = False

    def commit_preedit(self) -> bool:
        """Commit any word an input method is still composing, in every field."""
        widgets = (self.body, self.headline, self.lead, self.byline, self.tags)
        committed = [w.commit_preedit() for w in widgets]
        return any(committed)

    def is_read_only(self) -> bool:
        """Return True when the panel shows without allowing edits."""
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """Allow or forbid edits (a revision preview is read-only)."""
        self._read_only = read_only
        self.body.setReadOnly(read_only)
        if read_only:
            flags = (
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.body.setTextInteractionFlags(flags)
        for edit in (self.headline, self.lead, self.byline, self.tags):
            edit.setReadOnly(read_only)
        self.section.setEnabled(not read_only)
        for action in (*self.format_actions, self.action_replace):
            action.setEnabled(not read_only)
        self._undo_available(self.body.document().isUndoAvailable())
        self._redo_available(self.body.document().isRedoAvailable())

    def add_top_bar(self, widget: QWidget) -> None:
        """Show ``widget`` above the fields (the review bar: status, actions, why it is locked)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, widget)

    def focus_headline(self) -> None:
        """Put the keyboard focus in the headline, at its end."""
        self.headline.setFocus()
        self.headline.moveCursor(self.headline.textCursor().MoveOperation.End)

    # --- photos ----------------------------------------------------------------------

    def insert_photo(self, use: PhotoUse) -> None:
        """Place a photo at the body's cursor, as one undoable step."""
        if self._read_only:
            return
        self.body.figures.update(use)
        cursor = self.body.textCursor()
        insert_figure(cursor, use.id, use.alt_text)
        self.body.setTextCursor(cursor)

    def update_photo(self, use: PhotoUse) -> None:
        """Redraw a placed photo after its caption, credit or file changed (not an edit)."""
        self.body.figures.update(use)
        doc = self.body.document()
        self._loading = True
        try:
            for block in figure_blocks(doc, use.id):
                doc.markContentsDirty(block.position(), block.length())
        finally:
            self._loading = False
        self.body.viewport().update()

    # --- edits -----------------------------------------------------------------------

    def _body_changed(self) -> None:
        if self._loading:
            return
        self._body_generation += 1
        self._changed()

    def _field_changed(self) -> None:
        if not self._loading:
            self._changed()

    def _headline_changed(self, text: str) -> None:
        self.headline_count.show_count(text)
        self._field_changed()

    def _lead_changed(self, text: str) -> None:
        self.lead_count.show_count(text)
        self._field_changed()

    def _changed(self) -> None:
        self._dirty = True
        self._count_timer.start()
        self.changed.emit()

    def _refresh_counts(self) -> None:
        self.headline_count.show_count(text_without_deletions(self.headline.document()))
        self.lead_count.show_count(text_without_deletions(self.lead.document()))

    def emit_counts(self) -> None:
        """Emit ``counts_changed`` with words and characters of lead and body now."""
        text = text_without_deletions(self.body.document()).replace(OBJECT_CHAR, "")
        lead = self.lead.text()
        words = word_count(lead) + word_count(text)
        chars = len(lead) + len(text.replace("\n", ""))
        self.counts_changed.emit(words, chars)

    def update_action_states(self) -> None:
        """Check the formatting actions that apply at the cursor."""
        state = cursor_state(self.body.textCursor(), self.body.currentCharFormat())
        checks = (
            (self.action_bold, state.bold),
            (self.action_italic, state.italic),
            (self.action_h2, state.heading == 2),
            (self.action_h3, state.heading == 3),
            (self.action_paragraph, state.heading == 0 and not state.figure),
            (self.action_bullets, state.list_style == BULLET),
            (self.action_numbers, state.list_style == NUMBER),
            (self.action_quote, state.quote),
            (self.action_link, bool(state.href)),
        )
        for action, checked in checks:
            action.setChecked(checked)

    def _undo_available(self, available: bool) -> None:
        self.action_undo.setEnabled(available and not self._read_only)

    def _redo_available(self, available: bool) -> None:
        self.action_redo.setEnabled(available and not self._read_only)

    def _toggle_mark(self, mark: str) -> None:
        cursor = self.body.textCursor()
        typing = toggle_mark(cursor, self.body.currentCharFormat(), mark)
        if not cursor.hasSelection():
            self.body.setCurrentCharFormat(typing)
        self.update_action_states()

    def _heading(self, level: int) -> None:
        state = cursor_state(self.body.textCursor(), self.body.currentCharFormat())
        set_heading(self.body.textCursor(), 0 if state.heading == level else level)
        self.update_action_states()

    def _list(self, style: str) -> None:
        toggle_list(self.body.textCursor(), style)
        self.update_action_states()

    def _quote(self) -> None:
        state = cursor_state(self.body.textCursor(), self.body.currentCharFormat())
        set_quote(self.body.textCursor(), not state.quote)
        self.update_action_states()

    def set_link(self, url: str) -> bool:
        """Link the selection (or the word or link at the cursor) to ``url``; '' unlinks."""
        cursor = self.body.textCursor()
        ok = apply_link(cursor, url)
        self.body.setTextCursor(cursor)
        self.update_action_states()
        return ok

    def _ask_link(self) -> None:
        current = cursor_state(self.body.textCursor(), self.body.currentCharFormat()).href
        url, ok = QInputDialog.getText(
            self,
            self.tr("Link"),
            self.tr("Web or e-mail address (leave empty to remove the link):"),
            text=current or "https://",
        )
        if ok and not self.set_link("" if url.strip() == "https://" else url):
            QMessageBox.information(
                self, self.tr("Link"), self.tr("Only http, https and mailto links can be used.")
            )


def _font(point_size: float, weight: QFont.Weight) -> QFont:
    font = body_font(point_size)
    font.setWeight(weight)
    return font


def _ui_font(point_size: float) -> QFont:
    font = QFont()
    font.setPointSizeF(point_size)
    return font
