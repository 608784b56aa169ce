"""Markdown with YAML front matter for Hugo and Jekyll, lossless for our own fields.

The file, ``<slug>.md``, is what the Markdown importer reads back::

    ---
    title: "Headline"
    date: "2021-09-07T06:59:00+07:00"        # created, ISO 8601 with the newsroom's offset
    lastmod: "2021-09-07T06:59:00+07:00"     # updated (the date line)
    publishDate: "..."                       # only once published
    draft: true                              # false once ready or published
    categories: ["SECTION"]                  # the section; [] when none
    tags: ["tag", ...]
    author: "Byline"
    slug: "headline"
    summary: "The lead (sapo); also the body's first paragraph unless the option is off"
    language: "vi"
    images: ["images/headline-1.jpg", ...]   # every photo, panel order (Hugo's images param)
    photos:                                  # the same photos with their per-use text
      - file: "images/headline-1.jpg"
        caption: "..."
        credit: "Ảnh: ..."
        alt: "..."
    ---

    The lead again, as the first paragraph (most Hugo and Jekyll themes ignore summary).

    Body paragraphs in CommonMark...

    ![alt text](images/headline-1.jpg "caption")

Rules the importer can rely on:

* Every scalar is a YAML double-quoted string (JSON escapes); lists are flow sequences,
  except ``photos``, a block sequence of mappings with exactly the four keys shown.
* A photo placed in the body is a CommonMark image alone in its paragraph whose destination
  is ``images/<file>`` and equals one ``photos[].file``; its title is the caption (for
  renderers; the front matter is the source of truth for caption, credit and alt text).
  Photos in ``photos`` that the body does not show are attached but not placed.
* A ``file`` may name a photo that is not in images/ when the article's figure was still
  waiting for its photo file; the importer then makes a figure waiting for its photo.
* With ``ExportOptions.lead_in_body`` (the default), the body opens with the lead as a plain
  paragraph; the importer drops a first paragraph that repeats ``summary``.
* Outside code, a ``<`` that would open raw HTML is written ``\\<``, so the text stays text in
  renderers that pass HTML through (kramdown); CommonMark reads it back as ``<``.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.body.inline import escape_text
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.checks import article_photo
from newsroom_desktop.exporters.images import Images, export_text_with_images, plan_images

# YAML double-quoted scalars take JSON's escapes; these code points are not YAML-printable
# or are read as line breaks, so they are escaped too.
_YAML_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_FIGURE_RE = re.compile(r"!\[((?:\\.|[^\\\]])*)\]\(photo:([0-9a-fA-F-]{8,36})\)")
# "<" followed by what could open a tag, comment or declaration, but not an autolink.
_RAW_HTML_RE = re.compile(
    r"<(?![A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>)(?![^\s<>@]+@[^\s<>]+>)(?=[A-Za-z/!?])"
)
_CODE_SPAN_RE = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
_TITLE_ESCAPE_RE = re.compile(r'[\\"<>]')
PUBLIC_STATUSES = ("ready", "published")


def yaml_str(text: str) -> str:
    """Return ``text`` as a YAML double-quoted scalar."""
    dumped = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def yaml_list(items: list[str]) -> str:
    """Return a flow sequence of double-quoted strings."""
    return "[" + ", ".join(yaml_str(item) for item in items) + "]"


def _iso(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).isoformat(timespec="seconds")


def front_matter(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the YAML front matter block, fences included."""
    zone = options.zone
    lines = [
        "---",
        f"title: {yaml_str(doc.headline)}",
        f"date: {yaml_str(_iso(doc.created_at, zone))}",
    ]
    lines.append(f"lastmod: {yaml_str(_iso(doc.updated_at, zone))}")
    if doc.published_at is not None:
        lines.append(f"publishDate: {yaml_str(_iso(doc.published_at, zone))}")
    lines.append(f"draft: {'false' if doc.status in PUBLIC_STATUSES else 'true'}")
    lines.append(f"categories: {yaml_list([doc.section] if doc.section else [])}")
    lines.append(f"tags: {yaml_list(list(doc.tags))}")
    lines += [f"author: {yaml_str(doc.byline)}", f"slug: {yaml_str(doc.slug)}"]
    lines += [f"summary: {yaml_str(doc.lead)}", f"language: {yaml_str(doc.language)}"]
    lines.append(f"images: {yaml_list([img.href for img in images.values()])}")
    lines.append("photos:" if images else "photos: []")
    for img in images.values():
        lines.append(f"  - file: {yaml_str(img.href)}")
        lines.append(f"    caption: {yaml_str(img.use.caption)}")
        lines.append(f"    credit: {yaml_str(img.use.credit)}")
        lines.append(f"    alt: {yaml_str(img.alt)}")
    return "\n".join([*lines, "---"]) + "\n"


def _title(text: str) -> str:
    # Backslash escapes keep quotes and angle brackets literal in every CommonMark reader.
    return '"' + _TITLE_ESCAPE_RE.sub(r"\\\g<0>", " ".join(text.split())) + '"'


def _escape_raw_html(markdown: str) -> str:
    code_lines: set[int] = set()
    for token in body_md.tokens(markdown):
        if token.type in ("code_block", "fence") and token.map:
            code_lines.update(range(*token.map))
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if number in code_lines or "<" not in line:
            continue
        pieces = _CODE_SPAN_RE.split(line)
        spans = [m.group() for m in _CODE_SPAN_RE.finditer(line)]
        # split() returns text, delimiter group, text, ...; rebuild with the spans untouched.
        texts = pieces[::2]
        out = [_RAW_HTML_RE.sub(r"\\<", texts[0])]
        for span, text in zip(spans, texts[1:], strict=False):
            out += [span, _RAW_HTML_RE.sub(r"\\<", text)]
        lines[number] = "".join(out)
    return "\n".join(lines)


def body_markdown(doc: ArticleDoc, images: Images) -> str:
    """Return the body with each placed photo pointing at its file under images/.

    Other images are cut out of it (the check names them).
    """

    def figure(match: re.Match[str]) -> str:
        image = images.get(match.group(2))
        if image is None:
            return match.group()
        alt = body_md.escape_alt(image.alt) if image.alt else match.group(1)
        return f"![{alt}]({image.href} {_title(image.use.caption)})"

    # Only the article's photos go out: an image from the web or a local file is cut out.
    body = body_md.strip_images(doc.body, article_photo(doc))
    return _FIGURE_RE.sub(figure, _escape_raw_html(body))


def article_markdown(doc: ArticleDoc, images: Images, options: ExportOptions) -> str:
    """Return the whole Markdown file: front matter, a blank line, the body."""
    body = body_markdown(doc, images).strip("\n")
    if options.lead_in_body and doc.lead.strip():
        lead = escape_text(" ".join(doc.lead.split()), line_start=True)
        body = lead + ("\n\n" + body if body else "")
    return front_matter(doc, images, options) + ("\n" + body + "\n" if body else "")


class MarkdownExporter:
    """Markdown for Hugo or Jekyll, with the photos in images/ beside it."""

    name = "md"
    suffix = ".md"
    label = "Markdown (Hugo, Jekyll)"

    def export(self, doc: ArticleDoc, out_dir: Path, options: ExportOptions) -> list[Path]:
        return export_text_with_images(doc, out_dir, options, self.suffix, article_markdown)


def render_markdown(doc: ArticleDoc, options: ExportOptions) -> str:
    """Return the Markdown without writing any photo (tests, benchmarks)."""
    return article_markdown(doc, plan_images(doc, options), options)
