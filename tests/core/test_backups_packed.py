"""Automatic backups are kept gzip-compressed, listed without unpacking, and restored whole."""

from __future__ import annotations

import contextlib
import gzip
import sqlite3
from pathlib import Path

import pytest

from newsroom_desktop.core.backups import check_backup, list_backups, make_backup, restore_backup
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.packed_backups import read_meta
from newsroom_desktop.core.safety_records import AUTO, MANUAL
from newsroom_desktop.core.store import SCHEMA_HEAD
from tests.conftest import REPORTER, SAMPLE_TEXT


def _fill(nr: Newsroom, count: int) -> None:
    body = SAMPLE_TEXT.read_text(encoding="utf-8")
    for n in range(count):
        nr.articles.create({"headline": f"Bài số {n}", "body": f"{body}\n\nĐoạn {n}."})


def _headlines(path: Path) -> set[str]:
    nr = Newsroom.open(path, actor=REPORTER)
    try:
        return {s.headline for s in nr.articles.list(limit=1000)}
    finally:
        nr.close()


def test_an_automatic_backup_is_a_gzip_of_a_sound_store_listed_from_its_header(
    newsroom: Newsroom, store_path: Path, tmp_path: Path
):
    _fill(newsroom, 30)
    info = make_backup(newsroom.store, AUTO)
    assert info.path.name.endswith("-auto.sqlite.gz")
    assert info.article_count == 30 and info.schema_revision == SCHEMA_HEAD and info.usable
    assert read_meta(info.path) == {"articles": 30, "revision": SCHEMA_HEAD}
    plain = tmp_path / "unpacked.sqlite"
    plain.write_bytes(gzip.decompress(info.path.read_bytes()))  # what gunzip gives back
    assert info.size < plain.stat().st_size / 2
    with contextlib.closing(sqlite3.connect(plain)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (30,)
    (listed,) = list_backups(store_path)
    assert listed == info
    # Nothing but the finished backup is left in the folder.
    assert [p.name for p in info.path.parent.iterdir()] == [info.path.name]


def test_rotation_keeps_the_newest_compressed_backups_and_manual_ones_stay_plain(
    newsroom: Newsroom, store_path: Path
):
    _fill(newsroom, 2)
    manual = make_backup(newsroom.store, MANUAL)
    autos = [make_backup(newsroom.store, AUTO, keep=3) for _ in range(5)]
    assert manual.path.name.endswith("-manual.sqlite")
    assert [b.path for b in list_backups(store_path) if b.label == AUTO] == [
        a.path for a in reversed(autos[-3:])
    ]


def test_restore_from_a_compressed_backup_brings_the_articles_back(
    newsroom: Newsroom, store_path: Path
):
    _fill(newsroom, 3)
    backup = make_backup(newsroom.store, AUTO)
    newsroom.articles.create({"headline": "Sau sao lưu"})
    newsroom.close()
    assert check_backup(backup.path).article_count == 3
    result = restore_backup(store_path, backup.path)
    assert result.restored.path == backup.path and result.restored.article_count == 3
    assert _headlines(store_path) == {f"Bài số {n}" for n in range(3)}
    assert result.previous is not None
    assert "Sau sao lưu" in _headlines(result.previous)


def test_a_cut_short_compressed_backup_is_refused_and_nothing_changes(
    newsroom: Newsroom, store_path: Path
):
    _fill(newsroom, 3)
    backup = make_backup(newsroom.store, AUTO)
    data = backup.path.read_bytes()
    backup.path.write_bytes(data[: len(data) // 2])
    newsroom.close()
    with pytest.raises(StoreError) as err:
        restore_backup(store_path, backup.path)
    assert err.value.code == "store_damaged"
    assert len(_headlines(store_path)) == 3
    assert [b.label for b in list_backups(store_path)] == [AUTO]


def test_a_compressed_backup_whose_header_says_nothing_is_listed_as_unusable(
    newsroom: Newsroom, store_path: Path
):
    info = make_backup(newsroom.store, AUTO)
    info.path.write_bytes(gzip.compress(b"not a store"))
    (listed,) = list_backups(store_path)
    assert not listed.usable and listed.article_count is None
    with pytest.raises(StoreError):
        check_backup(info.path)
