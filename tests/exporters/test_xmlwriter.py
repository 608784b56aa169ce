"""The XML writer escapes text and attributes and drops characters XML cannot hold."""

from __future__ import annotations

from lxml import etree

from newsroom_desktop.exporters.xmlwriter import Node, to_xml


def test_escaping_and_invalid_characters():
    root = Node("r", {"xmlns": "urn:x", "a": 'q"<&>\n\t'})
    root.add("t", "a < b & c ]]> d\x00\x0b\ufffe")
    mixed = root.add("p").text("x ")
    mixed.add("em", "y")
    mixed.text(" z")
    text = to_xml(root)
    parsed = etree.fromstring(text.encode())
    assert parsed.get("a") == 'q"<&>\n\t'
    assert parsed.findtext("{urn:x}t") == "a < b & c ]]> d"
    assert "<p>x <em>y</em> z</p>" in text
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<r ')
