"""The editor's page: fields and body in one scroll area, the body as tall as its text."""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSizePolicy, QWidget

from newsroom_desktop.ui.editor.text_edit import BodyEdit

MIN_BODY_HEIGHT = 120
MIN_PAGE_WIDTH = 320  # narrower, the fields stack into slivers: no longer a page to write on


class PageScrollArea(QScrollArea):
    """Scrolls headline, lead, body and photos as one document, with one vertical scrollbar.

    The body never scrolls inside: it is made as tall as its laid-out text (and at least as
    tall as the rest of the page, so a click below the last line still lands in it). The page
    follows the body's cursor while the body has the focus, and when the find bar shows a match.
    """

    def __init__(self, page: QWidget, body: BodyEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._body = body  # first: setWidget() sends events through eventFilter()
        self.setObjectName("EditorScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, as in a word processor: a bar that came and went would change the
        # page's width, hence its wrapped height, hence whether the bar is needed, and Qt's
        # resize of the page would recurse until the stack ran out (a drag into the text did).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWidget(page)
        body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        body.document_replaced.connect(self._watch_document)
        body.cursorPositionChanged.connect(self._follow_typing)
        body.cursor_shown.connect(self._schedule_show_cursor)
        page.installEventFilter(self)
        body.installEventFilter(self)
        body.viewport().installEventFilter(self)
        self._cursor_timer = QTimer(self, singleShot=True, interval=0)
        self._cursor_timer.timeout.connect(self.show_cursor)
        self._watch_document()

    def _watch_document(self) -> None:
        layout = self._body.document().documentLayout()
        layout.documentSizeChanged.connect(self.fit_body)
        self.fit_body()

    def fit_body(self) -> None:
        """Make the body exactly as tall as its text, or as the page below the fields."""
        if not shiboken6.isValid(self._body) or not shiboken6.isValid(self):
            return  # a late call (a timer, the document's signal) after the window closed
        text = math.ceil(self._body.document().size().height())
        below_fields = self.viewport().height() - self._body.y()
        height = max(text, below_fields, MIN_BODY_HEIGHT)
        if height != self._body.height() or height != self._body.minimumHeight():
            self._body.setFixedHeight(height)
            self._follow_typing()  # a line typed at the end grew the page: keep it in view

    def _follow_typing(self) -> None:
        # The window's focus widget, active or not: typing goes there either way.
        if self._body.window().focusWidget() is self._body:
            self._schedule_show_cursor()

    def _schedule_show_cursor(self) -> None:
        self._cursor_timer.start()

    def show_cursor(self) -> None:
        """Scroll the page just enough to show the body's text cursor."""
        # A body that just grew has asked for a new page height: lay out first, then scroll.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        rect = self._body.cursorRect()
        page = self.widget()
        if page is None:
            return
        centre = self._body.viewport().mapTo(page, rect.center())
        self.ensureVisible(centre.x(), centre.y(), 0, rect.height())

    def scroll_to_top(self) -> None:
        """Show the page from its top: the fields of an article just opened."""
        self.verticalScrollBar().setValue(0)

    def minimumSizeHint(self) -> QSize:
        # As narrow as the page allows and no narrower: nothing on it is ever cut at the side.
        page = self.widget()
        width = max(MIN_PAGE_WIDTH, page.minimumSizeHint().width() if page is not None else 0)
        return QSize(width + self.verticalScrollBar().sizeHint().width(), MIN_BODY_HEIGHT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self.fit_body)
        if (
            watched is self._body.viewport()
            and isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseMove
            and event.buttons() & Qt.MouseButton.LeftButton
        ):
            self._drag_scroll(event)
        if (
            watched is self._body
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
            and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        ):
            # The body is as tall as the text: its own Page Down would jump to the end.
            self.page_cursor(
                down=event.key() == Qt.Key.Key_PageDown,
                select=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier),
            )
            return True
        return super().eventFilter(watched, event)

    def _drag_scroll(self, event: QMouseEvent) -> None:
        """Scroll while a selection is dragged past the top or bottom of the page's view."""
        y = self._body.viewport().mapTo(self.viewport(), event.position().toPoint()).y()
        over = y if y < 0 else max(0, y - self.viewport().height())
        if over:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + over)

    def page_cursor(self, *, down: bool, select: bool) -> None:
        """Move the body's cursor one screen of the page up or down, and the page with it."""
        step = max(1, self.viewport().height() - 40)
        bar = self.verticalScrollBar()
        rect = self._body.cursorRect()
        target = rect.center() + QPoint(0, step if down else -step)
        cursor = self._body.cursorForPosition(target)
        old = self._body.textCursor()
        if select:
            old.setPosition(cursor.position(), QTextCursor.MoveMode.KeepAnchor)
            cursor = old
        bar.setValue(bar.value() + (step if down else -step))
        self._body.setTextCursor(cursor)
        self._schedule_show_cursor()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_body()
