"""Migrations run up from empty and give exactly the schema the models declare."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from newsroom_desktop.core.models import Base
from newsroom_desktop.core.store import KNOWN_REVISIONS, SCHEMA_HEAD, Store, migrations_dir


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return ScriptDirectory.from_config(config)


def test_known_revisions_match_the_migration_scripts():
    script = _script()
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == KNOWN_REVISIONS
    assert script.get_current_head() == SCHEMA_HEAD


def test_upgrade_from_empty_matches_the_models(tmp_path: Path):
    store = Store.open(tmp_path / "fresh.sqlite")
    try:
        with store.engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn,
                opts={
                    "include_object": lambda obj, name, type_, reflected, compare_to: (
                        not (type_ == "table" and name.startswith("article_search"))
                    )
                },
            )
            diff = compare_metadata(ctx, Base.metadata)
            tables = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
        assert diff == []
        assert {"articles", "revisions", "photos", "article_photos", "article_search"} <= tables
    finally:
        store.close()


def test_downgrade_to_empty_and_up_again(tmp_path: Path):
    from alembic import command

    store = Store.open(tmp_path / "s.sqlite")
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with store._write_engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    with store.engine.connect() as conn:
        left = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert left <= {"alembic_version"}
    store.migrate()
    assert store.schema_revision() == SCHEMA_HEAD
    store.close()


def test_0011_goes_down_and_up_on_a_server(pg_database: str, server_person):
    """Caption templates and the roster on PostgreSQL: dropped and made again, usable by staff."""
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from newsroom_desktop.core.documents import Actor
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.photo_templates import CaptionTemplate
    from newsroom_desktop.core.server import server_revision, upgrade_server
    from newsroom_desktop.core.settings import Settings

    engine = create_engine(pg_database.replace("postgresql://", "postgresql+psycopg://", 1))
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0010")
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            photo_columns = {c["name"] for c in inspect(conn).get_columns("photos")}
    finally:
        engine.dispose()
    assert not {"photo_templates", "code_replacements"} & tables
    assert "city" not in photo_columns
    assert server_revision(pg_database) == "0010"
    assert upgrade_server(pg_database) == "0010"  # the revision it had
    assert server_revision(pg_database) == SCHEMA_HEAD
    # A person's own login (not the owner's) may use the new tables.
    nr = Newsroom.open(server_person("Ngọc Hậu", "reporter"), settings=Settings())
    try:
        assert nr.actor == Actor("Ngọc Hậu", "reporter")
        nr.photo_templates.save(CaptionTemplate(name="Hội nghị"))
        nr.photo_templates.import_roster(b"ht\tTran Quoc To\n")
        assert [t.name for t in nr.photo_templates.templates()] == ["Hội nghị"]
    finally:
        nr.close()


def _search_table_sql(store: Store) -> str:
    with store.engine.connect() as conn:
        return str(
            conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'article_search'"
            ).scalar()
        )


def test_a_store_of_0008_gets_the_smaller_index_and_finds_what_it_found(tmp_path: Path):
    from alembic import command

    from newsroom_desktop.core.newsroom import Newsroom
    from tests.conftest import REPORTER
    from tests.core.test_search_index import assert_index_is_true

    path = tmp_path / "old.sqlite"
    nr = Newsroom.open(path, actor=REPORTER)
    body = "Đại biểu tham dự tại điểm cầu Ninh Kiều.\n\n" * 40
    best = nr.articles.create({"headline": "Cần Thơ đón Tết", "body": body}).id
    nr.articles.create({"headline": "Tin khác", "body": "Ở Cần Thơ hôm nay."})
    nr.articles.create({"headline": "Bóng đá", "tags": ["Thể thao"], "lead": "Trận cầu"})
    queries = ("can tho", "Cần", "ninh ki", "the thao", "cau", "dai bieu tham", "xyz")
    found = {q: [r.id for r in nr.articles.search(q)] for q in queries}
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with nr.store._write_engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0008")
    assert "detail=column" not in _search_table_sql(nr.store)
    nr.close()
    nr = Newsroom.open(path, actor=REPORTER)  # migrates to the head: the index is made anew
    try:
        assert nr.store.schema_revision() == SCHEMA_HEAD
        assert "detail=column" in _search_table_sql(nr.store)
        assert {q: [r.id for r in nr.articles.search(q)] for q in queries} == found
        assert found["can tho"][0] == best and len(found["can tho"]) == 2
        assert_index_is_true(nr)
    finally:
        nr.close()
