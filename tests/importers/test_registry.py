"""Choosing the importer: by suffix, by content; folders searched; unsupported files skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.importers.registry import detect_format, expand_paths, parse_file, sniff
from tests.conftest import SAMPLE_TEXT
from tests.importers.conftest import GATESHEAD, IMPORTS


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.txt", "text"), ("a.HTM", "html"), ("a.xhtml", "html"), ("a.markdown", "md"),
     ("a.md", "md"), ("a.docx", "docx")],
)  # fmt: skip
def test_suffix_decides(tmp_path: Path, name: str, expected: str):
    path = tmp_path / name
    path.write_text("x", encoding="utf-8")
    assert detect_format(path) == expected


def test_content_decides_without_a_known_suffix():
    assert sniff(b"PK\x03\x04rest") == "docx"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>") == "html"
    assert sniff(b"  <div class='x'><p>a</p></div>") == "html"
    assert sniff(b"---\ntitle: x\n---\n") == "md"
    assert sniff("ĐẢNG ỦY\n\nTăng cường".encode()) == "text"
    assert sniff(b"<3 is love, not HTML") == "text"


def test_a_file_without_suffix_is_read_by_its_content(tmp_path: Path):
    path = tmp_path / "bai-dan"
    shutil.copyfile(SAMPLE_TEXT, path)
    assert parse_file(path).byline == "Ngọc Hậu"
    page = tmp_path / "trang"
    shutil.copyfile(IMPORTS / "html" / "english-page.html", page)
    assert parse_file(page).byline == "Jane Nguyen"


def test_forced_format_wins(tmp_path: Path):
    path = tmp_path / "bai.html"
    path.write_text(
        "<h1>Không phải</h1>\n\nĐây là đoạn văn thứ nhất đủ dài để là phần mở đầu.\n", "utf-8"
    )
    assert parse_file(path, "text").headline == "<h1>Không phải</h1>"
    with pytest.raises(ImportFailedError, match="unknown format 'pdf'"):
        parse_file(path, "pdf")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("cu.doc", b"\xd0\xcf\x11\xe0", "old Word .doc"),
        ("khong-co.txt", None, "does not exist"),
        ("trong.txt", b"\n\n  \n", "no article text"),
    ],
)
def test_refusals_name_the_file(tmp_path: Path, name: str, content: bytes | None, reason: str):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFailedError, match=rf"^Cannot import {name}: .*{reason}"):
        parse_file(path)


def test_folders_are_searched_and_other_files_skipped_with_a_reason(tmp_path: Path):
    root = tmp_path / "nop-bai"
    (root / "tuan-1").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copyfile(SAMPLE_TEXT, root / "b.txt")
    shutil.copyfile(SAMPLE_TEXT, root / "tuan-1" / "a.md")
    shutil.copyfile(SAMPLE_TEXT, root / ".an.txt")
    shutil.copyfile(SAMPLE_TEXT, root / ".git" / "config.txt")
    shutil.copyfile(GATESHEAD, root / "tuan-1" / "anh.jpg")
    (root / "cu.doc").write_bytes(b"x")
    (root / "so-lieu.csv").write_text("a,b", encoding="utf-8")
    files, skipped = expand_paths([root, tmp_path / "le.txt"])
    assert files == [root / "b.txt", root / "tuan-1" / "a.md", tmp_path / "le.txt"]
    assert {s.file.name: s.reason for s in skipped} == {
        "cu.doc": "an old Word .doc file: save it as .docx first",
        "so-lieu.csv": "not an article file (.csv)",
        "anh.jpg": "a photo: photos come in with the page or document that shows them",
    }
