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


def run_import(services: Services, paths: list[str]) -> Operation | None:
    """Import ``paths`` on a worker thread with its own store connection; refresh when done."""
    if not paths:
        return None
    from newsroom_desktop.jobs.imports import import_paths  # noqa: PLC0415 - lazy, for start-up time

    worker = services.newsroom.for_worker()

    def work(progress: Any) -> Any:
        return import_paths(worker, [Path(p) for p in paths], progress=progress)

    parent = services.parent
    operation = Operation(parent.tr("Importing…"), work, parent)

    def done(report: Any) -> None:
        services.changes.publish(Changes(kind=IMPORTED))
        first = next((r.article_id for r in report.results if r.article_id), None)
        if first and services.selection.select(first):
            services.selection.open(first)
        QMessageBox.information(parent, parent.tr("Import finished"), summary_text(parent, report))

    def failed(error: Any) -> None:
        QMessageBox.warning(
            parent, parent.tr("Import failed"), str(getattr(error, "message", error))
        )

    return services.operations.start(operation, done=done, failed=failed)
