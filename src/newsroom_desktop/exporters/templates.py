"""Export templates: shipped in resources/templates, overridable per user without code."""

from __future__ import annotations

import string
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.core.paths import config_dir
from newsroom_desktop.core.resources import resource_path

TEMPLATES = "templates"
# Inside batch(): each template's text as first read, so thousands of pages cost one look each.
_BATCH: ContextVar[dict[str, str] | None] = ContextVar("export_templates", default=None)


def template_file(name: str) -> Path:
    """Return the template ``name``: the user's copy in the config folder, else the shipped one."""
    own = config_dir() / TEMPLATES / name
    return own if own.is_file() else resource_path(TEMPLATES, name)


@lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int) -> str:
    # Keyed by modification time, so an edited template is picked up without a restart.
    return path.read_text(encoding="utf-8")


@contextmanager
def batch() -> Iterator[None]:
    """Look for and read each template once for the exports inside, not once a page."""
    token = _BATCH.set({})
    try:
        yield
    finally:
        _BATCH.reset(token)


def template_text(name: str) -> str:
    """Return the text of the template (or stylesheet) ``name``."""
    texts = _BATCH.get()
    if texts is None:
        return _current_text(name)
    text = texts.get(name)
    if text is None:
        text = texts[name] = _current_text(name)
    return text


def _current_text(name: str) -> str:
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
