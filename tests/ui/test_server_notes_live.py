"""Another desk's note on the open article shows in this window's notes, from the server."""

from __future__ import annotations

from newsroom_desktop.core.newsroom import Newsroom


def test_a_note_from_another_desk_reaches_the_open_article(qtbot, make_window, server_person):
    reporter = Newsroom.open(server_person("Ngọc Hậu", "reporter"))
    try:
        doc = reporter.articles.create({"headline": "Thông xe cầu", "body": "Đoạn đầu."})
        window = make_window(server_person("Minh Anh", "editor"))
        window.refresh_list()
        window.open_article(doc.id)
        notes = window.review.notes
        assert notes.notes == []
        watcher = window.safety.watcher
        assert watcher is not None and watcher.listener is not None
        assert watcher.listener.listening.wait(10)  # the window hears the server from now on
        reporter.notes.add(doc.id, "Anh kiểm tra giúp tên cầu nhé.")
        # The window's own timer polls the watcher; the server's notice names the article.
        qtbot.waitUntil(lambda: [n.text for n in notes.notes] == ["Anh kiểm tra giúp tên cầu nhé."])
        window.close()
    finally:
        reporter.close()
