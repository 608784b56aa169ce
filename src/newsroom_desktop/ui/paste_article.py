"""Edit ▸ Paste as New Article: the pasted-page reader on the clipboard, opened as a new draft."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from newsroom_desktop.core.changes import IMPORTED, Changes
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.importers.base import MAX_TEXT_BYTES
from newsroom_desktop.importers.html import parse_html
from newsroom_desktop.importers.text import parse_text
from newsroom_desktop.ui.import_dialog import ask_about_same, open_existing
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.services import Services

NOTICE_MS = 8000


def clipboard_page(services: Services) -> tuple[str, bool] | None:
    """Return the clipboard's page, its HTML or else its text (and which); None if it has none."""
    parent = services.parent
    mime = QGuiApplication.clipboard().mimeData()
    markup = mime.html() if mime is not None and mime.hasHtml() else ""
    text = mime.text() if mime is not None and mime.hasText() else ""
    if not markup.strip() and not text.strip():
        services.status(parent.tr("The clipboard holds no text to make an article of."), NOTICE_MS)
        return None
    pasted = markup if markup.strip() else text
    if len(pasted.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        services.problem(
            parent.tr("Could not paste"),
            parent.tr("The clipboard holds more than %1 MB of text.").replace(
                "%1", str(MAX_TEXT_BYTES // (1024 * 1024))
            ),
        )
        return None
    return pasted, bool(markup.strip())


def paste_as_new_article(services: Services) -> str | None:
    """Make a new draft of the clipboard's page and open it; return its id (None if none)."""
    parent = services.parent
    if not services.session.flush():
        return None
    try:
        page = clipboard_page(services)
        if page is None:
            return None
        # HTML goes through the importers' sanitiser: scripts, styles, frames, event handlers
        # and images never reach the store, and nothing is fetched.
        pasted, is_html = page
        name, zone = parent.tr("the clipboard"), services.newsroom.zone
        read = parse_html if is_html else parse_text
        article = read(pasted, name=name, zone=zone)
        same_as = services.newsroom.intake.find_same(article)
        if same_as is not None:
            question = parent.tr("The clipboard's text is in the store already.")
            answer = ask_about_same(services, same_as, question)
            if answer == "open":
                open_existing(services, same_as)
            if answer != "again":
                return None
        stored = services.newsroom.intake.store(article)
    except NewsroomError as exc:
        services.problem(parent.tr("Could not paste"), error_message(exc.code, exc.message))
        return None
    except (ValueError, LookupError, RecursionError, MemoryError):
        # Markup that found a corner the reader's checks missed: say so, keep the window.
        services.problem(
            parent.tr("Could not paste"),
            parent.tr("The clipboard's page could not be read as an article."),
        )
        return None
    services.changes.publish(Changes(kind=IMPORTED))
    open_existing(services, stored.id)
    services.status(parent.tr("Pasted as a new draft."), NOTICE_MS)
    return stored.id
