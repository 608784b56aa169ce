"""ninjs 3.1 (IPTC News in JSON) items: text, headline, lead, body HTML and the photos."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.html import body_html
from newsroom_desktop.exporters.images import (
    ExportedImage,
    Images,
    export_text_with_images,
    photo_copyright,
    photo_creator,
    plan_images,
)

NINJS_VERSION = "3.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _iso(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).isoformat(timespec="seconds")


def _picture(
    doc: ArticleDoc, number: int, image: ExportedImage, options: ExportOptions
) -> dict[str, Any]:
    use = image.use
    item: dict[str, Any] = {
        "name": f"photo{number}",
        "rel": "lead-photo" if use.is_lead else "photo",
        "uri": f"urn:uuid:{use.id}",
        "type": "picture",
    }
    if use.caption:
        item["descriptions"] = [{"role": "caption", "value": use.caption}]
    if image.alt:
        item.setdefault("descriptions", []).append({"role": "alttext", "value": image.alt})
    by = photo_creator(use)
    if by:
        item["by"] = by
    if use.credit:
        item["infoSources"] = [{"name": use.credit, "role": "credit"}]
    notice = photo_copyright(doc, use, options)
    if notice:
        item["copyrightNotice"] = notice
    if image.has_file:
        rendition: dict[str, Any] = {"name": "web", "href": image.href, "contentType": "image/jpeg"}
        if image.width and image.height:
            rendition |= {"width": image.width, "height": image.height}
        item["renditions"] = [rendition]
    return item


def ninjs_item(doc: ArticleDoc, images: Images, options: ExportOptions) -> dict[str, Any]:
    """Return the ninjs object for ``doc``."""
    zone = options.zone
    item: dict[str, Any] = {
        "uri": f"urn:uuid:{doc.id}",
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationType": "full",
        "version": str(max(1, doc.version)),
        "firstCreated": _iso(doc.created_at, zone),
        "versionCreated": _iso(doc.updated_at, zone),
        "contentCreated": _iso(doc.created_at, zone),
        "pubStatus": "usable",
        "language": doc.language,
        "slugline": doc.slug,
        "headlines": [{"role": "main", "value": doc.headline}],
    }
    if doc.lead:
        item["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": doc.lead}]
    item["bodies"] = [{"role": "main", "contentType": "text/html", "value": body_html(doc, images)}]
    if doc.byline:
        item["by"] = doc.byline
    # ninjs 3 has no keywords: the section and the tags are subjects, told apart by rel.
    subjects = [{"name": doc.section, "rel": "section"}] if doc.section else []
    subjects += [{"name": tag, "rel": "keyword"} for tag in doc.tags]
    if subjects:
        item["subjects"] = subjects
    if options.copyright:
        item["copyrightNotice"] = options.copyright
    pictures = [_picture(doc, n, img, options) for n, img in enumerate(images.values(), 1)]
    if pictures:
        item["associations"] = pictures
    return item


def ninjs_json(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the ninjs item as JSON text (UTF-8, not ASCII-escaped)."""
    text = json.dumps(ninjs_item(doc, images, options), ensure_ascii=False, indent=2)
    # The same JSON value, but safe to inline in an HTML <script> block as well.
    return text.translate(_HTML_SAFE) + "\n"


class NinjsExporter:
    """A ninjs 3.1 JSON item, photos in images/ beside it."""

    name = "ninjs"
    suffix = ".ninjs.json"
    label = "ninjs (IPTC JSON)"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        return export_text_with_images(doc, out_dir, options, self.suffix, ninjs_json)


def render_ninjs(doc: ArticleDoc, options: ExportOptions) -> str:
    """Return the ninjs JSON without writing any photo."""
    return ninjs_json(doc, plan_images(doc, options), options)
