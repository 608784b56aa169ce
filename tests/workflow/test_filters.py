"""Saved filters of the article list: My drafts, Waiting for review, Ready to publish."""

from __future__ import annotations

import pytest

from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.filters import SAVED_FILTERS, filter_query, saved_filter
from newsroom_desktop.core.newsroom import Newsroom
from tests.conftest import EDITOR, REPORTER
from tests.workflow.conftest import OTHER_REPORTER, article_in_status


def _ids(nr: Newsroom, key: str) -> set[str]:
    return {s.id for s in nr.articles.list(filter_query(key, nr.actor))}


def test_saved_filters_show_what_their_names_say(newsroom: Newsroom):
    mine = {s: article_in_status(newsroom, s, REPORTER) for s in ("draft", "submitted", "ready")}
    theirs = {
        s: article_in_status(newsroom, s, OTHER_REPORTER) for s in ("draft", "editing", "published")
    }
    assert _ids(newsroom, "my_drafts") == {mine["draft"]}
    assert _ids(newsroom, "waiting_for_review") == {mine["submitted"], theirs["editing"]}
    assert _ids(newsroom, "ready_to_publish") == {mine["ready"]}
    assert _ids(newsroom, "all") == set(mine.values()) | set(theirs.values())
    newsroom.act_as(OTHER_REPORTER)
    assert _ids(newsroom, "my_drafts") == {theirs["draft"]}
    newsroom.act_as(EDITOR)
    assert _ids(newsroom, "my_drafts") == set()


def test_filters_have_keys_and_labels_in_order():
    assert [f.key for f in SAVED_FILTERS] == [
        "all",
        "my_drafts",
        "waiting_for_review",
        "ready_to_publish",
    ]
    assert saved_filter("ready_to_publish").label == "Ready to publish"
    with pytest.raises(ValidationError, match="Unknown filter 'mine'"):
        saved_filter("mine")
