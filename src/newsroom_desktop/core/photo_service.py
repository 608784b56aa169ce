"""Photos in articles: ingest files, link them with per-use captions, order, lead, remove."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core._writes import commit_save, link_photo, photo_row, touch
from newsroom_desktop.core.context import CoreContext, get_one, id_prefix, person_for
from newsroom_desktop.core.convert import article_doc
from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.core.errors import NotFoundError, ValidationError
from newsroom_desktop.core.models import Article, ArticlePhoto, Photo, new_id
from newsroom_desktop.core.photo_checks import original_file
from newsroom_desktop.core.photos import (
    IngestedPhoto,
    cached_thumbnail,
    make_thumbnail,
)
from newsroom_desktop.core.photos.batch import RunningBatch, ingest_each
from newsroom_desktop.core.photos.recipe import Recipe, check_recipe, upright_size
from newsroom_desktop.core.text import clean, clean_line
from newsroom_desktop.core.workflow import check_edit_in

Progress = Callable[[int, int, str], bool]


def find_use(article: Article, use_id: str) -> ArticlePhoto:
    """Return the article's photo use with this id (or unique prefix)."""
    prefix = id_prefix(use_id, "photo")
    matches = [lk for lk in article.photo_links if lk.id.startswith(prefix)]
    if not matches:
        raise NotFoundError(f"The article has no photo {use_id}.")
    exact = [lk for lk in matches if lk.id == use_id]
    if len(matches) > 1 and not exact:
        raise ValidationError(f"The id {use_id} matches more than one photo; give more of it.")
    return exact[0] if exact else matches[0]


def ingest_all(
    files: Sequence[Path],
    originals_dir: Path,
    progress: Progress | None = None,
    thumbnail_dir: Path | None = None,
    started: RunningBatch | None = None,
) -> list[IngestedPhoto]:
    """Take in every file (copy originals, read metadata, thumbnail from the same decode).

    The files are shared between this thread and helper processes, one a spare core. Any bad
    file stops the batch with its error (the first in the batch's order); ``progress``
    returning False cancels. ``started``: the same batch, begun before the store was opened.
    """
    outcomes = ingest_each(
        files,
        originals_dir,
        thumbnail_dir=thumbnail_dir,
        progress=progress,
        stop_on_error=True,
        started=started,
    )
    ingested = []
    for outcome in outcomes:
        if isinstance(outcome, Exception):
            raise outcome
        if outcome is not None:
            ingested.append(outcome)
    return ingested


class PhotoService:
    """Photo operations; each public method is one unit of work."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    @property
    def originals_dir(self) -> Path:
        return self.ctx.store.location.originals_dir

    def _writable_originals(self) -> Path:
        if self.ctx.store.read_only:
            # Say so before copying any original: the originals sit beside the store.
            raise self.ctx.store.read_only_error()
        return self.originals_dir

    def _article(self, session: Session, article_id: str) -> Article:
        article = get_one(session, Article, article_id, "article")
        assert isinstance(article, Article)
        return article

    def _editable(self, session: Session, article_id: str) -> Article:
        article = self._article(session, article_id)
        check_edit_in(article, self.ctx.actor)
        return article

    def _finish(self, session: Session, article: Article, reason: str) -> ArticleDoc:
        touch(article)
        commit_save(session, self.ctx, article, person_for(session, self.ctx.actor), reason)
        return article_doc(article, self.originals_dir)

    def add(
        self,
        article_id: str,
        files: Sequence[Path],
        *,
        place: bool = True,
        progress: Progress | None = None,
    ) -> list[PhotoUse]:
        """Add photo files to an article, captions from their metadata; return the new uses."""
        ingested = ingest_all(
            files, self._writable_originals(), progress, self.ctx.store.location.thumbnails_dir
        )
        return self.link_ingested(article_id, ingested, place=place)

    def ingest(
        self,
        files: Sequence[Path],
        progress: Progress | None = None,
        *,
        started: RunningBatch | None = None,
    ) -> list[IngestedPhoto]:
        """Take in photo files (originals, metadata, thumbnails) without touching any article.

        ``started`` is the same batch begun early, for this store's originals and thumbnails
        folders: it is joined, not begun again.
        """
        return ingest_all(
            files,
            self._writable_originals(),
            progress,
            self.ctx.store.location.thumbnails_dir,
            started,
        )

    def link_ingested(
        self,
        article_id: str,
        ingested: Sequence[IngestedPhoto],
        *,
        place: bool = True,
        fill_in: Callable[[Photo, int], None] | None = None,
    ) -> list[PhotoUse]:
        """Add already ingested photos to an article in one unit of work; return the new uses.

        ``fill_in`` (a caption template's, say) sets each photo's fields before its use takes
        its caption, credit and alt text from them.
        """
        with self.ctx.store.write() as session:
            article = self._editable(session, article_id)
            ids = []
            body = article.body
            photos: dict[str, Photo] = {}  # the same file twice: one photo, two uses
            # One flush for the batch: each flush of the article made its search row anew.
            with session.no_autoflush:
                for seq, item in enumerate(ingested, 1):
                    photo = photos.get(item.sha256)
                    if photo is None:
                        photo = photos[item.sha256] = photo_row(session, item, flush=False)
                        if fill_in is not None:
                            fill_in(photo, seq)
                    link = link_photo(article, photo)
                    link.id = new_id()
                    if place:
                        body = body_md.append_figure(body, link.id)
                    ids.append(link.id)
            if place:
                article.body = body
            doc = self._finish(session, article, "photos")
        return [use for use_id in ids if (use := doc.photo(use_id)) is not None]

    def attach(self, article_id: str, use_id: str, file: Path) -> ArticleDoc:
        """Give a figure waiting for its photo (or replace a use's photo with) a file."""
        (item,) = ingest_all([file], self._writable_originals())
        with self.ctx.store.write() as session:
            article = self._editable(session, article_id)
            link = find_use(article, use_id)
            link.photo = photo_row(session, item)
            if not link.alt_text:
                link.alt_text = link.photo.alt_text
            return self._finish(session, article, "photos")

    def resolve(self, article_id: str, prefix: str) -> str:
        """Return the full id of one of the article's photo uses from a unique prefix."""
        with self.ctx.store.read() as session:
            return find_use(self._article(session, article_id), prefix).id

    def update_use(
        self,
        article_id: str,
        use_id: str,
        *,
        caption: str | None = None,
        credit: str | None = None,
        alt_text: str | None = None,
        is_lead: bool | None = None,
    ) -> ArticleDoc:
        """Change the caption, credit, alt text or lead flag of a photo in one article."""
        with self.ctx.store.write() as session:
            link = find_use(self._editable(session, article_id), use_id)
            article = link.article
            if caption is not None:
                link.caption = clean(caption).strip()
            if credit is not None:
                link.credit = clean_line(credit)
            if alt_text is not None:
                link.alt_text = clean(alt_text).strip()
            if is_lead:
                for other in article.photo_links:
                    other.is_lead = other is link
            elif is_lead is False:
                link.is_lead = False
            return self._finish(session, article, "captions")

    def set_recipe(self, article_id: str, use_id: str, recipe: Recipe | None) -> ArticleDoc:
        """Crop, turn and straighten a photo as one article uses it (None: show it whole).

        Only the use changes; the original file stays exactly as it was.
        """
        with self.ctx.store.write() as session:
            link = find_use(self._editable(session, article_id), use_id)
            if recipe is not None and not recipe.is_identity:
                if link.photo is None:
                    raise ValidationError("A figure waiting for its photo cannot be cropped.")
                photo = link.photo
                check_recipe(recipe, upright_size(photo.width, photo.height, photo.orientation))
            link.recipe = recipe.to_json() if recipe is not None else ""
            return self._finish(session, link.article, "crop")

    def reorder(self, article_id: str, use_ids: Sequence[str]) -> ArticleDoc:
        """Put the article's photos in the given order."""
        with self.ctx.store.write() as session:
            article = self._editable(session, article_id)
            links = {link.id: link for link in article.photo_links}
            if sorted(use_ids) != sorted(links):
                raise ValidationError("The new order must list each of the article's photos once.")
            for position, use_id in enumerate(use_ids):
                links[use_id].position = position
            article.photo_links.sort(key=lambda lk: lk.position)
            return self._finish(session, article, "photos")

    def remove(self, article_id: str, use_id: str) -> ArticleDoc:
        """Take a photo out of an article (and out of its body); the original stays stored."""
        with self.ctx.store.write() as session:
            article = self._editable(session, article_id)
            link = find_use(article, use_id)
            article.photo_links.remove(link)
            for position, other in enumerate(article.photo_links):
                other.position = position
            if link.is_lead and article.photo_links:
                article.photo_links[0].is_lead = True
            article.body = body_md.remove_figure(article.body, link.id)
            return self._finish(session, article, "photos")

    def thumbnail(self, use: PhotoUse, size: int = 320) -> Path | None:
        """Return a thumbnail of the photo (made on first use, in the cache); None if no file.

        A deleted cache is made again; a missing original raises PhotoError("original_missing").
        """
        if use.file is None:
            return None
        cache = self.ctx.store.location.thumbnails_dir
        return cached_thumbnail(cache, use.sha256, size) or make_thumbnail(
            original_file(use), use.sha256, cache, size
        )
