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
