"""PDF and print layout: one QTextDocument per article, shared by PDF export and print preview.

The only exporter that imports Qt. ``build_document`` gives the laid-out article for
``QPrintPreviewDialog``/``QPrinter`` (``document.print_(printer)``); ``PdfExporter`` prints
the same document to A4 or Letter with the bundled Noto fonts embedded.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from newsroom_desktop.core import dates
from newsroom_desktop.core.body import render_html
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.core.resources import resource_path
from newsroom_desktop.exporters.base import ExportOptions, write_bytes
from newsroom_desktop.exporters.images import IMAGES_DIR, ExportedImage, Images, write_images
from newsroom_desktop.exporters.layout import caption_line, section_line

FONT_FILES = (
    "NotoSerif-Regular.ttf",
    "NotoSerif-Bold.ttf",
    "NotoSerif-Italic.ttf",
    "NotoSerif-BoldItalic.ttf",
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
)
SERIF, SANS = "Noto Serif", "Noto Sans"
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
# QTextDocument.print_ keeps a 2 cm margin inside the printable area; the PDF page adds none.
MARGIN_MM = 0.0
# Layout units are Qt's 96-per-inch pixels: the widest photo is 15 cm, the tallest 12 cm.
PHOTO_MAX_WIDTH, PHOTO_MAX_HEIGHT = 567, 454
PDF_RESOLUTION = 300
_STYLE = f"""
body {{ font-family: '{SERIF}'; font-size: 11pt; color: #111; }}
p {{ margin-top: 0; margin-bottom: 8px; }}
.section {{ font-family: '{SANS}'; font-size: 9pt; font-weight: bold; color: #a0001b; }}
h1 {{ font-family: '{SANS}'; font-size: 20pt; font-weight: bold; margin-bottom: 4px; }}
.updated {{ font-size: 9pt; color: #666; margin-bottom: 12px; }}
.caption {{ font-size: 9.5pt; color: #444; font-style: italic; margin-bottom: 14px; }}
.byline {{ font-weight: bold; margin-top: 12px; }}
"""


def ensure_application() -> None:
    """Create a Qt application when none exists (the CLI), drawing offscreen.

    It is a QApplication, not a QGuiApplication, so that widgets made later in the same
    process (a GUI, or tests) still work; offscreen, so a machine with no display prints.
    """
    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - lazy, for start-up time

        QApplication(["newsroom"])


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, ...]:
    """Load the bundled fonts into Qt once; return the families loaded."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            raise ExportFailedError(f"The font {name} could not be loaded for printing.")
        families += QFontDatabase.applicationFontFamilies(font_id)
    return tuple(dict.fromkeys(families))


def _photo_size(image: ExportedImage) -> tuple[int, int]:
    if not image.width or not image.height:
        return PHOTO_MAX_WIDTH, 0
    scale = min(PHOTO_MAX_WIDTH / image.width, PHOTO_MAX_HEIGHT / image.height)
    return round(image.width * scale), round(image.height * scale)


def _figure(image: ExportedImage | None) -> str:
    if image is None:
        return ""
    parts = []
    if image.has_file:
        width, height = _photo_size(image)
        size = f' width="{width}"' + (f' height="{height}"' if height else "")
        src, alt = escape(image.href), escape(image.alt)
        parts.append(f'<p align="center"><img src="{src}" alt="{alt}"{size}></p>')
    line = escape(caption_line(image.use.caption, image.use.credit))
    parts.append(f'<p class="caption" align="center">{line}</p>')
    return "\n".join(parts) + "\n"


def article_html(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the article in the rich-text HTML that QTextDocument lays out."""
    updated = dates.updated_line(doc.updated_at, options.zone, doc.language)
    body = render_html(doc.body, lambda use_id, _alt: _figure(images.get(use_id)))
    parts = [
        f'<p class="section">{escape(section_line(doc.section))}</p>' if doc.section else "",
        f"<h1>{escape(doc.headline)}</h1>",
        f'<p class="updated">{escape(updated)}</p>',
        f'<p align="justify"><b>{escape(doc.lead)}</b></p>' if doc.lead else "",
        body.replace("<p>", '<p align="justify">'),
        f'<p class="byline" align="right">{escape(doc.byline)}</p>' if doc.byline else "",
    ]
    return "<html><body>\n" + "\n".join(p for p in parts if p) + "\n</body></html>"


def _load_images(doc: ArticleDoc, options: ExportOptions) -> tuple[Images, dict[str, QImage]]:
    with tempfile.TemporaryDirectory(prefix="newsroom-print-") as tmp:
        images = write_images(doc, Path(tmp), options)
        loaded = {
            image.href: QImage(str(Path(tmp) / IMAGES_DIR / image.name))
            for image in images.values()
            if image.has_file
        }
    return images, loaded


def build_document(doc: ArticleDoc, options: ExportOptions | None = None) -> QTextDocument:
    """Return the article laid out for print: the same document for PDF and print preview."""
    options = options or ExportOptions()
    ensure_application()
    register_fonts()
    images, loaded = _load_images(doc, options)
    document = QTextDocument()
    document.setDefaultFont(QFont(SERIF, 11))
    document.setDefaultStyleSheet(_STYLE)
    for href, picture in loaded.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(href), picture)
    document.setHtml(article_html(doc, images, options))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.headline)
    return document


def page_layout(paper: str) -> QPageLayout:
    """Return the page layout for ``paper`` (a4 or letter), portrait, with print margins."""
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    size = QPageSize(PAGE_SIZES[paper])
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def pdf_bytes(doc: ArticleDoc, options: ExportOptions) -> bytes:
    """Return the article as PDF bytes, fonts embedded."""
    document = build_document(doc, options)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(options.paper))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(doc.headline)
    writer.setAuthor(doc.byline)
    writer.setCreator("Newsroom Desktop")
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


class PdfExporter:
    """A printable PDF (A4 or Letter) with photos, captions and embedded fonts."""

    name = "pdf"
    suffix = ".pdf"
    label = "PDF"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        dest = out_dir / f"{options.stem_for(doc)}{self.suffix}"
        return [write_bytes(dest, pdf_bytes(doc, options))]
