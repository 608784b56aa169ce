"""Photo originals stored in the newsroom server: one bytea row per SHA-256 (migration 0003)."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    LargeBinary,
    MetaData,
    Table,
    Text,
    func,
    select,
)
from sqlalchemy.orm import Session

from newsroom_desktop.core.errors import PhotoError, StoreError
from newsroom_desktop.core.photos.files import fsync_dir, open_temp

# An upload is one bytea value, so it is held in memory once: this bounds that memory. A press
# JPEG is 5-40 MB and a layered TIFF rarely 200 MB; only an uncompressed 16-bit TIFF near
# Pillow's pixel cap (89 Mpx, 537 MB) goes over, and is refused on a server (files beside a
# store file have no such cap). Downloads stream a chunk at a time whatever the size.
MAX_BLOB_BYTES = 256 << 20
CHUNK_BYTES = 4 << 20

# Its own metadata, not the models': the table exists on PostgreSQL only, and the schema check
# of a store file compares its tables with the models'.
photo_blobs = Table(
    "photo_blobs",
    MetaData(),
    Column("sha256", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("bytes", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)


def in_server(session: Session) -> bool:
    """Tell whether ``session`` works on a newsroom server (originals in the database)."""
    return session.get_bind().dialect.name == "postgresql"


def has_blob(session: Session, sha256: str) -> bool:
    """Tell whether the server holds the original with this SHA-256."""
    found = session.scalar(select(photo_blobs.c.size).where(photo_blobs.c.sha256 == sha256))
    return found is not None


def put_blob(session: Session, sha256: str, path: Path) -> None:
    """Store the original at ``path`` under its SHA-256 in the caller's transaction, once.

    Nothing is sent when the server has it already; two desks storing the same photo at once
    both succeed (ON CONFLICT DO NOTHING) and it is kept once. The file is hashed again on the
    way in: a content-addressed store must never hold other bytes under a hash.
    """
    if has_blob(session, sha256):
        return
    data = _read_capped(path)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise StoreError(
            f"The photo {path.name} changed on this desk before it reached the server; add it "
            "again.",
            code="original_changed",
        )
    # PostgreSQL's dialect (with its async drivers and asyncio) loads only on a server.
    from sqlalchemy.dialects.postgresql import insert  # noqa: PLC0415 - lazy, for start-up time

    stmt = insert(photo_blobs).values(sha256=sha256, size=len(data), bytes=data)
    session.execute(stmt.on_conflict_do_nothing(index_elements=["sha256"]))


def _read_capped(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            # read(n) sets n bytes aside first: ask for the file's size, not for the cap.
            size = os.fstat(stream.fileno()).st_size
            data = stream.read(size + 1) if size <= MAX_BLOB_BYTES else b""
    except OSError as exc:
        raise StoreError(
            f"Cannot read the photo {path.name}: {exc.strerror or exc}", code="store_io"
        ) from exc
    if size > MAX_BLOB_BYTES or len(data) > MAX_BLOB_BYTES:
        raise PhotoError(
            f"{path.name} is larger than {MAX_BLOB_BYTES >> 20} MB, the most a newsroom server "
            "keeps for one photo; save it as a JPEG or a compressed TIFF first.",
            code="too_large",
        )
    return data


def download_blob(session: Session, sha256: str, dest: Path) -> None:
    """Write the server's original with this SHA-256 to ``dest``, a chunk at a time, checked.

    The copy is hashed on the way and only renamed to ``dest`` when the hash matches, so
    ``dest`` is the whole original or nothing. Raises PhotoError("original_missing") when the
    server does not hold it.
    """
    size = session.scalar(select(photo_blobs.c.size).where(photo_blobs.c.sha256 == sha256))
    if size is None:
        raise PhotoError(
            f"The original of photo {sha256[:12]} is not on the newsroom server.",
            code="original_missing",
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp, stream = open_temp(dest.parent, "fetch")
    try:
        with stream:
            digest = _copy_chunks(session, sha256, int(size), stream)
            stream.flush()
            os.fsync(stream.fileno())
        if digest != sha256:
            raise StoreError(
                f"The newsroom server sent photo {sha256[:12]} damaged (its SHA-256 differs); "
                "it was not kept. Try again, or ask the newsroom's administrator.",
                code="original_damaged",
            )
        tmp.replace(dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(dest.parent)


def _copy_chunks(session: Session, sha256: str, size: int, stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    column = photo_blobs.c.bytes
    for start in range(0, size, CHUNK_BYTES):
        # substring() counts from 1; with EXTERNAL storage it reads only this chunk's pages.
        chunk = session.scalar(
            select(func.substring(column, start + 1, CHUNK_BYTES)).where(
                photo_blobs.c.sha256 == sha256
            )
        )
        data = bytes(chunk or b"")
        digest.update(data)
        stream.write(data)
    return digest.hexdigest()
