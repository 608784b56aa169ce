"""What a search and the photo strip say: marked snippets, "no article matches", elided labels."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics

from newsroom_desktop.ui.list_columns import SNIPPET_ROLE
from newsroom_desktop.ui.list_delegate import HIGHLIGHT
from tests.conftest import DATA


def _highlighted_pixels(widget) -> int:
    image = widget.grab().toImage()
    wanted = HIGHLIGHT.rgb()
    step = 2
    return sum(
        1
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
        if QColor(image.pixel(x, y)).rgb() == wanted
    )


def test_a_search_shows_each_result_with_its_matching_text_marked(qtbot, make_window):
    window = make_window()
    window.resize(1366, 768)
    nr = window.newsroom
    lead = "Sáng 7/9, tại Hà Nội, Đảng ủy tổ chức hội nghị trực tuyến."
    nr.articles.create({"headline": "Hội nghị Thành ủy", "lead": lead})
    nr.articles.create({"headline": "Bóng đá", "body": "Trận đấu diễn ra ở Cần Thơ.\n"})
    window.refresh_list()
    view = window.list_panel.view
    assert _highlighted_pixels(view.viewport()) == 0  # no search: no snippet line
    qtbot.keyClicks(window.list_panel.search, "ha noi")
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
    found = window.list_model.index(0, 0).data(SNIPPET_ROLE)
    assert [found.text[s:e] for s, e in found.spans] == ["Hà", "Nội"]
    qtbot.waitUntil(lambda: _highlighted_pixels(view.viewport()) > 20)
    assert not window.list_panel.empty_label.isVisible()
    window.grab().save("/tmp/15d-search-snippet-1366.png")


def test_a_search_that_finds_nothing_says_so_in_the_list(qtbot, make_window):
    window = make_window()
    window.newsroom.articles.create({"headline": "Bóng đá"})
    window.refresh_list()
    panel = window.list_panel
    panel.search.setText("xyz quảng")
    qtbot.waitUntil(panel.empty_label.isVisible)
    assert panel.empty_label.text() == "No article matches “xyz quảng”."
    assert panel.empty_label.geometry().width() == panel.view.viewport().width()
    window.grab().save("/tmp/15d-search-empty.png")
    panel.search.clear()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
    assert not panel.empty_label.isVisible()


def test_a_long_caption_is_elided_under_its_thumbnail_whole_in_the_tooltip(qtbot, make_window):
    window = make_window()
    window.resize(1280, 720)
    window.new_article()
    names = ("mei_FujiFilm_FinePixS1Pro_4.jpg", "mei_Photoshop_3.jpg")
    operation = window.session.add_photos([str(DATA / "photos" / n) for n in names])
    qtbot.waitUntil(
        lambda: operation.finished and window.photo_panel.list.count() == 2, timeout=10000
    )
    panel = window.photo_panel
    caption = "Đại biểu tham dự tại điểm cầu Đảng ủy Khối các cơ quan thành phố Cần Thơ"
    panel.list.setCurrentRow(0)
    panel.caption.setPlainText(caption)
    item = panel.list.item(0)
    qtbot.waitUntil(lambda: caption in item.toolTip())
    label = item.text()
    # Two lines cut between words, the second elided with "…"; the marks stay in view.
    first, second = label.split("\n")
    assert first.startswith("★ Đại biểu") and caption.startswith(first[2:])
    assert second.endswith("… ⚠") and caption[len(first) - 1 :].startswith(second[:-3])
    metrics = QFontMetrics(panel.list.font())
    for line in (first, second):
        assert metrics.horizontalAdvance(line) <= panel.list.gridSize().width()
    window.grab().save("/tmp/15d-photo-labels-1280.png")
