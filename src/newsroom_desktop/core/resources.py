"""Find the files shipped in resources/: templates, fonts, samples, in a checkout or a wheel."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from newsroom_desktop.core.errors import NotFoundError

_PACKAGE = Path(__file__).resolve().parents[1]


def _candidates() -> list[Path]:
    # A wheel force-includes resources/ as newsroom_desktop/resources; an editable install
    # reads the repository's resources/ two levels above the package; a PyInstaller bundle
    # unpacks next to sys._MEIPASS.
    found = [_PACKAGE / "resources", _PACKAGE.parents[1] / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found += [Path(bundle) / "newsroom_desktop" / "resources", Path(bundle) / "resources"]
    return found


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """Return the folder holding the shipped resources."""
    for folder in _candidates():
        if (folder / "templates").is_dir():
            return folder
    raise NotFoundError("The resources folder of Newsroom Desktop is missing from this install.")


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource: ``resource_path("fonts", "NotoSans-Bold.ttf")``."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise NotFoundError(f"The resource {'/'.join(parts)} is missing from this install.")
    return path
