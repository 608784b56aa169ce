"""Server search (folded, ranked) and change notices for open windows

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder, filled in by the search-and-notices helper: nothing changes yet on either dialect


def downgrade() -> None:
    pass
