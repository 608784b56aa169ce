"""The newsroom server's people, roles, row-level security, workflow functions and audit

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder, filled in by the security helper: nothing changes yet on either dialect


def downgrade() -> None:
    pass
