"""Start-up: settings, language, the store (with a clear message if it cannot open), the window.

The app shows its window first (``start_shown_first``: Qt and the settings file alone) and
fills it once that first frame is on screen: the core, the store and the panels load then.
``start`` does the same in one go and returns the filled window (tests, screenshots).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from newsroom_desktop import trace
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.settings import Settings, load_settings
from newsroom_desktop.ui.i18n import install_translations
from newsroom_desktop.ui.style import apply_style
from newsroom_desktop.ui.window_frame import WindowFrame

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.ui.main_window import MainWindow

BACKUP_DELAY_MS = 3000
# If the first frame is never painted (a minimised start), fill the window anyway.
FILL_FALLBACK_MS = 500
EXIT_NOT_OPENED = 1


@dataclass
class StartPlan:
    """What the start has settled before any window: settings, language, who is asking."""

    settings: Settings
    language: str
    unattended: bool
    server_url: str


def open_newsroom(store: str | None) -> Newsroom | None:
    """Open the store, or explain in a dialog why it cannot be opened."""
    from newsroom_desktop.core.newsroom import Newsroom  # noqa: PLC0415 - lazy, for start-up time
    from newsroom_desktop.ui.labels import error_message  # noqa: PLC0415 - lazy, for start-up time

    try:
        return Newsroom.open(store)
    except NewsroomError as exc:
        QMessageBox.critical(
            None,
            QApplication.translate("Startup", "Cannot open the store"),
            _details(error_message(exc.code, exc.message), exc.message),
        )
        return None


def open_saved_server(url: str, *, unattended: bool = False) -> Newsroom | None:
    """Sign in to the server the window used last (password from the keyring).

    If that fails (no password kept, server away), the connect dialog says why and lets the
    person sign in again; Cancel (or a run nobody watches) opens the store on this computer.
    """
    from newsroom_desktop.core.newsroom import Newsroom  # noqa: PLC0415 - lazy, for start-up time
    from newsroom_desktop.core.server_records import ServerAddress  # noqa: PLC0415 - lazy, for start-up time
    from newsroom_desktop.ui.connect_dialog import ConnectDialog  # noqa: PLC0415 - lazy, for start-up time
    from newsroom_desktop.ui.labels import error_message  # noqa: PLC0415 - lazy, for start-up time

    try:
        return Newsroom.open(url)
    except NewsroomError as exc:
        problem = error_message(exc.code, exc.message)
    if unattended:
        return open_newsroom(None)
    dialog = ConnectDialog(ServerAddress.from_text(url))
    dialog.show_error(problem)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.newsroom is not None:
        return dialog.newsroom
    return open_newsroom(None)


def _is_server(store: str | None) -> bool:
    return bool(store) and str(store).startswith("postgres")


def _details(translated: str, message: str) -> str:
    """Return the translated explanation, then the core's own line if it says more."""
    return translated if translated == message else f"{translated}\n\n{message}"


def add_sample_if_empty(newsroom: Newsroom) -> str | None:
    """Give an empty store the sample newsroom; return the sample article's id."""
    from newsroom_desktop.core.documents import ListQuery  # noqa: PLC0415 - lazy, for start-up time

    # One row is enough to tell: never a count over the whole store at start.
    if newsroom.articles.list(ListQuery(), limit=1) or newsroom.articles.list(
        ListQuery(trashed=True), limit=1
    ):
        return None
    from newsroom_desktop.sample import create_sample  # noqa: PLC0415 - lazy, for start-up time

    return create_sample(newsroom).id


def prepare(app: QApplication, args: argparse.Namespace) -> StartPlan | None:
    """Settle the settings, the language and the look; ask who is here on a first start.

    None if the person cancels the first-start dialog.
    """
    settings = load_settings()
    language = install_translations(app, args.lang or settings.ui_language)
    apply_style(app)
    trace.mark("settings, language and style")
    unattended = bool(getattr(args, "screenshot", None) or getattr(args, "exit_when_shown", False))
    server_url = "" if args.store or os.environ.get("NEWSROOM_STORE") else settings.server_url
    # On a newsroom server the login says who the person is: no local profile to ask for.
    if (
        _needs_profile(settings)
        and not unattended
        and not server_url
        and not _is_server(args.store)
    ):
        # Who is using the app, asked before anything is written under their name.
        from newsroom_desktop.ui.review.profile_dialog import ask_profile  # noqa: PLC0415 - lazy, for start-up time

        if ask_profile(language=args.lang or settings.ui_language) is None:
            return None
        settings = load_settings()
        # The welcome dialog installed the language chosen there; --lang still wins.
        language = install_translations(app, args.lang or settings.ui_language)
    return StartPlan(settings, language, unattended, server_url)


def _needs_profile(settings: Settings) -> bool:
    """Tell whether no profile was chosen yet, without the profile module for a plain name."""
    name = settings.profile_name
    if name.strip() and name.isprintable():
        return False  # what core.profile would clean stays a name
    from newsroom_desktop.core.profile import needs_profile  # noqa: PLC0415 - lazy, for start-up time

    return needs_profile()


def open_window(args: argparse.Namespace, plan: StartPlan) -> tuple[MainWindow, str | None] | None:
    """Open the store and build the main window on it (not shown), with the article to open.

    None if the store cannot be opened.
    """
    from newsroom_desktop.ui.main_window import MainWindow  # noqa: PLC0415 - lazy, for start-up time

    trace.mark("main window's modules loaded")
    newsroom = (
        open_saved_server(plan.server_url, unattended=plan.unattended)
        if plan.server_url
        else open_newsroom(args.store)
    )
    if newsroom is None:
        return None
    trace.mark("store open")
    sample_id = None
    if not args.no_sample and not newsroom.read_only:
        sample_id = add_sample_if_empty(newsroom)
    window = MainWindow(newsroom, plan.settings)
    window.list_model.set_language(plan.language)
    trace.mark("main window built, list filled")
    article = args.article or sample_id
    if article:
        try:
            article = newsroom.articles.resolve(article)
        except NewsroomError as exc:
            QMessageBox.warning(window, window.tr("Could not open the article"), exc.message)
            article = None
    return window, article


def _open_article(window: MainWindow, article: str | None) -> None:
    if article:
        window.list_panel.select_article(article, emit=False)
        window.open_article(article)


def start(app: QApplication, args: argparse.Namespace) -> MainWindow | None:
    """Open everything and show the main window; None if the store or the profile is missing."""
    plan = prepare(app, args)
    if plan is None:
        return None
    opened = open_window(args, plan)
    if opened is None:
        return None
    window, article = opened
    window.show()
    _open_article(window, article)
    if not plan.unattended:
        after_show(window)
    return window


def start_shown_first(
    app: QApplication,
    args: argparse.Namespace,
    on_filled: Callable[[], None] | None = None,
) -> WindowFrame | None:
    """Show the window at once, and fill it when its first frame is on screen.

    None if the person cancels the first-start dialog. If the store cannot be opened (after
    the dialog that says why), the app ends with exit code 1. ``on_filled`` runs once the
    window is filled.
    """
    plan = prepare(app, args)
    if plan is None:
        return None
    frame = WindowFrame()
    frame.show()
    trace.mark("window shown")
    filled = False

    def fill() -> None:
        nonlocal filled
        if filled or not frame.isVisible():
            return  # filled already, or closed before it could be
        filled = True
        fill_frame(frame, args, plan)
        if on_filled is not None:
            on_filled()

    # Queued, so that the first frame reaches the screen before the loading begins.
    frame.painted.connect(lambda: QTimer.singleShot(0, frame, fill))
    QTimer.singleShot(FILL_FALLBACK_MS, frame, fill)
    return frame


def fill_frame(frame: WindowFrame, args: argparse.Namespace, plan: StartPlan) -> None:
    """Open the store and put the main window in ``frame``; end the app if it cannot open."""
    trace.mark("first frame painted")
    opened = open_window(args, plan)
    if opened is None:
        frame.hide()
        QCoreApplication.exit(EXIT_NOT_OPENED)
        return
    window, article = opened
    _open_article(window, article)  # before it shows: showing opens the first row otherwise
    frame.hold(window)
    trace.mark("window filled")
    after_show(window)


def after_show(window: MainWindow) -> None:
    """Explain a read-only store, offer back unsaved edits, and start the automatic backup."""
    if window.newsroom.read_only:
        window.safety.explain_read_only()
    window.safety.offer_recoveries()
    # The backup of a big store takes seconds on a worker thread; let the first paint go first.
    QTimer.singleShot(BACKUP_DELAY_MS, window.safety.backup_in_background)
