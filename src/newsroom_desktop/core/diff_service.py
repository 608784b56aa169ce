"""Compare stored versions of an article: the store side of core/diff."""

from __future__ import annotations

from newsroom_desktop.core import history
from newsroom_desktop.core.context import CoreContext
from newsroom_desktop.core.diff import ArticleDiff, diff_revisions
from newsroom_desktop.core.revisions import revision_info
from newsroom_desktop.core.vocabulary import CURRENT


class DiffService:
    """Compare versions of a stored article; each call is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def compare(
        self, article_id: str, rev_a: str | int | None = None, rev_b: str | int | None = None
    ) -> ArticleDiff:
        """Compare two versions of an article: revision numbers or ids, "current", "submitted".

        By default the reporter's last submitted version (or, before any submission, the
        first revision) is compared with the current text.
        """
        with self.ctx.store.read() as session:
            article = history.article_in(session, article_id)
            new = history.version_in(session, article, CURRENT if rev_b is None else rev_b)
            if rev_a is not None:
                old = history.version_in(session, article, rev_a)
            else:
                base = history.submitted_in(session, article.id) or history.first_in(
                    session, article.id
                )
                old = revision_info(base) if base is not None else new
        return diff_revisions(old, new)
