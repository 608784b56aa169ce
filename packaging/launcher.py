"""Frozen entry point: start the window or the command line, by the executable's own name."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    """Run ``newsroom-desktop`` or ``newsroom``, whichever executable this process is."""
    # Both executables of the folder share this script and one set of libraries (busybox-style):
    # a second Analysis would double the build time and the size of the bundle.
    if sys.argv[1:2] == ["--newsroom-photo-worker"]:  # a photo batch's helper (worker.WORKER_FLAG)
        from newsroom_desktop.core.photos.worker import main as work

        work()
        return 0
    if Path(sys.executable).stem.lower().startswith("newsroom-desktop"):
        from newsroom_desktop.app import main as run
    else:
        from newsroom_desktop.cli import main as run
    return run()


if __name__ == "__main__":
    sys.exit(main())
