"""The pre-export check: missing captions, credits, alt text, lead, byline; placeholders."""

from __future__ import annotations

import pytest

from newsroom_desktop.exporters.checks import check

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def codes(problems) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in problems]


def test_the_finished_sample_passes(sample_doc):
    assert check(sample_doc) == []


def test_missing_photo_text_is_listed_per_photo(newsroom, sample_doc):
    first, second = sample_doc.photos
    newsroom.photos.update_use(sample_doc.id, first.id, caption="", credit="")
    newsroom.photos.update_use(sample_doc.id, second.id, alt_text="")
    body = sample_doc.body.replace(f"![{second.alt_text}]", "![]")
    doc = newsroom.articles.save(sample_doc.id, {"body": body}).article
    problems = check(doc)
    assert codes(problems) == [
        ("missing_caption", f"photo:{first.id}"),
        ("missing_credit", f"photo:{first.id}"),
        ("missing_alt", f"photo:{second.id}"),
    ]
    assert problems[0].message == "Photo 1 (DSC_0001.jpg) has no caption."


def test_empty_lead_and_byline_and_placeholders(newsroom):
    doc = newsroom.articles.create(
        {"headline": "Giá vàng XXX đồng", "body": "Số liệu TK.\n\nTổng kết (TKB) và xxx.\n"}
    )
    problems = check(doc)
    assert codes(problems) == [
        ("empty_lead", "lead"),
        ("empty_byline", "byline"),
        ("placeholder", "headline"),
        ("placeholder", "body"),
    ]
    assert problems[2].message == "Placeholder “XXX” left in the headline."
    assert problems[3].message == "Placeholder “TK” left in the body."


def test_a_placeholder_in_a_caption_is_found(newsroom, sample_doc):
    use = sample_doc.photos[0]
    doc = newsroom.photos.update_use(sample_doc.id, use.id, caption="Ảnh TK")
    assert codes(check(doc)) == [("placeholder", f"photo:{use.id}")]
