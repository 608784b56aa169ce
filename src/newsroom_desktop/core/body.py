"""The canonical article body: CommonMark through one configured markdown-it-py instance."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.image import image as _image_rule
from markdown_it.token import Token

PHOTO_SCHEME = "photo:"
_PHOTO_ID_RE = re.compile(r"^[0-9a-fA-F-]{8,36}$")
_ALT_ESCAPE_RE = re.compile(r"([\\\[\]*_`<>!])")

# Raw HTML is off: whatever sits in a body is text, never markup that reaches an export.
MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})


def _image_with_span(state: StateInline, silent: bool) -> bool:
    """Parse an image as markdown-it does, noting where its Markdown stands in the block."""
    start, count = state.pos, len(state.tokens)
    if not _image_rule(state, silent):
        return False
    for token in state.tokens[count:]:
        if token.type == "image":
            token.meta["span"] = (start, state.pos)
    return True


# An image in the text can then be cut out of the Markdown itself (see strip_images).
MARKDOWN.inline.ruler.at("image", _image_with_span)

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
    """Render the body to HTML; each placed photo becomes the figure ``figure_html`` returns.

    Images inside the text are left out: only placed photos are shown, never a picture from
    the web or a local file that someone typed into the body.
    """
    return render_tokens(parse(markdown), figure_html or default_figure_html)


def render_tokens(tokens: Sequence[Token], figure_html: FigureRenderer) -> str:
    """Render parsed body tokens to HTML: figures by ``figure_html``, other images left out."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        fig = figure_of(tokens, i)
        if fig is not None:
            block = Token("html_block", "", 0)
            block.content = figure_html(fig.photo_id, fig.alt)
            out.append(block)
            i += 3
            continue
        token = tokens[i]
        if token.type != "inline" or not _has_image(token):
            out.append(token)
            i += 1
            continue
        children = [c for c in token.children or [] if c.type != "image"]
        if tokens[i - 1].type == "paragraph_open" and not _visible(children):
            out.pop()  # a paragraph that held only pictures: nothing is left to show
            i += 2
            continue
        out.append(token.copy(children=children))
        i += 1
    return str(MARKDOWN.renderer.render(out, MARKDOWN.options, {}))


def _has_image(inline: Token) -> bool:
    return any(child.type == "image" for child in inline.children or [])


def _visible(children: Sequence[Token]) -> bool:
    return any(
        c.type != "text" or c.content.strip()
        for c in children
        if c.type not in ("softbreak", "hardbreak")
    )


def image_sources(markdown: str) -> list[str]:
    """Return the source of every image in the body (placed photos too), in reading order."""
    return [str(image.attrGet("src") or "") for _, image in inline_images(parse(markdown))]


def inline_images(tokens: Sequence[Token]) -> list[tuple[Token, Token]]:
    """Return (inline token, image token) for each image in parsed text, in reading order."""
    return [
        (token, child)
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "image"
    ]


def strip_images(markdown: str, keep: Callable[[str], bool]) -> str:
    """Return the body with the Markdown of each image whose source ``keep`` refuses cut out."""
    blocks: dict[tuple[int, int], tuple[str, list[tuple[int, str]]]] = {}
    for inline, image in inline_images(parse(markdown)):
        if inline.map and not keep(str(image.attrGet("src") or "")):
            start, end = image.meta.get("span", (0, 0))
            _, cuts = blocks.setdefault((inline.map[0], inline.map[1]), (inline.content, []))
            cuts.append((start, inline.content[start:end]))
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    for (first, last), (content, cuts) in blocks.items():
        text = "\n".join(lines[first:last])
        for start, snippet in sorted(cuts, reverse=True):  # the last first: offsets stay true
            text = _cut(text, content, start, snippet)
        lines[first:last] = text.split("\n")
    stripped = "\n".join(lines)
    if any(not keep(src) for src in image_sources(stripped)):
        return _defuse_images(stripped, keep)
    return stripped


def _snippet_re(snippet: str) -> re.Pattern[str]:
    # A snippet over several lines stands in the source with each line's block prefix ("> ",
    # a list item's indent) before it, which the inline content has not.
    pieces = snippet.split("\n")
    parts = [re.escape(pieces[0]), *(re.escape(p.lstrip(" \t")) for p in pieces[1:])]
    return re.compile(r"\n[ \t>]*".join(parts))


def _cut(text: str, content: str, start: int, snippet: str) -> str:
    """Remove from a block's source the occurrence of ``snippet`` that starts at ``start``."""
    if not snippet:
        return text
    pattern = _snippet_re(snippet)
    nth = sum(1 for m in pattern.finditer(content) if m.start() < start)
    matches = list(pattern.finditer(text))
    if nth >= len(matches):
        return text  # left for the check after the cut
    match = matches[nth]
    return text[: match.start()] + text[match.end() :]


def _defuse_images(markdown: str, keep: Callable[[str], bool]) -> str:
    """Escape every image opener in the blocks that still show a refused image (a last resort)."""
    lines = markdown.split("\n")
    for inline, image in inline_images(parse(markdown)):
        if inline.map and not keep(str(image.attrGet("src") or "")):
            for number in range(*inline.map):
                lines[number] = lines[number].replace("![", "!\\[")
    defused = "\n".join(lines)
    if any(not keep(src) for src in image_sources(defused)):  # an image outside any block
        return markdown.replace("![", "!\\[")
    return defused


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
