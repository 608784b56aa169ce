"""The photos of an export: file names beside the article, and captioned web renditions."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from newsroom_desktop.core.body import figures
from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.core.errors import ExportFailedError, PhotoError
from newsroom_desktop.core.photo_checks import original_file
from newsroom_desktop.core.photos.imaging import fit_within
from newsroom_desktop.core.photos.rendition import write_rendition
from newsroom_desktop.exporters.base import ExportOptions, write_text

IMAGES_DIR = "images"
# Credit lines name the photographer after a label: "Ảnh: Ngọc Hậu", "Photo: AP".
_CREDIT_LABEL_RE = re.compile(r"^\s*(?:ảnh|photo(?:\s+by)?|foto|nguồn|source)\s*[:：-]?\s*", re.I)


@dataclass(frozen=True)
class ExportedImage:
    """One photo of the article as an export shows it: file name, final size, caption fields."""

    use: PhotoUse
    name: str
    width: int
    height: int
    alt: str

    @property
    def href(self) -> str:
        return f"{IMAGES_DIR}/{self.name}"

    @property
    def has_file(self) -> bool:
        return self.use.file is not None


Images = dict[str, ExportedImage]


def credit_name(credit: str) -> str:
    """Return the photographer named in a credit line: "Ảnh: Ngọc Hậu" gives "Ngọc Hậu"."""
    return _CREDIT_LABEL_RE.sub("", credit).strip()


def _predicted_size(use: PhotoUse, max_side: int) -> tuple[int, int]:
    shown = use.final_size  # upright, as its crop recipe gives it
    return fit_within(shown, max_side) if shown[0] > 0 else (0, 0)


def plan_images(doc: ArticleDoc, options: ExportOptions) -> Images:
    """Return every photo use of ``doc`` by use id, named ``<stem>-<n>.jpg``, nothing written."""
    stem = options.stem_for(doc)
    alts = {fig.photo_id: fig.alt for fig in figures(doc.body)} if doc.photos else {}
    plan: Images = {}
    for number, use in enumerate(doc.photos, 1):
        width, height = _predicted_size(use, options.max_side)
        alt = use.alt_text or alts.get(use.id, "")
        plan[use.id] = ExportedImage(use, f"{stem}-{number}.jpg", width, height, alt)
    return plan


def photo_copyright(doc: ArticleDoc, use: PhotoUse, options: ExportOptions) -> str:
    """Return a photo's copyright line: the file's, the newsroom's, or the creator's."""
    if use.copyright:
        return use.copyright
    if options.copyright:
        return options.copyright
    creator = photo_creator(use)
    year = use.taken_at[:4] if use.taken_at[:4].isdigit() else str(doc.updated_at.year)
    return f"© {year} {creator}" if creator else ""


def photo_creator(use: PhotoUse) -> str:
    """Return the photographer: the file's creator, else the name in the credit line."""
    return use.creator or credit_name(use.credit)


def write_images(
    doc: ArticleDoc, out_dir: Path, options: ExportOptions, plan: Images | None = None
) -> Images:
    """Write a web rendition of every photo that has a file into ``out_dir/images``.

    Returns the plan with the sizes actually written. Originals are only read.
    """
    plan = plan if plan is not None else plan_images(doc, options)
    todo = [image for image in plan.values() if image.use.file is not None]

    def render(image: ExportedImage) -> ExportedImage:
        width, height = _render(doc, image, out_dir / IMAGES_DIR / image.name, options)
        return replace(image, width=width, height=height)

    if len(todo) < 2:
        done = [render(image) for image in todo]
    else:
        # Pillow decodes, resizes and encodes without holding the GIL: one photo per core.
        with ThreadPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1)) as pool:
            done = list(pool.map(render, todo))
    return plan | {image.use.id: image for image in done}


def _render(
    doc: ArticleDoc, image: ExportedImage, dest: Path, options: ExportOptions
) -> tuple[int, int]:
    use = image.use
    assert use.file is not None
    try:
        original = original_file(use)
    except PhotoError as exc:
        # A missing original fails this article with what to do, never the whole batch.
        name = use.original_filename or use.file.name
        raise ExportFailedError(
            f"The photo {name} of “{doc.headline}” cannot be exported: its original is missing "
            f"from {use.file.parent}; restore the originals folder from a backup.",
            code=exc.code,
        ) from exc
    try:
        info = write_rendition(
            original,
            dest,
            max_side=options.max_side,
            quality=options.quality,
            caption=use.caption,
            credit=use.credit,
            creator=photo_creator(use),
            copyright=photo_copyright(doc, use, options),
            alt_text=image.alt,
            headline=doc.headline,
            keywords=doc.tags,
            recipe=use.recipe,
        )
    except PhotoError as exc:
        name = use.original_filename or use.file.name
        raise ExportFailedError(
            f"The photo {name} of “{doc.headline}” cannot be exported: {exc.message}."
        ) from exc
    except OSError as exc:
        raise ExportFailedError(f"Cannot write the photo {dest}: {exc.strerror or exc}.") from exc
    return info.width, info.height


def image_paths(out_dir: Path, images: Images) -> list[Path]:
    """Return the files of the images that were written."""
    return [out_dir / IMAGES_DIR / img.name for img in images.values() if img.has_file]


Render = Callable[[ArticleDoc, Images, ExportOptions], str]


def export_text_with_images(
    doc: ArticleDoc, out_dir: Path, options: ExportOptions, suffix: str, render: Render
) -> list[Path]:
    """Write the photos to images/ and the text ``render`` makes of them; main file first."""
    images = write_images(doc, out_dir, options)
    dest = out_dir / f"{options.stem_for(doc)}{suffix}"
    return [write_text(dest, render(doc, images, options)), *image_paths(out_dir, images)]
