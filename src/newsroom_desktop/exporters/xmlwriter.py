"""A small XML writer for the news standards: exact namespaces, escaping, readable indenting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Characters XML 1.0 forbids; they are dropped so the document always parses.
_XML_INVALID_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)


@dataclass
class Node:
    """An element: tag, attributes in order, and children (text or elements)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[str | Node] = field(default_factory=list)

    def add(self, tag: str, text: str = "", attrs: dict[str, str] | None = None) -> Node:
        """Append a child element (with optional text and attributes) and return it."""
        child = Node(tag, dict(attrs or {}))
        if text:
            child.children.append(text)
        self.children.append(child)
        return child

    def text(self, text: str) -> Node:
        """Append text and return self."""
        if text:
            self.children.append(text)
        return self


def xml_text(text: str) -> str:
    """Return ``text`` escaped for element content."""
    return _XML_INVALID_RE.sub("", text).translate(_TEXT_ESCAPES)


def xml_attr(text: str) -> str:
    """Return ``text`` escaped for a double-quoted attribute value."""
    return _XML_INVALID_RE.sub("", text).translate(_ATTR_ESCAPES)


def _open(node: Node) -> str:
    attrs = "".join(f' {name}="{xml_attr(value)}"' for name, value in node.attrs.items())
    return f"<{node.tag}{attrs}"


def _inline(node: Node) -> str:
    if not node.children:
        return _open(node) + "/>"
    inner = "".join(xml_text(c) if isinstance(c, str) else _inline(c) for c in node.children)
    return f"{_open(node)}>{inner}</{node.tag}>"


def _write(node: Node, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    # Mixed content is written on one line: whitespace there would be part of the text.
    if not node.children or any(isinstance(c, str) for c in node.children):
        out.append(pad + _inline(node))
        return
    out.append(pad + _open(node) + ">")
    for child in node.children:
        assert isinstance(child, Node)
        _write(child, depth + 1, out)
    out.append(f"{pad}</{node.tag}>")


def to_xml(root: Node) -> str:
    """Return the document: XML declaration, then ``root`` indented, ending in a newline."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    _write(root, 0, out)
    return "\n".join(out) + "\n"
