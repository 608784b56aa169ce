"""The UI language: our .qm files and Qt's own, following the system locale or the user's choice."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from newsroom_desktop.core.errors import NotFoundError
from newsroom_desktop.core.resources import resource_path

LANGUAGES = ("en", "vi")
_installed: list[QTranslator] = []


def ui_language(choice: str = "") -> str:
    """Return the UI language: the user's choice, else the system locale's if we have it."""
    if choice in LANGUAGES:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def _load(app: QCoreApplication, path: str) -> bool:
    translator = QTranslator(app)
    if translator.load(path):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False


def install_translations(app: QCoreApplication, choice: str = "") -> str:
    """Install the translators for the chosen language; return the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = ui_language(choice)
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    # English needs our .qm too: it holds the plural forms ("1 word", "768 words").
    names = [f"newsroom_{language}.qm"] + ([] if language == "en" else [f"qtbase_{language}.qm"])
    for name in names:
        with contextlib.suppress(NotFoundError):
            _load(app, str(resource_path("translations", name)))
    if language == "en":
        return language
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, f"{qt_dir}/qtbase_{language}.qm")
    return language
