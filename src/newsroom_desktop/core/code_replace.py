"""Code replacement: a roster of short codes that expand to names and titles in captions.

The roster file is Photo Mechanic's: UTF-8 text, one code a line, the code and its
replacements separated by tabs (``code<TAB>replacement[<TAB>more columns]``). Typed between
delimiters, ``=ht=`` gives the first replacement and ``=ht#2=`` the second.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.text import clean_line

DELIMITER = "="
MAX_ROSTER_BYTES = 4 << 20
MAX_CODES = 50_000
MAX_CODE = 100
MAX_COLUMNS = 20
MAX_REPLACEMENT = 2000
_CODE_RE = re.compile(r"[^\s=#]{1,100}(?:#\d{1,2})?")


@dataclass(frozen=True, slots=True)
class Roster:
    """Codes and their replacement columns (at least one each)."""

    codes: Mapping[str, tuple[str, ...]]

    def lookup(self, token: str) -> str | None:
        """Return what ``ht`` or ``ht#2`` stands for; None if the roster has no such code."""
        code, _, column = token.partition("#")
        columns = self.codes.get(code)
        if columns is None:
            return None
        index = int(column) - 1 if column.isdigit() else 0
        return columns[index] if 0 <= index < len(columns) else None


EMPTY = Roster({})


def roster_error(message: str) -> ValidationError:
    return ValidationError(message, code="roster")


def parse_roster(data: bytes, name: str = "the roster") -> Roster:
    """Read a tab-separated roster file; raise a clear error for anything it cannot take."""
    if len(data) > MAX_ROSTER_BYTES:
        raise roster_error(f"{name} is over {MAX_ROSTER_BYTES >> 20} MB; split it.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        raise roster_error(
            f"{name} is not UTF-8 text (line {bad_line}); save it as UTF-8 and import it again."
        ) from exc
    codes: dict[str, tuple[str, ...]] = {}
    for number, row in enumerate(text.splitlines(), 1):
        if not row.strip():
            continue
        code, tab, rest = row.partition("\t")
        code = clean_line(code)
        columns = [clean_line(c) for c in rest.split("\t")] if tab else []
        while columns and not columns[-1]:
            columns.pop()  # spreadsheets pad every row to the widest
        where = f"{name}, line {number}"
        if not tab or not columns:
            raise roster_error(f"{where}: a code, a tab and its replacement are needed.")
        if not _CODE_RE.fullmatch(code) or "#" in code:
            raise roster_error(
                f"{where}: the code {code!r} must be 1 to {MAX_CODE} characters with no space, "
                "“=” or “#”."
            )
        if len(columns) > MAX_COLUMNS or any(len(c) > MAX_REPLACEMENT for c in columns):
            raise roster_error(f"{where}: too many or too long replacements.")
        codes[code] = tuple(columns)  # a code given twice: the later line wins
        if len(codes) > MAX_CODES:
            raise roster_error(f"{name} has more than {MAX_CODES} codes.")
    return Roster(codes)


def roster_bytes(roster: Roster) -> bytes:
    """Return the roster as a tab-separated UTF-8 file, codes in order."""
    lines = ("\t".join((code, *roster.codes[code])) for code in sorted(roster.codes))
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def expand_at(text: str, cursor: int, roster: Roster) -> tuple[int, int, str] | None:
    """Return (start, end, replacement) of a code just closed at ``cursor``; None if none.

    ``text[cursor - 1]`` must be the closing delimiter: ``…=ht=|`` gives the span of ``=ht=``.
    """
    if cursor < 3 or cursor > len(text) or text[cursor - 1] != DELIMITER:
        return None
    start = text.rfind(DELIMITER, max(0, cursor - MAX_CODE - 5), cursor - 1)
    if start < 0:
        return None
    token = text[start + 1 : cursor - 1]
    if not _CODE_RE.fullmatch(token):
        return None
    found = roster.lookup(token)
    return None if found is None else (start, cursor, found)


def expand_all(text: str, roster: Roster) -> str:
    """Return ``text`` with every ``=code=`` of the roster expanded; unknown codes stay."""
    if not roster.codes or DELIMITER not in text:
        return text

    def one(match: re.Match[str]) -> str:
        found = roster.lookup(match.group(1))
        return match.group(0) if found is None else found

    return re.sub(r"=([^\s=#]{1,100}(?:#\d{1,2})?)=", one, text)
