"""Named rules for text pasted from news sites: bylines, reader comments, furniture, wraps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from newsroom_desktop.core.text import clean_line, fold
from newsroom_desktop.importers import bylines, rules
from newsroom_desktop.importers.datelines import find_date

# --- bylines --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BylineRule:
    """One printed form of a byline: its name, pattern (names in group "names"), an example."""

    name: str
    pattern: re.Pattern[str]
    example: str
    names: str  # what the example gives


def _rule(name: str, pattern: str, example: str, names: str) -> BylineRule:
    return BylineRule(name, re.compile(pattern, re.IGNORECASE), example, names)


# Most specific first. Each gives the names only: the label before them is not the byline.
BYLINE_RULES: tuple[BylineRule, ...] = (
    _rule("made_by", r"^(?:Thực hiện|Thể hiện|Nhóm thực hiện)\s*:\s*(?P<names>.+)$",
          "Thực hiện: Ngọc Hậu - Minh Anh", "Ngọc Hậu - Minh Anh"),
    _rule("editor", r"^(?:BTV|Biên tập viên|Biên tập)\s*:\s*(?P<names>.+)$", "BTV: Thu Hà",
          "Thu Hà"),
    _rule("reporter_group", r"^(?P<names>Nhóm (?:PV|phóng viên|P\.V)(?:\s+[^\s].{0,30})?)$",
          "Nhóm PV", "Nhóm PV"),
    _rule("text_and_photos",
          r"^(?:Bài và ảnh|Bài, ảnh|Bài - ảnh|Bài/ảnh|Tin và ảnh|Tin, ảnh|Tin - ảnh|Tin/ảnh"
          r"|Ảnh và bài|Bài|Tin|Ghi chép|Video|Clip)\s*:\s*(?P<names>.+)$",
          "Bài và ảnh: PHƯƠNG NAM", "PHƯƠNG NAM"),
    _rule("compiled",
          r"^(?P<names>[^()]{2,60}?)\s*\((?:tổng hợp|TH|t/h|tổng hợp từ [^()]{1,40})\)$",
          "Minh Anh (tổng hợp)", "Minh Anh"),
    _rule("according_to", r"^Theo\s+(?P<names>[^,;:]{2,60}?)\.?$", "Theo TTXVN", "TTXVN"),
    _rule("by", r"^(?:By|Par|Von|Por|Bởi|Written by|Reporting by)\s*:?\s+(?P<names>.+)$",
          "By Jane Nguyen", "Jane Nguyen"),
)  # fmt: skip
_SHORT_BYLINES = frozenset({"pv", "ctv", "ptv", "p.v"})


def byline_of(line: str) -> tuple[str, str]:
    """Return (rule name, names) if a short line is a byline, else ("", "")."""
    line = clean_line(line)
    if not line or len(line) > rules.MAX_BYLINE_CHARS or line.endswith((":", ";", ",", "?", "!")):
        return "", ""
    if fold(line).strip(" .()") in _SHORT_BYLINES:
        return "short_credit", line.strip(" .()")
    for rule in BYLINE_RULES:
        found = rule.pattern.match(line)
        if found is None:
            continue
        names = clean_line(found.group("names")).strip(" .")
        if rule.name == "by":
            names = bylines.strip_site_parts(names, _no_site)  # "By Sandee LaMotte, CNN"
        if rule.name == "reporter_group" or _names(names):
            return rule.name, names
        return "", ""
    if rules.is_all_caps(line) and _names(line.rstrip(".")):
        return "name_in_capitals", line.rstrip(".")
    # A name alone ends with no full stop: "Puerto Natales." is the end of a broken sentence.
    if not line.endswith(".") and rules.is_name_like(line) and _names(line):
        return "name_alone", line
    return "", ""


# Labels printed on a line of their own, their value on the next line.
_LABELS = {
    "byline": frozenset({"by", "par", "von", "por", "door", "autor/in", "autor", "autorin",
                         "autoren", "auteur", "author", "authors", "tac gia", "text", "texte"}),
    "date": frozenset({"stand", "publicado", "publie", "posted", "updated", "published",
                       "veroffentlicht", "aktualisiert", "ngay dang", "cap nhat"}),
}  # fmt: skip


def label_of(line: str) -> str:
    """Return "byline" or "date" for a label standing alone ("By", "AUTOR/IN", "STAND")."""
    folded = fold(clean_line(line)).strip(" :")
    if len(folded) > 20:
        return ""
    return next((kind for kind, labels in _LABELS.items() if folded in labels), "")


def is_names(line: str) -> bool:
    """Tell whether a line is names and nothing else (what follows a "By" line)."""
    line = clean_line(line)
    return len(line) <= rules.MAX_BYLINE_CHARS and _names(line)


MAX_DATED_BYLINE_CHARS = 160


def dated_byline(line: str, zone: tzinfo) -> tuple[str, datetime | None]:
    """Return the names and moment of a byline and date on one line (rule dated_byline).

    The names must follow their label ("Par", "Recueilli par", "By"): "Ouest-France Recueilli
    par Patrick ANGEVIN. Publié le 02/11/2023 à 14h49" gives Patrick ANGEVIN.
    """
    if len(line) > MAX_DATED_BYLINE_CHARS:
        return "", None
    found = find_date(line, zone)
    if found is None or not bylines.labelled(line):
        return "", None
    names = bylines.clean_byline(line)
    return (names, found.moment) if names and bylines.is_plausible(names) else ("", None)


def _no_site(_part: str) -> bool:
    return False


def _names(text: str) -> bool:
    """Tell whether the text after a byline label can be names (and an agency)."""
    cleaned = re.sub(r"\s*\([^()]{1,40}\)$", "", text)  # "Ngọc Hậu (TTXVN)"
    return bylines.is_plausible(cleaned) and not any(ch.isdigit() for ch in cleaned)


# --- reader comments: the end of the article ------------------------------------------------

# Headers of the reader-comments part of a page: everything from one of them on is comments
# (readers' names, their text, "Gửi", "Thích"), never the article.
COMMENT_HEADERS = (
    "ban doc phan hoi", "y kien ban doc", "doc gia chia se", "binh luan cua ban doc",
    "gui binh luan", "gui y kien", "y kien cua ban", "viet binh luan", "y kien phan hoi",
    "reader comments", "comments", "leave a comment", "join the conversation",
    "add a comment", "show comments",
)  # fmt: skip
_COUNT_TAIL_RE = re.compile(r"[\s:(\[]*[\d.,]*[)\]]?\s*$")
MAX_COMMENT_HEADER_CHARS = 80


def is_comments_header(line: str) -> bool:
    """Tell whether a line opens the readers' comments ("Ý kiến bạn đọc", "BẠN ĐỌC PHẢN HỒI")."""
    if len(line) > MAX_COMMENT_HEADER_CHARS:
        return False
    folded = _COUNT_TAIL_RE.sub("", fold(clean_line(line))).strip(" :.")
    if folded.startswith("doc gia chia se"):
        return True  # "Độc giả chia sẻ về bài viết"
    return folded in COMMENT_HEADERS


# --- furniture the shared phrase list does not cover -----------------------------------------

_FURNITURE_RES = (
    ("empty_tags", re.compile(r"^(?:Tags?|Từ khóa|Từ khoá|Chủ đề|Keywords)\s*:?$", re.I)),
    ("back_to_section", re.compile(r"^(?:Trở lại|Trở về|Quay lại|Back to)\s+\S.{0,60}$", re.I)),
    ("copy_link", re.compile(r"^(?:Chia sẻ\s+)?(?:Copy link|Sao chép liên kết)(?: thành công)?$",
                             re.I)),
    ("image_placeholder", re.compile(r"^\[[^\[\]]{0,200}\]$")),
    ("share_count", re.compile(r"^(?:Chia sẻ|Share|Shares|Thích|Like)\s*[:(]?\s*[\d.,]+[kK]?\)?$")),
)  # fmt: skip


# The letters those lines open with, in either case: most lines are told apart by one look.
_FURNITURE_OPENINGS = frozenset("TtKkCcQqBbSsLl[")


def furniture_rule(line: str) -> str:
    """Return the name of the furniture rule a line matches ("" when it is content)."""
    if len(line) > 120 or line[:1] not in _FURNITURE_OPENINGS:
        return ""
    for name, pattern in _FURNITURE_RES:
        if pattern.match(line):
            return name
    return ""


# --- hard-wrapped text ----------------------------------------------------------------------

# A text browser (w3m, lynx) or an e-mail breaks paragraphs at a fixed width: a line that fills
# the width and runs on to the next line without a blank is one paragraph, broken.
WRAP_SLACK = 16
MIN_WRAP_WIDTH = 60
MAX_WRAP_WIDTH = 160
MIN_WRAPPED_LINES = 3
MAX_LONGER_SHARE = 0.02  # a text browser sets a long link or table row past the width


def wrap_width(texts: list[str], gaps: list[int]) -> int:
    """Return the width a page was hard-wrapped at, or 0 if it was not.

    It was when paragraphs are set apart by blank lines and many lines run on to the next
    line, filled to nearly the same length.
    """
    runs = [len(texts[i - 1]) for i in range(1, len(texts)) if gaps[i] == 0]
    runs = [n for n in runs if n <= MAX_WRAP_WIDTH]
    if len(runs) < MIN_WRAPPED_LINES or sum(1 for g in gaps if g) < 2:
        return 0
    width = max(runs)
    longer = sum(1 for t in texts if len(t) > width)
    if width < MIN_WRAP_WIDTH or longer > MAX_LONGER_SHARE * len(texts):
        return 0  # lines longer than the width: the page was not wrapped at it
    filled = [
        i
        for i in range(1, len(texts))
        if gaps[i] == 0 and width - WRAP_SLACK <= len(texts[i - 1]) <= width
    ]
    # A broken sentence goes on in small letters on the next line; a headline over its date
    # line, or a share bar, does not.
    going_on = sum(1 for i in filled if texts[i][:1].islower())
    wrapped = len(filled) >= MIN_WRAPPED_LINES and len(filled) >= 0.15 * len(texts)
    return width if wrapped and going_on >= max(2, 0.3 * len(filled)) else 0


def runs_on(previous: str, width: int) -> bool:
    """Tell whether a line of a page wrapped at ``width`` runs on to the next one."""
    return width > 0 and len(previous) >= width - WRAP_SLACK
