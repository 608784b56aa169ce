"""The web package: page, Markdown, ninjs and captioned web photos, as a folder or a .zip."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters.base import ExportOptions, write_bytes, write_text
from newsroom_desktop.exporters.html import HtmlExporter, page_html
from newsroom_desktop.exporters.images import image_paths, write_images
from newsroom_desktop.exporters.markdown import MarkdownExporter, article_markdown
from newsroom_desktop.exporters.ninjs import NinjsExporter, ninjs_json


def write_package(doc: ArticleDoc, folder: Path, options: ExportOptions) -> list[Path]:
    """Write the package's files into ``folder``; return them, the page first."""
    stem = options.stem_for(doc)
    images = write_images(doc, folder, options)
    files = [
        write_text(folder / f"{stem}{HtmlExporter.suffix}", page_html(doc, images, options)),
        write_text(
            folder / f"{stem}{MarkdownExporter.suffix}", article_markdown(doc, images, options)
        ),
        write_text(folder / f"{stem}{NinjsExporter.suffix}", ninjs_json(doc, images, options)),
    ]
    return files + image_paths(folder, images)


def _zip(files: list[Path], root: Path, prefix: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            name = f"{prefix}/{path.relative_to(root).as_posix()}"
            # JPEGs do not shrink: store them, deflate the text.
            method = zipfile.ZIP_STORED if path.suffix == ".jpg" else zipfile.ZIP_DEFLATED
            archive.write(path, name, compress_type=method)
    return buffer.getvalue()


class PackageExporter:
    """A folder ``<slug>/`` (or ``<slug>.zip``) ready for a website."""

    name = "package"
    suffix = ""
    label = "Web package (folder or .zip)"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        stem = options.stem_for(doc)
        if not options.zip:
            return write_package(doc, out_dir / stem, options)
        with tempfile.TemporaryDirectory(prefix="newsroom-package-") as tmp:
            files = write_package(doc, Path(tmp), options)
            data = _zip(files, Path(tmp), stem)
        return [write_bytes(out_dir / f"{stem}.zip", data)]
