"""Recovery files: edits that could not be saved (full disk, read-only store), offered back later.

One JSON file per article, ``<article id>.json``, written atomically in the first folder that
takes it: ``<store folder>/recovery/``, else the user data folder's ``recovery/``, else the
cache folder's, else the system temp folder's (the store's own disk may be the full or
read-only one). Each file names its store, so ``pending_recoveries`` only offers a store its
own edits.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from newsroom_desktop.core import revisions
from newsroom_desktop.core._writes import (
    EDITABLE,
    apply_changes,
    commit_save,
    create_in,
    normalised_changes,
    touch,
)
from newsroom_desktop.core.context import CoreContext, person_for
from newsroom_desktop.core.convert import article_doc
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import NewsroomError, StoreError
from newsroom_desktop.core.models import Article
from newsroom_desktop.core.paths import StoreLocation, cache_dir, data_dir, resolve_store
from newsroom_desktop.core.photos.files import atomic_write_bytes
from newsroom_desktop.core.safety_records import RecoveredArticle, RecoveryInfo
from newsroom_desktop.core.workflow_rules import can_edit

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom

RECOVERED = "recovered"
FORMAT = 1
_FOLDER = "recovery"


def _location(location: StoreLocation | Path | str) -> StoreLocation:
    return location if isinstance(location, StoreLocation) else resolve_store(location)


def recovery_dirs(location: StoreLocation | Path | str) -> list[Path]:
    """Return the folders a recovery file may be written to, in the order they are tried."""
    loc = _location(location)
    first = [loc.path.parent / _FOLDER] if loc.path is not None else []
    user = f"{os.getuid()}" if hasattr(os, "getuid") else "user"
    temp = Path(tempfile.gettempdir()) / f"newsroom-desktop-{user}" / _FOLDER
    return [*first, data_dir() / _FOLDER, cache_dir() / _FOLDER, temp]


def _json_safe(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}


def save_recovery(
    location: StoreLocation | Path | str,
    article_id: str,
    fields: Mapping[str, Any],
    base_version: int | None,
    error: str | NewsroomError,
) -> Path:
    """Keep an edit that could not be saved; return the file it is in.

    Call it when a save fails for a reason the user cannot fix at once (StoreError
    store_disk_full, store_read_only, store_locked for too long, store_io). A later edit of the
    same article replaces the earlier one (it holds all of it). Raises StoreError only if no
    folder at all could take the file.
    """
    loc = _location(location)
    message = error.message if isinstance(error, NewsroomError) else str(error)
    record = {
        "format": FORMAT,
        "store": loc.display,
        "article_id": article_id,
        "saved_at": datetime.now(UTC).isoformat(),
        "base_version": base_version,
        "error": message,
        "fields": _json_safe(fields),
    }
    data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
    reasons = []
    for folder in recovery_dirs(loc):
        path = folder / f"{article_id}.json"
        try:
            atomic_write_bytes(path, data)
        except OSError as exc:
            reasons.append(f"{folder}: {exc.strerror or exc}")
            continue
        _remove_older(loc, article_id, keep=path)
        return path
    raise StoreError(
        f"Could not keep your unsaved edit anywhere ({'; '.join(reasons)}). Copy your text "
        "somewhere safe before closing.",
        code="recovery_failed",
    )


def _read(path: Path) -> RecoveryInfo | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        fields = raw["fields"]
        if not isinstance(fields, dict):
            return None
        version = raw.get("base_version")
        return RecoveryInfo(
            path=path,
            store=str(raw["store"]),
            article_id=str(raw["article_id"]),
            saved_at=datetime.fromisoformat(raw["saved_at"]),
            base_version=int(version) if version is not None else None,
            error=str(raw.get("error", "")),
            fields=fields,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # half a file from another tool, or not ours: never offered, never deleted


def _all_for(loc: StoreLocation) -> list[RecoveryInfo]:
    found = []
    for folder in recovery_dirs(loc):
        with contextlib.suppress(OSError):
            for path in sorted(folder.glob("*.json")):
                info = _read(path)
                if info is not None and info.store == loc.display:
                    found.append(info)
    return found


def pending_recoveries(location: StoreLocation | Path | str) -> list[RecoveryInfo]:
    """Return the unsaved edits kept for this store, one per article (the newest), oldest first."""
    newest: dict[str, RecoveryInfo] = {}
    for info in _all_for(_location(location)):
        if info.article_id not in newest or info.saved_at > newest[info.article_id].saved_at:
            newest[info.article_id] = info
    return sorted(newest.values(), key=lambda i: i.saved_at)


def _remove_older(loc: StoreLocation, article_id: str, keep: Path | None = None) -> None:
    for info in _all_for(loc):
        if info.article_id == article_id and info.path != keep:
            with contextlib.suppress(OSError):
                info.path.unlink()


def discard_recovery(info: RecoveryInfo) -> None:
    """Forget a kept edit (every copy of it for this article and store)."""
    loc = resolve_store(info.store) if "://" not in info.store else None
    if loc is not None:
        _remove_older(loc, info.article_id)
    with contextlib.suppress(FileNotFoundError):
        info.path.unlink()


def _usable_fields(info: RecoveryInfo) -> dict[str, Any]:
    return normalised_changes({k: v for k, v in info.fields.items() if k in EDITABLE})


def _keep_as_revision(
    session: Session, article: Article, fields: dict[str, Any], ctx: CoreContext
) -> int:
    snap = revisions.snapshot(article)
    snap.update({k: v for k, v in fields.items() if k in snap})
    person = person_for(session, ctx.actor)
    return int(revisions.write_revision(session, article, person, RECOVERED, snap).number)


def apply_recovery(newsroom: Newsroom, info: RecoveryInfo) -> RecoveredArticle:
    """Save a kept edit into the store, losing nothing; the recovery file is then removed.

    If the article is still at the version the edit was based on, the edit is saved over it
    (a revision with reason "recovered"). If it moved on (or the base is unknown), the stored
    article stays as it is and the edit becomes a "recovered" revision beside it: a conflict
    for the user to resolve. If the article is gone, the edit becomes a new article. Raises
    StoreError (and keeps the file) if the store still cannot be written.
    """
    return _apply(newsroom.ctx, info)


def _apply(ctx: CoreContext, info: RecoveryInfo) -> RecoveredArticle:
    fields = _usable_fields(info)
    store = ctx.store
    with store.write() as session:
        article = session.get(Article, info.article_id)
        if article is None:
            created = create_in(session, ctx, fields, reason=RECOVERED)
            result = RecoveredArticle(_doc(ctx, created), False, None, created=True)
        elif info.base_version is not None and info.base_version == article.version:
            result = _save_over(session, ctx, article, fields)
        else:
            number = _keep_as_revision(session, article, fields, ctx)
            result = RecoveredArticle(_doc(ctx, article), True, number)
    discard_recovery(info)
    return result


def _save_over(
    session: Session, ctx: CoreContext, article: Article, fields: dict[str, Any]
) -> RecoveredArticle:
    doc = _doc(ctx, article)
    if not can_edit(doc, ctx.actor):
        number = _keep_as_revision(session, article, fields, ctx)
        return RecoveredArticle(doc, True, number)
    person = person_for(session, ctx.actor)
    if apply_changes(session, article, fields):
        touch(article)
    revision = commit_save(session, ctx, article, person, RECOVERED)
    return RecoveredArticle(_doc(ctx, article), False, revision.number if revision else None)


def _doc(ctx: CoreContext, article: Article) -> ArticleDoc:
    return article_doc(article, ctx.store.location.originals_dir)


class RecoveryService:
    """Edits of this store kept after a failed save: keep one, list, bring back or forget them."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def save(
        self,
        article_id: str,
        fields: Mapping[str, Any],
        base_version: int | None,
        error: str | NewsroomError,
    ) -> Path:
        """Keep an edit that could not be saved; return the file it is in."""
        return save_recovery(self.ctx.store.location, article_id, fields, base_version, error)

    def pending(self) -> list[RecoveryInfo]:
        """Return the unsaved edits kept for this store, oldest first."""
        return pending_recoveries(self.ctx.store.location)

    def apply(self, info: RecoveryInfo) -> RecoveredArticle:
        """Save a kept edit into the store, losing nothing (see ``apply_recovery``)."""
        return _apply(self.ctx, info)

    def discard(self, info: RecoveryInfo) -> None:
        """Forget a kept edit."""
        discard_recovery(info)
