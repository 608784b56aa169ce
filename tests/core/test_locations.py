"""Store locations: a store file (new or existing) is taken, anything else refused untouched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsroom_desktop.cli import main
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.paths import resolve_store
from tests.conftest import REPORTER


def tree(*folders: Path) -> set[str]:
    """Every path under ``folders``, to see that nothing was made beside a refused store."""
    return {str(p) for folder in folders for p in [folder, *folder.rglob("*")]}


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding a folder, a FIFO, a text file and a dangling link."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "folder").mkdir()
    os.mkfifo(work / "fifo")
    (work / "notes.txt").write_text("not a store")
    (work / "gone.sqlite").symlink_to(work / "nowhere.sqlite")
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # for ~/store.sqlite
    return work


REFUSED = {
    # A PostgreSQL URL is a newsroom server now (issue 13): tests/core/test_server.py.
    "mysql+pymysql://u@h/db": "not supported yet",
    "http://example.com/newsroom.sqlite": "not a store location",
    "sqlite://": "in memory",
    ":memory:": "in memory",
    "sqlite:///:memory:": "in memory",
    "file:newsroom.sqlite": "file: URI",
    "file:///tmp/newsroom.sqlite": "file: URI",
    "/dev/null": "not a regular file",
    "folder": "is a folder",
    "fifo": "not a regular file",
    "notes.txt/newsroom.sqlite": "not a folder",
    "gone.sqlite": "link to nothing",
}


@pytest.mark.parametrize("location", list(REFUSED))
def test_a_location_that_is_not_a_store_file_is_refused(place, capsys, location):
    before = tree(place, place.parent / "home")
    with pytest.raises(StoreError) as refused:
        resolve_store(location)
    assert REFUSED[location] in refused.value.message
    assert refused.value.code in {"store_unsupported", "store_not_a_store"}
    with pytest.raises(StoreError):
        Newsroom.open(location, actor=REPORTER)  # the window opens stores this way
    code = main(["--store", location, "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("newsroom: error: "), err
    assert REFUSED[location] in err
    for command in ("backups", "check"):
        assert main(["--store", location, command]) == 1
    capsys.readouterr()
    assert tree(place, place.parent / "home") == before  # no store, -wal, backups or folder
    assert not Path("/dev/backups").exists() and not Path("/dev/null-wal").exists()
    assert stat.S_ISFIFO((place / "fifo").stat().st_mode)


def test_the_environment_variable_is_checked_the_same_way(place, capsys, monkeypatch):
    monkeypatch.setenv("NEWSROOM_STORE", "mysql+pymysql://db.example/newsroom")
    assert main(["list"]) == 1
    assert "not supported yet" in capsys.readouterr().err


@pytest.mark.parametrize(
    "location",
    [
        "newsroom.sqlite",
        "new/deeper/newsroom.sqlite",
        "sqlite:///{place}/by-url.sqlite",
        "~/store.sqlite",
        "{place}/absolute.sqlite",
    ],
)
def test_a_store_file_new_or_existing_is_taken(place, capsys, location):
    location = location.format(place=place)
    expected = Path(location.removeprefix("sqlite:///")).expanduser().absolute()
    assert resolve_store(location).path == expected
    assert main(["--store", location, "new", "--headline", "Tin"]) == 0
    assert main(["--store", location, "list", "--json"]) == 0
    assert expected.is_file()
    out = capsys.readouterr().out
    assert '"headline": "Tin"' in out


def test_a_link_to_a_store_file_is_taken(place):
    Newsroom.open(place / "real.sqlite", actor=REPORTER).close()
    (place / "link.sqlite").symlink_to(place / "real.sqlite")
    assert resolve_store("link.sqlite").path == place / "link.sqlite"


@pytest.mark.parametrize("name", ["what?.sqlite", "a%20b.sqlite", "tin #1.sqlite"])
def test_the_store_opened_is_the_file_named(place, name):
    newsroom = Newsroom.open(name, actor=REPORTER)
    try:
        newsroom.articles.create({"headline": "Tin"})
    finally:
        newsroom.close()
    stores = sorted(p.name for p in place.iterdir() if p.suffix == ".sqlite")
    assert stores == sorted([name, "gone.sqlite"])
    assert (place / name).stat().st_size > 0


def test_store_urls_take_no_options(place):
    with pytest.raises(StoreError) as refused:
        resolve_store("sqlite:///newsroom.sqlite?mode=ro")
    assert "no options" in refused.value.message
    assert not (place / "newsroom.sqlite").exists()
