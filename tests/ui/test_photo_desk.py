"""The Photos view in a real window on a real store with real photos (tagged by exiftool)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_records import LibraryFilter
from newsroom_desktop.ui.photo_desk.model import PHOTO_IDS_MIME
from tests.conftest import REPORTER
from tests.core.test_photo_library import make_card, tagged_copy
from tests.ui.test_main_window import stored, type_into_body


def _switch(qtbot, window, key: Qt.Key) -> None:
    """Press Alt+key as a person would: in the active window, on the widget with focus."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, Qt.KeyboardModifier.AltModifier)


def _photos_view(qtbot, window):
    """Switch to the Photos view with Alt+2 and wait for the visible thumbnails."""
    _switch(qtbot, window, Qt.Key.Key_2)
    controller = window.photo_desk
    assert controller.stack.currentWidget() is controller.desk
    desk = controller.desk
    _wait_shown(qtbot, desk)
    return desk


def _wait_shown(qtbot, desk, *, thumbnails: bool = True) -> None:
    """Wait until the photos are read (off the GUI thread) and every thumbnail is in."""
    qtbot.waitUntil(lambda: desk.loaded and not desk.busy, timeout=15000)
    if not thumbnails:  # a hidden grid asks for none
        return
    qtbot.waitUntil(
        lambda: all(desk.thumbnails.loaded(p.sha256) for p in desk.model.photos()), timeout=15000
    )


def _shown(desk) -> list[str]:
    return [p.original_filename for p in desk.model.photos()]


def _stored_marks(store_path: Path) -> dict[str, tuple[int, str]]:
    nr = Newsroom.open(store_path, actor=REPORTER)
    try:
        return {p.original_filename: (p.rating, p.color_label) for p in nr.library.photos()}
    finally:
        nr.close()


def test_the_grid_shows_every_photo_and_searches_folded(qtbot, make_window, tmp_path):
    window = make_window()
    window.newsroom.library.import_folder(make_card(tmp_path))
    desk = _photos_view(qtbot, window)
    assert _shown(desk) == ["DSC_0001.JPG", "DSC_0002.JPG", "DSC_0003.JPG"]
    assert desk.count_label.text() == "3 photo(s)"
    # Every cell has its real thumbnail, read off the GUI thread.
    image = desk.model.data(desk.model.index(0), Qt.ItemDataRole.DecorationRole)
    assert image is not None and not image.isNull() and image.width() > 100
    desk.grid.setFocus()
    qtbot.keyClick(desk.grid, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert desk.filters.search.hasFocus()
    qtbot.keyClicks(desk.filters.search, "dang")
    qtbot.waitUntil(lambda: _shown(desk) == ["DSC_0001.JPG"])
    assert desk.count_label.text() == "1 photo(s)"
    qtbot.keyClick(desk.filters.search, Qt.Key.Key_Down)  # back to the grid, to pick
    assert desk.grid.hasFocus()
    assert desk.current_photo().original_filename == "DSC_0001.JPG"
    desk.filters.search.clear()
    desk.filters.flush()
    desk.filters.creator.setCurrentIndex(desk.filters.creator.findData("Phương Nam"))
    assert _shown(desk) == ["DSC_0002.JPG"]
    desk.filters.creator.setCurrentIndex(0)
    desk.filters.dated.setChecked(True)
    desk.filters.taken_from.setDate(
        desk.filters.taken_from.date().fromString("2025-09-01", "yyyy-MM-dd")
    )
    desk.filters.taken_to.setDate(
        desk.filters.taken_to.date().fromString("2025-12-31", "yyyy-MM-dd")
    )
    assert _shown(desk) == ["DSC_0002.JPG", "DSC_0003.JPG"]
    desk.filters.dated.setChecked(False)
    # Alt+1 goes back to the articles.
    _switch(qtbot, window, Qt.Key.Key_1)
    assert window.photo_desk.stack.currentWidget() is window.splitter


def test_keys_rate_and_label_the_selection_and_space_previews(
    qtbot, make_window, store_path, tmp_path
):
    window = make_window()
    window.newsroom.library.import_folder(make_card(tmp_path))
    desk = _photos_view(qtbot, window)
    desk.grid.setFocus()
    desk.select_rows([0, 1])
    qtbot.keyClick(desk.grid, Qt.Key.Key_4)
    qtbot.keyClick(desk.grid, Qt.Key.Key_6)
    marks = _stored_marks(store_path)
    assert marks == {
        "DSC_0001.JPG": (4, "red"),
        "DSC_0002.JPG": (4, "red"),
        "DSC_0003.JPG": (0, ""),
    }
    assert "Rated" in window.statusBar().currentMessage() or "Labelled" in (
        window.statusBar().currentMessage()
    )
    assert [p.rating for p in desk.model.photos()] == [4, 4, 0]
    # Ctrl+Z takes the last key back (in the store too), Ctrl+Shift+Z does it again.
    qtbot.keyClick(desk.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored_marks(store_path)["DSC_0001.JPG"] == (4, "")
    assert [p.color_label for p in desk.model.photos()] == ["", "", ""]
    qtbot.keyClick(desk.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored_marks(store_path)["DSC_0002.JPG"] == (0, "")
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(desk.grid, Qt.Key.Key_Z, redo)
    qtbot.keyClick(desk.grid, Qt.Key.Key_Z, redo)
    assert _stored_marks(store_path)["DSC_0002.JPG"] == (4, "red")
    qtbot.keyClick(desk.grid, Qt.Key.Key_6)  # the same label again takes it off
    qtbot.keyClick(desk.grid, Qt.Key.Key_9)
    qtbot.keyClick(desk.grid, Qt.Key.Key_0)
    assert _stored_marks(store_path)["DSC_0001.JPG"] == (0, "blue")
    # The rating filter shows what was picked.
    desk.select_rows([2])
    qtbot.keyClick(desk.grid, Qt.Key.Key_5)
    desk.filters.rating.setCurrentIndex(desk.filters.rating.findData(3))
    assert _shown(desk) == ["DSC_0003.JPG"]
    desk.filters.rating.setCurrentIndex(0)
    # Space: the large preview of the current photo; arrows move; Space closes it.
    desk.select_rows([0])
    desk.grid.setFocus()
    qtbot.keyClick(desk.grid, Qt.Key.Key_Space)
    preview = desk.preview
    assert preview.isVisible()
    assert preview.caption.text() == "Đại hội Đảng toàn quốc lần thứ XIV"
    qtbot.waitUntil(
        lambda: preview.picture.pixmap() is not None and not preview.picture.pixmap().isNull()
    )
    qtbot.keyClick(preview, Qt.Key.Key_Right)
    assert preview.caption.text() == "Phố cổ Hà Nội mùa thu"
    assert desk.current_photo().original_filename == "DSC_0002.JPG"
    qtbot.keyClick(preview, Qt.Key.Key_3)
    assert "★★★☆☆" in preview.details.text()
    qtbot.keyClick(preview, Qt.Key.Key_Space)
    assert not preview.isVisible()
    assert _stored_marks(store_path)["DSC_0002.JPG"] == (3, "blue")


def test_a_folder_import_shows_progress_and_cancel_keeps_what_came_in(
    qtbot, make_window, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("newsroom_desktop.core.photo_library.IMPORT_CHUNK", 1)
    card = make_card(tmp_path)
    for n in range(4, 9):
        tagged_copy(
            card / "DCIM" / "102NIKON",
            f"DSC_000{n}.JPG",
            **{"XMP-dc:Creator": "Minh Đức", "XMP-dc:Description": f"Khung {n}"},
        )
    window = make_window()
    controller = window.photo_desk
    strip = window.progress
    gate: list[int] = []
    clicked = threading.Event()
    real = window.newsroom.library.import_folder

    def slowed(folder, progress):
        def watch(done, total, name):
            gate.append(done)
            if done >= 2:
                clicked.wait(10)  # the person clicks Cancel while the third photo waits
            return progress(done, total, name)

        return real(folder, watch)

    monkeypatch.setattr(window.newsroom.library, "import_folder", slowed)
    operation = controller.import_from(card)
    assert strip.isVisible()
    qtbot.waitUntil(lambda: bool(gate) and max(gate) >= 2, timeout=15000)  # 2 photos are in
    strip.cancel_button.click()
    clicked.set()
    qtbot.waitUntil(lambda: operation.finished, timeout=15000)
    assert "cancelled" in window.statusBar().currentMessage()
    kept = window.newsroom.library.photos()
    assert len(kept) == 2
    desk = controller.desk
    _wait_shown(qtbot, desk, thumbnails=False)
    assert len(desk.model.photos()) == len(kept)
    # The whole card again: the rest come in, nothing twice.
    operation = controller.import_from(card)
    qtbot.waitUntil(lambda: operation.finished, timeout=30000)
    assert len(window.newsroom.library.photos()) == 8
    assert controller.stack.currentWidget() is desk
    _wait_shown(qtbot, desk)
    assert len(desk.model.photos()) == 8
    # The new photos are the ones selected, to mark or drag at once.
    assert len(desk.selected_photos()) == 8 - len(kept)
    assert "Imported" in window.statusBar().currentMessage()


def _drop(widget, mime, point: QPoint) -> None:
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(point), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def test_photos_dragged_from_the_grid_go_to_the_article(qtbot, make_window, store_path, tmp_path):
    window = make_window()
    window.newsroom.library.import_folder(make_card(tmp_path))
    window.new_article()
    article_id = window.session.doc.id
    type_into_body(qtbot, window, "Đoạn một.")
    desk = _photos_view(qtbot, window)
    mime = desk.model.mimeData([desk.model.index(0), desk.model.index(2)])
    assert mime.hasFormat(PHOTO_IDS_MIME)
    assert [Path(u.toLocalFile()).is_file() for u in mime.urls()] == [True, True]
    # Onto the photo panel: the article uses them, captions from the photos, not placed.
    _switch(qtbot, window, Qt.Key.Key_1)
    panel = window.photo_panel
    _drop(panel.list.viewport(), mime, QPoint(20, 20))
    assert panel.list.count() == 2
    doc = window.session.doc
    assert [u.caption for u in doc.photos] == [
        "Đại hội Đảng toàn quốc lần thứ XIV",
        "Cầu Long Biên",
    ]
    assert "photo:" not in window.editor.body_markdown()
    # Onto the body: used and placed where dropped.
    second = desk.model.mimeData([desk.model.index(1)])
    _drop(window.editor.body.viewport(), second, QPoint(5, 5))
    doc = window.session.doc
    assert len(doc.photos) == 3
    assert f"](photo:{doc.photos[2].id})" in window.editor.body_markdown()
    window.session.flush()
    body = stored(store_path, article_id).body
    assert f"](photo:{doc.photos[2].id})" in body
    assert window.newsroom.library.photos(LibraryFilter(unused_only=True)) == []
    # The grid counts the uses; its menu's "Add to the Open Article" adds the selection.
    desk = _photos_view(qtbot, window)
    assert [p.uses for p in desk.model.photos()] == [1, 1, 1]
    desk.select_rows([1])
    desk.use_requested.emit([p.id for p in desk.selected_photos()])
    assert len(window.session.doc.photos) == 4
    assert "Added 1 photo(s)" in window.statusBar().currentMessage()


def test_on_a_newsroom_server_picks_and_imports_are_everyones(
    qtbot, make_window, server_person, tmp_path
):
    """Two people's windows on one real PostgreSQL server: one imports and marks, both see."""
    hau_url = server_person("Ngọc Hậu", "reporter")
    nam_url = server_person("Phương Nam", "editor")
    window = make_window(hau_url)
    operation = window.photo_desk.import_from(make_card(tmp_path))
    qtbot.waitUntil(lambda: operation.finished, timeout=30000)
    desk = window.photo_desk.desk
    _wait_shown(qtbot, desk)
    assert _shown(desk) == ["DSC_0001.JPG", "DSC_0002.JPG", "DSC_0003.JPG"]
    desk.grid.setFocus()
    desk.select_rows([1])
    qtbot.keyClick(desk.grid, Qt.Key.Key_5)
    qtbot.keyClick(desk.grid, Qt.Key.Key_8)
    other = make_window(nam_url)
    # This machine's caches gone: the other desk's thumbnails come from the server's originals.
    where = other.newsroom.store.location
    for cache in (where.thumbnails_dir, where.originals_dir):
        shutil.rmtree(cache, ignore_errors=True)
    theirs = _photos_view(qtbot, other)
    assert _shown(theirs) == _shown(desk)
    assert [(p.rating, p.color_label) for p in theirs.model.photos()] == [
        (0, ""),
        (5, "green"),
        (0, ""),
    ]
    image = theirs.model.data(theirs.model.index(1), Qt.ItemDataRole.DecorationRole)
    assert image is not None and not image.isNull()


def test_a_mark_made_elsewhere_shows_without_the_grid_jumping(qtbot, make_window, tmp_path):
    from newsroom_desktop.core.changes import ELSEWHERE, Changes

    window = make_window()
    window.newsroom.library.import_folder(make_card(tmp_path))
    desk = _photos_view(qtbot, window)
    desk.grid.setFocus()
    qtbot.keyClick(desk.grid, Qt.Key.Key_Right)  # arrow keys move through the grid
    assert desk.current_photo().original_filename == "DSC_0002.JPG"
    resets: list[int] = []
    desk.model.modelReset.connect(lambda: resets.append(1))
    # Another program marks a photo; the window hears of a change in the store.
    other = Newsroom.open(window.newsroom.store.location, actor=REPORTER)
    try:
        third = other.library.photos(LibraryFilter(search="long bien"))[0]
        other.library.mark([third.id], rating=3, color_label="yellow")
    finally:
        other.close()
    window.changes.publish(Changes(kind=ELSEWHERE))
    qtbot.waitUntil(lambda: desk.model.photo(2).rating == 3, timeout=15000)
    assert desk.model.photo(2).color_label == "yellow"
    assert resets == []  # the same photos: the cells repaint, the grid keeps its place
    assert desk.current_photo().original_filename == "DSC_0002.JPG"


def test_a_photo_whose_original_is_gone_says_so_in_the_grid(qtbot, make_window, tmp_path):
    from newsroom_desktop.ui.photo_desk.model import MISSING_ROLE

    window = make_window()
    window.newsroom.library.import_folder(make_card(tmp_path))
    gone = window.newsroom.library.photos(LibraryFilter(search="pho co"))[0]
    gone.file.unlink()  # the originals folder lost a file (and the cache was cleared)
    shutil.rmtree(window.newsroom.store.location.thumbnails_dir)
    desk = _photos_view(qtbot, window)
    missing = [bool(desk.model.data(desk.model.index(r), MISSING_ROLE)) for r in range(3)]
    assert missing == [False, True, False]
    desk.grid.viewport().grab().save(str(tmp_path / "grid.png"))  # the cell paints its warning


def _rows_on_screen(desk) -> list[int]:
    area = desk.grid.viewport().rect()
    rows = range(desk.model.rowCount())
    return [r for r in rows if desk.grid.visualRect(desk.model.index(r)).intersects(area)]


def test_the_next_screen_of_thumbnails_is_read_before_it_scrolls_in(qtbot, make_window, tmp_path):
    from PIL import Image

    card = tmp_path / "card"
    card.mkdir()
    for n in range(72):  # real JPEG files, each a different colour
        Image.new("RGB", (320, 240), (n * 3, 120, 240 - n * 3)).save(card / f"DSC_{n:04d}.JPG")
    window = make_window()
    window.resize(900, 640)
    window.newsroom.library.import_folder(card)
    _switch(qtbot, window, Qt.Key.Key_2)
    desk = window.photo_desk.desk
    _wait_shown(qtbot, desk, thumbnails=False)

    def loaded(rows):
        return all(desk.thumbnails.loaded(desk.model.photo(r).sha256) for r in rows)

    shown = _rows_on_screen(desk)
    qtbot.waitUntil(lambda: loaded(shown), timeout=15000)
    columns = sum(1 for r in shown if desk.grid.visualRect(desk.model.index(r)).top() <= 5)
    below = range(shown[-1] + 1, shown[-1] + 1 + columns)  # the row of cells scrolled to next
    assert desk.model.rowCount() > shown[-1] + 4 * columns  # more than a screen is left below
    bar = desk.grid.verticalScrollBar()
    bar.setValue(bar.value() + 8)  # the scroll begins: a few pixels
    qtbot.waitUntil(lambda: loaded(below), timeout=15000)
    assert not set(below) & set(_rows_on_screen(desk))  # read while still off screen
    last = desk.model.rowCount() - 1
    assert not desk.thumbnails.loaded(desk.model.photo(last).sha256)  # a screen ahead, no more
