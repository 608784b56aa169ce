"""Change sets: what a command or another window or program changed in the store (plain data).

core/watch.py finds the changes other programs made; the kinds below name the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsroom_desktop.core.documents import ArticleDoc, ArticleSummary


def _utcnow() -> datetime:
    return datetime.now(UTC)


# What made a change set; each panel refreshes only what the kind can have touched.
ELSEWHERE = "elsewhere"  # seen in the store: another window or program (or our own autosave)
SAVED = "saved"  # the editor's text or captions written: the editor already shows them
UPDATED = "updated"  # fields changed by a command (length targets, an edit brought back)
CREATED = "created"
TRASHED = "trashed"
WORKFLOW = "workflow"
NOTES = "notes"
PHOTOS = "photos"
RESTORED = "restored"  # an old revision made current again
IMPORTED = "imported"
EXPORTED = "exported"  # an export may publish approved articles
STORE = "store"  # the whole store replaced (a backup restored): show everything afresh
ACTOR = "actor"  # another person acts now: what they may see and do differs
EVERYTHING = frozenset({IMPORTED, STORE, ACTOR})


@dataclass(frozen=True)
class Changes:
    """What changed: new or changed articles (trashed ones flagged ``deleted``), and the number
    of live articles now (-1: not counted).

    Restoring from the trash and emptying it leave no time stamp: when ``live_count`` differs
    from what the list shows, reload the list. Changes made in this window carry their
    ``kind``; those the store watcher sees are ``ELSEWHERE``.
    """

    articles: tuple[ArticleSummary, ...] = ()
    live_count: int = -1
    since: datetime = field(default_factory=_utcnow)
    checked_at: datetime = field(default_factory=_utcnow)
    last_event: int = 0
    """The newest status change seen (SQLite rowid of status_events); pass it back next time."""
    kind: str = ELSEWHERE
    removed: tuple[str, ...] = ()
    """Articles that left the live list (trashed) without a summary to show."""
    touched: tuple[str, ...] = ()
    """Articles changed in what no summary shows (their notes)."""
    focus: str = ""
    """The photo use or note the change is about, for a view to select."""

    @classmethod
    def of(cls, docs: Iterable[ArticleDoc], kind: str, focus: str = "") -> Changes:
        """Return the change set of articles as a command left them."""
        return cls(tuple(doc.summary() for doc in docs), kind=kind, focus=focus)

    @property
    def ids(self) -> frozenset[str]:
        """Return the ids of every article the change set names."""
        return frozenset(s.id for s in self.articles) | set(self.removed) | set(self.touched)

    @property
    def everything(self) -> bool:
        """Tell whether any article may have changed (reload rather than patch)."""
        return self.kind in EVERYTHING

    def touches(self, article_id: str) -> bool:
        """Tell whether the change set may have changed ``article_id``."""
        return self.everything or article_id in self.ids
