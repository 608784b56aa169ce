"""The canonical article body: CommonMark through one configured markdown-it-py instance."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

PHOTO_SCHEME = "photo:"
_PHOTO_ID_RE = re.compile(r"^[0-9a-fA-F-]{8,36}$")
_ALT_ESCAPE_RE = re.compile(r"([\\\[\]*_`<>!])")

# Raw HTML is off: whatever sits in a body is text, never markup that reaches an export.
MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})

FigureRenderer = Callable[[str, str], str]


@dataclass(frozen=True)
class BodyFigure:
    """A photo placed in the body: its id and the alt text written in the Markdown."""

    photo_id: str
    alt: str


def parse(markdown: str) -> list[Token]:
    """Parse a body into markdown-it block tokens."""
    return MARKDOWN.parse(markdown)


def figure_of(tokens: Sequence[Token], index: int) -> BodyFigure | None:
    """Return the figure if ``tokens[index]`` opens a paragraph holding one photo image alone."""
    if index + 2 >= len(tokens) or tokens[index].type != "paragraph_open":
        return None
    inline = tokens[index + 1]
    children = [
        c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())
    ]
    if len(children) != 1 or children[0].type != "image":
        return None
    src = str(children[0].attrGet("src") or "")
    if not src.startswith(PHOTO_SCHEME):
        return None
    alt = "".join(c.content for c in children[0].children or [])
    return BodyFigure(src.removeprefix(PHOTO_SCHEME), alt)


def figures(markdown: str) -> list[BodyFigure]:
    """Return the photos placed in the body, in reading order."""
    tokens = parse(markdown)
    found = (figure_of(tokens, i) for i in range(len(tokens)))
    return [f for f in found if f is not None]


def photo_ids(markdown: str) -> list[str]:
    """Return the ids of the photos placed in the body, in reading order."""
    return [f.photo_id for f in figures(markdown)]


def escape_alt(alt: str) -> str:
    """Escape text so it stays literal inside ``![...]``."""
    return _ALT_ESCAPE_RE.sub(r"\\\1", " ".join(alt.split()))


def figure_markdown(photo_id: str, alt: str = "") -> str:
    """Return the Markdown paragraph that places a photo in the body."""
    if not _PHOTO_ID_RE.match(photo_id):
        raise ValueError(f"not a photo id: {photo_id!r}")
    return f"![{escape_alt(alt)}]({PHOTO_SCHEME}{photo_id})"


def append_figure(markdown: str, photo_id: str, alt: str = "") -> str:
    """Return the body with a photo placed as a new last paragraph."""
    base = markdown.rstrip("\n")
    fig = figure_markdown(photo_id, alt)
    return f"{base}\n\n{fig}\n" if base else f"{fig}\n"


def inline_text(token: Token) -> str:
    """Return the visible text of an inline token, without images."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" " if child.type == "softbreak" else "\n")
    return "".join(parts)


def blocks_text(markdown: str) -> list[str]:
    """Return the text of each block (heading, paragraph, list item), images left out."""
    out: list[str] = []
    for token in parse(markdown):
        if token.type == "inline":
            text = inline_text(token).strip()
            if text:
                out.append(text)
        elif token.type in ("code_block", "fence"):
            out.append(token.content.rstrip("\n"))
    return out


@functools.lru_cache(maxsize=32)
def plain_text(markdown: str) -> str:
    """Return the body as plain text: blocks separated by blank lines, images left out."""
    return "\n\n".join(blocks_text(markdown))


def default_figure_html(photo_id: str, alt: str) -> str:
    """Render a placed photo without article data (previews and fragments without photos)."""
    return (
        f'<figure class="photo" data-photo-id="{html.escape(photo_id)}">'
        f'<img src="{PHOTO_SCHEME}{html.escape(photo_id)}" alt="{html.escape(alt)}"></figure>\n'
    )


def render_html(markdown: str, figure_html: FigureRenderer | None = None) -> str:
    """Render the body to HTML; each placed photo becomes the figure ``figure_html`` returns."""
    render_figure = figure_html or default_figure_html
    tokens = parse(markdown)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        fig = figure_of(tokens, i)
        if fig is None:
            out.append(tokens[i])
            i += 1
            continue
        block = Token("html_block", "", 0)
        block.content = render_figure(fig.photo_id, fig.alt)
        out.append(block)
        i += 3
    return str(MARKDOWN.renderer.render(out, MARKDOWN.options, {}))


def remove_figure(markdown: str, photo_id: str) -> str:
    """Return the body without the paragraphs that place ``photo_id``."""
    tokens = parse(markdown)
    drop: set[int] = set()
    for i, token in enumerate(tokens):
        fig = figure_of(tokens, i)
        if fig is not None and fig.photo_id == photo_id and token.map and token.level == 0:
            drop.update(range(*token.map))
    if not drop:
        return markdown
    kept = [line for n, line in enumerate(markdown.split("\n")) if n not in drop]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n") + "\n"
