"""Photos too narrow for the web: the width as shown (EXIF orientation) against a minimum."""

from __future__ import annotations

from newsroom_desktop.core.photo_checks import TOO_NARROW, shown_width, too_narrow, use_warnings
from newsroom_desktop.core.settings import Settings, load_settings, save_settings
from tests.conftest import DATA
from tests.exporters.conftest import make_jpeg


def test_a_photo_narrower_than_the_minimum_is_flagged_as_it_shows(newsroom, tmp_path):
    files = [
        make_jpeg(tmp_path / "tiny.jpg", (8, 8)),
        make_jpeg(tmp_path / "wide.jpg", (1600, 900)),
        # 2000 × 1000 stored, turned upright by EXIF: 1000 px wide as it shows.
        make_jpeg(tmp_path / "upright.jpg", (2000, 1000), orientation=6),
        DATA / "photos" / "iptc-ref-2024.1__aidin36-xmp.jpg",  # 1000 px wide
    ]
    doc = newsroom.articles.create({"headline": "Ảnh nhỏ"})
    tiny, wide, upright, reference = newsroom.photos.add(doc.id, files, place=False)
    assert [shown_width(u) for u in (tiny, wide, upright, reference)] == [8, 1600, 1000, 1000]
    assert [too_narrow(u, 1200) for u in (tiny, wide, upright, reference)] == [
        True, False, True, True,
    ]  # fmt: skip
    warning = next(w for w in use_warnings(tiny, 1200) if w.code == TOO_NARROW)
    assert warning.message == "The photo is only 8 px wide; the web needs at least 1200 px."
    # No minimum (and no minimum given, as the export check asks): nothing is too narrow.
    assert not any(too_narrow(u, 0) for u in (tiny, upright))
    assert TOO_NARROW not in {w.code for w in use_warnings(tiny)}
    assert too_narrow(reference, 1001) and not too_narrow(reference, 1000)


def test_the_minimum_width_is_a_setting_of_1200_px_by_default(tmp_path):
    assert Settings().min_photo_width == 1200
    save_settings(Settings(min_photo_width=800), tmp_path)
    assert load_settings(tmp_path).min_photo_width == 800
