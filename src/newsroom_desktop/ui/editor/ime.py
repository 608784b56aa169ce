"""Input methods (ibus/fcitx Telex, VNI): commit the pre-edit word instead of dropping it."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFocusEvent, QGuiApplication, QInputMethodEvent


class PreeditCommitMixin:
    """Mix into a Qt text widget (before the Qt class) to keep the word being composed.

    Vietnamese input methods hold the word being typed ("Việt" while typing "Vieetj") as
    pre-edit text that is not yet in the widget. Some drop it when focus moves or the
    widget's content is read; this mixin tracks it and commits it on focus-out and on
    ``commit_preedit()`` (before a save or an article switch).
    """

    _preedit = ""
    _ime_committed = False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._preedit = event.preeditString()
        self._ime_committed = self._ime_committed or bool(event.commitString())
        super().inputMethodEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit_preedit()
        super().focusOutEvent(event)  # type: ignore[misc]

    @property
    def preedit_text(self) -> str:
        """Return the word the input method is composing, not yet in the text."""
        return self._preedit

    def commit_preedit(self) -> bool:
        """Insert the pending pre-edit text as typed text; return True if there was any."""
        text = self._preedit
        if not text:
            return False
        self._ime_committed = False
        # Tell the input method its word is taken; a platform that answers by committing
        # the word itself sends an event, and then we must not insert it a second time.
        QGuiApplication.inputMethod().reset()
        if self._ime_committed:
            self._preedit = ""
            return True
        self._preedit = ""
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        base: Any = super()
        base.inputMethodEvent(event)
        return True
