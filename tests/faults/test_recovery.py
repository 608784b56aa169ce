"""Recovery files: an edit that could not be saved is kept, offered back, saved losing nothing."""

from __future__ import annotations

import json
from pathlib import Path

from newsroom_desktop.cli.main import main as cli
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.recovery import (
    RECOVERED,
    apply_recovery,
    discard_recovery,
    pending_recoveries,
    recovery_dirs,
    save_recovery,
)
from tests.conftest import REPORTER

FIELDS = {"headline": "Bão số 5", "body": "Mưa lớn kéo dài suốt đêm.\n\nNước dâng cao.\n"}


def _reasons(nr: Newsroom, article_id: str) -> list[str]:
    return [r.reason for r in nr.history.list(article_id)]


def test_kept_edit_is_saved_back_when_nothing_moved(newsroom, store_path):
    doc = newsroom.articles.create({"headline": "Bão"})
    path = save_recovery(store_path, doc.id, FIELDS, doc.version, "The disk is full.")
    assert path.parent == store_path.parent / "recovery"
    assert json.loads(path.read_text(encoding="utf-8"))["fields"]["headline"] == "Bão số 5"
    (info,) = pending_recoveries(store_path)
    assert (info.article_id, info.base_version, info.error) == (
        doc.id,
        doc.version,
        "The disk is full.",
    )
    outcome = apply_recovery(newsroom, info)
    assert not outcome.conflict
    stored = newsroom.articles.get(doc.id)
    assert stored.headline == "Bão số 5" and "Nước dâng cao." in stored.body
    assert _reasons(newsroom, doc.id)[0] == RECOVERED  # history lists the newest first
    assert pending_recoveries(store_path) == []
    assert not path.exists()


def test_kept_edit_over_a_newer_version_is_kept_beside_it_as_a_conflict(newsroom, store_path):
    doc = newsroom.articles.create({"headline": "Bão", "body": "Bản đầu.\n"})
    save_recovery(store_path, doc.id, FIELDS, doc.version, "The store is read-only.")
    other = Newsroom.open(store_path, actor=REPORTER)
    other.articles.save(doc.id, {"body": "Bản của cửa sổ khác.\n"}, reason="save")
    other.close()
    (info,) = pending_recoveries(store_path)
    outcome = apply_recovery(newsroom, info)
    assert outcome.conflict and outcome.revision_number is not None
    stored = newsroom.articles.get(doc.id)
    assert stored.body == "Bản của cửa sổ khác.\n"  # the newer text was not overwritten
    kept = newsroom.history.find(doc.id, outcome.revision_number)
    assert kept.reason == RECOVERED and kept.body == FIELDS["body"] and kept.headline == "Bão số 5"


def test_kept_edit_of_an_article_deleted_for_good_becomes_a_new_article(newsroom, store_path):
    doc = newsroom.articles.create({"headline": "Sẽ bị xóa"})
    save_recovery(store_path, doc.id, FIELDS, doc.version, "disk full")
    newsroom.articles.trash(doc.id)
    newsroom.articles.empty_trash()
    (info,) = pending_recoveries(store_path)
    outcome = apply_recovery(newsroom, info)
    assert outcome.created
    assert newsroom.articles.get(outcome.article.id).headline == "Bão số 5"


def test_a_later_edit_replaces_the_earlier_one_and_discard_forgets_it(newsroom, store_path):
    doc = newsroom.articles.create({"headline": "Một"})
    save_recovery(store_path, doc.id, {"headline": "Hai"}, doc.version, "x")
    save_recovery(store_path, doc.id, {"headline": "Ba"}, doc.version, "y")
    (info,) = pending_recoveries(store_path)
    assert info.headline == "Ba"
    discard_recovery(info)
    assert pending_recoveries(store_path) == []


def test_when_the_store_folder_cannot_take_it_the_edit_goes_to_the_data_folder(
    newsroom, store_path
):
    doc = newsroom.articles.create({"headline": "Một"})
    # A file where the recovery folder should be: the store's own folder cannot take the edit.
    (store_path.parent / "recovery").write_text("in the way")
    path = save_recovery(store_path, doc.id, FIELDS, doc.version, "read-only")
    assert path.parent == recovery_dirs(store_path)[1]
    assert [i.article_id for i in pending_recoveries(store_path)] == [doc.id]


def test_only_this_stores_edits_are_offered_and_junk_files_are_ignored(
    newsroom, store_path, tmp_path
):
    doc = newsroom.articles.create({"headline": "Một"})
    other = tmp_path / "other" / "newsroom.sqlite"
    save_recovery(other, doc.id, FIELDS, 1, "x")
    junk = recovery_dirs(store_path)[1] / "junk.json"
    junk.parent.mkdir(parents=True, exist_ok=True)
    junk.write_text("{not json")
    half = recovery_dirs(store_path)[1] / "half.json"
    half.write_text(json.dumps({"store": str(store_path)}))
    assert pending_recoveries(store_path) == []
    assert [i.article_id for i in pending_recoveries(other)] == [doc.id]
    assert junk.exists() and half.exists()


def test_cli_lists_and_applies_kept_edits(newsroom, store_path, capsys):
    doc = newsroom.articles.create({"headline": "Một"})
    save_recovery(store_path, doc.id, FIELDS, doc.version, "The disk is full.")
    assert cli(["--store", str(store_path), "--as", REPORTER.name, "recover"]) == 0
    out = capsys.readouterr().out
    assert doc.id in out and "Bão số 5" in out and "The disk is full." in out
    assert (
        cli(["--store", str(store_path), "--as", REPORTER.name, "recover", "--apply", doc.id[:8]])
        == 0
    )
    assert f"{doc.id}: saved." in capsys.readouterr().out
    assert newsroom.articles.get(doc.id).headline == "Bão số 5"
    assert cli(["--store", str(store_path), "--as", REPORTER.name, "recover"]) == 0
    assert "No kept edits." in capsys.readouterr().out


def test_recovery_file_is_written_whole(newsroom, store_path):
    doc = newsroom.articles.create({"headline": "Một"})
    path = save_recovery(store_path, doc.id, FIELDS, doc.version, "x")
    leftovers = [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    assert Path(path).stat().st_size > 0


def test_which_failed_saves_are_kept():
    from newsroom_desktop.core.errors import ConflictError, StoreError, ValidationError
    from newsroom_desktop.core.safety_records import should_keep

    assert should_keep(StoreError("full", code="store_disk_full"))
    assert should_keep(StoreError("ro", code="store_read_only"))
    assert should_keep(StoreError("busy", code="store_locked"))
    assert should_keep(OSError(28, "No space left on device"))
    assert not should_keep(ConflictError("x", current_version=2, expected_version=1))
    assert not should_keep(ValidationError("bad"))
