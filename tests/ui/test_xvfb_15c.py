"""Issue 15, items 9-11, in the real window: Replace All over every field, Insert in Text, drag."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings, save_settings
from tests.conftest import REPORTER
from tests.exporters.conftest import make_jpeg
from tests.ui.test_real_window_xvfb import TYPE_DELAY_MS, _start_app, _window, _xdotool, xserver

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
__all__ = ["xserver"]  # the fixture, taken from the first real-window test

# Where the window (1440 × 900, the default splitter) shows the body and the two thumbnails.
BODY_AT = ("720", "600")
THUMBNAIL_AT = ("1199", "141")
SECOND_THUMBNAIL_AT = ("1317", "141")
# A drag from the second thumbnail into the body, in steps, as a hand moves.
DRAG_PATH = ((1250, 200), (1000, 300), (800, 400), (700, 500), (650, 520))


def _row(store: Path) -> tuple[str, str, str, str]:
    """Return headline, lead, body and the first photo's caption as another process reads them."""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT a.headline, a.lead, a.body, p.caption FROM articles a "
            "JOIN article_photos p ON p.article_id = a.id ORDER BY p.position LIMIT 1"
        ).fetchone()
    finally:
        conn.close()


def test_replace_all_over_every_field_then_insert_a_photo_where_asked(xserver, tmp_path):
    save_settings(Settings(profile_name=REPORTER.name, profile_role=REPORTER.role))
    store = tmp_path / "s.sqlite"
    nr = Newsroom.open(store, actor=REPORTER)
    fields = {"headline": "Thành ủy họp bàn kế hoạch", "lead": "Sáng nay họp bàn."}
    doc = nr.articles.create({**fields, "body": "Cuộc họp bàn.\n"})
    files = [make_jpeg(tmp_path / n, (1600, 1000), hue=h) for n, h in (("a.jpg", 0), ("b.jpg", 90))]
    use, dragged = nr.photos.add(doc.id, files, place=False)
    nr.photos.update_use(doc.id, use.id, caption="Đại biểu họp bàn", credit="Ảnh: Ngọc Hậu")
    nr.close()
    app = _start_app(xserver, store, doc.id)
    try:
        window = _window(xserver)
        _xdotool(xserver, "windowsize", "--sync", window, "1440", "900")
        time.sleep(0.5)
        _xdotool(xserver, "mousemove", "--window", window, *BODY_AT, "click", "1")
        _xdotool(xserver, "key", "ctrl+End", "ctrl+h")
        _xdotool(xserver, "type", "--delay", TYPE_DELAY_MS, "họp bàn")
        _xdotool(xserver, "key", "Tab")
        _xdotool(xserver, "type", "--delay", TYPE_DELAY_MS, "thảo luận")
        _xdotool(xserver, "key", "ctrl+alt+Return", "Escape")
        # The thumbnail, then Enter: the photo goes into the body where its cursor was.
        _xdotool(xserver, "mousemove", "--window", window, *THUMBNAIL_AT, "click", "1")
        _xdotool(xserver, "key", "Return")
        # The other thumbnail, dragged into the text, goes in where it is dropped.
        _xdotool(xserver, "mousemove", "--window", window, *SECOND_THUMBNAIL_AT, "mousedown", "1")
        for x, y in DRAG_PATH:
            _xdotool(xserver, "mousemove", "--window", window, str(x), str(y))
            time.sleep(0.15)
        _xdotool(xserver, "mouseup", "1", "key", "ctrl+s")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            headline, lead, body, caption = _row(store)
            if body.count("photo:") == 2 and "họp" not in headline + lead + body + caption:
                break
            time.sleep(0.3)
        _xdotool(xserver, "key", "ctrl+q")
        assert app.wait(20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
    headline, lead, body, caption = _row(store)
    assert (headline, lead, caption) == (
        "Thành ủy thảo luận kế hoạch",
        "Sáng nay thảo luận.",
        "Đại biểu thảo luận",
    )
    # The photo placed with Enter stands where the cursor was, after the paragraph; the
    # dragged one wherever it was dropped past the text: each once, nothing else moved.
    assert body.startswith(f"Cuộc thảo luận.\n\n![](photo:{use.id})\n")
    assert sorted(body.split("\n\n")) == sorted(
        ["Cuộc thảo luận.", f"![](photo:{use.id})", f"![](photo:{dragged.id})\n"]
    )
