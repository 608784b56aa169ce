"""NITF 3.6 documents (namespace 2006-10-18), valid against IPTC's XSD; also inside NewsML-G2."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from newsroom_desktop.core import dates
from newsroom_desktop.core.body import Block, Run, body_blocks
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.images import Images, export_text_with_images, plan_images
from newsroom_desktop.exporters.xmlwriter import Node, to_xml

NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
# The XSD fixes these attribute values; stating them tells readers which NITF this is.
NITF_VERSION = {
    "version": "-//IPTC//DTD NITF 3.6//EN",
    "change.date": "September 11, 2009",
    "change.time": "12:26",
}
REGSRC = "Newsroom Desktop"


def norm_date(moment: datetime, zone: ZoneInfo) -> str:
    """Return NITF's normalised date: ``20210907T065900+0700``."""
    return moment.astimezone(zone).strftime("%Y%m%dT%H%M%S%z")


def _runs(parent: Node, runs: tuple[Run, ...]) -> Node:
    for run in runs:
        target = parent
        if run.href:
            target = target.add("a", attrs={"href": run.href})
        if run.bold or run.italic:
            target = target.add("em", attrs={"class": "bold" if run.bold else "italic"})
        if run.code:
            target = target.add("em", attrs={"class": "code"})
        if run.text == "\n":
            target.add("br")
        else:
            target.text(run.text)
    return parent


def _media(parent: Node, doc: ArticleDoc, images: Images, block: Block) -> None:
    image = images.get(block.use_id)
    if image is None:
        return
    media = parent.add("media", attrs={"media-type": "image", "class": "photo"})
    ref = {
        "source": image.href,
        "mime-type": "image/jpeg",
        "alternate-text": image.alt or block.alt,
    }
    if image.width and image.height:
        ref |= {"width": str(image.width), "height": str(image.height)}
    media.add("media-reference", attrs=ref)
    if image.use.caption:
        media.add("media-caption", image.use.caption)
    if image.use.credit:
        media.add("media-producer", image.use.credit)


def body_content(doc: ArticleDoc, images: Images) -> Node:
    """Return <body.content>: the lead as first paragraph, then the body with its photos."""
    content = Node("body.content")
    if doc.lead:
        content.add("p", doc.lead, {"lede": "true", "class": "lead"})
    current_list: Node | None = None
    for block in body_blocks(doc.body):
        if block.kind != "item" and block.level == 0:
            current_list = None
        if block.kind == "item":
            tag = "ol" if block.number else "ul"
            if current_list is None or current_list.tag != tag:
                current_list = content.add(tag)
            _runs(current_list.add("li"), block.runs)
        elif block.kind == "heading":
            _runs(content.add("hl2"), block.runs)
        elif block.kind == "code":
            content.add("pre", block.code_text)
        elif block.kind == "rule":
            content.add("hr")
        elif block.kind == "figure":
            _media(content, doc, images, block)
        elif block.quote:
            _runs(content.add("bq").add("block").add("p"), block.runs)
        else:
            _runs(content.add("p"), block.runs)
    return content


def _head(doc: ArticleDoc, options: ExportOptions) -> Node:
    head = Node("head")
    head.add("title", doc.headline)
    docdata = head.add("docdata")
    docdata.add("doc-id", attrs={"regsrc": REGSRC, "id-string": doc.id})
    docdata.add("date.issue", attrs={"norm": norm_date(doc.updated_at, options.zone)})
    if doc.published_at is not None:
        docdata.add("date.release", attrs={"norm": norm_date(doc.published_at, options.zone)})
    docdata.add("du-key", attrs={"key": doc.slug, "version": str(doc.version)})
    if options.copyright:
        docdata.add("doc.copyright", attrs={"holder": options.copyright})
    if doc.tags:
        keys = docdata.add("key-list")
        for tag in doc.tags:
            keys.add("keyword", attrs={"key": tag})
    if doc.section:
        docdata.add("identified-content").add("classifier", doc.section, {"type": "section"})
        head.add("pubdata", attrs={"type": "web", "position.section": doc.section})
    return head


def nitf_element(doc: ArticleDoc, images: Images, options: ExportOptions) -> Node:
    """Return the <nitf> element for ``doc`` (with its namespace declared on it)."""
    root = Node("nitf", {"xmlns": NITF_NS, **NITF_VERSION, "baselang": doc.language})
    root.children.append(_head(doc, options))
    body = root.add("body")
    body_head = body.add("body.head")
    body_head.add("hedline").add("hl1", doc.headline)
    if doc.byline:
        body_head.add("byline").add("person", doc.byline)
    line = dates.updated_line(doc.updated_at, options.zone, doc.language)
    body_head.add("dateline").add(
        "story.date", line, {"norm": norm_date(doc.updated_at, options.zone)}
    )
    if doc.lead:
        body_head.add("abstract").add("p", doc.lead)
    body.children.append(body_content(doc, images))
    if doc.byline:
        body.add("body.end").add("tagline", doc.byline)
    return root


def nitf_document(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the NITF document as text."""
    return to_xml(nitf_element(doc, images, options))


class NitfExporter:
    """An NITF 3.6 document, photos in images/ beside it."""

    name = "nitf"
    suffix = ".nitf.xml"
    label = "NITF 3.6"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        return export_text_with_images(doc, out_dir, options, self.suffix, nitf_document)


def render_nitf(doc: ArticleDoc, options: ExportOptions) -> str:
    """Return the NITF without writing any photo."""
    return nitf_document(doc, plan_images(doc, options), options)
