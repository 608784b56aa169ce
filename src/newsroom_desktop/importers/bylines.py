"""Bylines: who wrote the article, as pages and pasted text print it; never a label or a date."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from newsroom_desktop.core.text import clean_line, fold
from newsroom_desktop.importers.base import DEFAULT_TZ
from newsroom_desktop.importers.datelines import find_date

MAX_BYLINE_CHARS = 100
MAX_BYLINE_WORDS = 14
MAX_AUTHORS = 6

# "By", "Par", "Von", "Por" and the labels that stand before a name (longest first).
_PREFIX_RE = re.compile(
    r"^(?:(?:(?:written|posted|reported|words|story|text|photos?|publicado|escrito|publié|écrit"
    r"|recueilli|propos recueillis|rédigé|geschrieben|scritto|publicado|escrito) )?(?:by|par|von"
    r"|por|door|da|bởi)\s*:?|af|av|от|(?-i:di)"
    r"|(?:tác giả|authors?|autor/in|autor\(in\)|text|tekst|texto|auteur|autor|autore|autorin"
    r"|autores|reporter|reporting|thực hiện|btv|bài và ảnh|bài, ảnh|bài - ảnh|tin và ảnh|tin, ảnh"
    r"|tin - ảnh|ghi chép|bài|tin|авторы|автор|автори|текст|yazar|penulis|kirjoittaja|skribent)"
    r"\s*[:：]?)(?=\s|$)\s*",
    re.IGNORECASE,
)
_SEPARATOR_RE = re.compile(r"\s*(?:[|•·]|\s[-–—/]\s)\s*")
# "By Name" inside a longer line: where the byline starts (the word capitalised, as printed).
_INNER_BY_RE = re.compile(
    r"(?<=\s)(?:By|Af|Av|Von|Par|Por|Door|Bởi|(?i:propos recueillis par|recueilli par))\s+"
    r"(?=[A-ZÀ-ÝĐ])"
)
_CREDIT_BEFORE_RE = re.compile(
    r"(?:developed|designed|powered|produced|photos?|video|illustration|graphics?)\s*$", re.I
)
# After the names: an outlet ("... The Associated Press") or the word opening a date line.
_OUTLET_AFTER_RE = re.compile(
    r"\s+(?:The\s+[A-Z].*|(?:Posted|Published|Updated|Publicado|Publié|Actualizado"
    r"|Veröffentlicht|Aktualisiert)\b.*)$"
)
_EDITOR_RE = re.compile(
    r"^(?:Редактор|Редактори|Editor|Editors|Edited by|Redakteur|Redakteurin|Rédacteur en chef"
    r"|Redaktor|Editado por|Édité par|Penyunting)\b\s*:?",
    re.IGNORECASE,
)
_EDITOR_AFTER_RE = re.compile(r"^[^:]{3,60}\s(?:Editor|Penyunting|Redaktur)$")
_OUTLET_PREFIX_RE = re.compile(r"^[^\s=]{1,20}=\s*")  # "스포츠조선=선수민 기자"
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HANDLE_RE = re.compile(r"\s*@\w+")
_EMAIL_RE = re.compile(r"\s*[\w.+-]+@[\w-]+\.[\w.]+")
_COUNT_RE = re.compile(
    r"^\d+\s*(?:h|m|min|mins|d|s|hr|hrs|giờ|phút|comments?|bình luận)\b"
    r"|\b(?:ago|hace|il y a|vor)\b",
    re.IGNORECASE,
)
# A job title ends the names before it ("Evan Halper Staff Writer", "X, China Correspondent").
_TITLE_WORDS_RE = re.compile(
    r"\s*[,-]?\s*\b(?:(?:senior|chief|staff|special|political|foreign|china|business|science"
    r"|health|sports?|senior staff) )?(?:staff writer|writer|reporter|correspondent|journalist"
    r"|columnist|contributor|editor|producer|analyst|periodista|redactor|redactora|journaliste"
    r"|rédacteur|rédactrice|korrespondent|korrespondentin|redakteur|redakteurin|giornalista"
    r"|jornalista|repórter|experte|expertin|phóng viên|biên tập viên|cộng tác viên|corresponsal"
    r"|enviad[oa] especial|correspondant|envoyée? spéciale?|penulis|wartawan|kontributor)\b.*$"
    r"|\s*(?:기자|특파원|記者)$",
    re.IGNORECASE,
)
# A newsroom credits itself, not a person: "Redacción EC", "HNN Staff", "Tim Redaksi".
_NEWSROOM_RE = re.compile(
    r"\b(?:redacci[oó]n|redaktion|r[ée]daction|redazione|reda[cç][aã]o|redaksi|newsroom|staff"
    r"|news desk|editorial|editors|team|equipo|équipe|toà soạn|tòa soạn|ban biên tập"
    r"|συντακτικη|συντακτική|редакция|редакція|web desk|desk)\b",
    re.IGNORECASE,
)
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
     "tweet", "menu", "copyright", "rights", "reserved", "loading", "advertisement", "developed",
     "photo", "photos", "foto", "fotos", "ảnh", "фото", "video", "source", "quelle", "fuente",
     "nguồn", "more", "read", "lire", "ver", "mehr", "прочети", "повече", "article", "original",
     "terms", "policy", "accessibility", "promos", "suscripción", "subscription", "suite",
     "leia", "lihat", "baca", "snimka", "снимка", "weitere", "also", "twitter", "facebook",
     "instagram", "linkedin", "whatsapp", "telegram", "youtube", "scanpix", "getty", "images",
     "shutterstock", "文章", "阅读", "总阅读", "閱讀", "nachrichten", "news", "noticias",
     "aktuelles", "actualités", "notizie"}
)  # fmt: skip
# Small words inside names ("Verónica De Vita", "José Volta e Pinto", "Lê Văn và Trần B").
_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "das", "do", "dos", "du", "des", "la", "le", "van", "von",
     "der", "den", "ten", "ter", "y", "e", "i", "et", "und", "and", "và", "bin", "ibn", "al", "el",
     "ben", "af", "zu", "og", "och", "ja", "ve", "dan", "en", "и", "і", "&", "-", "–", ","}
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
    """Return a byline without "By", handles, e-mail addresses, job titles and what trails it."""
    text = clean_line(text)
    if _EDITOR_RE.match(text):
        return ""  # "Редактор: X", "Edited by X": who edited, not who wrote
    inner = _INNER_BY_RE.search(text)
    if inner is not None:
        if _CREDIT_BEFORE_RE.search(text[: inner.start()]):
            return ""  # "Developed by", "Photo by": a credit for something else
        text = text[inner.start() :]  # "Erhverv - 02. januar 2020 Af Ritzau": from "Af" on
    text = _before_furniture(text)
    text = _EMAIL_RE.sub("", _HANDLE_RE.sub("", text))
    text = _OUTLET_PREFIX_RE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX_RE.sub("", text).strip(" :,-–—|•·")
    untitled = _TITLE_WORDS_RE.sub("", text)
    # "HT Correspondent": an outlet's initials and a title are the whole credit, kept whole.
    initials = untitled.strip(" ,-")
    text = text if initials.isupper() and len(initials) <= 3 else untitled
    text = _OUTLET_AFTER_RE.sub("", text)
    half = text[: len(text) // 2].strip()
    if half and text == f"{half} {half}":
        text = half  # "Ryan Devereaux Ryan Devereaux": a name shown twice (link and text)
    text = clean_line(text.strip(" :,-–—|•·()'\"‘’“”"))
    # A closing full stop is punctuation, not part of the name ("Patrick ANGEVIN."), unless
    # it ends an initial or "Jr.".
    if text.endswith(".") and len(text.rsplit(" ", 1)[-1]) > 3:
        text = text[:-1]
    return text


def is_editor_credit(text: str, *, anywhere: bool = False) -> bool:
    """Tell whether a line credits an editor ("Редактор: X", "Edited by X"), not an author.

    With ``anywhere``, a label after the name counts too ("Yoga Sukmana Editor").
    """
    line = clean_line(text)
    if _EDITOR_RE.match(line):
        return True
    return anywhere and bool(_EDITOR_AFTER_RE.search(line)) and len(line) <= MAX_BYLINE_CHARS


def editor_name(text: str) -> str:
    """Return the name in an editor's credit ("Editor : Heryadi" gives Heryadi)."""
    line = clean_line(text)
    line = _EDITOR_RE.sub("", line)
    return re.sub(r"\s(?:Editor|Penyunting|Redaktur)$", "", line).strip(" :")


# The wire agencies a newsroom takes copy from, folded.
WIRE_AGENCIES = frozenset(
    {"afp", "agence france-presse", "ap", "associated press", "the associated press", "reuters",
     "dpa", "efe", "agencia efe", "ansa", "pti", "ians", "ttxvn", "vna", "xinhua", "kyodo",
     "yonhap", "europa press", "apa", "sda", "keystone-sda", "ritzau", "ntb", "tt", "lusa",
     "anadolu", "tass", "ria novosti", "interfax", "ukrinform", "bernama", "antara", "cna",
     "aap", "upi", "bloomberg", "epd", "kna", "belga", "anp", "pap", "ctk", "mti", "hina"}
)  # fmt: skip


def is_wire_agency(name: str) -> bool:
    """Tell whether a name is a wire agency's ("AFP", "dpa", "Agencia EFE")."""
    return fold(clean_line(name)).strip(" .") in WIRE_AGENCIES


def is_bare_agency(shown: str, names: str) -> bool:
    """Tell whether a shown byline is an agency's name alone, with no label ("REUTERS")."""
    agency = (len(names.split()) == 1 and names.isupper()) or bool(_AGENCY_RE.search(names))
    return agency and not labelled(shown)


_AGENCY_RE = re.compile(r"\b(?:Agência|Agencia|Agence|Agenzia|Agentur|Agency)\b", re.IGNORECASE)


def labelled(text: str) -> bool:
    """Tell whether a byline is printed with its label ("By", "Autor:", "Por")."""
    return bool(_PREFIX_RE.match(clean_line(text)) or _INNER_BY_RE.search(clean_line(text)))


def _before_furniture(text: str) -> str:
    """Return the byline up to its first date or count part ("Jane Doe | Updated 3 June")."""
    text = text[:300]
    start, cut = 0, 0
    for separator in [*_SEPARATOR_RE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        part = text[start:end]
        dated = find_date(part, DEFAULT_TZ) is not None or _YEAR_RE.search(part)
        if dated or _COUNT_RE.search(part):
            if cut == 0 and start == 0:
                return _before_date_words(part)
            return text[:cut]
        if separator is not None:
            start, cut = separator.end(), separator.start()
    return text


_DATE_START_RE = re.compile(
    r"\s(?:(?:le|on|am|el|il|den|the|ngày)\s+)?(?:\d|publi|updated|mis à jour|actualizado"
    r"|aktualisiert|cập nhật|veröffentlicht|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|janv|févr|avr|mai|juin|juil|août|sept|déc|ene|abr|ago|dic|enero|febrero|marzo|abril|mayo"
    r"|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril"
    r"|juillet|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober"
    r"|dezember)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)


def _before_date_words(text: str) -> str:
    # "AP 16/05/2020", "Par AFP publié le 26/12/2020": the names end where the date begins.
    found = _DATE_START_RE.search(text)
    return text[: found.start()] if found else ""


def strip_site_parts(text: str, is_site: Callable[[str], bool]) -> str:
    """Return the byline without parts that name an outlet ("Andy Sahadeo | Fox News").

    An outlet first ("hessenschau.de, Frankfurt") makes the whole line the outlet's address,
    and what is left beside an outlet must be a full name, not a place ("Abu Dhabi - Al Bayan").
    """
    text = _without_outlet_after_capitals(text)
    parts = [p for p in _PARTS_RE.split(text) if p]
    outlets = [not _one_of_names(p, i, parts) or is_site(p) for i, p in enumerate(parts)]
    if not any(outlets):
        return text
    if outlets[0]:
        return ""
    kept = [p for p, outlet in zip(parts, outlets, strict=True) if not outlet]
    if any(len(p.split()) < 2 for p in kept):
        return ""
    return ", ".join(kept)


_OUTLET_WORD_RE = re.compile(
    r"\b(?:News|Press|Times|Post|Daily|Media|TV|Radio|Agency|Journal|Herald|Tribune|Online"
    r"|Magazine|Network|Newswire|Wire)\b"
)


def _without_outlet_after_capitals(text: str) -> str:
    """Return "LISA MASCARO and ERIC TUCKER Associated Press" without the outlet after the names.

    Names set in capitals, then an outlet in ordinary case with no separator between them.
    """
    words = text.split()
    last_caps = max((i for i, w in enumerate(words) if len(w) > 1 and w.isupper()), default=-1)
    tail = " ".join(words[last_caps + 1 :])
    if last_caps >= 1 and tail and not tail.isupper() and _OUTLET_WORD_RE.search(tail):
        return " ".join(words[: last_caps + 1])
    return text


_PARTS_RE = re.compile(r"\s*(?:[|,;·•]|\s[-–—/]\s)\s*")


def _one_of_names(part: str, index: int, parts: list[str]) -> bool:
    """Tell whether a part after the first can be a name rather than an outlet or a place."""
    if index == 0:
        return True
    if part.startswith(("The ", "the ")) or _OUTLET_WORD_RE.search(part):
        return False  # "David Cenciotti, The Aviationist", "Yasmine Hassan · CBC News"
    if part.isupper() and len(parts[0].split()) >= 2 and not parts[0].isupper():
        return False  # "Sandee LaMotte, CNN", "David Straub, MDR THÜRINGEN"
    # "حسام أبو العلا - القاهرة", "Vidya Pinandhita - detikHealth": one word after full names.
    return not (len(part.split()) == 1 and index == len(parts) - 1 and len(parts[0].split()) >= 2)


def is_newsroom(text: str) -> bool:
    """Tell whether a byline credits a newsroom or its staff, not a person or an agency."""
    return bool(_NEWSROOM_RE.search(text))


def is_plausible(text: str, *, section: str = "") -> bool:
    """Tell whether a cleaned byline can be names: not a label, date, count, link or section."""
    if not text or len(text) > MAX_BYLINE_CHARS or len(text) < 2:
        return False
    if is_wire_agency(text):
        return True  # "dpa" is written in small letters
    folded = fold(text).strip(" .:")
    if folded in _LABELS or (section and folded == fold(section).strip()):
        return False
    if _COUNT_RE.search(text) or "://" in text or text.startswith(("www.", "/")) or "@" in text:
        return False
    if find_date(text, DEFAULT_TZ) is not None or any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    if len(words) > MAX_BYLINE_WORDS or any(w.strip(".,:").lower() in _LABEL_WORDS for w in words):
        return False
    if text.endswith(("?", "!", ":")) or (len(words) > 4 and text.endswith(".")):
        return False
    if len(text) == 2:
        return text.isupper()  # an agency: "AP"
    if len(words) > 1 and len(words[-1]) == 1 and words[-1].isalpha():
        return False  # "Ilanga D": a name cut short, or a site's name and an initial
    return all(_name_word(w) for w in words)


def _name_word(word: str) -> bool:
    """Tell whether a word can stand in a name: capitalised, a particle, or of a caseless script."""
    bare = word.strip(".,;()'\"‘’“”")
    if not bare or bare.lower() in _PARTICLES:
        return True
    first = next((ch for ch in bare if ch.isalpha()), "")
    return not first or first.isupper() or not first.islower()


def same_people(shown: str, names: str) -> bool:
    """Tell whether a byline as shown names exactly the people of the structured names."""
    rest = " " + re.sub(r"[\W_]+", " ", fold(shown)) + " "
    people = [re.sub(r"[\W_]+", " ", fold(n)).strip() for n in re.split(r",|\band\b|&", names)]
    people = [p for p in people if p]
    for person in people:
        if f" {person} " not in rest:
            return False
        rest = rest.replace(f" {person} ", " ", 1)
    # What is left may be more names ("Elsa Provenzano et Mickaël Bosredon"), never a place or
    # initials ("Reuters, Washington", "LP Luana Patriolino RF Raphael Felice").
    leftover = [w for w in rest.split() if w not in _PARTICLES]
    more_names = len(leftover) >= 2 and all(len(w) >= 3 for w in leftover)
    return bool(people) and (not leftover or (more_names and is_plausible(shown)))
