"""PDF: A4 and Letter, Vietnamese text extractable with embedded fonts, photos, shared layout."""

from __future__ import annotations

import re
import subprocess

import pytest

from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.pdf import PdfExporter, build_document
from tests.exporters.conftest import HOSTILE, sample_content_lines


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize(
    ("paper", "size"), [("a4", "595 x 842 pts (A4)"), ("letter", "612 x 792 pts (letter)")]
)
def test_pdf_paper_sizes(sample_doc, tmp_path, paper, size):
    (path,) = PdfExporter().export(sample_doc, tmp_path, ExportOptions(paper=paper))
    info = run("pdfinfo", str(path))
    assert size in info
    assert re.search(r"^Title:\s+Tăng cường sự lãnh đạo", info, re.M)
    assert re.search(r"^Author:\s+Ngọc Hậu$", info, re.M)


def test_pdf_embeds_fonts_and_vietnamese_reads_back(sample_doc, tmp_path):
    (path,) = PdfExporter().export(sample_doc, tmp_path, ExportOptions())
    fonts = run("pdffonts", str(path)).splitlines()[2:]
    assert fonts, "no fonts in the PDF"
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert name.startswith(("NotoSerif", "NotoSans")), line
        assert emb == "yes", f"{name} is not embedded"
    text = run("pdftotext", str(path), "-")
    # Every line of the article, diacritics and all, comes back (wrapped lines joined).
    flat = " ".join(words(text))
    at = 0
    for line in sample_content_lines():
        at = flat.index(" ".join(words(line)), at)  # in reading order


def test_pdf_holds_both_photos(sample_doc, tmp_path):
    (path,) = PdfExporter().export(sample_doc, tmp_path, ExportOptions())
    listing = run("pdfimages", "-list", str(path)).splitlines()[2:]
    sizes = sorted((int(line.split()[3]), int(line.split()[4])) for line in listing)
    assert sizes == [(1067, 1600), (1600, 1067)]


def test_print_preview_gets_the_same_layout(sample_doc):
    document = build_document(sample_doc, ExportOptions())
    text = document.toPlainText()
    for line in sample_content_lines():
        assert line in text
    assert document.metaInformation(document.MetaInformation.DocumentTitle) == sample_doc.headline


def test_hostile_pdf_keeps_text(hostile_doc, tmp_path):
    (path,) = PdfExporter().export(hostile_doc, tmp_path, ExportOptions())
    flat = " ".join(words(run("pdftotext", str(path), "-")))
    assert flat.count(HOSTILE) >= 3
    assert re.search(r"^Title:\s+" + re.escape(HOSTILE) + "$", run("pdfinfo", str(path)), re.M)


def test_pdf_and_web_page_show_section_and_credit_alike(sample_doc, tmp_path):
    from dataclasses import replace
    from html.parser import HTMLParser

    from newsroom_desktop.exporters.html import render_page

    doc = replace(sample_doc, section="Thời sự  địa phương")
    (path,) = PdfExporter().export(doc, tmp_path, ExportOptions())
    pdf = " ".join(words(run("pdftotext", str(path), "-")))

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    reader = Text()
    reader.feed(render_page(doc, ExportOptions()).split("<body>")[1])
    page = " ".join(words(" ".join(reader.parts)))
    caption = sample_doc.photos[0].caption
    shown = [
        "THỜI SỰ ĐỊA PHƯƠNG",
        f"{caption} (Ảnh: Ngọc Hậu)",
        f"{sample_doc.photos[1].caption} (Ảnh: Ngọc Hậu)",
    ]
    for text in (pdf, page):
        at = 0
        for line in shown:
            at = text.index(line, at)  # the same words, in the same order
