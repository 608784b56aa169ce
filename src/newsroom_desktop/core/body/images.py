"""Images typed into the body: list their sources and cut out the ones an export refuses."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsroom_desktop.core.body.parse import inline_images, tokens
from newsroom_desktop.core.body.simple import simple_blocks


def image_sources(markdown: str) -> list[str]:
    """Return the source of every image in the body (placed photos too), in reading order."""
    if simple_blocks(markdown) is not None:
        return []  # plain paragraphs and headings: no image
    return [str(image.attrGet("src") or "") for _, image in inline_images(tokens(markdown))]


def strip_images(markdown: str, keep: Callable[[str], bool]) -> str:
    """Return the body with the Markdown of each image whose source ``keep`` refuses cut out."""
    blocks: dict[tuple[int, int], tuple[str, list[tuple[int, str]]]] = {}
    for inline, image in inline_images(tokens(markdown)):
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
    for inline, image in inline_images(tokens(markdown)):
        if inline.map and not keep(str(image.attrGet("src") or "")):
            for number in range(*inline.map):
                lines[number] = lines[number].replace("![", "!\\[")
    defused = "\n".join(lines)
    if any(not keep(src) for src in image_sources(defused)):  # an image outside any block
        return markdown.replace("![", "!\\[")
    return defused
