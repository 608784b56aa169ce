"""The caption template editor: list, new, duplicate, delete, fields with mode, a live preview."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.code_replace import expand_all
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_templates import (
    APPEND,
    BAD_FORMAT,
    CLOSE_BRACE,
    FIELDS,
    NO_FORMAT,
    OPEN_BRACE,
    REPLACE,
    SEQ_FORMAT,
    UNKNOWN,
    VARIABLES,
    CaptionTemplate,
    Fill,
    TemplateSyntaxError,
    apply_template,
    check_template,
)
from newsroom_desktop.ui.code_expander import CodeExpander
from newsroom_desktop.ui.editor.fields import GrowingTextEdit
from newsroom_desktop.ui.labels import error_message

Editor = QLineEdit | GrowingTextEdit
TALL = ("caption", "alt_text")
# A label's Alt+letter, as "&Caption" or "Tiêu đề (&H)" writes it.
_MNEMONIC = re.compile(r"\s*\(&\w\)|&(?=\w)")


def _text(box: Editor) -> str:
    return box.text() if isinstance(box, QLineEdit) else box.toPlainText()


def _set_text(box: Editor, text: str) -> None:
    if isinstance(box, QLineEdit):
        box.setText(text)
    else:
        box.setPlainText(text)


class TemplateDialog(QDialog):
    """Edits the newsroom's caption templates; each change is saved when you press Save."""

    def __init__(
        self,
        newsroom: Newsroom,
        *,
        sample: Mapping[str, str] | None = None,
        byline: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.service = newsroom.photo_templates
        self.zone = newsroom.zone
        self.sample = dict(sample or {})
        self.byline = byline
        self.roster = self.service.roster()
        self.current: CaptionTemplate | None = None
        self._loading = False
        self.names = QListWidget()
        self.names.setObjectName("templateNames")
        self.new_button = QPushButton()
        self.duplicate_button = QPushButton()
        self.delete_button = QPushButton()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("templateName")
        self.checks: dict[str, QCheckBox] = {}
        self.values: dict[str, Editor] = {}
        self.modes: dict[str, QComboBox] = {}
        self.expander = CodeExpander(self)
        self.expander.set_roster(self.roster)
        self.variables = QLabel()
        self.event_edit = QLineEdit()
        self.event_edit.setObjectName("templateEvent")
        self.preview = QLabel()
        self.preview.setObjectName("templatePreview")
        self.error = QLabel()
        self.error.setObjectName("templateError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self._build()
        self._wire()
        self.retranslate()
        self.reload()

    # -- building ------------------------------------------------------------------------
    def _field_grid(self) -> QGridLayout:
        grid = QGridLayout()
        for row, name in enumerate(FIELDS):
            check = QCheckBox()
            check.setObjectName(f"apply_{name}")
            box: Editor = GrowingTextEdit(2) if name in TALL else QLineEdit()
            box.setObjectName(f"value_{name}")
            if isinstance(box, GrowingTextEdit):
                box.setTabChangesFocus(True)
            mode = QComboBox()
            mode.setObjectName(f"mode_{name}")
            mode.addItem("", REPLACE)
            mode.addItem("", APPEND)
            self.checks[name], self.values[name], self.modes[name] = check, box, mode
            grid.addWidget(check, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, row, 1)
            grid.addWidget(mode, row, 2, Qt.AlignmentFlag.AlignTop)
            self.expander.watch(box)
        grid.setColumnStretch(1, 1)
        return grid

    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.names, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            row.addWidget(button)
        left_layout.addLayout(row)
        right = QWidget()
        form = QVBoxLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        form.addWidget(self.name_label)
        form.addWidget(self.name_edit)
        form.addLayout(self._field_grid())
        self.variables.setWordWrap(True)
        self.variables.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addWidget(self.variables)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form.addWidget(self.error)
        self.event_label = QLabel()
        self.event_label.setBuddy(self.event_edit)
        event_row = QHBoxLayout()
        event_row.addWidget(self.event_label)
        event_row.addWidget(self.event_edit, 1)
        form.addLayout(event_row)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addWidget(self.preview)
        form.addStretch(1)
        # Long templates and previews scroll; the rows never squeeze into each other.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(right)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 680)

    def _wire(self) -> None:
        self.names.currentTextChanged.connect(self._choose)
        self.new_button.clicked.connect(self.new_template)
        self.duplicate_button.clicked.connect(self.duplicate_template)
        self.delete_button.clicked.connect(self.delete_template)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.name_edit.textEdited.connect(self._edited)
        self.event_edit.textEdited.connect(self._edited)
        for name in FIELDS:
            self.checks[name].toggled.connect(self._edited)
            self.modes[name].currentIndexChanged.connect(self._edited)
            box = self.values[name]
            if isinstance(box, QLineEdit):
                box.textChanged.connect(self._edited)
            else:
                box.textChanged.connect(self._edited)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Caption Templates"))
        self.new_button.setText(self.tr("&New"))
        self.duplicate_button.setText(self.tr("D&uplicate"))
        self.delete_button.setText(self.tr("&Delete"))
        self.name_label.setText(self.tr("Template na&me"))
        labels = {
            "caption": self.tr("&Caption"),
            "headline": self.tr("&Headline"),
            "creator": self.tr("C&reator"),
            "credit": self.tr("Cr&edit"),
            "copyright": self.tr("Co&pyright"),
            "city": self.tr("C&ity"),
            "keywords": self.tr("&Keywords"),
            "alt_text": self.tr("&Alt text"),
        }
        for name in FIELDS:
            self.checks[name].setText(labels[name])
            self.checks[name].setToolTip(self.tr("Apply this field"))
            self.modes[name].setItemText(0, self.tr("Replace"))
            self.modes[name].setItemText(1, self.tr("Append"))
        names = " ".join(f"{{{v}}}" for v in VARIABLES)
        self.variables.setText(
            self.tr("Variables: %1; a date takes a format, e.g. {date_taken:%d/%m/%Y}. "
                    "Codes such as =ht= expand from the roster.").replace("%1", names)
        )  # fmt: skip
        self.event_label.setText(self.tr("E&vent"))
        self.event_edit.setPlaceholderText(self.tr("What {event} says in the preview"))
        self._edited()

    # -- templates -----------------------------------------------------------------------
    def reload(self, choose: str | None = None) -> None:
        """List the stored templates and show ``choose`` (or the first)."""
        templates = self.service.templates()
        self._loading = True
        self.names.clear()
        self.names.addItems([t.name for t in templates])
        self._loading = False
        names = [t.name for t in templates]
        row = names.index(choose) if choose in names else (0 if names else -1)
        self.names.setCurrentRow(row)
        if row < 0:
            self._show(None)

    def _changed(self) -> bool:
        template = self.edited_template()
        if template is None or self.current is None:
            return False
        try:
            return check_template(template) != check_template(self.current)
        except NewsroomError:
            return True

    def keep_edits(self) -> bool:
        """Save what was edited in the shown template; False if it cannot be saved as it is."""
        if not self._changed():
            return True
        template = self.edited_template()
        assert template is not None
        try:
            self.current = self.service.save(template)
        except NewsroomError as exc:
            self._say(exc)
            return False
        return True

    def _choose(self, name: str) -> None:
        if self._loading or not name:
            return
        if not self.keep_edits():
            # The edits stay on screen with their error, the template they belong to chosen.
            self._loading = True
            self.names.setCurrentRow(
                next(
                    (i for i in range(self.names.count()) if self.current
                     and self.names.item(i).text() == self.current.name), -1
                )
            )  # fmt: skip
            self._loading = False
            return
        if self.current is not None and self.names.currentItem() is not None:
            self._rename_item(name)
        try:
            self._show(self.service.get(name))
        except NewsroomError as exc:
            self._say(exc)

    def _show(self, template: CaptionTemplate | None) -> None:
        self.current = template
        self._loading = True
        self.name_edit.setText(template.name if template else "")
        for name in FIELDS:
            item = template.field(name) if template else None
            self.checks[name].setChecked(bool(item and item.apply))
            _set_text(self.values[name], item.value if item else "")
            self.modes[name].setCurrentIndex(1 if item and item.mode == APPEND else 0)
        self._loading = False
        enabled = template is not None
        widgets: list[QWidget] = [self.name_edit, self.duplicate_button, self.delete_button]
        for name in FIELDS:
            widgets += [self.checks[name], self.values[name], self.modes[name]]
        for widget in widgets:
            widget.setEnabled(enabled)
        self._edited()

    def edited_template(self) -> CaptionTemplate | None:
        """Return the template as the fields show it now (not checked)."""
        if self.current is None:
            return None
        template = replace(self.current, name=self.name_edit.text())
        for name in FIELDS:
            template = template.with_field(
                name,
                value=_text(self.values[name]),
                apply=self.checks[name].isChecked(),
                mode=self.modes[name].currentData(),
            )
        return template

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        template = self.edited_template()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if template is None:
            self.error.clear()
            self.preview.setText(self.tr("No template yet: make one with New."))
            save.setEnabled(False)
            return
        try:
            checked = check_template(template)
        except NewsroomError as exc:
            self._say(exc)
            save.setEnabled(False)
            return
        self.error.clear()
        self.error.hide()
        save.setEnabled(True)
        self._show_preview(checked)

    def _syntax_text(self, exc: TemplateSyntaxError) -> str:
        """Return a template error in the interface's language, the field named as shown."""
        box = self.checks.get(exc.where)
        field = _MNEMONIC.sub("", box.text()) if box is not None else exc.where
        texts = {
            OPEN_BRACE: self.tr("a “{” without its “}”. Write {{ or }} for a brace itself."),
            CLOSE_BRACE: self.tr("a “}” without its “{”. Write {{ or }} for a brace itself."),
            UNKNOWN: self.tr("unknown variable {%1}; use %2.").replace(
                "%2", " ".join(f"{{{v}}}" for v in VARIABLES)
            ),
            NO_FORMAT: self.tr("{%1} takes no format."),
            BAD_FORMAT: self.tr("the format of {%1} is not valid."),
            SEQ_FORMAT: self.tr("{seq:%1} is not a number format."),
        }
        text = texts.get(exc.problem)
        return f"{field}: {text.replace('%1', exc.detail)}" if text else exc.message

    def _say(self, problem: NewsroomError) -> None:
        if isinstance(problem, TemplateSyntaxError):
            message = self._syntax_text(problem)
        else:
            message = error_message(problem.code, problem.message)
        self.error.setText("⚠ " + message)
        self.error.show()

    def _show_preview(self, template: CaptionTemplate) -> None:
        if not self.sample:
            self.preview.setText(self.tr("Choose a photo in the Photos panel to see a preview."))
            return
        run = Fill(
            today=datetime.now(self.zone).date(),  # the newsroom's day
            byline=self.byline,
            event=self.event_edit.text(),
            expand=lambda text: expand_all(text, self.roster),
        )
        out = apply_template(template, self.sample, run)
        shown = [
            f"{_MNEMONIC.sub('', self.checks[n].text())}: {out[n]}"
            for n in FIELDS
            if template.field(n).apply
        ]
        title = self.tr("Preview on %1").replace("%1", self.sample.get("filename", ""))
        self.preview.setText("\n".join([title, *shown]))

    def _rename_item(self, chosen: str) -> None:
        """Keep the list's names true after a rename saved on the way to another template."""
        names = [t.name for t in self.service.templates()]
        if [self.names.item(i).text() for i in range(self.names.count())] != names:
            self.reload(chosen)

    def reject(self) -> None:
        """Close, keeping what was edited; if it cannot be kept, ask before dropping it."""
        if not self.keep_edits():
            answer = QMessageBox.question(
                self,
                self.tr("Caption Templates"),
                self.tr(
                    "The template cannot be saved as it is: %1\nClose and drop the changes?"
                ).replace("%1", self.error.text().removeprefix("⚠ ")),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def save(self) -> bool:
        """Store the template being edited; False (and the reason shown) if it cannot be."""
        template = self.edited_template()
        if template is None:
            return False
        try:
            saved = self.service.save(template)
        except NewsroomError as exc:
            self._say(exc)
            return False
        self.reload(saved.name)
        return True

    def _ask_name(self, title: str, start: str) -> str:
        name, ok = QInputDialog.getText(self, title, self.tr("Name:"), text=start)
        return name.strip() if ok else ""

    def new_template(self) -> None:
        name = self._ask_name(self.tr("New Caption Template"), "")
        if name:
            self._store(CaptionTemplate(name=name))

    def duplicate_template(self) -> None:
        template = self.edited_template()
        if template is None:
            return
        name = self._ask_name(
            self.tr("Duplicate Caption Template"), self.tr("%1 (copy)").replace("%1", template.name)
        )
        if name:
            self._store(replace(template, name=name, id=""))

    def _store(self, template: CaptionTemplate) -> None:
        try:
            saved = self.service.save(template)
        except NewsroomError as exc:
            QMessageBox.warning(self, self.tr("Caption Templates"), exc.message)
            return
        self.reload(saved.name)

    def delete_template(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete Caption Template"),
            self.tr("Delete the template “%1”? Photos it filled keep their text.").replace(
                "%1", self.current.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.service.delete(self.current.name)
            self.reload()
