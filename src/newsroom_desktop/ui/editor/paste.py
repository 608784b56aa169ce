"""Paste from web pages, Word and plain text: keep the structure, drop everything else."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3
from PySide6.QtCore import QMimeData

from newsroom_desktop.core.body import (
    BULLET,
    HARD_BREAK,
    MAX_LEVEL,
    NUMBER,
    Block,
    Run,
    markdown_blocks,
    safe_href,
    text_block,
    write_blocks,
)
from newsroom_desktop.core.text import clean

MARKDOWN_MIME = "text/x-newsroom-markdown"
KEPT_TAGS = {
    *("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i"),
    *("ul", "ol", "li", "blockquote", "a"),
}
_BLOCKISH = {
    *("div", "section", "article", "header", "footer", "main", "aside", "nav", "figure"),
    *("figcaption", "address", "dd", "dt", "pre", "tr", "table", "caption", "hr"),
}
_SKIPPED = {"script", "style", "head", "title", "template", "noscript", "svg", "object", "xml"}
_SKIPPED |= {"iframe", "canvas", "math", "select", "textarea", "button"}
_WORD_LIST_RE = re.compile(r"mso-list:\s*l\d+\s+level(\d+)", re.IGNORECASE)
_NUMBERED_MARKER_RE = re.compile(r"^\(?(\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]")
_BOLD_STYLE_RE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_NORMAL_WEIGHT_RE = re.compile(r"font-weight\s*:\s*(normal|[1-4]00)", re.IGNORECASE)
_ITALIC_STYLE_RE = re.compile(r"font-style\s*:\s*(italic|oblique)", re.IGNORECASE)
_SELF_BOLD = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"}
_SPACES_RE = re.compile(r"[ \t\n\r\f\u00a0]+")


class _Prepass(HTMLParser):
    """Turn web, Google Docs and Word HTML into plain structural HTML for the sanitiser.

    Styled spans become strong/em, Word's list paragraphs (``mso-list``) become real
    lists, layout containers become paragraphs, and scripts, styles, conditional comments
    and everything else are left out.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.closers: list[list[str]] = []
        self.skip = 0
        self.marker: list[str] | None = None
        self.word_level = 0
        self.word_lists: list[str] = []

    def _close_word_lists(self) -> None:
        while self.word_lists:
            self.out.append(f"</{self.word_lists.pop()}>")

    def _open_word_item(self, kind: str) -> None:
        level = min(self.word_level, MAX_LEVEL)
        while len(self.word_lists) > level:
            self.out.append(f"</{self.word_lists.pop()}>")
        if len(self.word_lists) == level and self.word_lists[-1] != kind:
            self.out.append(f"</{self.word_lists.pop()}>")
        while len(self.word_lists) < level:
            self.word_lists.append(kind)
            self.out.append(f"<{kind}>")
        self.out.append("<li>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
            return
        if self.skip or tag in ("br", "img", "hr", "input", "meta", "link"):
            if not self.skip and tag in ("br", "hr"):
                self.out.append("<br>" if tag == "br" else "<p></p>")
            return
        values = {k: v or "" for k, v in attrs}
        word = _WORD_LIST_RE.search(values.get("style", "")) if tag == "p" else None
        if word:
            self.word_level = int(word.group(1))
            self.closers.append(["</li>"])
            return
        self.closers.append(self._open(tag, values))

    def _open(self, tag: str, values: dict[str, str]) -> list[str]:
        style = values.get("style", "")
        if tag in _BLOCKISH or tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
            self._close_word_lists()
        if tag in _BLOCKISH:
            self.out.append("<p>")
            return ["</p>"]
        if tag in ("td", "th"):
            self.out.append(" ")
            return []
        if tag == "a":
            self.out.append(f'<a href="{html.escape(values.get("href", ""))}">')
            return ["</a>"]
        opened: list[str] = []
        if tag in KEPT_TAGS and not (tag == "b" and _NORMAL_WEIGHT_RE.search(style)):
            opened.append(tag)
        if tag not in _SELF_BOLD and _BOLD_STYLE_RE.search(style):
            opened.append("strong")
        if tag not in ("i", "em") and _ITALIC_STYLE_RE.search(style):
            opened.append("em")
        self.out.extend(f"<{t}>" for t in opened)
        return [f"</{t}>" for t in reversed(opened)]

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip or tag in ("br", "img", "hr", "input", "meta", "link") or not self.closers:
            return
        self.out.extend(self.closers.pop())

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.marker is not None:
            self.marker.append(data)
            return
        if self.word_level and data.strip():
            self._open_word_item("ul")
            self.word_level = 0
        elif self.word_lists and data.strip() and not self.closers:
            self._close_word_lists()
        self.out.append(html.escape(data, quote=False))

    def unknown_decl(self, data: str) -> None:
        # Word's "downlevel-revealed" conditionals: <![if !supportLists]>1.<![endif]>
        if data.lower().startswith("if") and "supportlists" in data.lower():
            self.marker = []
        elif data.lower().startswith("endif") and self.marker is not None:
            text = "".join(self.marker).strip().replace("\u00a0", "")
            self.marker = None
            if self.word_level:
                self._open_word_item("ol" if _NUMBERED_MARKER_RE.match(text) else "ul")
                self.word_level = 0

    def result(self) -> str:
        self._close_word_lists()
        return "".join(self.out)


@dataclass
class _Pending:
    """The block being read: its place and its runs so far."""

    heading: int
    quote: bool
    list_style: str = ""
    depth: int = 0
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def block(self) -> Block:
        return text_block(
            self.runs, self.heading, list_style=self.list_style, depth=self.depth, quote=self.quote
        )


class _BlockBuilder(HTMLParser):
    """Read sanitised HTML into editor blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: _Pending | None = None
        self.lists: list[str] = []
        self.quote = 0
        self.bold = self.italic = 0
        self.href = ""
        self.heading = 0

    def _flush(self) -> None:
        if self.current is not None and self.current.text.strip():
            self.blocks.append(self.current.block())
        self.current = None

    def _start(self) -> _Pending:
        if self.current is None:
            self.current = _Pending(self.heading, self.quote > 0)
            if self.lists and not self.heading:
                self.current.list_style = self.lists[-1]
                self.current.depth = min(len(self.lists), MAX_LEVEL)
        return self.current

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li") or tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            if tag == "p" and self.current is not None and self.current.list_style:
                self.current.runs.append(Run(HARD_BREAK))
                return
            self._flush()
            self.heading = (2 if tag in ("h1", "h2") else 3) if tag.startswith("h") else 0
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append(BULLET if tag == "ul" else NUMBER)
        elif tag == "blockquote":
            self._flush()
            self.quote += 1
        elif tag == "br":
            self._start().runs.append(Run(HARD_BREAK))
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href = safe_href(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("li", "h1", "h2", "h3", "h4", "h5", "h6") or (
            tag == "p" and not (self.current is not None and self.current.list_style)
        ):
            self._flush()
            self.heading = 0
        elif tag in ("ul", "ol") and self.lists:
            self._flush()
            self.lists.pop()
        elif tag == "blockquote":
            self._flush()
            self.quote = max(0, self.quote - 1)
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag == "a":
            self.href = ""

    def handle_data(self, data: str) -> None:
        text = _SPACES_RE.sub(" ", clean(data))
        if not text.strip() and self.current is None:
            return
        self._start().runs.append(Run(text, self.bold > 0, self.italic > 0, self.href))

    def result(self) -> list[Block]:
        self._flush()
        return self.blocks


def sanitise_html(markup: str) -> str:
    """Return pasted HTML reduced to paragraphs, headings, lists, quotes, marks and safe links."""
    prepass = _Prepass()
    prepass.feed(markup)
    prepass.close()
    return nh3.clean(
        prepass.result(),
        tags=KEPT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        strip_comments=True,
        link_rel=None,
    )


def _canonical(blocks: Sequence[Block]) -> list[Block]:
    # Through the Markdown writer: what is pasted is exactly what the body will store.
    return write_blocks(blocks)[1]


def blocks_from_html(markup: str) -> list[Block]:
    """Return the blocks pasted HTML holds, sanitised."""
    builder = _BlockBuilder()
    builder.feed(sanitise_html(markup))
    builder.close()
    return _canonical(builder.result())


def blocks_from_text(text: str) -> list[Block]:
    """Return plain text as paragraphs, one a non-empty line, in NFC."""
    lines = (" ".join(line.split()) for line in clean(text).split("\n"))
    return _canonical([text_block([Run(line)]) for line in lines if line])


def blocks_from_markdown(markdown: str, known: Callable[[str], bool]) -> list[Block]:
    """Return the blocks of Markdown copied from the editor, without photos the article lacks."""
    blocks = markdown_blocks(clean(markdown))
    return _canonical([b for b in blocks if not b.is_figure or known(b.use_id)])


def blocks_from_mime(mime: QMimeData, known: Callable[[str], bool]) -> list[Block] | None:
    """Return the blocks to paste from clipboard or drop data, or None if it holds no text."""
    if mime.hasFormat(MARKDOWN_MIME):
        data = bytes(mime.data(MARKDOWN_MIME).data()).decode("utf-8", "replace")
        return blocks_from_markdown(data, known)
    if mime.hasHtml():
        return blocks_from_html(mime.html())
    if mime.hasText():
        return blocks_from_text(mime.text())
    return None
