"""The registry: every format by name, PDF's Qt imported only when PDF is used."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.exporters import registry

FORMATS = ("html", "fragment", "md", "txt", "newsml", "nitf", "ninjs", "docx", "pdf", "package")


def test_every_format_is_registered_with_its_exporter():
    assert registry.names() == FORMATS
    for name in FORMATS:
        exporter = registry.get(name)
        assert exporter.name == name
        assert exporter.label == registry.FORMATS[name].label


def test_unknown_format():
    with pytest.raises(ExportFailedError, match="use one of html, fragment"):
        registry.get("odt")


def test_qt_is_imported_only_for_pdf():
    code = (
        "import sys\n"
        "from newsroom_desktop.exporters import registry\n"
        "from newsroom_desktop.jobs import exports\n"
        "for name in registry.names():\n"
        "    if name != 'pdf':\n"
        "        registry.get(name)\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt without PDF'\n"
        "registry.get('pdf')\n"
        "assert 'PySide6.QtGui' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
