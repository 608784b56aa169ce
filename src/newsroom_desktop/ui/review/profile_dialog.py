"""The first-start dialog: the interface language, who uses the app, reporter or editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
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
from newsroom_desktop.core.settings import load_settings, save_settings
from newsroom_desktop.core.text import clean_line
from newsroom_desktop.ui.i18n import install_translations, ui_language
from newsroom_desktop.ui.labels import role_label
from newsroom_desktop.ui.style import PROFILE_DIALOG_STYLE

# Each language is named in itself, so a person finds theirs whatever the dialog shows.
LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))


class ProfileDialog(QDialog):
    """Ask for the language, the person's name and role; OK stores them in the settings.

    Choosing a language installs its translations at once: this dialog, and every window
    opened after it, speak it without a restart.
    """

    def __init__(
        self,
        name: str = "",
        role: str = "reporter",
        parent: QWidget | None = None,
        *,
        language: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.profile: Profile | None = None
        self.language = QComboBox()
        self.language.setObjectName("profileLanguage")
        for code, title in LANGUAGE_NAMES:
            self.language.addItem(title, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ui_language(language))))
        self.name = QLineEdit(name)
        self.name.setObjectName("profileName")
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.reporter = QRadioButton()
        self.editor = QRadioButton()
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.reporter)
        self.roles.addButton(self.editor)
        (self.editor if role == "editor" else self.reporter).setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("profileError")
        self.error.hide()
        # Start is our own button: the box retranslates only its standard ones (Cancel) itself.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("profileStart")
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update_ok)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self._build()
        self.retranslate()
        self.setStyleSheet(PROFILE_DIALOG_STYLE)
        self.setMinimumWidth(440)
        self._update_ok()

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("profileTitle")
        self.intro = QLabel()
        self.intro.setObjectName("profileIntro")
        self.intro.setWordWrap(True)
        self.reporter_hint = QLabel()
        self.editor_hint = QLabel()
        for hint in (self.reporter_hint, self.editor_hint):
            hint.setObjectName("roleHint")
            hint.setWordWrap(True)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.role_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addWidget(self.language_label)
        layout.addWidget(self.language)
        layout.addSpacing(6)
        layout.addWidget(self.name_label)
        layout.addWidget(self.name)
        layout.addSpacing(6)
        layout.addWidget(self.role_label)
        for widget in (self.reporter, self.reporter_hint, self.editor, self.editor_hint):
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        """Set every text in the language now installed."""
        self.setWindowTitle(self.tr("Welcome to Newsroom Desktop"))
        self.title.setText(self.tr("Who is writing?"))
        self.intro.setText(
            self.tr(
                "Your name goes on your revisions, notes and approvals, and on the byline of "
                "your new articles. You can change it later in Preferences."
            )
        )
        self.language_label.setText(self.tr("&Interface language"))
        self.name_label.setText(self.tr("&Name"))
        self.name.setPlaceholderText(self.tr("Your name, e.g. Ngọc Hậu"))
        self.role_label.setText(self.tr("Role"))
        self.reporter.setText(role_label("reporter"))
        self.editor.setText(role_label("editor"))
        self.reporter_hint.setText(self.tr("I write articles and submit them to the desk."))
        self.editor_hint.setText(self.tr("I review, edit, approve and publish the articles."))
        self.ok.setText(self.tr("Start"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def _language_chosen(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            install_translations(app, self.chosen_language())
        # At once, not when Qt's posted LanguageChange arrives: the person sees it switch.
        self.retranslate()

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
        save_settings(load_settings().updated(ui_language=self.chosen_language()))
        super().accept()


def ask_profile(parent: QWidget | None = None, language: str = "") -> Profile | None:
    """Ask for the language and the local profile at first start; None if the person cancels.

    The name starts empty: the computer's login ("root", "admin", "user") is rarely a name
    that belongs on a byline.
    """
    dialog = ProfileDialog("", "reporter", parent, language=language)
    dialog.exec()
    return dialog.profile
