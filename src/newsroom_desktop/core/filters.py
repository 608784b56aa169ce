"""Saved filters of the article list: "My drafts", "Waiting for review", "Ready to publish"."""

from __future__ import annotations

from dataclasses import dataclass

from newsroom_desktop.core.documents import Actor, ListQuery
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.text import clean_line


@dataclass(frozen=True)
class SavedFilter:
    """A named list query; ``mine`` limits it to the acting person's own articles."""

    key: str
    label: str
    statuses: tuple[str, ...] = ()
    mine: bool = False

    def query(self, actor: Actor, *, sort: str = "updated", descending: bool = True) -> ListQuery:
        """Return the list query this filter stands for, for ``actor``."""
        return ListQuery(
            status=self.statuses or None,
            owner=clean_line(actor.name) if self.mine else None,
            sort=sort,
            descending=descending,
        )


SAVED_FILTERS: tuple[SavedFilter, ...] = (
    SavedFilter("all", "All articles"),
    SavedFilter("my_drafts", "My drafts", ("draft",), mine=True),
    SavedFilter("waiting_for_review", "Waiting for review", ("submitted", "editing")),
    SavedFilter("ready_to_publish", "Ready to publish", ("ready",)),
)
BY_KEY = {f.key: f for f in SAVED_FILTERS}


def saved_filter(key: str) -> SavedFilter:
    """Return the saved filter with this key."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise ValidationError(f"Unknown filter {key!r}; use one of {', '.join(BY_KEY)}.") from None


def filter_query(key: str, actor: Actor) -> ListQuery:
    """Return the list query of the saved filter ``key`` for ``actor``."""
    return saved_filter(key).query(actor)
