"""Photos placed in the body: find them, write their Markdown, add and remove them."""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsroom_desktop.core.body.parse import PHOTO_SCHEME, BodyFigure, figure_of, tokens

_PHOTO_ID_RE = re.compile(r"^[0-9a-fA-F-]{8,36}$")
_ALT_ESCAPE_RE = re.compile(r"([\\\[\]*_`<>!])")
# One placed photo's Markdown: its (escaped) alt text and the use id it points at.
_FIGURE_RE = re.compile(
    r"!\[((?:\\.|[^\\\]])*)\]\(" + re.escape(PHOTO_SCHEME) + r"([0-9a-fA-F-]{8,36})\)"
)


def figures(markdown: str) -> list[BodyFigure]:
    """Return the photos placed in the body, in reading order."""
    parsed = tokens(markdown)
    found = (figure_of(parsed, i) for i in range(len(parsed)))
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


def remove_figure(markdown: str, photo_id: str) -> str:
    """Return the body without the paragraphs that place ``photo_id``."""
    parsed = tokens(markdown)
    drop: set[int] = set()
    for i, token in enumerate(parsed):
        fig = figure_of(parsed, i)
        if fig is not None and fig.photo_id == photo_id and token.map and token.level == 0:
            drop.update(range(*token.map))
    if not drop:
        return markdown
    kept = [line for n, line in enumerate(markdown.split("\n")) if n not in drop]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n") + "\n"


def with_figure_alts(markdown: str, alts: Mapping[str, str]) -> str:
    """Return the body with each placed photo's alt text set to ``alts[use id]``.

    The photo use holds the one true alt text; the figure's Markdown follows it.
    Figures of uses not in ``alts`` stay as they are.
    """
    if PHOTO_SCHEME not in markdown:
        return markdown
    parsed = tokens(markdown)
    stale: list[tuple[int, int, str, str]] = []
    for i, token in enumerate(parsed):
        fig = figure_of(parsed, i)
        if fig is None or fig.photo_id not in alts or token.map is None:
            continue
        wanted = " ".join(alts[fig.photo_id].split())
        if " ".join(fig.alt.split()) != wanted:
            stale.append((token.map[0], token.map[1], fig.photo_id, wanted))
    if not stale:
        return markdown
    lines = markdown.split("\n")
    # From the end, so that a paragraph that loses a line does not move the ones before it.
    for start, end, photo_id, alt in reversed(stale):
        segment = "\n".join(lines[start:end])
        lines[start:end] = _set_alt(segment, photo_id, alt).split("\n")
    return "\n".join(lines)


def _set_alt(segment: str, photo_id: str, alt: str) -> str:
    def fix(match: re.Match[str]) -> str:
        if match.group(2) != photo_id:
            return match.group(0)
        return figure_markdown(photo_id, alt)

    return _FIGURE_RE.sub(fix, segment)
