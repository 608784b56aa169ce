"""The change hub: one signal that carries every change set to the panels."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from newsroom_desktop.core.changes import Changes


class ChangeHub(QObject):
    """Carries every change set, made here or seen in the store, to the panels that show it."""

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        """Tell every panel what changed."""
        self.changed.emit(changes)
