"""NewsML-G2 2.35: valid news item with inline NITF, metadata in contentMeta, hostile text safe."""

from __future__ import annotations

from lxml import etree

from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.newsml import NewsmlExporter, render_newsml
from tests.exporters.conftest import HOSTILE, HOSTILE_CAPTION
from tests.exporters.golden import assert_matches_reference
from tests.exporters.standards import NAR_NS, NITF_NS, newsml_schema, nitf_schema, xml_errors

N = {"g": NAR_NS, "n": NITF_NS}


def _inline_nitf(root: etree._Element) -> etree._ElementTree:
    return etree.ElementTree(root.find("g:contentSet/g:inlineXML/n:nitf", namespaces=N))


def test_newsml_is_valid_and_matches_reference(sample_doc, tmp_path):
    files = NewsmlExporter().export(sample_doc, tmp_path, ExportOptions())
    assert files[0].name == f"{sample_doc.slug}.newsml.xml"
    tree = etree.parse(str(files[0]))
    assert xml_errors(newsml_schema(), tree) == []
    assert xml_errors(nitf_schema(), _inline_nitf(tree.getroot())) == []
    assert_matches_reference(files[0].read_text(encoding="utf-8"), "sample.newsml.xml")


def test_newsml_carries_every_field(sample_doc):
    root = etree.fromstring(render_newsml(sample_doc, ExportOptions()).encode())
    meta = root.find("g:contentMeta", namespaces=N)
    assert root.get("guid") == f"urn:uuid:{sample_doc.id}"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    assert meta.findtext("g:headline", namespaces=N) == sample_doc.headline
    assert meta.findtext("g:description[@role='drol:summary']", namespaces=N) == sample_doc.lead
    assert meta.findtext("g:by", namespaces=N) == "Ngọc Hậu"
    assert meta.findtext("g:subject/g:name", namespaces=N) == sample_doc.section
    assert meta.find("g:language", namespaces=N).get("tag") == "vi"
    assert meta.findtext("g:contentModified", namespaces=N) == "2021-09-07T06:59:00+07:00"
    assert [k.text for k in meta.iterfind("g:keyword", namespaces=N)] == ["Công an", "Cần Thơ"]
    links = root.findall("g:itemMeta/g:link", namespaces=N)
    assert [link.findtext("g:title", namespaces=N) for link in links] == [
        p.caption for p in sample_doc.photos
    ]
    assert len(root.findall(".//n:media", namespaces=N)) == 2


def test_hostile_newsml_is_valid_and_keeps_text(hostile_doc):
    text = render_newsml(hostile_doc, ExportOptions(copyright=HOSTILE))
    root = etree.fromstring(text.encode())
    assert xml_errors(newsml_schema(), etree.ElementTree(root)) == []
    assert xml_errors(nitf_schema(), _inline_nitf(root)) == []
    assert root.findtext("g:contentMeta/g:headline", namespaces=N) == HOSTILE
    assert root.findtext(".//n:media-caption", namespaces=N) == HOSTILE_CAPTION
    assert "<script>" not in text
