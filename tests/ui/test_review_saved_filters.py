"""Saved filters of the article list: My drafts, Waiting for review, Ready to publish."""

from __future__ import annotations

from PySide6.QtCore import Qt

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import EDITOR, REPORTER

OTHER = Actor("Thu Trang", "reporter")


def fill(store_path) -> dict[str, str]:
    """Articles in every state the filters tell apart; return their ids by name."""
    nr = Newsroom.open(store_path, actor=REPORTER)
    ids = {}

    def make(name: str, owner: Actor, *actions: str) -> None:
        nr.act_as(owner)
        ids[name] = nr.articles.create({"headline": name, "body": "Đoạn một."}).id
        for action in actions:
            nr.act_as(owner if action == "submit" else EDITOR)
            nr.workflow.apply(ids[name], action)

    make("Bản nháp của Hậu", REPORTER)
    make("Bản nháp của Trang", OTHER)
    make("Chờ duyệt", OTHER, "submit")
    make("Đang biên tập", REPORTER, "submit", "take")
    make("Đã duyệt", REPORTER, "submit", "approve")
    make("Đã đăng", REPORTER, "submit", "approve", "publish")
    nr.close()
    return ids


def headlines(window) -> set[str]:
    model = window.list_model
    return {model.summary(row).headline for row in range(model.rowCount())}


def click(qtbot, bar, key: str) -> None:
    item = bar.item(bar.keys().index(key))
    qtbot.mouseClick(
        bar.viewport(), Qt.MouseButton.LeftButton, pos=bar.visualItemRect(item).center()
    )


def test_each_saved_filter_shows_its_articles(qtbot, make_window, store_path):
    fill(store_path)
    window = make_window()
    bar = window.review.filters
    assert len(headlines(window)) == 6
    click(qtbot, bar, "my_drafts")
    assert headlines(window) == {"Bản nháp của Hậu"}
    click(qtbot, bar, "waiting_for_review")
    assert headlines(window) == {"Chờ duyệt", "Đang biên tập"}
    click(qtbot, bar, "ready_to_publish")
    assert headlines(window) == {"Đã duyệt"}
    click(qtbot, bar, "all")
    assert len(headlines(window)) == 6


def test_counts_follow_the_person_and_the_workflow(make_window, store_path):
    ids = fill(store_path)
    window = make_window()
    bar = window.review.filters
    window.review.saved_filters.refresh_filter_counts()
    assert [bar.count_of(k) for k in ("my_drafts", "waiting_for_review", "ready_to_publish")] == [
        1, 2, 1]  # fmt: skip
    window.review.workflow.switch_person(OTHER)
    window.review.saved_filters.refresh_filter_counts()
    assert bar.count_of("my_drafts") == 1
    window.review.workflow.switch_person(EDITOR)
    window.open_article(ids["Chờ duyệt"])
    window.review.workflow_actions["approve"].trigger()
    window.review.saved_filters.refresh_filter_counts()
    assert bar.count_of("waiting_for_review") == 1
    assert bar.count_of("ready_to_publish") == 2


def test_search_narrows_a_saved_filter_and_the_status_filter_takes_over(
    qtbot, make_window, store_path
):
    fill(store_path)
    window = make_window()
    bar = window.review.filters
    panel = window.list_panel
    click(qtbot, bar, "waiting_for_review")
    panel.search.setText("duyet")  # diacritics optional
    qtbot.waitUntil(lambda: headlines(window) == {"Chờ duyệt"}, timeout=2000)
    panel.search.clear()
    qtbot.waitUntil(lambda: len(headlines(window)) == 2, timeout=2000)
    # Choosing a status by hand leaves the saved filter for "All articles".
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("published"))
    assert bar.current_key() == "all"
    assert headlines(window) == {"Đã đăng"}
    # And choosing a saved filter clears the status chosen by hand.
    click(qtbot, bar, "my_drafts")
    assert panel.status_filter.currentIndex() == 0
    assert headlines(window) == {"Bản nháp của Hậu"}
