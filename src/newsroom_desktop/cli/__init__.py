"""The ``newsroom`` command: the core, importers and exporters from a terminal."""

from __future__ import annotations

from .main import main

__all__ = ["main"]
