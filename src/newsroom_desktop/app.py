"""The ``newsroom-desktop`` GUI entry point: open the store, show the main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__

APP_NAME = "Newsroom Desktop"
ORGANISATION = "newsroom-desktop"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom-desktop", description="Newsroom Desktop")
    parser.add_argument("--version", action="version", version=f"newsroom-desktop {__version__}")
    parser.add_argument("--store", metavar="S", help="store file or database URL")
    parser.add_argument("--article", metavar="ID", help="open this article")
    parser.add_argument("--screenshot", metavar="FILE", help="render the window once to a PNG and exit")
    parser.add_argument("--lang", choices=("en", "vi"), help="user interface language")
    parser.add_argument("--no-sample", action="store_true", help="do not add the sample newsroom to an empty store")
    # For the start-up benchmark: quit the moment the window has been shown and painted.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Start the app; return its exit code."""
    args, qt_args = build_parser().parse_known_args(argv)
    from PySide6.QtWidgets import QApplication

    from .ui.startup import start

    app = QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    window = start(app, args)
    if window is None:
        return 1
    if args.screenshot:
        return 0 if window.save_screenshot(Path(args.screenshot)) else 1
    if args.exit_when_shown:
        app.processEvents()
        window.repaint()
        sys.stdout.flush()
        os._exit(0)
    return int(app.exec())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
