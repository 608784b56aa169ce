"""Settings: one typed dataclass with defaults, kept as JSON in the user config folder."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from newsroom_desktop.core.paths import config_dir

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Settings:
    """The user's preferences; window geometry lives in QSettings, not here."""

    profile_name: str = ""
    profile_role: str = "reporter"
    timezone: str = "Asia/Ho_Chi_Minh"
    ui_language: str = ""  # "" follows the system locale; "vi" or "en"
    autosave_seconds: float = 2.0
    rendition_max_side: int = 1600
    rendition_quality: int = 85
    # Photos narrower than this are flagged as too small for the web (0: never).
    min_photo_width: int = 1200
    backups_keep: int = 10
    last_export_format: str = "html"
    last_export_dir: str = ""
    # Markdown exports repeat the lead as the body's first paragraph (themes ignore summary).
    markdown_lead_in_body: bool = True
    # The newsroom server the window connects to at start ("" = the store on this computer);
    # a URL without its password, which lives in the system keyring.
    server_url: str = ""
    # A desk joined to a server holds its person's articles and the newest this many days.
    sync_days: int = 14

    def updated(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def settings_path(folder: Path | None = None) -> Path:
    return (folder or config_dir()) / SETTINGS_FILE


def load_settings(folder: Path | None = None) -> Settings:
    """Read settings, ignoring unknown keys and falling back to defaults on a damaged file."""
    path = settings_path(folder)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    known = {}
    for f in fields(Settings):
        if f.name in raw and isinstance(raw[f.name], type(getattr(defaults, f.name))):
            known[f.name] = raw[f.name]
    return Settings(**known)


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    """Write settings atomically."""
    path = settings_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(settings), handle, ensure_ascii=False, indent=2)
    Path(tmp).replace(path)
