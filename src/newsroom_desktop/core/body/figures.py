"""Photos placed in the body: find them, write their Markdown, add and remove them."""

from __future__ import annotations

import re

from newsroom_desktop.core.body.parse import PHOTO_SCHEME, BodyFigure, figure_of, tokens

_PHOTO_ID_RE = re.compile(r"^[0-9a-fA-F-]{8,36}$")
_ALT_ESCAPE_RE = re.compile(r"([\\\[\]*_`<>!])")


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
