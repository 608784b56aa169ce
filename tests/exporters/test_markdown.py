"""Markdown with front matter: golden file, YAML that parses, escaping, and the round trip."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.intake import ImportedFigure
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.markdown import MarkdownExporter, render_markdown, yaml_str
from newsroom_desktop.importers import markdown as md_importer
from tests.exporters.conftest import ALTS, CREDIT, HOSTILE, HOSTILE_CAPTION, SAMPLE_TIME
from tests.exporters.golden import assert_matches_reference

FIGURE = "<figure>"


def front(text: str) -> dict:
    head = text.split("---\n")[1]
    return yaml.safe_load(head)


def test_markdown_matches_reference(sample_doc, tmp_path):
    files = MarkdownExporter().export(sample_doc, tmp_path, ExportOptions())
    assert files[0].name == f"{sample_doc.slug}.md"
    assert len(files) == 3
    assert all(f.exists() for f in files)
    assert_matches_reference(files[0].read_text(encoding="utf-8"), "sample.md")


def test_front_matter_follows_hugo_and_jekyll(sample_doc):
    meta = front(render_markdown(sample_doc, ExportOptions()))
    slug = sample_doc.slug
    assert meta["title"] == sample_doc.headline
    assert meta["date"] == meta["lastmod"] == SAMPLE_TIME.isoformat()
    assert meta["categories"] == [sample_doc.section]
    assert meta["tags"] == ["Công an", "Cần Thơ"]
    assert meta["author"] == "Ngọc Hậu"
    assert meta["slug"] == slug
    assert meta["summary"] == sample_doc.lead
    assert meta["language"] == "vi"
    assert meta["draft"] is True
    assert meta["images"] == [f"images/{slug}-1.jpg", f"images/{slug}-2.jpg"]
    assert [p["credit"] for p in meta["photos"]] == [CREDIT, CREDIT]
    assert [p["alt"] for p in meta["photos"]] == list(ALTS)


def test_body_places_figures_as_commonmark_images(sample_doc):
    text = render_markdown(sample_doc, ExportOptions())
    body = text.split("---\n", 2)[2]
    assert "photo:" not in body
    images = re.findall(r'^!\[([^\]]*)\]\((images/[^ )]+) "([^"]*)"\)$', body, re.M)
    assert [(alt, caption) for alt, _src, caption in images] == [
        (ALTS[0], "Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ."),
        (ALTS[1], "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an phát biểu tại Hội thảo."),
    ]
    # The lead opens the body too: most Hugo and Jekyll themes never show ``summary``.
    assert body.lstrip("\n").split("\n\n")[0] == sample_doc.lead


def test_lead_stays_in_the_summary_only_when_the_option_is_off(sample_doc):
    text = render_markdown(sample_doc, ExportOptions(lead_in_body=False))
    body = text.split("---\n", 2)[2]
    assert front(text)["summary"] == sample_doc.lead
    assert sample_doc.lead not in body


def test_lead_in_the_body_renders_as_its_own_text(hostile_doc, tmp_path):
    text = render_markdown(hostile_doc, ExportOptions())
    rendered = body_md.MARKDOWN.render(text.split("---\n", 2)[2])
    first = rendered.split("</p>")[0].removeprefix("<p>")
    assert html.unescape(first) == HOSTILE


def test_hostile_fields_stay_text(hostile_doc):
    text = render_markdown(hostile_doc, ExportOptions())
    meta = front(text)
    for key in ("title", "author", "summary"):
        assert meta[key] == HOSTILE
    assert meta["categories"] == [HOSTILE]
    assert meta["tags"] == [HOSTILE]
    assert meta["photos"][0]["caption"] == HOSTILE_CAPTION
    rendered = body_md.MARKDOWN.render(text.split("---\n", 2)[2])
    assert "<script>" not in rendered
    # Even a renderer that lets HTML through sees no tag: every "<" that could open one is escaped.
    assert re.search(r"(?<!\\)<[a-zA-Z/]", text.split("---\n", 2)[2]) is None


@pytest.mark.parametrize(
    "value", ["plain", 'q"uote', "back\\slash", "line\nbreak", "tab\there", "\u2028sep", "ü€😀"]
)
def test_yaml_strings_read_back_exactly(value):
    assert yaml.safe_load(f"v: {yaml_str(value)}")["v"] == value


def _as_body(blocks) -> list[str]:
    return [FIGURE if isinstance(b, ImportedFigure) else b for b in blocks]


def _doc_body(doc) -> list[str]:
    out = []
    for block in doc.body.strip().split("\n\n"):
        out.append(FIGURE if body_md.figures(block) else block)
    return out


def test_markdown_round_trip_gives_the_same_article(sample_doc, tmp_path):
    path = MarkdownExporter().export(sample_doc, tmp_path, ExportOptions())[0]
    back = md_importer.parse(path)
    assert back.headline == sample_doc.headline
    assert back.lead == sample_doc.lead
    assert back.byline == sample_doc.byline
    assert back.section == sample_doc.section
    assert back.tags == sample_doc.tags
    assert back.language == sample_doc.language
    assert back.created_at == sample_doc.created_at
    assert back.updated_at == sample_doc.updated_at
    assert _as_body(back.blocks) == _doc_body(sample_doc)
    figures = back.figures
    assert [f.caption for f in figures] == [p.caption for p in sample_doc.photos]
    assert [f.alt_text for f in figures] == [p.alt_text for p in sample_doc.photos]
    assert [f.image.name for f in figures if f.image] == [
        f"{sample_doc.slug}-1.jpg",
        f"{sample_doc.slug}-2.jpg",
    ]


def test_markdown_round_trip_keeps_photo_credits(sample_doc, tmp_path):
    path = MarkdownExporter().export(sample_doc, tmp_path, ExportOptions())[0]
    back = md_importer.parse(path)
    assert [f.credit for f in back.figures] == [CREDIT, CREDIT]


def test_hostile_markdown_round_trip_keeps_text(hostile_doc, tmp_path):
    path = MarkdownExporter().export(hostile_doc, tmp_path, ExportOptions())[0]
    back = md_importer.parse(path)
    assert back.headline == HOSTILE
    assert back.lead == HOSTILE
    assert HOSTILE not in [b for b in back.blocks if isinstance(b, str)][:1]  # not twice
    assert back.byline == HOSTILE
    assert back.section == HOSTILE
    paragraphs = [b for b in back.blocks if isinstance(b, str)]
    assert body_md.blocks_text("\n\n".join(paragraphs)) == body_md.blocks_text(hostile_doc.body)
    assert back.figures[0].caption == HOSTILE_CAPTION
