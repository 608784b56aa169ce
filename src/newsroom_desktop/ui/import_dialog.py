"""File ▸ Import…: choose files or a folder, import them in the background, show a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from newsroom_desktop.core.changes import IMPORTED, Changes
from newsroom_desktop.ui.folders import IMPORT, remember_folder, start_folder
from newsroom_desktop.ui.ops import Operation
from newsroom_desktop.ui.services import Services

IMPORT_FILTER = "*.txt *.text *.html *.htm *.md *.markdown *.docx"


def choose_import_paths(parent: QWidget) -> list[str]:
    """Ask for files to import (or, if none chosen, nothing)."""
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        parent.tr("Import articles"),
        start_folder(IMPORT),
        parent.tr("Articles (%1);;All files (*)").replace("%1", IMPORT_FILTER),
    )
    remember_folder(IMPORT, files)
    return files


def choose_import_folder(parent: QWidget) -> list[str]:
    folder = QFileDialog.getExistingDirectory(
        parent, parent.tr("Import a folder of articles"), start_folder(IMPORT)
    )
    remember_folder(IMPORT, folder)
    return [folder] if folder else []


def summary_text(parent: QWidget, report: Any) -> str:
    """Return the end-of-batch summary: imported, skipped and why."""
    imported = [r for r in report.results if r.article_id]
    failed = [r for r in report.results if r.error]
    lines = [parent.tr("Imported %n article(s).", "", len(imported))]
    same = [r for r in report.results if getattr(r, "same_as", None)]
    if same:
        lines.append(
            parent.tr("Already in the store, not imported again: %n file(s)", "", len(same))
        )
        lines += [f"• {Path(str(r.file)).name}" for r in same[:10]]
    if failed:
        lines.append(parent.tr("Skipped %n file(s):", "", len(failed)))
        lines += [f"• {Path(str(r.file)).name}: {r.error}" for r in failed[:20]]
        if len(failed) > 20:
            lines.append("…")
    skipped = list(getattr(report, "skipped", ()))
    if skipped:
        lines.append(parent.tr("Not articles, left alone: %n file(s)", "", len(skipped)))
        lines += [f"• {Path(str(s.file)).name}: {s.reason}" for s in skipped[:10]]
    warned = [r for r in report.results if r.warnings]
    for r in warned[:10]:
        lines += [f"⚠ {Path(str(r.file)).name}: {w}" for w in r.warnings]
    if getattr(report, "cancelled", False):
        lines.append(parent.tr("The import was cancelled; the files above were done."))
    return "\n".join(lines)


def ask_about_same(services: Services, article_id: str, question: str) -> str:
    """Ask what to do with text the store has already: "open", "again" or "cancel".

    ``question`` says what was found (a file, the clipboard); the headline of the article that
    has it is added.
    """
    parent = services.parent
    found = services.newsroom.articles.summaries([article_id])
    headline = found[0].headline if found else ""
    box = QMessageBox(parent)
    box.setObjectName("alreadyStoredBox")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(parent.tr("Already in the store"))
    box.setText(question)
    box.setInformativeText(
        parent.tr("The article “%1” has this text already.").replace(
            "%1", headline or parent.tr("(no headline)")
        )
    )
    open_button = box.addButton(
        parent.tr("&Open the Existing Article"), QMessageBox.ButtonRole.AcceptRole
    )
    again_button = box.addButton(
        parent.tr("&Make a Copy Anyway"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(open_button)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is open_button else "again" if clicked is again_button else "cancel"


def open_existing(services: Services, article_id: str) -> None:
    """Show ``article_id`` in the list (if the list shows it) and open it in the editor."""
    services.selection.select(article_id)
    services.selection.open(article_id)


def run_import(services: Services, paths: list[str], *, again: bool = False) -> Operation | None:
    """Import ``paths`` on a worker thread with its own store connection; refresh when done.

    Files whose text is in the store already are not imported again unless ``again``: the end
    offers to open the article that has it, or to import a copy anyway.
    """
    if not paths:
        return None
    from newsroom_desktop.jobs.imports import import_paths  # noqa: PLC0415 - lazy, for start-up time

    worker = services.newsroom.for_worker()

    def work(progress: Any) -> Any:
        return import_paths(worker, [Path(p) for p in paths], progress=progress, again=again)

    parent = services.parent
    operation = Operation(parent.tr("Importing…"), work, parent)

    def done(report: Any) -> None:
        services.changes.publish(Changes(kind=IMPORTED))
        first = next((r.article_id for r in report.results if r.article_id), None)
        if first and services.selection.select(first):
            services.selection.open(first)
        same = [r for r in report.results if r.same_as]
        if same and len(report.results) == 1:
            question = parent.tr("“%1” is in the store already.").replace("%1", same[0].file.name)
            _answer_same(services, same[0].same_as, [str(same[0].file)], question)
            return
        QMessageBox.information(parent, parent.tr("Import finished"), summary_text(parent, report))
        if same:
            question = parent.tr("%n file(s) are in the store already.", "", len(same))
            _answer_same(services, same[0].same_as, [str(r.file) for r in same], question)

    def failed(error: Any) -> None:
        QMessageBox.warning(
            parent, parent.tr("Import failed"), str(getattr(error, "message", error))
        )

    return services.operations.start(operation, done=done, failed=failed)


def _answer_same(services: Services, article_id: str, files: list[str], question: str) -> None:
    answer = ask_about_same(services, article_id, question)
    if answer == "open":
        open_existing(services, article_id)
    elif answer == "again":
        run_import(services, files, again=True)
