"""Backups: made while the app writes, rotated, listed with counts, restored safely or refused."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsroom_desktop.core import backups
from newsroom_desktop.core.backups import (
    auto_backup_if_due,
    backup_due,
    list_backups,
    make_backup,
    restore_backup,
    rotate_backups,
)
from newsroom_desktop.core.errors import NotFoundError, StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.packed_backups import unpacked
from newsroom_desktop.core.safety_records import AUTO, BEFORE_RESTORE, MANUAL
from newsroom_desktop.core.store import SCHEMA_HEAD
from tests.conftest import REPORTER
from tests.faults.conftest import integrity, wreck_table


def _headlines(path: Path) -> set[str]:
    nr = Newsroom.open(path, actor=REPORTER)
    try:
        return {s.headline for s in nr.articles.list(limit=1000)}
    finally:
        nr.close()


def test_backup_while_another_thread_writes_is_sound_and_listed_with_its_count(
    newsroom, store_path
):
    for n in range(3):
        newsroom.articles.create({"headline": f"Bài {n}", "body": "Nội dung.\n" * 50})
    writer = Newsroom.open(store_path, actor=REPORTER)
    stop = threading.Event()

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            writer.articles.create({"headline": f"Viết thêm {n}"})
            n += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        infos = [make_backup(newsroom.store, AUTO) for _ in range(3)]
    finally:
        stop.set()
        thread.join()
        writer.close()
    for info in infos:
        # Automatic backups are kept compressed; unpacked, each is a sound store.
        assert info.path.name.endswith(".sqlite.gz")
        with unpacked(info.path) as plain:
            assert integrity(plain) == "ok"
        assert info.article_count is not None and info.article_count >= 3
        assert info.schema_revision == SCHEMA_HEAD
        assert info.label == AUTO and info.usable
    listed = list_backups(store_path)
    assert [b.path for b in listed] == [i.path for i in reversed(infos)]
    assert listed[0].created_at > listed[-1].created_at
    # A backup is one self-contained file: nothing to lose beside it.
    assert not list(store_path.parent.joinpath("backups").glob("*-wal"))
    with unpacked(infos[0].path) as plain:
        conn = sqlite3.connect(plain)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        conn.close()


def test_rotation_keeps_the_newest_automatic_backups_and_never_manual_ones(newsroom, store_path):
    newsroom.articles.create({"headline": "Một bài"})
    manual = make_backup(newsroom.store, MANUAL)
    autos = [make_backup(newsroom.store, AUTO, keep=3) for _ in range(5)]
    safety = [make_backup(newsroom.store, BEFORE_RESTORE, keep=2) for _ in range(3)]
    names = {b.path.name for b in list_backups(store_path)}
    assert manual.path.name in names
    assert {a.path.name for a in autos[-3:]} <= names
    assert not {a.path.name for a in autos[:2]} & names
    assert {s.path.name for s in safety[-2:]} <= names
    assert safety[0].path.name not in names
    with pytest.raises(ValueError):
        rotate_backups(store_path, 1, MANUAL)


def test_a_backup_is_due_at_start_then_hourly(newsroom, store_path):
    assert backup_due(store_path)
    first = auto_backup_if_due(newsroom.store, keep=10)
    assert first is not None and first.article_count == 0
    assert not backup_due(store_path)
    assert auto_backup_if_due(newsroom.store, keep=10) is None
    assert backup_due(store_path, now=datetime.now(UTC) + timedelta(minutes=61))
    assert auto_backup_if_due(newsroom.store, interval=timedelta(0)) is not None


def test_backups_of_other_stores_in_the_folder_are_not_listed(newsroom, store_path):
    other = Newsroom.open(store_path.with_name("khac.sqlite"), actor=REPORTER)
    make_backup(other.store, MANUAL)
    other.close()
    mine = make_backup(newsroom.store, MANUAL)
    assert [b.path for b in list_backups(store_path)] == [mine.path]


def test_restore_brings_back_the_backup_and_keeps_the_replaced_store(newsroom, store_path):
    newsroom.articles.create({"headline": "Trước sao lưu"})
    backup = make_backup(newsroom.store, MANUAL)
    newsroom.articles.create({"headline": "Sau sao lưu"})
    newsroom.close()
    result = restore_backup(store_path, backup.path)
    assert result.store == store_path
    assert _headlines(store_path) == {"Trước sao lưu"}
    assert integrity(store_path) == "ok"
    assert result.previous is not None and BEFORE_RESTORE in result.previous.name
    assert _headlines(result.previous) >= {"Trước sao lưu", "Sau sao lưu"}
    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_program_with_the_store_open_sees_the_restored_content(newsroom, store_path):
    doc = newsroom.articles.create({"headline": "Bản cũ"})
    backup = make_backup(newsroom.store, MANUAL)
    newsroom.articles.save(doc.id, {"headline": "Bản mới"})
    assert newsroom.articles.get(doc.id).headline == "Bản mới"
    restore_backup(store_path, backup.path)
    # The other window's next read sees the restored store: nothing it holds went stale.
    assert newsroom.articles.get(doc.id).headline == "Bản cũ"
    assert integrity(store_path) == "ok"


def test_restore_over_a_damaged_store_keeps_the_damaged_files(newsroom, store_path):
    newsroom.articles.create({"headline": "Còn nguyên"})
    backup = make_backup(newsroom.store, MANUAL)
    newsroom.close()
    data = bytearray(store_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    store_path.write_bytes(bytes(data))
    damaged = bytes(data)
    result = restore_backup(store_path, backup.path)
    assert result.previous is not None and result.previous.name.endswith("-damaged.sqlite")
    assert result.previous.read_bytes() == damaged
    assert _headlines(store_path) == {"Còn nguyên"}


def test_restore_refuses_what_is_not_a_sound_backup_and_changes_nothing(
    newsroom, store_path, tmp_path
):
    newsroom.articles.create({"headline": "Giữ nguyên"})
    good = make_backup(newsroom.store, MANUAL)
    newsroom.close()
    before = store_path.read_bytes()
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database\n" * 100)
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(good.path.read_bytes())
    wreck_table(broken, "articles")
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(good.path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    codes = {}
    for name, path in (("text", text), ("broken", broken), ("newer", newer)):
        with pytest.raises(StoreError) as err:
            restore_backup(store_path, path)
        codes[name] = err.value.code
        assert str(path) in err.value.message
    assert codes == {
        "text": "store_not_a_store",
        "broken": "store_damaged",
        "newer": "store_too_new",
    }
    assert store_path.read_bytes() == before
    assert [b.label for b in list_backups(store_path)] == [MANUAL]


def test_a_store_with_nothing_yet_can_be_restored_into(newsroom, store_path, tmp_path):
    newsroom.articles.create({"headline": "Máy cũ"})
    backup = make_backup(newsroom.store, MANUAL)
    newsroom.close()
    fresh = tmp_path / "new-machine" / "newsroom.sqlite"
    result = restore_backup(fresh, backup.path)
    assert result.previous is None
    assert _headlines(fresh) == {"Máy cũ"}


def test_a_listed_backup_that_is_damaged_says_so(newsroom, store_path):
    info = make_backup(newsroom.store, AUTO)
    info.path.write_bytes(b"garbage" * 100)
    (listed,) = list_backups(store_path)
    assert not listed.usable and listed.article_count is None
    assert "not a Newsroom store" in listed.problem


def test_backup_of_a_missing_store_folder_reports_clearly(tmp_path):
    with pytest.raises((StoreError, NotFoundError)):
        backups.check_backup(tmp_path / "nothing.sqlite")
