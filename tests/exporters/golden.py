"""Compare an export with its reference file under tests/reference/ (ids and times ignored).

Set NEWSROOM_UPDATE_REFERENCE=1 to rewrite the reference files from the current output.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.exporters.conftest import REFERENCE, normalise


def assert_matches_reference(text: str, name: str) -> None:
    """Assert ``text`` equals tests/reference/``name`` once ids and timestamps are blanked."""
    path: Path = REFERENCE / name
    if os.environ.get("NEWSROOM_UPDATE_REFERENCE") == "1":
        path.write_text(normalise(text), encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert normalise(text) == expected, f"{name} differs from tests/reference/{name}"
