"""One line of styled runs as canonical Markdown: tidy emphasis, escape, write, read back."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby, pairwise

from newsroom_desktop.core.body.model import (
    HARD_BREAK,
    OBJECT_CHAR,
    Block,
    Run,
    inline_runs,
    merge_runs,
    safe_href,
)
from newsroom_desktop.core.body.parse import MARKDOWN
from newsroom_desktop.core.text import clean

_ESCAPE_RE = re.compile(r"([\\`*_\[\]<>#])")
_ENTITY_RE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START_RE = re.compile(r"^(?:([-+=~])|(\d{1,9})([.)])(?=[ \t]|$))")
_URL_ESCAPE_RE = re.compile(r"([()\\ ])")
_SPACE = frozenset(" \t\n\r\f\v\u00a0" + HARD_BREAK)


# --- normalisation ---------------------------------------------------------------------------


def _is_space(ch: str) -> bool:
    return ch in _SPACE or ch.isspace()


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _span_list(runs: Sequence[Run], attr: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for run in runs:
        end = pos + len(run.text)
        if getattr(run, attr):
            if spans and spans[-1][1] == pos:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((pos, end))
        pos = end
    return spans


def _trim_span(text: str, span: tuple[int, int], group: tuple[int, int]) -> tuple[int, int]:
    """Move whitespace, and punctuation that would break the delimiter rules, out of a span."""
    (start, end), (lo, hi) = span, group
    while start < end:
        before = text[start - 1] if start > lo else " "
        ch = text[start]
        if _is_space(ch) or (_is_punct(ch) and not (_is_space(before) or _is_punct(before))):
            start += 1
            continue
        after = text[end] if end < hi else " "
        last = text[end - 1]
        if _is_space(last) or (_is_punct(last) and not (_is_space(after) or _is_punct(after))):
            end -= 1
            continue
        break
    return start, end


def _groups(runs: Sequence[Run]) -> list[tuple[int, int, str]]:
    groups: list[tuple[int, int, str]] = []
    pos = 0
    for run in runs:
        end = pos + len(run.text)
        if groups and groups[-1][2] == run.href:
            groups[-1] = (groups[-1][0], end, run.href)
        else:
            groups.append((pos, end, run.href))
        pos = end
    return groups


def _inside(spans: list[tuple[int, int]], a: int) -> bool:
    return any(s <= a < e for s, e in spans)


def normalise_line(runs: Sequence[Run]) -> list[Run]:
    """Return one line's runs as Markdown can hold them: emphasis edges tidied, text unchanged."""
    runs = merge_runs(runs)
    if not any(r.bold or r.italic for r in runs):
        return runs
    text = "".join(r.text for r in runs)
    groups = _groups(runs)
    cuts = {0, len(text)}
    marks: list[list[tuple[int, int]]] = []
    for attr in ("bold", "italic"):
        trimmed: list[tuple[int, int]] = []
        for lo, hi, _href in groups:
            cuts.update((lo, hi))
            sub = [(max(s, lo), min(e, hi)) for s, e in _span_list(runs, attr) if s < hi and e > lo]
            for span in sub:
                s, e = _trim_span(text, span, (lo, hi))
                if s < e:
                    trimmed.append((s, e))
                    cuts.update((s, e))
        marks.append(trimmed)
    points = sorted(cuts)
    out: list[Run] = []
    g = 0
    for a, b in pairwise(points):
        while groups[g][1] <= a:
            g += 1
        out.append(Run(text[a:b], _inside(marks[0], a), _inside(marks[1], a), groups[g][2]))
    return merge_runs(out)


def _split_lines(runs: Sequence[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        parts = run.text.split(HARD_BREAK)
        for n, part in enumerate(parts):
            if n:
                lines.append([])
            if part:
                lines[-1].append(replace(run, text=part))
    return lines


def _strip_line(runs: list[Run]) -> list[Run]:
    runs = [r for r in runs if r.text]
    while runs and not runs[0].text.lstrip():
        runs.pop(0)
    while runs and not runs[-1].text.rstrip():
        runs.pop()
    if runs:
        runs[0] = replace(runs[0], text=runs[0].text.lstrip())
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    return runs


def _clean_text(text: str) -> str:
    return unicodedata.normalize("NFC", clean(text).replace("\n", " ").replace(OBJECT_CHAR, ""))


def block_lines(block: Block) -> list[list[Run]]:
    """Return a block's lines (split at hard breaks) as the Markdown will hold them."""
    runs = [
        Run(_clean_text(r.text), r.bold, r.italic, safe_href(r.href) if r.href else "")
        for r in block.runs
    ]
    if block.heading:
        # An ATX heading is one line: a break inside a heading becomes a space.
        runs = [replace(r, text=r.text.replace(HARD_BREAK, " ")) for r in runs]
    lines = [normalise_line(_strip_line(line)) for line in _split_lines(runs)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def escape_text(text: str, line_start: bool) -> str:
    """Escape Markdown-special characters so the text reads back literally."""
    text = _ENTITY_RE.sub(r"\\&", _ESCAPE_RE.sub(r"\\\1", text))
    if line_start:
        text = _LINE_START_RE.sub(
            lambda m: "\\" + m.group(1) if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text
        )
    return text


def escape_url(href: str) -> str:
    """Escape a link destination for ``[text](href)``."""
    return _URL_ESCAPE_RE.sub(lambda m: "%20" if m.group(1) == " " else "\\" + m.group(1), href)


# --- inline emission -------------------------------------------------------------------------

_BOLD = "**"


def _span_ends(runs: Sequence[Run], attr: str) -> list[int]:
    """For each run, the index of the last run of the span of ``attr`` it belongs to."""
    ends = [0] * len(runs)
    end = len(runs) - 1
    for i in range(len(runs) - 1, -1, -1):
        if i < len(runs) - 1 and not (getattr(runs[i], attr) and getattr(runs[i + 1], attr)):
            end = i
        ends[i] = end
    return ends


def _emit_emphasis(runs: Sequence[Run], line_start: bool, italic: str) -> str:
    """Write runs with nested ``**``/``*`` delimiters, the longer span outermost."""
    delim = {"bold": _BOLD, "italic": italic}
    ends = {"bold": _span_ends(runs, "bold"), "italic": _span_ends(runs, "italic")}
    stack: list[str] = []
    parts: list[str] = []
    for i, run in enumerate(runs):
        want = {"bold": run.bold, "italic": run.italic}
        cut = next((k for k, mark in enumerate(stack) if not want[mark]), len(stack))
        while len(stack) > cut:
            parts.append(delim[stack.pop()])
        closed = [m for m in delim if want[m] and m not in stack]
        opening = sorted(closed, key=lambda m: -ends[m][i])
        for mark in opening:
            stack.append(mark)
            parts.append(delim[mark])
        parts.append(escape_text(run.text, line_start and i == 0))
    parts.extend(delim[mark] for mark in reversed(stack))
    return "".join(parts)


def _emit_line(runs: Sequence[Run], italic: str) -> str:
    out: list[str] = []
    for href, group in groupby(runs, key=lambda r: r.href):
        if href:
            if out and out[-1].endswith("!"):
                # "!" before "[" would turn the link into an image.
                out[-1] = out[-1][:-1] + "\\!"
            out.append("[")
        out.append(_emit_emphasis(list(group), not out, italic))
        if href:
            out.append(f"]({escape_url(href)})")
    return "".join(out)


def _reads_back(markdown: str, runs: Sequence[Run]) -> bool:
    tokens = MARKDOWN.parseInline(markdown)
    return bool(tokens) and inline_runs(tokens[0]) == list(runs)


def _without(runs: Sequence[Run], *, italic: bool = False, bold: bool = False) -> list[Run]:
    return normalise_line(
        [replace(r, italic=r.italic and not italic, bold=r.bold and not bold) for r in runs]
    )


def _group_spans(runs: Sequence[Run], attr: str) -> list[tuple[int, int, int]]:
    """Return (start, end, group) of each span of ``attr``, cut where the link changes."""
    spans: list[tuple[int, int, int]] = []
    pos, group = 0, 0
    for i, run in enumerate(runs):
        if i and run.href != runs[i - 1].href:
            group += 1
        end = pos + len(run.text)
        if getattr(run, attr):
            if spans and spans[-1][1] == pos and spans[-1][2] == group:
                spans[-1] = (spans[-1][0], end, group)
            else:
                spans.append((pos, end, group))
        pos = end
    return spans


def _outside(text: str, pos: int, groups: list[tuple[int, int, str]], g: int, left: bool) -> str:
    lo, hi, href = groups[g]
    if (left and pos > lo) or (not left and pos < hi):
        return text[pos - 1] if left else text[pos]
    neighbour = g - 1 if left else g + 1
    if href or 0 <= neighbour < len(groups):
        return "["  # a link bracket: punctuation
    return " "


def _unambiguous(runs: Sequence[Run]) -> bool:
    """Return True if every emphasis delimiter of the line can be read one way only."""
    text = "".join(r.text for r in runs)
    groups = _groups(runs)
    opens: set[int] = set()
    closes: set[int] = set()
    all_spans = [_group_spans(runs, "bold"), _group_spans(runs, "italic")]
    for s, e, g in (span for spans in all_spans for span in spans):
        first, before = text[s], _outside(text, s, groups, g, left=True)
        last, after = text[e - 1], _outside(text, e, groups, g, left=False)
        if _is_punct(first) and not _is_space(before):
            return False
        if not (_is_space(before) or _is_punct(before)):
            return False
        if _is_punct(last) and not _is_space(after):
            return False
        if not (_is_space(after) or _is_punct(after)):
            return False
        opens.add(s)
        closes.add(e)
    if opens & closes:
        return False
    return not any(
        s1 < s2 < e1 < e2 or s2 < s1 < e2 < e1
        for s1, e1, _ in all_spans[0]
        for s2, e2, _ in all_spans[1]
    )


def _spaces_apart(runs: Sequence[Run]) -> list[Run]:
    """Return runs whose whitespace at a change of marks carries no emphasis.

    Overlapping bold and italic then close before the space and open after it.
    """
    out: list[Run] = []
    for i, run in enumerate(runs):
        head = run.text[: len(run.text) - len(run.text.lstrip())] if i else ""
        tail = run.text[len(run.text.rstrip()) :] if i < len(runs) - 1 else ""
        core = run.text[len(head) : len(run.text) - len(tail)]
        out += [Run(head, href=run.href), replace(run, text=core), Run(tail, href=run.href)]
    return normalise_line(out)


def line_markdown(runs: Sequence[Run]) -> tuple[str, list[Run]]:
    """Return one line as Markdown and the runs it reads back as (emphasis dropped if need be)."""
    if not any(r.bold or r.italic for r in runs) or _unambiguous(runs):
        return _emit_line(runs, "*"), list(runs)
    candidates = (
        runs,
        _spaces_apart(runs),
        _without(runs, italic=True),
        _without(runs, italic=True, bold=True),
    )
    for candidate in candidates:
        for italic in ("*", "_"):
            text = _emit_line(candidate, italic)
            if _reads_back(text, candidate):
                return text, list(candidate)
    return _emit_line(candidates[-1], "*"), list(candidates[-1])
