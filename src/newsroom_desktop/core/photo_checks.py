"""Checks on the photos of an article: missing caption, credit, alt text or file; too narrow
(after its crop); the same photo shown twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.originals import local_original
from newsroom_desktop.core.text import fold

MISSING_CAPTION = "missing_caption"
MISSING_CREDIT = "missing_credit"
MISSING_ALT = "missing_alt"
ALT_REPEATS_CAPTION = "alt_repeats_caption"
MISSING_FILE = "missing_file"
TOO_NARROW = "too_narrow"
REPEATED = "repeated_photo"


@dataclass(frozen=True)
class PhotoWarning:
    """One problem with one photo use, by stable code."""

    use_id: str
    code: str
    message: str


def _same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(fold(s).replace(".", " ").split())

    return bool(a.strip()) and norm(a) == norm(b)


def shown_width(use: PhotoUse) -> int:
    """Return how wide the photo is as it shows (EXIF orientation, then its crop); 0 if unknown."""
    return use.final_size[0]


def repeated_uses(uses: Sequence[PhotoUse], placed: Sequence[str] = ()) -> frozenset[str]:
    """Return the ids of the uses that show a photo the article shows elsewhere too.

    The same file in two uses counts (by SHA-256), and so does one use placed twice in the body
    (``placed`` lists the body's figures in order).
    """
    files = Counter(use.sha256 for use in uses if use.sha256)
    twice = {use_id for use_id, count in Counter(placed).items() if count > 1}
    return frozenset(use.id for use in uses if files[use.sha256] > 1 or use.id in twice)


def too_narrow(use: PhotoUse, min_width: int) -> bool:
    """Tell whether the photo is narrower than ``min_width`` pixels (0: no minimum)."""
    width = shown_width(use)
    return use.photo_id is not None and min_width > 0 and 0 < width < min_width


def use_warnings(
    use: PhotoUse, min_width: int = 0, *, repeated: bool = False
) -> list[PhotoWarning]:
    """Return the warnings for one photo use (with ``min_width``, a too narrow photo too;
    ``repeated`` when the article shows the same photo elsewhere too, see repeated_uses)."""
    found = []
    if too_narrow(use, min_width):
        cropped = " once cropped" if use.recipe is not None else ""
        found.append(
            PhotoWarning(
                use.id,
                TOO_NARROW,
                f"The photo is only {shown_width(use)} px wide{cropped}; the web needs at least "
                f"{min_width} px.",
            )
        )
    if repeated:
        found.append(PhotoWarning(use.id, REPEATED, "The article shows this photo more than once."))
    if use.photo_id is None:
        found.append(PhotoWarning(use.id, MISSING_FILE, "The figure has no photo file yet."))
    if not use.caption.strip():
        found.append(PhotoWarning(use.id, MISSING_CAPTION, "The photo has no caption."))
    if not use.credit.strip():
        found.append(PhotoWarning(use.id, MISSING_CREDIT, "The photo has no credit."))
    if not use.alt_text.strip():
        found.append(PhotoWarning(use.id, MISSING_ALT, "The photo has no alt text."))
    elif _same_text(use.alt_text, use.caption):
        found.append(
            PhotoWarning(
                use.id,
                ALT_REPEATS_CAPTION,
                "The alt text only repeats the caption; describe what the photo shows.",
            )
        )
    return found


def original_file(use: PhotoUse) -> Path:
    """Return the original file of a photo use; PhotoError("original_missing") if it is gone.

    The one answer to "where is the original": on a newsroom server it is fetched into this
    desk's cache first (and checked), so exporters and thumbnails read a local file either way.
    """
    if use.file is None:
        raise PhotoError("The figure has no photo file yet.", code="no_file")
    if not local_original(use.file, use.sha256).is_file():
        name = use.original_filename or use.sha256[:12]
        raise PhotoError(
            f"The original of photo {name} is missing from {use.file.parent}; restore the "
            "originals folder from a backup.",
            code="original_missing",
        )
    return use.file
