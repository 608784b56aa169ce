"""Find the photo files in a folder and below (a camera card), bounded, inside the folder only.

A card holds a few thousand frames in a few folders (DCIM/100CANON, …). The walk is bounded
three ways: at most ``MAX_FILES`` photos, ``MAX_DEPTH`` folder levels and ``MAX_ENTRIES``
directory entries looked at, so a folder picked by mistake (a home folder, a disk) ends
quickly with what it found and says how much it left. Symbolic links are never followed out of
the chosen folder: a linked file or folder counts only if it resolves inside it, and linked
folders are never walked (no loops).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from newsroom_desktop.core.errors import PhotoError

MAX_FILES = 10_000
MAX_DEPTH = 8
MAX_ENTRIES = 200_000
# Files taken in (and recorded) at once: a cancel keeps every chunk recorded before it.
IMPORT_CHUNK = 48
PHOTO_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif", ".gif"}
)


@dataclass(frozen=True, slots=True)
class FolderPhotos:
    """The photo files found, in name order, and how many were left out (limits, links out)."""

    files: tuple[Path, ...]
    skipped: int


def photo_files(folder: Path) -> FolderPhotos:
    """Return the photo files in ``folder`` and its sub-folders, by path, within the limits."""
    try:
        root = folder.resolve(strict=True)
    except OSError as exc:
        raise PhotoError(f"Cannot open the folder {folder}: {exc.strerror or exc}") from exc
    if not root.is_dir():
        raise PhotoError(f"{folder} is not a folder.", code="invalid")
    found: list[Path] = []
    skipped = 0
    seen = 0
    stack: list[tuple[Path, int]] = [(root, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError:
            skipped += 1
            continue
        below: list[tuple[Path, int]] = []
        for entry in listed:
            seen += 1
            if seen > MAX_ENTRIES:
                return FolderPhotos(tuple(sorted(found)), skipped + 1)
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if depth + 1 < MAX_DEPTH and not entry.name.startswith("."):
                    below.append((path, depth + 1))
                elif depth + 1 >= MAX_DEPTH:
                    skipped += 1
                continue
            if path.suffix.lower() not in PHOTO_SUFFIXES or entry.name.startswith("._"):
                continue  # "._x.jpg": macOS resource forks on a FAT card
            if entry.is_symlink() and not _inside(path, root):
                skipped += 1
                continue
            if not entry.is_file():
                continue
            if len(found) >= MAX_FILES:
                skipped += 1
                continue
            found.append(path)
        stack.extend(reversed(below))
    return FolderPhotos(tuple(sorted(found)), skipped)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except OSError:
        return False
