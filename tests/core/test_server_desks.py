"""Desks working at once on a newsroom server: each keeps what it creates."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from newsroom_desktop.core.documents import ListQuery
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.settings import Settings

NEW_ARTICLE = {"headline": "Bão số 3 vào bờ", "section": "Thời sự", "tags": ["Quảng Ninh"]}


def _in_thread(results: dict[str, Any], key: str, work: Callable[[], Any]) -> threading.Thread:
    def run() -> None:
        try:
            results[key] = work()
        except Exception as exc:  # the test reads it: a desk's refusal is the failure
            results[key] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_two_desks_creating_at_once_both_keep_their_article(pg_database, server_person):
    first = Newsroom.open(server_person("Ngọc Hậu", "reporter"), settings=Settings())
    second = Newsroom.open(server_person("Thu Trang", "reporter"), settings=Settings())
    has_read_num, carry_on = threading.Event(), threading.Event()

    def hold_first_desk(conn, cursor, statement, *args):
        # Hold the first desk just after it read the highest article number, before it writes.
        if "max(articles.num)" in statement and not has_read_num.is_set():
            has_read_num.set()
            carry_on.wait(timeout=30)

    event.listen(first.store.engine, "after_cursor_execute", hold_first_desk)
    results: dict[str, Any] = {}
    one = _in_thread(results, "first", lambda: first.articles.create(NEW_ARTICLE))
    assert has_read_num.wait(timeout=30)
    two = _in_thread(results, "second", lambda: second.articles.create(NEW_ARTICLE))
    two.join(timeout=2)  # the second desk's turn comes when the first commits
    carry_on.set()
    one.join()
    two.join()
    first.close()
    second.close()
    owner = Newsroom.open(pg_database, settings=Settings())
    try:
        assert not isinstance(results["first"], Exception), results["first"]
        assert not isinstance(results["second"], Exception), results["second"]
        listed = owner.articles.list(ListQuery(section="Thời sự"))
        assert {a.owner for a in listed} == {"Ngọc Hậu", "Thu Trang"}
        assert owner.articles.sections() == ["Thời sự"]
        assert [a.id for a in owner.articles.search("quang ninh")] == [a.id for a in listed]
    finally:
        owner.close()
