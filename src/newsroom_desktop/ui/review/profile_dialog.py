"""The first-start dialog: who uses this copy of the app, and as a reporter or an editor."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.profile import MAX_NAME_LENGTH, Profile, save_profile
from newsroom_desktop.core.text import clean_line
from newsroom_desktop.ui.labels import role_label
from newsroom_desktop.ui.style import PROFILE_DIALOG_STYLE


def login_name() -> str:
    """Return the computer's login name, a first guess at the person's name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class ProfileDialog(QDialog):
    """Ask for the person's name and role; OK stores them as the local profile."""

    def __init__(
        self, name: str = "", role: str = "reporter", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("Welcome to Newsroom Desktop"))
        self.profile: Profile | None = None
        self.name = QLineEdit(name)
        self.name.setObjectName("profileName")
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setPlaceholderText(self.tr("Your name, e.g. Ngọc Hậu"))
        self.reporter = QRadioButton(role_label("reporter"))
        self.editor = QRadioButton(role_label("editor"))
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.reporter)
        self.roles.addButton(self.editor)
        (self.editor if role == "editor" else self.reporter).setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("profileError")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update_ok)
        self._build()
        self.setStyleSheet(PROFILE_DIALOG_STYLE)
        self.setMinimumWidth(440)
        self._update_ok()

    def _build(self) -> None:
        title = QLabel(self.tr("Who is writing?"))
        title.setObjectName("profileTitle")
        intro = QLabel(
            self.tr(
                "Your name goes on your revisions, notes and approvals. You can change it "
                "later in Preferences."
            )
        )
        intro.setObjectName("profileIntro")
        intro.setWordWrap(True)
        reporter_hint = QLabel(self.tr("I write articles and submit them to the desk."))
        editor_hint = QLabel(self.tr("I review, edit, approve and publish the articles."))
        for hint in (reporter_hint, editor_hint):
            hint.setObjectName("roleHint")
            hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(QLabel(self.tr("Name")))
        layout.addWidget(self.name)
        layout.addSpacing(6)
        layout.addWidget(QLabel(self.tr("Role")))
        for widget in (self.reporter, reporter_hint, self.editor, editor_hint):
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

    def role(self) -> str:
        return "editor" if self.editor.isChecked() else "reporter"

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(clean_line(self.name.text())))

    def accept(self) -> None:
        try:
            self.profile = save_profile(self.name.text(), self.role())
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        super().accept()


def ask_profile(parent: QWidget | None = None) -> Profile | None:
    """Ask for the local profile at first start and store it; None if the person cancels."""
    dialog = ProfileDialog(login_name(), "reporter", parent)
    dialog.exec()
    return dialog.profile
