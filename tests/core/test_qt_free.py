"""The core never imports Qt: each module of core/, importers/, exporters/, jobs/ is checked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import newsroom_desktop

PACKAGE_DIR = Path(newsroom_desktop.__file__).parent
QT_FREE = ("core", "importers", "exporters", "jobs", "cli")
ALLOWED_QT = {"newsroom_desktop.exporters.pdf"}


def _modules() -> list[str]:
    names = ["newsroom_desktop"]
    for sub in QT_FREE:
        names.append(f"newsroom_desktop.{sub}")
        for info in pkgutil.walk_packages([str(PACKAGE_DIR / sub)], f"newsroom_desktop.{sub}."):
            if info.name not in ALLOWED_QT and ".migrations." not in info.name:
                names.append(info.name)
    return names


def test_core_modules_found():
    names = _modules()
    assert "newsroom_desktop.core.store" in names
    assert "newsroom_desktop.core.articles" in names


def test_no_core_module_pulls_in_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "    bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "    if bad:\n"
        "        print(name, bad); sys.exit(1)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
