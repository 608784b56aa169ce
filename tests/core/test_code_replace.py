"""The code replacement roster: Photo Mechanic's tab-separated file, expansion, bounds."""

from __future__ import annotations

import pytest

from newsroom_desktop.core.code_replace import (
    MAX_ROSTER_BYTES,
    expand_all,
    expand_at,
    parse_roster,
    roster_bytes,
)
from newsroom_desktop.core.errors import ValidationError

HT = "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an"
ROSTER_FILE = (
    "\ufeffht\tTrung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an\r\n"
    "nvh\tNguyễn Văn Hùng\tBộ trưởng Bộ Văn hóa, Thể thao và Du lịch\t\t\r\n"
    "\r\n"
    "CC2\tAaron Barnum\r\n"
).encode()


def test_a_photo_mechanic_roster_is_read_with_its_columns():
    roster = parse_roster(ROSTER_FILE)
    assert roster.codes["ht"] == (HT,)
    # Spreadsheet padding (empty trailing columns) is dropped; more columns are kept.
    assert roster.codes["nvh"] == (
        "Nguyễn Văn Hùng",
        "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch",
    )
    assert roster.lookup("nvh#2") == "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"
    assert roster.lookup("nvh#3") is None
    assert roster.lookup("cc2") is None  # codes are case-sensitive, as in Photo Mechanic


def test_export_gives_back_a_file_that_reads_the_same():
    roster = parse_roster(ROSTER_FILE)
    again = parse_roster(roster_bytes(roster))
    assert again == roster
    assert roster_bytes(roster).decode().splitlines()[1] == f"ht\t{HT}"


def test_nfd_text_is_stored_nfc():
    import unicodedata

    nfd = unicodedata.normalize("NFD", f"ht\t{HT}\n").encode()
    assert parse_roster(nfd).codes["ht"] == (HT,)


def test_typing_the_closing_delimiter_expands_the_code():
    roster = parse_roster(ROSTER_FILE)
    text = "Đồng chí =ht= phát biểu"
    assert expand_at(text, len("Đồng chí =ht="), roster) == (9, 13, HT)
    assert expand_at(text, len("Đồng chí =ht"), roster) is None  # not closed yet
    assert expand_at("=xyz=", 5, roster) is None  # not in the roster: left as typed
    assert expand_at("a = b =", 7, roster) is None  # a space is no code
    assert expand_at("=nvh#2=", 7, roster) == (0, 7, "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch")


def test_expand_all_replaces_known_codes_and_keeps_the_rest():
    roster = parse_roster(ROSTER_FILE)
    assert expand_all("=ht= và =nvh= tại =hn=; 2 = 2", roster) == (
        f"{HT} và Nguyễn Văn Hùng tại =hn=; 2 = 2"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"ht\xff\tx\n", "not UTF-8 text (line 1)"),
        ("ok\tfine\nht Trần\n".encode(), "line 2: a code, a tab and its replacement"),
        (b"ht\t\t\n", "line 1: a code, a tab and its replacement"),
        ("a b\tTrần\n".encode(), "the code 'a b' must be"),
        ("a=b\tTrần\n".encode(), "the code 'a=b' must be"),
        (b"x" * (MAX_ROSTER_BYTES + 1), "is over 4 MB"),
    ],
)
def test_a_bad_roster_gets_a_clear_error(data: bytes, message: str):
    with pytest.raises(ValidationError) as refused:
        parse_roster(data, "roster.txt")
    assert message in refused.value.message
    assert refused.value.code == "roster"
