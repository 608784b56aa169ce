"""Server search (folded, ranked) and change notices for open windows

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06

PostgreSQL only (SQLite has its FTS5 index since 0001 and watches data_version):
- ``newsroom_fold(text)``: lower(unaccent(text)), IMMUTABLE with a pinned search_path so that
  it can build an index; it agrees with core/text.py ``fold`` on Vietnamese (đ → d).
- ``article_search``: one tsvector a live article ('simple' config over folded words,
  weighted headline A, lead and tags B, byline and captions C, body D), GIN-indexed. The
  search module rewrites an article's row inside every save's transaction.
- Triggers that NOTIFY ``newsroom_changes`` with {"kind", "article", "op"} after a change to
  articles, status events, notes and photo uses, for the windows' store watchers.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHANNEL = "newsroom_changes"
# Table → (kind in the notice, column holding the article's id).
WATCHED = {
    "articles": ("article", "id"),
    "status_events": ("workflow", "article_id"),
    "notes": ("notes", "article_id"),
    "article_photos": ("photos", "article_id"),
}


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _fold_functions(ext: str, own: str) -> None:
    # The two-argument unaccent names its dictionary, so the result cannot depend on the
    # caller's search_path: that is what makes IMMUTABLE true and the function indexable.
    # Everything is schema-qualified and search_path pinned, so a login that can create
    # objects in some schema cannot slip its own unaccent or lower in.
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION {own}.newsroom_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $$ SELECT pg_catalog.lower({ext}.unaccent('{ext}.unaccent'::regdictionary, value)) $$
        """
    )
    # The same words as FTS5's unicode61 tokenizer and core/search.py: runs of letters and
    # digits. PostgreSQL's own parser keeps "1.000", "07/09/2021" and e-mail addresses whole
    # and reads "covid-19" as "covid" and "-19"; splitting first makes both stores agree.
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION {own}.newsroom_search_words(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $$ SELECT pg_catalog.regexp_replace({own}.newsroom_fold(value),
                                               '[^[:alnum:]]+', ' ', 'g') $$
        """
    )
    document = " || ".join(
        f"pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.simple', "
        f"{own}.newsroom_search_words(coalesce({arg}, ''))), '{weight}')"
        for arg, weight in (
            ("headline", "A"),
            ("lead", "B"),
            ("tags", "B"),
            ("byline", "C"),
            ("captions", "C"),
            ("body", "D"),
        )
    )
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION {own}.newsroom_search_document(
            headline text, lead text, body text, byline text, captions text, tags text
        ) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $$ SELECT {document} $$
        """
    )
    for name in ("newsroom_fold(text)", "newsroom_search_words(text)"):
        op.execute(f"GRANT EXECUTE ON FUNCTION {own}.{name} TO PUBLIC")
    op.execute(
        f"GRANT EXECUTE ON FUNCTION {own}.newsroom_search_document"
        "(text, text, text, text, text, text) TO PUBLIC"
    )


def _search_table(own: str) -> None:
    op.execute(
        "CREATE TABLE article_search ("
        " num integer PRIMARY KEY REFERENCES articles(num) ON DELETE CASCADE,"
        " document tsvector NOT NULL)"
    )
    op.execute("CREATE INDEX ix_article_search_document ON article_search USING gin (document)")
    # Existing articles: the body's Markdown marks are punctuation and fall away as such; the
    # next save of each article writes the exact plain text the app indexes.
    op.execute(
        f"""
        INSERT INTO article_search (num, document)
        SELECT a.num, {own}.newsroom_search_document(
            a.headline, a.lead, a.body, a.byline,
            (SELECT string_agg(concat_ws(' ', p.caption, p.credit, p.alt_text), ' ')
               FROM article_photos p WHERE p.article_id = a.id),
            (SELECT string_agg(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id
              WHERE at.article_id = a.id))
        FROM articles a
        """
    )


def _notices(own: str) -> None:
    # One notice a row, a few dozen bytes (far under NOTIFY's 8000): PostgreSQL folds equal
    # notices of one transaction into one, and a window asks the store for the rest. One
    # function a table, so that a trigger reads its one column, never the whole row (a body).
    for table, (kind, column) in WATCHED.items():
        op.execute(
            f"""
            CREATE OR REPLACE FUNCTION {own}.newsroom_notify_{table}() RETURNS trigger
            LANGUAGE plpgsql
            SET search_path = pg_catalog, pg_temp
            AS $$
            BEGIN
                PERFORM pg_notify('{CHANNEL}', json_build_object('kind', '{kind}',
                    'article', CASE WHEN TG_OP = 'DELETE' THEN OLD.{column} ELSE NEW.{column} END,
                    'op', TG_OP)::text);
                RETURN NULL;
            END $$
            """
        )
        op.execute(
            f"CREATE TRIGGER newsroom_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {own}.newsroom_notify_{table}()"
        )


# The list's first pages. The listing indexes of 0001 serve SQLite, which reads "deleted_at IS
# NULL" as an equality; PostgreSQL does not, so it sorted a whole section (8,000 rows of 100k)
# for 200 of them: 40 ms. Partial indexes in the list's exact order make it an index scan.
LIST_INDEXES = {
    "ix_articles_live_updated": "updated_at DESC, id",
    "ix_articles_live_section_updated": "section_id, updated_at DESC, id",
    "ix_articles_live_status_updated": "status, updated_at DESC, id",
}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    ext = bind.execute(
        text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'unaccent'"
        )
    ).scalar_one()
    own = bind.execute(text("SELECT current_schema()")).scalar_one()
    _fold_functions(_ident(ext), _ident(own))
    _search_table(_ident(own))
    _notices(_ident(own))
    for name, columns in LIST_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON articles ({columns}) WHERE deleted_at IS NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in LIST_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for table in WATCHED:
        op.execute(f"DROP TRIGGER IF EXISTS newsroom_notify ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS newsroom_notify_{table}()")
    op.execute("DROP TABLE IF EXISTS article_search")
    op.execute(
        "DROP FUNCTION IF EXISTS newsroom_search_document(text, text, text, text, text, text)"
    )
    op.execute("DROP FUNCTION IF EXISTS newsroom_search_words(text)")
    op.execute("DROP FUNCTION IF EXISTS newsroom_fold(text)")
