"""Where file dialogs open: the folder last used for that kind of file, else Documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from newsroom_desktop.core.newsroom import config_dir

IMPORT, PHOTOS, EXPORT, CERTIFICATE = "import", "photos", "export", "certificate"


def _state() -> QSettings:
    # Beside the window geometry: where dialogs were last pointed is window state too.
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def documents_folder() -> str:
    """Return the user's documents folder, else their home folder (never the program's)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


def start_folder(kind: str) -> str:
    """Return the folder a dialog for ``kind`` opens in: the last one used, if it still exists."""
    last = _state().value(f"folders/{kind}", "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return last
    return documents_folder()


def remember_folder(kind: str, chosen: str | list[str]) -> None:
    """Remember where the user went for ``kind``: a chosen folder, or the folder of a file."""
    first = chosen[0] if isinstance(chosen, list) else chosen
    if not first:
        return
    path = Path(first)
    folder = path if path.is_dir() else path.parent
    state = _state()
    state.setValue(f"folders/{kind}", str(folder))
    state.sync()
