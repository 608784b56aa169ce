"""The newsroom's own dictionary and its house style, in the store so that every desk shares them

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

Both dialects: ``newsroom_words`` (the words spell check accepts besides the dictionary: names
of people, places, organisations) and ``house_settings`` (the house style's choices by name:
tone-mark placement, quotes, "TP.HCM", date shape, lead limit, rules switched off).

PostgreSQL: both tables belong to the newsroom's owner role (0004). Every person may read
both and add or remove words; only editors (and admins) change the house style, a row-level
policy says so whatever client writes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

POLICIES = """
ALTER TABLE house_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY newsroom_read ON house_settings FOR SELECT USING (true);
CREATE POLICY newsroom_write ON house_settings FOR ALL
  USING (newsroom_is_editor()) WITH CHECK (newsroom_is_editor());
"""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def upgrade() -> None:
    op.create_table(
        "newsroom_words",
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_newsroom_words")),
    )
    op.create_table(
        "house_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_house_settings")),
    )
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    owner, staff = (
        _q(name)
        for name in conn.execute(
            sa.text("SELECT newsroom_owner_role(), newsroom_staff_role()")
        ).one()
    )
    for table in ("newsroom_words", "house_settings"):
        op.execute(f"ALTER TABLE {table} OWNER TO {owner}")
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {staff}")
    op.execute(POLICIES)


def downgrade() -> None:
    op.drop_table("house_settings")
    op.drop_table("newsroom_words")
