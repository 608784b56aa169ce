"""What the app takes from its install: the window icon, and a check that nothing is missing."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QIcon, QImageReader

from newsroom_desktop import __version__
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.newsroom import SCHEMA_HEAD, migrations_dir
from newsroom_desktop.core.resources import resources_dir
from newsroom_desktop.ui.i18n import LANGUAGES

ICON_NAME = "newsroom-desktop"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

# Files the app opens by path; a build that forgets one fails only when a user reaches it.
REQUIRED = (
    "templates/article.html",
    "templates/figure.html",
    "templates/share.html",
    "templates/article.css",
    "templates/print.css",
    "samples/sample-article.txt",
    f"icons/{ICON_NAME}.svg",
    *(f"icons/hicolor/{n}x{n}/apps/{ICON_NAME}.png" for n in ICON_SIZES),
    # English is the source language; every other UI language needs its catalogue.
    *(f"translations/newsroom_{lang}.qm" for lang in LANGUAGES if lang != "en"),
)


def app_icon() -> QIcon:
    """Return the application icon: the SVG plus the rendered PNG sizes."""
    icon = QIcon()
    try:
        folder = resources_dir() / "icons"
    except NewsroomError:
        return icon
    for size in ICON_SIZES:
        png = folder / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        if png.is_file():
            icon.addFile(str(png))
    svg = folder / f"{ICON_NAME}.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    return QIcon.fromTheme(ICON_NAME, icon) if icon.isNull() else icon


def _files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _check_migrations(report: dict[str, Any]) -> None:
    from alembic.config import Config  # noqa: PLC0415 - lazy, for start-up time
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - lazy, for start-up time

    folder = migrations_dir()
    report["migrations"] = [name for name in _files_under(folder) if "__pycache__" not in name]
    # Alembic loads env.py and the revisions from files: a bundle with only .pyc cannot migrate.
    config = Config()
    config.set_main_option("script_location", str(folder))
    try:
        head = ScriptDirectory.from_config(config).get_current_head()
    except Exception as exc:  # any failure here is what the check reports
        head = None
        report["problems"].append(f"migrations: {exc}")
    if head != SCHEMA_HEAD:
        report["problems"].append(f"migrations: head is {head}, this version needs {SCHEMA_HEAD}")


def _check_translations(folder: Path, report: dict[str, Any]) -> None:
    loaded: dict[str, bool] = {}
    for qm in sorted(folder.glob("translations/*.qm")):
        loaded[qm.name] = QTranslator().load(str(qm))
        if not loaded[qm.name]:
            report["problems"].append(f"translation {qm.name} does not load")
    report["translations"] = loaded


def _check_qt(report: dict[str, Any]) -> None:
    from newsroom_desktop.exporters.pdf import register_fonts  # noqa: PLC0415 - lazy, for start-up time

    try:
        report["fonts"] = list(register_fonts())
    except NewsroomError as exc:
        report["problems"].append(exc.message)
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    report["image_formats"] = sorted(formats)
    report["problems"] += [
        f"Qt image format {f} missing" for f in ("svg", "jpeg", "png") if f not in formats
    ]
    if app_icon().isNull():
        report["problems"].append("the application icon does not load")


def _check_docx(report: dict[str, Any]) -> None:
    import docx  # noqa: PLC0415 - lazy, for start-up time

    try:
        docx.Document()  # opens python-docx's default.docx template from its package data
    except Exception as exc:  # any failure here is what the check reports
        report["problems"].append(f"python-docx template: {exc}")


def resource_report() -> dict[str, Any]:
    """Return what this install ships and the problems found; needs a Qt application."""
    report: dict[str, Any] = {"version": __version__, "problems": []}
    try:
        folder = resources_dir()
    except NewsroomError as exc:
        report["problems"].append(exc.message)
        return report
    report["resources"] = str(folder)
    report["files"] = _files_under(folder)
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    report["problems"] += [f"missing resource {name}" for name in missing]
    _check_translations(folder, report)
    _check_migrations(report)
    _check_qt(report)
    _check_docx(report)
    return report


def check_resources() -> int:
    """Print the resource report as JSON; return 0 when nothing is missing, else 1."""
    report = resource_report()
    if sys.stdout is not None:  # a windowed Windows build has no stdout
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if report["problems"] else 0
