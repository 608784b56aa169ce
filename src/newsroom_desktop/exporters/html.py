"""HTML exports: the standalone web page laid out like the sample, and the body fragment."""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import quote

from newsroom_desktop.core import dates
from newsroom_desktop.core.body import render_html
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.images import (
    ExportedImage,
    Images,
    export_text_with_images,
    plan_images,
)
from newsroom_desktop.exporters.layout import caption_parts, section_line
from newsroom_desktop.exporters.templates import fill, template_text

LABELS = {
    "vi": {
        "share": "Chia sẻ bài viết",
        "email": "Gửi email",
        "print": "In bài viết",
        "tags": "Từ khóa",
    },
    "en": {"share": "Share this article", "email": "Email", "print": "Print", "tags": "Tags"},
}


def _e(text: str) -> str:
    return escape(text, quote=True)


def figure_html(image: ExportedImage | None, alt: str) -> str:
    """Return the <figure> of one placed photo: image, caption and credit."""
    if image is None:  # the body points at a photo the article no longer has
        return ""
    caption, credit = (_e(part) for part in caption_parts(image.use.caption, image.use.credit))
    if not image.has_file:
        return (
            '<figure class="photo photo-missing">\n<figcaption><span class="caption">'
            f'{caption}</span> <span class="credit">{credit}</span></figcaption>\n</figure>\n'
        )
    values = {
        "src": _e(image.href),
        "alt": _e(image.alt or alt),
        "width": str(image.width),
        "height": str(image.height),
        "caption": caption,
        "credit": credit,
    }
    return fill("figure.html", values)


def body_html(doc: ArticleDoc, images: Images) -> str:
    """Return the body as HTML with each placed photo as a captioned <figure>."""
    return render_html(doc.body, lambda use_id, alt: figure_html(images.get(use_id), alt))


def _share(doc: ArticleDoc) -> str:
    labels = _labels(doc)
    mailto = f"mailto:?subject={quote(doc.headline, safe='')}&body={quote(doc.lead, safe='')}"
    values = {
        "share_label": _e(labels["share"]),
        "email_label": _e(labels["email"]),
        "print_label": _e(labels["print"]),
        "mailto": _e(mailto),
    }
    return fill("share.html", values)


def _labels(doc: ArticleDoc) -> dict[str, str]:
    return LABELS.get(doc.language, LABELS["vi"])


def _tags(doc: ArticleDoc) -> str:
    if not doc.tags:
        return ""
    return f'<p class="tags">{_e(_labels(doc)["tags"])}: {_e(", ".join(doc.tags))}</p>\n'


def lead_image(images: Images) -> ExportedImage | None:
    """Return the article's picture for link previews: the lead photo, else the first."""
    shown = [image for image in images.values() if image.has_file]
    return next((image for image in shown if image.use.is_lead), shown[0] if shown else None)


def _iso(moment: datetime, options: ExportOptions) -> str:
    return dates.local(moment, options.zone).isoformat(timespec="seconds")


def _published(doc: ArticleDoc) -> datetime:
    # Before publication the page is dated from when the article was first written.
    return doc.published_at or doc.created_at


def open_graph(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the Open Graph <meta> tags that news sites and link previews read."""
    picture = lead_image(images)
    pairs = [
        ("og:type", "article"),
        ("og:title", doc.headline),
        ("og:description", doc.lead),
        ("og:locale", "vi_VN" if doc.language == "vi" else "en_US"),
        *([("og:image", picture.href)] if picture else []),
        *([("og:image:alt", picture.alt)] if picture and picture.alt else []),
        ("article:published_time", _iso(_published(doc), options)),
        ("article:modified_time", _iso(doc.updated_at, options)),
        *([("article:section", doc.section)] if doc.section else []),
        *[("article:tag", tag) for tag in doc.tags],
    ]
    return "".join(f'<meta property="{name}" content="{_e(value)}">\n' for name, value in pairs)


def news_article(doc: ArticleDoc, images: Images, options: ExportOptions) -> dict[str, object]:
    """Return the schema.org NewsArticle that search engines read from the page."""
    picture = lead_image(images)
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": doc.headline,
        "description": doc.lead,
        "inLanguage": doc.language,
        "datePublished": _iso(_published(doc), options),
        "dateModified": _iso(doc.updated_at, options),
        "author": [{"@type": "Person", "name": doc.byline}] if doc.byline else [],
        "image": [picture.href] if picture else [],
        "articleSection": doc.section,
        "keywords": list(doc.tags),
    }
    return data


def json_ld(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the NewsArticle as a JSON-LD <script> block, safe inside HTML."""
    text = json.dumps(news_article(doc, images, options), ensure_ascii=False, indent=1)
    # "<" as \u003c: no "</script>" (or "<!--") in the text can end the block early.
    text = text.replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def page_html(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the standalone HTML5 page of ``doc`` (styles inlined, photos under images/)."""
    updated = dates.local(doc.updated_at, options.zone)
    values = {
        "language": _e(doc.language),
        "section": _e(section_line(doc.section)),
        "headline": _e(doc.headline),
        "updated_iso": updated.isoformat(timespec="seconds"),
        "updated_line": _e(dates.updated_line(doc.updated_at, options.zone, doc.language)),
        "lead": _e(doc.lead),
        "body": body_html(doc, images),
        "byline": _e(doc.byline),
        "tags": _tags(doc),
        "open_graph": open_graph(doc, images, options),
        "json_ld": json_ld(doc, images, options),
        "share": _share(doc) if options.share_links else "",
        "css": template_text("article.css"),
        "print_css": template_text("print.css"),
    }
    return fill("article.html", values)


class HtmlExporter:
    """The web page: one .html file and its photos in images/ beside it."""

    name = "html"
    suffix = ".html"
    label = "Web page (HTML)"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        return export_text_with_images(doc, out_dir, options, self.suffix, page_html)


class FragmentExporter:
    """The body alone as HTML, for pasting into a CMS; photos in images/ beside it."""

    name = "fragment"
    suffix = ".fragment.html"
    label = "Body for a CMS (HTML fragment)"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        return export_text_with_images(
            doc, out_dir, options, self.suffix, lambda d, images, _o: body_html(d, images)
        )


def render_page(doc: ArticleDoc, options: ExportOptions) -> str:
    """Return the page without writing any photo (previews, tests, benchmarks)."""
    return page_html(doc, plan_images(doc, options), options)
