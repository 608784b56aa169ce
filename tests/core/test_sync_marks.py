"""Photo marks travel between desks through the newsroom server, in the server's order."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import newsroom_desktop.core.photo_library as library_module
from newsroom_desktop.core.photo_records import LibraryFilter
from tests.core.test_sync import BODY, desks  # noqa: F401 - the fixture

PHOTO = Path(__file__).parents[1] / "data" / "photos" / "mei_FujiFilm_FinePixS1Pro_4.jpg"


def _marks(desk) -> list[tuple[str, int, str]]:
    return [(p.original_filename, p.rating, p.color_label) for p in desk.nr.library.photos()]


def test_ratings_and_labels_reach_the_other_desks(desks, monkeypatch):  # noqa: F811
    hau = desks("Ngọc Hậu")
    nam = desks("Phương Nam", "editor")
    doc = hau.nr.articles.create({"headline": "Cầu Long Biên", "body": BODY})
    hau.nr.photos.add(doc.id, [PHOTO])
    (photo,) = hau.nr.library.photos()
    hau.nr.library.mark([photo.id], rating=4, color_label="green")
    hau.sync()
    nam.sync()
    assert _marks(nam) == [(PHOTO.name, 4, "green")]
    # A mark made later on another desk replaces it; a later sync brings it back.
    nam.nr.library.mark([photo.id], rating=5)
    nam.sync()
    hau.sync()
    assert _marks(hau) == [(PHOTO.name, 5, "green")]
    # Marked on both desks before either syncs: the mark that reaches the server last is
    # everyone's, whatever the laptops' clocks say (Hậu's runs two days ahead).
    real = library_module.utcnow
    monkeypatch.setattr(library_module, "utcnow", lambda: real() + timedelta(days=2))
    hau.nr.library.mark([photo.id], color_label="red")
    hau.sync()
    monkeypatch.setattr(library_module, "utcnow", real)
    nam.nr.library.mark([photo.id], color_label="blue")
    nam.sync()
    hau.sync()
    assert _marks(hau) == _marks(nam) == [(PHOTO.name, 5, "blue")]
    assert nam.nr.library.photos(LibraryFilter(color_label="blue"))[0].id == photo.id
    # What a desk took from the server is never sent back, and a desk whose clock ran ahead
    # still sends what it marks now: the server's order decides.
    hau.sync()
    nam.nr.library.mark([photo.id], rating=1)
    nam.sync()
    hau.sync()
    assert _marks(hau) == [(PHOTO.name, 1, "blue")]
    hau.nr.library.mark([photo.id], rating=2)
    hau.sync()
    nam.sync()
    assert _marks(nam) == [(PHOTO.name, 2, "blue")]


def test_marks_a_desk_received_never_go_back_over_newer_ones(desks):  # noqa: F811
    hau = desks("Ngọc Hậu")
    doc = hau.nr.articles.create({"headline": "Cầu Long Biên", "body": BODY})
    hau.nr.photos.add(doc.id, [PHOTO])
    (photo,) = hau.nr.library.photos()
    hau.nr.library.mark([photo.id], rating=4, color_label="green")
    hau.sync()
    nam = desks("Phương Nam", "editor")  # joins now: the photo arrives with its marks
    lan = desks("Thu Lan", "editor")
    nam.sync()
    lan.sync()
    assert _marks(nam) == _marks(lan) == [(PHOTO.name, 4, "green")]
    lan.nr.library.mark([photo.id], rating=1)
    lan.sync()
    nam.sync()  # has nothing of its own to send: Lan's mark stands
    hau.sync()
    assert _marks(nam) == _marks(hau) == [(PHOTO.name, 1, "green")]
