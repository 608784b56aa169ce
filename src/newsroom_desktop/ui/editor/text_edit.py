"""The body editor widget: a QTextEdit that pastes cleanly, keeps photos whole, and looks calm."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from newsroom_desktop.core.body import BULLET, HARD_BREAK, OBJECT_CHAR
from newsroom_desktop.ui.editor.bridge import document_to_markdown, insert_blocks
from newsroom_desktop.ui.editor.commands import (
    figure_id,
    indent_list,
    is_figure_block,
    is_stray_figure_block,
    make_paragraph,
    remove_figure_block,
    text_list,
    toggle_list,
)
from newsroom_desktop.ui.editor.figures import FigureSource, register_figures
from newsroom_desktop.ui.editor.formats import (
    QUOTE_LEVEL,
    base_char_format,
    block_format,
    block_kind,
    body_font,
    figure_block_format,
    list_style_of,
    run_marks,
    set_link,
)
from newsroom_desktop.ui.editor.ime import PreeditCommitMixin
from newsroom_desktop.ui.editor.paste import MARKDOWN_MIME, blocks_from_mime

MAX_TEXT_WIDTH = 720
MIN_SIDE_MARGIN = 24
# A page narrower than this (the Notes panel open on a small screen) gives up most of its side
# margin rather than cut the fields above the text.
NARROW_PAGE = 560
NARROW_SIDE_MARGIN = 4


def side_margin(width: int) -> int:
    """Return the page's least side margin at ``width``: the body's and the fields' alike."""
    return NARROW_SIDE_MARGIN if width < NARROW_PAGE else MIN_SIDE_MARGIN


QUOTE_BAR = QColor("#c9d3de")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keys QTextEdit would take for itself (Ctrl+K deletes to the end of the line on X11) that
# the panel's actions own instead.
ACTION_KEYS = ("Ctrl+K", "Ctrl+H", "Ctrl+B", "Ctrl+I", "Ctrl+0", "Ctrl+2", "Ctrl+3")


def new_document(parent: QWidget | None, figures: FigureSource) -> QTextDocument:
    """Return an empty body document with the editor's font, margins and photo drawing."""
    doc = QTextDocument(parent)
    doc.setDefaultFont(body_font())
    doc.setDocumentMargin(28)
    doc.setIndentWidth(26)
    doc.setUseDesignMetrics(True)
    register_figures(doc, figures)
    doc.setUndoRedoEnabled(False)  # the first paragraph looks like every other one
    cursor = QTextCursor(doc)
    cursor.setBlockFormat(block_format())
    cursor.setBlockCharFormat(base_char_format(0))
    doc.setUndoRedoEnabled(True)
    return doc


class BodyEdit(PreeditCommitMixin, QTextEdit):
    """The WYSIWYG body: structure-only paste, whole photos, lists that indent with Tab."""

    painted = Signal()
    figure_activated = Signal(str)
    document_arriving = Signal(QTextDocument)  # about to be shown: Qt has laid none of it out
    document_replaced = Signal()
    cursor_shown = Signal()  # ensureCursorVisible() was asked for: the page scrolls to it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = FigureSource()
        self.setDocument(new_document(self, self.figures))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._action_keys = [QKeySequence(k) for k in ACTION_KEYS]
        self._side_margin = -1

    # --- document ------------------------------------------------------------------------

    def replace_document(self, doc: QTextDocument, figures: FigureSource) -> None:
        """Show ``doc`` (built by the bridge) and drop the previous document."""
        old = self.document()
        self.figures = figures
        register_figures(doc, figures)
        doc.setParent(self)
        self.document_arriving.emit(doc)
        self.setDocument(doc)
        if old is not doc:
            old.deleteLater()
        self.document_replaced.emit()

    def ensureCursorVisible(self) -> None:
        super().ensureCursorVisible()
        self.cursor_shown.emit()

    def to_markdown(self) -> str:
        """Return the body as canonical Markdown."""
        return document_to_markdown(self.document())

    # --- paste and copy ------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasFormat(MARKDOWN_MIME) or source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.isReadOnly():
            return
        blocks = blocks_from_mime(source, self.figures.knows)
        if not blocks:
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        self._step_out_of_figure(cursor, before=False)
        insert_blocks(cursor, blocks, merge_first=True)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = QMimeData()
        cursor = self.textCursor()
        fragment_doc = QTextDocument()
        QTextCursor(fragment_doc).insertFragment(cursor.selection())
        mime.setData(MARKDOWN_MIME, document_to_markdown(fragment_doc).encode("utf-8"))
        text = cursor.selectedText().replace("\u2029", "\n").replace(HARD_BREAK, "\n")
        mime.setText(text.replace(OBJECT_CHAR, ""))
        return mime

    # --- keys ----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = QKeySequence(event.keyCombination())
            if any(
                combo.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self._action_keys
            ):
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isReadOnly() or not self._handle_key(event):
            super().keyPressEvent(event)
        cursor = self.textCursor()
        if is_stray_figure_block(cursor.block()):
            make_paragraph(cursor)

    def _handle_key(self, event: QKeyEvent) -> bool:
        """Handle the keys the body treats specially; return False to let QTextEdit have it."""
        key, mods = event.key(), event.modifiers()
        cursor = self.textCursor()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if not indent_list(cursor, -1 if back else 1):
                self.focusNextPrevChild(not back)
            return True
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not cursor.hasSelection():
            return self._delete_figure_next_to(cursor, key == Qt.Key.Key_Backspace)
        if is_figure_block(cursor.block()) and (event.text().isprintable() or key in _ENTER):
            if not cursor.hasSelection():
                self._step_out_of_figure(cursor, before=cursor.atBlockStart())
                self.setTextCursor(cursor)
                return key in _ENTER
            return False
        if key in _ENTER and not (mods & Qt.KeyboardModifier.ShiftModifier):
            return self._enter(cursor)
        if event.text() and event.text().isprintable():
            self._end_link_at(cursor)
        return False

    def _enter(self, cursor: QTextCursor) -> bool:
        block = cursor.block()
        kind = block_kind(block.blockFormat())
        if block.length() <= 1 and text_list(block) is not None:
            # Enter on an empty list item ends the list, as in every word processor.
            toggle_list(cursor, self._list_style(block))
            return True
        if kind.heading and cursor.atBlockEnd():
            cursor.insertBlock(block_format(0, kind.quote), base_char_format(0))
            self.setTextCursor(cursor)
            return True
        return False

    @staticmethod
    def _list_style(block: QTextBlock) -> str:
        lst = text_list(block)
        return list_style_of(lst.format()) if lst is not None else BULLET

    def _end_link_at(self, cursor: QTextCursor) -> None:
        """Stop typing at the end of a link from extending the link."""
        fmt = self.currentCharFormat()
        href = run_marks(fmt)[2]
        if not href or cursor.hasSelection():
            return
        after = QTextCursor(cursor)
        after.movePosition(QTextCursor.MoveOperation.NextCharacter)
        at_end = cursor.atBlockEnd() or run_marks(after.charFormat())[2] != href
        if at_end:
            plain = QTextCharFormat(fmt)
            set_link(plain, "")
            self.setCurrentCharFormat(plain)

    def _step_out_of_figure(self, cursor: QTextCursor, *, before: bool) -> None:
        """Move the cursor into a new empty paragraph before or after the figure it is in."""
        block = cursor.block()
        if not is_figure_block(block):
            return
        if before:
            cursor.setPosition(block.position())
            cursor.insertBlock(figure_block_format())
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
            make_paragraph(cursor)
            cursor.setBlockCharFormat(base_char_format(0))
        else:
            cursor.setPosition(block.position() + 1)
            cursor.insertBlock(block_format(), base_char_format(0))
        cursor.setCharFormat(base_char_format(0))

    def _delete_figure_next_to(self, cursor: QTextCursor, backwards: bool) -> bool:
        block = cursor.block()
        if is_figure_block(block):
            remove_figure_block(block)
            return True
        at_edge = cursor.atBlockStart() if backwards else cursor.atBlockEnd()
        neighbour = block.previous() if backwards else block.next()
        if not (at_edge and neighbour.isValid() and is_figure_block(neighbour)):
            return False
        remove_figure_block(neighbour)
        return True

    # --- mouse ---------------------------------------------------------------------------

    def _figure_at(self, pos: QPointF) -> QTextBlock | None:
        cursor = self.cursorForPosition(pos.toPoint())
        block = cursor.block()
        if not is_figure_block(block):
            return None
        rect = self.document().documentLayout().blockBoundingRect(block)
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return block if rect.contains(pos + offset) else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        block = self._figure_at(event.position())
        if block is not None:
            cursor = self.textCursor()
            if not cursor.hasSelection():
                cursor.setPosition(block.position())
                cursor.setPosition(block.position() + 1, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cursor)
            self.figure_activated.emit(figure_id(block))

    # --- look ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Margins first: QTextEdit lays the text out for the viewport width it then has. The
        # viewport's own resizes come here too, so measure the widget, not the event.
        side = max(side_margin(self.width()), (self.width() - MAX_TEXT_WIDTH) // 2)
        if side != self._side_margin:
            self._side_margin = side
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_quote_bars(event)
        self.painted.emit()

    def _paint_quote_bars(self, event: QPaintEvent) -> None:
        layout = self.document().documentLayout()
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        block = self.cursorForPosition(event.rect().topLeft()).block()
        bottom = event.rect().bottom() + dy
        painter: QPainter | None = None
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            fmt = block.blockFormat()
            if fmt.intProperty(QUOTE_LEVEL) > 0:
                painter = painter or QPainter(self.viewport())
                nxt = block.next()
                joined = nxt.isValid() and nxt.blockFormat().intProperty(QUOTE_LEVEL) > 0
                end = rect.bottom() - (0 if joined else fmt.bottomMargin())
                bar = QRectF(rect.left() + 6 - dx, rect.top() - dy, 3, end - rect.top())
                painter.fillRect(bar, QUOTE_BAR)
            block = block.next()
        if painter is not None:
            painter.end()
