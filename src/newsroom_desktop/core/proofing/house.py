"""The house style: the newsroom's choices, kept in the store so that every desk shares them."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from newsroom_desktop.core.errors import ValidationError

# Every rule by its stable name, in the order the settings list them. "tone_marks" flags the
# placement that is not the house's (when the house has chosen one).
RULES = (
    "tone_marks",
    "double_space",
    "space_before_punctuation",
    "straight_quotes",
    "city_name",
    "thousands",
    "date_shape",
    "long_lead",
    "caps_headline",
    "repeated_word",
)
CITY_FORMS = ("TP.HCM", "TP HCM", "TP. Hồ Chí Minh")
DATE_SEPARATORS = ("/", "-")
TONE_CHOICES = ("", "old", "new")  # "": both placements pass
QUOTE_CHOICES = ("curly", "straight")
MAX_LEAD_LIMIT = 10_000


@dataclass(frozen=True)
class HouseStyle:
    """The newsroom's style choices; ``off`` names the rules switched off."""

    tone_style: str = ""
    quotes: str = "curly"
    city_form: str = "TP.HCM"
    date_separator: str = "/"
    lead_max_chars: int = 350
    off: frozenset[str] = frozenset()

    def is_on(self, rule: str) -> bool:
        return rule not in self.off

    def updated(self, **changes: Any) -> HouseStyle:
        """Return a copy with ``changes``, checked (ValidationError for a choice not offered)."""
        return checked(replace(self, **changes))


def checked(style: HouseStyle) -> HouseStyle:
    """Return ``style`` if every choice in it is one offered; else raise ValidationError."""
    choices = {
        "tone_style": TONE_CHOICES,
        "quotes": QUOTE_CHOICES,
        "city_form": CITY_FORMS,
        "date_separator": DATE_SEPARATORS,
    }
    for name, allowed in choices.items():
        if getattr(style, name) not in allowed:
            shown = ", ".join(repr(a) for a in allowed)
            raise ValidationError(f"House style {name} must be one of {shown}.")
    if not 0 <= style.lead_max_chars <= MAX_LEAD_LIMIT:
        raise ValidationError(f"The lead limit must be 0 (none) to {MAX_LEAD_LIMIT} characters.")
    unknown = sorted(style.off - set(RULES))
    if unknown:
        raise ValidationError(f"Unknown house style rule(s): {', '.join(unknown)}.")
    return style


def to_rows(style: HouseStyle) -> dict[str, str]:
    """Return ``style`` as the store's key → text rows."""
    rows = {f.name: str(getattr(style, f.name)) for f in fields(HouseStyle) if f.name != "off"}
    rows["off"] = ",".join(sorted(style.off))
    return rows


def from_rows(rows: dict[str, str]) -> HouseStyle:
    """Return the house style the store's rows give; a damaged or unknown value is the default."""
    default = HouseStyle()
    values: dict[str, Any] = {}
    for f in fields(HouseStyle):
        raw = rows.get(f.name)
        if raw is None:
            continue
        if f.name == "off":
            values["off"] = frozenset(r for r in raw.split(",") if r in RULES)
        elif f.name == "lead_max_chars":
            values[f.name] = int(raw) if raw.isdigit() else default.lead_max_chars
        else:
            values[f.name] = raw
    try:
        return checked(replace(default, **values))
    except ValidationError:
        return default
