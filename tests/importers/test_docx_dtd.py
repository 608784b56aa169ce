"""A DTD in any part of a .docx is refused whatever the part's encoding (UTF-16 included)."""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.importers.docx import parse
from newsroom_desktop.jobs.imports import import_paths

ENTITIES = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 6))
    + "]>"
)
ENCODINGS = {
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-8": codecs.BOM_UTF8,
}


def _rewrite(source: Path, target: Path, part: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, data if item.filename == part else old.read(item.filename))
    return target


def _encoded(xml: str, encoding: str) -> bytes:
    """Return the part as a tool writing ``encoding`` would: BOM, declaration, text."""
    name = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    return ENCODINGS[encoding] + f'<?xml version="1.0" encoding="{name}"?>\n{xml}'.encode(encoding)


def _document(source: Path) -> str:
    with zipfile.ZipFile(source) as package:
        return package.read("word/document.xml").decode("utf-8").split("?>", 1)[1].lstrip()


@pytest.fixture
def word(make_docx: Callable[..., Path]) -> Path:
    return make_docx([("Heading 1", "Tiêu đề"), ("Normal", "Đoạn THAYTHE.")])


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_a_dtd_in_the_document_is_refused_in_any_encoding(
    word: Path, tmp_path: Path, encoding: str
):
    body = _document(word).replace("THAYTHE", "&lol5;")
    path = _rewrite(
        word, tmp_path / "dtd.docx", "word/document.xml", _encoded(ENTITIES + body, encoding)
    )
    with pytest.raises(ImportFailedError, match=r"dtd\.docx.*word/document\.xml.*entities") as e:
        parse(path)
    assert e.value.code == "xml_entities"


def test_a_dtd_in_a_utf16_relationships_part_is_refused(word: Path, tmp_path: Path):
    rels = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(word) as package:
        text = package.read(rels).decode("utf-8").split("?>", 1)[1].lstrip()
    doctype = '<!DOCTYPE Relationships [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    path = _rewrite(word, tmp_path / "rels.docx", rels, _encoded(doctype + text, "utf-16-le"))
    with pytest.raises(ImportFailedError, match=r"rels\.docx.*entities") as caught:
        parse(path)
    assert caught.value.code == "xml_entities"


def test_a_utf16_document_without_a_dtd_is_imported(word: Path, tmp_path: Path):
    body = _document(word).replace("THAYTHE", "mở đầu")
    path = _rewrite(word, tmp_path / "utf16.docx", "word/document.xml", _encoded(body, "utf-16-le"))
    article = parse(path)
    assert article.headline == "Tiêu đề"
    assert article.lead == "Đoạn mở đầu."


def test_the_batch_reports_the_refusal_and_stores_nothing(
    newsroom: Newsroom, word: Path, tmp_path: Path
):
    body = _document(word).replace("THAYTHE", "&lol5;")
    path = _rewrite(
        word, tmp_path / "bom.docx", "word/document.xml", _encoded(ENTITIES + body, "utf-16-le")
    )
    (result,) = import_paths(newsroom, [path]).results
    assert result.code == "xml_entities"
    assert newsroom.articles.count() == 0
