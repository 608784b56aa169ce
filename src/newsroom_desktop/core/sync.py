"""Offline desks: the store file as a working copy of a newsroom server, kept in step by sync.

A sync sends first, then receives. Sending an article: its new revisions, status events and
notes go up under their own ids (sending twice is harmless); its head moves on the server only
from the head this desk last had (the server checks it, migration 0005); otherwise the desk's
version stays on the server as a revision and the article is flagged in conflict. Receiving:
the server's change log is read up to its safe point (the oldest transaction still running),
each batch of articles is applied in one local transaction, and the position advances in the
transaction that applies the last of them. Nothing depends on the desk's clock.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from newsroom_desktop.core import credentials, revisions, search
from newsroom_desktop.core._writes import apply_changes, commit_save, touch
from newsroom_desktop.core.context import CoreContext, person_for
from newsroom_desktop.core.convert import article_doc
from newsroom_desktop.core.documents import Actor, ArticleDoc, RevisionInfo
from newsroom_desktop.core.errors import (
    NewsroomError,
    StoreError,
    ValidationError,
)
from newsroom_desktop.core.history import current_revision
from newsroom_desktop.core.joined import PERSON, ROLE, SERVER, joined_actor
from newsroom_desktop.core.models import (
    Article,
    ArticlePhoto,
    Lease,
    Note,
    Person,
    Photo,
    Revision,
    StatusEvent,
    SyncArticle,
    SyncConflict,
    SyncKnown,
    SyncState,
    utcnow,
)
from newsroom_desktop.core.paths import server_location
from newsroom_desktop.core.photos.ingest import original_path
from newsroom_desktop.core.proofing import house_sync
from newsroom_desktop.core.server_people import actor_role, signed_in_person
from newsroom_desktop.core.store import Store, describe_server_error
from newsroom_desktop.core.sync_marks import receive_marks, send_marks
from newsroom_desktop.core.sync_rows import (
    adopt_person,
    adopt_photo_ids,
    apply_state,
    columns,
    load_batch,
    mark_known,
    read_states,
    upsert_person,
)
from newsroom_desktop.core.sync_send import (
    LOCAL_ONLY,
    PERSON_ID,
    ServerGroup,
    dirty_ids,
    lock_group,
    outgoing_of,
    push,
    record_sent,
)
from newsroom_desktop.core.template_sync import sync_shared
from newsroom_desktop.core.uploads import upload_original
from newsroom_desktop.core.workflow import check_edit_in

DEFAULT_DAYS = 14
BATCH = 200
# Articles sent in one server transaction (each in its own savepoint).
SEND_BATCH = 25
# How long a desk waits for an unreachable server before it calls itself offline.
CONNECT_TIMEOUT_S = 5
CURSOR, LAST_SYNC, DAYS, RETRY = (
    "cursor",
    "last_sync",
    "days",
    "retry",
)
# What sends a group again article by article, each in a savepoint.
RETRY_CAREFULLY = frozenset({"head_moved", "server_refused"})
# What libpq says when the server reached refuses who signs in (not a lost line).
SIGN_IN_REFUSED = ("password authentication failed", "no password supplied", 'role "')
# What a lost line raises: the desk is offline, not refused.
OFFLINE_CODES = frozenset({"sync_offline", "server_unreachable"})
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar says: where the desk syncs, when it last did, what waits."""

    server: str
    person: str
    last_sync: datetime | None
    waiting: int
    conflicts: int

    @property
    def joined(self) -> bool:
        return bool(self.server)


@dataclass
class SyncReport:
    """What one sync moved, for the CLI and the status bar."""

    sent: list[str] = field(default_factory=list)  # headlines of the articles sent
    received: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    photos_sent: int = 0
    seconds: float = 0.0
    at: datetime | None = None
    # The server transactions of this desk's clean sends: nothing in them is news to it.
    own_transactions: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)  # ids of every article sent or received


def _state(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(SyncState))}


def _put(session: Session, **values: str) -> None:
    for key, value in values.items():
        row = session.get(SyncState, key)
        if row is None:
            session.add(SyncState(key=key, value=value))
        else:
            row.value = value


def _server_url(url: str) -> Any:
    """Return the server's URL with a short connect timeout, so offline is found out quickly."""
    parsed = credentials.with_stored_password(server_location(url).url)
    query = dict(parsed.query)
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    return parsed.set(query=query)


def _without_password(url: str) -> str:
    """Return the server URL as a desk keeps it: the password goes to the keyring only."""
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def _offline(exc: BaseException, where: str) -> StoreError:
    reason = exc.message if isinstance(exc, StoreError) else str(getattr(exc, "orig", exc))
    return StoreError(
        f"Offline: the newsroom server {where} cannot be reached ({reason.strip()}). "
        "This desk keeps working; its changes wait for the next sync.",
        code="sync_offline",
    )


class SyncService:
    """Join a desk to a server, sync it, and resolve what sync could not decide alone."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    # --- joining and the status bar ---------------------------------------------------------

    def join(self, url: str, *, days: int = DEFAULT_DAYS) -> Actor:
        """Join this desk's store to the server at ``url``; return who it works as there."""
        if not self.ctx.store.is_sqlite:
            raise StoreError("Only a store file joins a newsroom server.", code="sync_not_file")
        server = self._open(url)
        try:
            with server.read() as remote:
                me = columns(signed_in_person(remote))
        finally:
            server.close()
        address = _without_password(url)
        with self.ctx.store.write() as session:
            # The person at this desk is the one joining: their work so far becomes theirs there.
            local = session.scalars(
                select(Person).where(Person.name == self.ctx.actor.name)
            ).one_or_none()
            if local is not None and local.id != me["id"] and local.name != me["name"]:
                adopt_person(session, local.id, me)
            upsert_person(session, me)
            _put(
                session,
                **{SERVER: address, PERSON_ID: me["id"], PERSON: me["name"]},
                **{ROLE: actor_role(me["role"]), DAYS: str(days)},
            )
        actor = Actor(me["name"], actor_role(me["role"]))
        self.ctx.actor = actor
        return actor

    def keep_on_desk(self, article_id: str) -> None:
        """Keep this article on this desk only: a sync never sends it (the sample article)."""
        with self.ctx.store.write() as session:
            mark_known(session, LOCAL_ONLY, [article_id])

    @staticmethod
    def new_report() -> SyncReport:
        """Return an empty report, for a receive outside a sync."""
        return SyncReport()

    @staticmethod
    def keep_password(url: str) -> None:
        """Keep the password in ``url`` in the system keyring (StoreError if there is none)."""
        parsed = make_url(url)
        if parsed.password:
            credentials.remember_password(make_url(_without_password(url)), str(parsed.password))

    def status(self) -> SyncStatus:
        """Return the desk's sync state, read from its own store (no network)."""
        with self.ctx.store.read() as session:
            state = _state(session)
            waiting = len(dirty_ids(session)) if state.get(SERVER) else 0
            conflicts = session.scalar(
                select(func.count(func.distinct(SyncConflict.article_id))).where(
                    SyncConflict.resolved_at.is_(None)
                )
            )
        last = state.get(LAST_SYNC)
        return SyncStatus(
            server=server_location(state[SERVER]).display if state.get(SERVER) else "",
            person=state.get(PERSON, ""),
            last_sync=datetime.fromisoformat(last) if last else None,
            waiting=waiting,
            conflicts=int(conflicts or 0),
        )

    def open_server(self, server_url: str | None = None) -> Store:
        """Open the desk's server (or ``server_url``); StoreError "sync_offline" if unreachable."""
        with self.ctx.store.read() as session:
            url = server_url or _state(session).get(SERVER, "")
        if not url:
            raise StoreError(
                "This desk is not joined to a newsroom server: `newsroom server join URL` first.",
                code="sync_not_joined",
            )
        return self._open(url)

    def article_info(self, article_id: str) -> ArticleSyncInfo:
        """Return the article's check-out, open conflicts and the server's last word on it."""
        with self.ctx.store.read() as session:
            lease = session.get(Lease, article_id)
            row = session.get(SyncArticle, article_id)
            conflicts = session.scalars(
                select(SyncConflict.revision_id)
                .where(SyncConflict.article_id == article_id, SyncConflict.resolved_at.is_(None))
                .order_by(SyncConflict.created_at)
            ).all()
            waiting = bool(_state(session).get(SERVER) and dirty_ids(session, article_id))
        return ArticleSyncInfo(
            lease_by=lease.person_name if lease else "",
            conflicts=tuple(conflicts),
            notice=row.notice if row else "",
            waiting=waiting,
        )

    def conflict(self, article_id: str) -> ConflictVersions | None:
        """Return the article's oldest open conflict, or None when it has none."""
        with self.ctx.store.read() as session:
            conflict = session.scalars(
                select(SyncConflict)
                .where(SyncConflict.article_id == article_id, SyncConflict.resolved_at.is_(None))
                .order_by(SyncConflict.created_at)
                .limit(1)
            ).first()
            kept = session.get(Revision, conflict.revision_id) if conflict else None
            if conflict is None or kept is None:
                return None
            article = session.get_one(Article, article_id)
            head = session.get(Revision, article.head_revision_id or "")
            current = replace(current_revision(article), author=head.author_name if head else "")
            return ConflictVersions(
                conflict_id=conflict.id,
                kept=revisions.revision_info(kept),
                current=current,
                kept_is_mine=kept.author_name == self.ctx.actor.name,
            )

    def resolve(self, article_id: str, conflict_id: str, fields: dict[str, str]) -> ArticleDoc:
        """Save the resolved text (headline, lead, body) and close the conflict; sync sends it."""
        with self.ctx.store.write() as session:
            article = session.get_one(Article, article_id)
            check_edit_in(article, self.ctx.actor)
            person = person_for(session, self.ctx.actor)
            if apply_changes(session, article, fields):
                touch(article)
            commit_save(session, self.ctx, article, person, "resolve")
            conflict = session.get_one(SyncConflict, conflict_id)
            conflict.resolved_at = utcnow()
            conflict.resolved_by = person.name
            return article_doc(article, self.ctx.store.location.originals_dir)

    def _open(self, url: str) -> Store:
        where = server_location(url).display
        try:
            return Store.open(server_location(_server_url(url).render_as_string(False)))
        except (OperationalError, DBAPIError, StoreError) as exc:
            reason = str(exc.message if isinstance(exc, StoreError) else exc)
            if any(sign in reason for sign in SIGN_IN_REFUSED):
                raise StoreError(
                    f"The newsroom server {where} refused the sign-in ({reason.strip()}). Keep "
                    "your password with `newsroom server join URL` (the system keyring), or "
                    "give it once with `newsroom sync --server URL`.",
                    code="sync_sign_in",
                ) from exc
            if isinstance(exc, StoreError) and exc.code not in {"store_io", "server_unreachable"}:
                raise
            raise _offline(exc, where) from exc

    # --- one sync ---------------------------------------------------------------------------

    def sync(
        self,
        *,
        server_url: str | None = None,
        progress: Progress | None = None,
        days: int | None = None,
    ) -> SyncReport:
        """Send this desk's changes, then receive the server's; return what moved."""
        started = time.monotonic()
        with self.ctx.store.read() as session:
            state = _state(session)
        if not state.get(SERVER) and server_url is None:
            raise StoreError(
                "This desk is not joined to a newsroom server: `newsroom server join URL` first.",
                code="sync_not_joined",
            )
        url = server_url or state[SERVER]
        report = SyncReport()
        server = self._open(url)
        try:
            self._prepare()
            self._send(server, report, progress)
            send_marks(self.ctx.store, server)
            self._receive(server, state, report, progress, days)
            house_sync.exchange(self.ctx.store, server)
            sync_shared(self.ctx.store, server)
            receive_marks(self.ctx.store, server)
        except (OperationalError, DBAPIError) as exc:
            raise _offline(exc, server.location.display) from exc
        except StoreError as exc:
            if exc.code == "server_unreachable":
                raise _offline(exc, server.location.display) from exc
            raise
        finally:
            server.close()
        report.seconds = time.monotonic() - started
        report.at = utcnow()
        with self.ctx.store.write() as session:
            _put(session, **{LAST_SYNC: report.at.isoformat()})
        return report

    def _prepare(self) -> None:
        """Make every unsent change of the text a revision, so that what goes up is immutable."""
        with self.ctx.store.write() as session:
            me = session.get(Person, _state(session)[PERSON_ID])
            for aid in dirty_ids(session):
                article = session.get_one(Article, aid)
                snap = revisions.snapshot(article)
                digest = revisions.content_hash(snap)
                head = session.get(Revision, article.head_revision_id or "")
                if head is None or head.content_hash != digest:
                    revision = revisions.write_revision(session, article, me, "sync", snap)
                    article.head_revision_id = revision.id

    # --- sending ----------------------------------------------------------------------------

    def _send(self, server: Store, report: SyncReport, progress: Progress | None) -> None:
        with self.ctx.store.read() as session:
            dirty = dirty_ids(session)
        for start in range(0, len(dirty), SEND_BATCH):
            self._send_group(server, dirty[start : start + SEND_BATCH], report)
            if progress:
                progress(min(start + SEND_BATCH, len(dirty)), len(dirty) * 2)

    def _send_group(self, server: Store, group: Sequence[str], report: SyncReport) -> None:
        """Send a group of articles in one server transaction, each in its own savepoint.

        One article the server will not take never holds the others back: it stays waiting
        on this desk, and says why. The desk records what went up only after the commit.
        """
        self._adopt_server_photos(server, group)
        with self.ctx.store.read() as local:
            outgoing = outgoing_of(local, group)
        for out in outgoing.values():
            report.photos_sent += self._send_originals(server, out["photos"])
        report.articles.update(group)
        try:  # the usual case first: nothing in the group meets another head or a refusal
            results, refusals, txid = self._push_group(server, outgoing, careful=False)
        except NewsroomError as exc:
            if exc.code not in RETRY_CAREFULLY:
                raise
            results, refusals, txid = self._push_group(server, outgoing, careful=True)
        clean = all(not r["conflict"] and not r["refused"] for r in results.values())
        with self.ctx.store.write() as local:
            record_sent(local, outgoing, results)
            for aid, why in refusals.items():
                row = local.get(SyncArticle, aid)
                if row is not None:
                    row.notice = why
        for aid, sent in results.items():
            report.sent.append(outgoing[aid]["headline"])
            if sent["conflict"]:
                report.conflicts.append(outgoing[aid]["headline"])
            report.refused += sent["refused"]
        report.refused += [f"{outgoing[aid]['headline']}: {why}" for aid, why in refusals.items()]
        if clean and results and txid:
            report.own_transactions.append(str(txid))

    def _adopt_server_photos(self, server: Store, group: Sequence[str]) -> None:
        """Take the server's ids for photos it holds under another id (same SHA-256)."""
        with self.ctx.store.read() as local:
            ours = dict(
                local.execute(
                    select(Photo.sha256, Photo.id)
                    .join(ArticlePhoto, ArticlePhoto.photo_id == Photo.id)
                    .where(ArticlePhoto.article_id.in_(group))
                ).all()
            )
        if not ours:
            return
        with server.read() as remote:
            theirs = dict(
                remote.execute(select(Photo.sha256, Photo.id).where(Photo.sha256.in_(ours))).all()
            )
        moves = {ours[sha]: pid for sha, pid in theirs.items() if pid != ours[sha]}
        if moves:
            with self.ctx.store.write() as local:
                adopt_photo_ids(local, moves)

    def _push_group(
        self, server: Store, outgoing: dict[str, dict[str, Any]], *, careful: bool
    ) -> tuple[dict[str, dict[str, Any]], dict[str, str], str]:
        """Send the group in one server transaction; careful: each article in a savepoint.

        Without care a head moved or a refusal ends the whole transaction (the caller then
        sends the group again, carefully): two round trips an article fewer when all is well.
        """
        results: dict[str, dict[str, Any]] = {}
        refusals: dict[str, str] = {}
        with server.write() as remote:
            me = signed_in_person(remote)
            group = lock_group(remote, outgoing)
            for aid, out in outgoing.items():
                if not careful:
                    results[aid] = push(remote, me, aid, out["base"], out, group=group)
                    continue
                try:
                    results[aid] = self._push_one(server, remote, me, aid, out, group=group)
                except NewsroomError as exc:
                    if exc.code in OFFLINE_CODES or exc.code.startswith("store_"):
                        raise
                    refusals[aid] = str(exc)
            txid = str(remote.scalar(text("SELECT pg_current_xact_id()::text")))
        return results, refusals, txid

    def _push_one(
        self,
        server: Store,
        remote: Session,
        me: Person,
        aid: str,
        out: dict[str, Any],
        *,
        group: ServerGroup,
    ) -> dict[str, Any]:
        """Send one article inside a savepoint; a head moved meanwhile keeps both versions."""
        for conflict in (False, True):
            try:
                with remote.begin_nested():
                    return push(remote, me, aid, out["base"], out, group=group, conflict=conflict)
            except (DBAPIError, StaleDataError) as exc:
                error = describe_server_error(exc, server.location.display)
                if error.code in OFFLINE_CODES or error.code == "store_io" or conflict:
                    raise error from exc
                # Another desk moved the head meanwhile, or the server's rules refuse this
                # person the text now (an editor approved it): the version is kept, flagged.
                if error.code not in RETRY_CAREFULLY:
                    raise error from exc
        raise AssertionError("unreachable")

    def _send_originals(self, server: Store, photos: Sequence[dict[str, Any]]) -> int:
        """Send each photo original the server lacks, by its SHA-256, before its records."""
        sent = 0
        for photo in photos:
            path = original_path(
                self.ctx.store.location.originals_dir, photo["sha256"], photo["format"]
            )
            if path.is_file() and upload_original(server, photo["sha256"], path):
                sent += 1
        return sent

    # --- receiving --------------------------------------------------------------------------

    def _receive(
        self,
        server: Store,
        state: dict[str, str],
        report: SyncReport,
        progress: Progress | None,
        days: int | None,
    ) -> None:
        with server.read() as remote:
            safe = str(remote.scalar(text("SELECT pg_snapshot_xmin(pg_current_snapshot())")))
            cursor = state.get(CURSOR)
            if cursor is None:
                held = int(days or state.get(DAYS) or DEFAULT_DAYS)
                changed = _first_holding(remote, state[PERSON_ID], held)
            else:
                changed = list(
                    remote.scalars(
                        text(
                            "SELECT DISTINCT article_id FROM sync_log "
                            "WHERE txid >= CAST(:a AS xid8) AND txid < CAST(:b AS xid8) "
                            "AND NOT txid = ANY (CAST(:own AS xid8[]))"
                        ),
                        {"a": cursor, "b": safe, "own": report.own_transactions},
                    )
                )
            people = [columns(p) for p in remote.scalars(select(Person))]
        changed += [aid for aid in json.loads(state.get(RETRY, "[]")) if aid not in changed]
        self.receive(server, changed, report, people=people, progress=progress)
        with self.ctx.store.write() as session:
            _put(session, **{CURSOR: safe})

    def receive(
        self,
        server: Store,
        article_ids: Sequence[str],
        report: SyncReport,
        *,
        people: Sequence[dict[str, Any]] = (),
        progress: Progress | None = None,
    ) -> None:
        """Apply the server's state of these articles, a batch to a local transaction."""
        if people:
            with self.ctx.store.write() as session:
                me = _state(session).get(PERSON_ID)
                for person in people:
                    upsert_person(session, person)
                    if person["id"] == me:  # an admin may have changed this person's role
                        role = actor_role(person["role"])
                        _put(session, **{ROLE: role})
                        self.ctx.actor = Actor(person["name"], role)
        for start in range(0, len(article_ids), BATCH):
            batch = article_ids[start : start + BATCH]
            with self.ctx.store.read() as session:  # what the server sent before: no text
                have = set(
                    session.scalars(
                        select(Revision.id)
                        .join(SyncKnown, SyncKnown.id == Revision.id)
                        .where(Revision.article_id.in_(batch))
                    )
                )
            with server.read() as remote:
                states = read_states(remote, batch, have)
                gone = set(batch) - {s.article["id"] for s in states}
            report.articles.update(batch)
            with self.ctx.store.write() as session:
                dirty = set(dirty_ids(session))
                retry = set(json.loads(_state(session).get(RETRY, "[]")))
                rows = load_batch(session, states)
                for item in states:
                    aid = item.article["id"]
                    try:
                        with session.begin_nested():
                            article = apply_state(session, item, dirty=aid in dirty, batch=rows)
                    except (IntegrityError, ValidationError) as exc:
                        # Kept for the next sync rather than skipped: the position moves on.
                        rows.people.clear()  # the savepoint took back whom it brought in step
                        retry.add(aid)
                        report.refused.append(f"{item.article['headline']}: {exc}")
                        continue
                    except OperationalError as exc:
                        cause = _savepoint_cause(exc)
                        if cause is exc:
                            raise
                        raise cause from None
                    retry.discard(aid)
                    report.received.append(article.headline or "(untitled)")
                _put(session, **{RETRY: json.dumps(sorted(retry))})
                _forget(session, gone - dirty)
            self._fetch_originals(server, [p for s in states for p in s.photos])
            if progress:
                progress(len(article_ids) + start + len(batch), len(article_ids) * 2)

    def _fetch_originals(self, server: Store, photos: Sequence[dict[str, Any]]) -> None:
        for photo in photos:
            dest = original_path(
                self.ctx.store.location.originals_dir, photo["sha256"], photo["format"]
            )
            if not dest.is_file():
                try:
                    server.fetch_original(photo["sha256"], dest)
                except NewsroomError:
                    continue  # a photo without its original shows as missing; the next sync tries

    def fetch_older(self, days: int, *, server_url: str | None = None) -> SyncReport:
        """Bring every article the server changed in the last ``days`` that this desk lacks."""
        server = self.open_server(server_url)
        try:
            with server.read() as remote:
                since = remote.execute(select(func.now())).scalar_one() - timedelta(days=days)
                ids = list(remote.scalars(select(Article.id).where(Article.updated_at >= since)))
            with self.ctx.store.read() as session:
                held = set(session.scalars(select(Article.id)))
            report = SyncReport()
            self.receive(server, [aid for aid in ids if aid not in held], report)
        finally:
            server.close()
        return report

    def fetch(self, article_ids: Sequence[str], *, server_url: str | None = None) -> SyncReport:
        """Bring these articles (older than the desk holds, say) from the server."""
        with self.ctx.store.read() as session:
            url = server_url or _state(session).get(SERVER, "")
        report = SyncReport()
        server = self._open(url)
        try:
            self.receive(server, list(article_ids), report)
        finally:
            server.close()
        return report


@dataclass(frozen=True)
class ConflictVersions:
    """An open conflict: the version kept aside and the article's current text."""

    conflict_id: str
    kept: RevisionInfo
    current: RevisionInfo
    kept_is_mine: bool


@dataclass(frozen=True)
class ArticleSyncInfo:
    """What the window shows of one article's sync: who has it checked out, open conflicts."""

    lease_by: str
    conflicts: tuple[str, ...]  # ids of the revisions kept in conflict, oldest first
    notice: str
    waiting: bool


def _savepoint_cause(exc: OperationalError) -> OperationalError:
    """Return the error that ended a local savepoint, not the failed ROLLBACK TO after it.

    SQLite rolls the whole transaction back on a full disk or an I/O error, savepoints too:
    SQLAlchemy's ROLLBACK TO the savepoint then fails ("no such savepoint"), and that error
    would hide the full disk behind "the store could not be used".
    """
    cause = exc.__context__
    if "no such savepoint" in str(exc.orig) and isinstance(cause, OperationalError):
        return cause
    return exc


def _first_holding(remote: Session, person_id: str, days: int) -> list[str]:
    """Return what a desk holds after joining: its person's articles and the newest ``days``."""
    since = remote.execute(select(func.now())).scalar_one() - timedelta(days=days)
    mine = or_(
        Article.owner_id == person_id,
        Article.id.in_(select(Revision.article_id).where(Revision.author_id == person_id)),
        Article.id.in_(select(Note.article_id).where(Note.author_id == person_id)),
        Article.id.in_(select(StatusEvent.article_id).where(StatusEvent.actor_id == person_id)),
    )
    stmt = (
        select(Article.id)
        .where(or_(Article.updated_at >= since, mine))
        .order_by(Article.updated_at.desc())
    )
    return list(remote.scalars(stmt))


def _forget(session: Session, article_ids: set[str]) -> None:
    """Drop articles the server no longer has (deleted there) that this desk left unchanged."""
    for aid in article_ids:
        article = session.get(Article, aid)
        if article is not None and session.get(SyncArticle, aid) is not None:
            search.unindex_article(session, article.num)
            session.delete(article)


__all__ = ["DEFAULT_DAYS", "Lease", "SyncReport", "SyncService", "SyncStatus", "joined_actor"]
