"""Track changes as HTML: the compare dialog's marked text, and a plain fragment of a comparison."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsroom_desktop.core.diff import CAPTION, ArticleDiff, DiffOp, FieldDiff
from newsroom_desktop.ui.labels import field_label
from newsroom_desktop.ui.review.common import t
from newsroom_desktop.ui.style import DIFF_DELETE_CSS, DIFF_INSERT_CSS

# The strike and underline keep a change visible to readers who cannot tell red from green.
INSERT_CSS = f"{DIFF_INSERT_CSS};text-decoration:underline"
DELETE_CSS = f"{DIFF_DELETE_CSS};text-decoration:line-through"
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
ANCHOR = "change-"
THIN_SPACE = "\u2009"  # between a deletion and the insertion that replaces it


@dataclass(frozen=True)
class RenderedDiff:
    """A comparison as HTML for the view, and how many separate changes it marks."""

    html: str
    changes: int


def _paragraphs(ops: Sequence[DiffOp]) -> list[list[DiffOp]]:
    """Cut the ops into paragraphs; a paragraph break that was added or removed shows as ¶."""
    out: list[list[DiffOp]] = [[]]
    for op in ops:
        for k, piece in enumerate(_PARAGRAPH_BREAK.split(op.text)):
            if k:
                if op.kind != "equal":
                    out[-1].append(DiffOp(op.kind, "¶"))
                out.append([])
            if piece:
                out[-1].append(DiffOp(op.kind, piece))
    return [p for p in out if p]


def _span(op: DiffOp) -> str:
    text = html.escape(op.text).replace("\n", "<br>")
    if op.kind == "insert":
        return f'<span style="{INSERT_CSS}">{text}</span>'
    if op.kind == "delete":
        return f'<span style="{DELETE_CSS}">{text}</span>'
    return text


def _field_heading(field: FieldDiff, label: str) -> str:
    if field.changed:
        counts = []
        if field.added_words:
            counts.append(f'<span style="color:#1a7f37">+{field.added_words}</span>')
        if field.removed_words:
            counts.append(f'<span style="color:#cf222e">−{field.removed_words}</span>')
        extra = " ".join(counts) or html.escape(t("changed"))
    else:
        extra = f'<span style="color:#9aa0a6">{html.escape(t("unchanged"))}</span>'
    return (
        f'<p style="margin-top:14px; color:#5b6270; font-size:9pt; font-weight:600">'
        f"{html.escape(label.upper())}&nbsp;&nbsp;{extra}</p>"
    )


def render_diff(diff: ArticleDiff) -> RenderedDiff:
    """Render a comparison: each field under its name, changes inline and numbered for jumping."""
    parts: list[str] = []
    changes = 0
    caption_number = 0
    for field in diff.fields:
        if field.field == CAPTION:
            caption_number += 1
            label = t("Caption %1").replace("%1", str(caption_number))
        else:
            label = field_label(field.field)
        if not field.ops:
            continue
        parts.append(_field_heading(field, label))
        size = ' style="font-size:15pt; font-weight:700"' if field.field == "headline" else ""
        bold = ' style="font-weight:600"' if field.field == "lead" else size
        previous = "equal"
        for paragraph in _paragraphs(field.ops):
            spans = []
            for op in paragraph:
                if op.kind != "equal" and previous == "equal":
                    changes += 1
                    spans.append(f'<a name="{ANCHOR}{changes}"></a>')
                elif op.kind == "insert" and previous == "delete":
                    spans.append(THIN_SPACE)  # "rất đặc biệt", not "rấtđặc biệt"
                spans.append(_span(op))
                previous = op.kind
            parts.append(f"<p{bold}>{''.join(spans)}</p>")
    if not diff.changed:
        same = html.escape(t("The two versions are the same."))
        parts.insert(0, f'<p style="color:#5b6270"><i>{same}</i></p>')
    return RenderedDiff("\n".join(parts), changes)


def _ops_html(ops: Sequence[DiffOp]) -> str:
    out = []
    for op in ops:
        text = html.escape(op.text).replace("\n\n", "¶<br>" if op.kind != "equal" else "<br><br>")
        text = text.replace("\n", "<br>")
        if op.kind == "insert":
            out.append(f'<ins class="diff-insert" style="{DIFF_INSERT_CSS}">{text}</ins>')
        elif op.kind == "delete":
            out.append(f'<del class="diff-delete" style="{DIFF_DELETE_CSS}">{text}</del>')
        else:
            out.append(text)
    return "".join(out)


def field_html(field_diff: FieldDiff) -> str:
    """Render one field's changes as an HTML paragraph with coloured <ins> and <del>."""
    return f'<p class="diff-text">{_ops_html(field_diff.ops)}</p>'


def to_html(diff: ArticleDiff, labels: Mapping[str, str] | None = None) -> str:
    """Render a comparison as an HTML fragment: each field under its label, changes inline.

    ``labels`` overrides field names; by default they are ``labels.field_label``'s.
    """
    names = labels or {}
    parts = ['<div class="diff">']
    for field_diff in diff.fields:
        if not field_diff.ops:
            continue
        status = "changed" if field_diff.changed else "same"
        name = names.get(field_diff.field, field_label(field_diff.field))
        parts.append(
            f'<div class="diff-field diff-{status}" data-field="{html.escape(field_diff.field)}"'
            f' data-photo-id="{html.escape(field_diff.photo_id)}">'
            f"<h4>{html.escape(name)}</h4>"
            f"{field_html(field_diff)}</div>"
        )
    parts.append("</div>")
    return "\n".join(parts)
