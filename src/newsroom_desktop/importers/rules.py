"""Readable rules that tell what a line of a news page is: furniture, caption, byline, heading."""

from __future__ import annotations

import re

from newsroom_desktop.core.text import clean_line, fold

# --- page furniture -------------------------------------------------------------------------

# Share, print and comment links, as folded text. A line made only of these (and separators,
# counts and icons) is furniture; a line with any other word in it is content and is kept.
FURNITURE_PHRASES = (
    "chia se bai viet", "chia se", "gui bai viet", "gui email", "gui cho ban be", "in bai viet",
    "ban in", "in bai", "luu bai viet", "luu tin", "binh luan", "gui binh luan", "y kien",
    "tin lien quan", "bai lien quan", "tin cung chuyen muc", "xem voi co chu", "co chu",
    "zalo", "google bookmarks", "google", "bookmarks", "facebook", "twitter", "linkedin",
    "whatsapp", "telegram", "email", "thich", "like", "share", "tweet", "print", "comments",
    "comment", "related articles", "related", "share this article", "share this story",
    "print this article", "print this page", "font size", "copy link", "sao chep lien ket",
    "quay lai", "ve dau trang", "len dau trang", "back to top", "read more", "xem them",
    "luot xem", "luot doc", "views", "in", "luu", "a", "a-", "a+", "teilen", "auf", "per mail",
    "messenger", "via e-mail", "e-mail", "mail", "partager", "compartir", "condividi",
)  # fmt: skip
_FURNITURE_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(p) for p in sorted(FURNITURE_PHRASES, key=len, reverse=True))
    + r")(?!\w)"
)
_LEFTOVER_RE = re.compile(r"[\W\d_]+")
RELATED_HEADERS = ("tin lien quan", "bai lien quan", "related", "related articles", "doc them")
MAX_FURNITURE_CHARS = 120


# A phrase at the first letter (phrases start with one), after digits and separators only.
_FURNITURE_OPENING_RE = re.compile(r"[\W\d_]*(?<!\w)(?:" + _FURNITURE_RE.pattern + ")")


def is_furniture(line: str) -> bool:
    """Tell whether a line is share/print/comment links and nothing else."""
    return is_furniture_folded(fold(clean_line(line)))


def is_furniture_folded(folded: str) -> bool:
    """Tell whether a line, already through clean_line and fold, is furniture."""
    if not folded or len(folded) > MAX_FURNITURE_CHARS:
        return False
    # Every letter must lie inside a phrase, and phrases start with a letter: so the first
    # letter starts one. Most lines fail this one cheap test instead of the whole scan.
    if not _FURNITURE_OPENING_RE.match(folded):
        return False
    rest, found = _FURNITURE_RE.subn(" ", folded)
    return found > 0 and not _LEFTOVER_RE.sub("", rest)


def is_related_header(line: str) -> bool:
    """Tell whether a line heads a list of related-article links ("Tin liên quan")."""
    return is_related_header_folded(fold(clean_line(line)))


def is_related_header_folded(folded: str) -> bool:
    """Tell whether a line, already through clean_line and fold, is a related-links header."""
    return folded.rstrip(" :") in RELATED_HEADERS


_VIEW_COUNTER_RE = re.compile(
    r"^\(?(?:(?:lượt xem|lượt đọc|số lần xem|views?|reads|đã xem)\s*:?\s*[\d.,]+\s*(?:lần|lượt)?"
    r"|[\d.,]+\s*(?:lượt xem|lượt đọc|lần xem|views?|reads)|👁\s*[\d.,]+)\)?$",
    re.IGNORECASE,
)


# How a view counter can open: a bracket, a digit, "." or ",", the eye, or the first two
# letters of one of its words in any case (what _VIEW_COUNTER_RE's alternatives start with).
_VIEW_COUNTER_OPENING_RE = re.compile(r"[(\d.,👁]|lư|số|vi|re|đã", re.IGNORECASE)


def may_open_view_counter(line: str) -> bool:
    """Tell whether a line through clean_line opens the way a view counter can (a quick look)."""
    return bool(_VIEW_COUNTER_OPENING_RE.match(line))


def is_view_counter(line: str) -> bool:
    """Tell whether a line is a view counter ("1.234 lượt xem", "Views: 1,234")."""
    return is_view_counter_clean(clean_line(line))


def is_view_counter_clean(line: str) -> bool:
    """Tell whether a line already through clean_line is a view counter."""
    return bool(_VIEW_COUNTER_RE.match(line))


# --- the lead -------------------------------------------------------------------------------

_AGENCY_RE = re.compile(
    r"^(?:\((?P<paren>[^()]{1,40})\)"  # (CT)-  (Dân trí) -  (Chinhphu.vn) –
    r"|(?P<caps>[A-ZĐ][A-ZĐÀ-Ỹ0-9.]{1,15}(?: [A-ZĐ][A-ZĐÀ-Ỹ0-9.]{1,15}){0,3})"  # TTO -  HÀ NỘI -
    r"(?:\s*\([^()]{1,30}\))?"  # HANOI (Reuters) -
    r"|(?P<domain>[A-ZĐ][\wĐđ]{1,20}\.(?:vn|VN|com|net)))"  # VOV.VN -  VTV.vn -
    r"\s*[-–—]\s*"
)


def agency_tag(line: str) -> str:
    """Return the agency tag that opens a lead ("(CT)-", "TTO - "), or "" if there is none."""
    found = _AGENCY_RE.match(line.strip())
    return found.group(0) if found else ""


_SENTENCE_END = '.!?…"”»)'
_SENTENCE_ENDINGS = tuple(_SENTENCE_END)


def is_paragraph_like(line: str) -> bool:
    """Tell whether a line reads as running text: long, or a full sentence, or tagged."""
    line = line.strip()
    if len(line) >= 100:
        return True
    if line.endswith(_SENTENCE_ENDINGS) and len(line.split()) >= 12:
        return True
    return bool(agency_tag(line))


# --- captions and credits -------------------------------------------------------------------

_CREDIT_LABEL = (
    r"(?:Ảnh(?: minh họa| minh hoạ| tư liệu| chụp màn hình)?|Ảnh và clip|Nguồn ảnh|Đồ họa"
    r"|Đồ hoạ|Photo(?: by)?|Photos|Image|Credit|Video)"
)
_CREDIT_RE = re.compile(
    rf"(?:^|(?<=[\s.,;:–—-]))\(?\s*{_CREDIT_LABEL}\s*(?::|-|–|by)\s*"
    r"(?P<credit>[^()\n]{1,80}?)\s*\)?\s*\.?\s*$",
    re.IGNORECASE,
)
# Every credit has a label and a separator (":", "-", "–" or "by") after it; a line with no
# separator is no credit, and is told so without the slow case-blind search. The characters a
# separator starts with are looked for first: one set of characters is a quick search.
_CREDIT_SEPARATOR_RE = re.compile(r"[:\-–]|[bB][yY]")
_SEPARATOR_START_RE = re.compile(r"[:\-–bB]")
_CAPTION_OPENING_RE = re.compile(
    r"^\(?(?:Ảnh(?: minh họa| minh hoạ| tư liệu)?|Photo|Ảnh \d+)\s*[:.)–-]", re.IGNORECASE
)
MAX_CAPTION_CHARS = 300


def split_credit(caption: str) -> tuple[str, str]:
    """Split "… Ảnh: NGỌC HẬU" or "… (Ảnh: TTXVN)" into caption and credit."""
    return split_credit_clean(clean_line(caption))


def split_credit_clean(text: str) -> tuple[str, str]:
    """Split a caption already through clean_line into caption and credit."""
    start = _SEPARATOR_START_RE.search(text)
    if start is None or not _CREDIT_SEPARATOR_RE.search(text, start.start()):
        return text, ""
    found = _CREDIT_RE.search(text)
    if found is None or not found.group("credit").strip(" .-"):
        return text, ""
    rest = text[: found.start()].rstrip(" -–—,;:(")
    return rest, found.group("credit").strip(" ")


def has_photo_credit(line: str) -> bool:
    """Tell whether a line ends with a photo credit."""
    return len(line) <= MAX_CAPTION_CHARS and bool(split_credit(line)[1])


def opens_like_caption(line: str) -> bool:
    """Tell whether a line opens the way captions do ("Ảnh minh họa:", "Ảnh 2:")."""
    if len(line) > MAX_CAPTION_CHARS:
        return False
    opening = line.strip()
    # Only these can open the pattern (case-blind: no other letter folds to these).
    return opening.startswith(("(", "Ả", "ả", "P", "p")) and bool(
        _CAPTION_OPENING_RE.match(opening)
    )


# --- bylines --------------------------------------------------------------------------------

_BYLINE_PREFIX_RE = re.compile(
    r"^(?:Theo|Tin và ảnh|Tin, ảnh|Tin - ảnh|Tin-ảnh|Bài và ảnh|Bài, ảnh|Bài và ảnh|Bài|Tin"
    r"|Nhóm phóng viên|Nhóm PV|Nguồn|By|Reporting by|Written by)\s*:?\s+\S",
    re.IGNORECASE,
)
# A name: two to six capitalised words (Vietnamese names have two to four syllables), with
# "và"/"and" between names and an agency in brackets or after a dash or slash.
_NAME_WORD = r"[A-ZĐÀ-Ỹ][\wĐđÀ-ỹ'’.-]*"
_NAME_RE = re.compile(
    rf"^{_NAME_WORD}(?:(?:\s+|\s*,\s*|\s+(?:và|and|&)\s+){_NAME_WORD}){{1,5}}"
    r"(?:\s*(?:\([^()]{1,30}\)|[-–/]\s*[A-ZĐ][\wĐđ.]{1,20}))?$"
)
_SHORT_BYLINES = frozenset({"pv", "ctv", "nhom pv", "nhom phong vien", "ptv"})
MAX_BYLINE_CHARS = 80


def is_name_like(line: str) -> bool:
    """Tell whether a line is a person's name ("Ngọc Hậu", "PHƯƠNG NAM", "Ngọc Hậu (TTXVN)")."""
    line = clean_line(line)
    return len(line) <= 60 and not any(ch.isdigit() for ch in line) and bool(_NAME_RE.match(line))


def has_byline_prefix(line: str) -> bool:
    """Tell whether a short line opens the way bylines do ("By ...", "Theo ...", "Tin và ảnh:")."""
    line = clean_line(line)
    return (
        len(line) <= MAX_BYLINE_CHARS
        and len(line.split()) <= 12
        and bool(_BYLINE_PREFIX_RE.match(line))
        and not line.endswith(("?", "!", ":", ";", ","))
    )


def is_byline(line: str) -> bool:
    """Tell whether a line alone near the end is the byline ("Ngọc Hậu", "Theo X")."""
    line = clean_line(line)
    if not line or len(line) > MAX_BYLINE_CHARS or line.endswith((":", ";", ",")):
        return False
    if fold(line).strip(" .()") in _SHORT_BYLINES:
        return True
    if _BYLINE_PREFIX_RE.match(line):
        return len(line.split()) <= 12 and not line.endswith(("?", "!"))
    return is_name_like(line.rstrip("."))


# --- headings, sections, breadcrumbs and tags -----------------------------------------------

_HEADING_END_FORBIDDEN = (".", ",", ";", ":", "…", "-", "–")
MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 20
_NUMBERING_RE = re.compile(r"^(?:(?:\d+|[IVXLC]+)[.)]\s+)?[\"“'‘(«\[]*")


def is_heading_shape(line: str) -> bool:
    """Tell whether a line looks like a sub-heading: short, capitalised, no closing stop."""
    return is_heading_shape_clean(clean_line(line))


def is_heading_shape_clean(line: str) -> bool:
    """Tell whether a line already through clean_line looks like a sub-heading."""
    if not line or line.endswith(_HEADING_END_FORBIDDEN) or len(line) > MAX_HEADING_CHARS:
        return False
    if len(line.split()) > MAX_HEADING_WORDS:
        return False
    numbering = _NUMBERING_RE.match(line)
    start = numbering.end() if numbering else 0
    return line[start : start + 1].isupper() or line[:1].isdigit()


def is_all_caps(line: str) -> bool:
    """Tell whether every letter of a line is a capital (section lines often are)."""
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


_CRUMB_SPLIT_RE = re.compile(r"\s*[>»›/|]\s*")
_HOME = frozenset({"trang chu", "home", "trang nha", "tin tuc"})


def breadcrumb_section(line: str) -> str:
    """Return the last crumb of "Trang chủ > Thời sự > Chính trị", or "" if not a breadcrumb."""
    parts = [p for p in _CRUMB_SPLIT_RE.split(clean_line(line)) if p]
    if len(parts) < 2 or fold(parts[0]) not in _HOME or len(line) > 120:
        return ""
    return parts[-1]


_TAGS_RE = re.compile(r"^(?:Tags?|Từ khóa|Từ khoá|Chủ đề|Keywords|Topics?)\s*:\s*(?P<tags>.+)$",
                      re.IGNORECASE)  # fmt: skip
_HASHTAG_LINE_RE = re.compile(r"^(?:#[\wĐđ-]+\s*)+$")


def tags_of(line: str) -> tuple[str, ...]:
    """Return the tags of a "Tags: a, b" or "#a #b" line; () if the line is not one."""
    line = clean_line(line)
    found = _TAGS_RE.match(line)
    if found:
        parts = re.split(r"\s*[,;|#]\s*", found.group("tags"))
    elif _HASHTAG_LINE_RE.match(line):
        parts = line.split("#")
    else:
        return ()
    return tuple(p.strip(" .") for p in parts if p.strip(" ."))


# --- language -------------------------------------------------------------------------------

_VI_LETTER_RE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_VI_WORDS = frozenset({"và", "của", "các", "những", "được", "trong", "không", "người", "cho"})


def guess_language(text: str) -> str:
    """Return "vi" if the text reads as Vietnamese, else "en"."""
    sample = text[:8000].lower()
    letters = len(_LETTER_RE.findall(sample))
    if not letters:
        return "vi"
    marked = len(_VI_LETTER_RE.findall(sample))
    common = sum(1 for word in sample.split() if word in _VI_WORDS)
    return "vi" if marked / letters > 0.03 or common >= 3 else "en"
