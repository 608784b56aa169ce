"""NITF 3.6: valid against IPTC's XSD, the article's fields in their places, hostile text safe."""

from __future__ import annotations

from lxml import etree

from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.nitf import NitfExporter, render_nitf
from tests.exporters.conftest import ALTS, CREDIT, HOSTILE, HOSTILE_CAPTION
from tests.exporters.golden import assert_matches_reference
from tests.exporters.standards import NITF_NS, nitf_schema, xml_errors

N = {"n": NITF_NS}


def test_nitf_is_valid_and_matches_reference(sample_doc, tmp_path):
    files = NitfExporter().export(sample_doc, tmp_path, ExportOptions())
    assert files[0].name == f"{sample_doc.slug}.nitf.xml"
    assert len(files) == 3
    tree = etree.parse(str(files[0]))
    assert xml_errors(nitf_schema(), tree) == []
    assert_matches_reference(files[0].read_text(encoding="utf-8"), "sample.nitf.xml")


def test_nitf_carries_every_field(sample_doc):
    root = etree.fromstring(render_nitf(sample_doc, ExportOptions()).encode())
    assert root.get("baselang") == "vi"
    assert root.findtext("n:body/n:body.head/n:hedline/n:hl1", namespaces=N) == sample_doc.headline
    assert root.findtext("n:body/n:body.head/n:abstract/n:p", namespaces=N) == sample_doc.lead
    assert root.findtext("n:body/n:body.head/n:byline/n:person", namespaces=N) == "Ngọc Hậu"
    date = root.find("n:body/n:body.head/n:dateline/n:story.date", namespaces=N)
    assert date.get("norm") == "20210907T065900+0700"
    assert date.text == "Cập nhật lúc 06:59 ngày 07/09/2021"
    pubdata = root.find("n:head/n:pubdata", namespaces=N)
    assert pubdata.get("position.section") == sample_doc.section
    keys = [k.get("key") for k in root.iterfind(".//n:key-list/n:keyword", namespaces=N)]
    assert keys == ["Công an", "Cần Thơ"]
    paragraphs = root.findall("n:body/n:body.content/n:p", namespaces=N)
    assert paragraphs[0].text == sample_doc.lead
    assert len(paragraphs) == 1 + 5
    media = root.findall(".//n:media", namespaces=N)
    assert [m.findtext("n:media-producer", namespaces=N) for m in media] == [CREDIT, CREDIT]
    refs = [m.find("n:media-reference", namespaces=N) for m in media]
    assert [r.get("alternate-text") for r in refs] == list(ALTS)
    assert refs[1].get("source") == f"images/{sample_doc.slug}-2.jpg"


def test_hostile_nitf_is_valid_and_keeps_text(hostile_doc):
    text = render_nitf(hostile_doc, ExportOptions())
    root = etree.fromstring(text.encode())
    assert xml_errors(nitf_schema(), etree.ElementTree(root)) == []
    assert root.findtext("n:head/n:title", namespaces=N) == HOSTILE
    assert root.findtext(".//n:media-caption", namespaces=N) == HOSTILE_CAPTION
    assert "<script>" not in text
    assert "<img" not in text
