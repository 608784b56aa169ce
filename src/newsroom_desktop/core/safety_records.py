"""The safety net as plain data: backups, restores and edits kept after a failed save."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import NewsroomError

# Backup labels (see core/backups.py for what each means).
AUTO = "auto"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
ROTATED = (AUTO, BEFORE_RESTORE)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was made, why, how big, and what it holds.

    ``article_count`` and ``schema_revision`` are read from the file itself (read-only);
    ``problem`` says why they could not be (a damaged or foreign file), else it is "".
    """

    path: Path
    created_at: datetime
    label: str
    size: int
    article_count: int | None
    schema_revision: str | None
    problem: str = ""

    @property
    def automatic(self) -> bool:
        return self.label in ROTATED

    @property
    def usable(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup put in place, and where the replaced store was saved."""

    store: Path
    restored: BackupInfo
    previous: Path | None
    """The store as it was before (a ``before-restore`` backup, or the damaged files as they
    were); None when there was no store to replace."""


# Store errors after which the editor's text is kept in a recovery file: the save failed for a
# reason outside the text (a conflict keeps its text as a revision; a validation error does not
# go away by waiting).
KEEP_FOR = frozenset(
    {"store_disk_full", "store_read_only", "store_locked", "store_io", "store_damaged"}
)


def should_keep(error: BaseException) -> bool:
    """Tell whether a failed save's text belongs in a recovery file (see ``KEEP_FOR``).

    Any error but a refusal of the text itself (a conflict, a validation error) keeps it.
    """
    if not isinstance(error, NewsroomError):
        return True  # a file error or a bug: the text must not depend on it going away
    return error.code in KEEP_FOR


@dataclass(frozen=True)
class RecoveryInfo:
    """An edit kept in a recovery file: whose, when, based on which version, and why."""

    path: Path
    store: str
    article_id: str
    saved_at: datetime
    base_version: int | None
    error: str
    fields: Mapping[str, Any] = field(compare=False)

    @property
    def headline(self) -> str:
        return str(self.fields.get("headline", ""))


@dataclass(frozen=True)
class RecoveredArticle:
    """What applying a recovery did: the article now, and whether it was a conflict.

    ``conflict`` True: the stored article had moved on since the edit, so it was left as it
    is and the recovered text was kept beside it as revision ``revision_number`` (reason
    "recovered") for the user to compare and choose. ``created`` True: the article was gone
    (emptied from the trash), so the recovered text became a new article.
    """

    article: ArticleDoc
    conflict: bool
    revision_number: int | None
    created: bool = False
