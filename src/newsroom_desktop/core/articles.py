"""Articles: create, save (with revisions and the search index), get, list, search, trash."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Select, Subquery, bindparam, delete, func, select
from sqlalchemy.orm import Session

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core import revisions, search, search_pg
from newsroom_desktop.core._writes import (
    apply_changes,
    commit_save,
    create_in,
    normalised_changes,
    touch,
)
from newsroom_desktop.core.context import (
    CoreContext,
    get_one,
    person_for,
    resolve_id,
    resolve_ids,
)
from newsroom_desktop.core.convert import (
    article_doc,
    revision_or_none,
    summary_from_row,
    summary_select,
)
from newsroom_desktop.core.documents import (
    MAX_SEARCH_RESULTS,
    ArticleDoc,
    ArticleSummary,
    ListQuery,
    SaveResult,
    Snippet,
)
from newsroom_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from newsroom_desktop.core.models import Article, Person, Section, utcnow
from newsroom_desktop.core.snippets import snippet
from newsroom_desktop.core.vocabulary import STATUSES
from newsroom_desktop.core.workflow import check_edit_in

SORTS = ("updated", "headline", "created")
MAX_SEARCH_STATEMENTS = 32  # one a combination of list filters in use


class ArticleService:
    """Article operations; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx
        self._search_statements: dict[tuple[Any, ...], Select[Any]] = {}

    def _doc(self, session: Session, article: Article) -> ArticleDoc:
        return article_doc(article, self.ctx.store.location.originals_dir)

    def create(
        self,
        fields: Mapping[str, Any],
        *,
        reason: str = "create",
        created_at: datetime | None = None,
        updated_at: datetime | None = None,
    ) -> ArticleDoc:
        """Create an article from ``fields`` (headline, section, lead, body, byline, ...)."""
        with self.ctx.store.write() as session:
            article = create_in(
                session,
                self.ctx,
                fields,
                reason=reason,
                created_at=created_at,
                updated_at=updated_at,
            )
            return self._doc(session, article)

    def new_draft(self, language: str = "vi") -> ArticleDoc:
        """Create an empty draft for the acting person, with their name as its byline."""
        return self.create({"headline": "", "language": language, "byline": self.ctx.actor.name})

    def resolve(self, prefix: str) -> str:
        """Return the full id of the article whose id starts with ``prefix``."""
        with self.ctx.store.read() as session:
            return resolve_id(session, Article.id, prefix, "article")

    def resolve_many(self, prefixes: builtins.list[str]) -> builtins.list[str]:
        """Return the full id of each article id or prefix, in order (a batch's few queries)."""
        with self.ctx.store.read() as session:
            return resolve_ids(session, Article.id, prefixes, "article")

    def version(self, article_id: str) -> int:
        """Return the stored version of an article (cheap: one column)."""
        with self.ctx.store.read() as session:
            found = session.scalar(select(Article.version).where(Article.id == article_id))
        if found is None:
            raise NotFoundError(f"No article with id {article_id}.")
        return int(found)

    def get(self, article_id: str) -> ArticleDoc:
        """Return the article with this id (or unique id prefix)."""
        with self.ctx.store.read() as session:
            ident = resolve_id(session, Article.id, article_id, "article")
            article = get_one(session, Article, ident, "article")
            assert isinstance(article, Article)
            return self._doc(session, article)

    def save(
        self,
        article_id: str,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
        reason: str = "save",
    ) -> SaveResult:
        """Save changes to an article; a change writes a revision, an identical save none.

        With ``expected_version``, a save over a newer stored version is refused with
        ConflictError and the refused content is kept as a "conflict" revision.
        """
        conflict: ConflictError | None = None
        with self.ctx.store.write() as session:
            article = get_one(session, Article, article_id, "article")
            assert isinstance(article, Article)
            check_edit_in(article, self.ctx.actor)
            person = person_for(session, self.ctx.actor)
            if expected_version is not None and expected_version != article.version:
                # Keep the refused text as a revision (committed), then tell the caller.
                kept = self._keep_conflict(session, article, changes, person)
                conflict = ConflictError(
                    f"“{article.headline}” was changed elsewhere (version {article.version}) while "
                    f"you edited version {expected_version}. Your text was kept as revision "
                    f"{kept.number}.",
                    current_version=article.version,
                    expected_version=expected_version,
                )
            else:
                changed = apply_changes(session, article, changes)
                revision = None
                if changed:
                    touch(article)
                    revision = commit_save(session, self.ctx, article, person, reason)
                elif reason != revisions.AUTOSAVE:
                    revision = commit_save(session, self.ctx, article, person, reason)
                result = SaveResult(
                    self._doc(session, article), changed, revision_or_none(revision)
                )
        if conflict is not None:
            raise conflict
        return result

    def _keep_conflict(
        self, session: Session, article: Article, changes: Mapping[str, Any], person: Person
    ) -> Any:
        # The refused text becomes a revision of its own; the stored article stays as it is.
        snap = revisions.snapshot(article)
        snap.update({k: v for k, v in normalised_changes(changes).items() if k in snap})
        return revisions.write_revision(session, article, person, "conflict", snap)

    def _listing(self, query: ListQuery) -> Select[Any]:
        stmt, owner = summary_select()
        if query.trashed:
            stmt = stmt.where(Article.deleted_at.is_not(None))
        else:
            stmt = stmt.where(Article.deleted_at.is_(None))
        if isinstance(query.status, str):
            stmt = stmt.where(Article.status == query.status)
        elif query.status:
            stmt = stmt.where(Article.status.in_(query.status))
        if query.section:
            stmt = stmt.where(
                Article.section_id
                == select(Section.id).where(Section.name == query.section).scalar_subquery()
            )
        if query.owner:
            stmt = stmt.where(owner.name == query.owner)
        return stmt

    def list(
        self, query: ListQuery | None = None, *, offset: int = 0, limit: int = 200
    ) -> list[ArticleSummary]:
        """Return one page of article summaries (never bodies)."""
        query = query or ListQuery()
        self._check_query(query)
        if query.text.strip():
            return self.search(query.text, query=query, offset=offset, limit=limit)
        order_col = {
            "updated": Article.updated_at,
            "headline": Article.headline_key,
            "created": Article.created_at,
        }[query.sort]
        order = order_col.desc() if query.descending else order_col.asc()
        stmt = self._listing(query).order_by(order, Article.id).offset(offset).limit(limit)
        with self.ctx.store.read() as session:
            return [summary_from_row(row) for row in session.execute(stmt)]

    def count(self, query: ListQuery | None = None) -> int:
        """Return how many articles the query shows (search results are capped)."""
        query = query or ListQuery()
        self._check_query(query)
        if query.text.strip():
            return len(self.search(query.text, query=query, limit=MAX_SEARCH_RESULTS))
        with self.ctx.store.read() as session:
            return int(session.scalar(self._count_statement(query)) or 0)

    @staticmethod
    def _count_statement(query: ListQuery) -> Select[Any]:
        # The same filters as _listing, without its joins: a count over 100k articles then
        # reads one index instead of joining every row to its section and owner.
        stmt = select(func.count()).select_from(Article)
        stmt = stmt.where(
            Article.deleted_at.is_not(None) if query.trashed else Article.deleted_at.is_(None)
        )
        if isinstance(query.status, str):
            stmt = stmt.where(Article.status == query.status)
        elif query.status:
            stmt = stmt.where(Article.status.in_(query.status))
        if query.section:
            section_id = select(Section.id).where(Section.name == query.section)
            stmt = stmt.where(Article.section_id == section_id.scalar_subquery())
        if query.owner:
            owner_id = select(Person.id).where(Person.name == query.owner)
            stmt = stmt.where(Article.owner_id == owner_id.scalar_subquery())
        return stmt

    def counts_by_status(self, *, owner: str | None = None) -> dict[str, int]:
        """Return how many articles (not trashed) have each status, for one owner or all."""
        stmt = (
            select(Article.status, func.count())
            .where(Article.deleted_at.is_(None))
            .group_by(Article.status)
        )
        if owner is not None:
            stmt = stmt.where(
                Article.owner_id == select(Person.id).where(Person.name == owner).scalar_subquery()
            )
        with self.ctx.store.read() as session:
            return {status: int(n) for status, n in session.execute(stmt)}

    @staticmethod
    def _check_query(query: ListQuery) -> None:
        statuses = (query.status,) if isinstance(query.status, str) else query.status or ()
        bad = [s for s in statuses if s not in STATUSES]
        if bad:
            raise ValidationError(f"Unknown status {bad[0]!r}; use one of {', '.join(STATUSES)}.")
        if query.sort not in SORTS:
            raise ValidationError(f"Unknown sort {query.sort!r}; use one of {', '.join(SORTS)}.")

    def search(
        self,
        words: str,
        *,
        query: ListQuery | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> builtins.list[ArticleSummary]:
        """Return articles matching ``words`` (diacritics and case ignored), best first."""
        query = query or ListQuery()
        match = search.match_expression(words, server=not self.ctx.store.is_sqlite)
        if match is None:
            return []
        limit = min(limit, MAX_SEARCH_RESULTS - offset)
        if limit <= 0:
            return []
        with self.ctx.store.read() as session:
            if search.on_server(session):
                hits, params = self._hits(session, query, match, offset + limit)
                stmt = (
                    self._listing(query)
                    .join(hits, hits.c.num == Article.num)
                    .order_by(hits.c.rank, Article.updated_at.desc())
                    .offset(offset)
                    .limit(limit)
                )
                return [summary_from_row(r) for r in session.execute(stmt, params)]
            page: dict[str, Any] = {"match": match, "page_offset": offset, "page_limit": limit}
            if self._unfiltered(query):
                page["window"] = search.RANK_WINDOW
            else:
                page["cutoff"] = self._rank_cutoff(session, query, match)
            # Core execution: the rows are plain tuples, with nothing for the ORM to load.
            rows = session.connection().execute(self._ranked_page(query), page).all()
            return [summary_from_row(r) for r in rows]

    @staticmethod
    def _unfiltered(query: ListQuery) -> bool:
        return not (query.status or query.section or query.owner or query.trashed)

    def _ranked_page(self, query: ListQuery) -> Select[Any]:
        """Return the statement of one page of ranked hits in a store file, made once a filter.

        Built anew for each keystroke, the statement cost SQLAlchemy more time than SQLite
        took to run it (bench/bench_search.py).
        """
        key = (query.status, query.section, query.owner, query.trashed)
        stmt = self._search_statements.get(key)
        if stmt is None:
            hits = search.hits_subquery(newest=self._unfiltered(query))
            stmt = (
                self._listing(query)
                .join(hits, hits.c.num == Article.num)
                .order_by(hits.c.rank, Article.updated_at.desc())
                .offset(bindparam("page_offset"))
                .limit(bindparam("page_limit"))
            )
            if len(self._search_statements) >= MAX_SEARCH_STATEMENTS:
                self._search_statements.clear()
            self._search_statements[key] = stmt
        return stmt

    def _hits(
        self, session: Session, query: ListQuery, match: str, first: int
    ) -> tuple[Subquery, dict[str, Any]]:
        """Return the ranked newest RANK_WINDOW matches as (num, rank), with their parameters.

        A server's: only the ``first`` best of them, since the page's rows come from those.
        """
        del session
        hits = search_pg.newest_hits(self._listing(query), search.RANK_WINDOW, first)
        return hits, {"match": match}

    def _rank_cutoff(self, session: Session, query: ListQuery, match: str) -> int:
        """Return the lowest row the ranking looks at: the newest RANK_WINDOW matches shown."""
        matches = search.matches_subquery(session)
        stmt = (
            self._listing(query)
            .with_only_columns(Article.num)
            .join(matches, matches.c.num == Article.num)
            .order_by(matches.c.num.desc())
            .offset(search.RANK_WINDOW - 1)
            .limit(1)
        )
        cutoff = session.scalar(stmt, {"match": match})
        return int(cutoff) if cutoff is not None else 0

    def summaries(self, article_ids: builtins.list[str]) -> builtins.list[ArticleSummary]:
        """Return the list entries of these articles as stored now (trashed ones flagged)."""
        stmt, _owner = summary_select()
        found: builtins.list[ArticleSummary] = []
        with self.ctx.store.read() as session:
            for start in range(0, len(article_ids), 500):
                chunk = stmt.where(Article.id.in_(article_ids[start : start + 500]))
                found += [summary_from_row(row) for row in session.execute(chunk)]
        return found

    def snippets(self, article_ids: builtins.list[str], words: str) -> dict[str, Snippet | None]:
        """Return for each article the stretch of its lead, body or captions that ``words`` match.

        None for an article found by its headline, byline or tags alone (the list shows those).
        """
        found: dict[str, Snippet | None] = dict.fromkeys(article_ids)
        if not search.query_words(words):
            return found
        with self.ctx.store.read() as session:
            for start in range(0, len(article_ids), 500):
                chunk = article_ids[start : start + 500]
                for article in session.scalars(select(Article).where(Article.id.in_(chunk))):
                    captions = [link.caption for link in article.photo_links]
                    texts = [article.lead, body_md.plain_text(article.body), *captions]
                    found[article.id] = snippet(texts, words)
        return found

    def sections(self) -> builtins.list[str]:
        """Return the names of all sections, sorted."""
        with self.ctx.store.read() as session:
            return list(session.scalars(select(Section.name).order_by(Section.name)))

    def trash(self, article_id: str) -> None:
        """Move an article to the trash (it can be restored until the trash is emptied)."""
        with self.ctx.store.write() as session:
            article = get_one(session, Article, article_id, "article")
            assert isinstance(article, Article)
            article.deleted_at = utcnow()

    def restore_from_trash(self, article_id: str) -> None:
        """Take an article back out of the trash."""
        with self.ctx.store.write() as session:
            article = get_one(session, Article, article_id, "article")
            assert isinstance(article, Article)
            article.deleted_at = None

    def empty_trash(self) -> int:
        """Delete every trashed article for good; return how many."""
        with self.ctx.store.write() as session:
            nums = list(session.scalars(select(Article.num).where(Article.deleted_at.is_not(None))))
            for num in nums:
                search.unindex_article(session, num)
            session.execute(delete(Article).where(Article.deleted_at.is_not(None)))
            return len(nums)
