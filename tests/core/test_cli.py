"""The newsroom command on a real store: exit codes, output, JSON, id prefixes, shared photos."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from newsroom_desktop.cli import main
from tests.conftest import DATA

PHOTOS = DATA / "photos"


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: a letter it lacks is its base letter plus a tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", decomposed[:-1])
            out += base.encode("cp1258") + decomposed[-1].encode("cp1258")
    return out


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def test_init_new_show_json(capsys, store):
    assert run(capsys, "--store", store, "init")[0] == 0
    code, out, _ = run(
        capsys,
        "--store",
        store,
        "new",
        "--headline",
        "Tăng cường sự lãnh đạo của Đảng",
        "--section",
        "ĐẢNG ỦY TRỰC THUỘC THÀNH ỦY",
        "--lead",
        "Sáng 07/9, hội thảo.",
        "--byline",
        "Ngọc Hậu",
        "--tag",
        "Công an",
        "--tag",
        "Cần Thơ",
    )
    assert code == 0
    article_id = out.strip()
    code, out, _ = run(capsys, "--store", store, "show", article_id[:6], "--json")
    assert code == 0
    doc = json.loads(out)
    for key in (
        "id",
        "section",
        "headline",
        "lead",
        "body",
        "byline",
        "language",
        "status",
        "created_at",
        "updated_at",
        "tags",
        "word_count",
        "photos",
    ):
        assert key in doc
    assert doc["id"] == article_id
    assert doc["tags"] == ["Công an", "Cần Thơ"]
    assert doc["updated_at"].endswith("+00:00")
    assert doc["word_count"] == 4


def test_photos_add_with_shared_photos_fills_captions(capsys, store):
    article_id = run(capsys, "--store", store, "new", "--headline", "Ảnh")[1].strip()
    files = [
        str(PHOTOS / n)
        for n in (
            "iptc-ref-2024.1__aidin36-xmp.jpg",
            "exiftool_t_PhotoMechanic.jpg",
            "mei_FujiFilm_FinePixS1Pro_4.jpg",
            "mei_Photoshop_3.jpg",
        )
    ]
    code, out, err = run(capsys, "--store", store, "photos", "add", article_id, *files)
    assert code == 0, err
    use_ids = out.split()
    assert len(use_ids) == 4
    # Each is narrower than the 1200 px the web needs (the setting's default): said, not refused.
    assert err.count("the web needs at least 1200 px") == 4
    assert (
        "iptc-ref-2024.1__aidin36-xmp.jpg: The photo is only 1000 px wide; the web needs at "
        "least 1200 px." in err
    )
    doc = json.loads(run(capsys, "--store", store, "show", article_id, "--json")[1])
    by_caption = {p["caption"]: p for p in doc["photos"]}
    iptc = by_caption["The description aka caption (ref2023.2)"]
    assert iptc["credit"] == "Credit Line (ref2023.2)"
    assert iptc["creator"] == "Creator1 (ref2023.2)"
    assert iptc["alt_text"] == "This is the Alt Text description to support accessibility in 2023.2"
    assert by_caption["Caption"]["creator"] == "Photographer"
    assert by_caption["The Gateshead Angel"]["credit"] == "Ian Britton - FreeFoto.com"
    assert by_caption["Test description string for metadata-extractor"]["creator"] == (
        "Test author string for metadata-extractor"
    )
    assert all(Path(p["file"]).exists() for p in doc["photos"])
    assert doc["body"].count("](photo:") == 4
    # photos set by unique prefix
    code, _, err = run(
        capsys,
        "--store",
        store,
        "photos",
        "set",
        article_id[:8],
        use_ids[1][:8],
        "--caption",
        "Đại biểu tham dự",
        "--credit",
        "Ảnh: Ngọc Hậu",
        "--alt",
        "Hội trường",
    )
    assert code == 0, err
    doc = json.loads(run(capsys, "--store", store, "show", article_id, "--json")[1])
    second = next(p for p in doc["photos"] if p["id"] == use_ids[1])
    assert (second["caption"], second["credit"], second["alt_text"]) == (
        "Đại biểu tham dự",
        "Ảnh: Ngọc Hậu",
        "Hội trường",
    )


def test_search_and_list(capsys, store):
    run(capsys, "--store", store, "new", "--headline", "Công an Cần Thơ", "--section", "Thời sự")
    run(capsys, "--store", store, "new", "--headline", "Bóng đá", "--section", "Thể thao")
    code, out, _ = run(capsys, "--store", store, "search", "cong an", "--json")
    assert code == 0
    assert [r["headline"] for r in json.loads(out)] == ["Công an Cần Thơ"]
    code, out, _ = run(capsys, "--store", store, "search", 'NEAR("(*')
    assert code == 0
    code, out, _ = run(capsys, "--store", store, "list", "--section", "Thể thao", "--json")
    assert [r["headline"] for r in json.loads(out)] == ["Bóng đá"]
    code, out, _ = run(capsys, "--store", store, "list")
    assert "Công an Cần Thơ" in out and "Bóng đá" in out


def test_edit_reads_body_file_and_legacy_encoding(capsys, store, tmp_path):
    article_id = run(capsys, "--store", store, "new", "--headline", "Tin")[1].strip()
    legacy = tmp_path / "body.txt"
    legacy.write_bytes(cp1258("Cà phê và bánh mì ở Đà Nẵng, thành phố Hồ Chí Minh."))
    code, _out, err = run(capsys, "--store", store, "edit", article_id, "--body-file", str(legacy))
    assert code == 0
    assert "not valid UTF-8" in err
    doc = json.loads(run(capsys, "--store", store, "show", article_id, "--json")[1])
    assert doc["body"] == "Cà phê và bánh mì ở Đà Nẵng, thành phố Hồ Chí Minh.\n"


def test_errors_exit_one_with_one_line(capsys, store, tmp_path):
    code, _, err = run(capsys, "--store", store, "show", "nope")
    assert code == 1
    assert err.strip() == "newsroom: error: No article with id nope."
    article_id = run(capsys, "--store", store, "new", "--headline", "x")[1].strip()
    fake = tmp_path / "fake.jpg"
    fake.write_text("not an image")
    code, _, err = run(capsys, "--store", store, "photos", "add", article_id, str(fake))
    assert code == 1
    assert "fake.jpg" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--store", str(fake), "list")
    assert code == 1 and "not a Newsroom store" in err


def test_bad_usage_exits_two():
    result = subprocess.run(
        [sys.executable, "-m", "newsroom_desktop.cli.main", "frobnicate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    with pytest.raises(SystemExit) as exc:
        main(["new"])  # --headline is required
    assert exc.value.code == 2


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "newsroom" in capsys.readouterr().out


def test_environment_variable_selects_the_store(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSROOM_STORE", str(tmp_path / "env.sqlite"))
    code, out, _ = run(capsys, "init")
    assert code == 0
    assert str(tmp_path / "env.sqlite") in out
