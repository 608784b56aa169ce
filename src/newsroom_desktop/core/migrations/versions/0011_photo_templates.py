"""Caption templates, the code replacement roster, and where a photo was taken

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

``photo_templates`` keeps the newsroom's named caption templates (their fields as JSON, see
core/photo_templates.py) and ``code_replacements`` the roster of codes an editor types as
``=code=`` in a caption (core/code_replace.py); both live in the store so that a newsroom
server shares them with every desk. ``photos.city`` is the IPTC City a template's ``{city}``
fills in. On PostgreSQL the new tables go to the newsroom's owner role like every other table;
0004's default privileges let every signed-in person read and change them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TABLES = ("photo_templates", "code_replacements")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def upgrade() -> None:
    op.create_table(
        "photo_templates",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("fields_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_photo_templates_name")),
    )
    op.create_table(
        "code_replacements",
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("replacements_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_code_replacements")),
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("city", sa.String(length=200), nullable=False, server_default="")
        )
    if op.get_bind().dialect.name == "postgresql":
        owner = op.get_bind().execute(sa.text("SELECT newsroom_owner_role()")).scalar_one()
        for table in TABLES:
            op.execute(f"ALTER TABLE {table} OWNER TO {_q(owner)}")


def downgrade() -> None:
    # Plain SQL on both (SQLite 3.35+ drops a column in place): a batch would rebuild
    # ``photos``, which SQLite refuses while article_photos' foreign key points at it.
    op.execute("ALTER TABLE photos DROP COLUMN city")
    for table in reversed(TABLES):
        op.drop_table(table)
