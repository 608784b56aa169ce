"""Vietnamese text: NFC, folding, syllable counts, slugs."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsroom_desktop.core.text import (
    _WORD_RE,
    char_count,
    clean,
    clean_line,
    fold,
    has_control,
    nfc,
    normalise_body,
    slugify,
    word_count,
)


def test_nfd_input_is_stored_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Tăng cường sự lãnh đạo của Đảng")
    assert decomposed != "Tăng cường sự lãnh đạo của Đảng"
    assert nfc(decomposed) == "Tăng cường sự lãnh đạo của Đảng"
    assert clean_line(decomposed) == "Tăng cường sự lãnh đạo của Đảng"


def test_fold_strips_diacritics_and_maps_d_stroke():
    assert fold("Đảng") == "dang"
    assert fold("ĐẢNG ỦY TRỰC THUỘC THÀNH ỦY") == "dang uy truc thuoc thanh uy"
    assert fold("Công an Nhân dân") == "cong an nhan dan"
    assert fold(unicodedata.normalize("NFD", "đường Cần Thơ")) == "duong can tho"


def test_word_count_counts_each_syllable():
    assert word_count("Tăng cường sự lãnh đạo của Đảng") == 7
    # A hyphenated compound is still one word per syllable; dates and times stay whole.
    assert word_count("phát triển kinh tế-xã hội") == 6
    assert word_count("Sáng 07/9, lúc 06:59 ngày 07/09/2021") == 6
    assert word_count("") == 0
    assert word_count("  …  — ") == 0


def test_char_count_counts_nfc_characters():
    assert char_count(unicodedata.normalize("NFD", "Đảng")) == 4


def test_slug_is_ascii_and_readable():
    assert slugify("Tăng cường sự lãnh đạo của Đảng đối với lực lượng Công an Nhân dân") == (
        "tang-cuong-su-lanh-dao-cua-dang-doi-voi-luc-luong-cong-an-nhan-dan"
    )
    assert slugify("<script>alert(1)</script> & “Hà Nội”") == "script-alert-1-script-ha-noi"
    assert slugify("!!!") == "bai-viet"
    long = slugify("từ " * 100)
    assert len(long) <= 80
    assert not long.endswith("-")


def test_clean_removes_control_characters_and_unifies_line_ends():
    assert clean("a\r\nb\rc\x00d\x1b") == "a\nb\ncd"


@given(st.text())
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    once = fold(text)
    assert fold(once) == once


@given(
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ĐƯƠ"  # noqa: E501
    )
)
def test_fold_of_vietnamese_letters_is_plain_ascii(text):
    assert fold(text).isascii()


def test_a_long_text_counts_as_its_lines_do():
    """Long texts are counted a stretch at a time: a stretch never cuts a word in two."""
    # Each line starts and ends with a word of one letter: a stretch that began or ended one
    # character off would lose a word at every cut.
    lines = [
        "Ở Cần Thơ, sáng 07/09/2021, cầu dài 1.500 m thông xe ở",
        "Ô " + "kinh tế-xã hội " * 40 + "à",
        "Đ",
    ]
    long = "\n".join(lines * 3000)  # far past one stretch, cut at lines of every kind
    assert word_count(long) == 3000 * sum(word_count(line) for line in lines)


WORD_PARTS = st.sampled_from(
    ["a", "Z", "9", "_", "ư", "Đ", "ệ", "²", "٣", "ǅ", " ", "\n", "\t", "\xa0", ".", ",", ":",
     "/", "'", "’", "-", "…", "“", "\u0301", "\u200b", "1.000", "07/09/2021", "kinh tế-xã"]
)  # fmt: skip


@given(st.lists(WORD_PARTS, max_size=30).map("".join))
def test_the_quick_word_count_counts_as_the_word_pattern_does(text):
    assert word_count(text) == len(_WORD_RE.findall(nfc(text)))


def test_every_character_counts_as_the_word_pattern_says():
    for code in range(0x110000):
        text = f"a{chr(code)}1 1.{chr(code)} {chr(code)}"
        assert word_count(text) == len(_WORD_RE.findall(nfc(text))), hex(code)


BODY_PARTS = st.sampled_from(
    ["a", "Đ", " ", "\t", "\xa0", "\u2028", "\x0c", "\x85", "\n", "\r", "\r\n", "\n\n", "\x00",
     "e\u0301", "\u0301", "\u1100", "\u1161"]
)  # fmt: skip


def old_normalise_body(markdown: str) -> str:
    lines = [line.rstrip() for line in clean(markdown).split("\n")]
    body = "\n".join(lines).strip("\n")
    return f"{body}\n" if body else ""


@given(st.lists(BODY_PARTS, max_size=20).map("".join))
def test_normalise_body_is_what_it_was_and_keeps_a_stored_body(markdown):
    stored = normalise_body(markdown)
    assert stored == old_normalise_body(markdown)
    if not has_control(markdown):
        assert normalise_body(stored) == stored
