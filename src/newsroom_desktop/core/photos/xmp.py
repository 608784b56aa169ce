"""XMP packets: parse untrusted ones without entity expansion, and write our own."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from newsroom_desktop.core.photos.fields import (
    CaptionFields,
    decode_legacy,
    normalise_iso,
)
from newsroom_desktop.core.photos.limits import MAX_XMP_BYTES

XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
EXTENSION_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
# An APP1 segment holds 65533 bytes, the XMP header included.
MAX_PACKET_BYTES = 65533 - len(XMP_HEADER)
_PADDING_BYTES = 2000
_TRAILER = b'<?xpacket end="w"?>'
_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "xmpNote": "http://ns.adobe.com/xmp/note/",
}
_RDF = "{" + _NS["rdf"] + "}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CONTAINERS = (_RDF + "Alt", _RDF + "Seq", _RDF + "Bag")
_START_RE = re.compile(r"<\?xpacket|<x:xmpmeta|<x:xapmeta|<rdf:RDF")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters XML 1.0 forbids; stripped before writing so the packet always parses.
_XML_INVALID_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class PacketTooLargeError(ValueError):
    """An XMP packet longer than MAX_XMP_BYTES: it is left unread."""

    def __init__(self, size: int) -> None:
        super().__init__(f"an XMP packet of {size} bytes")
        self.size = size


def decode_packet(raw: bytes) -> str:
    """Return the packet's text, whatever Unicode encoding it uses (BOM or NUL pattern)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, "replace")
    encoding = _wide_encoding(raw[:64])
    return raw.decode(encoding, "replace") if encoding else decode_legacy(raw)


def _wide_encoding(head: bytes) -> str:
    """Guess UTF-16/32 without a BOM from where the NUL bytes of ASCII markup fall."""
    nul_even, nul_odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) < 4 or nul_even + nul_odd < len(head) // 3:
        return ""
    if nul_even and nul_odd:
        return "utf-32-be" if head[0] == 0 else "utf-32-le"
    return "utf-16-be" if nul_even else "utf-16-le"


def parse_packet(raw: bytes) -> Element | None:
    """Parse an XMP packet with defusedxml (no DTD, no entities); None if it is not sound XML."""
    text = decode_packet(raw)
    # Start at the packet (this also drops an XML declaration naming the bytes' encoding,
    # which the decoded text no longer has) and end at its last tag (drops NUL padding).
    marker = _START_RE.search(text)
    start = marker.start() if marker else text.find("<")
    end = text.rfind(">")
    if start < 0 or end < start:
        return None
    try:
        root: Element = SafeET.fromstring(text[start : end + 1], forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError, UnicodeError, RecursionError):
        return None
    return root


def extended_packet(chunks: Iterable[bytes], guid: str) -> bytes | None:
    """Reassemble Extended XMP from APP1 chunks (payload after the header) for ``guid``.

    Return None if a chunk is missing; raise PacketTooLargeError if the declared length is
    over the limit (nothing is assembled then).
    """
    parts: dict[int, bytes] = {}
    total = -1
    for chunk in chunks:
        if len(chunk) < 40 or chunk[:32].decode("latin-1") != guid:
            continue
        full_length = int.from_bytes(chunk[32:36], "big")
        if total not in (-1, full_length):
            continue
        total = full_length
        parts[int.from_bytes(chunk[36:40], "big")] = chunk[40:]
    if total <= 0:
        return None
    if total > MAX_XMP_BYTES:
        raise PacketTooLargeError(total)
    assembled = bytearray()
    for offset in sorted(parts):
        if offset != len(assembled):
            return None  # a gap or an overlap: a chunk is missing
        assembled += parts[offset]
    return bytes(assembled) if len(assembled) == total else None


def extension_guid(root: Element) -> str:
    """Return xmpNote:HasExtendedXMP of a main packet, or ""."""
    values = _property(root, "xmpNote:HasExtendedXMP")
    return values[0] if values else ""


def xmp_fields(roots: Sequence[Element]) -> CaptionFields:
    """Return the caption fields of parsed XMP trees; earlier trees win, later ones fill gaps."""

    def values(name: str) -> list[str]:
        for root in roots:
            found = _property(root, name)
            if found:
                return found
        return []

    def one(name: str) -> str:
        found = values(name)
        return found[0] if found else ""

    return CaptionFields(
        description=one("dc:description"),
        headline=one("photoshop:Headline"),
        creator=", ".join(values("dc:creator")),
        credit=one("photoshop:Credit"),
        copyright=one("dc:rights"),
        alt_text=one("Iptc4xmpCore:AltTextAccessibility"),
        keywords=tuple(values("dc:subject")),
        taken_at=normalise_iso(one("exif:DateTimeOriginal") or one("photoshop:DateCreated")),
    )


def _qname(name: str) -> str:
    prefix, local = name.split(":")
    return "{" + _NS[prefix] + "}" + local


def _property(root: Element, name: str) -> list[str]:
    """Return a top-level property's values: attribute (short form), simple, or in a container."""
    qname = _qname(name)
    for rdf in root.iter(_RDF + "RDF"):
        for description in rdf.findall(_RDF + "Description"):
            if qname in description.attrib:
                return _non_empty([description.attrib[qname]])
            element = description.find(qname)
            if element is not None:
                return _non_empty(_element_values(element))
    return []


def _element_values(element: Element) -> list[str]:
    for container in element:
        if container.tag not in _CONTAINERS:
            continue
        items = container.findall(_RDF + "li")
        if container.tag == _RDF + "Alt":
            default = [li for li in items if li.get(_XML_LANG, "").lower() == "x-default"]
            items = (default or items)[:1]
        return [_text(li) for li in items]
    return [_text(element)]


def _text(element: Element) -> str:
    """Return a simple value, also in its qualified form (rdf:value)."""
    if _RDF + "value" in element.attrib:
        return element.attrib[_RDF + "value"]
    value = element.find(f"{_RDF}value")
    if value is None:
        value = element.find(f"{_RDF}Description/{_RDF}value")
    if value is not None:
        return value.text or ""
    return element.text or ""


def _non_empty(values: list[str]) -> list[str]:
    return [v.strip() for v in values if v.strip()]


def xml_text(value: str) -> str:
    """Return ``value`` escaped for XML element content, without characters XML forbids."""
    value = _XML_INVALID_RE.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_packet(text: CaptionFields) -> bytes:
    """Return a UTF-8 XMP packet with the caption fields, with padding for in-place edits."""
    properties = [
        _alt("dc:title", text.title),
        _alt("dc:description", text.description),
        _list("dc:creator", "Seq", [text.creator]),
        _alt("dc:rights", text.copyright),
        _list("dc:subject", "Bag", text.keywords),
        _simple("photoshop:Headline", text.headline),
        _simple("photoshop:Credit", text.credit),
        _alt("Iptc4xmpCore:AltTextAccessibility", text.alt_text),
    ]
    namespaces = "".join(
        f'\n    xmlns:{prefix}="{_NS[prefix]}"' for prefix in ("dc", "photoshop", "Iptc4xmpCore")
    )
    body = "".join(p for p in properties if p)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        f' <rdf:RDF xmlns:rdf="{_NS["rdf"]}">\n'
        f'  <rdf:Description rdf:about=""{namespaces}>\n{body}'
        "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
    ).encode()
    room = MAX_PACKET_BYTES - len(packet) - len(_TRAILER)
    padding = (" " * 99 + "\n").encode() * max(0, min(room, _PADDING_BYTES) // 100)
    return packet + padding + _TRAILER


def _simple(name: str, value: str) -> str:
    return f"   <{name}>{xml_text(value)}</{name}>\n" if value else ""


def _alt(name: str, value: str) -> str:
    if not value:
        return ""
    item = f'<rdf:li xml:lang="x-default">{xml_text(value)}</rdf:li>'
    return f"   <{name}>\n    <rdf:Alt>\n     {item}\n    </rdf:Alt>\n   </{name}>\n"


def _list(name: str, kind: str, values: Sequence[str]) -> str:
    items = "".join(f"     <rdf:li>{xml_text(v)}</rdf:li>\n" for v in values if v)
    if not items:
        return ""
    return f"   <{name}>\n    <rdf:{kind}>\n{items}    </rdf:{kind}>\n   </{name}>\n"
