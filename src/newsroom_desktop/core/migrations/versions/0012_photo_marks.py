"""Photo marks for picking on the photo desk: a rating (0 to 5 stars) and a colour label

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

Three columns on ``photos``, so the marks live with the photo itself: on a newsroom server
every desk sees the same picks (staff may already change ``photos``, 0004), a photo a desk
sends or fetches carries its marks with its other columns, and ``marked_at`` orders marks
made on several desks: on a server the server's time of the last mark, on a desk the time of
a mark not sent yet (core/sync_marks.py). Defaults fill the existing rows. Plain
ADD COLUMN with a server default works on SQLite and PostgreSQL alike; the downgrade drops
them in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("photos", sa.Column("rating", sa.Integer(), nullable=False, server_default="0"))
    op.add_column(
        "photos",
        sa.Column("color_label", sa.String(length=16), nullable=False, server_default=""),
    )
    op.add_column("photos", sa.Column("marked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # Plain SQL on both (SQLite 3.35+ drops a column in place): a batch would rebuild
    # ``photos``, which SQLite refuses while article_photos' foreign key points at it.
    for column in ("marked_at", "color_label", "rating"):
        op.execute(f"ALTER TABLE photos DROP COLUMN {column}")
