"""The house style dialog: the newsroom's choices and which rules are on (editors change them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.proofing.house import CITY_FORMS, MAX_LEAD_LIMIT, RULES, HouseStyle
from newsroom_desktop.ui.services import Services


def _t(text: str) -> str:
    return QCoreApplication.translate("HouseStyle", text)


def rule_label(rule: str) -> str:
    """Return the translated name of a rule (or of spelling)."""
    labels = {
        "spelling": _t("Spelling"),
        "tone_marks": _t("Tone mark placement"),
        "double_space": _t("Double spaces"),
        "space_before_punctuation": _t("Space before punctuation"),
        "straight_quotes": _t("Straight quotes"),
        "city_name": _t("Ho Chi Minh City's name"),
        "thousands": _t("Thousands separators"),
        "date_shape": _t("Date shape"),
        "long_lead": _t("Lead longer than the house limit"),
        "caps_headline": _t("Headline in capitals"),
        "repeated_word": _t("Repeated word"),
    }
    return labels.get(rule, rule)


class HouseStyleDialog(QDialog):
    """Shows the newsroom's house style; an editor changes it for every desk."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("houseStyleDialog")
        self.setWindowTitle(self.tr("House Style"))
        self.services = services
        self.house = services.newsroom.proofing.house()
        self.editable = services.newsroom.actor.is_editor and not services.newsroom.read_only
        self.words_changed = False
        self._build()

    def _combo(self, name: str, items: list[tuple[str, str]], current: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for label, value in items:
            box.addItem(label, value)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def _build(self) -> None:
        h = self.house
        self.tones = self._combo(
            "toneStyle",
            [(self.tr("Both pass"), ""), (self.tr("Old style: hòa, thủy, khỏe"), "old"),
             (self.tr("New style: hoà, thuỷ, khoẻ"), "new")],
            h.tone_style,
        )  # fmt: skip
        self.quotes = self._combo(
            "quotes", [(self.tr("Curly “ ”"), "curly"), (self.tr("Straight \" \""), "straight")],
            h.quotes,
        )  # fmt: skip
        self.city = self._combo("cityForm", [(form, form) for form in CITY_FORMS], h.city_form)
        self.dates = self._combo(
            "dateSeparator", [("ngày 7/9", "/"), ("ngày 7-9", "-")], h.date_separator
        )
        self.lead_limit = QSpinBox()
        self.lead_limit.setObjectName("leadLimit")
        self.lead_limit.setRange(0, MAX_LEAD_LIMIT)
        self.lead_limit.setSingleStep(10)
        self.lead_limit.setSpecialValueText(self.tr("No limit"))
        self.lead_limit.setSuffix(self.tr(" characters"))
        self.lead_limit.setValue(h.lead_max_chars)
        form = QFormLayout()
        form.addRow(self.tr("Tone marks"), self.tones)
        form.addRow(self.tr("Quotation marks"), self.quotes)
        form.addRow(self.tr("Ho Chi Minh City"), self.city)
        form.addRow(self.tr("Dates"), self.dates)
        form.addRow(self.tr("Longest lead"), self.lead_limit)
        rules = QGroupBox(self.tr("Rules to check"))
        rule_layout = QVBoxLayout(rules)
        self.rule_boxes: dict[str, QCheckBox] = {}
        for rule in RULES:
            box = QCheckBox(rule_label(rule))
            box.setObjectName(f"rule_{rule}")
            box.setChecked(h.is_on(rule))
            rule_layout.addWidget(box)
            self.rule_boxes[rule] = box
        words = self._build_words()
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr("The house style is the newsroom's: every desk checks with it.")
            if self.editable
            else self.tr("Only an editor changes the house style.")
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        columns = QHBoxLayout()
        columns.addWidget(rules)
        columns.addWidget(words, 1)
        layout.addLayout(columns)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for widget in (self.tones, self.quotes, self.city, self.dates, self.lead_limit, rules):
            widget.setEnabled(self.editable)

    def _build_words(self) -> QGroupBox:
        box = QGroupBox(self.tr("Newsroom dictionary"))
        self.words = QListWidget()
        self.words.setObjectName("newsroomWords")
        self.words.addItems(self.services.newsroom.proofing.words())
        self.remove_word = QPushButton(self.tr("&Remove Word"))
        self.remove_word.setObjectName("removeWord")
        self.remove_word.setToolTip(self.tr("Spell check flags this word again, on every desk"))
        self.remove_word.setEnabled(False)
        self.remove_word.clicked.connect(self._remove_word)
        self.words.currentRowChanged.connect(
            lambda row: self.remove_word.setEnabled(
                row >= 0 and not self.services.newsroom.read_only
            )
        )
        column = QVBoxLayout(box)
        column.addWidget(self.words, 1)
        column.addWidget(self.remove_word)
        return box

    def _remove_word(self) -> None:
        item = self.words.currentItem()
        if item is None:
            return
        try:
            self.services.newsroom.proofing.remove_word(item.text())
        except NewsroomError as exc:
            self.services.problem(self.tr("Word not removed"), str(exc))
            return
        self.words.takeItem(self.words.row(item))
        self.words_changed = True

    def chosen(self) -> HouseStyle:
        """Return the house style as the dialog shows it."""
        return HouseStyle(
            tone_style=str(self.tones.currentData()),
            quotes=str(self.quotes.currentData()),
            city_form=str(self.city.currentData()),
            date_separator=str(self.dates.currentData()),
            lead_max_chars=int(self.lead_limit.value()),
            off=frozenset(rule for rule, box in self.rule_boxes.items() if not box.isChecked()),
        )

    def apply(self) -> bool:
        """Keep the chosen house style in the store; False if nothing changed or it failed."""
        chosen = self.chosen()
        if not self.editable or chosen == self.house:
            return False
        try:
            self.services.newsroom.proofing.set_house(chosen)
        except NewsroomError as exc:
            self.services.problem(self.tr("House style not changed"), str(exc))
            return False
        self.house = chosen
        return True
