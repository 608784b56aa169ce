"""The pre-export check: what a desk would send back before an article leaves the newsroom."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsroom_desktop.core.documents import ArticleDoc

from .blocks import body_figures, has_text

# Newsroom placeholders for facts still to come: "TK" (to come), "XXX". Upper case only and
# as whole words, so "tk" in a URL or "xxx" in prose about film ratings does not count.
_PLACEHOLDER_RE = re.compile(r"(?<![\w])(TK|XXX+)(?![\w])")


@dataclass(frozen=True)
class Problem:
    """One thing to fix before export: a stable code, an English message, the field it is in.

    ``field`` is headline, lead, body, byline, or ``photo:<use id>`` for a photo's caption,
    credit or alt text.
    """

    code: str
    message: str
    field: str


def _placeholders(doc: ArticleDoc) -> list[Problem]:
    problems = []
    texts = [
        ("headline", doc.headline),
        ("lead", doc.lead),
        ("body", doc.body),
        ("byline", doc.byline),
    ]
    texts += [(f"photo:{use.id}", use.caption) for use in doc.photos]
    for name, text in texts:
        found = sorted(set(_PLACEHOLDER_RE.findall(text)))
        if found:
            where = "a photo caption" if name.startswith("photo:") else f"the {name}"
            shown = ", ".join(f"“{word}”" for word in found)
            problems.append(Problem("placeholder", f"Placeholder {shown} left in {where}.", name))
    return problems


def _photo_problems(doc: ArticleDoc) -> list[Problem]:
    problems = []
    alts = {fig.photo_id: fig.alt for fig in body_figures(doc.body)} if doc.photos else {}
    for number, use in enumerate(doc.photos, 1):
        name = f"photo:{use.id}"
        label = f"Photo {number}" + (f" ({use.original_filename})" if use.original_filename else "")
        if use.file is None:
            problems.append(
                Problem("missing_photo", f"{label} is still waiting for its file.", name)
            )
        if not use.caption:
            problems.append(Problem("missing_caption", f"{label} has no caption.", name))
        if not use.credit:
            problems.append(Problem("missing_credit", f"{label} has no credit.", name))
        if not (use.alt_text or alts.get(use.id, "")):
            problems.append(Problem("missing_alt", f"{label} has no alt text.", name))
    return problems


def check(doc: ArticleDoc) -> list[Problem]:
    """Return what is missing or left over in ``doc`` before export; empty when all is well."""
    problems = []
    if not doc.headline:
        problems.append(Problem("empty_headline", "The headline is empty.", "headline"))
    if not doc.lead:
        problems.append(Problem("empty_lead", "The lead is empty.", "lead"))
    if not has_text(doc.body):
        problems.append(Problem("empty_body", "The body has no text.", "body"))
    if not doc.byline:
        problems.append(Problem("empty_byline", "The byline is empty.", "byline"))
    return problems + _photo_problems(doc) + _placeholders(doc)
