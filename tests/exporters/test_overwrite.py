"""Exports never replace a file they did not write, unless forced; re-exports replace their own."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from newsroom_desktop.cli.main import main
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.manifest import MANIFEST_NAME
from newsroom_desktop.jobs.exports import export_article, export_many, files_to_replace
from tests.exporters.test_batch import new_article

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")

MINE = "Ghi chú của tôi, không phải bài xuất.\n"


def export(newsroom, ids, out: Path, format: str = "md", **options):  # noqa: A002
    return export_many(newsroom, ids, format, out, options=ExportOptions(**options))


def visible(folder: Path) -> list[str]:
    """Every file under ``folder`` but the exports' own record, as the user sees them."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != MANIFEST_NAME
    )


def run(store_path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--store", str(store_path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_users_own_file_of_the_same_name_is_kept(newsroom, tmp_path):
    article_id = new_article(newsroom, "Bão số 5")
    out = tmp_path / "out"
    out.mkdir()
    (out / "bao-so-5.md").write_text(MINE)
    assert files_to_replace(newsroom, [article_id], "md", out, ExportOptions()) == [
        out / "bao-so-5.md"
    ]
    (result,) = export(newsroom, [article_id], out).results
    assert not result.ok
    assert result.error_code == "export_would_overwrite"
    assert str(out / "bao-so-5.md") in result.error
    assert (out / "bao-so-5.md").read_text() == MINE
    assert visible(out) == ["bao-so-5.md"]
    assert not [p for p in out.iterdir() if p.name.startswith(".newsroom-staging")]
    assert newsroom.articles.get(article_id).exported_at is None  # nothing was recorded


def test_the_same_article_exported_again_replaces_its_own_file(newsroom, tmp_path):
    article_id = new_article(newsroom, "Bão số 5")
    out = tmp_path / "out"
    assert export(newsroom, [article_id], out).results[0].ok
    newsroom.articles.save(article_id, {"body": "Bản mới.\n"})
    assert files_to_replace(newsroom, [article_id], "md", out, ExportOptions()) == []
    assert export(newsroom, [article_id], out).results[0].ok
    assert "Bản mới." in (out / "bao-so-5.md").read_text(encoding="utf-8")
    assert visible(out) == ["bao-so-5.md"]


def test_an_exported_file_the_user_changed_is_theirs(newsroom, tmp_path):
    article_id = new_article(newsroom, "Bão số 5")
    out = tmp_path / "out"
    export(newsroom, [article_id], out)
    edited = (out / "bao-so-5.md").read_text(encoding="utf-8") + "\nGhi thêm của biên tập.\n"
    (out / "bao-so-5.md").write_text(edited, encoding="utf-8")
    assert export(newsroom, [article_id], out).results[0].error_code == "export_would_overwrite"
    assert (out / "bao-so-5.md").read_text(encoding="utf-8") == edited
    # The user chose to replace it: force does, and the file is this article's again.
    assert export(newsroom, [article_id], out, force=True).results[0].ok
    assert "Ghi thêm" not in (out / "bao-so-5.md").read_text(encoding="utf-8")
    assert export(newsroom, [article_id], out).results[0].ok


def test_another_article_with_the_same_name_does_not_replace_the_first(newsroom, tmp_path):
    first = new_article(newsroom, "Bão số 5", body="Bài thứ nhất.\n")
    second = new_article(newsroom, "Bão số 5", body="Bài thứ hai.\n")
    out = tmp_path / "out"
    export(newsroom, [first], out)
    (result,) = export(newsroom, [second], out).results
    assert result.error_code == "export_would_overwrite"
    assert "Bài thứ nhất." in (out / "bao-so-5.md").read_text(encoding="utf-8")


def test_a_batch_exports_the_others_and_reports_the_refused(newsroom, tmp_path):
    ids = [new_article(newsroom, f"Tin {n}") for n in range(3)]
    out = tmp_path / "out"
    out.mkdir()
    (out / "tin-1.md").write_text(MINE)
    report = export(newsroom, ids, out)
    assert [r.ok for r in report.results] == [True, False, True]
    assert "tin-1.md" in report.results[1].error
    assert visible(out) == ["tin-0.md", "tin-1.md", "tin-2.md"]
    assert (out / "tin-1.md").read_text() == MINE


def test_photos_and_packages_are_checked_file_by_file(newsroom, sample_doc, tmp_path):
    out = tmp_path / "out"
    (out / "images").mkdir(parents=True)
    photo = out / "images" / f"{sample_doc.slug}-2.jpg"
    photo.write_bytes(b"the user's own picture")
    (result,) = export(newsroom, [sample_doc.id], out, format="html").results
    assert result.error_code == "export_would_overwrite"
    assert str(photo) in result.error
    assert visible(out) == [f"images/{sample_doc.slug}-2.jpg"]  # not even the page
    package = out / sample_doc.slug
    package.mkdir()
    (package / f"{sample_doc.slug}.ninjs.json").write_text("{}")
    (result,) = export(newsroom, [sample_doc.id], out, format="package").results
    assert result.error_code == "export_would_overwrite"
    assert (package / f"{sample_doc.slug}.ninjs.json").read_text() == "{}"


@pytest.mark.parametrize(
    ("fmt", "as_zip"),
    [
        (name, False)
        for name in ("html", "fragment", "md", "txt", "newsml", "nitf", "ninjs", "docx", "pdf")
    ]
    + [("package", False), ("package", True)],
)
def test_the_question_lists_every_file_an_export_writes(
    newsroom, sample_doc, tmp_path, fmt, as_zip
):
    """What the window asks about before exporting is what the export then writes."""
    options = ExportOptions(zip=as_zip, max_side=64)
    written = tmp_path / "written"
    (result,) = export_many(newsroom, [sample_doc.id], fmt, written, options=options).results
    assert result.ok, result.error
    out = tmp_path / "out"
    out.mkdir()
    for rel in visible(written):  # the user's own files, with the very same names
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(MINE)
    expected = sorted(out / rel for rel in visible(written))
    assert sorted(files_to_replace(newsroom, [sample_doc.id], fmt, out, options)) == expected
    (refused,) = export_many(newsroom, [sample_doc.id], fmt, out, options=options).results
    assert refused.error_code == "export_would_overwrite"
    assert files_to_replace(newsroom, [sample_doc.id], fmt, written, options) == []


def test_a_damaged_or_hostile_record_protects_every_file(newsroom, tmp_path):
    article_id = new_article(newsroom, "Bão số 5")
    out = tmp_path / "out"
    export(newsroom, [article_id], out)
    entry = {"file": "bao-so-5.md", "article": article_id, "sha256": "not a list"}
    for damage in ("{not json", json.dumps(entry), "[]", "\0" * 100):
        (out / MANIFEST_NAME).write_text(damage)
        assert export(newsroom, [article_id], out).results[0].error_code == (
            "export_would_overwrite"
        )
    (out / MANIFEST_NAME).unlink()
    os.mkfifo(out / MANIFEST_NAME)  # never read: a pipe would hang the export
    assert export(newsroom, [article_id], out).results[0].error_code == "export_would_overwrite"


def test_a_single_export_is_checked_too(newsroom, tmp_path):
    article_id = new_article(newsroom, "Bão số 5")
    out = tmp_path / "out"
    out.mkdir()
    (out / "bao-so-5.txt").write_text(MINE)
    result = export_article(newsroom, article_id, "txt", out, ExportOptions())
    assert result.error_code == "export_would_overwrite"
    forced = export_article(newsroom, article_id, "txt", out, replace(ExportOptions(), force=True))
    assert forced.ok and (out / "bao-so-5.txt").read_text(encoding="utf-8") != MINE


def test_the_command_refuses_in_one_line_and_force_replaces(
    newsroom, store_location, tmp_path, capsys
):
    ids = [new_article(newsroom, "Bão số 5"), new_article(newsroom, "Mưa lớn")]
    out = tmp_path / "out"
    out.mkdir()
    (out / "bao-so-5.html").write_text(MINE)
    code, stdout, err = run(store_location, capsys, "export", *ids, "-f", "html", "-o", str(out))
    assert code == 1
    errors = [line for line in err.splitlines() if not line.startswith("    warning: ")]
    (line,) = errors  # the refusal is one line
    assert line.startswith(f"newsroom: error: {ids[0][:8]}: ")
    assert str(out / "bao-so-5.html") in line and "--force" in line
    assert "mua-lon.html" in stdout  # the other article was exported
    assert (out / "bao-so-5.html").read_text() == MINE
    code, _, err = run(
        store_location, capsys, "export", *ids, "-f", "html", "-o", str(out), "--force"
    )
    assert code == 0, err
    assert "Bão số 5" in (out / "bao-so-5.html").read_text(encoding="utf-8")
    code, _, err = run(store_location, capsys, "export", ids[0], "-f", "html", "-o", str(out))
    assert code == 0, err  # its own file now


def test_files_moved_before_a_failure_stay_the_articles_own(newsroom, sample_doc, tmp_path):
    out = tmp_path / "out"
    blocker = out / "images" / f"{sample_doc.slug}-2.jpg"
    blocker.mkdir(parents=True)  # the second photo cannot be moved in
    (result,) = export(newsroom, [sample_doc.id], out, format="html", force=True).results
    assert not result.ok and "Cannot write" in result.error
    assert (out / f"{sample_doc.slug}.html").is_file()
    blocker.rmdir()
    (again,) = export(newsroom, [sample_doc.id], out, format="html").results
    assert again.ok, again.error  # the page moved in first is still its own
    assert len(visible(out)) == 3


def test_the_record_is_tidied_when_it_grows(newsroom, tmp_path):
    article_id = new_article(newsroom, "Bão số 5")
    out = tmp_path / "out"
    export(newsroom, [article_id], out)
    with (out / MANIFEST_NAME).open("a") as record:
        record.write('{"file": "gone.md", "article": "x", "sha256": ["0"]}\n' * 300)
    assert export(newsroom, [article_id], out).results[0].ok
    (line,) = (out / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["file"] == "bao-so-5.md"
