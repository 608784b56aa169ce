"""Missing pieces: a deleted thumbnail cache, a lost photo original, a damaged store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsroom_desktop.cli.main import main as cli
from newsroom_desktop.core.backups import make_backup
from newsroom_desktop.core.errors import PhotoError, StoreError
from newsroom_desktop.core.health import check_store
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.safety_records import MANUAL
from newsroom_desktop.jobs.exports import export_many
from tests.conftest import DATA, REPORTER
from tests.faults.conftest import wreck_table

PHOTO = DATA / "photos" / "mei_Photoshop_3.jpg"


def _with_photo(nr: Newsroom, headline: str):
    doc = nr.articles.create({"headline": headline, "lead": "Dẫn.", "body": "Thân bài.\n"})
    (use,) = nr.photos.add(doc.id, [PHOTO])
    nr.photos.update_use(
        doc.id, use.id, caption="Chú thích", credit="Ảnh: Ngọc Hậu", alt_text="Một cảnh"
    )
    return nr.articles.get(doc.id)


def test_a_deleted_thumbnail_cache_is_made_again(newsroom):
    doc = _with_photo(newsroom, "Ảnh")
    first = newsroom.photos.thumbnail(doc.photos[0])
    shutil.rmtree(newsroom.store.location.thumbnails_dir)
    again = newsroom.photos.thumbnail(doc.photos[0])
    assert again == first and again.is_file() and again.stat().st_size > 0


def test_a_missing_original_says_what_happened_and_what_to_do(newsroom):
    doc = _with_photo(newsroom, "Ảnh mất")
    shutil.rmtree(newsroom.store.location.thumbnails_dir)
    doc.photos[0].file.unlink()
    with pytest.raises(PhotoError) as err:
        newsroom.photos.thumbnail(doc.photos[0])
    assert err.value.code == "original_missing"
    assert "mei_Photoshop_3.jpg is missing from" in err.value.message
    assert "restore the originals folder from a backup" in err.value.message


def test_export_fails_only_the_article_whose_original_is_missing(newsroom, tmp_path):
    lost = _with_photo(newsroom, "Ảnh mất")
    other = newsroom.articles.create({"headline": "Không ảnh", "lead": "Dẫn.", "body": "Thân.\n"})
    lost.photos[0].file.unlink()
    for fmt in ("html", "docx", "package"):
        report = export_many(newsroom, [lost.id, other.id], fmt, tmp_path / fmt)
        by_id = {r.id: r for r in report.results}
        assert by_id[other.id].ok
        assert not by_id[lost.id].ok and by_id[lost.id].error_code == "original_missing"
        assert "restore the originals folder from a backup" in by_id[lost.id].error


def test_check_reports_missing_originals_and_a_sound_store(newsroom, store_path, capsys):
    doc = _with_photo(newsroom, "Ảnh mất")
    assert check_store(store_path).ok
    assert cli(["--store", str(store_path), "check"]) == 0
    assert "ok" in capsys.readouterr().out
    doc.photos[0].file.unlink()
    result = check_store(store_path)
    assert not result.ok and [m.article_ids for m in result.missing_originals] == [(doc.id,)]
    assert cli(["--store", str(store_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "mei_Photoshop_3.jpg (used by 1 article(s)) is missing" in err


def test_a_damaged_store_is_reported_by_open_and_check_and_can_be_restored(
    newsroom, store_path, capsys
):
    newsroom.articles.create({"headline": "Bài quý"})
    backup = make_backup(newsroom.store, MANUAL)
    newsroom.close()
    wreck_table(store_path, "articles")
    damaged = Newsroom.open(store_path, actor=REPORTER)
    with pytest.raises(StoreError) as err:
        damaged.articles.list()
    damaged.close()  # a restore must not run under an open connection of this process
    assert err.value.code == "store_damaged"
    assert "Restore it from a backup" in err.value.message
    assert cli(["--store", str(store_path), "list"]) == 1
    assert "damaged" in capsys.readouterr().err
    assert cli(["--store", str(store_path), "check"]) == 1
    assert "is damaged" in capsys.readouterr().err
    assert cli(["--store", str(store_path), "backups"]) == 0
    assert "1 articles" in capsys.readouterr().out
    assert cli(["--store", str(store_path), "restore", str(backup.path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "damaged.sqlite" in out
    assert cli(["--store", str(store_path), "list"]) == 0
    assert "Bài quý" in capsys.readouterr().out


def test_cli_backup_prints_its_path_and_restore_refuses_junk(
    newsroom, store_path, capsys, tmp_path: Path
):
    newsroom.articles.create({"headline": "Một"})
    assert cli(["--store", str(store_path), "backup"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.is_file() and path.parent == store_path.parent / "backups"
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00" * 5000)
    assert cli(["--store", str(store_path), "restore", str(junk), "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsroom: error:") and "not a Newsroom store" in err
