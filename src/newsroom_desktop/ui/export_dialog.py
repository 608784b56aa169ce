"""File ▸ Export…: choose format and folder, see the pre-export check, export in the background."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.changes import EXPORTED, WORKFLOW, Changes
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.proofing.proofer import Proofer, proof_doc
from newsroom_desktop.core.settings import Settings
from newsroom_desktop.core.vocabulary import STATUSES
from newsroom_desktop.core.workflow_rules import publishes_on_export
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.checks import Problem, check, proofing_problems
from newsroom_desktop.exporters.registry import FORMATS
from newsroom_desktop.ui.folders import documents_folder
from newsroom_desktop.ui.labels import format_label, status_label, translator
from newsroom_desktop.ui.ops import Operation
from newsroom_desktop.ui.services import Services

SELECTED = "selected"
# Files named in the question before replacing; the rest are counted.
LISTED_FILES = 12
# Characters of an open note the pre-export check shows.
NOTE_CHARS = 120


_t = translator("ExportDialog")


_QUOTED_RE = re.compile(r"“([^”]+)”")


def problem_text(doc: Any, problem: Any) -> str:
    """Return the pre-export check's finding in the UI language (the core speaks English)."""
    fields = {
        "headline": _t("the headline"),
        "lead": _t("the lead"),
        "body": _t("the body"),
        "byline": _t("the byline"),
    }
    simple = {
        "empty_headline": _t("The headline is empty."),
        "empty_lead": _t("The lead is empty."),
        "empty_body": _t("The body has no text."),
        "empty_byline": _t("The byline is empty."),
    }
    if problem.code in simple:
        return simple[problem.code]
    if problem.code == "placeholder":
        words = ", ".join(f"“{w}”" for w in _QUOTED_RE.findall(problem.message))
        where = fields.get(problem.field, _t("a photo caption"))
        return _t("Placeholder %1 left in %2.").replace("%1", words).replace("%2", where)
    ids = [use.id for use in doc.photos]
    use_id = str(problem.field).removeprefix("photo:")
    number = str(ids.index(use_id) + 1) if use_id in ids else "?"
    photo = {
        "missing_photo": _t("Photo %1 is still waiting for its file."),
        "missing_caption": _t("Photo %1 has no caption."),
        "missing_credit": _t("Photo %1 has no credit."),
        "missing_alt": _t("Photo %1 has no alt text."),
        "repeated_photo": _t("Photo %1 shows a photo the article already shows."),
        "photo_too_small": _t("Photo %1 is too small for the web (as cropped)."),
    }
    return photo[problem.code].replace("%1", number) if problem.code in photo else problem.message


def proof_text(problem: Problem) -> str:
    """Return a spelling or house style line of the check in the UI language."""
    from newsroom_desktop.ui.house_style_dialog import rule_label  # noqa: PLC0415 - lazy, for start-up time

    rule = problem.code.removeprefix("proof:")
    return f"{rule_label(rule)}{problem.message.removeprefix(rule)}"


def open_note_text(note: Any) -> str:
    """Return an open note as the pre-export check lists it: who wrote it and what it says."""
    text = " ".join(note.text.split())
    if len(text) > NOTE_CHARS:
        text = text[: NOTE_CHARS - 1].rstrip() + "…"
    return _t("Open note by %1: “%2”").replace("%1", note.author).replace("%2", text)


class ExportDialog(QDialog):
    """Where and how to export, with the problems the pre-export check finds."""

    def __init__(
        self, newsroom: Newsroom, settings: Settings, ids: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(_t("Export"))
        self.newsroom = newsroom
        self.settings = settings
        self.ids = ids
        self._build_choices()
        self._build_layout()
        self.format.currentIndexChanged.connect(self._update_options)
        self.scope.currentIndexChanged.connect(self.run_check)
        self.resize(620, 520)
        self._update_options()
        self._proofers: dict[str, Proofer] = {}
        self.run_check()

    def _build_choices(self) -> None:
        settings = self.settings
        self.format = QComboBox()
        for name in FORMATS:
            self.format.addItem(format_label(name), name)
        self.format.setCurrentIndex(max(0, self.format.findData(settings.last_export_format)))
        self.scope = QComboBox()
        selected = _t("The selected article(s): %1").replace("%1", str(len(self.ids)))
        self.scope.addItem(selected, SELECTED)
        for status in STATUSES:
            label = _t("Every article with status: %1").replace("%1", status_label(status))
            self.scope.addItem(label, status)
        self.folder = QLineEdit(settings.last_export_dir or documents_folder())
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.max_side = QSpinBox()
        self.max_side.setRange(320, 8000)
        self.max_side.setSuffix(" px")
        self.max_side.setValue(settings.rendition_max_side)
        self.zip = QCheckBox(_t("As one .zip file"))
        self.share = QCheckBox(_t("Add share and print links to the page"))
        self.lead_in_body = QCheckBox(_t("Repeat the lead at the start of the body"))
        self.lead_in_body.setToolTip(
            _t("Most Hugo and Jekyll themes do not show the summary in the front matter.")
        )
        self.lead_in_body.setChecked(settings.markdown_lead_in_body)
        self.publish_notice = QLabel()
        self.publish_notice.setObjectName("exportPublishNotice")
        self.publish_notice.setWordWrap(True)
        self.publish_notice.setStyleSheet(
            "background: rgba(130,80,223,24); border: 1px solid rgba(130,80,223,90);"
            " border-radius: 4px; padding: 6px 8px;"
        )
        self.preview_only = QCheckBox(_t("Export as preview only"))
        self.preview_only.setObjectName("exportPreviewOnly")
        self.preview_only.setToolTip(
            _t("Write the files without publishing anything or changing any status")
        )
        self.preview_only.toggled.connect(self._show_publishing)
        self._publishing = 0
        self.problems = QListWidget()
        self.problems.setObjectName("exportProblems")
        # Findings (an open note quoted, say) wrap rather than hide behind a scroll bar.
        self.problems.setWordWrap(True)
        self.problems.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)

    def _build_layout(self) -> None:
        browse = QPushButton(_t("Choose…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.form = form = QFormLayout()
        form.addRow(_t("Format"), self.format)
        form.addRow(_t("Articles"), self.scope)
        form.addRow(_t("Folder"), folder_row)
        form.addRow(_t("Paper"), self.paper)
        form.addRow(_t("Photo size"), self.max_side)
        form.addRow("", self.zip)
        form.addRow("", self.share)
        form.addRow("", self.lead_in_body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.publish_notice, 1)
        notice_row.addWidget(self.preview_only)
        layout.addLayout(notice_row)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _t("Export to folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _update_options(self) -> None:
        # Only the chosen format's own options are shown (and taken by options()).
        name = self.format.currentData()
        for widget, shown in self._format_options(name):
            widget.setEnabled(shown)
            self.form.setRowVisible(widget, shown)

    def _format_options(self, name: str) -> list[tuple[QWidget, bool]]:
        return [
            (self.paper, name == "pdf"),
            (self.max_side, name == "package"),
            (self.zip, name == "package"),
            (self.share, name == "html"),
            (self.lead_in_body, name == "md"),
        ]

    def target_ids(self) -> list[str]:
        scope = self.scope.currentData()
        if scope == SELECTED:
            return list(self.ids)
        from newsroom_desktop.jobs.exports import article_ids  # noqa: PLC0415 - lazy, for start-up time

        return article_ids(self.newsroom, scope)

    def run_check(self) -> None:
        """List what the pre-export check finds in the articles to export (first 200)."""
        self.problems.clear()
        ids = self.target_ids()
        found = 0
        docs = self.newsroom.exports.documents(ids[:200])
        self._count_publishing(ids, docs)
        notes = self.newsroom.notes.open_notes([doc.id for doc in docs])
        for doc in docs:
            headline = doc.headline or _t("(no headline)")
            findings = [
                f"⚠ {headline}: {problem_text(doc, p)}"
                for p in check(doc, self.settings.min_photo_width)
            ]
            findings += [f"✍ {headline}: {proof_text(p)}" for p in self._proof(doc)]
            findings += [f"✎ {headline}: {open_note_text(note)}" for note in notes.get(doc.id, [])]
            for text in findings:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, doc.id)
                self.problems.addItem(item)
                found += 1
        if not ids:
            self.problems_label.setText(_t("No article to export."))
        elif found:
            self.problems_label.setText(
                _t(
                    "The check found %1 problem(s). You can export anyway, or cancel and fix them."
                ).replace("%1", str(found))
            )
        else:
            self.problems_label.setText(_t("The check found no problem."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(ids))

    def _proof(self, doc: ArticleDoc) -> list[Problem]:
        """Return the spelling and house style lines of ``doc`` (never stopping its export)."""
        proofers = self._proofers
        if doc.language not in proofers:
            proofers[doc.language] = self.newsroom.proofing.proofer(doc.language)
        return proofing_problems(proof_doc(doc, proofers[doc.language]))

    def _count_publishing(self, ids: list[str], docs: list[Any]) -> None:
        """Count the articles this export would publish (an editor exporting approved ones)."""
        actor = self.newsroom.actor
        scope = self.scope.currentData()
        if scope == SELECTED:
            self._publishing = sum(publishes_on_export(doc.status, actor) for doc in docs)
        else:
            self._publishing = len(ids) if publishes_on_export(scope, actor) else 0
        self._show_publishing()

    def _show_publishing(self) -> None:
        """Say beforehand that the export publishes, unless it is a preview only."""
        count = self._publishing
        if self.preview_only.isChecked():
            text = _t("Preview only: the files are written and no status changes.")
        elif count:
            text = _t(
                "This export publishes %n approved article(s): their status becomes "
                "Published. Tick “Export as preview only” to keep them Ready.",
                "",
                count,
            )
        else:
            text = ""
        self.publish_notice.setText(text)
        self.publish_notice.setVisible(bool(text))
        self.preview_only.setVisible(bool(count))
        if not count:
            self.preview_only.setChecked(False)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_t("Export and Publish") if self.publishes() else _t("Export"))

    def publishes(self) -> int:
        """Return how many articles the export as chosen would publish."""
        return 0 if self.preview_only.isChecked() else self._publishing

    def options(self) -> ExportOptions:
        return ExportOptions(
            preview=self.preview_only.isChecked(),
            zone=self.newsroom.zone,
            paper=self.paper.currentData(),
            max_side=int(self.max_side.value()),
            quality=self.settings.rendition_quality,
            zip=self.zip.isChecked() and self.zip.isEnabled(),
            share_links=self.share.isChecked() and self.share.isEnabled(),
            lead_in_body=self.lead_in_body.isChecked(),
            min_photo_width=self.settings.min_photo_width,
        )

    def remembered(self) -> Settings:
        return self.settings.updated(
            last_export_format=self.format.currentData(),
            last_export_dir=self.folder.text(),
            markdown_lead_in_body=self.lead_in_body.isChecked(),
        )


def summary_text(report: Any) -> str:
    """Return the end-of-export summary."""
    lines = [
        _t("Exported %1 article(s) to %2.")
        .replace("%1", str(len(report.exported)))
        .replace("%2", str(report.out_dir))
    ]
    published = [r for r in report.exported if r.published]
    if published:
        lines.append(_t("Published %1 approved article(s).").replace("%1", str(len(published))))
    for result in report.failed[:20]:
        lines.append(f"• {result.headline or result.id[:8]}: {result.error}")
    if report.cancelled:
        lines.append(_t("The export was cancelled; the articles above were done."))
    return "\n".join(lines)


def ask_replace(parent: QWidget | None, folder: Path, files: list[Path]) -> bool:
    """Ask whether to replace files in ``folder`` that no export of the same article wrote."""
    names = [str(path.relative_to(folder)) if path.is_relative_to(folder) else str(path)
             for path in files[:LISTED_FILES]]  # fmt: skip
    lines = "\n".join(f"• {name}" for name in names)
    if len(files) > len(names):
        lines += "\n" + _t("… and %1 more").replace("%1", str(len(files) - len(names)))
    text = (
        _t(
            "%1 already holds these files, which no earlier export of the same article wrote:"
            "\n\n%2\n\nReplace them?"
        )
        .replace("%1", str(folder))
        .replace("%2", lines)
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _t("Replace files?"),
        text,
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("exportReplaceQuestion")
    replace_button = box.addButton(_t("Replace"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is replace_button


def _replacing(
    services: Services, ids: list[str], name: str, out_dir: Path, options: ExportOptions
) -> ExportOptions | None:
    """Return the options to export with (forced if the user agreed to replace); None: stop."""
    from newsroom_desktop.jobs.exports import files_to_replace  # noqa: PLC0415 - lazy, for start-up time

    files = files_to_replace(services.newsroom, ids, name, out_dir, options)
    if not files:
        return options
    return replace(options, force=True) if ask_replace(services.parent, out_dir, files) else None


def _export_ids(services: Services) -> list[str]:
    """Return the articles chosen in the list, or else the open one."""
    doc = services.session.doc
    return services.selection.selected_ids() or ([doc.id] if doc else [])


def run_export(services: Services) -> Operation | None:
    """Show the export dialog for the selected articles and export in the background."""
    services.session.flush()
    parent = services.parent
    dialog = ExportDialog(
        services.newsroom, services.settings.current, _export_ids(services), parent
    )
    if not dialog.exec():
        return None
    services.settings.save(dialog.remembered())
    ids = dialog.target_ids()
    name, out_dir, options = (
        dialog.format.currentData(),
        Path(dialog.folder.text()),
        dialog.options(),
    )
    answered = _replacing(services, ids, name, out_dir, options)
    if answered is None:
        return None  # the user kept the files that are there
    options = answered
    worker = services.newsroom.for_worker()

    def work(progress: Any) -> Any:
        from newsroom_desktop.jobs.exports import export_many  # noqa: PLC0415 - lazy, for start-up time

        return export_many(worker, ids, name, out_dir, options=options, progress=progress)

    operation = Operation(_t("Exporting…"), work, parent)

    def done(report: Any) -> None:
        # An export publishes the approved articles it takes: a status change like any other,
        # so the strip, the menus, the list and the counts all hear it as one.
        articles = services.newsroom.articles
        published = articles.summaries([r.id for r in report.exported if r.published])
        others = articles.summaries([r.id for r in report.exported if not r.published])
        if others:
            services.changes.publish(Changes(tuple(others), kind=EXPORTED))
        if published:
            services.changes.publish(Changes(tuple(published), kind=WORKFLOW))
        QMessageBox.information(parent, _t("Export finished"), summary_text(report))

    def failed(error: Any) -> None:
        QMessageBox.warning(parent, _t("Export failed"), str(getattr(error, "message", error)))

    return services.operations.start(operation, done=done, failed=failed)


def print_article(services: Services, *, preview: bool) -> None:
    """Print the open article (or preview it) with the same layout as the PDF export."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog  # noqa: PLC0415 - lazy, for start-up time

    from newsroom_desktop.exporters.pdf import build_document, page_layout  # noqa: PLC0415 - lazy, for start-up time

    session = services.session
    if session.doc is None:
        return
    session.flush()
    doc = services.newsroom.articles.get(session.doc.id)
    options = ExportOptions(zone=services.newsroom.zone)
    document = build_document(doc, options)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(options.paper))
    if preview:
        dialog = QPrintPreviewDialog(printer, services.parent)
        dialog.setObjectName("printPreview")
        dialog.paintRequested.connect(document.print_)
        dialog.exec()
        return
    chooser = QPrintDialog(printer, services.parent)
    if chooser.exec():
        document.print_(printer)
