"""Offline desks that sync with the server: heads, conflicts, leases and the change log

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

Both dialects:
- ``articles.head_revision_id``: the revision the article's fields were last written from.
  Existing articles get their newest revision.
- ``sync_conflicts``: a version that met another head when it reached the server, kept as a
  revision and flagged until someone resolves it; ``leases``: who checked an article out.
- ``sync_state``, ``sync_known``, ``sync_articles``: a desk's own bookkeeping (how far it has
  pulled, which records the server holds, what it last had in step); empty on a server.

PostgreSQL only:
- ``sync_log``: one row per (transaction, article) that changed anything of an article,
  written by triggers as the transaction's own id (``pg_current_xact_id``). A desk pulls only
  transactions older than the oldest one still running (``pg_snapshot_xmin``): a change that
  commits late is never skipped, and order never depends on any desk's clock.
- ``newsroom_check_head``: a trigger that lets an article's head move only from the head the
  writer expected (``SET LOCAL newsroom.expected_head``) to a revision of that same article;
  anything else raises ``newsroom:head_moved`` and the writer keeps both versions instead.
- ``photo_upload_parts``: an original on its way up, a chunk a row, so that an upload cut
  off resumes where it stopped; the last step joins the chunks into ``photo_blobs`` only when
  their SHA-256 is the one announced.
- ``newsroom_sync_transition``: the workflow function of 0004 under the status event's id the
  desk chose offline, so that sending it twice moves the article once.
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Table → the column that names the article a row belongs to.
LOGGED = {
    "articles": "id",
    "revisions": "article_id",
    "status_events": "article_id",
    "notes": "article_id",
    "article_photos": "article_id",
    "article_tags": "article_id",
    "sync_conflicts": "article_id",
    "leases": "article_id",
}
FUNCTIONS = (
    "newsroom_check_head()",
    "newsroom_sync_transition(text, text, text, text)",
    *(f"newsroom_log_{table}()" for table in LOGGED),
)


def _id(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.String(length=36), nullable=False)


def _tables() -> None:
    op.create_table(
        "sync_conflicts",
        _id("id"),
        _id("article_id"),
        _id("revision_id"),
        sa.Column("head_revision_id", sa.String(length=36), nullable=True),
        sa.Column("person_name", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_sync_conflicts_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_article_id"), ["article_id"])
    op.create_table(
        "leases",
        _id("article_id"),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("person_name", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_leases_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_leases")),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_known",
        _id("id"),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_known")),
    )
    op.create_table(
        "sync_articles",
        _id("article_id"),
        sa.Column("base_revision_id", sa.String(length=36), nullable=True),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("base_server_version", sa.Integer(), nullable=False),
        sa.Column("base_status", sa.String(length=16), nullable=False),
        sa.Column("base_deleted", sa.Boolean(), nullable=False),
        sa.Column("notice", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_sync_articles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_sync_articles")),
    )


SERVER = """
-- A photo original on its way up, a chunk a row: an upload cut off resumes where it stopped.
CREATE TABLE photo_upload_parts (
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{{64}}$'),
    "offset" bigint NOT NULL CHECK ("offset" >= 0),
    bytes bytea NOT NULL,
    PRIMARY KEY (sha256, "offset")
);

CREATE TABLE sync_log (
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    article_id text NOT NULL,
    PRIMARY KEY (txid, article_id)
);

CREATE FUNCTION newsroom_check_head() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, {schema} AS $$
BEGIN
  IF NEW.head_revision_id IS NOT DISTINCT FROM OLD.head_revision_id THEN
    RETURN NEW;
  END IF;
  IF coalesce(current_setting('newsroom.expected_head', true), '')
     IS DISTINCT FROM coalesce(OLD.head_revision_id, '')
     OR NOT EXISTS (SELECT 1 FROM revisions r
                    WHERE r.id = NEW.head_revision_id AND r.article_id = NEW.id) THEN
    RAISE EXCEPTION 'The article % changed on the server since this desk last had it.', OLD.id
      USING ERRCODE = 'serialization_failure', HINT = 'newsroom:head_moved';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER newsroom_check_head BEFORE UPDATE OF head_revision_id ON articles
FOR EACH ROW EXECUTE FUNCTION newsroom_check_head();

CREATE FUNCTION newsroom_sync_transition(p_event_id text, p_article text, p_action text,
                                         p_note text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
-- A desk's offline status change, under the id the desk gave it: sent twice, applied once.
DECLARE result text;
BEGIN
  IF EXISTS (SELECT 1 FROM status_events WHERE id = p_event_id) THEN
    RETURN p_event_id;
  END IF;
  result := newsroom_transition(p_article, p_action, p_note);
  IF result <> '' AND left(result, 1) <> '!' THEN
    UPDATE status_events SET id = p_event_id WHERE id = result;
    RETURN p_event_id;
  END IF;
  RETURN result;
END $$;
"""

LOG_FUNCTION = """
CREATE FUNCTION newsroom_log_{table}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, {schema} AS $$
BEGIN
  INSERT INTO sync_log (article_id)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.{column} ELSE NEW.{column} END)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER newsroom_log AFTER INSERT OR UPDATE OR DELETE ON {table}
FOR EACH ROW EXECUTE FUNCTION newsroom_log_{table}();
"""


def _guard_passing_heads(*, restore: bool = False) -> str:
    """Return 0004's article guard, letting a head move pass: newsroom_check_head judges it.

    A head moves when a revision of the same text is written (an approval's), after the status
    changed; the content itself stays guarded exactly as before.
    """
    security = importlib.import_module(
        "newsroom_desktop.core.migrations.versions.0004_server_security"
    )
    guards: str = security.GUARDS
    function = guards.split("CREATE TRIGGER newsroom_guard ", maxsplit=1)[0].replace(
        "CREATE FUNCTION newsroom_guard_article",
        "CREATE OR REPLACE FUNCTION newsroom_guard_article",
    )
    kept = "  rest.exported_at := OLD.exported_at;\n"
    assert kept in function
    if restore:
        return function
    return function.replace(kept, kept + "  rest.head_revision_id := OLD.head_revision_id;\n")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _server() -> None:
    conn = op.get_bind()
    # The group roles of 0004, named by its own functions.
    schema, owner, staff = (
        _q(name)
        for name in conn.execute(
            sa.text("SELECT current_schema(), newsroom_owner_role(), newsroom_staff_role()")
        ).one()
    )
    op.execute(SERVER.format(schema=schema))
    op.execute(_guard_passing_heads().format(schema=schema))
    for table, column in LOGGED.items():
        op.execute(LOG_FUNCTION.format(table=table, column=column, schema=schema))
    for table in ("sync_log", "sync_conflicts", "leases", "sync_state", "sync_known",
                  "sync_articles", "photo_upload_parts"):  # fmt: skip
        op.execute(f"ALTER TABLE {table} OWNER TO {owner}")
    # Everyone reads the log; only the triggers (the owner's) write it.
    op.execute(f"REVOKE ALL ON sync_log FROM {staff}")
    op.execute(f"GRANT SELECT ON sync_log TO {staff}")
    for function in FUNCTIONS:
        op.execute(f"ALTER FUNCTION {function} OWNER TO {owner}")
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {staff}")
    op.execute(
        "UPDATE articles a SET head_revision_id = (SELECT r.id FROM revisions r "
        "WHERE r.article_id = a.id ORDER BY r.number DESC LIMIT 1)"
    )


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("head_revision_id", sa.String(length=36), nullable=True))
    _tables()
    if op.get_bind().dialect.name == "postgresql":
        _server()
    else:
        op.execute(
            "UPDATE articles SET head_revision_id = (SELECT r.id FROM revisions r "
            "WHERE r.article_id = articles.id ORDER BY r.number DESC LIMIT 1)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        schema = op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one()
        op.execute(_guard_passing_heads(restore=True).format(schema=_q(schema)))
        op.execute("DROP TRIGGER IF EXISTS newsroom_check_head ON articles")
        for table in LOGGED:
            op.execute(f"DROP TRIGGER IF EXISTS newsroom_log ON {table}")
        for function in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
        op.execute("DROP TABLE IF EXISTS sync_log")
        op.execute("DROP TABLE IF EXISTS photo_upload_parts")
    for table in ("sync_articles", "sync_known", "sync_state", "leases"):
        op.drop_table(table)
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_article_id"))
    op.drop_table("sync_conflicts")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("head_revision_id")
