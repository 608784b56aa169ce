"""Imported articles, and how the store takes them in: photos first, then each all or nothing."""

from __future__ import annotations

import contextlib
import functools
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import cast

from sqlalchemy.orm import Session

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core._writes import (
    apply_changes,
    commit_save,
    link_photo,
    new_article_row,
    photo_row,
    touch,
)
from newsroom_desktop.core.context import CoreContext, person_for
from newsroom_desktop.core.errors import NewsroomError, PhotoError
from newsroom_desktop.core.models import Article, Person, new_id
from newsroom_desktop.core.paths import StoreLocation
from newsroom_desktop.core.photos import IngestedPhoto
from newsroom_desktop.core.photos.batch import ingest_each
from newsroom_desktop.core.text import has_control, normalise_body

_UNSAFE_NAME_RE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class ImportedFigure:
    """A photo found in the source: its caption and credit, and the image if there is one.

    ``image`` is a file path (an image beside an HTML page), ``image_bytes`` the image data
    (embedded in a DOCX); with neither, the figure waits for its photo.
    """

    caption: str = ""
    credit: str = ""
    alt_text: str = ""
    image: Path | None = None
    image_bytes: bytes | None = None
    image_name: str = ""

    @property
    def has_image(self) -> bool:
        return self.image is not None or self.image_bytes is not None


Block = str | ImportedFigure
"""A body block: a Markdown block (paragraph, heading, list, quote) or a figure."""


@dataclass(frozen=True)
class ImportedArticle:
    """An article read from a file, ready for the store to take in one transaction."""

    headline: str
    section: str = ""
    lead: str = ""
    blocks: tuple[Block, ...] = ()
    byline: str = ""
    language: str = "vi"
    tags: tuple[str, ...] = ()
    updated_at: datetime | None = None
    created_at: datetime | None = None
    warnings: tuple[str, ...] = field(default=())
    source: str = ""
    attached: tuple[ImportedFigure, ...] = ()
    """Photos that belong to the article but are not placed in its body."""

    @functools.cached_property
    def figures(self) -> tuple[ImportedFigure, ...]:
        """Return the figures placed in the body, in reading order.

        Found once: a pasted file may have hundreds of thousands of blocks to look through.
        """
        return tuple(b for b in self.blocks if isinstance(b, ImportedFigure))

    @property
    def all_figures(self) -> tuple[ImportedFigure, ...]:
        """Return the placed figures, then the attached ones."""
        return self.figures + self.attached

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b for b in self.blocks if isinstance(b, str))

    def with_warnings(self, *more: str) -> ImportedArticle:
        """Return a copy with ``more`` warnings added (empty ones ignored)."""
        extra = tuple(w for w in more if w)
        return replace(self, warnings=self.warnings + extra) if extra else self


@dataclass(frozen=True)
class StoredArticle:
    """The article an import created, and what the import had to say about it."""

    id: str
    warnings: tuple[str, ...]


@dataclass
class _Photos:
    """The figures' photo files, taken in before the database transaction starts."""

    ingested: list[IngestedPhoto | None]
    warnings: list[str]

    def new_files(self) -> list[Path]:
        return [p.stored_path for p in self.ingested if p is not None and not p.already_stored]


@dataclass(frozen=True)
class PreparedImport:
    """An imported article whose photos are stored as originals, waiting for its transaction.

    An article without placed figures waits with its blocks joined into one (the same body).
    """

    article: ImportedArticle
    photos: _Photos
    section: str | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.article.warnings + tuple(self.photos.warnings)

    def discard(self) -> None:
        """Remove the originals this import stored first (no stored photo refers to them)."""
        _remove(self.photos.new_files())


Outcome = StoredArticle | NewsroomError
"""What storing one prepared import gave: the article, or the error that refused it."""


class IntakeService:
    """Take imported articles into the store: photos first, then each article all or nothing."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def prepare(self, article: ImportedArticle, *, section: str | None = None) -> PreparedImport:
        """Take the article's photos in (before any transaction), ready to be stored."""
        photos = _ingest_figures(self.ctx.store.location, article)
        return PreparedImport(_joined(article), photos, section)

    def find_same(self, article: ImportedArticle) -> str | None:
        """Return the id of the live article that has ``article``'s text already, if any."""
        from newsroom_desktop.core.sameness import find_same  # noqa: PLC0415 - it imports us

        with self.ctx.store.read() as session:
            return find_same(session, article)

    def store(self, article: ImportedArticle, *, section: str | None = None) -> StoredArticle:
        """Store ``article`` with its photos in one transaction; on any failure store nothing."""
        outcome = self._store_alone(self.prepare(article, section=section))
        if isinstance(outcome, NewsroomError):
            raise outcome
        return outcome

    def store_group(self, group: Sequence[PreparedImport]) -> list[Outcome]:
        """Store several imports in one commit; if any fails, store each on its own instead.

        A commit waits for the disk; sharing it keeps a batch of pasted pages fast. When the
        shared transaction fails (one article refused, the store busy or full), nothing of it
        is kept and each import is tried in its own transaction, so each file is all or
        nothing and gets its own result.
        """
        try:
            with self.ctx.store.write() as session:
                ids = [_add_to_session(session, self.ctx, prepared) for prepared in group]
        except NewsroomError:
            return [self._store_alone(prepared) for prepared in group]
        except BaseException:
            for prepared in group:
                prepared.discard()
            raise
        return [StoredArticle(i, p.warnings) for i, p in zip(ids, group, strict=True)]

    def _store_alone(self, prepared: PreparedImport) -> Outcome:
        try:
            with self.ctx.store.write() as session:
                article_id = _add_to_session(session, self.ctx, prepared)
        except NewsroomError as exc:
            prepared.discard()
            return exc
        except BaseException:
            prepared.discard()
            raise
        return StoredArticle(article_id, prepared.warnings)


def joined_body(article: ImportedArticle, photo_id: str) -> str:
    """Return the body the store would keep, every placed figure named ``photo_id``."""
    return "\n\n".join(
        block if isinstance(block, str) else body_md.figure_markdown(photo_id, block.alt_text)
        for block in article.blocks
    )


def _joined(article: ImportedArticle) -> ImportedArticle:
    """Return the article with its blocks joined into one, if none is a figure.

    The body is the same (it is the blocks joined), and a waiting import holds one string
    instead of one per paragraph: a pasted file's 300k lines would cost twice the memory,
    kept until the group's commit (or its retry, file by file). The block is the body in
    stored form, which normalise_body gives back as it is, when no control character could
    be taken out from between a letter and its mark (normalising again would join them).
    """
    if len(article.blocks) < 2 or article.figures:
        return article
    blocks = cast("tuple[str, ...]", article.blocks)
    # With its final line end (which normalise_body would add by copying the whole body).
    joined = "\n\n".join([*blocks[:-1], f"{blocks[-1]}\n"])
    return replace(article, blocks=(joined if has_control(joined) else normalise_body(joined),))


def _figure_file(figure: ImportedFigure, folder: Path, index: int) -> Path | None:
    if figure.image is not None:
        return figure.image
    if figure.image_bytes is None:
        return None
    name = _UNSAFE_NAME_RE.sub("_", figure.image_name) or f"photo-{index}"
    path = folder / f"{index:03d}-{name}"
    path.write_bytes(figure.image_bytes)
    return path


def _ingest_figures(location: StoreLocation, article: ImportedArticle) -> _Photos:
    """Store each figure's image as an original (on every core); a refused one is a warning."""
    photos = _Photos([], [])
    figures = article.all_figures
    if not any(figure.has_image for figure in figures):
        photos.ingested = [None] * len(figures)
        return photos
    with tempfile.TemporaryDirectory(prefix="newsroom-import-") as tmp:
        paths = [_figure_file(figure, Path(tmp), index) for index, figure in enumerate(figures)]
        outcomes = iter(
            ingest_each(
                [path for path in paths if path is not None],
                location.originals_dir,
                thumbnail_dir=location.thumbnails_dir,
            )
        )
    failure: BaseException | None = None
    for path in paths:
        outcome = next(outcomes) if path is not None else None
        if isinstance(outcome, PhotoError):
            photos.warnings.append(
                f"{outcome.message}; its caption was kept and waits for a photo."
            )
            outcome = None
        elif isinstance(outcome, Exception):
            failure = failure or outcome
            outcome = None
        elif outcome is not None:
            photos.warnings += outcome.warnings
        photos.ingested.append(outcome)
    if failure is not None:
        _remove(photos.new_files())
        raise failure
    return photos


def _remove(files: list[Path]) -> None:
    for path in files:
        with contextlib.suppress(OSError):
            path.unlink()


def _fields(article: ImportedArticle, section: str | None) -> dict[str, object]:
    return {
        "headline": article.headline,
        "section": section if section else article.section,
        "lead": article.lead,
        "byline": article.byline,
        "language": article.language,
        "tags": list(article.tags),
    }


def _body(session: Session, row: Article, article: ImportedArticle, photos: _Photos) -> str:
    """Link every figure (placed, then attached) and return the body placing the placed ones."""
    links = []
    for figure, ingested in zip(article.all_figures, photos.ingested, strict=True):
        photo = photo_row(session, ingested) if ingested is not None else None
        links.append(
            link_photo(
                row,
                photo,
                # Empty fields fall back to what the photo file says (IPTC/XMP caption panel).
                caption=figure.caption or None,
                credit=figure.credit or None,
                alt_text=figure.alt_text or None,
            )
        )
    if not links:  # no figures: every block is Markdown text, joined as it is
        return "\n\n".join(cast("tuple[str, ...]", article.blocks))
    for link in links:
        link.id = new_id()  # the body names each figure; one flush later writes them all
    placed = iter(links)
    parts = [
        block
        if isinstance(block, str)
        else body_md.figure_markdown(next(placed).id, block.alt_text)
        for block in article.blocks
    ]
    return "\n\n".join(parts)


def _new_row(session: Session, person: Person, article: ImportedArticle) -> Article:
    # Not create_in: the figures must be linked before the one revision and the search index
    # are written, and create_in writes both straight away.
    return new_article_row(session, person, created_at=article.created_at or article.updated_at)


def _add_to_session(session: Session, ctx: CoreContext, prepared: PreparedImport) -> str:
    """Create the article, its figures and its one revision in the caller's transaction."""
    article = prepared.article
    person = person_for(session, ctx.actor)
    row = _new_row(session, person, article)
    apply_changes(session, row, _fields(article, prepared.section))
    row.body = normalise_body(_body(session, row, article, prepared.photos))
    touch(row, article.updated_at)
    commit_save(session, ctx, row, person, "import", new=True)
    return row.id
