"""The pre-export check: what a desk would send back before an article leaves the newsroom."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsroom_desktop.core import photo_checks
from newsroom_desktop.core.body import PHOTO_SCHEME, figures, has_text, image_sources
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.proofing.findings import Finding

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
        if "TK" not in text and "XXX" not in text:
            continue  # the common case, told without the regular expression
        found = sorted(set(_PLACEHOLDER_RE.findall(text)))
        if found:
            where = "a photo caption" if name.startswith("photo:") else f"the {name}"
            shown = ", ".join(f"“{word}”" for word in found)
            problems.append(Problem("placeholder", f"Placeholder {shown} left in {where}.", name))
    return problems


# The photo panel's warnings (core.photo_checks) are the one rule; export names them its way.
_PHOTO_CODES = {
    photo_checks.MISSING_FILE: ("missing_photo", "{} is still waiting for its file."),
    photo_checks.MISSING_CAPTION: ("missing_caption", "{} has no caption."),
    photo_checks.MISSING_CREDIT: ("missing_credit", "{} has no credit."),
    photo_checks.MISSING_ALT: ("missing_alt", "{} has no alt text."),
    photo_checks.REPEATED: ("repeated_photo", "{} shows a photo the article already shows."),
}


def _photo_problems(doc: ArticleDoc, min_width: int) -> list[Problem]:
    problems = []
    placed = figures(doc.body) if doc.photos else []
    alts = {fig.photo_id: fig.alt for fig in placed}
    repeated = photo_checks.repeated_uses(doc.photos, [fig.photo_id for fig in placed])
    for number, use in enumerate(doc.photos, 1):
        name = f"photo:{use.id}"
        label = f"Photo {number}" + (f" ({use.original_filename})" if use.original_filename else "")
        # Alt text written in the body's ![alt] counts as the photo's alt text.
        checked = replace(use, alt_text=use.alt_text or alts.get(use.id, ""))
        warnings = photo_checks.use_warnings(checked, min_width, repeated=use.id in repeated)
        for warning in warnings:
            if warning.code == photo_checks.TOO_NARROW:
                message = f"{label}: {warning.message}"
                problems.append(Problem("photo_too_small", message, name))
            elif warning.code in _PHOTO_CODES:
                code, message = _PHOTO_CODES[warning.code]
                problems.append(Problem(code, message.format(label), name))
    return problems


def article_photo(doc: ArticleDoc) -> Callable[[str], bool]:
    """Return the test an image source passes when it is one of the article's photos."""
    ours = frozenset(f"{PHOTO_SCHEME}{use.id}" for use in doc.photos)
    return ours.__contains__


def _foreign_images(doc: ArticleDoc) -> list[Problem]:
    # Every exporter leaves these out; the check says so, as the HTML import does.
    ours = article_photo(doc)
    problems = []
    for src in image_sources(doc.body):
        if ours(src):
            continue
        shown = src if len(src) <= 80 else src[:79] + "…"
        what = (
            f"places a photo the article does not have ({shown})"
            if src.startswith(PHOTO_SCHEME)
            else f"shows an image that is not one of the article's photos ({shown})"
        )
        problems.append(
            Problem("foreign_image", f"The body {what}; it is left out of the export.", "body")
        )
    return problems


def check(doc: ArticleDoc, min_photo_width: int = 0) -> list[Problem]:
    """Return what is missing or left over in ``doc`` before export; empty when all is well.

    With ``min_photo_width``, a photo narrower than that (as cropped) is a problem too.
    """
    problems = []
    if not doc.headline:
        problems.append(Problem("empty_headline", "The headline is empty.", "headline"))
    if not doc.lead:
        problems.append(Problem("empty_lead", "The lead is empty.", "lead"))
    if not has_text(doc.body):
        problems.append(Problem("empty_body", "The body has no text.", "body"))
    if not doc.byline:
        problems.append(Problem("empty_byline", "The byline is empty.", "byline"))
    return (
        problems + _photo_problems(doc, min_photo_width) + _foreign_images(doc) + _placeholders(doc)
    )


# The words of one rule the check names before it counts the rest.
PROOF_SHOWN = 4


def proofing_problems(findings: Sequence[Finding]) -> list[Problem]:
    """Return spelling and house style findings as the check lists them: one line a rule.

    They never stop an export (``check`` does): they are what a sub-editor reads last.
    """
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    problems = []
    for rule, found in by_rule.items():
        texts = list(dict.fromkeys(f.text.strip() or f.text for f in found))
        shown = ", ".join(f"“{t}”" for t in texts[:PROOF_SHOWN])
        more = f" (+{len(texts) - PROOF_SHOWN})" if len(texts) > PROOF_SHOWN else ""
        problems.append(Problem(f"proof:{rule}", f"{rule}: {shown}{more}", found[0].field))
    return problems
