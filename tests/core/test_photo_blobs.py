"""Photo originals on a newsroom server: stored once in it, seen and exported by every desk."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from psycopg import errors
from sqlalchemy import create_engine, func, inspect, make_url, select, text

from newsroom_desktop.core import blobs, pg_tools
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import PhotoError, StoreError
from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
from newsroom_desktop.core.models import Photo
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_checks import original_file
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.jobs.exports import export_article
from tests import pg
from tests.conftest import DATA, EDITOR, REPORTER
from tests.pg import PgServer, connect

pytestmark = pytest.mark.backends("sqlite", "postgresql")

PHOTO = DATA / "photos" / "iptc-ref-2024.1__aidin36-xmp.jpg"
OTHER = DATA / "photos" / "mei_Photoshop_3.jpg"
CAPTION = "Hội nghị trực tuyến toàn quốc, điểm cầu Cần Thơ"
OTHER_REPORTER = Actor("Thu Trang", "reporter")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def desk(url: str, home: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Newsroom:
    """Open the newsroom as one desk does: signed in with ``url``'s login, its own folders."""
    for var, sub in (("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data")):
        folder = home / name / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(folder))
    return Newsroom.open(url)


@pytest.fixture
def reporter(server_person) -> str:
    """The URL of the reporter's own login (desk A of the tests)."""
    return str(server_person(REPORTER.name, REPORTER.role))


@pytest.fixture
def other_reporter(server_person) -> str:
    """The URL of another reporter's own login (desk B when it needs no editor)."""
    return str(server_person(OTHER_REPORTER.name, OTHER_REPORTER.role))


def blob_rows(url: str) -> list[tuple[str, int]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT sha256, size FROM photo_blobs"))]
    finally:
        engine.dispose()


def add_captioned(newsroom: Newsroom, headline: str, photo: Path = PHOTO) -> tuple[str, str]:
    doc = newsroom.articles.create({"headline": headline, "body": "Đoạn một."})
    (use,) = newsroom.photos.add(doc.id, [photo])
    newsroom.photos.update_use(doc.id, use.id, caption=CAPTION, credit="Ảnh: Ngọc Hậu")
    return doc.id, use.id


def test_an_added_photo_reads_back_as_its_original(newsroom, backend, tmp_path):
    article_id, use_id = add_captioned(newsroom, "Ảnh gốc")
    use = newsroom.articles.get(article_id).photo(use_id)
    assert use is not None and use.caption == CAPTION
    original = original_file(use)
    assert sha256(original) == sha256(PHOTO) == use.sha256
    if backend == "sqlite":
        # A store file keeps its originals as files beside it, and no table of blobs.
        assert original.is_relative_to(tmp_path / "store" / "originals")
        assert "photo_blobs" not in inspect(newsroom.store.engine).get_table_names()


@pytest.mark.backends("postgresql")
def test_a_photo_added_on_one_desk_is_seen_and_exported_by_another(
    reporter, server_person, isolated_dirs, tmp_path, monkeypatch, backend
):
    desk_a = desk(reporter, isolated_dirs, "a", monkeypatch)
    try:
        article_id, use_id = add_captioned(desk_a, "Bài có ảnh từ bàn A")
        exported_a = export_article(desk_a, article_id, "html", tmp_path / "a", ExportOptions())
    finally:
        desk_a.close()
    # A small chunk makes desk B's download take many round trips, as a big photo does.
    monkeypatch.setattr(blobs, "CHUNK_BYTES", 10_000)
    desk_b = desk(server_person(EDITOR.name, EDITOR.role), isolated_dirs, "b", monkeypatch)
    try:
        assert desk_b.actor == EDITOR
        use = desk_b.articles.get(article_id).photo(use_id)
        assert use is not None and (use.caption, use.sha256) == (CAPTION, sha256(PHOTO))
        assert use.file is not None and not use.file.exists()  # not on desk B yet
        original = original_file(use)
        assert original.is_relative_to(isolated_dirs / "b" / "cache")
        assert sha256(original) == sha256(PHOTO)
        assert desk_b.photos.thumbnail(use) is not None
        exported_b = export_article(desk_b, article_id, "html", tmp_path / "b", ExportOptions())
    finally:
        desk_b.close()
    assert exported_a.ok and exported_b.ok, (exported_a.error, exported_b.error)
    images_a = [f for f in exported_a.files if f.suffix == ".jpg"]
    images_b = [f for f in exported_b.files if f.suffix == ".jpg"]
    # Both desks render the web image from the same original: the same bytes come out.
    assert len(images_b) == 1
    assert images_b[0].read_bytes() == images_a[0].read_bytes()


@pytest.mark.backends("postgresql")
def test_an_imported_articles_photos_reach_the_other_desks(
    reporter, other_reporter, isolated_dirs, monkeypatch, backend
):
    figures = (
        ImportedFigure(caption=CAPTION, image=PHOTO),  # an image beside an HTML page
        ImportedFigure(
            caption="Ảnh trong DOCX", image_bytes=OTHER.read_bytes(), image_name="a.jpg"
        ),
    )
    imported = ImportedArticle("Bài nhập có ảnh", blocks=("Đoạn một.", *figures))
    desk_a = desk(reporter, isolated_dirs, "a", monkeypatch)
    try:
        stored = desk_a.intake.store(imported)
    finally:
        desk_a.close()
    desk_b = desk(other_reporter, isolated_dirs, "b", monkeypatch)
    try:
        uses = desk_b.articles.get(stored.id).photos
        assert [use.caption for use in uses] == [CAPTION, "Ảnh trong DOCX"]
        assert [sha256(original_file(use)) for use in uses] == [sha256(PHOTO), sha256(OTHER)]
    finally:
        desk_b.close()


@pytest.mark.backends("postgresql")
def test_the_same_photo_added_twice_is_stored_once(
    pg_database, reporter, other_reporter, isolated_dirs, monkeypatch, backend
):
    desk_a = desk(reporter, isolated_dirs, "a", monkeypatch)
    try:
        add_captioned(desk_a, "Lần một")
        add_captioned(desk_a, "Lần hai")
        add_captioned(desk_a, "Ảnh khác", OTHER)
    finally:
        desk_a.close()
    desk_b = desk(other_reporter, isolated_dirs, "b", monkeypatch)
    try:
        add_captioned(desk_b, "Lần ba, từ bàn B")
        with desk_b.store.read() as session:
            assert session.scalar(select(func.count()).select_from(Photo)) == 2
    finally:
        desk_b.close()
    rows = sorted(blob_rows(pg_database))
    expected = sorted(
        [(sha256(PHOTO), PHOTO.stat().st_size), (sha256(OTHER), OTHER.stat().st_size)]
    )
    assert rows == expected


@pytest.mark.backends("postgresql")
def test_a_damaged_cached_original_is_fetched_again(reporter, isolated_dirs, monkeypatch, backend):
    newsroom = desk(reporter, isolated_dirs, "a", monkeypatch)
    try:
        article_id, use_id = add_captioned(newsroom, "Ảnh bị hỏng trong bộ nhớ đệm")
        use = newsroom.articles.get(article_id).photo(use_id)
        assert use is not None
        cached = original_file(use)
        damaged = bytearray(cached.read_bytes())
        damaged[len(damaged) // 2] ^= 0xFF
        cached.write_bytes(bytes(damaged))
        assert sha256(cached) != use.sha256
        assert sha256(original_file(use)) == sha256(PHOTO)
        cached.unlink()
        assert sha256(original_file(use)) == sha256(PHOTO)
    finally:
        newsroom.close()


@pytest.mark.backends("postgresql")
def test_a_blob_damaged_on_the_server_is_refused_not_cached(
    pg_database, reporter, other_reporter, isolated_dirs, monkeypatch, backend
):
    desk_a = desk(reporter, isolated_dirs, "a", monkeypatch)
    try:
        article_id, use_id = add_captioned(desk_a, "Ảnh hỏng trên máy chủ")
    finally:
        desk_a.close()
    engine = create_engine(pg_database)
    try:
        with engine.begin() as conn:
            # Only a superuser who switches the guards off can damage a blob (as a bad disk).
            conn.execute(text("ALTER TABLE photo_blobs DISABLE TRIGGER photo_blobs_unchanging"))
            conn.execute(text("ALTER TABLE photo_blobs DROP CONSTRAINT photo_blobs_address"))
            conn.execute(
                text("UPDATE photo_blobs SET bytes = overlay(bytes placing '\\x00' from 9)")
            )
    finally:
        engine.dispose()
    desk_b = desk(other_reporter, isolated_dirs, "b", monkeypatch)
    try:
        use = desk_b.articles.get(article_id).photo(use_id)
        assert use is not None and use.file is not None
        with pytest.raises(StoreError) as caught:
            original_file(use)
        assert caught.value.code == "original_damaged"
        assert not use.file.exists()
        assert not list(use.file.parent.glob(".fetch.*"))
    finally:
        desk_b.close()


@pytest.mark.backends("postgresql")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE photo_blobs SET bytes = '\\x00'::bytea, size = 1",
        "DELETE FROM photo_blobs",
        "TRUNCATE photo_blobs",
    ],
)
def test_a_blob_never_changes_nor_goes_away_even_for_a_superuser(
    pg_database, newsroom, backend, sql
):
    add_captioned(newsroom, "Ảnh không đổi")
    engine = create_engine(pg_database)
    try:
        with pytest.raises(Exception, match="never change"), engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()
    assert [size for _sha, size in blob_rows(pg_database)] == [PHOTO.stat().st_size]


@pytest.mark.backends("postgresql")
def test_a_reporters_login_adds_and_reads_blobs_but_never_changes_or_deletes_them(
    pg_database, reporter, backend
):
    data = OTHER.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    with connect(reporter) as conn:
        conn.execute(
            "INSERT INTO photo_blobs (sha256, size, bytes) VALUES (%s, %s, %s)",
            [digest, len(data), data],
        )
        read = conn.execute("SELECT bytes FROM photo_blobs WHERE sha256 = %s", [digest])
        assert read.fetchone() == (data,)
        for sql in (
            "UPDATE photo_blobs SET bytes = '\\x00'::bytea, size = 1",
            "DELETE FROM photo_blobs",
            "TRUNCATE photo_blobs",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql)
        # Nor can a login plant other bytes under a photo's address before the photo arrives.
        with pytest.raises(errors.CheckViolation):
            conn.execute(
                "INSERT INTO photo_blobs (sha256, size, bytes) VALUES (%s, 1, '\\x00')",
                [sha256(PHOTO)],
            )
    assert blob_rows(pg_database) == [(digest, len(data))]
    # The table belongs to the newsroom's owner role like every other, not to who ran init.
    engine = create_engine(pg_database)
    try:
        with engine.connect() as conn:
            owners = conn.execute(
                text(
                    "SELECT tableowner, newsroom_owner_role() FROM pg_tables "
                    "WHERE tablename = 'photo_blobs'"
                )
            ).one()
    finally:
        engine.dispose()
    assert owners[0] == owners[1] and owners[0].endswith("_newsroom_owner")


@pytest.mark.backends("postgresql")
def test_a_photo_over_the_server_cap_is_refused_and_nothing_is_stored(
    pg_database, newsroom, monkeypatch, backend
):
    monkeypatch.setattr(blobs, "MAX_BLOB_BYTES", PHOTO.stat().st_size - 1)
    doc = newsroom.articles.create({"headline": "Ảnh quá lớn"})
    with pytest.raises(PhotoError) as caught:
        newsroom.photos.add(doc.id, [PHOTO])
    assert caught.value.code == "too_large"
    assert newsroom.articles.get(doc.id).photos == ()
    assert blob_rows(pg_database) == []


@pytest.mark.backends("postgresql")
def test_a_restored_server_dump_brings_the_photos_back(
    pg_server: PgServer, pg_database, reporter, isolated_dirs, monkeypatch, backend
):
    desk_a = desk(reporter, isolated_dirs, "a", monkeypatch)
    try:
        article_id, use_id = add_captioned(desk_a, "Sao lưu có ảnh")
    finally:
        desk_a.close()
    # The server's owner, its first admin, makes the backup (a reporter may not read it all).
    owner = desk(pg_database, isolated_dirs, "owner", monkeypatch)
    try:
        archive = owner.backups.make().path
    finally:
        owner.close()
    with pg.database(pg_server) as restored:
        target, env = pg_tools.libpq_target(make_url(restored))
        restore = [str(pg_server.bindir / "pg_restore"), "--no-owner", f"--dbname={target}"]
        subprocess.run([*restore, str(archive)], check=True, capture_output=True, env=env)
        # The reporter signs in to the restored newsroom with the same login, on a new desk.
        again = make_url(reporter).set(database=make_url(restored).database)
        desk_c = desk(again.render_as_string(hide_password=False), isolated_dirs, "c", monkeypatch)
        try:
            use = desk_c.articles.get(article_id).photo(use_id)
            assert use is not None and use.caption == CAPTION
            assert sha256(original_file(use)) == sha256(PHOTO)
        finally:
            desk_c.close()
