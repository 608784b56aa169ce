"""newsroom import: ids printed, JSON list, exit code 1 when any file failed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsroom_desktop.cli.main import main
from tests.conftest import SAMPLE_TEXT
from tests.importers.conftest import IMPORTS


def _run(store: Path, *args: str) -> int:
    return main(["--store", str(store), "--as", "Ngọc Hậu", "import", *args])


def test_import_prints_the_new_ids(store_path: Path, capsys: pytest.CaptureFixture[str]):
    assert (
        _run(store_path, str(SAMPLE_TEXT), str(IMPORTS / "docx" / "libreoffice-resaved.docx")) == 0
    )
    ids = capsys.readouterr().out.split()
    assert len(ids) == 2
    assert main(["--store", str(store_path), "show", ids[0], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["byline"] == "Ngọc Hậu"
    assert len(shown["photos"]) == 2


def test_json_lists_ids_errors_and_skips_and_exits_1(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(SAMPLE_TEXT, folder / "a.txt")
    (folder / "b.docx").write_bytes(b"PK\x03\x04 broken")
    (folder / "c.pdf").write_bytes(b"%PDF-1.4")
    assert _run(store_path, str(folder), "--json", "--section", "Thời sự") == 1
    captured = capsys.readouterr()
    listed = json.loads(captured.out)
    assert [sorted(entry) for entry in listed] == [
        ["file", "id"],
        ["error", "file"],
        ["file", "skipped"],
    ]
    assert listed[1]["error"].startswith("Cannot import b.docx:")
    assert "newsroom: error: Cannot import b.docx" in captured.err
    assert main(["--store", str(store_path), "list", "--json"]) == 0
    (summary,) = json.loads(capsys.readouterr().out)
    assert summary["id"] == listed[0]["id"]
    assert summary["section"] == "Thời sự"


def test_forced_format_and_usage_errors(store_path: Path, capsys: pytest.CaptureFixture[str]):
    assert _run(store_path, str(SAMPLE_TEXT), "--format", "html") == 0
    with pytest.raises(SystemExit) as exited:
        _run(store_path, str(SAMPLE_TEXT), "--format", "pdf")
    assert exited.value.code == 2
    with pytest.raises(SystemExit):
        _run(store_path)
