"""NewsML-G2 2.35 news items (power conformance) carrying the article as inline NITF."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.images import Images, export_text_with_images, plan_images
from newsroom_desktop.exporters.nitf import nitf_element
from newsroom_desktop.exporters.xmlwriter import Node, to_xml

NAR_NS = "http://iptc.org/std/nar/2006-10-01/"
# A reference to IPTC's catalog (resolves the ninat:, stat:, cpnat: and drol: schemes); it is
# an identifier for readers of the item, nothing fetches it on export.
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
STANDARD_VERSION = "2.35"
PROVIDER = "Newsroom Desktop"


def _iso(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).isoformat(timespec="seconds")


def _item_meta(doc: ArticleDoc, images: Images, options: ExportOptions) -> Node:
    meta = Node("itemMeta")
    meta.add("itemClass", attrs={"qcode": "ninat:text"})
    meta.add("provider", attrs={"literal": PROVIDER})
    meta.add("versionCreated", _iso(doc.updated_at, options.zone))
    meta.add("firstCreated", _iso(doc.created_at, options.zone))
    meta.add("pubStatus", attrs={"qcode": "stat:usable"})
    meta.add("fileName", f"{options.stem_for(doc)}{NewsmlExporter.suffix}")
    for image in images.values():
        if not image.has_file:
            continue
        link = meta.add(
            "link",
            attrs={"rel": "irel:seeAlso", "href": image.href, "contenttype": "image/jpeg"},
        )
        if image.use.caption:
            link.add("title", image.use.caption)
    return meta


def _content_meta(doc: ArticleDoc, images: Images, options: ExportOptions) -> Node:
    meta = Node("contentMeta")
    meta.add("contentCreated", _iso(doc.created_at, options.zone))
    meta.add("contentModified", _iso(doc.updated_at, options.zone))
    if doc.byline:
        meta.add("creator").add("name", doc.byline)
    meta.add("language", attrs={"tag": doc.language})
    if doc.section:
        subject = meta.add("subject", attrs={"type": "cpnat:abstract", "literal": doc.section})
        subject.add("name", doc.section)
    for tag in doc.tags:
        meta.add("keyword", tag)
    meta.add("headline", doc.headline)
    meta.add("slugline", doc.slug)
    if doc.byline:
        meta.add("by", doc.byline)
    if doc.lead:
        meta.add("description", doc.lead, {"role": "drol:summary"})
    return meta


def news_item(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the NewsML-G2 newsItem for ``doc`` as text."""
    root = Node(
        "newsItem",
        {
            "xmlns": NAR_NS,
            "guid": f"urn:uuid:{doc.id}",
            "version": str(max(1, doc.version)),
            "standard": "NewsML-G2",
            "standardversion": STANDARD_VERSION,
            "conformance": "power",
            "xml:lang": doc.language,
        },
    )
    root.add("catalogRef", attrs={"href": IPTC_CATALOG})
    if options.copyright:
        root.add("rightsInfo").add("copyrightNotice", options.copyright)
    root.children += [_item_meta(doc, images, options), _content_meta(doc, images, options)]
    inline = root.add("contentSet").add("inlineXML", attrs={"contenttype": "application/nitf+xml"})
    inline.children.append(nitf_element(doc, images, options))
    return to_xml(root)


class NewsmlExporter:
    """A NewsML-G2 news item, photos in images/ beside it."""

    name = "newsml"
    suffix = ".newsml.xml"
    label = "NewsML-G2"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        return export_text_with_images(doc, out_dir, options, self.suffix, news_item)


def render_newsml(doc: ArticleDoc, options: ExportOptions) -> str:
    """Return the news item without writing any photo."""
    return news_item(doc, plan_images(doc, options), options)
