"""Start-up: settings, language, the store (with a clear message if it cannot open), the window."""

from __future__ import annotations

import argparse
import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from newsroom_desktop.core.documents import ListQuery
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.profile import needs_profile
from newsroom_desktop.core.server_records import ServerAddress
from newsroom_desktop.core.settings import load_settings
from newsroom_desktop.ui.connect_dialog import ConnectDialog
from newsroom_desktop.ui.i18n import install_translations
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.main_window import MainWindow
from newsroom_desktop.ui.style import apply_style

BACKUP_DELAY_MS = 3000


def open_newsroom(store: str | None) -> Newsroom | None:
    """Open the store, or explain in a dialog why it cannot be opened."""
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
    if newsroom.articles.count(ListQuery()) or newsroom.articles.count(ListQuery(trashed=True)):
        return None
    from newsroom_desktop.sample import create_sample  # noqa: PLC0415 - lazy, for start-up time

    return create_sample(newsroom).id


def start(app: QApplication, args: argparse.Namespace) -> MainWindow | None:
    """Open everything and show the main window; None if the store or the profile is missing."""
    settings = load_settings()
    language = install_translations(app, args.lang or settings.ui_language)
    apply_style(app)
    unattended = getattr(args, "screenshot", None) or getattr(args, "exit_when_shown", False)
    server_url = "" if args.store or os.environ.get("NEWSROOM_STORE") else settings.server_url
    # On a newsroom server the login says who the person is: no local profile to ask for.
    if needs_profile() and not unattended and not server_url and not _is_server(args.store):
        # Who is using the app, asked before anything is written under their name.
        from newsroom_desktop.ui.review.profile_dialog import ask_profile  # noqa: PLC0415 - lazy, for start-up time

        if ask_profile(language=args.lang or settings.ui_language) is None:
            return None
        settings = load_settings()
        # The welcome dialog installed the language chosen there; --lang still wins.
        language = install_translations(app, args.lang or settings.ui_language)
    newsroom = (
        open_saved_server(server_url, unattended=bool(unattended))
        if server_url
        else open_newsroom(args.store)
    )
    if newsroom is None:
        return None
    sample_id = None
    if not args.no_sample and not newsroom.read_only:
        sample_id = add_sample_if_empty(newsroom)
    window = MainWindow(newsroom, settings)
    window.list_model.set_language(language)
    article = args.article or sample_id
    if article:
        try:
            article = newsroom.articles.resolve(article)
        except NewsroomError as exc:
            QMessageBox.warning(window, window.tr("Could not open the article"), exc.message)
            article = None
    window.show()
    if article:
        window.list_panel.select_article(article, emit=False)
        window.open_article(article)
    if not unattended:
        after_show(window)
    return window


def after_show(window: MainWindow) -> None:
    """Explain a read-only store, offer back unsaved edits, and start the automatic backup."""
    if window.newsroom.read_only:
        window.safety.explain_read_only()
    window.safety.offer_recoveries()
    # The backup of a big store takes seconds on a worker thread; let the first paint go first.
    QTimer.singleShot(BACKUP_DELAY_MS, window.safety.backup_in_background)
