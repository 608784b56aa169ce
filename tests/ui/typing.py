"""Type any text into a widget as key events carrying the text (QTest only does ASCII)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Send one key press and release per character, each carrying its text."""
    target = widget.focusProxy() or widget
    for ch in text:
        key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(target, event)
    QApplication.processEvents()


def commit_text(widget: QWidget, text: str) -> None:
    """Deliver text as an input method commits a finished word (as ibus or fcitx would)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()
