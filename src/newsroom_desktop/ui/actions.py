"""The window's actions, menus and toolbar, built from one table so that they stay in step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from newsroom_desktop.core.errors import NotFoundError
from newsroom_desktop.core.resources import resource_path
from newsroom_desktop.ui.labels import translator

_t = translator("MainWindow")


def icon(name: str) -> QIcon:
    """Return the theme icon ``name``, or the one bundled in resources/icons."""
    try:
        fallback = QIcon(str(resource_path("icons", f"{name}.svg")))
    except NotFoundError:
        fallback = QIcon()
    return QIcon.fromTheme(name, fallback)


@dataclass(frozen=True)
class ActionSpec:
    """One window action: its key, label, shortcut and icon."""

    key: str
    label: str
    shortcut: QKeySequence.StandardKey | str | None = None
    icon: str = ""
    tip: str = ""


def window_action_specs() -> list[ActionSpec]:
    """Return the window's own actions (the editor brings its formatting actions)."""
    sk = QKeySequence.StandardKey
    return [
        ActionSpec("new", _t("&New Article"), sk.New, "document-new", _t("Start a new article")),
        ActionSpec(
            "save", _t("&Save"), sk.Save, "document-save", _t("Save now and keep a revision")
        ),
        ActionSpec("import_folder", _t("Import a &Folder…")),
        ActionSpec(
            "paste_new",
            _t("Paste as &New Article"),
            "Ctrl+Shift+V",
            "edit-paste",
            _t("Make a new draft of the page or text on the clipboard"),
        ),
        ActionSpec(
            "import",
            _t("&Import…"),
            "Ctrl+Shift+I",
            "document-import",
            _t("Import text, HTML, Markdown or Word files"),
        ),
        ActionSpec(
            "export",
            _t("&Export…"),
            # Not Ctrl+E: on Linux a text field takes Ctrl+E as "end of line" before the window;
            # not Ctrl+Shift+E either: that is Track Changes, as in Word.
            "Ctrl+Alt+E",
            "document-export",
            _t("Export the selected articles"),
        ),
        ActionSpec("print", _t("&Print…"), sk.Print, "document-print"),
        ActionSpec(
            "print_preview", _t("Print Pre&view…"), "Ctrl+Shift+P", "document-print-preview"
        ),
        ActionSpec("restore_backup", _t("Restore from &Backup…")),
        ActionSpec(
            "connect_server",
            _t("Connect to a Newsroom Se&rver…"),
            None,
            "network-server",
            _t("Work on the newsroom's shared server, signed in with your own login"),
        ),
        ActionSpec("use_local", _t("Use the Store on This &Computer")),
        ActionSpec(
            "sync_now",
            _t("S&ync Now"),
            "Ctrl+Shift+S",
            "view-refresh",
            _t("Send this desk's changes to the newsroom server and bring its news"),
        ),
        ActionSpec(
            "fetch_older",
            _t("Fetch &Older Articles…"),
            None,
            "folder-download",
            _t("Bring the newsroom's older articles to this desk"),
        ),
        ActionSpec("trash", _t("Move to &Trash"), None, "user-trash"),
        ActionSpec("quit", _t("&Quit"), sk.Quit, "application-exit"),
        # Not StandardKey.Preferences: it is empty on Linux and Windows. Ctrl+, is Cmd+, on a Mac.
        ActionSpec("preferences", _t("Pr&eferences…"), "Ctrl+,", "preferences-system"),
        ActionSpec("focus_search", _t("Search Articles"), "Ctrl+Shift+F", "system-search"),
        ActionSpec("history", _t("Revision &History"), "Ctrl+Shift+H", "document-open-recent"),
        ActionSpec("compare", _t("&Compare Revisions…"), "Ctrl+Shift+D"),
        ActionSpec("notes", _t("&Notes"), "Ctrl+Shift+N"),
        ActionSpec("about", _t("&About Newsroom Desktop")),
    ]


def build_actions(window: QMainWindow) -> dict[str, QAction]:
    """Create the window's actions, parented to it so their shortcuts work everywhere."""
    actions: dict[str, QAction] = {}
    for spec in window_action_specs():
        action = QAction(spec.label, window)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        actions[spec.key] = action
    actions["preferences"].setMenuRole(QAction.MenuRole.PreferencesRole)
    actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
    return actions


def build_menus(window: QMainWindow, actions: dict[str, QAction], editor: Any) -> dict[str, QMenu]:
    """Fill the menu bar from the window's and the editor's actions."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}

    def menu(key: str, title: str, items: list[Any]) -> None:
        m = bar.addMenu(title)
        m.setObjectName(f"menu_{key}")
        for item in items:
            if item is None:
                m.addSeparator()
            elif isinstance(item, QMenu):
                m.addMenu(item)
            else:
                m.addAction(item)
        menus[key] = m

    a = actions
    menu("file", _t("&File"), [a["new"], a["save"], None, a["import"], a["import_folder"],
                               a["export"], None, a["print"], a["print_preview"], None,
                               a["connect_server"], a["use_local"], a["sync_now"],
                               a["fetch_older"], None,
                               a["restore_backup"], a["trash"], None, a["quit"]])  # fmt: skip
    menu("edit", _t("&Edit"), [editor.action_undo, editor.action_redo, None,
                               a["paste_new"], None, editor.action_find,
                               editor.action_replace, None,
                               a["focus_search"], None, a["preferences"]])  # fmt: skip
    menu("format", _t("F&ormat"), [editor.action_bold, editor.action_italic, None,
                                   editor.action_h2, editor.action_h3, editor.action_paragraph,
                                   None, editor.action_bullets, editor.action_numbers,
                                   editor.action_quote, None, editor.action_link])  # fmt: skip
    menu("article", _t("&Article"), [a["history"], a["compare"], a["notes"]])
    menu("view", _t("&View"), [])
    menu("help", _t("&Help"), [a["about"]])
    return menus


EDITOR_ICONS = {
    "action_undo": "edit-undo",
    "action_redo": "edit-redo",
    "action_bold": "format-text-bold",
    "action_italic": "format-text-italic",
    "action_h2": "format-heading-2",
    "action_h3": "format-heading-3",
    "action_paragraph": "format-paragraph",
    "action_bullets": "format-list-unordered",
    "action_numbers": "format-list-ordered",
    "action_quote": "format-quote",
    "action_link": "insert-link",
    "action_find": "edit-find",
    "action_replace": "edit-find",
}
TEXT_BESIDE = ("new", "save", "import", "export")


def build_toolbar(window: QMainWindow, actions: dict[str, QAction], editor: Any) -> QToolBar:
    """Create the main toolbar: file actions with their names, formatting as icons."""
    for attr, name in EDITOR_ICONS.items():
        action = getattr(editor, attr, None)
        if action is not None and action.icon().isNull():
            action.setIcon(icon(name))
    bar = QToolBar(_t("Main Toolbar"), window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for item in (actions["new"], actions["save"], None, editor.action_undo, editor.action_redo,
                 None, editor.action_bold, editor.action_italic, editor.action_h2,
                 editor.action_h3, editor.action_bullets, editor.action_numbers,
                 editor.action_quote, editor.action_link, None, editor.action_find,
                 None, actions["import"], actions["export"]):  # fmt: skip
        if item is None:
            bar.addSeparator()
        else:
            bar.addAction(item)
    for key in TEXT_BESIDE:
        button = bar.widgetForAction(actions[key])
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
