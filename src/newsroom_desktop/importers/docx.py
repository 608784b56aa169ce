"""Word .docx files: headings, paragraphs, emphasis, lists, links and photos with captions."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import tzinfo
from pathlib import Path
from typing import IO, Any, BinaryIO
from xml.parsers import expat

from defusedxml import ElementTree as SafeET
from lxml import etree

from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
from newsroom_desktop.core.text import clean_line
from newsroom_desktop.importers.base import DEFAULT_TZ, check_regular, failed
from newsroom_desktop.importers.htmlblocks import html_blocks, sanitize
from newsroom_desktop.importers.outline import PageMeta, assemble

# A news article in Word is a few megabytes with its photos. The limits refuse zip bombs
# before anything is inflated: zipfile never inflates past an entry's declared size, so the
# declared sizes are what must be checked.
MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_RATIO = 100  # text compresses about 10:1; a bomb compresses 1000:1
RATIO_CHECK_FROM = 1024 * 1024
_XML_CHUNK = 1 << 16
IMAGE_SCHEME = "docx-image"
SLIM_STYLES_FROM = 64 * 1024
_STYLES = "word/styles.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_STYLE, _W_NAME, _W_PPR, _W_NUMPR = f"{_W}style", f"{_W}name", f"{_W}pPr", f"{_W}numPr"

# Word's and LibreOffice's built-in styles, mapped to what the importer understands.
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p.lead:fresh
p[style-name='Caption'] => p.caption:fresh
p[style-name='caption'] => p.caption:fresh
p[style-name='Figure'] => p.caption:fresh
p[style-name='Illustration'] => p.caption:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
               "image/tiff": ".tif", "image/bmp": ".bmp", "image/webp": ".webp",
               "image/heic": ".heic", "image/heif": ".heif"}  # fmt: skip
_CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}


def _bomb(path: Path, reason: str) -> Exception:
    return failed(
        path, f"it looks like a zip bomb, not a Word document ({reason})", code="zip_bomb"
    )


def check_package(path: Path) -> None:
    """Refuse what is not a sound .docx: not a zip, a zip bomb, or XML with a DTD in it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise failed(path, exc.strerror or str(exc), code="unreadable") from exc
    if size > MAX_DOCX_BYTES:
        raise failed(path, f"the Word file is {size / 1048576:.0f} MB; the limit is 100 MB",
                     code="too_large")  # fmt: skip
    try:
        with zipfile.ZipFile(path) as package:
            _check_entries(path, package.infolist())
            if "word/document.xml" not in package.namelist():
                raise failed(path, "it is a zip file but not a Word document", code="not_docx")
            _check_xml(path, package)
    except zipfile.BadZipFile as exc:
        raise failed(path, "it is not a Word .docx file (an old .doc, or password-protected?)",
                     code="not_docx") from exc  # fmt: skip
    except (zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        # Broken compressed data, a part name that is not text, a zip version or compression
        # zipfile does not know (all found by fuzzing): damaged, not a crash.
        raise failed(path, f"the Word document is damaged ({exc})", code="damaged") from exc
    except OSError as exc:
        raise failed(path, exc.strerror or str(exc), code="unreadable") from exc


def _check_entries(path: Path, entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise _bomb(path, f"{len(entries)} parts")
    total = 0
    for entry in entries:
        total += entry.file_size
        big = entry.file_size > RATIO_CHECK_FROM
        if big and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise _bomb(
                path,
                f"{entry.filename} inflates {entry.file_size // max(entry.compress_size, 1)} times",
            )
        if total > MAX_UNCOMPRESSED_BYTES:
            raise _bomb(path, "more than 300 MB uncompressed")


def _check_xml(path: Path, package: zipfile.ZipFile) -> None:
    # Word never writes a DTD; one in a .docx can only mean entity expansion or external entities.
    for entry in package.infolist():
        if entry.filename.endswith((".xml", ".rels")):
            with package.open(entry) as stream:
                if _declares_dtd(stream):
                    raise failed(path, f"{entry.filename} declares XML entities, which Word never "
                                 "writes; the file was refused", code="xml_entities")  # fmt: skip


class _PrologReadError(Exception):
    """Raised from the XML parser at the end of a part's prolog: a DTD, or the root element."""

    def __init__(self, dtd: bool) -> None:
        super().__init__()
        self.dtd = dtd


def _dtd(*_args: object) -> None:
    raise _PrologReadError(dtd=True)


def _root(*_args: object) -> None:
    raise _PrologReadError(dtd=False)


def _declares_dtd(stream: IO[bytes]) -> bool:
    """Tell whether an XML part has a DTD, read by an XML parser in whatever encoding it uses.

    Expat decodes the part as its BOM and declaration say (UTF-16 too, which a byte search
    misses). A DTD can only come before the root element, so reading stops there. A prolog
    expat cannot read (an encoding it does not know, say) is no DTD any reader here would
    use: mammoth reads the parts with expat too, and refuses the document as damaged.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _dtd
    parser.EntityDeclHandler = _dtd
    parser.StartElementHandler = _root
    try:
        while chunk := stream.read(_XML_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _PrologReadError as end:
        return end.dtd
    except expat.ExpatError:
        return False
    return False


def core_properties(package: zipfile.ZipFile) -> dict[str, str]:
    """Return title, keywords and category from docProps/core.xml."""
    try:
        root = SafeET.fromstring(package.read("docProps/core.xml"))
    except (KeyError, SafeET.ParseError, ValueError):
        return {}
    out = {}
    for key, tag in (("title", "dc:title"), ("keywords", "cp:keywords"),
                     ("category", "cp:category")):  # fmt: skip
        element = root.find(tag, _CORE_NS)
        if element is not None and element.text:
            out[key] = clean_line(element.text)
    return out


@dataclass
class _Images:
    """The pictures mammoth met in the document, in order."""

    stem: str
    found: list[ImportedFigure]

    def convert(self, image: Any) -> dict[str, str]:
        with image.open() as stream:
            data = stream.read()
        extension = _EXTENSIONS.get(str(image.content_type or "").lower(), ".img")
        index = len(self.found)
        name = f"{self.stem}-photo-{index + 1}{extension}"
        self.found.append(ImportedFigure(image_bytes=data, image_name=name))
        return {"src": f"{IMAGE_SCHEME}:{index}", "alt": clean_line(image.alt_text or "")}

    def resolver(self) -> Callable[[str], tuple[ImportedFigure, str]]:
        def resolve(src: str) -> tuple[ImportedFigure, str]:
            prefix, _, number = src.partition(":")
            if prefix == IMAGE_SCHEME and number.isdigit() and int(number) < len(self.found):
                return self.found[int(number)], ""
            return ImportedFigure(), f"A linked picture ({src}) is not inside the document."

        return resolve


def _slim_styles(data: bytes) -> bytes:
    """Keep of styles.xml what mammoth reads: each style's type, id, name and list numbering."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    for style in list(root):
        if style.tag != _W_STYLE:
            root.remove(style)
            continue
        for part in list(style):
            if part.tag == _W_PPR:
                for setting in list(part):
                    if setting.tag != _W_NUMPR:
                        part.remove(setting)
            elif part.tag != _W_NAME:
                style.remove(part)
    return bytes(etree.tostring(root))


def package_for_mammoth(path: Path) -> BinaryIO:
    """Return the document to convert: with a slimmed styles.xml if Word's is a large one.

    Word's (and python-docx's) styles.xml holds every built-in style with its formatting,
    often 350 KB; mammoth only needs the names, and reading the rest is most of its time.
    """
    with zipfile.ZipFile(path) as package:
        try:
            styles = package.getinfo(_STYLES)
        except KeyError:
            return path.open("rb")
        if styles.file_size < SLIM_STYLES_FROM:
            return path.open("rb")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
            for entry in package.infolist():
                data = package.read(entry)
                copy.writestr(entry.filename, _slim_styles(data) if entry is styles else data)
    out.seek(0)
    return out


def to_html(path: Path, images: _Images) -> tuple[str, list[str]]:
    """Convert the document body to HTML with mammoth (no external files are opened)."""
    import mammoth  # noqa: PLC0415 - lazy, for start-up time

    try:
        with package_for_mammoth(path) as stream:
            result = mammoth.convert_to_html(
                stream,
                style_map=STYLE_MAP,
                convert_image=mammoth.images.img_element(images.convert),
                external_file_access=False,
            )
    except (
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        SafeET.ParseError,
        etree.XMLSyntaxError,
    ) as exc:
        raise failed(path, f"the Word document is damaged ({exc})", code="damaged") from exc
    except Exception as exc:  # the XML parser's own errors (expat) for a broken part
        raise failed(path, f"the Word document cannot be read ({type(exc).__name__})",
                     code="damaged") from exc  # fmt: skip
    linked = [m for m in result.messages if "external" in m.message]
    messages = [m.message for m in result.messages if m.type == "error" and m not in linked]
    if linked:
        messages.append(
            f"{len(linked)} picture(s) are linked from outside the document, not embedded in it; "
            "their captions wait for the photos."
        )
    return str(result.value), messages


def parse(path: Path, *, zone: tzinfo = DEFAULT_TZ) -> ImportedArticle:
    """Read a Word .docx article; its pictures come in as photos with their captions."""
    check_regular(path)  # a pipe named .docx would stall the zip reader's open() forever
    check_package(path)
    with zipfile.ZipFile(path) as package:
        props = core_properties(package)
    images = _Images(path.stem, [])
    markup, messages = to_html(path, images)
    meta = PageMeta(
        fallback_headline=props.get("title", ""),
        section=props.get("category", ""),
        tags=tuple(t.strip() for t in re.split(r"[,;]", props.get("keywords", "")) if t.strip()),
    )
    blocks = html_blocks(sanitize(markup, image_schemes=frozenset({IMAGE_SCHEME})))
    article = assemble(blocks, meta, name=path.name, zone=zone, resolve=images.resolver())
    return replace(article, source=str(path)).with_warnings(*messages)
