"""A photo use keeps its crop recipe: crop, quarter turns and straightening for the web

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

``article_photos.recipe`` holds the recipe as compact JSON (core/photos/recipe.py), "" for a
photo shown whole. It lives on the use, so one photo can be cropped one way in one article and
another way in the next; the original is never changed. The column travels with the use: in
revisions' photo snapshots and through sync, on a store file and on a newsroom server alike.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "article_photos",
        sa.Column("recipe", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    # Plain SQL on both: SQLite (3.35+) and PostgreSQL drop a column in place, keeping the
    # table's triggers and policies.
    op.execute("ALTER TABLE article_photos DROP COLUMN recipe")
