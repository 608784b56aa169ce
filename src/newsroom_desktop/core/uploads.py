"""Photo originals sent to the newsroom server once, by SHA-256, in chunks that resume.

Each chunk is its own transaction (``photo_upload_parts``, migration 0005): a line cut after
three chunks of ten sends seven next time. The last transaction joins the chunks into
``photo_blobs`` only if the server's own SHA-256 of them is the one announced, then drops them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from newsroom_desktop.core import blobs
from newsroom_desktop.core.errors import PhotoError, StoreError
from newsroom_desktop.core.store import Store

UPLOAD_CHUNK_BYTES = 1 << 20
Sent = Callable[[int, int], None]  # bytes on the server so far, the whole size


def _hash_file(path: Path, size: int) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        left = size
        while left > 0:
            chunk = stream.read(min(UPLOAD_CHUNK_BYTES, left))
            if not chunk:
                break
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def _resume_at(server: Store, sha256: str) -> int:
    with server.read() as session:
        return int(
            session.scalar(
                text(
                    'SELECT coalesce(max("offset" + length(bytes)), 0) FROM photo_upload_parts '
                    "WHERE sha256 = :sha"
                ),
                {"sha": sha256},
            )
            or 0
        )


def upload_original(
    server: Store,
    sha256: str,
    path: Path,
    *,
    chunk_bytes: int = UPLOAD_CHUNK_BYTES,
    sent: Sent | None = None,
) -> int:
    """Send the original at ``path`` unless the server has it; return the bytes sent now."""
    with server.read() as session:
        if blobs.has_blob(session, sha256):
            return 0
    size = path.stat().st_size
    if size > blobs.MAX_BLOB_BYTES:
        raise PhotoError(
            f"{path.name} is larger than {blobs.MAX_BLOB_BYTES >> 20} MB, the most a newsroom "
            "server keeps for one photo.",
            code="too_large",
        )
    if _hash_file(path, size) != sha256:
        raise StoreError(
            f"The photo {path.name} changed on this desk before it reached the server; add it "
            "again.",
            code="original_changed",
        )
    start = _resume_at(server, sha256)
    with path.open("rb") as stream:
        stream.seek(start)
        offset = start
        while offset < size:
            chunk = stream.read(min(chunk_bytes, size - offset))
            with server.write() as session:
                session.execute(
                    text(
                        'INSERT INTO photo_upload_parts (sha256, "offset", bytes) '
                        "VALUES (:sha, :offset, :bytes) ON CONFLICT DO NOTHING"
                    ),
                    {"sha": sha256, "offset": offset, "bytes": chunk},
                )
            offset += len(chunk)
            if sent:
                sent(offset, size)
    _join(server, sha256, size)
    return size - start


def _join(server: Store, sha256: str, size: int) -> None:
    """Make the chunks one original if they hash right; drop them either way."""
    with server.write() as session:
        joined = session.execute(
            text(
                "INSERT INTO photo_blobs (sha256, size, bytes) "
                "SELECT :sha, sum(length(bytes)), string_agg(bytes, ''::bytea ORDER BY \"offset\") "
                "FROM photo_upload_parts WHERE sha256 = :sha "
                "HAVING encode(sha256(string_agg(bytes, ''::bytea ORDER BY \"offset\")), 'hex') "
                "= :sha AND sum(length(bytes)) = :size "
                "ON CONFLICT DO NOTHING RETURNING sha256"
            ),
            {"sha": sha256, "size": size},
        ).first()
        session.execute(text("DELETE FROM photo_upload_parts WHERE sha256 = :sha"), {"sha": sha256})
        kept = joined is not None or blobs.has_blob(session, sha256)
    if not kept:  # the damaged chunks are gone (committed): the next sync starts afresh
        raise StoreError(
            f"The photo {sha256[:12]} arrived damaged on the server (its SHA-256 differs); "
            "the next sync sends it again.",
            code="original_damaged",
        )
