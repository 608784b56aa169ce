"""What dialogs and controllers get instead of the window: a small typed set of services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings, save_settings
from newsroom_desktop.ui.hub import ChangeHub
from newsroom_desktop.ui.ops import OperationRunner
from newsroom_desktop.ui.session import ArticleSession


class SettingsHolder:
    """The settings in force: read them, replace them, or save them to the config folder."""

    def __init__(self, settings: Settings) -> None:
        self._current = settings

    @property
    def current(self) -> Settings:
        return self._current

    def replace(self, settings: Settings) -> None:
        """Use ``settings`` from now on (already stored, or not to be stored)."""
        self._current = settings

    def save(self, settings: Settings) -> None:
        """Store ``settings`` and use them from now on."""
        save_settings(settings)
        self._current = settings


@dataclass(frozen=True)
class Selection:
    """The articles chosen in the list, and how to choose or open one."""

    selected_ids: Callable[[], list[str]]
    select: Callable[[str], bool]  # select in the list without opening; False if not shown
    open: Callable[[str | None], None]  # open in the editor (None closes it)


@dataclass(frozen=True)
class Services:
    """What the window lends dialogs and controllers; they never see the window itself."""

    newsroom: Newsroom
    settings: SettingsHolder
    session: ArticleSession
    operations: OperationRunner
    selection: Selection
    changes: ChangeHub
    parent: QWidget  # for dialogs and message boxes
    problem: Callable[[str, str], None]  # title, message: a problem the user must read
    status: Callable[[str, int], None]  # message, milliseconds: a line in the status bar
