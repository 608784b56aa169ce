"""Take a photo file in: refuse what is not a sound image, store the original by SHA-256."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import mmap
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
# copy_file_range cannot copy between these files (another file system on an old kernel, a
# special file): they are copied by reading and writing.
_COPY_UNSUPPORTED = frozenset(
    {errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, errno.EINVAL, errno.EBADF, errno.ETXTBSY}
)


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
            # One byte past the file: a file growing meanwhile is refused, not copied on.
            staging = pool.submit(_stage, path, originals_dir, before[0] + 1)
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


def _stage(path: Path, originals_dir: Path, limit: int) -> _Staged:
    """Copy ``path`` into a temp file in the originals folder while hashing it."""
    created = None if originals_dir.exists() else originals_dir
    try:
        originals_dir.mkdir(parents=True, exist_ok=True)
        tmp, target = open_temp(originals_dir, "ingest", readable=True)
    except OSError as exc:
        raise StoreError(f"Cannot write to {originals_dir}: {exc.strerror or exc}") from exc
    try:
        with target:
            sha256, size = _copy_hashing(path, target, limit)
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


def _copy_hashing(path: Path, target: BinaryIO, limit: int | None = None) -> tuple[str, int]:
    """Copy ``path`` into ``target`` (at most ``limit`` bytes), fsync it, and hash the copy.

    The kernel copies where it can (copy_file_range: no pass through this process, a tenth of
    the CPU of reading and writing); the SHA-256 is of the bytes stored, read back mapped.
    """
    try:
        source = path.open("rb", buffering=0)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    with source:
        target.flush()
        size = _copy_in_kernel(source.fileno(), target.fileno(), limit)
        while limit is None or size < limit:  # what the kernel could not copy, through here
            try:
                chunk = source.read(_CHUNK if limit is None else min(_CHUNK, limit - size))
            except OSError as exc:
                raise unreadable(path, exc) from exc
            if not chunk:
                break
            target.write(chunk)
            size += len(chunk)
    target.flush()
    os.fsync(target.fileno())
    return _sha256_of(target.fileno(), size), size


def _copy_in_kernel(source: int, target: int, limit: int | None) -> int:
    """Copy from ``source`` to ``target`` in the kernel; return the bytes copied (0: unsupported).

    Both offsets move on, so a caller finishes what is left (if anything) by reading.
    """
    copy_range = getattr(os, "copy_file_range", None)
    if copy_range is None:
        return 0
    size = 0
    while limit is None or size < limit:
        want = _CHUNK * 64 if limit is None else min(_CHUNK * 64, limit - size)
        try:
            count = copy_range(source, target, want)
        except OSError as exc:
            if exc.errno in _COPY_UNSUPPORTED:
                return size
            raise
        if not count:
            break
        size += count
    return size


def _sha256_of(fd: int, size: int) -> str:
    """Return the SHA-256 of the first ``size`` bytes of an open file, mapped, not copied."""
    digest = hashlib.sha256()
    if size:
        with mmap.mmap(fd, size, access=mmap.ACCESS_READ) as mapped:
            digest.update(mapped)
    return digest.hexdigest()


def _discard(tmp: Path, created_dir: Path | None) -> None:
    """Remove a refused copy, and the originals folder if this call created it."""
    with contextlib.suppress(OSError):
        tmp.unlink()
    if created_dir is not None:
        with contextlib.suppress(OSError):
            created_dir.rmdir()
