"""Noticing that another window or program changed the store, and what changed."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

from newsroom_desktop.core.models import utcnow
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.watch import StoreWatcher, changed_since
from tests.conftest import EDITOR, REPORTER


def test_watcher_is_quiet_until_another_program_commits(newsroom, store_path):
    doc = newsroom.articles.create({"headline": "Bài cũ"})
    watcher = StoreWatcher(newsroom.store)
    try:
        assert watcher.poll() is None
        newsroom.articles.get(doc.id)  # reads change nothing
        assert watcher.poll() is None
        # Another process (the CLI) edits the article.
        code = (
            "from newsroom_desktop.cli.main import main; import sys; "
            f"sys.exit(main(['--store', {str(store_path)!r}, '--as', {REPORTER.name!r}, "
            f"'edit', {doc.id!r}, '--headline', 'Bài đã sửa ở nơi khác']))"
        )
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        changes = watcher.poll()
        assert changes is not None
        assert [(s.id, s.headline) for s in changes.articles] == [(doc.id, "Bài đã sửa ở nơi khác")]
        assert changes.live_count == 1
        assert watcher.poll() is None
    finally:
        watcher.close()


def test_trash_status_and_empty_trash_are_seen(newsroom, store_path):
    a = newsroom.articles.create({"headline": "Một", "body": "Nội dung.\n", "byline": "A"})
    b = newsroom.articles.create({"headline": "Hai"})
    watcher = StoreWatcher(newsroom.store)
    other = Newsroom.open(store_path, actor=REPORTER)
    try:
        other.articles.trash(b.id)
        changes = watcher.poll()
        assert changes is not None
        # Recent changes may come again (the poll looks back a little): the list upserts them.
        assert {s.id: s.deleted for s in changes.articles}[b.id] is True
        assert changes.live_count == 1
        other.workflow.apply(a.id, "submit")
        changes = watcher.poll()
        assert changes is not None and [s.status for s in changes.articles if s.id == a.id] == [
            "submitted"
        ]
        other.act_as(EDITOR)
        other.articles.empty_trash()
        changes = watcher.poll()
        assert changes is not None and changes.live_count == 1
    finally:
        other.close()
        watcher.close()


def test_changed_since_looks_back_by_time(newsroom):
    before = utcnow() - timedelta(seconds=1)
    doc = newsroom.articles.create({"headline": "Mới"})
    assert [s.id for s in changed_since(newsroom.store, before).articles] == [doc.id]
    assert changed_since(newsroom.store, utcnow() + timedelta(seconds=5)).articles == ()
