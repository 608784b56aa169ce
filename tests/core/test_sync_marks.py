"""Photo marks travel between desks through the newsroom server; the latest mark wins."""

from __future__ import annotations

from pathlib import Path

from newsroom_desktop.core.photo_records import LibraryFilter
from tests.core.test_sync import BODY, desks  # noqa: F401 - the fixture

PHOTO = Path(__file__).parents[1] / "data" / "photos" / "mei_FujiFilm_FinePixS1Pro_4.jpg"


def _marks(desk) -> list[tuple[str, int, str]]:
    return [(p.original_filename, p.rating, p.color_label) for p in desk.nr.library.photos()]


def test_ratings_and_labels_reach_the_other_desks(desks):  # noqa: F811
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
    # Marked on both desks before either syncs: the later mark is the one kept everywhere.
    hau.nr.library.mark([photo.id], color_label="red")
    nam.nr.library.mark([photo.id], color_label="blue")
    hau.sync()
    nam.sync()
    hau.sync()
    assert _marks(hau) == _marks(nam) == [(PHOTO.name, 5, "blue")]
    assert nam.nr.library.photos(LibraryFilter(color_label="blue"))[0].id == photo.id
