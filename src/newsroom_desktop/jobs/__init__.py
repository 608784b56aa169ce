"""Batch jobs the CLI and the window both run: import files, export articles; no Qt.

Each job takes the open newsroom, what to work on, its options, and ``progress(done, total,
name)``, which returns False to cancel; it returns a report. The jobs join the format
packages (importers, exporters) to the core through the facade, so those packages stay pure.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], bool]
"""Called with (done, total, name of the file or article); returning False cancels."""
