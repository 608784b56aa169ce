"""The store file's contentless search index: true after every kind of change, and migrated."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

from newsroom_desktop.core import search_index
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.store import migrations_dir
from newsroom_desktop.core.store_file import SCHEMA_HEAD
from tests.conftest import DATA, EDITOR, REPORTER

PHOTO = DATA / "photos" / "exiftool_t_PhotoMechanic.jpg"


def _terms(conn: Connection, table: str) -> list[tuple[object, ...]]:
    """Return every (term, column, documents, occurrences) the table's index holds."""
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE temp.{table}_terms USING fts5vocab(main, {table}, col)"
    )
    rows = conn.exec_driver_sql(f"SELECT term, col, doc, cnt FROM temp.{table}_terms").all()
    conn.exec_driver_sql(f"DROP TABLE temp.{table}_terms")
    return sorted(tuple(row) for row in rows)


def assert_index_is_true(nr: Newsroom) -> None:
    """The index holds exactly what a fresh index of the stored articles would hold."""
    with nr.store._write_engine.begin() as conn:
        columns = ", ".join(search_index.COLUMNS)
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE fresh USING fts5({columns}, content='', detail=column)"
        )
        for (num,) in conn.exec_driver_sql("SELECT num FROM articles").all():
            doc = search_index.stored_text(conn, num)
            assert doc is not None
            values = ", ".join("?" for _ in search_index.COLUMNS)
            conn.exec_driver_sql(
                f"INSERT INTO fresh(rowid, {columns}) VALUES (?, {values})",
                (num, *doc.__dict__.values()),
            )
        assert _terms(conn, "article_search") == _terms(conn, "fresh")
        sizes = "SELECT id, sz FROM {}_docsize ORDER BY id"
        fresh = conn.exec_driver_sql(sizes.format("fresh")).all()
        assert conn.exec_driver_sql(sizes.format("article_search")).all() == fresh
        conn.exec_driver_sql("DROP TABLE fresh")


def _ids(results) -> list[str]:
    return [r.id for r in results]


@pytest.fixture
def nr(tmp_path: Path):
    newsroom = Newsroom.open(tmp_path / "store.sqlite", actor=EDITOR)
    yield newsroom
    newsroom.close()


def test_the_index_keeps_no_copy_of_the_text(nr: Newsroom):
    nr.articles.create({"headline": "Đảng ủy họp", "body": "Công an Nhân dân."})
    with nr.store.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "article_search_content" not in tables
        # Nothing to read back: the columns of a contentless table are empty.
        assert conn.exec_driver_sql("SELECT headline FROM article_search").scalar() is None
    assert len(nr.articles.search("dang uy")) == 1


def test_edits_keep_the_index_true(nr: Newsroom):
    doc = nr.articles.create(
        {"headline": "Bóng đá", "lead": "Trận đấu", "tags": ["Thể thao", "Cần Thơ"]}
    )
    other = nr.articles.create({"headline": "Lúa gạo", "body": "Xuất khẩu **lúa gạo**."})
    nr.articles.save(doc.id, {"headline": "Bóng chuyền", "tags": ["Thể thao"]})
    nr.articles.save(other.id, {"body": "Giá lúa tăng.\n\nThủy sản."})
    assert_index_is_true(nr)
    assert nr.articles.search("bong da ") == []
    assert nr.articles.search("can tho") == []
    assert _ids(nr.articles.search("bong chuyen")) == [doc.id]
    assert _ids(nr.articles.search("thuy san")) == [other.id]


def test_photo_captions_keep_the_index_true(nr: Newsroom):
    doc = nr.articles.create({"headline": "Cầu mới"})
    (use,) = nr.photos.add(doc.id, [PHOTO])
    nr.photos.update_use(doc.id, use.id, caption="Đại biểu tham dự tại điểm cầu Ninh Kiều")
    assert _ids(nr.articles.search("ninh kieu")) == [doc.id]
    assert_index_is_true(nr)
    nr.photos.update_use(doc.id, use.id, caption="Lễ hội")
    assert nr.articles.search("ninh kieu") == []
    assert _ids(nr.articles.search("le hoi")) == [doc.id]
    nr.photos.remove(doc.id, use.id)
    assert nr.articles.search("le hoi") == []
    assert_index_is_true(nr)


def test_trash_and_empty_trash_keep_the_index_true(nr: Newsroom):
    gone = nr.articles.create({"headline": "Tin cũ ở Hà Nội"})
    kept = nr.articles.create({"headline": "Tin mới ở Hà Nội"})
    nr.articles.trash(gone.id)
    assert_index_is_true(nr)
    assert nr.articles.empty_trash() == 1
    assert _ids(nr.articles.search("ha noi")) == [kept.id]
    assert_index_is_true(nr)
    again = nr.articles.create({"headline": "Một tin khác"})  # may take the freed number
    assert nr.articles.search("ha noi cu") == []
    assert _ids(nr.articles.search("mot tin")) == [again.id]
    assert_index_is_true(nr)


def _downgrade_to_0006(nr: Newsroom) -> None:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with nr.store._write_engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")


def test_a_store_of_0006_migrates_and_finds_what_it_found(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    nr = Newsroom.open(path, actor=REPORTER)
    ids = {
        "dang": nr.articles.create({"headline": "Tăng cường sự lãnh đạo của Đảng"}).id,
        "dan": nr.articles.create({"headline": "Đàn cá ở sông Hậu", "byline": "Phương Nam"}).id,
        "bong": nr.articles.create({"headline": "Bóng đá", "tags": ["Thể thao"]}).id,
    }
    (use,) = nr.photos.add(ids["dan"], [PHOTO])
    nr.photos.update_use(ids["dan"], use.id, caption="Người dân Cần Thơ")
    queries = ("dang", "Đảng", "da", "can th", "phuong nam", "the thao", "song hau", "xyz")
    found = {q: _ids(nr.articles.search(q)) for q in queries}
    _downgrade_to_0006(nr)
    with nr.store.engine.connect() as conn:  # the old index, with its copy of the folded text
        old = conn.exec_driver_sql("SELECT headline FROM article_search ORDER BY rowid LIMIT 1")
        assert old.scalar() == "tang cuong su lanh dao cua dang"
    nr.close()
    nr = Newsroom.open(path, actor=REPORTER)  # migrates to the head
    try:
        assert nr.store.schema_revision() == SCHEMA_HEAD
        assert {q: _ids(nr.articles.search(q)) for q in queries} == found
        assert found["dang"] == [ids["dang"]] and found["can th"] == [ids["dan"]]
        assert_index_is_true(nr)
        nr.articles.save(ids["bong"], {"headline": "Bóng chuyền"})
        assert nr.articles.search("bong da ") == []
        assert_index_is_true(nr)
    finally:
        nr.close()
