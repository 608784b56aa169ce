"""Search snippets: the stretch of the article's own text that matched, with the match marked."""

from __future__ import annotations

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.snippets import SNIPPET_CHARS, match_spans, snippet


def _marked(found) -> list[str]:
    return [found.text[s:e] for s, e in found.spans]


def test_a_folded_query_marks_the_words_with_their_diacritics():
    text = "Sáng nay, tại Hà Nội, Thành ủy tổ chức hội nghị."
    assert [text[s:e] for s, e in match_spans(text, "ha noi")] == ["Hà", "Nội"]
    assert [text[s:e] for s, e in match_spans(text, "HÀ NỘI")] == ["Hà", "Nội"]
    # đ folds to d, and the last word counts as the opening of a word while it is typed.
    other = "Đảng ủy Đồng Tháp"
    assert [other[s:e] for s, e in match_spans(other, "dang dong th")] == ["Đảng", "Đồng", "Th"]


def test_only_whole_words_match_except_the_last_one_typed():
    assert match_spans("Người dân Cần Thơ", "da ") == []  # "da" typed with a space: a word
    assert match_spans("Người dân Cần Thơ", "dan") == [(6, 9)]


def test_a_text_with_a_lone_combining_mark_keeps_the_match_in_place():
    text = "Cafe\u0301 ở Hà Nội"  # é as e and a combining acute that folding drops
    (start, end), (start2, end2) = match_spans(text, "ha noi")
    assert (text[start:end], text[start2:end2]) == ("Hà", "Nội")


def test_the_snippet_opens_near_the_match_in_the_first_text_that_has_it():
    body = " ".join(["Trước đó các đại biểu đã thảo luận."] * 20) + " Kết luận tại Hà Nội. Hết."
    found = snippet(["Một phần mở đầu.", body], "ha noi")
    assert found is not None
    assert _marked(found) == ["Hà", "Nội"]
    assert found.text.startswith("…") and len(found.text) <= SNIPPET_CHARS + 2
    assert snippet(["Không có gì."], "ha noi") is None


def test_search_results_get_a_snippet_of_their_lead_body_or_caption(newsroom: Newsroom):
    lead = newsroom.articles.create(
        {"headline": "Hội nghị", "lead": "Sáng 7/9, tại Hà Nội, Đảng ủy tổ chức hội nghị."}
    ).id
    body = newsroom.articles.create(
        {"headline": "Giao thông", "body": "Đoạn đầu.\n\nCầu mới ở Hà Nội thông xe.\n"}
    ).id
    headline_only = newsroom.articles.create({"headline": "Hà Nội mùa thu"}).id
    ids = [r.id for r in newsroom.articles.search("ha noi")]
    assert set(ids) == {lead, body, headline_only}
    found = newsroom.articles.snippets(ids, "ha noi")
    lead_snippet, body_snippet = found[lead], found[body]
    assert lead_snippet is not None and body_snippet is not None
    assert lead_snippet.text == "Sáng 7/9, tại Hà Nội, Đảng ủy tổ chức hội nghị."
    assert _marked(lead_snippet) == ["Hà", "Nội"]
    assert body_snippet.text == "Đoạn đầu. Cầu mới ở Hà Nội thông xe."
    assert found[headline_only] is None


def test_the_snippet_shows_where_the_query_words_meet():
    # "no" typed so far matches "nổi" first; "Hà Nội", where both words meet, is what is shown.
    body = "Các đại biểu thảo luận sôi nổi về nhiều vấn đề. " * 3 + "Đoàn đến Hà Nội làm việc."
    found = snippet([body], "ha no")
    assert found is not None
    assert "Hà Nội làm việc." in found.text
    assert [found.text[s:e] for s, e in found.spans][-2:] == ["Hà", "Nộ"]
