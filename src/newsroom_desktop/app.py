"""The ``newsroom-desktop`` GUI entry point: open the store, show the main window."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsroom_desktop import __version__, trace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

APP_NAME = "Newsroom Desktop"
ORGANISATION = "newsroom-desktop"
DESKTOP_ID = "io.github.newsroom_desktop.NewsroomDesktop"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom-desktop", description="Newsroom Desktop")
    parser.add_argument("--version", action="version", version=f"newsroom-desktop {__version__}")
    parser.add_argument("--store", metavar="S", help="store file or database URL")
    parser.add_argument("--article", metavar="ID", help="open this article")
    parser.add_argument(
        "--screenshot", metavar="FILE", help="render the window once to a PNG and exit"
    )
    parser.add_argument("--lang", choices=("en", "vi"), help="user interface language")
    parser.add_argument(
        "--no-sample", action="store_true", help="do not add the sample newsroom to an empty store"
    )
    # For the start-up benchmark: quit the moment the window has been shown and painted.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    # For packaging tests: report the shipped files (JSON) and exit 1 if any is missing.
    parser.add_argument("--check-resources", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Start the app; return its exit code."""
    trace.mark("Python started")
    args, qt_args = build_parser().parse_known_args(argv)
    # Start-up allocates hundreds of thousands of objects (Qt, SQLAlchemy) that live as long
    # as the app: cyclic collections during it are pure cost. Collect normally once shown.
    gc.disable()
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - lazy, for start-up time

    trace.mark("Qt loaded")
    app = QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Matches packaging/<id>.desktop: Wayland and the docks find the entry and icon by this name.
    app.setDesktopFileName(DESKTOP_ID)
    trace.mark("QApplication made")
    if args.check_resources:
        from newsroom_desktop.ui.bundle import check_resources  # noqa: PLC0415 - lazy, for start-up time

        return check_resources()
    if not (args.screenshot or args.exit_when_shown):
        return _run_shown_first(app, args)
    from newsroom_desktop.ui.startup import start  # noqa: PLC0415 - lazy, for start-up time

    _set_icon(app)
    window = start(app, args)
    gc.freeze()
    gc.enable()
    if window is None:
        return 1
    if args.screenshot:
        return 0 if window.save_screenshot(Path(args.screenshot)) else 1
    if args.exit_when_shown:
        window.repaint()
        sys.stdout.flush()
        os._exit(0)
    return int(app.exec())


def _set_icon(app: QApplication) -> None:
    from newsroom_desktop.ui.bundle import app_icon  # noqa: PLC0415 - lazy, for start-up time

    app.setWindowIcon(app_icon())


def _run_shown_first(app: QApplication, args: argparse.Namespace) -> int:
    """Show the window at once, fill it, run the app; return its exit code."""
    from newsroom_desktop.ui.startup import start_shown_first  # noqa: PLC0415 - lazy, for start-up time

    trace.mark("start-up module loaded")

    def settled() -> None:
        _set_icon(app)  # nine PNG sizes and an SVG: once the window is filled
        gc.freeze()
        gc.enable()

    # Held here while the app runs: nothing else keeps the top-level window alive.
    frame = start_shown_first(app, args, on_filled=settled)
    if frame is None:
        return 1
    code = int(app.exec())
    del frame
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
