"""Render the main window on the sample newsroom at one window size, offscreen, to a PNG.

Called by make-screenshots.sh: ``python docs/window_screenshots.py OUT.png WIDTHxHEIGHT [--notes]``
(run it with ``QT_SCALE_FACTOR=1.5`` for the 150 % picture).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QApplication

from newsroom_desktop.ui.startup import start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("size", help="window size in logical pixels, e.g. 1280x720")
    parser.add_argument("--notes", action="store_true", help="open the Notes panel")
    parser.add_argument("--store", required=True)
    parser.add_argument("--lang", default="vi", choices=("vi", "en"))
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    app = QApplication([sys.argv[0]])
    ns = argparse.Namespace(
        store=args.store,
        article=None,
        screenshot=str(args.out),
        lang=args.lang,
        no_sample=False,
        exit_when_shown=False,
    )
    window = start(app, ns)
    if window is None:
        return 1
    window.resize(width, height)
    if args.notes:
        window.commands["notes"].trigger()
    if not window.save_screenshot(args.out):
        return 1
    # Fewer colours than Qt writes, none a reader can tell apart: keeps each file small.
    with Image.open(args.out) as image:
        small = image.convert("RGB").quantize(256, dither=Image.Dither.NONE)
    small.save(args.out, optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
