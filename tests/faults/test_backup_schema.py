"""A backup is restored only when its schema is the app's own; odd stores get messages that fit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsroom_desktop.cli import main as cli
from newsroom_desktop.core.backups import check_backup, make_backup, restore_backup
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.safety_records import MANUAL
from newsroom_desktop.core.store import Store
from tests.conftest import REPORTER


def _backup_with(store_path: Path, *statements: str) -> Path:
    """Make a real backup of a store with one article, then change its schema by hand."""
    nr = Newsroom.open(store_path, actor=REPORTER)
    nr.articles.create({"headline": "Bài cần giữ"})
    backup = make_backup(nr.store, MANUAL).path
    nr.close()
    with sqlite3.connect(backup) as conn:
        for statement in statements:
            conn.execute(statement)
    return backup


def _headlines(store_path: Path) -> list[str]:
    nr = Newsroom.open(store_path, actor=REPORTER)
    try:
        return [s.headline for s in nr.articles.list()]
    finally:
        nr.close()


def test_a_backup_with_an_extra_trigger_is_refused_and_the_store_kept(
    store_path: Path, capsys: pytest.CaptureFixture[str]
):
    backup = _backup_with(
        store_path,
        "CREATE TRIGGER wipe AFTER UPDATE ON articles BEGIN DELETE FROM articles; END",
    )
    with pytest.raises(StoreError) as err:
        check_backup(backup)
    assert err.value.code == "store_foreign_schema"
    assert "an extra trigger wipe" in err.value.message
    with pytest.raises(StoreError):
        restore_backup(store_path, backup)
    assert cli(["--store", str(store_path), "restore", str(backup), "--yes"]) == 1
    err_text = capsys.readouterr().err
    assert "extra trigger wipe" in err_text
    assert "Traceback" not in err_text
    assert _headlines(store_path) == ["Bài cần giữ"]


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("DROP INDEX ix_articles_listing", "no index ix_articles_listing"),
        ("CREATE VIEW everything AS SELECT * FROM articles", "an extra view everything"),
        ("CREATE TABLE spare (x)", "an extra table spare"),
        ("ALTER TABLE notes ADD COLUMN extra TEXT", "a different table notes"),
    ],
)
def test_a_backup_whose_schema_differs_says_what_differs(
    store_path: Path, statement: str, said: str
):
    backup = _backup_with(store_path, statement)
    with pytest.raises(StoreError) as err:
        check_backup(backup)
    assert said in err.value.message


def test_an_untouched_backup_still_restores(store_path: Path):
    backup = _backup_with(store_path)
    nr = Newsroom.open(store_path, actor=REPORTER)
    nr.articles.create({"headline": "Bài sau sao lưu"})
    nr.close()
    assert check_backup(backup).article_count == 1
    restore_backup(store_path, backup)
    assert _headlines(store_path) == ["Bài cần giữ"]


def test_restore_of_a_missing_file_says_there_is_none(
    store_path: Path, capsys: pytest.CaptureFixture[str]
):
    Store.open(store_path).close()
    assert cli(["--store", str(store_path), "restore", "/nonexistent/backup.sqlite", "--yes"]) == 1
    err = capsys.readouterr().err
    assert "There is no file /nonexistent/backup.sqlite" in err
    assert "empty" not in err


def test_an_unknown_older_schema_is_not_called_newer(store_path: Path):
    Store.open(store_path).close()
    with sqlite3.connect(store_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    with pytest.raises(StoreError) as err:
        Store.open(store_path)
    assert err.value.code == "store_unknown_schema"
    assert "newer" not in err.value.message
    assert "0000" in err.value.message


def test_an_empty_schema_record_is_called_damaged_not_a_table_clash(store_path: Path):
    Store.open(store_path).close()
    with sqlite3.connect(store_path) as conn:
        conn.execute("DELETE FROM alembic_version")
    with pytest.raises(StoreError) as err:
        Store.open(store_path)
    assert err.value.code == "store_damaged"
    assert "no schema revision" in err.value.message
    assert "already exists" not in err.value.message
