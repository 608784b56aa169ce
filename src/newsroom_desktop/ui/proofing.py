"""Spell check and house style in the window: underlines, the context menu, F7, tone marks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QTextEdit

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.proofing.findings import SPELLING, Finding
from newsroom_desktop.core.proofing.proofer import Proofer
from newsroom_desktop.ui.editor.spelling import (
    ProofHighlighter,
    apply_fix,
    finding_at,
    next_finding,
    normalise_tone_marks,
)
from newsroom_desktop.ui.services import Services

STATUS_MS = 8000
# The fields F7 walks through, in the order they stand on the page.
WALK = ["headline", "lead", "body"]
Editor = QTextEdit | QPlainTextEdit


class ProofingController(QObject):
    """Keeps the open article's fields underlined and offers the fixes; owns its actions.

    The proofer (dictionary, newsroom words, house style) is made when an article opens, in
    the article's language; adding a word writes it to the store through the core.
    """

    def __init__(
        self, services: Services, *, editor: Any, menu: QMenu, caption: Editor | None = None
    ) -> None:
        super().__init__(services.parent)
        self.services = services
        self.editor = editor
        self.proofer: Proofer | None = None
        self._waiting = True  # a document is shown before its article's proofer is made
        # The article whose body arrived, with the proofer made for it then.
        self._arrived: tuple[str, Proofer | None] | None = None
        self._highlighters: dict[str, ProofHighlighter] = {}
        self._edits: dict[str, Editor] = {
            "headline": editor.headline,
            "lead": editor.lead,
            "body": editor.body,
        }
        if caption is not None:  # the photo panel's caption of the photo chosen
            self._edits["caption"] = caption
        self._build_actions(menu)
        for edit in self._edits.values():
            edit.viewport().installEventFilter(self)
        for field in self._edits:
            self._attach(field)
        editor.body.document_arriving.connect(self._body_arriving)
        editor.body.document_replaced.connect(self._body_replaced)
        services.session.loaded.connect(self.article_loaded)

    # --- building -----------------------------------------------------------------------

    def _build_actions(self, menu: QMenu) -> None:
        self.action_next = QAction(self.tr("Next Spelling or Style &Finding"), self.editor)
        self.action_next.setObjectName("action_next_finding")
        self.action_next.setShortcut(QKeySequence("F7"))
        self.action_next.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action_normalise = QAction(self.tr("Normalise &Tone Marks"), self.editor)
        self.action_normalise.setObjectName("action_normalise_tones")
        self.action_house = QAction(self.tr("&House Style…"), self.editor)
        self.action_house.setObjectName("action_house_style")
        for action in (self.action_next, self.action_normalise, self.action_house):
            self.services.parent.addAction(action)
        menu.addSeparator()
        menu.addActions([self.action_next, self.action_normalise, self.action_house])
        self.action_next.triggered.connect(self.next_finding)
        self.action_normalise.triggered.connect(self.normalise_tone_marks)
        self.action_house.triggered.connect(self.show_house_style)

    def _attach(self, field: str, document: QTextDocument | None = None) -> None:
        edit = self._edits[field]
        old = self._highlighters.get(field)
        if old is not None:
            old.setDocument(None)
            old.deleteLater()
        self._highlighters[field] = ProofHighlighter(
            document or edit.document(), field, self._current, whole_field=field != "body"
        )

    def _current(self) -> Proofer | None:
        return None if self._waiting else self.proofer

    # --- following the open article ----------------------------------------------------

    def _body_arriving(self, document: QTextDocument) -> None:
        """Underline the top of an article's body before Qt lays it out, which is cheaper.

        The article is the session's, already: its proofer is made now rather than when the
        window says the article is loaded (after the whole body is laid out).
        """
        self._arrived = None
        doc = self.services.session.doc
        if doc is None:
            return
        self._waiting = True
        self._attach("body", document)  # while waiting: Qt's first pass checks nothing
        proofer = self._make_proofer(doc.language)
        self._arrived = (doc.id, proofer)
        self.proofer, self._waiting = proofer, False
        self._highlighters["body"].underline_ahead()

    def _body_replaced(self) -> None:
        if self._highlighters["body"].document() is self._edits["body"].document():
            return  # attached (and partly underlined) as it arrived
        # The article's proofer comes with the article: until then nothing is underlined.
        self._waiting = True
        self._attach("body")

    def article_loaded(self, doc: ArticleDoc | None) -> None:
        """Make the proofer of ``doc``'s language and underline its fields."""
        arrived, self._arrived = self._arrived, None
        if doc is None:
            self.proofer = None
            self.rehighlight()
        elif arrived is not None and arrived[0] == doc.id:
            self._show_proofer(arrived[1], doc.language)  # made as its body arrived
        else:
            self.reload(doc.language)

    def reload(self, language: str | None = None) -> None:
        """Make the proofer afresh (the newsroom's words or house style changed) and underline."""
        if language is None:
            if self.proofer is None:
                return
            language = self.proofer.language
        self._show_proofer(self._make_proofer(language), language)

    def _make_proofer(self, language: str) -> Proofer | None:
        try:
            return self.services.newsroom.proofing.proofer(language)
        except NewsroomError as exc:
            self.services.status(str(exc), STATUS_MS)
            return None

    def _show_proofer(self, proofer: Proofer | None, language: str) -> None:
        self.proofer = proofer
        if self.proofer is not None and self.proofer.speller.missing:
            self.services.status(self._missing_text(language), STATUS_MS * 2)
        self._waiting = False
        self._update_actions()
        self.rehighlight()

    def _missing_text(self, language: str) -> str:
        package = "hunspell-vi" if language == "vi" else "hunspell-en-us"
        return (
            self.tr("Spell check is off: the %1 dictionary is not installed (apt-get install %2).")
            .replace("%1", language)
            .replace("%2", package)
        )

    def _update_actions(self) -> None:
        house = self.proofer.house_tones if self.proofer else None
        self.action_normalise.setEnabled(house is not None and not self.editor.is_read_only())
        self.action_normalise.setToolTip(
            ""
            if house is not None
            else self.tr("Choose the house tone-mark placement in Format ▸ House Style first.")
        )

    def rehighlight(self) -> None:
        """Underline every field again: the body a few paragraphs at a time, from the top."""
        for field, highlighter in self._highlighters.items():
            if field == "body":
                highlighter.rehighlight_in_steps()
            else:
                highlighter.rehighlight()

    def highlighter(self, field: str) -> ProofHighlighter:
        return self._highlighters[field]

    # --- the context menu ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            for field, edit in self._edits.items():
                if watched is edit.viewport():
                    if not self._finding_under(field, event.pos()):
                        return False  # the usual menu, or Track Changes' on a change
                    menu = self.context_menu(field, event.pos())
                    menu.exec(event.globalPos())
                    menu.deleteLater()
                    return True
        return super().eventFilter(watched, event)

    def _finding_under(self, field: str, pos: QPoint) -> bool:
        if self.proofer is None:
            return False
        position = self._edits[field].cursorForPosition(pos).position()
        return finding_at(self._highlighters[field], position) is not None

    def context_menu(self, field: str, pos: QPoint) -> QMenu:
        """Return the menu for a right click at ``pos``: a finding's fixes, then the usual."""
        edit = self._edits[field]
        standard = edit.createStandardContextMenu(pos)
        position = edit.cursorForPosition(pos).position()
        finding = finding_at(self._highlighters[field], position) if self.proofer else None
        if finding is None:
            return standard
        menu = QMenu(edit)
        menu.setObjectName("proofingMenu")
        self._add_fix_actions(menu, field, finding)
        menu.addSeparator()
        for action in standard.actions():
            action.setParent(menu)
            menu.addAction(action)
        standard.deleteLater()
        return menu

    def _add_fix_actions(self, menu: QMenu, field: str, finding: Finding) -> None:
        read_only = self.editor.is_read_only() or self._edits[field].isReadOnly()
        if finding.kind == SPELLING:
            assert self.proofer is not None
            suggestions = self.proofer.suggest(finding.text)
            for word in suggestions:
                action = menu.addAction(word)
                action.setEnabled(not read_only)
                action.triggered.connect(lambda _=False, w=word: self.fix(field, finding, w))
            if not suggestions:
                menu.addAction(self.tr("(No suggestions)")).setEnabled(False)
            menu.addSeparator()
            add = menu.addAction(
                self.tr("Add “%1” to the Newsroom Dictionary").replace("%1", finding.text)
            )
            add.setObjectName("addToDictionary")
            add.triggered.connect(lambda: self.add_to_dictionary(finding.text))
            ignore = menu.addAction(self.tr("Ignore “%1”").replace("%1", finding.text))
            ignore.setObjectName("ignoreWord")
            ignore.triggered.connect(lambda: self.ignore(finding.text))
            return
        menu.addAction(finding_label(finding)).setEnabled(False)
        for fix in finding.suggestions:
            shown = fix if fix.strip() else self.tr("(remove it)")
            action = menu.addAction(self.tr("Change to “%1”").replace("%1", shown))
            action.setObjectName("styleFix")
            action.setEnabled(not read_only)
            action.triggered.connect(lambda _=False, w=fix: self.fix(field, finding, w))

    # --- what the menu and the actions do ------------------------------------------------

    def fix(self, field: str, finding: Finding, replacement: str) -> None:
        """Replace ``finding`` in ``field`` with ``replacement`` (one undo step)."""
        apply_fix(self._edits[field].document(), finding, replacement)

    def add_to_dictionary(self, word: str) -> None:
        """Add ``word`` to the newsroom dictionary in the store, and stop flagging it."""
        try:
            kept = self.services.newsroom.proofing.add_word(word)
        except NewsroomError as exc:
            self.services.problem(self.tr("Not added to the dictionary"), str(exc))
            return
        if self.proofer is not None:
            self.proofer.add_word(kept)
        self.services.status(
            self.tr("“%1” is in the newsroom dictionary.").replace("%1", kept), STATUS_MS
        )
        self.rehighlight()

    def ignore(self, word: str) -> None:
        """Stop flagging ``word`` until the window closes."""
        if self.proofer is not None:
            self.proofer.ignore(word)
        self.rehighlight()

    def next_finding(self) -> Finding | None:
        """Select the next finding (F7): on from the cursor, headline → lead → body, around."""
        if self.proofer is None:
            return None
        focus = QApplication.focusWidget()
        here = next(
            (f for f in WALK if focus is not None and self._edits[f].isAncestorOf(focus)),
            "body",
        )
        at = WALK.index(here)
        cursor = self._edits[here].textCursor()
        places = [(here, cursor.selectionStart(), cursor.selectionEnd())]
        places += [(field, -1, 0) for field in WALK[at + 1 :] + WALK[:at]]
        places.append((here, -1, 0))  # round to the top of where it started
        for field, start, end in places:
            found = next_finding(self._highlighters[field], start, end, wrap=False)
            if found is not None:
                self._select(field, found)
                return found
        self.services.status(self.tr("No spelling or style finding in the text."), STATUS_MS)
        return None

    def _select(self, field: str, found: Finding) -> None:
        edit = self._edits[field]
        cursor = edit.textCursor()
        cursor.setPosition(found.start)
        cursor.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.setFocus()
        edit.ensureCursorVisible()
        self.services.status(finding_label(found), STATUS_MS)

    def normalise_tone_marks(self) -> int:
        """Place every tone mark of the article in the house style; one undo step a field."""
        house = self.proofer.house_tones if self.proofer else None
        if house is None or self.editor.is_read_only():
            return 0
        count = sum(
            normalise_tone_marks(edit.document(), house)
            for edit in self._edits.values()
            if not edit.isReadOnly()
        )
        self.services.status(
            self.tr("%n tone mark(s) placed in the house style.", "", count), STATUS_MS
        )
        return count

    def show_house_style(self) -> None:
        from newsroom_desktop.ui.house_style_dialog import HouseStyleDialog  # noqa: PLC0415 - lazy, for start-up time

        dialog = HouseStyleDialog(self.services, self.services.parent)
        changed = bool(dialog.exec()) and dialog.apply()
        if changed or dialog.words_changed:
            self.reload()


def finding_label(finding: Finding) -> str:
    """Return a finding's rule, translated, with what it found."""
    from newsroom_desktop.ui.house_style_dialog import rule_label  # noqa: PLC0415 - one table

    return f"{rule_label(finding.rule)}: “{finding.text.strip() or finding.text}”"
