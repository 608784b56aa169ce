"""Word export read back by pandoc (an independent reader) and by the OOXML parts themselves."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile

import pytest
from lxml import etree

from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.docx import DocxExporter
from tests.exporters.conftest import ALTS, HOSTILE, HOSTILE_CAPTION, sample_content_lines

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")

CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}


def pandoc_text(path) -> str:
    result = subprocess.run(
        ["pandoc", "--wrap=none", "-t", "plain", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_docx_holds_the_article_text_in_order(sample_doc, tmp_path):
    (path,) = DocxExporter().export(sample_doc, tmp_path, ExportOptions())
    assert path.name == f"{sample_doc.slug}.docx"
    lines = [line.strip() for line in pandoc_text(path).splitlines() if line.strip()]
    # pandoc shows each picture as its alt text in brackets; captions carry the credit.
    lines = [line for line in lines if not line.startswith("[")]
    expected = sample_content_lines()
    assert [line.removesuffix(" (Ảnh: Ngọc Hậu)") for line in lines] == expected


def test_docx_has_title_author_photos_and_alt_text(sample_doc, tmp_path):
    (path,) = DocxExporter().export(sample_doc, tmp_path, ExportOptions())
    with zipfile.ZipFile(path) as archive:
        core = etree.fromstring(archive.read("docProps/core.xml"))
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        document = archive.read("word/document.xml").decode("utf-8")
    assert core.findtext("dc:title", namespaces=CORE) == sample_doc.headline
    assert core.findtext("dc:creator", namespaces=CORE) == "Ngọc Hậu"
    assert core.findtext("dc:language", namespaces=CORE) == "vi-VN"
    assert len(media) == 2
    for alt in ALTS:
        assert f'descr="{alt}"' in document
    ast = json.loads(
        subprocess.run(
            ["pandoc", "-t", "json", str(path)], capture_output=True, text=True, check=True
        ).stdout
    )
    assert "Strong" in json.dumps(ast)  # the lead is bold


def test_docx_keeps_body_formatting(newsroom, tmp_path):
    doc = newsroom.articles.create(
        {
            "headline": "Định dạng",
            "lead": "Sapo.",
            "byline": "B",
            "body": "## Tiêu đề nhỏ\n\nChữ **đậm**, *nghiêng* và [liên kết](https://example.org/x).\n\n"
            "- một\n- hai\n",
        }
    )
    (path,) = DocxExporter().export(doc, tmp_path, ExportOptions())
    markdown = subprocess.run(
        ["pandoc", "-t", "commonmark", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "## Tiêu đề nhỏ" in markdown
    assert "**đậm**" in markdown
    assert "*nghiêng*" in markdown
    assert re.search(r"\[(<u>)?liên kết(</u>)?\]\(https://example\.org/x\)", markdown)
    assert re.search(r"^- +một$", markdown, re.M)
    assert re.search(r"^- +hai$", markdown, re.M)


def test_hostile_docx_keeps_text(hostile_doc, tmp_path):
    (path,) = DocxExporter().export(hostile_doc, tmp_path, ExportOptions())
    text = pandoc_text(path)
    assert text.count(HOSTILE) >= 4
    assert HOSTILE_CAPTION in text
    with zipfile.ZipFile(path) as archive:
        core = etree.fromstring(archive.read("docProps/core.xml"))
    assert core.findtext("dc:title", namespaces=CORE) == HOSTILE
