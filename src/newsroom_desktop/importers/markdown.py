"""Markdown with YAML (or TOML) front matter, as Hugo and Jekyll write it."""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import replace
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
from newsroom_desktop.core.text import clean, clean_line
from newsroom_desktop.importers.base import DEFAULT_TZ, failed, read_text
from newsroom_desktop.importers.datelines import parse_iso
from newsroom_desktop.importers.html import local_images
from newsroom_desktop.importers.htmlblocks import html_blocks, html_images, sanitize
from newsroom_desktop.importers.outline import ImageResolver, PageMeta, assemble

MAX_FRONT_MATTER_CHARS = 64 * 1024
_FRONT_RE = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<head>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.S
)
# Hugo's figure shortcode opens with this; it closes at the first ">}}" or "%}}" after it.
_FIGURE_OPEN_RE = re.compile(r"\{\{[<%]\s*figure\s+")
_ATTR_RE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_JEKYLL_NAME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
# Raw HTML inside Markdown is allowed through to the sanitiser, which keeps only safe markup.
_MARKDOWN = MarkdownIt("commonmark", {"html": True})


class _NoAliasLoader(yaml.SafeLoader):  # type: ignore[misc]
    """A safe YAML loader that refuses anchors and aliases (no "billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        """Turn ``date: 2024-05-01`` into a date; an impossible one (2024-02-30) is refused."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            # As TOML front matter does: the file is refused with the date named, not guessed.
            raise yaml.YAMLError(f"the date {node.value} does not exist") from exc


_NoAliasLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp
)


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Return the front matter (YAML between ---, or TOML between +++) and the body."""
    found = _FRONT_RE.match(text)
    if found is None:
        return {}, text
    head = found.group("head")
    if len(head) > MAX_FRONT_MATTER_CHARS:
        raise failed(path, "its front matter is larger than 64 KB")
    try:
        if found.group("fence") == "+++":
            data: Any = tomllib.loads(head)
        else:
            data = yaml.load(head, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise failed(path, f"its front matter cannot be read ({reason})") from exc
    return (data if isinstance(data, dict) else {}), text[found.end() :]


def _moment(value: Any, zone: tzinfo) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=zone)
    return parse_iso(value, zone) if isinstance(value, str) and value.strip() else None


def _list(value: Any, *, split_spaces: bool = False) -> tuple[str, ...]:
    if isinstance(value, str):
        parts = value.split(",") if "," in value or not split_spaces else value.split()
        return tuple(clean_line(p) for p in parts if clean_line(p))
    if isinstance(value, list):
        return tuple(
            clean_line(str(v)) for v in value[:50] if isinstance(v, str | int) and str(v).strip()
        )
    return ()


def _author(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name", "")
    names = _list(value)
    return ", ".join(names[:6])


def front_meta(front: dict[str, Any], path: Path, zone: tzinfo) -> PageMeta:
    """Read Hugo/Jekyll fields: title, date, lastmod, categories, tags, author, summary."""
    created = _moment(front.get("date"), zone)
    if created is None and (found := _JEKYLL_NAME_RE.match(path.name)):
        year, month, day = (int(g) for g in found.groups())
        created = _moment(f"{year:04d}-{month:02d}-{day:02d}", zone)
    updated = _moment(
        front.get("lastmod") or front.get("last_modified_at") or front.get("updated"), zone
    )
    sections = _list(front.get("categories") or front.get("category") or front.get("section"),
                     split_spaces=True)  # fmt: skip
    language = str(front.get("lang") or front.get("language") or "").lower()[:2]
    summary = front.get("summary") or front.get("description") or front.get("excerpt") or ""
    return PageMeta(
        headline=clean_line(str(front.get("title") or "")),
        section=sections[0] if sections else "",
        byline=_author(front.get("author") or front.get("authors")),
        lead=clean_line(summary) if isinstance(summary, str) else "",
        tags=_list(front.get("tags") or front.get("keywords"), split_spaces=True),
        updated_at=updated or created,
        created_at=created,
        language=language if language in ("vi", "en") else "",
    )


class _Closers:
    """Find where tags close, searching each stretch of the text once (tags never nest).

    A regex such as ``\\{\\{.*?\\}\\}`` searches to the end of the text from every unclosed
    ``{{``: 40 KB of ``{{`` took half a minute. Here the first closing mark at or after a
    position is remembered, so the starts only move forward and the whole scan is linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, tuple[int, int]] = {}

    def find(self, mark: str, start: int) -> int:
        """Return the first ``mark`` at or after ``start`` (-1 if none); starts never go back."""
        searched = self._found.get(mark)
        if (
            searched is not None
            and searched[0] <= start
            and (searched[1] >= start or searched[1] < 0)
        ):
            return searched[1]
        found = self.text.find(mark, start)
        self._found[mark] = (start, found)
        return found

    def shortcode_end(self, start: int) -> int:
        """Return where ">}}" or "%}}" first starts at or after ``start`` (-1 if nowhere)."""
        ends = [e for e in (self.find(">}}", start), self.find("%}}", start)) if e >= 0]
        return min(ends, default=-1)


def _figure_html(attrs_text: str) -> str:
    attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
             for m in _ATTR_RE.finditer(attrs_text)}  # fmt: skip
    caption = " - Ảnh: ".join(v for v in (attrs.get("caption", ""), attrs.get("attr", "")) if v)
    src, alt = html.escape(attrs.get("src", "")), html.escape(attrs.get("alt", ""))
    img = f'<img src="{src}" alt="{alt}">'
    return f"\n\n<figure>{img}<figcaption>{html.escape(caption)}</figcaption></figure>\n\n"


def replace_figures(markdown: str) -> str:
    """Return ``markdown`` with each Hugo ``{{< figure ... >}}`` turned into an HTML figure."""
    closers = _Closers(markdown)
    out: list[str] = []
    done = 0
    for opened in _FIGURE_OPEN_RE.finditer(markdown):
        if opened.start() < done:
            continue  # inside the figure just replaced
        end = closers.shortcode_end(opened.end())
        if end < 0:
            break  # no closing mark after this one, so none after any later one either
        attrs = markdown[opened.end() : end].removesuffix("/").rstrip()  # as \s*/? before >}}
        out += [markdown[done : opened.start()], _figure_html(attrs)]
        done = end + 3
    return "".join(out) + markdown[done:] if out else markdown


def _tag_end(text: str, start: int, closers: _Closers) -> int:
    """Return the end of the template tag opening at ``start``, or -1 if none does."""
    opening = text[start : start + 3]
    if opening in ("{{<", "{{%") and (end := closers.shortcode_end(start + 3)) >= 0:
        return end + 3  # {{< shortcode >}}, {{% shortcode %}}
    if opening.startswith("{%") and (end := closers.find("%}", start + 2)) >= 0:
        return end + 2  # {% liquid %}
    if opening.startswith("{{") and (end := closers.find("}}", start + 2)) >= 0:
        return end + 2  # {{ variable }}
    return -1


def strip_template_tags(markdown: str) -> tuple[str, list[str]]:
    """Return ``markdown`` without Hugo and Liquid template tags, and the tags taken out."""
    closers = _Closers(markdown)
    kept: list[str] = []
    tags: list[str] = []
    done = 0
    start = markdown.find("{")
    while start >= 0:
        end = _tag_end(markdown, start, closers)
        if end < 0:
            start = markdown.find("{", start + 1)
            continue
        kept.append(markdown[done:start])
        tags.append(markdown[start:end])
        done = end
        start = markdown.find("{", end)
    return ("".join(kept) + markdown[done:] if tags else markdown), tags


def photo_records(front: dict[str, Any]) -> dict[str, ImportedFigure]:
    """Return our own export's ``photos`` list: caption, credit and alt text by file name."""
    photos = front.get("photos")
    records: dict[str, ImportedFigure] = {}
    for item in photos[:500] if isinstance(photos, list) else []:
        if isinstance(item, dict) and isinstance(item.get("file"), str):
            records[item["file"]] = ImportedFigure(
                caption=clean(str(item.get("caption") or "")).strip(),
                credit=clean_line(str(item.get("credit") or "")),
                alt_text=clean(str(item.get("alt") or "")).strip(),
            )
    return records


def _resolver(folder: Path, records: dict[str, ImportedFigure]) -> ImageResolver:
    local = local_images(folder)

    def resolve(src: str) -> tuple[ImportedFigure, str]:
        found, warning = local(src)
        record = records.get(src)
        if record is None:
            return found, warning
        return replace(record, image=found.image, image_name=found.image_name), warning

    return resolve


def _attached(
    records: dict[str, ImportedFigure], body: str, resolve: ImageResolver
) -> tuple[tuple[ImportedFigure, ...], list[str]]:
    """Return the recorded photos the body (its sanitised HTML) does not show: unplaced ones."""
    if not records:
        return (), []
    shown = set(html_images(body))
    figures, warnings = [], []
    for name in records:
        if name not in shown:
            figure, warning = resolve(name)
            figures.append(figure)
            warnings += [warning] if warning else []
    return tuple(figures), warnings


def _lead_images(front: dict[str, Any], markdown: str) -> str:
    # Hugo's "images" (Jekyll's "image") is the article's picture; shown first unless the body
    # places it itself.
    images = front.get("images") or front.get("image") or front.get("featured_image") or []
    if isinstance(images, dict):
        images = images.get("path") or images.get("src") or []
    if isinstance(images, str):
        names = [images]
    elif isinstance(images, list):
        names = [i for i in images if isinstance(i, str)]
    else:
        names = []  # a number or true where a path belongs (found by fuzzing): no picture
    return "".join(
        f'<p><img src="{html.escape(name)}"></p>\n'
        for name in names[:10]
        if name not in markdown and "photos" not in front  # our own export lists them there
    )


def body_html(markdown: str, front: dict[str, Any]) -> tuple[str, list[str]]:
    """Render the body (Hugo figures kept, other template tags dropped) as HTML."""
    markdown, tags = strip_template_tags(replace_figures(markdown))
    warnings = (
        [f"{len(tags)} template tag(s) such as {tags[0][:40]} were left out."] if tags else []
    )
    return _lead_images(front, markdown) + _MARKDOWN.render(markdown), warnings


def parse_markdown(
    text: str, *, path: Path, zone: tzinfo = DEFAULT_TZ, images_dir: Path | None = None
) -> ImportedArticle:
    """Read a Markdown article with front matter; local images come in as photos."""
    front, markdown = split_front_matter(text, path)
    meta = front_meta(front, path, zone)
    rendered, warnings = body_html(markdown, front)
    body = sanitize(rendered)  # rendered once: Markdown is the slow part of a big file
    blocks = html_blocks(body)
    records = photo_records(front)
    resolve = _resolver(images_dir or path.parent, records)
    article = assemble(blocks, meta, name=path.name, zone=zone, resolve=resolve)
    attached, more = _attached(records, body, resolve)
    return replace(article, attached=attached).with_warnings(*warnings, *more)


def parse(path: Path, *, zone: tzinfo = DEFAULT_TZ) -> ImportedArticle:
    """Read a Markdown file (Hugo or Jekyll front matter)."""
    text, warnings = read_text(path)
    article = parse_markdown(text, path=path, zone=zone)
    return replace(article, source=str(path)).with_warnings(*warnings)
