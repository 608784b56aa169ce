"""Photo originals in the store (content-addressed blobs) for the newsroom server

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder, filled in by the photo-blobs helper: nothing changes yet on either dialect


def downgrade() -> None:
    pass
