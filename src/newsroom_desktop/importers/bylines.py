"""Bylines: who wrote the article, as pages and pasted text print it; never a label or a date."""

from __future__ import annotations

import re
from typing import Any

from newsroom_desktop.core.text import clean_line, fold
from newsroom_desktop.importers.base import DEFAULT_TZ
from newsroom_desktop.importers.datelines import find_date

MAX_BYLINE_CHARS = 100
MAX_BYLINE_WORDS = 14
MAX_AUTHORS = 6

# "By", "Par", "Von", "Por" and the labels that stand before a name (longest first).
_PREFIX_RE = re.compile(
    r"^(?:(?:(?:written|posted|reported|words|story|text|photos?) )?by|par|von|por|door|bởi"
    r"|(?:tác giả|authors?|text|tekst|texto|auteur|autor|autore|reporter|thực hiện|btv|bài và ảnh"
    r"|bài, ảnh|bài - ảnh|tin và ảnh|tin, ảnh|tin - ảnh|ghi chép|bài|tin)\s*[:：])\s*",
    re.IGNORECASE,
)
_SEPARATOR_RE = re.compile(r"\s*(?:[|•·]|\s[-–—]\s)\s*")
_TRAILING_RE = re.compile(
    r"\s*,\s*(?:updated|published|posted|staff|correspondent|reporter|phóng viên).*$",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HANDLE_RE = re.compile(r"\s*@\w+")
_EMAIL_RE = re.compile(r"\s*[\w.+-]+@[\w-]+\.[\w.]+")
_COUNT_RE = re.compile(r"^\d+\s*(?:h|m|min|mins|d|s|hr|hrs|giờ|phút|comments?|bình luận)\b", re.I)
# Labels that sit where a byline would: links, headings and buttons of the page's furniture.
_LABELS = frozenset(
    {"about", "about us", "about this site", "contact", "contact us", "help", "home", "login",
     "log in", "sign in", "sign up", "register", "subscribe", "menu", "search", "share",
     "comments", "comment", "reader comments", "leave a comment", "post a comment", "reply",
     "authors", "author", "our authors", "staff", "admin", "administrator", "editor", "editors",
     "more", "read more", "follow", "newsletter", "advertisement", "advertising", "sponsored",
     "privacy", "terms", "rss", "feedback", "the editors", "unknown", "anonymous", "guest",
     "y kien ban doc", "binh luan", "ban doc", "gop y", "lien he", "dang nhap", "tac gia",
     "toa soan", "chia se", "phan hoi", "admin admin", "user", "webmaster", "news desk"}
)  # fmt: skip
_LABEL_WORDS = frozenset(
    {"comments", "comment", "subscribe", "newsletter", "login", "privacy", "cookie", "cookies",
     "click", "here", "http", "https", "www", "javascript", "share", "posts", "articles",
     "tweet", "menu", "copyright", "rights", "reserved", "loading", "advertisement"}
)  # fmt: skip


def ld_names(value: Any) -> str:
    """Return the names of a JSON-LD author value (string, object or list), joined."""
    if isinstance(value, str):
        return clean_line(value)
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = name[0] if name else ""
        if not name and (value.get("givenName") or value.get("familyName")):
            name = f"{value.get('givenName') or ''} {value.get('familyName') or ''}"
        return clean_line(name) if isinstance(name, str) else ""
    if isinstance(value, list):
        names = [n for n in (ld_names(v) for v in value[:MAX_AUTHORS]) if n]
        return ", ".join(dict.fromkeys(names))
    return ""


def clean_byline(text: str) -> str:
    """Return a byline without "By", handles, e-mail addresses and what trails the names."""
    text = _before_furniture(clean_line(text))
    text = _EMAIL_RE.sub("", _HANDLE_RE.sub("", text))
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX_RE.sub("", text).strip(" :,-–—|•·")
    text = _TRAILING_RE.sub("", text)
    return clean_line(text.strip(" :,-–—|•·"))


def _before_furniture(text: str) -> str:
    """Return the byline up to its first date or count part ("Jane Doe | Updated 3 June")."""
    text = text[:300]
    start, cut = 0, 0
    for separator in [*_SEPARATOR_RE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        part = text[start:end]
        if (
            find_date(part, DEFAULT_TZ) is not None
            or _COUNT_RE.match(part)
            or _YEAR_RE.search(part)
        ):
            return text[:cut]
        if separator is not None:
            start, cut = separator.end(), separator.start()
    return text


def is_plausible(text: str, *, section: str = "") -> bool:
    """Tell whether a cleaned byline can be names: not a label, date, count, link or section."""
    if not text or len(text) > MAX_BYLINE_CHARS or len(text) < 3:
        return False
    folded = fold(text).strip(" .:")
    if folded in _LABELS or (section and folded == fold(section).strip()):
        return False
    if _COUNT_RE.match(text) or "://" in text or text.startswith(("www.", "/")):
        return False
    if find_date(text, DEFAULT_TZ) is not None or sum(ch.isdigit() for ch in text) > 2:
        return False
    words = text.split()
    if len(words) > MAX_BYLINE_WORDS or any(w.strip(".,:").lower() in _LABEL_WORDS for w in words):
        return False
    if text.endswith(("?", "!", ".", ":")) and not text.endswith((" Jr.", " Sr.")):
        return len(words) <= 4 and text.endswith(".") and words[-1][:-1].isalpha()
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return False
    first = letters[0]
    return first.isupper() or not first.islower()


def same_people(shown: str, names: str) -> bool:
    """Tell whether a byline as shown names the same people as the structured names."""
    shown_folded = re.sub(r"[\W_]+", " ", fold(shown))
    people = [re.sub(r"[\W_]+", " ", fold(n)).strip() for n in re.split(r",|\band\b|&", names)]
    people = [p for p in people if p]
    return bool(people) and all(p in shown_folded for p in people)
