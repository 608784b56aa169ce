"""Date lines as Vietnamese and English news sites print them, one named rule per form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from newsroom_desktop.core.text import fold

# Building blocks. Numeric dates are day/month/year (Vietnamese and British order); a date may
# be run onto the text before it ("...Nhân dân07/09/2021"), so digits are bounded by (?<!\d).
_NUM_DATE = r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?!\d)"
_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_EN_MDY = rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
_EN_DMY = rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})"
_TIME = (
    r"(?<!\d)(?P<H>\d{1,2})\s*(?::|h|g|giờ)\s*(?P<M>\d{2})(?::\d{2})?(?!\d)"
    r"(?:\s*(?P<ampm>[AaPp]\.?\s?[Mm]\b\.?))?"
)
_ZONE = (
    r"(?:\s*\(?\s*(?:(?:GMT|UTC)\s*(?P<zs>[+-])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?"
    r"|(?P<zname>ICT|UTC|GMT|ET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST))\s*\)?)?"
)
# A date line, even one run onto a headline, is short.
MAX_DATELINE_CHARS = 300
_LINK = r"\s*(?:(?:,|-|–|—|/|\||lúc|ngày|at|à|a las|um|alle|às|kl\.)\s*){0,2}"

# Words around a date that belong to the date line, not to the text it is run onto.
_CONNECTORS = re.compile(
    r"^(?:[\s,|:•·–—-]+|cập nhật(?: lúc)?|ngày đăng|ngày cập nhật|đăng(?: lúc)?|xuất bản|lúc|ngày"
    r"|publié(?: le)?|mis à jour(?: le)?|publicado(?: el)?|actualizado(?: el)?"
    r"|veröffentlicht(?: am)?|aktualisiert(?: am)?|pubblicato(?: il)?|aggiornato(?: il)?|hrs\.?|uhr"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi"
    r"|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|(?:last )?updated(?: on| at)?|published(?: on| at)?|posted(?: on| at)?|on|at|le|el|am|den"
    r"|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|t[2-7]|cn"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)\.?)(?=[\s,|:–—-]|$)",
    re.IGNORECASE,
)
_NAMED_ZONES = {
    "ICT": "Asia/Ho_Chi_Minh",
    "UTC": "UTC",
    "GMT": "UTC",
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "BST": "Europe/London",
}


# Month names of the other languages news pages come in (folded: no accents, lower case).
_NAMED_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "janvier enero januar gennaio janeiro januari stycznia ocak",
            "fevrier febrero februar febbraio fevereiro februari lutego subat",
            "mars marzo marz maerz marco maart marca mart",
            "avril abril april aprile kwietnia nisan",
            "mai mayo maggio maio mei maja mayis",
            "juin junio juni giugno junho czerwca haziran",
            "juillet julio juli luglio julho lipca temmuz",
            "aout agosto august augustus sierpnia agustos",
            "septembre septiembre setiembre september settembre setembro wrzesnia eylul",
            "octobre octubre oktober ottobre outubro oktober pazdziernika ekim",
            "novembre noviembre november novembre novembro listopada kasim",
            "decembre diciembre dezember dicembre dezembro desember grudnia aralik",
        ),
        start=1,
    )
    for name in names.split()
}
_NAMED_MONTH_RE = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre"
    "|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
    "|octubre|noviembre|diciembre|januar|februar|märz|maerz|juni|juli|oktober|dezember|gennaio"
    "|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março"
    "|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei"
    "|augustus|desember"
)


@dataclass(frozen=True)
class DateRule:
    """One printed form of a date line: a name (for tests and messages) and its pattern."""

    name: str
    pattern: re.Pattern[str]
    example: str


def _rule(name: str, pattern: str, example: str) -> DateRule:
    return DateRule(name, re.compile(pattern, re.IGNORECASE), example)


# Most specific first: a form with a time must win over the bare date inside it.
RULES: tuple[DateRule, ...] = (
    _rule(
        "iso",
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})"
        r"(?::\d{2}(?:\.\d+)?)?(?P<off>Z|[+-]\d{2}:?\d{2})?)?(?!\d)",
        "2021-09-07T06:59:00+07:00",
    ),
    _rule("time_then_date", rf"{_TIME}{_LINK}{_NUM_DATE}{_ZONE}", "06:59 - 07/09/2021"),
    _rule("date_then_time", rf"{_NUM_DATE}{_LINK}{_TIME}{_ZONE}", "07/09/2021 - 06:59"),
    _rule("en_month_day_year", rf"{_EN_MDY}(?:{_LINK}{_TIME}{_ZONE})?", "Sep 7, 2021, 6:59 AM"),
    _rule("en_time_then_date", rf"{_TIME}{_ZONE}{_LINK}{_EN_DMY}", "06:59, 7 September 2021"),
    _rule("en_day_month_year", rf"{_EN_DMY}(?:{_LINK}{_TIME}{_ZONE})?", "7 September 2021 06:59"),
    _rule(
        "year_month_day",
        rf"(?<!\d)(?P<y>\d{{4}})[/.](?P<m>\d{{1,2}})[/.](?P<d>\d{{1,2}})(?!\d)(?:{_LINK}{_TIME})?",
        "2021/09/07 06:59",
    ),
    _rule(
        "named_month",
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:er|º|°)?\.?\s+(?:de\s+)?(?P<named>{_NAMED_MONTH_RE})\.?\s+"
        rf"(?:de\s+|del\s+)?(?P<y>\d{{4}})(?!\d)(?:{_LINK}(?:à|a las|um|alle|às)?\s*{_TIME})?",
        "le 7 septembre 2021 à 06:59",
    ),
    _rule("date_only", rf"{_NUM_DATE}{_ZONE}", "Thời sự 07-09-2021"),
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a line: the moment, the rule that read it, and the text left over."""

    moment: datetime
    rule: str
    rest: str
    has_time: bool


def _zone_of(groups: dict[str, str | None], default: tzinfo) -> tzinfo:
    if groups.get("off"):
        off = str(groups["off"])
        if off.upper() == "Z":
            return UTC
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))
    if groups.get("zh"):
        sign = -1 if groups.get("zs") == "-" else 1
        minutes = int(groups.get("zm") or 0)
        return timezone(sign * timedelta(hours=int(str(groups["zh"])), minutes=minutes))
    name = (groups.get("zname") or "").upper()
    return ZoneInfo(_NAMED_ZONES[name]) if name in _NAMED_ZONES else default


def _hour(groups: dict[str, str | None]) -> int:
    hour = int(groups.get("H") or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        return hour + 12
    if ampm == "am" and hour == 12:
        return 0
    return hour


def _moment(groups: dict[str, str | None], default: tzinfo) -> datetime | None:
    """Return the aware datetime the groups describe, or None if they name no real date."""
    if groups.get("mon"):
        month = _MONTHS.index(str(groups["mon"])[:3].lower()) + 1
    elif groups.get("named"):
        month = _NAMED_MONTHS[fold(str(groups["named"])).rstrip(".")]
    else:
        month = int(groups.get("m") or 0)
    try:
        return datetime(
            int(groups.get("y") or 0),
            month,
            int(groups.get("d") or 0),
            _hour(groups),
            int(groups.get("M") or 0),
            tzinfo=_zone_of(groups, default),
        )
    except ValueError:  # 31/02/2021, 25:00: not a date line after all
        return None


def strip_connectors(text: str) -> str:
    """Return ``text`` without the date-line words at its ends ("Cập nhật lúc", "Updated on")."""
    previous = None
    text = text.strip()
    while text != previous:
        previous = text
        text = _CONNECTORS.sub("", text).strip()
        text = re.sub(r"[\s,|:•·–—(-]+$", "", text)
        text = re.sub(
            r"\s+(?:lúc|ngày|at|on|updated|cập nhật|le|el|am|den|de|del)$",
            "",
            text,
            flags=re.IGNORECASE,
        )
    return text


def find_date(line: str, zone: tzinfo) -> DateMatch | None:
    """Return the first date line form found in ``line``; naive times are in ``zone``."""
    if len(line) > MAX_DATELINE_CHARS:
        return None  # a paragraph, not a date line (and not worth searching)
    for rule in RULES:
        found = rule.pattern.search(line)
        if found is None:
            continue
        groups = found.groupdict()
        moment = _moment(groups, zone)
        if moment is None:
            continue
        rest = f"{line[: found.start()]} {line[found.end() :]}"
        return DateMatch(moment, rule.name, strip_connectors(rest), bool(groups.get("H")))
    return None


def parse_dateline(line: str, zone: tzinfo) -> datetime | None:
    """Return the moment if ``line`` is a date line and nothing else, else None."""
    found = find_date(line, zone)
    return found.moment if found is not None and not found.rest else None


def parse_iso(value: str, zone: tzinfo) -> datetime | None:
    """Return an ISO 8601 or printed date from metadata (naive values in ``zone``), or None."""
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        found = find_date(value, zone)
        return found.moment if found is not None else None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
