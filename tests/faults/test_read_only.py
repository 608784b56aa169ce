"""A store on a read-only disk or folder opens read-only: reading works, writing says why not."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom_desktop.cli.main import main as cli
from newsroom_desktop.core.errors import NewsroomError, StoreError
from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import DATA, REPORTER
from tests.faults.conftest import can_mount, integrity, read_only_view


@contextlib.contextmanager
def read_only_folder(source: Path, where: Path) -> Iterator[Path]:
    """Show ``source`` read-only: a read-only bind mount as root (who ignores modes), else chmod."""
    if can_mount():
        with read_only_view(source, where) as folder:
            yield folder
        return
    if os.geteuid() == 0:
        pytest.fail(
            "root ignores file modes and may not mount here: no way to make a read-only disk"
        )
    modes = {p: p.stat().st_mode for p in [source, *source.rglob("*")]}
    for p, mode in modes.items():
        p.chmod(stat.S_IMODE(mode) & ~0o222)
    try:
        yield source
    finally:
        for p, mode in modes.items():
            p.chmod(stat.S_IMODE(mode))


def _fill(path: Path) -> str:
    nr = Newsroom.open(path, actor=REPORTER)
    doc = nr.articles.create({"headline": "Chỉ đọc", "body": "Nội dung bài viết.\n"})
    nr.photos.add(doc.id, [DATA / "photos" / "mei_Photoshop_3.jpg"])
    nr.close()
    return doc.id


@pytest.mark.parametrize("leftover_wal", [False, True], ids=["closed-cleanly", "wal-left-behind"])
def test_store_on_a_read_only_disk_opens_read_only(tmp_path: Path, leftover_wal: bool):
    source = tmp_path / "src"
    article_id = _fill(source / "newsroom.sqlite")
    keeper = Newsroom.open(source / "newsroom.sqlite", actor=REPORTER) if leftover_wal else None
    if keeper is not None:
        keeper.articles.get(article_id)  # makes the -wal and -shm files exist
    try:
        with read_only_folder(source, tmp_path / "ro") as folder:
            # Read before opening: no plain open() of a store this process holds (live_files).
            before = (folder / "newsroom.sqlite").read_bytes()
            nr = Newsroom.open(folder / "newsroom.sqlite", actor=REPORTER)
            try:
                assert nr.read_only
                doc = nr.articles.get(article_id)
                assert doc.headline == "Chỉ đọc"
                assert [s.id for s in nr.articles.list()] == [article_id]
                assert [s.id for s in nr.articles.search("chi doc")] == [article_id]
                body = doc.body
                for attempt in (
                    lambda: nr.articles.save(article_id, {"body": "Sửa.\n"}, reason="autosave"),
                    lambda: nr.articles.create({"headline": "Mới"}),
                    lambda: nr.photos.add(article_id, [DATA / "photos" / "mei_Photoshop_3.jpg"]),
                ):
                    with pytest.raises(StoreError) as err:
                        attempt()
                    assert err.value.code == "store_read_only"
                    assert "read-only" in err.value.message and "Copy it" in err.value.message
                assert nr.articles.get(article_id).body == body
            finally:
                nr.close()
            assert (folder / "newsroom.sqlite").read_bytes() == before
    finally:
        if keeper is not None:
            keeper.close()
    assert integrity(source / "newsroom.sqlite") == "ok"


def test_cli_reads_a_read_only_store_and_refuses_writes_with_one_line(tmp_path: Path, capsys):
    source = tmp_path / "src"
    _fill(source / "newsroom.sqlite")
    with read_only_folder(source, tmp_path / "ro") as folder:
        store = str(folder / "newsroom.sqlite")
        assert cli(["--store", store, "list"]) == 0
        assert "Chỉ đọc" in capsys.readouterr().out
        assert cli(["--store", store, "new", "--headline", "Không được"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("newsroom: error: The store") and "read-only" in err
        assert err.count("\n") == 1
        assert cli(["--store", store, "check"]) == 0


def test_asking_for_read_only_leaves_a_writable_store_untouched(newsroom, store_path):
    doc = newsroom.articles.create({"headline": "Một"})
    newsroom.close()
    viewer = Newsroom.open(store_path, actor=REPORTER, read_only=True)
    try:
        assert viewer.read_only
        with pytest.raises(StoreError) as err:
            viewer.articles.save(doc.id, {"headline": "Hai"})
        assert err.value.code == "store_read_only"
        assert viewer.articles.get(doc.id).headline == "Một"
    finally:
        viewer.close()


def test_no_new_store_in_a_read_only_folder(tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "keep.txt").write_text("x")
    with read_only_folder(empty, tmp_path / "ro") as folder:
        with pytest.raises(NewsroomError) as err:
            Newsroom.open(folder / "newsroom.sqlite", actor=REPORTER)
        assert err.value.code == "store_read_only"
        assert "Choose a folder you can write to" in err.value.message
        assert not (folder / "newsroom.sqlite").exists()


def test_writable_store_is_not_read_only(newsroom):
    assert not newsroom.read_only
    assert os.access(newsroom.store.location.path, os.W_OK)
    assert shutil.disk_usage(newsroom.store.location.path.parent).free > 0
