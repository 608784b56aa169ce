"""Export commands: newsroom export ID... --format F --out DIR."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this module's subcommands (none yet)."""
