"""Search: folded, ranked, prefix-matching, immune to FTS5 syntax, in step with every save."""

from __future__ import annotations

import pytest

from newsroom_desktop.core.documents import ListQuery
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.search import match_expression

pytestmark = pytest.mark.backends("sqlite", "postgresql")


@pytest.fixture
def filled(newsroom: Newsroom) -> dict[str, str]:
    ids = {}
    ids["dang"] = newsroom.articles.create(
        {
            "headline": "Tăng cường sự lãnh đạo của Đảng",
            "body": "Công an Nhân dân.",
            "section": "Chính trị",
        }
    ).id
    ids["dan"] = newsroom.articles.create(
        {"headline": "Đàn cá ở sông Hậu", "body": "Người dân Cần Thơ.", "byline": "Phương Nam"}
    ).id
    ids["bong"] = newsroom.articles.create(
        {"headline": "Bóng đá", "lead": "Trận đấu", "tags": ["Thể thao"], "section": "Thể thao"}
    ).id
    return ids


def _ids(results) -> list[str]:
    return [r.id for r in results]


def test_with_or_without_diacritics(newsroom: Newsroom, filled):
    assert _ids(newsroom.articles.search("dang")) == [filled["dang"]]
    assert _ids(newsroom.articles.search("Đảng")) == [filled["dang"]]
    assert _ids(newsroom.articles.search("ĐẢNG")) == [filled["dang"]]
    assert _ids(newsroom.articles.search("cong an")) == [filled["dang"]]
    assert _ids(newsroom.articles.search("Công an")) == [filled["dang"]]


def test_last_word_matches_as_prefix_while_typing(newsroom: Newsroom, filled):
    assert set(_ids(newsroom.articles.search("can th"))) == {filled["dan"]}
    assert set(_ids(newsroom.articles.search("da"))) == {
        filled["dang"],
        filled["dan"],
        filled["bong"],
    }
    assert _ids(newsroom.articles.search("tang cuon")) == [filled["dang"]]
    # After a space the word is finished: "cuon " no longer matches "cường".
    assert newsroom.articles.search("tang cuon ") == []


def test_headline_ranks_above_body(newsroom: Newsroom):
    body_only = newsroom.articles.create(
        {"headline": "Tin khác", "body": "Có nhắc Cần Thơ một lần."}
    ).id
    in_headline = newsroom.articles.create({"headline": "Cần Thơ đón khách", "body": "Không."}).id
    assert _ids(newsroom.articles.search("can tho")) == [in_headline, body_only]


@pytest.mark.backends("sqlite")  # a server ranks its own way (search_pg)
def test_the_field_holding_every_word_ranks_a_hit_newest_first_among_equals(
    newsroom: Newsroom,
):
    def create(**fields: object) -> str:
        return newsroom.articles.create({"headline": "Tin", **fields}).id

    in_body = create(body="Cảng Cái Mép mở rộng.")
    in_lead = create(lead="Cảng Cái Mép đón tàu.")
    older_tag, newer_tag = create(tags=["Cái Mép"]), create(tags=["Cái Mép"])
    split = create(lead="Cái Răng.", body="Khu Mép.")  # each word, no field with both
    in_body_newer = create(body="Tin về Cái Mép.")
    found = _ids(newsroom.articles.search("cai mep"))
    # lead (5) > tags (4) > body (1) > a hit whose words are in different fields (0).
    assert found[:3] == [in_lead, newer_tag, older_tag]
    assert found[3:] == [in_body_newer, in_body, split]


def test_byline_captions_and_tags_are_searched(newsroom: Newsroom, filled):
    assert _ids(newsroom.articles.search("phuong nam")) == [filled["dan"]]
    assert _ids(newsroom.articles.search("the thao")) == [filled["bong"]]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"dang',
        "dang*",
        "-dang",
        "(dang",
        "dang)",
        "NEAR(dang cong)",
        "dang OR",
        "AND",
        "^dang",
        ":",
        "a:b",
        "*",
        "'",
        "{x}",
        "dang + -",
        "dang & cong",
        "dang | cong",
        "!dang",
        "dang:*",
        "dang:A",
        "(dang | cong) & !an",
        "dang <-> cong",
        "\\",
        "dang\\",
        "'dang'",
        "''",
        "dang' | 'x",
    ],
)
def test_fts_syntax_in_a_query_is_text_never_an_error(newsroom: Newsroom, filled, query):
    newsroom.articles.search(query)


@pytest.mark.parametrize(
    "query",
    ["dang & cong", "!dang", "(dang | cong)", "dang:*", "'dang'", "dang\\", '"dang" "cong"'],
)
def test_syntax_characters_are_read_as_the_words_between_them(newsroom: Newsroom, filled, query):
    assert _ids(newsroom.articles.search(query)) == [filled["dang"]]


def test_words_joined_by_punctuation_are_found_one_by_one(newsroom: Newsroom):
    doc = newsroom.articles.create(
        {"headline": "Họp ngày 07/09/2021", "body": "Giá 1.000 đồng; ca covid-19; gửi tin@bao.vn."}
    ).id
    for words in ("2021", "07 09", "1 000", "covid 19", "19", "bao vn", "tin"):
        assert _ids(newsroom.articles.search(words)) == [doc], words


def test_query_without_words_finds_nothing(newsroom: Newsroom, filled):
    assert newsroom.articles.search("  ...  ") == []
    assert match_expression("!!!") is None


def test_index_follows_every_save(newsroom: Newsroom, filled):
    newsroom.articles.save(filled["bong"], {"headline": "Bóng chuyền"})
    assert newsroom.articles.search("bong da ") == []
    assert _ids(newsroom.articles.search("bong chuyen")) == [filled["bong"]]


def test_search_respects_list_filters(newsroom: Newsroom, filled):
    q = ListQuery(section="Thể thao")
    assert _ids(newsroom.articles.search("da", query=q)) == [filled["bong"]]
    assert _ids(newsroom.articles.list(ListQuery(text="dang"))) == [filled["dang"]]


def test_ranking_looks_at_the_newest_matches_when_a_word_is_everywhere(
    newsroom: Newsroom, monkeypatch
):
    monkeypatch.setattr("newsroom_desktop.core.search.RANK_WINDOW", 3)
    old_but_best = newsroom.articles.create({"headline": "Cần Thơ Cần Thơ Cần Thơ"}).id
    newer = [
        newsroom.articles.create({"headline": f"Tin {i}", "body": "Ở Cần Thơ."}).id
        for i in range(3)
    ]
    found = _ids(newsroom.articles.search("can tho"))
    # Only the three newest matches are ranked; the old one falls outside the window.
    assert sorted(found) == sorted(newer)
    monkeypatch.setattr("newsroom_desktop.core.search.RANK_WINDOW", 1000)
    assert _ids(newsroom.articles.search("can tho"))[0] == old_but_best


def test_a_single_letter_is_a_word_not_a_prefix(newsroom: Newsroom):
    a = newsroom.articles.create({"headline": "Vitamin A cho trẻ"}).id
    newsroom.articles.create({"headline": "Anh về quê"})
    assert _ids(newsroom.articles.search("vitamin a")) == [a]
    assert match_expression("a") == '"a"'
    assert match_expression("an") == '"an"*'


def test_pages_of_results_follow_on_without_gaps_or_repeats(newsroom: Newsroom):
    for i in range(5):
        newsroom.articles.create({"headline": "Cần Thơ " * (i + 1), "body": f"Tin số {i}."})
    everything = _ids(newsroom.articles.search("can tho"))
    pages = [_ids(newsroom.articles.search("can tho", offset=n, limit=2)) for n in (0, 2, 4)]
    assert [i for page in pages for i in page] == everything
    assert len(everything) == 5


def test_a_trashed_article_is_found_only_in_the_trash(newsroom: Newsroom):
    kept = newsroom.articles.create({"headline": "Lũ ở miền Trung"}).id
    trashed = newsroom.articles.create({"headline": "Lũ ở miền Trung, tin cũ"}).id
    newsroom.articles.trash(trashed)
    assert _ids(newsroom.articles.search("lu mien trung")) == [kept]
    in_trash = newsroom.articles.search("lu mien trung", query=ListQuery(trashed=True))
    assert _ids(in_trash) == [trashed]
