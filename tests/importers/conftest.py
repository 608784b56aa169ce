"""Fixtures for the importer tests: the test inputs, real photos, and Word files made here."""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Inches

from tests.conftest import DATA

IMPORTS = DATA / "imports"
PHOTOS = DATA / "photos"
# IPTC caption "The Gateshead Angel", credit "Ian Britton - FreeFoto.com".
GATESHEAD = PHOTOS / "mei_FujiFilm_FinePixS1Pro_4.jpg"
# IPTC caption "Test description string for metadata-extractor".
PHOTOSHOP = PHOTOS / "mei_Photoshop_3.jpg"


def pixel_bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """Return a tiny PNG whose header claims ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def page_dir(tmp_path: Path) -> Callable[[str, dict[str, Path]], Path]:
    """Copy an HTML test page into a folder with the given photos beside it."""

    def make(name: str, photos: dict[str, Path]) -> Path:
        folder = tmp_path / "page"
        folder.mkdir(exist_ok=True)
        target = folder / name
        shutil.copyfile(IMPORTS / "html" / name, target)
        for relative, source in photos.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, folder / relative)
        return target

    return make


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """Write a Word file with python-docx: paragraphs as (style, text), photos as Paths."""

    def make(parts: list[tuple[str, object]], name: str = "bai-viet.docx", **props: str) -> Path:
        doc = Document()
        for key, value in props.items():
            setattr(doc.core_properties, key, value)
        for style, value in parts:
            if style == "picture":
                doc.add_picture(str(value), width=Inches(2))
            elif style.startswith("Heading "):
                doc.add_heading(str(value), level=int(style.split()[1]))
            elif style == "runs":
                paragraph = doc.add_paragraph()
                for text, kind in value:  # type: ignore[attr-defined]
                    run = paragraph.add_run(text)
                    run.bold = kind == "bold"
                    run.italic = kind == "italic"
            else:
                doc.add_paragraph(str(value), style=style)
        path = tmp_path / name
        doc.save(str(path))
        return path

    return make
