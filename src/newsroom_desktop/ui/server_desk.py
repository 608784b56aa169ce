"""The window's side of a newsroom server: connect, go back to this computer, show the line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar

from newsroom_desktop.core.changes import ACTOR, Changes
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.server_records import ServerAddress, ServerLink
from newsroom_desktop.ui.connect_dialog import ask_server
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.services import Services

# Replaces the window by one on the given newsroom; False if the window had to stay.
Switch = Callable[[Newsroom], bool]
NOTICE_MS = 15000


class ServerDesk(QObject):
    """Connect to a Newsroom Server…, Use the Store on This Computer, and the status-bar link."""

    def __init__(
        self,
        services: Services,
        *,
        status_bar: QStatusBar,
        connect_action: QAction,
        local_action: QAction,
        switch: Switch,
        joined: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(services.parent)
        self.services = services
        self.switch = switch
        self.joined = joined  # the desk's store joined a server: start syncing it
        self.newsroom: Newsroom = services.newsroom
        self.label = QLabel()
        self.label.setObjectName("serverLink")
        status_bar.addPermanentWidget(self.label)
        self.link: ServerLink | None = None
        try:
            self.link = self.newsroom.server_link()
        except Exception:  # a server that went away already: the save state tells that story
            self.link = None
        self._show_link()
        local_action.setEnabled(self.link is not None)
        connect_action.triggered.connect(self.connect_server)
        local_action.triggered.connect(self.use_local_store)

    def _show_link(self) -> None:
        link = self.link
        if link is None:
            self.label.hide()
            return
        if link.exposed:
            self.label.setText(self.tr("⚠ Not encrypted: %1").replace("%1", link.server))
            self.label.setToolTip(
                self.tr(
                    "The connection to the server is not encrypted: your password and articles "
                    "cross the network in the clear. Ask for the newsroom's CA certificate and "
                    "connect again with it (File ▸ Connect to a Newsroom Server…)."
                )
            )
            self.label.setProperty("warning", True)
        else:
            self.label.setText(
                self.tr("%1 on %2").replace("%1", link.login).replace("%2", link.server)
            )
            self.label.setToolTip(
                self.tr("Signed in to the newsroom server; the connection is encrypted.")
                if link.verified
                else self.tr(
                    "Encrypted, but the server did not prove who it is: connect with the "
                    "newsroom's CA certificate to be sure."
                )
            )
            self.label.setProperty("warning", False)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.label.show()

    def connect_server(self) -> None:
        """Ask where and as whom; on success the window continues on the server."""
        settings = self.services.settings.current
        dialog = ask_server(
            ServerAddress.from_text(settings.server_url),
            self.services.parent,
            desk=self.newsroom if self.link is None and not self.newsroom.read_only else None,
            days=settings.sync_days,
        )
        if dialog is None:
            return
        if dialog.notice:
            self.services.status(dialog.notice, NOTICE_MS)
        if dialog.joined_as is not None:
            self._on_joined(dialog.joined_as, dialog.address().host)
            return
        if dialog.newsroom is None:
            return
        self._keep(dialog.address().text)
        if not self.switch(dialog.newsroom):
            dialog.newsroom.close()

    def _on_joined(self, actor: Actor, host: str) -> None:
        """The window stays on its store file, now a working copy of the server's, as ``actor``."""
        self.services.session.flush()  # what was typed is saved as the person who typed it
        self.newsroom.act_as(actor)
        self.services.changes.publish(Changes(kind=ACTOR))
        self.services.status(
            self.tr("This computer keeps a working copy of %1, as %2; syncing…")
            .replace("%1", host)
            .replace("%2", actor.name),
            NOTICE_MS,
        )
        self.joined()

    def use_local_store(self) -> None:
        """Leave the server: the window continues on the store on this computer."""
        try:
            newsroom = Newsroom.open(None)
        except NewsroomError as exc:
            QMessageBox.warning(
                self.services.parent,
                self.tr("Cannot open the store on this computer"),
                error_message(exc.code, exc.message),
            )
            return
        self._keep("")
        if not self.switch(newsroom):
            newsroom.close()

    def _keep(self, server_url: str) -> None:
        """Remember where the window works, for the next start (no password: the keyring)."""
        holder = self.services.settings
        holder.save(holder.current.updated(server_url=server_url))
