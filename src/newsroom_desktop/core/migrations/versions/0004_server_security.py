"""The newsroom server's people, roles, row-level security, workflow functions and audit

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Both dialects get ``people.login`` and the ``audit_events`` table (empty in a local store). On
PostgreSQL the server then enforces who may do what, whatever client speaks to it:

* Two group roles per newsroom database, named after it (PostgreSQL roles are cluster-wide, a
  newsroom is one database): ``<db>_newsroom_owner`` (NOLOGIN) owns every table and the
  SECURITY DEFINER functions; ``<db>_newsroom_staff`` (NOLOGIN) holds what every person may do.
  A person's login (made by ``newsroom server add-person``) is ``<folded name>.<db>``: it has a
  dot, so it never equals a group role, and it names the database, so two newsrooms (or the test
  suite's many databases) on one cluster never collide. Names longer than PostgreSQL's 63 bytes
  are cut and end in a short hash of the whole database name.
* The person's role (reporter, editor, admin) is ``people.role`` of the row whose ``login`` is
  ``session_user``: one source of truth, read afresh by every check, changed only by the owner.
* Row-level security on articles and what hangs off them; a BEFORE UPDATE trigger on articles
  refuses (records and skips) a reporter's edit of another's article or of one past draft, and
  anyone's status change outside ``newsroom_transition``, the one SECURITY DEFINER function
  that moves an article through the workflow and writes its status event and audit row.
* Revisions are append-only for everyone: no UPDATE or DELETE grant, and a trigger that raises
  (an article's deletion still takes its revisions with it).
* Photo originals (0003) may be read and added by everyone, changed and deleted by nobody: they
  are content-addressed and shared between articles. A search row (0002) may be written only by
  someone who may edit its article, so nobody plants words in another's article's index.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NAME_BYTES = 63
# What the staff role may do to a table the server guards; every other table of the schema
# (article_search of 0002 too, under a policy) gets SELECT, INSERT, UPDATE, DELETE.
GUARDED = {
    "people": "SELECT",
    "audit_events": "SELECT",
    "status_events": "SELECT",
    "revisions": "SELECT, INSERT",
    "photo_blobs": "SELECT, INSERT",
    "alembic_version": "SELECT",
}
# Direct changes the owner role gives up: revisions keep DELETE for an article's cascade; photo
# originals are never deleted (the triggers of 0003 refuse what a superuser might still try).
OWNER_GIVES_UP = {"revisions": "UPDATE, TRUNCATE", "photo_blobs": "UPDATE, DELETE, TRUNCATE"}
FUNCTIONS = (
    "newsroom_staff_role()",
    "newsroom_owner_role()",
    "newsroom_my_id()",
    "newsroom_my_role()",
    "newsroom_is_editor()",
    "newsroom_owns(text)",
    "newsroom_may_edit(text)",
    "newsroom_may_index(integer)",
    "newsroom_record_refusal(text, text, text, text, text, text)",
    "newsroom_transition(text, text, text, timestamptz, boolean)",
    "newsroom_guard_article()",
    "newsroom_guard_revision()",
)
POLICY_NAMES = (
    "newsroom_read",
    "newsroom_add",
    "newsroom_change",
    "newsroom_remove",
    "newsroom_write",
    "newsroom_admins_read",
)
RLS_TABLES = (
    "articles",
    "article_photos",
    "article_tags",
    "notes",
    "revisions",
    "audit_events",
    "article_search",
)


def fit(name: str, room: int) -> str:
    """Return ``name`` cut to ``room`` bytes, ending in a hash of the whole name if it was cut."""
    if len(name.encode()) <= room:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:6]
    return name.encode()[: room - 7].decode(errors="ignore") + "_" + digest


def group_roles(database: str) -> tuple[str, str]:
    """Return the owner and staff group role names of the newsroom in ``database``."""
    base = fit(database, NAME_BYTES - len("_newsroom_owner"))
    return f"{base}_newsroom_owner", f"{base}_newsroom_staff"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


HELPERS = """
CREATE FUNCTION newsroom_staff_role() RETURNS text LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog AS $$ SELECT {staff_lit}::text $$;
CREATE FUNCTION newsroom_owner_role() RETURNS text LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog AS $$ SELECT {owner_lit}::text $$;
CREATE FUNCTION newsroom_my_id() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, {schema} AS $$ SELECT id FROM people WHERE login = session_user $$;
CREATE FUNCTION newsroom_my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, {schema} AS $$ SELECT role FROM people WHERE login = session_user $$;
CREATE FUNCTION newsroom_is_editor() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, {schema}
AS $$ SELECT coalesce((SELECT role IN ('editor', 'admin') FROM people
                       WHERE login = session_user), false) $$;
CREATE FUNCTION newsroom_owns(p_article text) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = pg_catalog, {schema}
AS $$ SELECT EXISTS (SELECT 1 FROM articles a JOIN people p ON p.id = a.owner_id
                     WHERE a.id = p_article AND p.login = session_user) $$;
CREATE FUNCTION newsroom_may_edit(p_article text) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = pg_catalog, {schema}
AS $$ SELECT newsroom_is_editor() OR EXISTS (
        SELECT 1 FROM articles a JOIN people p ON p.id = a.owner_id
        WHERE a.id = p_article AND p.login = session_user AND a.status = 'draft') $$;
-- The search index is keyed by the article's number: its row follows the article's rights.
CREATE FUNCTION newsroom_may_index(p_num integer) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = pg_catalog, {schema}
AS $$ SELECT coalesce((SELECT newsroom_may_edit(id) FROM articles WHERE num = p_num), false) $$;
-- Records a refusal under the caller's own login (it cannot write any other audit row).
CREATE FUNCTION newsroom_record_refusal(p_action text, p_article text, p_from text, p_to text,
                                        p_code text, p_detail text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
  INSERT INTO audit_events (id, created_at, login, person, action, article_id, from_status,
                            to_status, outcome, code, detail)
  VALUES (gen_random_uuid()::text, clock_timestamp(), session_user,
          coalesce((SELECT name FROM people WHERE login = session_user), ''), left(p_action, 32),
          p_article, coalesce(p_from, ''), coalesce(p_to, ''), 'refused', left(p_code, 40),
          coalesce(p_detail, ''))
$$;
"""

TRANSITION = """
CREATE FUNCTION newsroom_transition(p_article text, p_action text, p_note text DEFAULT '',
                                    p_when timestamptz DEFAULT NULL,
                                    p_apply boolean DEFAULT true)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, {schema} AS $$
-- The same rules as core/workflow_rules.py. Returns the new status event's id, or '!' and the
-- refusal code: a refusal is recorded and the caller's COMMIT keeps the record.
DECLARE
  me people; art articles; sources text[]; target text; owner_may boolean := false;
  editor boolean; code text := ''; at timestamptz := coalesce(p_when, clock_timestamp());
  event_id text := gen_random_uuid()::text;
BEGIN
  SELECT * INTO me FROM people WHERE login = session_user;
  SELECT * INTO art FROM articles WHERE id = p_article FOR UPDATE;
  CASE p_action
    WHEN 'submit' THEN sources := '{{draft}}'; target := 'submitted'; owner_may := true;
    WHEN 'take' THEN sources := '{{submitted}}'; target := 'editing';
    WHEN 'approve' THEN sources := '{{submitted,editing}}'; target := 'ready';
    WHEN 'publish' THEN sources := '{{ready}}'; target := 'published';
    WHEN 'return' THEN sources := '{{submitted,editing,ready}}'; target := 'draft';
    WHEN 'spike' THEN
      sources := '{{draft,submitted,editing,ready,published}}'; target := 'spiked';
      owner_may := true;
    WHEN 'reopen' THEN sources := '{{spiked}}'; target := 'draft';
    ELSE code := 'invalid';
  END CASE;
  editor := coalesce(me.role IN ('editor', 'admin'), false);
  IF code <> '' THEN NULL;
  ELSIF me.id IS NULL THEN code := 'server_no_person';
  ELSIF art.id IS NULL THEN code := 'not_found';
  ELSIF art.deleted_at IS NOT NULL THEN code := 'workflow_trashed';
  ELSIF NOT editor AND NOT owner_may THEN code := 'workflow_role';
  ELSIF NOT editor AND art.owner_id IS DISTINCT FROM me.id THEN code := 'workflow_owner';
  ELSIF NOT (art.status = ANY (sources)) THEN code := 'workflow_state';
  ELSIF p_action = 'return' AND btrim(coalesce(p_note, '')) = '' THEN code := 'workflow_note';
  END IF;
  IF code <> '' THEN
    PERFORM newsroom_record_refusal(p_action, p_article, art.status, target, code,
                                    coalesce(p_note, ''));
    RETURN '!' || code;
  ELSIF NOT p_apply THEN
    RETURN '';
  END IF;
  INSERT INTO status_events (id, article_id, from_status, to_status, actor_id, actor_name,
                             actor_role, note, created_at)
  VALUES (event_id, art.id, art.status, target, me.id, me.name, me.role,
          coalesce(p_note, ''), at);
  UPDATE articles SET status = target,
         published_at = CASE WHEN target = 'published' THEN at ELSE published_at END
   WHERE id = art.id;
  INSERT INTO audit_events (id, created_at, login, person, action, article_id, from_status,
                            to_status, outcome, code, detail)
  VALUES (gen_random_uuid()::text, clock_timestamp(), session_user, me.name, p_action, art.id,
          art.status, target, 'done', '', coalesce(p_note, ''));
  RETURN event_id;
END $$;
"""

GUARDS = """
-- Runs as the person who wrote the UPDATE: the server's own functions (owned by the owner role)
-- pass; a refused change is recorded and the row skipped, so the client sees 0 rows updated.
CREATE FUNCTION newsroom_guard_article() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, {schema} AS $$
DECLARE
  rest articles; me text; code text;
BEGIN
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE')
  THEN
    RETURN NEW;
  END IF;
  rest := NEW;
  rest.exported_at := OLD.exported_at;
  IF rest IS NOT DISTINCT FROM OLD THEN
    RETURN NEW;  -- stamping an export is not an edit of the article
  END IF;
  me := newsroom_my_id();
  IF me IS NULL THEN code := 'server_no_person';
  ELSIF NEW.status IS DISTINCT FROM OLD.status
     OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN code := 'workflow_direct';
  ELSIF newsroom_is_editor() THEN RETURN NEW;
  ELSIF OLD.owner_id IS DISTINCT FROM me OR NEW.owner_id IS DISTINCT FROM me
  THEN code := 'workflow_owner';
  ELSIF OLD.status <> 'draft' THEN code := 'workflow_state';
  ELSE RETURN NEW;
  END IF;
  PERFORM newsroom_record_refusal('edit', OLD.id, OLD.status, NEW.status, code,
                                  'a direct UPDATE of the article');
  RETURN NULL;
END $$;
CREATE TRIGGER newsroom_guard BEFORE UPDATE ON articles
FOR EACH ROW EXECUTE FUNCTION newsroom_guard_article();

CREATE FUNCTION newsroom_guard_revision() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, {schema} AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;  -- a deleted article takes its revisions with it (the foreign key's cascade)
  END IF;
  RAISE EXCEPTION 'Revisions are kept as they were written: nobody can change or delete one.'
    USING ERRCODE = 'insufficient_privilege', HINT = 'newsroom:revision_append_only';
END $$;
CREATE TRIGGER newsroom_append_only BEFORE UPDATE OR DELETE ON revisions
FOR EACH ROW EXECUTE FUNCTION newsroom_guard_revision();
CREATE TRIGGER newsroom_no_truncate BEFORE TRUNCATE ON revisions
FOR EACH STATEMENT EXECUTE FUNCTION newsroom_guard_revision();
"""

POLICIES = """
ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
CREATE POLICY newsroom_read ON articles FOR SELECT USING (true);
CREATE POLICY newsroom_add ON articles FOR INSERT
  WITH CHECK (newsroom_is_editor() OR (owner_id = newsroom_my_id() AND status = 'draft'));
-- The trigger newsroom_guard decides each UPDATE, so that a refusal is recorded.
CREATE POLICY newsroom_change ON articles FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY newsroom_remove ON articles FOR DELETE
  USING (newsroom_is_editor() OR (owner_id = newsroom_my_id() AND status = 'draft'));

ALTER TABLE article_photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY newsroom_read ON article_photos FOR SELECT USING (true);
CREATE POLICY newsroom_write ON article_photos FOR ALL
  USING (newsroom_may_edit(article_id)) WITH CHECK (newsroom_may_edit(article_id));
ALTER TABLE article_tags ENABLE ROW LEVEL SECURITY;
CREATE POLICY newsroom_read ON article_tags FOR SELECT USING (true);
CREATE POLICY newsroom_write ON article_tags FOR ALL
  USING (newsroom_may_edit(article_id)) WITH CHECK (newsroom_may_edit(article_id));

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY newsroom_read ON notes FOR SELECT USING (true);
CREATE POLICY newsroom_add ON notes FOR INSERT WITH CHECK (author_id = newsroom_my_id());
CREATE POLICY newsroom_change ON notes FOR UPDATE
  USING (newsroom_is_editor() OR author_id = newsroom_my_id() OR newsroom_owns(article_id));
CREATE POLICY newsroom_remove ON notes FOR DELETE
  USING (newsroom_is_editor() OR author_id = newsroom_my_id());

ALTER TABLE revisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY newsroom_read ON revisions FOR SELECT USING (true);
CREATE POLICY newsroom_add ON revisions FOR INSERT
  WITH CHECK (author_id = newsroom_my_id()
              AND (newsroom_is_editor() OR newsroom_owns(article_id)));

-- Every save rewrites the article's row inside its own transaction (core/search_pg.py), after
-- the article's UPDATE passed its guard; an article's deletion takes its row (the cascade).
ALTER TABLE article_search ENABLE ROW LEVEL SECURITY;
CREATE POLICY newsroom_read ON article_search FOR SELECT USING (true);
CREATE POLICY newsroom_write ON article_search FOR ALL
  USING (newsroom_may_index(num)) WITH CHECK (newsroom_may_index(num));

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY newsroom_admins_read ON audit_events FOR SELECT
  USING (newsroom_my_role() = 'admin');
"""


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("login", sa.String(length=128), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_people_login"), ["login"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("login", sa.String(length=128), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=True),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_events_created_at"), ["created_at"], unique=False
        )
    if op.get_bind().dialect.name == "postgresql":
        _secure_server()


def _secure_server() -> None:
    conn = op.get_bind()
    database, schema = conn.execute(sa.text("SELECT current_database(), current_schema()")).one()
    owner, staff = group_roles(database)
    names = {
        "owner": _q(owner),
        "staff": _q(staff),
        "owner_lit": _lit(owner),
        "staff_lit": _lit(staff),
        "schema": _q(schema),
    }
    for role in (owner, staff):
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {_lit(role)}) "
            f"THEN CREATE ROLE {_q(role)} NOLOGIN; END IF; END $$"
        )
    # A non-superuser who runs init (CREATEROLE, owns the database) must belong to the owner
    # role to give it the tables; the one who runs init stays the server's owner and first admin.
    op.execute(f"GRANT {names['owner']} TO CURRENT_USER")
    for sql in (HELPERS, TRANSITION, GUARDS, POLICIES):
        op.execute(sql.format(**names))
    _grant(schema, names)
    op.execute(
        "INSERT INTO people (id, name, role, created_at, login) "
        "VALUES (gen_random_uuid()::text, current_user, 'admin', now(), current_user) "
        "ON CONFLICT (name) DO UPDATE SET role = 'admin', login = excluded.login"
    )


def _grant(schema: str, names: dict[str, str]) -> None:
    conn = op.get_bind()
    owner, staff = names["owner"], names["staff"]
    tables = conn.execute(
        sa.text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"),
        {"s": schema},
    ).scalars()
    # PostgreSQL gives a table to a role only if that role may create in the schema.
    op.execute(f"GRANT USAGE, CREATE ON SCHEMA {names['schema']} TO {owner}")
    for table in list(tables):
        op.execute(f"ALTER TABLE {_q(table)} OWNER TO {owner}")
        privileges = GUARDED.get(table, "SELECT, INSERT, UPDATE, DELETE")
        op.execute(f"GRANT {privileges} ON {_q(table)} TO {staff}")
    # The triggers refuse every direct change to these, the owner's included.
    for table, privileges in OWNER_GIVES_UP.items():
        op.execute(f"REVOKE {privileges} ON {_q(table)} FROM {owner}")
    op.execute(f"GRANT USAGE ON SCHEMA {names['schema']} TO {staff}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {names['schema']} TO {staff}")
    for function in FUNCTIONS:
        op.execute(f"ALTER FUNCTION {function} OWNER TO {owner}")
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {staff}")
    # Tables a later migration makes: every person may use them until it says otherwise.
    op.execute(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {names['schema']} "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {staff}"
    )
    database = conn.execute(sa.text("SELECT current_database()")).scalar_one()
    op.execute(f"REVOKE CONNECT ON DATABASE {_q(database)} FROM PUBLIC")
    op.execute(f"GRANT CONNECT ON DATABASE {_q(database)} TO {staff}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Policies and triggers go with the functions they call; the group roles stay (other
        # objects of the cluster may name them), the tables keep their owner.
        for function in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function} CASCADE")
        for table in RLS_TABLES:
            for policy in POLICY_NAMES:
                op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_created_at"))
    op.drop_table("audit_events")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_people_login"), type_="unique")
        batch_op.drop_column("login")
