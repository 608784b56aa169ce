"""Preferences: profile, language, time zone, autosave, photo and export defaults."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.ui.labels import role_label
from newsroom_desktop.ui.services import Services


class PreferencesDialog(QDialog):
    """Edit the typed settings; saved to the config folder on OK."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self.name = QLineEdit(settings.profile_name)
        self.role = QComboBox()
        for role in ("reporter", "editor"):
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData(settings.profile_role)))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui_language)))
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(sorted(z for z in available_timezones() if "/" in z))
        self.zone.setCurrentText(settings.timezone)
        self.autosave = QDoubleSpinBox()
        self.autosave.setRange(0.5, 2.0)
        self.autosave.setSingleStep(0.5)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(settings.autosave_seconds)
        self.max_side = QSpinBox()
        self.max_side.setRange(320, 8000)
        self.max_side.setSuffix(" px")
        self.max_side.setValue(settings.rendition_max_side)
        self.min_width = self._min_width_box(settings.min_photo_width)
        self.sync_days = QSpinBox()
        self.sync_days.setObjectName("syncDays")
        self.sync_days.setRange(1, 365)
        self.sync_days.setSuffix(self.tr(" days"))
        self.sync_days.setValue(settings.sync_days)
        self.sync_days.setToolTip(
            self.tr(
                "When this computer joins a newsroom server it keeps your own articles and the "
                "newsroom's newest from this many days."
            )
        )
        self.form = form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Newsroom time zone"), self.zone)
        form.addRow(self.tr("Autosave after"), self.autosave)
        form.addRow(self.tr("Web photo size (longest side)"), self.max_side)
        form.addRow(self.tr("Smallest photo width for the web"), self.min_width)
        form.addRow(self.tr("Newest days to hold on this desk"), self.sync_days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def offer_house_style(self, open_dialog: Callable[[], None]) -> None:
        """Add the row that opens the newsroom's house style (its rules, switched on or off)."""
        button = QPushButton(self.tr("House Style…"))
        button.setObjectName("houseStyleButton")
        button.setToolTip(
            self.tr("The newsroom's style rules and spelling choices, for every desk")
        )
        button.clicked.connect(open_dialog)
        self.form.addRow(self.tr("Spelling and style"), button)

    def _min_width_box(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName("minPhotoWidth")
        box.setRange(0, 8000)
        box.setSingleStep(100)
        box.setSuffix(" px")
        box.setSpecialValueText(self.tr("No minimum"))
        box.setValue(value)
        box.setToolTip(self.tr("Photos narrower than this are marked as too small for the web."))
        return box

    def result_settings(self) -> Settings:
        zone = self.zone.currentText().strip()
        return self._settings.updated(
            profile_name=self.name.text().strip(),
            profile_role=self.role.currentData(),
            ui_language=self.language.currentData(),
            timezone=zone if zone in available_timezones() else self._settings.timezone,
            autosave_seconds=float(self.autosave.value()),
            rendition_max_side=int(self.max_side.value()),
            min_photo_width=int(self.min_width.value()),
            sync_days=int(self.sync_days.value()),
        )

    def apply(self, services: Services) -> None:
        """Save the settings and apply what can change without a restart."""
        new = self.result_settings()
        services.settings.save(new)
        newsroom = services.newsroom
        if not newsroom.signed_in:  # on a server the login says who acts, not the profile
            newsroom.act_as(Actor(new.profile_name or newsroom.actor.name, new.profile_role))
        services.session.saver.set_interval(int(new.autosave_seconds * 1000))

    def language_changed(self) -> bool:
        """Tell whether the chosen interface language differs from the one in use."""
        return bool(self.result_settings().ui_language != self._settings.ui_language)
