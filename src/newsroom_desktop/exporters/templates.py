"""Export templates: shipped in resources/templates, overridable per user without code."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.core.paths import config_dir
from newsroom_desktop.core.resources import resource_path

TEMPLATES = "templates"


def template_file(name: str) -> Path:
    """Return the template ``name``: the user's copy in the config folder, else the shipped one."""
    own = config_dir() / TEMPLATES / name
    return own if own.is_file() else resource_path(TEMPLATES, name)


@lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int) -> str:
    # Keyed by modification time, so an edited template is picked up without a restart.
    return path.read_text(encoding="utf-8")


def template_text(name: str) -> str:
    """Return the text of the template (or stylesheet) ``name``."""
    path = template_file(name)
    try:
        return _read(path, path.stat().st_mtime_ns)
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportFailedError(f"Cannot read the export template {path}: {exc}.") from exc


@lru_cache(maxsize=64)
def _compiled(text: str) -> string.Template:
    return string.Template(text)


def fill(name: str, values: dict[str, str]) -> str:
    """Fill ``$name`` fields of a template with values the caller has already escaped."""
    try:
        return _compiled(template_text(name)).substitute(values)
    except KeyError as exc:
        raise ExportFailedError(
            f"The export template {name} uses ${exc.args[0]}, which exports do not provide."
        ) from exc
    except ValueError as exc:
        raise ExportFailedError(f"The export template {name} is malformed: {exc}.") from exc
