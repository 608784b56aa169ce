"""Spell check with Debian's hunspell dictionaries, tone-mark placement and the house style."""

from __future__ import annotations

import pytest

from newsroom_desktop.core.errors import NewsroomError, ValidationError, WorkflowError
from newsroom_desktop.core.proofing import speller as speller_module
from newsroom_desktop.core.proofing.house import HouseStyle
from newsroom_desktop.core.proofing.proofer import Proofer
from newsroom_desktop.core.proofing.speller import load_speller
from newsroom_desktop.core.proofing.style import style_findings
from newsroom_desktop.core.proofing.tones import syllable_in_style, syllable_style, text_in_style
from newsroom_desktop.core.proofing.words import word_spans
from tests.conftest import EDITOR, REPORTER


def rules(findings) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule, f.text, f.suggestions) for f in findings]


@pytest.mark.parametrize(
    ("old", "new"),
    [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Hóa", "Hoá"), ("ủy", "uỷ")],
)
def test_tone_marks_move_between_the_two_placements(old, new):
    assert (syllable_style(old), syllable_style(new)) == ("old", "new")
    assert syllable_in_style(old, "new") == new
    assert syllable_in_style(new, "old") == old


@pytest.mark.parametrize("word", ["hoàng", "thuyền", "quý", "của", "ngoài", "hoa"])
def test_syllables_both_styles_write_alike_are_left_alone(word):
    assert syllable_style(word) is None
    assert syllable_in_style(word, "old") == syllable_in_style(word, "new") == word


def test_a_text_changes_style_word_by_word():
    assert (
        text_in_style("Hòa bình, sức khỏe và thủy lợi.", "new") == "Hoà bình, sức khoẻ và thuỷ lợi."
    )


def test_link_targets_code_and_addresses_are_not_words():
    text = "Xem [bài](https://x.vn/qwzx) tại www.qwzx.vn, `qwzx` <b>đậm</b> ban@qwzx.vn"
    assert [w for _, _, w in word_spans(text)] == ["Xem", "bài", "tại", "đậm"]


def test_the_vietnamese_dictionary_flags_misspellings_and_accepts_both_placements():
    proofer = Proofer(load_speller("vi"), HouseStyle())
    text = "Hòa bình và hoà bình, sức khỏe và sức khoẻ; muôns người ở Huế."
    found = proofer.spelling(text)
    assert [(f.text, text[f.start : f.end]) for f in found] == [("muôns", "muôns"), ("Huế", "Huế")]
    assert "muôn" in proofer.suggest("muôns")


def test_the_house_placement_flags_the_other_one_with_its_fix():
    proofer = Proofer(load_speller("vi"), HouseStyle(tone_style="old"))
    found = proofer.check("Hoà bình và sức khỏe.")
    assert rules(found) == [("tone_marks", "Hoà", ("Hòa",))]
    proofer = Proofer(load_speller("vi"), HouseStyle(tone_style="new"))
    assert rules(proofer.check("Hoà bình và sức khỏe.")) == [("tone_marks", "khỏe", ("khoẻ",))]
    switched_off = HouseStyle(tone_style="new", off=frozenset({"tone_marks"}))
    assert Proofer(load_speller("vi"), switched_off).check("sức khỏe") == []


def test_newsroom_words_and_ignored_words_pass():
    proofer = Proofer(load_speller("vi"), HouseStyle(), ["Cần Thơ", "Huế"])
    assert proofer.spelling("Về Huế, qua Cần Thơ; HUẾ.") == []
    assert [f.text for f in proofer.spelling("Ở Pleiku.")] == ["Pleiku"]
    proofer.ignore("pleiku")
    assert proofer.spelling("Ở Pleiku.") == []


def test_english_articles_use_the_english_dictionary():
    proofer = Proofer(load_speller("en"), HouseStyle())
    assert [f.text for f in proofer.spelling("We recieve the news, don't we?")] == ["recieve"]
    assert proofer.suggest("recieve")[0] == "receive"


def test_a_missing_dictionary_says_so_and_flags_nothing(monkeypatch):
    monkeypatch.setitem(speller_module.DICTIONARY_TAGS, "vi", "zz_ZZ")
    speller = load_speller("vi")
    assert not speller.available
    assert "hunspell-vi" in speller.missing and "spell check is off" in speller.missing
    assert Proofer(speller, HouseStyle()).spelling("muôns qwzx") == []


def test_each_house_rule_finds_its_case_and_offers_the_fix():
    text = (
        'Đoàn  đến , gặp của của bà con. Ông nói "xin chào" tại TP HCM ngày 7-9, '
        "với 1,000,000 đồng và 25000 người."
    )
    found = style_findings(text, "body", HouseStyle(), "vi")
    assert rules(found) == [
        ("double_space", "  ", (" ",)),
        ("space_before_punctuation", " ,", (",",)),
        ("repeated_word", "của của", ("của",)),
        ("straight_quotes", '"xin chào"', ("“xin chào”",)),
        ("city_name", "TP HCM", ("TP.HCM",)),
        ("date_shape", "ngày 7-9", ("ngày 7/9",)),
        ("thousands", "1,000,000", ("1.000.000",)),
        ("thousands", "25000", ("25.000",)),
    ]
    for finding in found:
        assert text[finding.start : finding.end] == finding.text


def test_house_choices_change_what_is_flagged():
    house = HouseStyle(city_form="TP. Hồ Chí Minh", date_separator="-", quotes="straight")
    text = 'Tại TP.HCM ngày 7/9 và ngày 8-9, "trích".'
    assert rules(style_findings(text, "body", house, "vi")) == [
        ("city_name", "TP.HCM", ("TP. Hồ Chí Minh",)),
        ("date_shape", "ngày 7/9", ("ngày 7-9",)),
    ]
    assert rules(style_findings("We paid 1.000.000 dollars.", "body", house, "en")) == [
        ("thousands", "1.000.000", ("1,000,000",))
    ]
    # Years, one Vietnamese decimal group and phone numbers are no thousands.
    assert style_findings("Năm 2021, 1,500 tấn, gọi 0912345678.", "body", house, "vi") == []


def test_headline_and_lead_rules_and_switching_rules_off():
    house = HouseStyle(lead_max_chars=20)
    [caps] = style_findings("ĐOÀN CÔNG TÁC ĐẾN HUẾ", "headline", house, "vi")
    assert caps.rule == "caps_headline" and caps.suggestions == ("Đoàn công tác đến huế",)
    [lead] = style_findings("Một hai ba bốn năm sáu bảy tám.", "lead", house, "vi")
    assert lead.rule == "long_lead" and lead.start == 20
    off = HouseStyle(off=frozenset({"caps_headline", "double_space"}))
    assert style_findings("ĐOÀN CÔNG  TÁC ĐẾN HUẾ", "headline", off, "vi") == []


def test_house_style_choices_are_checked():
    with pytest.raises(ValidationError):
        HouseStyle().updated(city_form="Sài Gòn")
    with pytest.raises(ValidationError):
        HouseStyle().updated(off=frozenset({"no_such_rule"}))


@pytest.mark.backends("sqlite", "postgresql")
def test_the_newsroom_dictionary_and_house_style_live_in_the_store(newsroom):
    newsroom.act_as(REPORTER)
    assert newsroom.proofing.add_word(" Huế ") == "Huế"
    newsroom.proofing.add_word("Cần Thơ")
    newsroom.proofing.add_word("Huế")
    assert newsroom.proofing.words() == ["Cần Thơ", "Huế"]
    with pytest.raises(ValidationError):
        newsroom.proofing.add_word("1234")
    with pytest.raises(WorkflowError):
        newsroom.proofing.set_house(HouseStyle(tone_style="old"))
    newsroom.act_as(EDITOR)
    newsroom.proofing.set_house(HouseStyle(tone_style="old", off=frozenset({"thousands"})))
    assert newsroom.proofing.house() == HouseStyle(tone_style="old", off=frozenset({"thousands"}))
    doc = newsroom.articles.create(
        {
            "headline": "Về Huế",
            "lead": "Sức khoẻ tốt.",
            "body": "Đến Cần Thơ với 25000 người muôns.",
        }
    )
    proof = newsroom.proofing.proof(doc.id[:8])
    assert [(f.field, f.rule, f.text) for f in proof.findings] == [
        ("lead", "tone_marks", "khoẻ"),
        ("body", "spelling", "muôns"),
    ]
    assert newsroom.proofing.remove_word("Huế")
    assert "Huế" not in newsroom.proofing.words()


def test_a_word_another_desk_adds_or_removes_counts_from_the_next_proofer(store_path):
    from newsroom_desktop.core.newsroom import Newsroom

    here = Newsroom.open(store_path, actor=REPORTER)
    there = Newsroom.open(store_path, actor=REPORTER)
    try:
        here.proofing.add_word("Kbang")
        text = "Từ Kbang về Pleiku."
        assert [f.text for f in here.proofing.proofer("vi").spelling(text)] == ["Pleiku"]
        there.proofing.add_word("Pleiku")
        assert here.proofing.proofer("vi").spelling(text) == []
        there.proofing.remove_word("Kbang")
        assert [f.text for f in here.proofing.proofer("vi").spelling(text)] == ["Kbang"]
    finally:
        here.close()
        there.close()


def test_newsroom_words_and_the_house_style_travel_with_sync(tmp_path, server_person, pg_database):
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.settings import Settings

    urls = {name: server_person(name, role) for name, role in
            (("Ngọc Hậu", "reporter"), ("Phương Nam", "editor"))}  # fmt: skip
    hau = Newsroom.open(tmp_path / "hau.sqlite", settings=Settings())
    hau.sync.join(urls["Ngọc Hậu"])
    nam = Newsroom.open(tmp_path / "nam.sqlite", settings=Settings())
    nam.sync.join(urls["Phương Nam"])
    server = Newsroom.open(urls["Phương Nam"], settings=Settings())
    try:
        hau.proofing.add_word("Huế")  # offline, on the reporter's laptop
        server.proofing.add_word("Cần Thơ")
        server.proofing.set_house(HouseStyle(tone_style="new", city_form="TP HCM"))
        hau.sync.sync(server_url=urls["Ngọc Hậu"])
        assert hau.proofing.words() == ["Cần Thơ", "Huế"]
        assert hau.proofing.house() == HouseStyle(tone_style="new", city_form="TP HCM")
        nam.sync.sync(server_url=urls["Phương Nam"])
        assert nam.proofing.words() == ["Cần Thơ", "Huế"]
        assert server.proofing.words() == ["Cần Thơ", "Huế"]
        doc = nam.articles.create({"headline": "Về Huế", "body": "Sức khỏe ở TP.HCM."})
        found = [(f.rule, f.text) for f in nam.proofing.proof(doc.id).findings]
        assert found == [("tone_marks", "khỏe"), ("city_name", "TP.HCM")]
        # A word taken out on the server goes from the desks; one taken out offline goes from
        # the server; neither comes back from a desk that still had it.
        server.proofing.remove_word("Cần Thơ")
        hau.proofing.remove_word("Huế")
        hau.sync.sync(server_url=urls["Ngọc Hậu"])
        assert hau.proofing.words() == []
        assert server.proofing.words() == []
        nam.proofing.add_word("Pleiku")
        nam.sync.sync(server_url=urls["Phương Nam"])
        assert nam.proofing.words() == ["Pleiku"]
        hau.sync.sync(server_url=urls["Ngọc Hậu"])
        assert hau.proofing.words() == server.proofing.words() == ["Pleiku"]
    finally:
        for newsroom in (hau, nam, server):
            newsroom.close()


def test_on_the_server_only_editors_change_the_house_style_whatever_the_client(
    server_person, pg_database
):
    from sqlalchemy import text

    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.core.settings import Settings

    reporter = Newsroom.open(server_person("Ngọc Hậu", "reporter"), settings=Settings())
    try:
        reporter.proofing.add_word("Huế")  # every person adds words
        assert reporter.proofing.words() == ["Huế"]
        # Behind the app's back: the server itself refuses.
        with pytest.raises(NewsroomError, match="row-level security"), reporter.store.write() as s:
            s.execute(text("INSERT INTO house_settings VALUES ('tone_style', 'old', now())"))
    finally:
        reporter.close()


def test_text_typed_in_nfd_is_checked_as_nfc_with_its_own_offsets():
    import unicodedata

    proofer = Proofer(load_speller("vi"), HouseStyle(tone_style="new"))
    text = unicodedata.normalize("NFD", "Sức khỏe ở TP HCM, tôi muôns đi.")
    found = proofer.check(text)
    assert [(f.rule, unicodedata.normalize("NFC", f.text)) for f in found] == [
        ("tone_marks", "khỏe"),
        ("city_name", "TP HCM"),
        ("spelling", "muôns"),
    ]
    for finding in found:
        assert text[finding.start : finding.end] == finding.text
