"""How the command prints articles: aligned text for people, JSON for programs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from newsroom_desktop.core import dates
from newsroom_desktop.core.documents import ArticleDoc, ArticleSummary, PhotoUse

if TYPE_CHECKING:
    from newsroom_desktop.core.diff import FieldDiff


def photo_json(use: PhotoUse) -> dict[str, Any]:
    """Return a photo use as the JSON object ``show --json`` prints."""
    return {
        "id": use.id,
        "photo_id": use.photo_id,
        "position": use.position,
        "caption": use.caption,
        "credit": use.credit,
        "alt_text": use.alt_text,
        "is_lead": use.is_lead,
        "placed": use.placed,
        "description": use.description,
        "headline": use.headline,
        "creator": use.creator,
        "copyright": use.copyright,
        "keywords": list(use.keywords),
        "width": use.width,
        "height": use.height,
        "format": use.format,
        "taken_at": use.taken_at,
        "camera": use.camera,
        "file": str(use.file) if use.file else None,
        "recipe": json.loads(use.recipe.to_json()) if use.recipe else None,
        "final_size": list(use.final_size),
    }


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def article_json(doc: ArticleDoc) -> dict[str, Any]:
    """Return an article as the JSON object ``show --json`` prints."""
    return {
        "id": doc.id,
        "section": doc.section,
        "headline": doc.headline,
        "lead": doc.lead,
        "body": doc.body,
        "byline": doc.byline,
        "language": doc.language,
        "slug": doc.slug,
        "status": doc.status,
        "owner": doc.owner,
        "created_at": _iso(doc.created_at),
        "updated_at": _iso(doc.updated_at),
        "published_at": _iso(doc.published_at),
        "exported_at": _iso(doc.exported_at),
        "version": doc.version,
        "tags": list(doc.tags),
        "word_count": doc.word_count,
        "photos": [photo_json(p) for p in doc.photos],
    }


def summary_json(summary: ArticleSummary) -> dict[str, Any]:
    """Return a list entry as JSON."""
    return {
        "id": summary.id,
        "headline": summary.headline,
        "section": summary.section,
        "byline": summary.byline,
        "status": summary.status,
        "language": summary.language,
        "word_count": summary.word_count,
        "updated_at": _iso(summary.updated_at),
        "owner": summary.owner,
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def summary_lines(summaries: list[ArticleSummary], zone: ZoneInfo) -> list[str]:
    """Return one aligned line per article: short id, status, time, section, headline."""
    return [
        f"{s.id[:8]}  {s.status:<9}  {dates.short(s.updated_at, zone)}  "
        f"{(s.section or '-')[:24]:<24}  {s.headline}"
        for s in summaries
    ]


def article_text(doc: ArticleDoc, zone: ZoneInfo) -> str:
    """Return an article as readable text, the way the sample page reads."""
    lines = [
        f"id: {doc.id}   status: {doc.status}   words: {doc.word_count}",
        "",
        doc.section.upper(),
        "",
        doc.headline,
        dates.updated_line(doc.updated_at, zone, doc.language),
        "",
        doc.lead,
        "",
        doc.body.rstrip(),
        "",
        doc.byline,
    ]
    if doc.tags:
        lines += ["", "Tags: " + ", ".join(doc.tags)]
    for use in doc.photos:
        lines.append(f"[photo {use.id[:8]}] {use.caption} — {use.credit}".rstrip(" —"))
    return "\n".join(lines)


def marked_text(field_diff: FieldDiff) -> str:
    """Return the field with changes marked as wdiff does: [-deleted-] and {+inserted+}."""
    marks = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(f"{marks[op.kind][0]}{op.text}{marks[op.kind][1]}" for op in field_diff.ops)
