"""Decode part of a JPEG with libjpeg-turbo's djpeg: only the crop's pixels, at a reduced scale.

Pillow decodes every pixel of a JPEG. djpeg (Debian's libjpeg-turbo-progs) skips the rows
above and below a crop without their IDCT and leaves out the columns beside it, so a face
cut out of a 24 MP frame decodes in half the time. Only full-scale decodes take this way.
Where djpeg is missing, or cannot read a file as plain RGB, the caller decodes with Pillow as
before: this is only ever a shortcut.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

from newsroom_desktop.core.photos.formats import is_jpeg

# Decoded pixels kept around the region: the reach of the widest resize filter we use
# (Lanczos, 3 px at up to a 3× reduction) and the rounding of the straightening bounds.
MARGIN = 16
# A region this big a share of the picture is decoded whole: the pipe would save nothing.
_WHOLE_SHARE = 0.8
_TIMEOUT_SECONDS = 60
_SCALES = (8, 4, 2, 1)


@dataclass(frozen=True, slots=True)
class Region:
    """Pixels decoded from part of a picture, and where they lie in it at the decode scale."""

    pixels: Image.Image
    full: tuple[int, int]  # the whole stored picture's size at the decode scale
    origin: tuple[int, int]  # the pixels' top left corner in it


@lru_cache(maxsize=1)
def djpeg_path() -> str | None:
    """Return the djpeg program, or None when libjpeg-turbo's tools are not installed."""
    return shutil.which("djpeg")


def decode_scale(size: tuple[int, int], at_least: tuple[int, int]) -> int:
    """Return the JPEG scale divisor (1, 2, 4, 8) keeping ``size`` at least ``at_least``."""
    fits = min(size[0] // max(1, at_least[0]), size[1] // max(1, at_least[1]))
    return next((s for s in _SCALES if fits >= s), 1)


def decode_region(
    image: Image.Image,
    path: Path,
    need: tuple[float, float, float, float],
    at_least: tuple[int, int],
) -> Region | None:
    """Return the ``need`` box (in stored pixels) of an RGB JPEG, or None to decode it whole.

    The scale is Pillow's draft choice for ``at_least``; the decode uses the fast IDCT and
    plain chroma upsampling, as ``imaging.draft(fast=True)`` asks of Pillow.
    """
    exe = djpeg_path()
    layers = getattr(image, "layer", None)
    if exe is None or not is_jpeg(image) or image.mode != "RGB" or not layers:
        return None
    scale = decode_scale(image.size, at_least)
    if scale != 1:
        # At 1/2 scale and below libjpeg's IDCT is cheap and the decode is mostly Huffman,
        # which djpeg reads all the same: through the pipe it was slower (bench_crop.py).
        return None
    full = (math.ceil(image.width / scale), math.ceil(image.height / scale))
    # djpeg moves a crop's left edge to an iMCU column; start on one so the edge stays put.
    column = max(layer[1] for layer in layers) * 8 // scale
    left = max(0, math.floor(need[0] / scale) - MARGIN)
    left -= left % max(1, column)
    top = max(0, math.floor(need[1] / scale) - MARGIN)
    right = min(full[0], math.ceil(need[2] / scale) + MARGIN)
    bottom = min(full[1], math.ceil(need[3] / scale) + MARGIN)
    width, height = right - left, bottom - top
    if width < 1 or height < 1 or width * height > _WHOLE_SHARE * full[0] * full[1]:
        return None
    pixels = _run(exe, path, scale, (left, top, width, height))
    if pixels is None:
        return None
    return Region(pixels=pixels, full=full, origin=(left, top))


def _run(exe: str, path: Path, scale: int, crop: tuple[int, int, int, int]) -> Image.Image | None:
    left, top, width, height = crop
    command = [exe, "-dct", "fast", "-nosmooth", "-scale", f"1/{scale}"]
    command += ["-crop", f"{width}x{height}+{left}+{top}", "-ppm"]
    try:
        # The file comes in on stdin: no file name is ever read as one of djpeg's options.
        with path.open("rb") as source:
            done = subprocess.run(
                command, stdin=source, capture_output=True, timeout=_TIMEOUT_SECONDS, check=False
            )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:  # warnings too (damaged data): Pillow decides and explains
        return None
    return _ppm(done.stdout, (width, height))


def _ppm(data: bytes, size: tuple[int, int]) -> Image.Image | None:
    """Return the pixels of a binary PPM of exactly ``size``, or None for anything else."""
    fields = data[:64].split(maxsplit=4)
    expected = [b"P6", str(size[0]).encode(), str(size[1]).encode(), b"255"]
    if len(fields) < 5 or fields[:4] != expected:
        return None
    start = len(b" ".join(expected)) + 1  # djpeg writes the header with single separators
    body = data[start:]
    if len(body) != size[0] * size[1] * 3 or data[start - 1 : start] not in (b"\n", b" "):
        return None
    return Image.frombytes("RGB", size, body)
