"""Word (.docx): section, headline, date line, bold lead, formatted body, captioned photos."""

from __future__ import annotations

import io
import tempfile
from datetime import UTC
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from newsroom_desktop.core import dates
from newsroom_desktop.core.body import Block, Run, body_blocks
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters.base import ExportOptions, write_bytes
from newsroom_desktop.exporters.images import ExportedImage, Images, write_images

TEXT_WIDTH_CM = 16.0
MAX_PHOTO_HEIGHT_CM = 18.0
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-GB"}
LINK_COLOUR = RGBColor(0x0A, 0x4B, 0x8C)
PROPERTY_LIMIT = 255


def _run(paragraph: Any, run: Run) -> None:
    if run.href:
        _hyperlink(paragraph, run)
        return
    if run.text == "\n":
        paragraph.add_run().add_break()
        return
    out = paragraph.add_run(run.text)
    out.bold = run.bold or None
    out.italic = run.italic or None
    if run.code:
        out.font.name = "Courier New"


def _hyperlink(paragraph: Any, run: Run) -> None:
    # python-docx has no hyperlink API: write <w:hyperlink r:id=...> around a styled run.
    rel_id = paragraph.part.relate_to(run.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    out = paragraph.add_run(run.text)
    out.font.color.rgb = LINK_COLOUR
    out.underline = True
    out.bold = run.bold or None
    out.italic = run.italic or None
    out._r.addprevious(link)
    link.append(out._r)


def _text_block(document: Any, block: Block) -> None:
    if block.kind == "heading":
        paragraph = document.add_heading(level=min(max(block.level, 1), 3))
    elif block.kind == "item":
        kind = "List Number" if block.number else "List Bullet"
        depth = min(block.level, 3)
        paragraph = document.add_paragraph(style=kind if depth <= 1 else f"{kind} {depth}")
    elif block.quote:
        paragraph = document.add_paragraph(style="Quote")
    else:
        paragraph = document.add_paragraph()
    if block.kind == "code":
        _run(paragraph, Run(block.code_text, code=True))
        return
    for run in block.runs:
        _run(paragraph, run)


def _picture_size(image: ExportedImage) -> tuple[Any, Any]:
    width_cm = TEXT_WIDTH_CM
    if image.width and image.height:
        width_cm = min(TEXT_WIDTH_CM, MAX_PHOTO_HEIGHT_CM * image.width / image.height)
    return Cm(width_cm), None


def _figure(document: Any, image: ExportedImage | None, photo_dir: Path) -> None:
    if image is None:
        return
    if image.has_file:
        width, _ = _picture_size(image)
        document.add_picture(str(photo_dir / "images" / image.name), width=width)
        picture_paragraph = document.paragraphs[-1]
        picture_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for prop in picture_paragraph._p.iter(qn("wp:docPr")):
            prop.set("descr", image.alt)  # the alt text screen readers and Word show
    caption = document.add_paragraph(style="Caption")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.add_run(image.use.caption)
    if image.use.credit:
        credit = caption.add_run(
            f" ({image.use.credit})" if image.use.caption else image.use.credit
        )
        credit.italic = True


def _head(document: Any, doc: ArticleDoc, options: ExportOptions) -> None:
    if doc.section:
        section = document.add_paragraph().add_run(doc.section)
        section.bold = True
        section.font.size = Pt(9)
        section.font.color.rgb = RGBColor(0xA0, 0x00, 0x1B)
    document.add_heading(doc.headline, level=0)
    updated = document.add_paragraph().add_run(
        dates.updated_line(doc.updated_at, options.zone, doc.language)
    )
    updated.font.size = Pt(9)
    updated.font.color.rgb = RGBColor(0x77, 0x77, 0x77)
    if doc.lead:
        document.add_paragraph().add_run(doc.lead).bold = True


def _prop(text: str) -> str:
    # Word's document properties hold at most 255 characters.
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _properties(document: Any, doc: ArticleDoc) -> None:
    props = document.core_properties
    props.title = _prop(doc.headline)
    props.author = _prop(doc.byline or doc.owner)
    props.last_modified_by = _prop(doc.owner or doc.byline)
    props.subject = _prop(doc.section)
    props.keywords = _prop(", ".join(doc.tags))
    props.comments = _prop(doc.lead)
    props.language = LANGUAGE_TAGS.get(doc.language, doc.language)
    props.created = doc.created_at.astimezone(UTC).replace(tzinfo=None)
    props.modified = doc.updated_at.astimezone(UTC).replace(tzinfo=None)
    props.revision = max(1, doc.version)
    # Word's proofing language for the whole text.
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE_TAGS.get(doc.language, doc.language))
    rpr.append(lang)


def build_docx(doc: ArticleDoc, images: Images, photo_dir: Path, options: ExportOptions) -> bytes:
    """Return the .docx bytes; photos are read from ``photo_dir``/images."""
    document = Document()
    _properties(document, doc)
    _head(document, doc, options)
    for block in body_blocks(doc.body):
        if block.kind == "figure":
            _figure(document, images.get(block.use_id), photo_dir)
        elif block.kind == "rule":
            document.add_paragraph("* * *").alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            _text_block(document, block)
    if doc.byline:
        byline = document.add_paragraph()
        byline.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        byline.add_run(doc.byline).bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class DocxExporter:
    """A Word document with the photos inside it (web renditions, captions embedded)."""

    name = "docx"
    suffix = ".docx"
    label = "Word (.docx)"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        with tempfile.TemporaryDirectory(prefix="newsroom-docx-") as tmp:
            images = write_images(doc, Path(tmp), options)
            data = build_docx(doc, images, Path(tmp), options)
        return [write_bytes(out_dir / f"{options.stem_for(doc)}{self.suffix}", data)]
