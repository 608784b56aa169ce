"""`newsroom photos template|codes`, `photos add --template`; exiftool reads the export."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from newsroom_desktop.cli import main
from tests.conftest import DATA

PHOTOS = DATA / "photos"
HT = "Trung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def exiftool(*paths: Path) -> list[dict[str, object]]:
    out = subprocess.run(
        ["exiftool", "-json", "-G1", "-a", "-charset", "iptc=UTF8", *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: list[dict[str, object]] = json.loads(out)
    return result


def taken(path: Path) -> str:
    """Return the date the photo was taken as dd/mm/yyyy, as exiftool reads it."""
    out = subprocess.run(
        ["exiftool", "-s3", "-d", "%d/%m/%Y", "-DateTimeOriginal", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip()


def _template(capsys, store: str) -> None:
    for argv in (
        ("caption", "=ht= phát biểu tại {event} ({city}, {date_taken:%d/%m/%Y})"),
        ("credit", "Ảnh: {creator}"),
        ("city", "Cần Thơ"),
        ("creator", "Ngọc Hậu"),
        ("alt_text", "Ảnh {seq} từ {filename}"),
    ):
        assert run(capsys, "--store", store, "photos", "template", "set", "Hội nghị", *argv)[0] == 0


def test_template_list_set_and_apply(capsys, store, tmp_path: Path):
    roster = tmp_path / "roster.txt"
    roster.write_bytes(f"ht\t{HT}\n".encode())
    assert run(capsys, "--store", store, "init")[0] == 0
    assert run(capsys, "--store", store, "photos", "codes", "import", str(roster))[0] == 0
    _template(capsys, store)
    code, out, _ = run(capsys, "--store", store, "photos", "template", "list", "--json")
    assert code == 0
    (listed,) = json.loads(out)
    assert listed["name"] == "Hội nghị"
    assert listed["fields"]["credit"] == {
        "apply": True,
        "mode": "replace",
        "value": "Ảnh: {creator}",
    }
    assert listed["fields"]["headline"]["apply"] is False
    assert run(capsys, "--store", store, "photos", "template", "list")[1] == (
        "Hội nghị\tcaption, creator, credit, city, alt_text\n"
    )
    article = run(capsys, "--store", store, "new", "--headline", "Hội nghị")[1].strip()
    files = [str(PHOTOS / "exiftool_t_PhotoMechanic.jpg"), str(PHOTOS / "mei_Photoshop_3.jpg")]
    assert run(capsys, "--store", store, "photos", "add", article, *files)[0] == 0
    doc = json.loads(run(capsys, "--store", store, "show", article, "--json")[1])
    photo_ids = [p["photo_id"] for p in doc["photos"]]
    code, out, err = run(
        capsys, "--store", store, "photos", "template", "apply", "Hội nghị", *photo_ids,
        "--event", "Hội nghị Thành ủy", "--json",
    )  # fmt: skip
    assert code == 0, err
    changes = json.loads(out)
    assert [c["photo_id"] for c in changes] == photo_ids
    shot = taken(PHOTOS / "exiftool_t_PhotoMechanic.jpg")
    assert shot == "29/10/2006"
    assert (
        changes[0]["after"]["caption"] == f"{HT} phát biểu tại Hội nghị Thành ủy (Cần Thơ, {shot})"
    )
    assert changes[0]["before"]["creator"] == "Photographer"
    assert changes[1]["after"]["alt_text"] == "Ảnh 2 từ mei_Photoshop_3.jpg"


def test_template_errors_are_clear(capsys, store):
    assert run(capsys, "--store", store, "init")[0] == 0
    code, _, err = run(
        capsys, "--store", store, "photos", "template", "set", "T", "caption", "{city"
    )
    assert code != 0
    assert "caption: a “{” without its “}”" in err
    code, _, err = run(capsys, "--store", store, "photos", "template", "apply", "Không có", "abcd")
    assert code != 0
    assert "no caption template named 'Không có'" in err


def test_add_with_a_template_reaches_the_exported_files(capsys, store, tmp_path: Path):
    roster = tmp_path / "roster.txt"
    roster.write_bytes(f"ht\t{HT}\n".encode())
    assert run(capsys, "--store", store, "init")[0] == 0
    assert run(capsys, "--store", store, "photos", "codes", "import", str(roster))[0] == 0
    _template(capsys, store)
    article = run(capsys, "--store", store, "new", "--headline", "Hội nghị")[1].strip()
    photo = PHOTOS / "mei_FujiFilm_FinePixS1Pro_4.jpg"
    code, _, err = run(
        capsys, "--store", store, "photos", "add", article, str(photo), "--template", "Hội nghị"
    )
    assert code == 0, err
    out = tmp_path / "out"
    code, _, err = run(capsys, "--store", store, "export", article, "-f", "package", "-o", str(out))
    assert code == 0, err
    (image,) = sorted(out.glob("*/images/*.jpg"))
    (info,) = exiftool(image)
    caption = f"{HT} phát biểu tại (Cần Thơ, {taken(photo)})"  # no {event} at import
    assert info["XMP-dc:Description"] == info["IPTC:Caption-Abstract"] == caption
    assert info["XMP-photoshop:Credit"] == info["IPTC:Credit"] == "Ảnh: Ngọc Hậu"
    assert info["XMP-dc:Creator"] == info["IPTC:By-line"] == "Ngọc Hậu"
    assert info["XMP-iptcCore:AltTextAccessibility"] == f"Ảnh 1 từ {photo.name}"
    assert info["IPTC:CodedCharacterSet"] == "UTF8"


def test_roster_import_export_and_a_bad_file(capsys, store, tmp_path: Path):
    assert run(capsys, "--store", store, "init")[0] == 0
    roster = tmp_path / "roster.txt"
    roster.write_bytes(f"nh\tNgọc Hậu\tPhóng viên\nht\t{HT}\n".encode())
    code, _, err = run(capsys, "--store", store, "photos", "codes", "import", str(roster))
    assert code == 0
    assert "2 codes taken in from roster.txt" in err
    exported = tmp_path / "back.txt"
    assert run(capsys, "--store", store, "photos", "codes", "export", str(exported))[0] == 0
    assert exported.read_text(encoding="utf-8") == f"ht\t{HT}\nnh\tNgọc Hậu\tPhóng viên\n"
    assert run(capsys, "--store", store, "photos", "codes", "export", "-")[1] == (
        exported.read_text(encoding="utf-8")
    )
    roster.write_bytes(b"ht\tCaf\xe9 Tr\xe2n\n")  # Latin-1, not UTF-8
    code, _, err = run(capsys, "--store", store, "photos", "codes", "import", str(roster))
    assert code != 0
    assert "roster.txt is not UTF-8 text (line 1)" in err
    code, out, _ = run(capsys, "--store", store, "photos", "codes", "export", "-")
    assert out.count("\n") == 2  # the roster before the bad file, kept whole


def test_batch_sets_one_field_on_many_photos(capsys, store):
    assert run(capsys, "--store", store, "init")[0] == 0
    article = run(capsys, "--store", store, "new", "--headline", "Ảnh")[1].strip()
    files = [str(PHOTOS / "exiftool_t_PhotoMechanic.jpg"), str(PHOTOS / "mei_Photoshop_3.jpg")]
    assert run(capsys, "--store", store, "photos", "add", article, *files)[0] == 0
    doc = json.loads(run(capsys, "--store", store, "show", article, "--json")[1])
    ids = [p["photo_id"] for p in doc["photos"]]
    short = [i[:8] for i in ids]  # unique prefixes do, as for articles
    code, _, err = run(capsys, "--store", store, "photos", "batch", "creator", "Ngọc Hậu", *short)
    assert code == 0, err
    assert "2 of 2 photos changed" in err
    doc = json.loads(run(capsys, "--store", store, "show", article, "--json")[1])
    assert {p["creator"] for p in doc["photos"]} == {"Ngọc Hậu"}


def test_a_photo_id_too_short_or_unknown_is_refused(capsys, store):
    assert run(capsys, "--store", store, "init")[0] == 0
    code, _, err = run(capsys, "--store", store, "photos", "batch", "city", "Huế", "abc")
    assert code != 0
    assert "too short" in err
    code, _, err = run(capsys, "--store", store, "photos", "batch", "city", "Huế", "abcdef12")
    assert code != 0
    assert "No photo with id abcdef12." in err
