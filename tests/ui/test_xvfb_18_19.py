"""On a real X server, driven by keys as a person would: the writing aids and the photo desk.

Issue 18: a reporter types Vietnamese with the other tone-mark placement than the house's,
Format ▸ Normalise Tone Marks puts every mark in the house's place, and the saved body (read by
SQLite, in another process) has them so. Issue 19: a photo editor opens the Photos view with
Alt+2, searches without accents, rates the photo found with a key; the rating is in the store.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.proofing.house import HouseStyle
from newsroom_desktop.core.settings import Settings, save_settings
from tests.conftest import EDITOR, REPORTER
from tests.ui.test_real_window_xvfb import (
    TYPE_DELAY_MS,
    _body,
    _start_app,
    _wait_for,
    _window,
    _xdotool,
    xserver,  # noqa: F401 - the fixture, shared
)
from tests.ui.test_window_store_sharing import integrity

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
TYPED = "Sức khỏe của bà con hòa thuận, thủy điện an toàn."
HOUSE = "Sức khoẻ của bà con hoà thuận, thuỷ điện an toàn."


def _quit(display: str, app) -> None:  # type: ignore[no-untyped-def]
    _window(display, settle=0.3)
    _xdotool(display, "key", "ctrl+q")
    assert app.wait(20) == 0


def test_typed_tone_marks_are_normalised_to_the_house_placement(xserver, tmp_path):  # noqa: F811
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    store = tmp_path / "tones.sqlite"
    desk = Newsroom.open(store, actor=EDITOR)
    desk.proofing.set_house(HouseStyle(tone_style="new"))  # the house writes "hoà", "thuỷ"
    desk.close()
    nr = Newsroom.open(store, actor=REPORTER)
    article_id = nr.articles.create({"headline": "Thăm bà con", "body": "Đoạn đầu."}).id
    nr.close()
    app = _start_app(xserver, store, article_id)
    try:
        window = _window(xserver)
        _xdotool(xserver, "windowsize", "--sync", window, "1440", "900")
        _xdotool(xserver, "mousemove", "--window", window, "720", "600", "click", "1")
        _xdotool(xserver, "key", "ctrl+End")
        _xdotool(xserver, "type", "--delay", TYPE_DELAY_MS, " " + TYPED)
        assert _wait_for(lambda: TYPED in _body(store, article_id)), "the typing was not saved"
        _xdotool(xserver, "key", "alt+o", "t")  # Format ▸ Normalise Tone Marks
        _xdotool(xserver, "key", "ctrl+s")
        assert _wait_for(lambda: HOUSE in _body(store, article_id)), _body(store, article_id)
        _quit(xserver, app)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
    assert _body(store, article_id) == f"Đoạn đầu. {HOUSE}\n"
    assert integrity(store) == "ok"


def _rating(store: Path, file_name: str) -> int:
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        (rating,) = conn.execute(
            "SELECT rating FROM photos WHERE original_filename = ?", (file_name,)
        ).fetchone()
    finally:
        conn.close()
    return int(rating)


def test_the_photos_view_finds_a_photo_without_accents_and_a_key_rates_it(
    xserver,  # noqa: F811
    tmp_path,
):
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    card = tmp_path / "card"
    card.mkdir()
    originals = sorted(p for p in PHOTOS.iterdir() if p.suffix.lower() in {".jpg", ".jpeg"})[:3]
    for n, original in enumerate(originals):
        shutil.copy(original, card / f"DSC_{n:04d}.JPG")
    store = tmp_path / "photos.sqlite"
    nr = Newsroom.open(store, actor=REPORTER)
    nr.library.import_folder(card)
    (wanted,) = [p for p in nr.library.photos() if p.original_filename == "DSC_0001.JPG"]
    nr.photo_templates.set_field([wanted.id], "caption", "Lễ kỷ niệm của Đảng ở Huế")
    nr.close()
    app = _start_app(xserver, store)
    try:
        window = _window(xserver)
        _xdotool(xserver, "windowsize", "--sync", window, "1440", "900")
        _xdotool(xserver, "key", "alt+2")  # View ▸ Photos
        _xdotool(xserver, "key", "ctrl+f")  # to the search box
        _xdotool(xserver, "type", "--delay", TYPE_DELAY_MS, "dang o hue")
        _xdotool(xserver, "key", "Down")  # back to the grid, on the one photo found
        _xdotool(xserver, "key", "4")  # four stars
        assert _wait_for(lambda: _rating(store, "DSC_0001.JPG") == 4), "the rating was not kept"
        _quit(xserver, app)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
    assert _rating(store, "DSC_0000.JPG") == 0  # the photos not found were left alone
    assert _rating(store, "DSC_0002.JPG") == 0
    assert integrity(store) == "ok"
