"""File ▸ Connect to a Newsroom Server…: where the server is, who signs in, the password kept.

By default a desk on a store file joins the server and keeps a working copy (it works offline
and syncs); otherwise the window works on the server directly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.server_records import ServerAddress
from newsroom_desktop.ui.folders import CERTIFICATE, remember_folder, start_folder
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.ops import Operation, Progress


class ConnectDialog(QDialog):
    """Ask for the server, database, login and password; Connect signs in before closing."""

    def __init__(
        self,
        address: ServerAddress | None = None,
        parent: QWidget | None = None,
        *,
        desk: Newsroom | None = None,
        days: int = 14,
    ):
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to a Newsroom Server"))
        self.newsroom: Newsroom | None = None
        self.desk = desk  # the window's store file, which may join the server (None: cannot)
        self.days = days
        self.joined_as: Actor | None = None
        self.operation: Operation | None = None
        self.notice = ""  # said in the status bar after connecting (e.g. password not kept)
        address = address or ServerAddress(host="", database="", login="")
        self._build_fields(address)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._working_copy_toggled(self.working_copy.isChecked())
        self.setMinimumWidth(460)
        (self.password if address.login else self.host).setFocus()

    def _build_fields(self, address: ServerAddress) -> None:
        self.host = self._field("serverHost", address.host, self.tr("e.g. db.toasoan.vn"))
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(address.port)
        self.database = self._field("serverDatabase", address.database, self.tr("e.g. toasoan"))
        self.login = self._field("serverLogin", address.login, self.tr("your login, e.g. ngoc_hau"))
        self.password = self._field("serverPassword", "", "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_file = self._field(
            "serverCaFile", address.ca_file, self.tr("the newsroom's CA certificate (.crt)")
        )
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse_ca)
        self.remember = QCheckBox(self.tr("Keep the password in the system keyring"))
        self.remember.setObjectName("rememberPassword")
        self.remember.setChecked(True)
        self.working_copy = QCheckBox(
            self.tr("&Keep a working copy on this computer (works offline)")
        )
        self.working_copy.setObjectName("workingCopy")
        self.working_copy.setChecked(self.desk is not None)
        self.working_copy.setEnabled(self.desk is not None)
        self.working_copy.setToolTip(
            self.tr(
                "Your articles and the newsroom's newest stay in the store on this computer: you "
                "write offline, and the app syncs with the server when it can."
            )
            if self.desk is not None
            else self.tr("Use the Store on This Computer first (File menu) to keep a working copy.")
        )
        self.working_copy.toggled.connect(self._working_copy_toggled)
        self.busy = QProgressBar()
        self.busy.setObjectName("joinBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.error = QLabel()
        self.error.setObjectName("connectError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.error.hide()

    def _lay_out(self) -> None:
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        ca_label = QLabel(self.tr("&CA certificate:"))
        ca_label.setBuddy(self.ca_file)  # a row of two widgets has no buddy of its own
        form.addRow(ca_label, ca_row)
        hint = QLabel(
            self.tr(
                "With the newsroom's CA certificate the app checks that it talks to your "
                "server and that nobody reads along; without it the line may be unencrypted."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("connectHint")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.working_copy)
        layout.addWidget(self.remember)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _field(self, name: str, value: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(value)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The newsroom's CA certificate"),
            start_folder(CERTIFICATE),
            self.tr("Certificates (*.crt *.pem)"),
        )
        remember_folder(CERTIFICATE, path)
        if path:
            self.ca_file.setText(path)

    def address(self) -> ServerAddress:
        """Return the address the fields give."""
        return ServerAddress(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            login=self.login.text().strip(),
            port=self.port.value(),
            ca_file=self.ca_file.text().strip(),
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _working_copy_toggled(self, on: bool) -> None:
        # A working copy syncs in the background, later: it needs the password kept.
        if on:
            self.remember.setChecked(True)
        self.remember.setEnabled(not on)
        self.ok.setText(self.tr("Join") if on else self.tr("Connect"))

    def try_connect(self) -> None:
        """Sign in; on success keep the password (if asked) and close, else say why and stay."""
        address = self.address()
        if not address.host or not address.database or not address.login:
            self.show_error(self.tr("Give the server, the database and your login."))
            return
        password = self.password.text()
        if self.working_copy.isChecked() and self.desk is not None:
            self._join(address, password)
            return
        try:
            self.newsroom = Newsroom.sign_in(address.text, address.login, password)
        except NewsroomError as exc:
            self.show_error(error_message(exc.code, exc.message))
            return
        if self.remember.isChecked() and password:
            try:
                Newsroom.keep_password(address, password)
            except NewsroomError as exc:
                self.notice = exc.message
        elif not self.remember.isChecked():
            Newsroom.forget_password(address)
        self.accept()

    def _join(self, address: ServerAddress, password: str) -> None:
        """Join the desk's store to the server in the background; stay open until it ends."""
        assert self.desk is not None
        self.error.hide()
        self.busy.show()
        self.buttons.setEnabled(False)
        self.operation = Operation(
            self.tr("Joining the newsroom server…"),
            _join_work(self.desk, address.with_password(password), self.days),
            self,
        )
        self.operation.done.connect(self._joined)
        self.operation.failed.connect(self._join_failed)
        self.operation.start()

    def _joined(self, result: tuple[Actor, str]) -> None:
        self.joined_as, self.notice = result
        self.operation = None
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.accept()

    def _join_failed(self, error: object) -> None:
        self.operation = None
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.show_error(self._join_problem(error))

    def _join_problem(self, error: object) -> str:
        if not isinstance(error, NewsroomError):
            return str(error)
        if "password authentication failed" in error.message:
            return self.tr("The server refused this login and password. Check them and try again.")
        if error.code == "sync_offline":  # the translated reason, then what the server said
            return f"{error_message(error.code, error.message)}\n{error.message}"
        return error_message(error.code, error.message)

    def reject(self) -> None:
        if self.operation is None:  # a join under way ends first: it is one short transaction
            super().reject()


def _join_work(desk: Newsroom, url: str, days: int) -> Callable[[Progress], tuple[Actor, str]]:
    def work(_progress: Progress) -> tuple[Actor, str]:
        worker = desk.for_worker()
        actor = worker.sync.join(url, days=days)
        try:
            worker.sync.keep_password(url)
        except NewsroomError as exc:
            return actor, exc.message  # joined; syncing will ask for the password again
        return actor, ""

    return work


def ask_server(
    address: ServerAddress | None,
    parent: QWidget | None,
    *,
    desk: Newsroom | None = None,
    days: int = 14,
) -> ConnectDialog | None:
    """Show the dialog; return it, connected or joined, or None if the person cancelled."""
    dialog = ConnectDialog(address, parent, desk=desk, days=days)
    return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None
