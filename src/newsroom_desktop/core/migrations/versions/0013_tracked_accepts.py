"""Tracked changes someone accepted, so that they stop showing in the editor

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

Both dialects: ``tracked_accepts``, one row per accepted change of an article against one
submitted revision (its field, kind, offset in the submitted text and text). Rejecting needs
no record: it changes the body itself.

PostgreSQL: everyone signed in reads the rows; a person adds rows only under their own id and
never changes or removes one. The table belongs to the newsroom's owner role, as 0005's do,
and a new row logs its article in ``sync_log`` (0005's trigger), so that desks receive it.
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLE = "tracked_accepts"
LOG_FUNCTION = f"newsroom_log_{TABLE}()"
_POLICIES = (
    f"ALTER TABLE {TABLE} ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY newsroom_read ON {TABLE} FOR SELECT USING (true)",
    f"CREATE POLICY newsroom_add ON {TABLE} FOR INSERT WITH CHECK (author_id = newsroom_my_id())",
)


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("base_revision_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("base_offset", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_tracked_accepts_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["people.id"],
            name=op.f("fk_tracked_accepts_author_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracked_accepts")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tracked_accepts_article_id"), ["article_id"])
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    owner, staff = (
        '"' + name.replace('"', '""') + '"'
        for name in conn.execute(
            sa.text("SELECT newsroom_owner_role(), newsroom_staff_role()")
        ).one()
    )
    op.execute(f"ALTER TABLE {TABLE} OWNER TO {owner}")
    op.execute(f"REVOKE ALL ON {TABLE} FROM {staff}")
    op.execute(f"GRANT SELECT, INSERT ON {TABLE} TO {staff}")
    for statement in _POLICIES:
        op.execute(statement)
    # Desks learn of a new accept as of any change of its article: through sync_log (0005).
    schema = conn.execute(sa.text("SELECT current_schema()")).scalar_one()
    sync = importlib.import_module("newsroom_desktop.core.migrations.versions.0005_sync")
    op.execute(
        sync.LOG_FUNCTION.format(
            table=TABLE, column="article_id", schema='"' + schema.replace('"', '""') + '"'
        )
    )
    op.execute(f"ALTER FUNCTION {LOG_FUNCTION} OWNER TO {owner}")
    op.execute(f"REVOKE ALL ON FUNCTION {LOG_FUNCTION} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {LOG_FUNCTION} TO {staff}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS newsroom_log ON {TABLE}")
        op.execute(f"DROP FUNCTION IF EXISTS {LOG_FUNCTION}")
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tracked_accepts_article_id"))
    op.drop_table(TABLE)
