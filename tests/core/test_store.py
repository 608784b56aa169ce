"""The store file: pragmas, schema checks, migration on open, refusal of what is not a store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.paths import resolve_store
from newsroom_desktop.core.store import KNOWN_REVISIONS, SCHEMA_HEAD, Store
from tests.conftest import REPORTER


def test_new_store_is_created_in_wal_with_foreign_keys(store_path: Path):
    store = Store.open(store_path)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert store.schema_revision() == SCHEMA_HEAD
    finally:
        store.close()


def test_default_store_lives_in_the_user_data_dir(isolated_dirs: Path):
    loc = resolve_store()
    assert loc.path == isolated_dirs / "data" / "newsroom-desktop" / "newsroom.sqlite"


def test_environment_variable_overrides_the_store(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("NEWSROOM_STORE", str(tmp_path / "env.sqlite"))
    assert resolve_store().path == tmp_path / "env.sqlite"
    assert resolve_store(tmp_path / "arg.sqlite").path == tmp_path / "arg.sqlite"


def test_a_file_that_is_not_a_store_is_refused_and_left_untouched(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "notes.sqlite"
    path.write_bytes(b"Just some notes, not a database.\n" * 10)
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert err.value.code == "store_not_a_store"
    assert "not a Newsroom store" in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["notes.sqlite"]


def test_another_apps_database_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert err.value.code == "store_not_a_store"
    assert path.read_bytes() == before


def test_a_damaged_store_is_reported_and_left_untouched(newsroom: Newsroom, store_path: Path):
    newsroom.articles.create({"headline": "Bài một"})
    newsroom.close()
    data = bytearray(store_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    store_path.write_bytes(bytes(data))
    for extra in (
        store_path.with_name(store_path.name + "-wal"),
        store_path.with_name(store_path.name + "-shm"),
    ):
        extra.unlink(missing_ok=True)
    before = store_path.read_bytes()
    with pytest.raises(StoreError) as err:
        Newsroom.open(store_path, actor=REPORTER)
    assert err.value.code in {"store_damaged", "store_not_a_store"}
    assert "backup" in str(err.value).lower() or "not a Newsroom store" in str(err.value)
    assert store_path.read_bytes() == before


def test_a_store_from_a_newer_app_is_refused(store_path: Path):
    Store.open(store_path).close()
    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        Store.open(store_path)
    assert err.value.code == "store_too_new"
    assert "newer version" in str(err.value)


def test_an_older_store_is_backed_up_then_migrated(store_path: Path, monkeypatch):
    Store.open(store_path).close()
    conn = sqlite3.connect(store_path)
    conn.execute("UPDATE alembic_version SET version_num = 'old0'")
    conn.commit()
    conn.close()
    # Pretend 'old0' is an older revision the app knows, whose upgrade to head is a no-op.
    monkeypatch.setattr("newsroom_desktop.core.store.KNOWN_REVISIONS", ("old0", *KNOWN_REVISIONS))
    migrated: list[str] = []

    def fake_migrate(self: Store) -> None:
        with self._write_engine.begin() as c:
            c.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{SCHEMA_HEAD}'")
        migrated.append("yes")

    monkeypatch.setattr(Store, "migrate", fake_migrate)
    store = Store.open(store_path)
    store.close()
    assert migrated == ["yes"]
    backups = list((store_path.parent / "backups").glob("*before-migration-old0.sqlite"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("SELECT version_num FROM alembic_version").fetchone() == ("old0",)
    check.close()


def test_a_locked_store_gives_a_clear_message_and_works_again(store_path: Path, monkeypatch):
    monkeypatch.setattr("newsroom_desktop.core.store.BUSY_TIMEOUT_MS", 200)
    nr = Newsroom.open(store_path, actor=REPORTER)
    other = sqlite3.connect(store_path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as err:
            nr.articles.create({"headline": "Bài bị khóa"})
        assert err.value.code == "store_locked"
        assert "busy" in str(err.value)
    finally:
        other.rollback()
        other.close()
    doc = nr.articles.create({"headline": "Bài sau khi mở khóa"})
    assert nr.articles.get(doc.id).headline == "Bài sau khi mở khóa"
    nr.close()
