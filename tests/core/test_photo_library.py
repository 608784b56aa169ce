"""The photo library: folded search, filters, marks, folder import (bounded, links kept in)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from newsroom_desktop.cli import main
from newsroom_desktop.core.errors import CancelledError, ValidationError
from newsroom_desktop.core.photo_folder import photo_files
from newsroom_desktop.core.photo_library import LibraryFilter

pytestmark = pytest.mark.backends("sqlite", "postgresql")

PHOTOS = Path(__file__).parent.parent / "data" / "photos"


def tagged_copy(folder: Path, name: str, **tags: str) -> Path:
    """Copy a real photo to ``folder/name`` and write IPTC/XMP tags into it with exiftool."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(PHOTOS / "mei_FujiFilm_FinePixS1Pro_4.jpg", target)
    args = [f"-{key}={value}" for key, value in tags.items()]
    exiftool = ["exiftool", "-q", "-overwrite_original", "-codedcharacterset=utf8"]
    subprocess.run([*exiftool, *args, str(target)], check=True)
    return target


def make_card(root: Path) -> Path:
    """A card with three tagged frames in two folders: different captions, people, days."""
    card = root / "card"
    tagged_copy(
        card / "DCIM" / "100NIKON",
        "DSC_0001.JPG",
        **{
            "XMP-dc:Description": "Đại hội Đảng toàn quốc lần thứ XIV",
            "XMP-dc:Creator": "Ngọc Hậu",
            "XMP-dc:Subject": "chính trị",
            "DateTimeOriginal": "2026:01:19 08:30:00",
        },
    )
    tagged_copy(
        card / "DCIM" / "100NIKON",
        "DSC_0002.JPG",
        **{
            "XMP-dc:Description": "Phố cổ Hà Nội mùa thu",
            "XMP-dc:Creator": "Phương Nam",
            "XMP-dc:Subject": "du lịch",
            "DateTimeOriginal": "2025:10:02 16:00:00",
        },
    )
    tagged_copy(
        card / "DCIM" / "101NIKON",
        "DSC_0003.JPG",
        **{
            "XMP-dc:Description": "Cầu Long Biên",
            "XMP-dc:Creator": "Ngọc Hậu",
            "DateTimeOriginal": "2025:09:30 06:00:00",
        },
    )
    (card / "DCIM" / "notes.txt").write_text("not a photo", encoding="utf-8")
    return card


def names(photos: Any) -> list[str]:
    return [p.original_filename for p in photos]


def test_a_card_is_taken_in_with_its_metadata_and_search_folds(newsroom: Any, tmp_path: Path):
    report = newsroom.library.import_folder(make_card(tmp_path))
    assert sorted(names(report.added)) == ["DSC_0001.JPG", "DSC_0002.JPG", "DSC_0003.JPG"]
    assert report.refused == ()
    library = newsroom.library
    # Newest taken first.
    assert names(library.photos()) == ["DSC_0001.JPG", "DSC_0002.JPG", "DSC_0003.JPG"]
    # "dang" finds "Đảng", "ha noi" finds "Hà Nội"; keywords, creators and file names too.
    assert names(library.photos(LibraryFilter(search="dang"))) == ["DSC_0001.JPG"]
    assert names(library.photos(LibraryFilter(search="HA NOI"))) == ["DSC_0002.JPG"]
    assert names(library.photos(LibraryFilter(search="du lich"))) == ["DSC_0002.JPG"]
    assert names(library.photos(LibraryFilter(search="ngoc hau"))) == [
        "DSC_0001.JPG",
        "DSC_0003.JPG",
    ]
    assert names(library.photos(LibraryFilter(search="dsc_0003"))) == ["DSC_0003.JPG"]
    assert library.photos(LibraryFilter(search="không có")) == []
    photo = library.photos(LibraryFilter(search="long bien"))[0]
    assert photo.description == "Cầu Long Biên"
    assert photo.creator == "Ngọc Hậu"
    assert library.original(photo).is_file()
    assert library.thumbnail(photo).is_file()
    # Taking the same card in again records nothing twice.
    again = library.import_folder(tmp_path / "card")
    assert (again.added, again.already) == ((), 3)


def test_filters_by_day_taken_creator_use_and_marks(newsroom: Any, tmp_path: Path):
    newsroom.library.import_folder(make_card(tmp_path))
    library = newsroom.library
    autumn = LibraryFilter(taken_from="2025-09-30", taken_to="2025-10-31")
    assert names(library.photos(autumn)) == ["DSC_0002.JPG", "DSC_0003.JPG"]
    assert names(library.photos(LibraryFilter(creator="phuong nam"))) == ["DSC_0002.JPG"]
    assert library.creators() == ["Ngọc Hậu", "Phương Nam"]
    # Using a photo in an article takes it out of "not used yet".
    doc = newsroom.articles.create({"headline": "Đại hội"})
    card = tmp_path / "card" / "DCIM" / "100NIKON" / "DSC_0001.JPG"
    newsroom.photos.add(doc.id, [card])
    assert names(library.photos(LibraryFilter(unused_only=True))) == [
        "DSC_0002.JPG",
        "DSC_0003.JPG",
    ]
    used = library.photos(LibraryFilter(search="dang"))[0]
    assert used.uses == 1
    # Marks: one step for a selection, kept in the store.
    ids = [p.id for p in library.photos(LibraryFilter(creator="Ngọc Hậu"))]
    marked = library.mark(ids, rating=4, color_label="green")
    assert [(p.rating, p.color_label) for p in marked] == [(4, "green"), (4, "green")]
    assert names(library.photos(LibraryFilter(min_rating=3))) == ["DSC_0001.JPG", "DSC_0003.JPG"]
    library.mark(ids[:1], color_label="")
    assert names(library.photos(LibraryFilter(color_label="green"))) == ["DSC_0003.JPG"]
    with pytest.raises(ValidationError):
        library.mark(ids, rating=6)
    with pytest.raises(ValidationError):
        library.mark(ids, color_label="mauve")


def test_a_cancelled_import_keeps_what_was_recorded(
    newsroom: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("newsroom_desktop.core.photo_library.IMPORT_CHUNK", 1)
    card = make_card(tmp_path)
    seen: list[int] = []

    def progress(done: int, total: int, _name: str) -> bool:
        seen.append(done)
        assert total == 3
        return done < 2

    with pytest.raises(CancelledError):
        newsroom.library.import_folder(card, progress)
    kept = newsroom.library.photos()
    assert names(kept) == ["DSC_0001.JPG", "DSC_0002.JPG"]  # the two recorded before Cancel
    rest = newsroom.library.import_folder(card)
    assert (names(rest.added), rest.already) == (["DSC_0003.JPG"], 2)


def test_bad_files_are_refused_one_by_one(newsroom: Any, tmp_path: Path):
    card = make_card(tmp_path)
    (card / "DCIM" / "100NIKON" / "BROKEN.JPG").write_bytes(b"\xff\xd8\xff\xe0 not really")
    report = newsroom.library.import_folder(card)
    assert len(report.added) == 3
    assert [name for name, _why in report.refused] == ["BROKEN.JPG"]


def test_the_folder_walk_never_follows_links_out(tmp_path: Path):
    card = make_card(tmp_path)
    outside = tagged_copy(tmp_path / "private", "secret.jpg")
    (card / "DCIM" / "link-out.jpg").symlink_to(outside)
    (card / "DCIM" / "folder-out").symlink_to(outside.parent)
    (card / "DCIM" / "link-in.jpg").symlink_to(card / "DCIM" / "101NIKON" / "DSC_0003.JPG")
    (card / "DCIM" / "loop").symlink_to(card)
    found = photo_files(card)
    rel = sorted(str(p.relative_to(card)) for p in found.files)
    assert rel == [
        "DCIM/100NIKON/DSC_0001.JPG",
        "DCIM/100NIKON/DSC_0002.JPG",
        "DCIM/101NIKON/DSC_0003.JPG",
        "DCIM/link-in.jpg",
    ]
    assert found.skipped == 1  # the file linked out; linked folders are never walked


def test_the_folder_walk_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("newsroom_desktop.core.photo_folder.MAX_FILES", 2)
    found = photo_files(make_card(tmp_path))
    assert (len(found.files), found.skipped) == (2, 1)


def test_cli_photos_library_lists_with_metadata(
    newsroom: Any, tmp_path: Path, store_location: Any, capsys: pytest.CaptureFixture[str]
):
    newsroom.library.import_folder(make_card(tmp_path))
    ids = [p.id for p in newsroom.library.photos(LibraryFilter(search="dang"))]
    newsroom.library.mark(ids, rating=5, color_label="red")
    where = str(store_location) if isinstance(store_location, Path) else newsroom_url(newsroom)
    argv = ["--store", where]
    assert main([*argv, "photos", "library", "--search", "dang", "--json"]) == 0
    (shown,) = json.loads(capsys.readouterr().out)
    assert shown["caption"] == "Đại hội Đảng toàn quốc lần thứ XIV"
    assert shown["creator"] == "Ngọc Hậu"
    assert shown["keywords"] == ["chính trị"]
    assert (shown["rating"], shown["color_label"], shown["uses"]) == (5, "red", 0)
    assert shown["file_name"] == "DSC_0001.JPG"
    assert shown["taken_at"].startswith("2026-01-19T08:30")
    assert main([*argv, "photos", "library", "--from", "2025-10-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[6] for line in lines] == ["DSC_0001.JPG", "DSC_0002.JPG"]
    assert lines[0].split()[3:5] == ["*****", "red"]
    assert main([*argv, "photos", "library", "--from", "1. 2. 2025"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def newsroom_url(newsroom: Any) -> str:
    return str(newsroom.store.location.url.render_as_string(hide_password=False))


def test_cli_takes_a_card_in_and_marks_photos(
    newsroom: Any, tmp_path: Path, store_location: Any, capsys: pytest.CaptureFixture[str]
):
    card = make_card(tmp_path)
    (card / "DCIM" / "BROKEN.JPG").write_bytes(b"\xff\xd8\xff\xe0 not really")
    where = str(store_location) if isinstance(store_location, Path) else newsroom_url(newsroom)
    argv = ["--store", where]
    assert main([*argv, "photos", "import-folder", str(card)]) == 1  # one file refused
    out, err = capsys.readouterr()
    added = [line.split()[0] for line in out.splitlines()]
    assert len(added) == 3
    assert "refused BROKEN.JPG" in err
    assert "3 new photo(s), 0 in the newsroom already, 1 refused" in err
    assert main([*argv, "photos", "mark", added[0][:8], added[1], "--rating", "4"]) == 0
    assert main([*argv, "photos", "mark", added[1][:8], "--label", "green"]) == 0
    capsys.readouterr()
    marks = {p.id: (p.rating, p.color_label) for p in newsroom.library.photos()}
    assert marks[added[0]] == (4, "")
    assert marks[added[1]] == (4, "green")
    assert main([*argv, "photos", "mark", added[1]]) == 1
    assert "--rating N, --label COLOUR" in capsys.readouterr().err
    assert main([*argv, "photos", "mark", added[1], "--label", "none"]) == 0
    assert newsroom.library.get([added[1]])[0].color_label == ""
