"""A file whose text is in the store already is not imported twice: the import says where it is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsroom_desktop.cli.main import main
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.jobs.imports import import_paths
from tests.conftest import SAMPLE_TEXT
from tests.importers.conftest import IMPORTS

DOCX = IMPORTS / "docx" / "libreoffice-resaved.docx"  # with two photos


def test_the_same_file_again_names_the_article_that_has_it(newsroom: Newsroom, tmp_path: Path):
    copy = tmp_path / "ban-sao.txt"  # another name, the same text
    shutil.copyfile(SAMPLE_TEXT, copy)
    nr = newsroom
    (first,) = import_paths(nr, [SAMPLE_TEXT, DOCX]).imported[:1]
    report = import_paths(nr, [copy, DOCX])
    assert [r.same_as is not None for r in report.results] == [True, True]
    assert report.results[0].same_as == first.article_id
    assert report.imported == () and report.failed == ()
    assert "2 already in the store" in report.summary()
    assert nr.articles.count() == 2  # nothing new
    # Asked to, it imports a copy; and a changed text is a new article.
    assert len(import_paths(nr, [copy], again=True).imported) == 1
    changed = tmp_path / "changed.txt"
    changed.write_text(SAMPLE_TEXT.read_text(encoding="utf-8") + "\nMột đoạn mới.\n")
    assert len(import_paths(nr, [changed]).imported) == 1


def test_an_edited_or_trashed_article_no_longer_counts_as_the_same(newsroom: Newsroom):
    nr = newsroom
    (result,) = import_paths(nr, [SAMPLE_TEXT]).results
    article_id = result.article_id
    assert article_id is not None
    nr.articles.save(article_id, {"lead": "Sapo đã sửa."})
    assert import_paths(nr, [SAMPLE_TEXT]).results[0].same_as is None
    again = import_paths(nr, [SAMPLE_TEXT]).results[0]
    assert again.same_as is not None
    nr.articles.trash(again.same_as)
    assert import_paths(nr, [SAMPLE_TEXT]).results[0].same_as is None


def test_the_command_says_so_and_lists_it(store_path: Path, capsys: pytest.CaptureFixture[str]):
    args = ["--store", str(store_path), "--as", "Ngọc Hậu", "import"]
    assert main([*args, str(SAMPLE_TEXT)]) == 0
    article_id = capsys.readouterr().out.strip()
    assert main([*args, str(SAMPLE_TEXT), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == [{"file": str(SAMPLE_TEXT), "same_as": article_id}]
    assert f"is in the store already, as {article_id}: not imported again" in captured.err
    assert main([*args, str(SAMPLE_TEXT), "--again"]) == 0
    assert capsys.readouterr().out.strip() not in ("", article_id)


def test_two_copies_in_one_batch_make_one_article(newsroom: Newsroom, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copyfile(SAMPLE_TEXT, folder / name)
    report = import_paths(newsroom, [folder])
    first, second = report.results
    assert first.article_id is not None and second.same_as == first.article_id
    assert newsroom.articles.count() == 1
