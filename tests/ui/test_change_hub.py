"""Every change, made in this window or seen in the store, reaches the panels through one hub."""

from __future__ import annotations

from newsroom_desktop.core.changes import (
    CREATED,
    ELSEWHERE,
    NOTES,
    TRASHED,
    WORKFLOW,
    Changes,
)
from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import REPORTER


def heard(window) -> list[Changes]:
    found: list[Changes] = []
    window.changes.changed.connect(found.append)
    return found


def test_a_change_set_names_its_articles_and_defaults_for_the_old_uses():
    changes = Changes(kind=NOTES, touched=("a1",))
    assert changes.touches("a1")
    assert not changes.touches("b2")
    assert changes.live_count == -1
    assert Changes().kind == ELSEWHERE
    assert Changes(kind="store").touches("anything")


def test_commands_publish_what_they_changed(make_window, monkeypatch):
    window = make_window()
    found = heard(window)
    window.new_article()
    doc = window.session.doc
    assert [c.kind for c in found] == [CREATED]
    assert found[0].ids == {doc.id}
    assert window.list_model.row_of(doc.id) == 0

    window.review.workflow_actions["submit"].trigger()
    assert found[-1].kind == WORKFLOW
    assert found[-1].articles[0].status == "submitted"
    row = window.list_model.row_of(doc.id)
    assert window.list_model.summary(row).status == "submitted"

    window.review.notes.add_note("Kiểm tra số liệu.")
    assert found[-1].kind == NOTES and found[-1].touches(doc.id)
    assert window.review.bar.notes_button.text().startswith("1 open note")
    assert not window.review.bar.notes_button.isHidden()

    assert window.list_panel.select_article(doc.id)
    window.trash_selected()
    assert found[-1].kind == TRASHED and found[-1].removed == (doc.id,)
    assert window.list_model.row_of(doc.id) == -1


def test_the_store_watcher_speaks_through_the_same_hub(make_window, store_path):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Cũ"})
    window.refresh_list()
    window.safety.poll_changes()  # settle what this window did itself
    found = heard(window)
    other = Newsroom.open(store_path, actor=REPORTER)
    try:
        other.articles.save(doc.id, {"headline": "Mới"})
    finally:
        other.close()
    window.safety.poll_changes()
    (changes,) = found
    assert changes.kind == ELSEWHERE and changes.touches(doc.id)
    row = window.list_model.row_of(doc.id)
    assert window.list_model.summary(row).headline == "Mới"
