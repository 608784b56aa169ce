"""Photo originals in the store (content-addressed blobs) for the newsroom server

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

On PostgreSQL every desk must see every photo, so the originals live in the server: one row
per SHA-256, written in the transaction that links the photo (core/blobs.py). A bytea table,
not large objects: a row is dumped by pg_dump with the rest, is reached through plain GRANTs
and row-level security like every other table, and is dropped with its row; large objects
need their own ACLs and unlinking, and outlive their rows. Each desk keeps a cache of the
originals it needed (core/originals.py). SQLite stores keep their originals as files beside
the store, so nothing changes there.

Blobs are content-addressed and shared by every article that uses the photo, so a row never
changes and is never deleted: the triggers below refuse UPDATE, DELETE and TRUNCATE even to the
table's owner. Migration 0004 gives the table to the newsroom's owner role and lets every
signed-in person SELECT and INSERT it, nothing more.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # a store file keeps its originals as files beside it
    op.execute(
        """
        CREATE TABLE photo_blobs (
            sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            size bigint NOT NULL CHECK (size >= 0),
            bytes bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            CHECK (octet_length(bytes) = size),
            -- The server checks the address itself: no login can plant other bytes under a
            -- photo's hash before the photo arrives (every desk would then be sent them).
            CONSTRAINT photo_blobs_address CHECK (sha256 = encode(sha256(bytes), 'hex'))
        )
        """
    )
    # Out of line and uncompressed: photos are compressed already, and substring() then reads
    # only the pages of the chunk a desk downloads, not the whole photo each time.
    op.execute("ALTER TABLE photo_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL")
    op.execute(
        """
        CREATE FUNCTION photo_blobs_unchanging() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog AS $$
        BEGIN
            RAISE EXCEPTION 'photo originals are stored by their SHA-256: they never change '
                            'and are never deleted'
                USING ERRCODE = 'insufficient_privilege', HINT = 'newsroom:blob_kept';
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER photo_blobs_unchanging BEFORE UPDATE OR DELETE ON photo_blobs "
        "FOR EACH ROW EXECUTE FUNCTION photo_blobs_unchanging()"
    )
    op.execute(
        "CREATE TRIGGER photo_blobs_kept BEFORE TRUNCATE ON photo_blobs "
        "FOR EACH STATEMENT EXECUTE FUNCTION photo_blobs_unchanging()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE photo_blobs")
    op.execute("DROP FUNCTION photo_blobs_unchanging()")
