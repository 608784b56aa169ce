"""Length targets: under, near and over for article words, headline and lead characters."""

from __future__ import annotations

import pytest

from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.targets import article_lengths, article_words, length_status, measure


@pytest.mark.parametrize(
    ("value", "target", "status"),
    [
        (500, None, "none"),
        (500, 0, "none"),
        (0, 600, "under"),
        (539, 600, "under"),
        (540, 600, "near"),
        (600, 600, "near"),
        (660, 600, "near"),
        (661, 600, "over"),
        (1200, 600, "over"),
    ],
)
def test_length_status(value: int, target: int | None, status: str):
    assert length_status(value, target) == status


def test_a_stored_article_measures_against_its_targets(newsroom: Newsroom):
    headline = "Tăng cường sự lãnh đạo của Đảng"  # 31 characters
    doc = newsroom.articles.create(
        {
            "headline": headline,
            "lead": "Sáng 07/9, Hội thảo trực tuyến.",
            "body": "Đoạn một có năm chữ.\n\n![Ảnh](photo:0b8f7e0c-2f8e-4a53-9f55-1f1f7c9a9a01)",
            "target_words": 100,
            "target_headline_chars": 30,
            "target_lead_chars": 60,
        }
    )
    report = article_lengths(doc)
    assert (report.words.value, report.words.status) == (doc.word_count, "under")
    assert report.words.value == 6 + 5  # lead and body syllables; the photo is no word
    assert (report.headline.value, report.headline.status) == (31, "near")
    assert report.lead.status == "under"
    assert report.headline.ratio == pytest.approx(31 / 30)
    assert [i.field for i in report.items] == ["words", "headline", "lead"]
    untargeted = article_lengths(newsroom.articles.save(doc.id, {"target_words": None}).article)
    assert untargeted.words.status == "none"
    assert untargeted.words.ratio is None


def test_text_being_edited_counts_like_the_store(newsroom: Newsroom):
    lead, body = "Sáng 07/9 lúc 06:59.", "Câu **một** của bài.\n\n- Ý hai"
    doc = newsroom.articles.create({"headline": "x", "lead": lead, "body": body})
    assert article_words(lead, body) == doc.word_count
    report = measure("Tiêu đề dài quá mức cho phép", lead, doc.word_count, target_headline_chars=20)
    assert report.headline.status == "over"
