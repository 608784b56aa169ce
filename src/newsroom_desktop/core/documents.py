"""Plain frozen data the core hands out: the UI and exporters never hold live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from newsroom_desktop.core.photos.recipe import Recipe, upright_size


@dataclass(frozen=True)
class Actor:
    """The person acting: name and role (reporter or editor)."""

    name: str
    role: str = "reporter"

    @property
    def is_editor(self) -> bool:
        return self.role == "editor"


@dataclass(frozen=True)
class PhotoUse:
    """A photo as one article uses it: per-use caption, credit, alt text, and the file's data.

    ``id`` is the use (what the body points at); ``photo_id`` is the stored file, or None
    while the figure waits for its photo.
    """

    id: str
    photo_id: str | None
    position: int
    caption: str
    credit: str
    alt_text: str
    is_lead: bool
    placed: bool
    description: str
    headline: str
    creator: str
    copyright: str
    file_credit: str
    file_alt_text: str
    keywords: tuple[str, ...]
    width: int
    height: int
    format: str
    orientation: int
    taken_at: str
    camera: str
    sha256: str
    original_filename: str
    file: Path | None
    recipe: Recipe | None = None  # how this use crops, turns and straightens the photo

    @property
    def has_file(self) -> bool:
        return self.photo_id is not None

    @property
    def upright_size(self) -> tuple[int, int]:
        """Return the photo's size once its EXIF orientation is applied."""
        return upright_size(self.width, self.height, self.orientation)

    @property
    def final_size(self) -> tuple[int, int]:
        """Return the photo's size as this use shows it, after its recipe; (0, 0) if unknown."""
        if self.width <= 0 or self.height <= 0:
            return 0, 0
        if self.recipe is None:
            return self.upright_size
        return self.recipe.final_size(self.upright_size)


# The most articles one list or search shows.
MAX_SEARCH_RESULTS = 1000


@dataclass(frozen=True)
class ListQuery:
    """Which articles the list shows, and in what order."""

    status: str | tuple[str, ...] | None = None
    section: str | None = None
    owner: str | None = None
    text: str = ""
    sort: str = "updated"
    descending: bool = True
    trashed: bool = False


@dataclass(frozen=True)
class ArticleSummary:
    """What the article list shows: never the body."""

    id: str
    headline: str
    section: str
    byline: str
    status: str
    language: str
    word_count: int
    updated_at: datetime
    owner: str = ""
    deleted: bool = False
    in_conflict: bool = False  # a synced desk kept two versions: one waits to be resolved
    lease_by: str = ""  # the editor who has it checked out on the newsroom server
    taken_by: str = ""  # the editor who took it for editing (while it is being edited or ready)


@dataclass(frozen=True)
class Snippet:
    """A stretch of an article's text that a search matched, and the spans (start, end) of
    the matching words in it (core.snippets finds them)."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ArticleDoc:
    """One whole article, as the editor and the exporters see it."""

    id: str
    section: str
    headline: str
    lead: str
    body: str
    byline: str
    language: str
    slug: str
    status: str
    tags: tuple[str, ...]
    owner: str
    word_count: int
    version: int
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    exported_at: datetime | None
    deleted_at: datetime | None
    photos: tuple[PhotoUse, ...] = ()
    target_words: int | None = None
    target_headline_chars: int | None = None
    target_lead_chars: int | None = None

    def photo(self, use_id: str) -> PhotoUse | None:
        """Return the photo use with this id, or None."""
        return next((p for p in self.photos if p.id == use_id), None)

    def summary(self) -> ArticleSummary:
        """Return the list entry for this article."""
        return ArticleSummary(
            id=self.id,
            headline=self.headline,
            section=self.section,
            byline=self.byline,
            status=self.status,
            language=self.language,
            word_count=self.word_count,
            updated_at=self.updated_at,
            owner=self.owner,
            deleted=self.deleted_at is not None,
        )


@dataclass(frozen=True)
class RevisionInfo:
    """One immutable revision: who saved it, when, why, and the content it holds."""

    id: str
    article_id: str
    number: int
    created_at: datetime
    author: str
    reason: str
    section: str
    headline: str
    lead: str
    body: str
    byline: str
    language: str
    tags: tuple[str, ...]
    captions: tuple[tuple[str, str], ...] = field(default=())  # (use id, caption)


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the article as stored now, and whether it wrote a revision."""

    article: ArticleDoc
    changed: bool
    revision: RevisionInfo | None
