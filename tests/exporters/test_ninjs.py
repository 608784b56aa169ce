"""ninjs 3.1: valid against IPTC's schema offline, photos as associations, hostile text safe."""

from __future__ import annotations

import json

from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.ninjs import NinjsExporter, render_ninjs
from tests.exporters.conftest import ALTS, CREDIT, HOSTILE, HOSTILE_CAPTION
from tests.exporters.golden import assert_matches_reference
from tests.exporters.standards import ninjs_errors


def test_ninjs_is_valid_and_matches_reference(sample_doc, tmp_path):
    files = NinjsExporter().export(sample_doc, tmp_path, ExportOptions())
    assert files[0].name == f"{sample_doc.slug}.ninjs.json"
    text = files[0].read_text(encoding="utf-8")
    assert ninjs_errors(json.loads(text)) == []
    assert_matches_reference(text, "sample.ninjs.json")


def test_ninjs_carries_every_field(sample_doc):
    item = json.loads(render_ninjs(sample_doc, ExportOptions()))
    assert item["headlines"] == [{"role": "main", "value": sample_doc.headline}]
    assert item["descriptions"][0]["value"] == sample_doc.lead
    assert item["by"] == "Ngọc Hậu"
    assert item["language"] == "vi"
    assert item["versionCreated"] == "2021-09-07T06:59:00+07:00"
    assert {"name": sample_doc.section, "rel": "section"} in item["subjects"]
    assert "<figure" in item["bodies"][0]["value"]
    photos = item["associations"]
    assert [p["type"] for p in photos] == ["picture", "picture"]
    assert [p["descriptions"][0]["value"] for p in photos] == [u.caption for u in sample_doc.photos]
    assert [p["descriptions"][1]["value"] for p in photos] == list(ALTS)
    assert [p["infoSources"][0]["name"] for p in photos] == [CREDIT, CREDIT]
    assert photos[1]["renditions"][0]["height"] == 1600


def test_ninjs_is_not_valid_against_older_lines_by_mistake(sample_doc):
    # The negative control: the same item fails ninjs 1.6, so the validator really checks.
    item = json.loads(render_ninjs(sample_doc, ExportOptions()))
    assert ninjs_errors(item, "1.6") != []


def test_hostile_ninjs_is_valid_and_keeps_text(hostile_doc):
    text = render_ninjs(hostile_doc, ExportOptions(copyright=HOSTILE))
    item = json.loads(text)
    assert ninjs_errors(item) == []
    assert item["headlines"][0]["value"] == HOSTILE
    assert item["associations"][0]["descriptions"][0]["value"] == HOSTILE_CAPTION
    assert "<script>" in item["headlines"][0]["value"]
    assert "<script" not in text
    assert "<img" not in text
    assert "&lt;script&gt;" in item["bodies"][0]["value"]
