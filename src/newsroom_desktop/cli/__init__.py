"""The ``newsroom`` command: the core, importers and exporters from a terminal."""

from __future__ import annotations

from newsroom_desktop.cli.main import main

__all__ = ["main"]
