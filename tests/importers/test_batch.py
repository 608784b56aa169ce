"""Batches: a transaction per file, progress, cancel between files, and the summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.jobs.imports import import_paths
from tests.conftest import SAMPLE_TEXT
from tests.importers.conftest import IMPORTS


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bai"
    folder.mkdir()
    for source in sorted((IMPORTS / "text").glob("*.txt")):
        shutil.copyfile(source, folder / source.name)
    (folder / "hong.docx").write_bytes(b"not a zip at all")
    (folder / "ghi-chu.csv").write_text("a,b", encoding="utf-8")
    return folder


def test_a_folder_imports_each_file_and_reports_failures_and_skips(
    newsroom: Newsroom, tmp_path: Path
):
    report = import_paths(newsroom, [_folder(tmp_path)])
    assert [r.file.name for r in report.imported] == [
        "dantri.txt", "english.txt", "nhandan.txt", "tuoitre.txt", "vnexpress.txt",
    ]  # fmt: skip
    (failed,) = report.failed
    assert failed.file.name == "hong.docx"
    assert failed.code == "not_docx"
    assert failed.error is not None
    assert failed.error.startswith("Cannot import hong.docx:")
    assert [s.file.name for s in report.skipped] == ["ghi-chu.csv"]
    assert report.summary() == "Imported 5 article(s); 1 failed; 1 skipped."
    assert newsroom.articles.count() == 5


def test_progress_is_reported_and_cancel_stops_between_files(newsroom: Newsroom, tmp_path: Path):
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, name: str) -> bool:
        calls.append((done, total, name))
        return done < 2

    report = import_paths(newsroom, [_folder(tmp_path)], progress=progress)
    assert report.cancelled
    assert len(report.results) == 2
    assert calls == [(0, 6, "dantri.txt"), (1, 6, "english.txt"), (2, 6, "hong.docx")]
    assert newsroom.articles.count() == 2
    assert report.summary().endswith("Cancelled.")


def test_progress_ends_at_the_total(newsroom: Newsroom):
    calls: list[tuple[int, int, str]] = []
    report = import_paths(newsroom, [SAMPLE_TEXT], progress=lambda *a: calls.append(a) or True)
    assert calls == [(0, 1, "sample-article.txt"), (1, 1, "")]
    assert not report.cancelled
    assert len(report.imported) == 1


def test_a_hostile_file_does_not_stop_the_batch(newsroom: Newsroom, tmp_path: Path):
    huge = tmp_path / "a-huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)
    report = import_paths(
        newsroom, [huge, IMPORTS / "html" / "hostile.html", SAMPLE_TEXT], format="auto"
    )
    assert [r.ok for r in report.results] == [False, True, True]
    assert report.results[0].code == "too_large"


def test_section_and_format_apply_to_every_file(newsroom: Newsroom):
    report = import_paths(newsroom, [SAMPLE_TEXT], format="text", section="Pháp luật")
    (result,) = report.imported
    assert result.article_id is not None
    assert newsroom.articles.get(result.article_id).section == "Pháp luật"


def test_one_article_refused_in_a_shared_commit_leaves_the_others_stored(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from newsroom_desktop.core import intake

    real = intake._add_to_session

    def refuse_english(session, ctx, prepared):  # type: ignore[no-untyped-def]
        article_id = real(session, ctx, prepared)  # the row is added, then the failure comes
        if prepared.article.language == "en":
            raise ValidationError("refused for the test")
        return article_id

    monkeypatch.setattr(intake, "_add_to_session", refuse_english)
    report = import_paths(newsroom, [_folder(tmp_path)])
    refused = [r for r in report.results if r.code == "invalid"]
    assert [r.file.name for r in refused] == ["english.txt"]
    assert len(report.imported) == 4
    assert newsroom.articles.count() == 4
    assert newsroom.articles.search("Mekong") == []
