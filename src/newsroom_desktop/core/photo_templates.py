"""Caption templates: named sets of photo fields with variables, filled in per photo."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.text import clean, clean_line

# The photo fields a template may set, in the order the editor shows them.
FIELDS = ("caption", "headline", "creator", "credit", "copyright", "city", "keywords", "alt_text")
LINE_FIELDS = frozenset({"headline", "creator", "credit", "city"})
VARIABLES = ("date", "date_taken", "city", "creator", "byline", "event", "filename", "seq")
DATE_FORMAT = "%d/%m/%Y"
REPLACE, APPEND = "replace", "append"
MODES = (REPLACE, APPEND)
MAX_NAME = 200
MAX_VALUE = 4000
MAX_SPEC = 40
# City and creator first: the caption's {city} and {creator} say what the template sets.
_ORDER = ("city", "creator", *(f for f in FIELDS if f not in ("city", "creator")))
_FORMATTER = string.Formatter()
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


@dataclass(frozen=True, slots=True)
class TemplateField:
    """One field of a template: set it or not, replace or append, and the text (with variables)."""

    name: str
    value: str = ""
    apply: bool = False
    mode: str = REPLACE


@dataclass(frozen=True, slots=True)
class CaptionTemplate:
    """A named caption template; ``fields`` has one entry for each of FIELDS."""

    name: str
    fields: tuple[TemplateField, ...] = tuple(TemplateField(n) for n in FIELDS)
    id: str = ""

    def field(self, name: str) -> TemplateField:
        return next(f for f in self.fields if f.name == name)

    def with_field(self, name: str, **changes: object) -> CaptionTemplate:
        """Return the template with one field changed (value, apply or mode)."""
        fields = tuple(replace(f, **changes) if f.name == name else f for f in self.fields)  # type: ignore[arg-type]
        return replace(self, fields=fields)


@dataclass(frozen=True, slots=True)
class PhotoChange:
    """The fields of one photo a template or batch edit changed: before and after."""

    photo_id: str
    before: Mapping[str, str]
    after: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Fill:
    """What the variables of one run say beyond the photo itself."""

    today: date
    byline: str = ""
    event: str = ""
    # Expands ``=code=`` in the filled text (the roster's), or leaves it as it is.
    expand: Callable[[str], str] = field(default=lambda text: text)


class TemplateSyntaxError(ValidationError):
    """A template field's text cannot be filled in: which field, what is wrong, and where.

    ``problem`` is one of OPEN_BRACE, CLOSE_BRACE, UNKNOWN, NO_FORMAT, BAD_FORMAT, SEQ_FORMAT;
    ``detail`` the variable (or seq's format) it concerns.
    """

    code = "template_syntax"

    def __init__(self, message: str, *, where: str, problem: str, detail: str = "") -> None:
        super().__init__(message)
        self.where, self.problem, self.detail = where, problem, detail


OPEN_BRACE, CLOSE_BRACE, UNKNOWN = "open_brace", "close_brace", "unknown_variable"
NO_FORMAT, BAD_FORMAT, SEQ_FORMAT = "no_format", "bad_format", "seq_format"


def template_error(message: str, where: str, problem: str, detail: str = "") -> ValidationError:
    return TemplateSyntaxError(message, where=where, problem=problem, detail=detail)


def _variables(text: str, where: str) -> list[tuple[str, str | None, str]]:
    """Parse ``text`` into (literal, variable, spec) parts; raise a clear error if it is bad."""
    try:
        parts = list(_FORMATTER.parse(text))
    except ValueError as exc:
        lone_close = str(exc).startswith("Single '}'")
        reason = "a “}” without its “{”" if lone_close else "a “{” without its “}”"
        raise template_error(
            f"{where}: {reason}. Write {{{{ or }}}} for a brace itself.",
            where,
            CLOSE_BRACE if lone_close else OPEN_BRACE,
        ) from exc
    out: list[tuple[str, str | None, str]] = []
    for literal, name, given, conversion in parts:
        if name is None:
            out.append((literal, None, ""))
            continue
        if conversion or name not in VARIABLES:
            known = ", ".join(f"{{{v}}}" for v in VARIABLES)
            raise template_error(
                f"{where}: unknown variable {{{name}}}; use {known}.", where, UNKNOWN, name
            )
        spec = given or ""
        if "{" in spec or "}" in spec or len(spec) > MAX_SPEC:
            raise template_error(
                f"{where}: the format of {{{name}}} is not valid.", where, BAD_FORMAT, name
            )
        if spec and name not in ("date", "date_taken", "seq"):
            raise template_error(f"{where}: {{{name}}} takes no format.", where, NO_FORMAT, name)
        if spec and name == "seq":
            _format_seq(1, spec, where)
        out.append((literal, name, spec))
    return out


def _format_seq(seq: int, spec: str, where: str) -> str:
    try:
        return format(seq, spec)
    except ValueError as exc:
        raise template_error(
            f"{where}: {{seq:{spec}}} is not a number format.", where, SEQ_FORMAT, spec
        ) from exc


def check_template(template: CaptionTemplate) -> CaptionTemplate:
    """Return the template cleaned (NFC, bounded, every field once); raise if it is bad."""
    name = clean_line(template.name)
    if not name:
        raise ValidationError("A template needs a name.", code="template_name")
    if len(name) > MAX_NAME:
        raise ValidationError(f"A template's name is at most {MAX_NAME} characters.")
    given = {f.name: f for f in template.fields}
    unknown = sorted(set(given) - set(FIELDS))
    if unknown:
        raise ValidationError(f"Templates have no field {unknown[0]!r}.")
    fields = []
    for name_ in FIELDS:
        item = given.get(name_, TemplateField(name_))
        if item.mode not in MODES:
            raise ValidationError(f"{name_}: the mode is replace or append, not {item.mode!r}.")
        value = clean(item.value).strip()
        if len(value) > MAX_VALUE:
            raise ValidationError(f"{name_}: at most {MAX_VALUE} characters.")
        _variables(value, name_)
        fields.append(replace(item, value=value))
    return replace(template, name=name, fields=tuple(fields))


def fields_json(template: CaptionTemplate) -> str:
    """Return the template's fields as the JSON the store keeps."""
    return json.dumps(
        [
            {"name": f.name, "value": f.value, "apply": f.apply, "mode": f.mode}
            for f in template.fields
        ],
        ensure_ascii=False,
    )


def template_from_json(name: str, text: str, id_: str = "") -> CaptionTemplate:
    """Return a stored template; fields the JSON lacks (or garbles) are left unset."""
    try:
        raw = json.loads(text)
    except ValueError:
        raw = []
    given = {}
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and item.get("name") in FIELDS:
            given[item["name"]] = TemplateField(
                name=str(item["name"]),
                value=str(item.get("value", "")),
                apply=bool(item.get("apply", False)),
                mode=APPEND if item.get("mode") == APPEND else REPLACE,
            )
    return CaptionTemplate(
        name=name, fields=tuple(given.get(n, TemplateField(n)) for n in FIELDS), id=id_
    )


def _taken(taken_at: str) -> datetime | None:
    try:
        return datetime.fromisoformat(taken_at) if taken_at else None
    except ValueError:
        return None


def fill(text: str, values: Mapping[str, str], run: Fill, seq: int, where: str = "") -> str:
    """Return ``text`` with its variables filled from the photo's ``values`` and the run."""
    out = []
    for literal, name, spec in _variables(text, where or "template"):
        out.append(literal)
        if name is None:
            continue
        if name == "date":
            out.append(run.today.strftime(spec or DATE_FORMAT))
        elif name == "date_taken":
            taken = _taken(values.get("taken_at", ""))
            out.append(taken.strftime(spec or DATE_FORMAT) if taken else "")
        elif name == "seq":
            out.append(_format_seq(seq, spec, where) if spec else str(seq))
        elif name == "byline":
            out.append(run.byline)
        elif name == "event":
            out.append(run.event)
        else:
            out.append(values.get(name, ""))
    # An empty variable leaves no double space behind ("tại {event} ngày" with no event).
    return run.expand(_SPACES.sub(" ", "".join(out)))


def split_keywords(text: str) -> list[str]:
    """Return the keywords of a comma- or semicolon-separated list, once each."""
    words = (clean_line(w) for w in text.replace(";", ",").split(","))
    return list(dict.fromkeys(w for w in words if w))


def _combine(name: str, old: str, new: str, mode: str) -> str:
    if name == "keywords":
        kept = split_keywords(old) if mode == APPEND else []
        return ", ".join(dict.fromkeys([*kept, *split_keywords(new)]))
    if mode == APPEND and old and new:
        joined = f"{old} {new}"
    else:
        joined = new if mode == REPLACE or not old else old
    return clean_line(joined) if name in LINE_FIELDS else clean(joined).strip()


def apply_template(
    template: CaptionTemplate, values: Mapping[str, str], run: Fill, seq: int = 1
) -> dict[str, str]:
    """Return the photo's fields after the template: every field of FIELDS, changed or not.

    ``values`` holds the photo's fields (keywords as one comma-separated text) and its
    ``filename`` and ``taken_at``.
    """
    now = dict(values)
    for name in _ORDER:
        item = template.field(name)
        if item.apply:
            text = fill(item.value, now, run, seq, name)
            now[name] = _combine(name, now.get(name, ""), text, item.mode)
    return {name: now.get(name, "") for name in FIELDS}


def apply_to_each(
    template: CaptionTemplate, photos: Sequence[Mapping[str, str]], run: Fill
) -> list[dict[str, str]]:
    """Apply the template to photos in order, ``{seq}`` counting from 1."""
    return [apply_template(template, values, run, seq) for seq, values in enumerate(photos, 1)]
