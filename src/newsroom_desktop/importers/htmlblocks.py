"""Sanitised HTML to article blocks: headings, paragraphs, lists, quotes and figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3
from lxml import html as lxml_html
from lxml.html import HtmlElement

from newsroom_desktop.core.intake import ImportedFigure
from newsroom_desktop.core.text import clean
from newsroom_desktop.importers import rules
from newsroom_desktop.importers.markup import escape_inline, escape_line_start, heading, link_target

_ALLOWED_TAGS = frozenset(
    {"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
     "strong", "b", "em", "i", "u", "a", "img", "figure", "figcaption", "table", "thead", "tbody",
     "tfoot", "tr", "td", "th", "caption", "div", "section", "article", "main", "header", "footer",
     "span", "sup", "sub", "small", "s", "del", "mark", "cite", "time", "hr", "dl", "dt", "dd",
     "center", "font", "q", "abbr"}
)  # fmt: skip
# Removed together with everything inside them: code, styling, embeds, forms, site navigation.
_DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "math", "form",
     "button", "select", "textarea", "nav", "aside", "video", "audio", "canvas", "head", "title"}
)  # fmt: skip

# Class names that say what a block is; every other class is dropped by the sanitiser.
LEAD_CLASSES = frozenset(
    {"sapo", "lead", "summary", "chapeau", "article-sapo", "detail-sapo", "detail__summary",
     "sapo_detail", "article__sapo", "description"}
)  # fmt: skip
BYLINE_CLASSES = frozenset(
    {"author", "byline", "author-name", "article-author", "tac-gia", "tacgia", "author_mail",
     "article__author", "detail-author"}
)  # fmt: skip
CAPTION_CLASSES = frozenset(
    {"caption", "image_desc", "fig-caption", "photo-caption", "Image", "wp-caption-text",
     "image-caption", "expNoEdit"}
)  # fmt: skip
DATE_CLASSES = frozenset({"date", "time", "date-time", "publish-date", "datetime", "article-date"})
_ROLE_CLASSES = LEAD_CLASSES | BYLINE_CLASSES | CAPTION_CLASSES | DATE_CLASSES
_ROLE_TAGS = ("p", "div", "span", "h2", "h3", "figcaption", "td", "section", "time", "em", "i")

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CONTAINERS = frozenset(
    {"div", "section", "article", "main", "header", "footer", "center", "td", "th", "dd", "dl",
     "tbody", "thead", "tfoot", "tr", "caption", "figcaption", "li", "font", "span"}
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {*_HEADINGS, "p", "ul", "ol", "blockquote", "pre", "figure", "table", "div", "section",
     "article", "main", "header", "footer", "center", "hr", "dl", "img"}
)  # fmt: skip
_WS_RE = re.compile(r"\s+")
_SPACES_RE = re.compile(r" {2,}")
LINK_SCHEMES = ("http://", "https://", "mailto:")
# Marks a line break while a paragraph is built (NUL never survives core.text.clean).
_BREAK = "\x00"


def sanitize(markup: str, *, image_schemes: frozenset[str] = frozenset()) -> str:
    """Return ``markup`` with scripts, handlers, styles and unsafe links removed (nh3)."""
    return nh3.clean(
        markup,
        tags=set(_ALLOWED_TAGS),
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        attributes={"a": {"href"}, "img": {"src", "alt", "title"}, "time": {"datetime"}},
        allowed_classes={tag: set(_ROLE_CLASSES) for tag in _ROLE_TAGS},
        url_schemes={"http", "https", "mailto", *image_schemes},
        link_rel=None,
        strip_comments=True,
    )


@dataclass(frozen=True)
class HtmlBlock:
    """One block of the page, before the article is assembled from the blocks."""

    kind: str  # heading, paragraph, list, quote, code or figure
    markdown: str = ""
    text: str = ""
    level: int = 0
    role: str = ""  # lead, byline, caption or date, from the page's own class names
    emphasis: str = ""  # "bold" or "italic" when the whole paragraph is
    figure: ImportedFigure | None = None
    image_src: str = ""


def role_of(element: HtmlElement) -> str:
    """Return what the element's class says it is: lead, byline, caption, date or ""."""
    classes = set((element.get("class") or "").split())
    for role, names in (("lead", LEAD_CLASSES), ("byline", BYLINE_CLASSES),
                        ("caption", CAPTION_CLASSES), ("date", DATE_CLASSES)):  # fmt: skip
        if classes & names:
            return role
    return ""


def plain(text: str) -> str:
    """Collapse HTML whitespace (and no-break spaces) the way a browser shows it."""
    return _WS_RE.sub(" ", text)


class _Inline:
    """Collects one paragraph's Markdown and text, and the images found inside it."""

    def __init__(self) -> None:
        self.md: list[str] = []
        self.text: list[str] = []
        self.images: list[HtmlElement] = []

    def add_text(self, raw: str | None) -> None:
        if raw:
            value = plain(raw)
            self.md.append(escape_inline(value))
            self.text.append(value)

    def add(self, element: HtmlElement, bold: bool = False, italic: bool = False) -> None:
        tag = element.tag
        if tag == "br":
            self.md.append(_BREAK)
            self.text.append("\n")
        elif tag == "img":
            self.images.append(element)
        elif tag in ("strong", "b") and not bold:
            self._wrap(element, "**", bold=True, italic=italic)
        elif tag in ("em", "i", "cite") and not italic:
            self._wrap(element, "*", bold=bold, italic=True)
        elif tag == "a" and (element.get("href") or "").startswith(LINK_SCHEMES):
            self._link(element, bold, italic)
        elif tag == "code":
            self._code(element)
        else:
            self.children(element, bold, italic)
        self.add_text(element.tail)

    def children(self, element: HtmlElement, bold: bool, italic: bool) -> None:
        self.add_text(element.text)
        for child in element:
            self.add(child, bold, italic)

    def _wrap(self, element: HtmlElement, mark: str, *, bold: bool, italic: bool) -> None:
        inner = _Inline()
        inner.children(element, bold, italic)
        self.images += inner.images
        md, text = "".join(inner.md), "".join(inner.text)
        core = md.strip()
        if not core or _BREAK in core:
            self.md.append(md)
        else:
            start = md[: len(md) - len(md.lstrip())]
            end = md[len(md.rstrip()) :]
            self.md.append(f"{start}{mark}{core}{mark}{end}")
        self.text.append(text)

    def _link(self, element: HtmlElement, bold: bool, italic: bool) -> None:
        inner = _Inline()
        inner.children(element, bold, italic)
        self.images += inner.images
        md, text = "".join(inner.md).strip(), "".join(inner.text)
        href = str(element.get("href"))
        self.md.append(f"[{md}]({link_target(href)})" if md else "")
        self.text.append(text)

    def _code(self, element: HtmlElement) -> None:
        value = plain(element.text_content())
        self.md.append(f"`` {value} ``" if "`" in value else f"`{value}`")
        self.text.append(value)

    def markdown(self) -> str:
        lines = [_SPACES_RE.sub(" ", line).strip() for line in "".join(self.md).split(_BREAK)]
        return "\\\n".join(escape_line_start(line) for line in lines if line)

    def plain_text(self) -> str:
        return "\n".join(p.strip() for p in "".join(self.text).split("\n") if p.strip())


def _has_block_child(element: HtmlElement) -> bool:
    return any(isinstance(child.tag, str) and child.tag in _BLOCK_TAGS for child in element)


def _image_figure(image: HtmlElement, caption: str = "", role: str = "") -> HtmlBlock:
    alt = plain(image.get("alt") or "").strip()
    title = plain(image.get("title") or "").strip()
    text, credit = rules.split_credit(caption or title)
    figure = ImportedFigure(caption=text, credit=credit, alt_text=alt)
    return HtmlBlock("figure", role=role, figure=figure, image_src=image.get("src") or "")


def _whole_emphasis(element: HtmlElement) -> str:
    """Return "bold" or "italic" if one run covers the paragraph (captions, sub-headings)."""
    children = [c for c in element if isinstance(c.tag, str)]
    if len(children) != 1 or children[0].tag not in ("em", "i", "strong", "b"):
        return ""
    outside = (element.text or "") + (children[0].tail or "")
    if outside.strip():
        return ""
    return "bold" if children[0].tag in ("strong", "b") else "italic"


class BlockReader:
    """Walks a sanitised HTML tree in reading order and collects its blocks."""

    def __init__(self) -> None:
        self.blocks: list[HtmlBlock] = []

    def read(self, element: HtmlElement) -> None:
        """Read the blocks inside ``element``; stray inline content becomes paragraphs."""
        pending = _Inline()
        pending.add_text(element.text)
        for child in element:
            if not isinstance(child.tag, str):
                pending.add_text(child.tail)
            elif child.tag in _BLOCK_TAGS or (child.tag in _CONTAINERS and _has_block_child(child)):
                self._flush(pending, element)
                pending = _Inline()
                self.block(child)
                pending.add_text(child.tail)
            else:
                pending.add(child)
        self._flush(pending, element)

    def _flush(self, inline: _Inline, element: HtmlElement, kind: str = "paragraph") -> None:
        markdown, text = inline.markdown(), inline.plain_text()
        if markdown:
            role = role_of(element) if element.tag != "body" else ""
            emphasis = _whole_emphasis(element) if element.tag == "p" else ""
            self.blocks.append(HtmlBlock(kind, markdown, text, role=role, emphasis=emphasis))
        for image in inline.images:
            self.blocks.append(_image_figure(image))

    def block(self, element: HtmlElement) -> None:
        """Read one block-level element."""
        tag = element.tag
        if tag in _HEADINGS:
            self._heading(element)
        elif tag in ("ul", "ol"):
            self._list(element)
        elif tag == "blockquote":
            self._quote(element)
        elif tag == "pre":
            self._code(element)
        elif tag == "figure":
            self._figure(element)
        elif tag == "table":
            self._table(element)
        elif tag == "img":
            self.blocks.append(_image_figure(element))
        elif tag == "p":
            self._paragraph(element)
        elif tag != "hr":
            self.read(element)

    def _paragraph(self, element: HtmlElement) -> None:
        inline = _Inline()
        inline.children(element, False, False)
        self._flush(inline, element)

    def _heading(self, element: HtmlElement) -> None:
        inline = _Inline()
        inline.children(element, True, False)  # a heading is bold already
        text = " ".join(inline.plain_text().split())
        if text:
            level = _HEADINGS[element.tag]
            block = HtmlBlock("heading", heading(text, level), text, level, role_of(element))
            self.blocks.append(block)
        for image in inline.images:
            self.blocks.append(_image_figure(image))

    def _list(self, element: HtmlElement, depth: int = 0) -> None:
        lines, texts = self._list_lines(element, depth)
        if lines:
            self.blocks.append(HtmlBlock("list", "\n".join(lines), "\n".join(texts)))

    def _list_lines(self, element: HtmlElement, depth: int) -> tuple[list[str], list[str]]:
        lines: list[str] = []
        texts: list[str] = []
        ordered = element.tag == "ol"
        for number, item in enumerate((c for c in element if c.tag == "li"), start=1):
            inline = _Inline()
            inline.add_text(item.text)
            nested: list[HtmlElement] = []
            for child in item:
                if child.tag in ("ul", "ol"):
                    nested.append(child)
                    inline.add_text(child.tail)
                else:
                    inline.add(child)
            marker = f"{number}." if ordered else "-"
            md = inline.markdown().replace("\\\n", " ")
            if md:
                lines.append(f"{'   ' * depth}{marker} {md}")
                texts.append(inline.plain_text())
            for sub in nested:
                more, more_text = self._list_lines(sub, depth + 1)
                lines += more
                texts += more_text
            self.blocks += [_image_figure(image) for image in inline.images]
        return lines, texts

    def _quote(self, element: HtmlElement) -> None:
        inner = BlockReader()
        inner.read(element)
        parts = [b for b in inner.blocks if b.kind != "figure" and b.markdown]
        if parts:
            quoted = "\n>\n".join(
                "\n".join(f"> {line}" for line in b.markdown.split("\n")) for b in parts
            )
            self.blocks.append(HtmlBlock("quote", quoted, "\n".join(b.text for b in parts)))
        self.blocks += [b for b in inner.blocks if b.kind == "figure"]

    def _code(self, element: HtmlElement) -> None:
        code = clean(element.text_content()).strip("\n")
        if code.strip():
            fence = "~~~~" if "```" in code or "~~~" in code else "```"
            self.blocks.append(HtmlBlock("code", f"{fence}\n{code}\n{fence}", code))

    def _figure(self, element: HtmlElement) -> None:
        images = element.findall(".//img")
        captions = element.findall(".//figcaption")
        caption = " ".join(plain(c.text_content()).strip() for c in captions).strip()
        if images:
            self.blocks.append(_image_figure(images[0], caption))
            self.blocks += [_image_figure(image) for image in images[1:]]
        elif caption:
            text, credit = rules.split_credit(caption)
            self.blocks.append(HtmlBlock("figure", figure=ImportedFigure(text, credit)))

    def _table(self, element: HtmlElement) -> None:
        # News sites lay a photo and its caption out as a one-image table.
        images = element.findall(".//img")
        if len(images) == 1:
            for image in images:
                image.drop_tree()
            caption = plain(element.text_content()).strip()
            self.blocks.append(_image_figure(images[0], caption))
            return
        for row in element.iter("tr"):
            cells = [plain(c.text_content()).strip() for c in row if c.tag in ("td", "th")]
            text = " | ".join(c for c in cells if c)
            if text:
                self.blocks.append(HtmlBlock("paragraph", escape_inline(text), text))


def html_images(markup: str) -> list[str]:
    """Return the src of every image in a sanitised HTML fragment."""
    if not markup.strip():
        return []
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    return [str(img.get("src") or "") for img in root.iter("img")]


def html_blocks(markup: str) -> list[HtmlBlock]:
    """Return the blocks of a sanitised HTML fragment, in reading order."""
    if not markup.strip():
        return []
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    reader = BlockReader()
    reader.read(root)
    return reader.blocks
