"""Take a photo file in: refuse what is not a sound image, store the original by SHA-256."""

from __future__ import annotations

import contextlib
import hashlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from newsroom_desktop.core.errors import PhotoError, StoreError
from newsroom_desktop.core.photos.files import fsync_dir, open_temp
from newsroom_desktop.core.photos.formats import extension_for, is_jpeg, open_image, unreadable
from newsroom_desktop.core.photos.imaging import decode, draft
from newsroom_desktop.core.photos.metadata import PhotoMetadata, metadata_from_image
from newsroom_desktop.core.photos.thumbnails import (
    DEFAULT_SIZE,
    check_sha256,
    prepare_decode,
    write_thumbnail,
)

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class IngestedPhoto:
    """A photo taken in: where its unchanged original is stored and what it says about itself."""

    sha256: str
    stored_path: Path
    file_size: int
    original_filename: str
    metadata: PhotoMetadata
    already_stored: bool

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the user should know about the file's metadata: fields cut, XMP left unread."""
        return self.metadata.warnings


def original_path(originals_dir: Path, sha256: str, format: str) -> Path:  # noqa: A002
    """Return where the original with this SHA-256 and Pillow format is stored."""
    check_sha256(sha256)
    return originals_dir / sha256[:2] / f"{sha256}{extension_for(format)}"


def ingest_file(
    path: Path,
    originals_dir: Path,
    *,
    thumbnail_dir: Path | None = None,
    thumbnail_size: int = DEFAULT_SIZE,
) -> IngestedPhoto:
    """Check ``path`` is a sound image, store it unchanged, and return what was stored.

    With ``thumbnail_dir``, the thumbnail is made from the same reduced-scale decode that
    checks the picture, so a camera JPEG is decoded once.
    """
    before = _identity(path)
    with open_image(path) as image:
        metadata = metadata_from_image(image, path)
        # Copy and hash on a second thread while this one decodes: both release the GIL.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="photo-copy") as pool:
            staging = pool.submit(_stage, path, originals_dir)
            try:
                _check_decodes(image, path, thumbnail_size if thumbnail_dir is not None else None)
            except BaseException:
                _abandon(staging)
                raise
            staged = staging.result()
        stored, already = _commit(staged, path, originals_dir, image.format or "", before)
        if thumbnail_dir is not None:
            # The cache can be rebuilt later by make_thumbnail; a full cache disk is no refusal.
            with contextlib.suppress(OSError):
                write_thumbnail(image, staged.sha256, thumbnail_dir, thumbnail_size)
    return IngestedPhoto(
        sha256=staged.sha256,
        stored_path=stored,
        file_size=staged.size,
        original_filename=path.name,
        metadata=metadata,
        already_stored=already,
    )


def _check_decodes(image: Image.Image, path: Path, thumbnail_size: int | None) -> None:
    """Decode the picture, a JPEG at 1/8 scale (cheap), so broken files are refused now."""
    if thumbnail_size is not None:
        prepare_decode(image, thumbnail_size)
    elif is_jpeg(image):
        draft(image, (image.width // 8, image.height // 8))
    decode(image, path)


def _identity(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise unreadable(path, exc) from exc
    return stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True, slots=True)
class _Staged:
    """A hashed copy waiting in the originals folder under a temporary name."""

    tmp: Path
    sha256: str
    size: int
    created_dir: Path | None  # the originals folder, if staging created it


def _stage(path: Path, originals_dir: Path) -> _Staged:
    """Copy ``path`` into a temp file in the originals folder while hashing it."""
    created = None if originals_dir.exists() else originals_dir
    try:
        originals_dir.mkdir(parents=True, exist_ok=True)
        tmp, target = open_temp(originals_dir, "ingest")
    except OSError as exc:
        raise StoreError(f"Cannot write to {originals_dir}: {exc.strerror or exc}") from exc
    try:
        with target:
            sha256, size = _copy_hashing(path, target)
    except BaseException as exc:
        _discard(tmp, created)
        if isinstance(exc, OSError):
            raise StoreError(f"Cannot store {path.name}: {exc.strerror or exc}") from exc
        raise
    return _Staged(tmp, sha256, size, created)


def _abandon(staging: Future[_Staged]) -> None:
    """Wait for a copy whose source was refused, then remove it."""
    try:
        staged = staging.result()
    except Exception:  # the refusal is what the caller reports; the copy cleaned up after itself
        return
    _discard(staged.tmp, staged.created_dir)


def _commit(
    staged: _Staged,
    path: Path,
    originals_dir: Path,
    format: str,  # noqa: A002
    before: tuple[int, int],
) -> tuple[Path, bool]:
    """Move the staged copy to its SHA-256 name; return (path, already stored)."""
    try:
        if _identity(path) != before or staged.size != before[0]:
            raise PhotoError(f"{path.name} changed while it was being imported", code="unreadable")
        dest = original_path(originals_dir, staged.sha256, format)
        if dest.exists():
            staged.tmp.unlink()
            return dest, True
        dest.parent.mkdir(exist_ok=True)
        staged.tmp.replace(dest)
    except BaseException as exc:
        _discard(staged.tmp, staged.created_dir)
        if isinstance(exc, OSError):
            raise StoreError(f"Cannot store {path.name}: {exc.strerror or exc}") from exc
        raise
    fsync_dir(dest.parent)
    return dest, False


def _copy_hashing(path: Path, target: BinaryIO) -> tuple[str, int]:
    """Stream ``path`` into ``target`` in chunks, hashing on the way; fsync the copy."""
    digest = hashlib.sha256()
    size = 0
    buffer = bytearray(_CHUNK)
    view = memoryview(buffer)
    try:
        source = path.open("rb", buffering=0)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    with source:
        while True:
            try:
                count = source.readinto(buffer)
            except OSError as exc:
                raise unreadable(path, exc) from exc
            if not count:
                break
            digest.update(view[:count])
            target.write(view[:count])
            size += count
    target.flush()
    os.fsync(target.fileno())
    return digest.hexdigest(), size


def _discard(tmp: Path, created_dir: Path | None) -> None:
    """Remove a refused copy, and the originals folder if this call created it."""
    with contextlib.suppress(OSError):
        tmp.unlink()
    if created_dir is not None:
        with contextlib.suppress(OSError):
            created_dir.rmdir()
