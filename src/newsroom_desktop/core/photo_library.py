"""The newsroom's photos as a library: list, search, filter, mark (rating, label), take in.

Its records (LibraryPhoto, LibraryFilter, FolderImport) are in photo_records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newsroom_desktop.core._writes import commit_save, link_photo, photo_row, touch
from newsroom_desktop.core.context import CoreContext, get_one, person_for, resolve_ids
from newsroom_desktop.core.errors import NotFoundError, PhotoError, ValidationError
from newsroom_desktop.core.models import Article, ArticlePhoto, Photo, utcnow
from newsroom_desktop.core.originals import local_original
from newsroom_desktop.core.photo_folder import IMPORT_CHUNK, photo_files
from newsroom_desktop.core.photo_records import (
    COLOR_LABELS,
    MAX_RATING,
    FolderImport,
    LibraryFilter,
    LibraryPhoto,
    filter_photos,
)
from newsroom_desktop.core.photos import IngestedPhoto, cached_thumbnail, make_thumbnail
from newsroom_desktop.core.photos.batch import RunningBatch, ingest_each
from newsroom_desktop.core.text import fold
from newsroom_desktop.core.workflow import check_edit_in

Progress = Callable[[int, int, str], bool]


def _check_marks(rating: int | None, color_label: str | None) -> None:
    if rating is not None and not 0 <= rating <= MAX_RATING:
        raise ValidationError(f"A rating is 0 to {MAX_RATING} stars, not {rating}.")
    if color_label is not None and color_label not in ("", *COLOR_LABELS):
        raise ValidationError(
            f"Unknown colour label {color_label!r}; use one of {', '.join(COLOR_LABELS)}."
        )


_COLUMNS = (
    "id", "sha256", "original_filename", "format", "width", "height", "file_size", "taken_at",
    "camera", "description", "headline", "creator", "credit", "copyright", "alt_text",
    "keywords_json", "rating", "color_label", "created_at",
)  # fmt: skip


class PhotoLibrary:
    """The photo desk's operations; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    @property
    def originals_dir(self) -> Path:
        return self.ctx.store.location.originals_dir

    def photos(self, wanted: LibraryFilter | None = None) -> list[LibraryPhoto]:
        """Return the newsroom's photos that pass ``wanted``, newest taken first."""
        with self.ctx.store.read() as session:
            every = self._load(session)
        return filter_photos(every, wanted or LibraryFilter())

    def get(self, photo_ids: Sequence[str]) -> list[LibraryPhoto]:
        """Return these photos (those that still exist), in the order asked."""
        with self.ctx.store.read() as session:
            found = {p.id: p for p in self._load(session, list(photo_ids))}
        return [found[pid] for pid in photo_ids if pid in found]

    def resolve_many(self, prefixes: Sequence[str]) -> list[str]:
        """Return the full id of each photo id or unique prefix, in order."""
        with self.ctx.store.read() as session:
            return resolve_ids(session, Photo.id, prefixes, "photo")

    def creators(self) -> list[str]:
        """Return every photo creator named in the library, A–Z (Vietnamese order, folded)."""
        with self.ctx.store.read() as session:
            names = session.scalars(select(Photo.creator).where(Photo.creator != "").distinct())
            return sorted(set(names), key=lambda name: (fold(name), name))  # as creators_of

    def mark(
        self,
        photo_ids: Sequence[str],
        *,
        rating: int | None = None,
        color_label: str | None = None,
    ) -> list[LibraryPhoto]:
        """Give photos a rating (0–5) or a colour label ("" clears it); return them marked."""
        _check_marks(rating, color_label)
        if self.ctx.store.read_only:
            raise self.ctx.store.read_only_error()
        ids = list(dict.fromkeys(photo_ids))
        with self.ctx.store.write() as session:
            for photo in session.scalars(select(Photo).where(Photo.id.in_(ids))):
                if rating is not None:
                    photo.rating = rating
                if color_label is not None:
                    photo.color_label = color_label
                photo.marked_at = self._mark_time()
        return self.get(ids)

    def set_marks(self, marks: Sequence[tuple[str, int, str]]) -> list[LibraryPhoto]:
        """Give each photo its own (id, rating, colour label), as undo puts them back."""
        for _pid, rating, label in marks:
            _check_marks(rating, label)
        if self.ctx.store.read_only:
            raise self.ctx.store.read_only_error()
        wanted = {pid: (rating, label) for pid, rating, label in marks}
        with self.ctx.store.write() as session:
            for photo in session.scalars(select(Photo).where(Photo.id.in_(list(wanted)))):
                photo.rating, photo.color_label = wanted[photo.id]
                photo.marked_at = self._mark_time()
        return self.get(list(wanted))

    def _mark_time(self) -> Any:
        """Return when a mark is made: on a server its clock (the order every desk follows)."""
        return utcnow() if self.ctx.store.is_sqlite else func.now()

    def use_in_article(self, article_id: str, photo_ids: Sequence[str]) -> list[str]:
        """Add library photos to an article (captions from each photo); return the new use ids.

        One unit of work and one revision; the photos go to the article's photos, unplaced
        (the caller places them in the body where they were dropped).
        """
        if self.ctx.store.read_only:
            raise self.ctx.store.read_only_error()
        with self.ctx.store.write() as session:
            article = get_one(session, Article, article_id, "article")
            assert isinstance(article, Article)
            check_edit_in(article, self.ctx.actor)
            found = {p.id: p for p in session.scalars(select(Photo).where(Photo.id.in_(photo_ids)))}
            missing = [pid for pid in photo_ids if pid not in found]
            if missing:
                raise NotFoundError(f"No photo {missing[0][:8]} in the newsroom's photos.")
            links = [link_photo(article, found[pid]) for pid in dict.fromkeys(photo_ids)]
            touch(article)
            commit_save(session, self.ctx, article, person_for(session, self.ctx.actor), "photos")
            return [link.id for link in links]

    def thumbnail(self, photo: LibraryPhoto, size: int = 320) -> Path:
        """Return the photo's thumbnail (made on first use, in the cache).

        PhotoError("original_missing") if neither the cache nor the original has it.
        """
        cache = self.ctx.store.location.thumbnails_dir
        cached = cached_thumbnail(cache, photo.sha256, size)
        if cached is not None:
            return cached
        return make_thumbnail(self.original(photo), photo.sha256, cache, size)

    def original(self, photo: LibraryPhoto) -> Path:
        """Return the photo's original file (fetched from the newsroom server if need be)."""
        path = local_original(photo.file, photo.sha256)
        if not path.is_file():
            raise PhotoError(
                f"The original of photo {photo.original_filename or photo.sha256[:12]} is "
                f"missing from {path.parent}; restore the originals folder from a backup.",
                code="original_missing",
            )
        return path

    def import_folder(
        self,
        folder: Path,
        progress: Progress | None = None,
        *,
        started: RunningBatch | None = None,
    ) -> FolderImport:
        """Take in every photo in ``folder`` and below (a card, say), without any article.

        Bounded (photo_folder says how); bad files are refused one by one, the rest go in.
        ``progress`` returning False cancels: photos recorded so far stay (CancelledError).
        ``started``: the first chunk's batch, begun before the store was opened.
        """
        if self.ctx.store.read_only:
            raise self.ctx.store.read_only_error()
        found = photo_files(folder)
        total = len(found.files)
        added: list[LibraryPhoto] = []
        already = 0
        refused: list[tuple[str, str]] = []
        for start in range(0, total, IMPORT_CHUNK):
            chunk = found.files[start : start + IMPORT_CHUNK]

            def chunk_progress(done: int, _total: int, name: str, start: int = start) -> bool:
                return progress is None or progress(start + done, total, name)

            outcomes = ingest_each(
                chunk,
                self.originals_dir,
                thumbnail_dir=self.ctx.store.location.thumbnails_dir,
                progress=chunk_progress,
                started=started if start == 0 else None,
            )
            ingested = [o for o in outcomes if isinstance(o, IngestedPhoto)]
            refused += [
                (path.name, o.message if isinstance(o, PhotoError) else str(o))
                for path, o in zip(chunk, outcomes, strict=True)
                if isinstance(o, Exception)
            ]
            new_ids, known = self._record(ingested)
            already += known
            added += self.get(new_ids)
        return FolderImport(tuple(added), already, tuple(refused), found.skipped)

    def _record(self, ingested: Sequence[IngestedPhoto]) -> tuple[list[str], int]:
        """Record taken-in photos; return the ids of the new ones and how many were known."""
        new_ids: list[str] = []
        with self.ctx.store.write() as session:
            known = set(
                session.scalars(
                    select(Photo.sha256).where(Photo.sha256.in_([i.sha256 for i in ingested]))
                )
            )
            for item in ingested:
                if item.sha256 in known:
                    continue
                known.add(item.sha256)
                row = photo_row(session, item)
                session.flush()
                new_ids.append(row.id)
        return new_ids, len(ingested) - len(new_ids)

    def _load(self, session: Session, ids: list[str] | None = None) -> list[LibraryPhoto]:
        uses = (
            select(ArticlePhoto.photo_id, func.count().label("n"))
            .where(ArticlePhoto.photo_id.is_not(None))
            .group_by(ArticlePhoto.photo_id)
            .subquery()
        )
        # Columns, not ORM objects: a grid of thousands loads in a few milliseconds a thousand.
        columns = [getattr(Photo, name) for name in _COLUMNS]
        query = select(*columns, func.coalesce(uses.c.n, 0)).outerjoin(
            uses, uses.c.photo_id == Photo.id
        )
        if ids is not None:
            query = query.where(Photo.id.in_(ids))
        rows = session.execute(query).all()
        photos = [self._library_photo(row) for row in rows]
        # Newest taken first; photos without a date after, newest added first.
        photos.sort(key=lambda p: p.added_at, reverse=True)
        photos.sort(key=lambda p: (p.taken_at != "", p.taken_at), reverse=True)
        return photos

    def _library_photo(self, row: Any) -> LibraryPhoto:
        (pid, sha256, name, fmt, width, height, size, taken_at, camera, description, headline,
         creator, credit, notice, alt_text, keywords_json, rating, label, added_at,
         uses) = row  # fmt: skip
        try:
            keywords = tuple(str(k) for k in json.loads(keywords_json or "[]"))
        except ValueError:
            keywords = ()
        return LibraryPhoto(
            id=pid,
            sha256=sha256,
            original_filename=name,
            format=fmt,
            width=width,
            height=height,
            file_size=size,
            taken_at=taken_at,
            camera=camera,
            description=description,
            headline=headline,
            creator=creator,
            credit=credit,
            copyright=notice,
            alt_text=alt_text,
            keywords=keywords,
            rating=rating,
            color_label=label,
            uses=int(uses),
            added_at=added_at,
            originals_dir=self.originals_dir,
        )
