"""Plain text in the sample's shape, and the sample's round trip through the text importer."""

from __future__ import annotations

import pytest

from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.text import TextExporter, article_text
from newsroom_desktop.importers import text as text_importer
from tests.conftest import SAMPLE_TEXT
from tests.exporters.conftest import HOSTILE, HOSTILE_CAPTION, sample_content_lines, store_imported
from tests.exporters.golden import assert_matches_reference

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_text_matches_reference(sample_doc, tmp_path):
    (path,) = TextExporter().export(sample_doc, tmp_path, ExportOptions())
    assert path.name == f"{sample_doc.slug}.txt"
    assert_matches_reference(path.read_text(encoding="utf-8"), "sample.txt")


def test_sample_imported_and_exported_gives_back_its_content_lines(newsroom):
    imported = text_importer.parse(SAMPLE_TEXT)
    doc = store_imported(newsroom, imported)
    exported = article_text(doc, ExportOptions())
    assert _lines(exported) == sample_content_lines()


def test_text_is_the_sample_shape_with_credits(sample_doc):
    lines = _lines(article_text(sample_doc, ExportOptions()))
    content = sample_content_lines()
    captions = [line for line in lines if line.endswith("(Ảnh: Ngọc Hậu)")]
    assert len(captions) == 2
    assert [line.removesuffix(" (Ảnh: Ngọc Hậu)") for line in lines] == content


def test_text_has_no_markup_and_keeps_hostile_text(hostile_doc):
    exported = article_text(hostile_doc, ExportOptions())
    assert exported.count(HOSTILE) >= 4
    assert HOSTILE_CAPTION in exported
    assert "![" not in exported
    assert "photo:" not in exported


def test_lists_and_headings_read_as_text(newsroom):
    doc = newsroom.articles.create(
        {
            "headline": "Lists",
            "body": "## Một\n\n- a **b**\n- c\n\n1. x\n2. y\n\n> quoted\n\n    code line\n",
        }
    )
    lines = _lines(article_text(doc, ExportOptions()))
    assert lines[2:] == ["Một", "- a b", "- c", "1. x", "2. y", "quoted", "code line"]
