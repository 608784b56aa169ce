"""A folder import reads nothing outside the chosen folder: links out, loops, pipes skipped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsroom_desktop.cli.main import main
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.jobs.imports import ImportReport, import_paths
from tests.conftest import SAMPLE_TEXT
from tests.importers.conftest import GATESHEAD

SECRET = "Mậtkhẩu chuyện riêng tư không được nhập vào tòa soạn."


def _another_article(path: Path) -> None:
    """Write an article of its own (a copy of the sample's text would be found already stored)."""
    path.write_text(
        f"Tin về {path.stem}\n\nChợ nổi Cái Răng họp từ sáng sớm; bài {path.stem}.\n",
        encoding="utf-8",
    )


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the one imported, with a text file and a photo nobody chose."""
    folder = tmp_path / "ngoai"
    (folder / "kho").mkdir(parents=True)
    (folder / "bi-mat.txt").write_text(f"Bí mật\n\n{SECRET}\n", encoding="utf-8")
    (folder / "kho" / "bi-mat-2.txt").write_text(f"Bí mật hai\n\n{SECRET}\n", encoding="utf-8")
    shutil.copyfile(GATESHEAD, folder / "anh-rieng.jpg")
    return folder


@pytest.fixture
def chosen(tmp_path: Path) -> Path:
    folder = tmp_path / "nop-bai"
    folder.mkdir()
    shutil.copyfile(SAMPLE_TEXT, folder / "bai.txt")
    return folder


def _skipped(report: ImportReport) -> dict[str, str]:
    return {s.file.name: s.reason for s in report.skipped}


def test_links_out_of_the_folder_are_skipped_and_said_why(
    newsroom: Newsroom, chosen: Path, outside: Path
):
    (chosen / "x.txt").symlink_to(outside / "bi-mat.txt")
    (chosen / "kho-ngoai").symlink_to(outside / "kho", target_is_directory=True)
    (chosen / "passwd.txt").symlink_to("/etc/passwd")
    report = import_paths(newsroom, [chosen])
    assert [r.file.name for r in report.results] == ["bai.txt"]
    assert newsroom.articles.count() == 1
    assert newsroom.articles.search("Mậtkhẩu") == []
    skipped = _skipped(report)
    assert set(skipped) == {"x.txt", "kho-ngoai", "passwd.txt"}
    assert "outside the folder" in skipped["x.txt"]
    assert str((outside / "bi-mat.txt").resolve()) in skipped["x.txt"]
    assert "outside the folder" in skipped["kho-ngoai"]
    assert "/etc/passwd" in skipped["passwd.txt"]


def test_links_inside_the_folder_are_followed_and_each_file_imported_once(
    newsroom: Newsroom, chosen: Path
):
    (chosen / "tuan-1").mkdir()
    _another_article(chosen / "tuan-1" / "le.txt")
    (chosen / "a-ban-sao.txt").symlink_to(chosen / "bai.txt")  # sorts before its target
    (chosen / "a-tuan").symlink_to("tuan-1", target_is_directory=True)
    (chosen / "rieng").mkdir()
    (chosen / "rieng" / "chi-o-day.txt").symlink_to("../tuan-1/le.txt")
    report = import_paths(newsroom, [chosen])
    # The real names come first; a link to a file already found is said, not imported again.
    assert [r.file.relative_to(chosen).as_posix() for r in report.imported] == [
        "bai.txt",
        "tuan-1/le.txt",
    ]
    assert newsroom.articles.count() == 2
    skipped = {s.file.relative_to(chosen).as_posix(): s.reason for s in report.skipped}
    assert skipped == {
        "a-ban-sao.txt": "the same file as bai.txt, imported once",
        "rieng/chi-o-day.txt": "the same file as tuan-1/le.txt, imported once",
        "a-tuan": "a link to the folder tuan-1, searched once",
    }


def test_a_link_to_a_folder_inside_that_is_not_searched_otherwise_is_followed(
    newsroom: Newsroom, tmp_path: Path, chosen: Path
):
    (chosen / ".an").mkdir()  # hidden folders are not searched, but a link to one is chosen
    _another_article(chosen / ".an" / "giau.txt")
    (chosen / "hien").symlink_to(".an", target_is_directory=True)
    report = import_paths(newsroom, [chosen])
    assert [r.file.relative_to(chosen).as_posix() for r in report.imported] == [
        "bai.txt",
        "hien/giau.txt",
    ]


@pytest.mark.timeout(20)
def test_loops_broken_links_and_pipes_are_skipped_not_followed(newsroom: Newsroom, chosen: Path):
    (chosen / "sau").mkdir()
    (chosen / "sau" / "len").symlink_to("..", target_is_directory=True)  # a folder loop
    (chosen / "vong-a.txt").symlink_to("vong-b.txt")  # a link loop
    (chosen / "vong-b.txt").symlink_to("vong-a.txt")
    (chosen / "mat.txt").symlink_to("khong-co.txt")
    os.mkfifo(chosen / "ong.txt")  # reading it would wait for a writer forever
    report = import_paths(newsroom, [chosen])
    assert [r.file.name for r in report.results] == ["bai.txt"]
    skipped = {s.file.relative_to(chosen).as_posix(): s.reason for s in report.skipped}
    assert skipped["sau/len"] == "a link back to a folder it is in (a loop)"
    assert skipped["vong-a.txt"] == "a link that goes round in a loop"
    assert skipped["vong-b.txt"] == "a link that goes round in a loop"
    assert skipped["mat.txt"] == "a link to khong-co.txt, which does not exist"
    assert skipped["ong.txt"] == "not a regular file (a pipe, socket or device)"


def test_a_chosen_folder_that_is_a_link_is_searched(
    newsroom: Newsroom, tmp_path: Path, chosen: Path
):
    alias = tmp_path / "loi-tat"
    alias.symlink_to(chosen, target_is_directory=True)
    (chosen / "ban-sao.txt").symlink_to(chosen / "bai.txt")
    report = import_paths(newsroom, [alias])
    assert [r.file for r in report.imported] == [alias / "bai.txt"]
    assert _skipped(report) == {"ban-sao.txt": "the same file as bai.txt, imported once"}


def _page(folder: Path, image: str) -> Path:
    page = folder / "bai-anh.md"
    page.write_text(
        f"---\ntitle: Bài có ảnh\n---\n\nĐoạn mở đầu của bài.\n\n![Ảnh]({image})\n",
        encoding="utf-8",
    )
    return page


def test_an_image_linked_out_of_the_page_folder_is_not_taken(
    newsroom: Newsroom, chosen: Path, outside: Path
):
    (chosen / "anh.jpg").symlink_to(outside / "anh-rieng.jpg")
    _page(chosen, "anh.jpg")
    report = import_paths(newsroom, [chosen / "bai-anh.md"])
    (result,) = report.imported
    assert result.warnings == ("The photo anh.jpg is outside the page's folder; it was left out.",)
    assert result.article_id is not None
    assert newsroom.articles.get(result.article_id).photos == ()  # no photo came in


def test_an_image_linked_inside_the_page_folder_is_taken(newsroom: Newsroom, chosen: Path):
    (chosen / "anh").mkdir()
    shutil.copyfile(GATESHEAD, chosen / "anh" / "that.jpg")
    (chosen / "anh.jpg").symlink_to("anh/that.jpg")
    _page(chosen, "anh.jpg")
    (result,) = import_paths(newsroom, [chosen / "bai-anh.md"]).imported
    assert result.warnings == ()
    assert result.article_id is not None
    (use,) = newsroom.articles.get(result.article_id).photos
    assert use.file is not None


def test_an_image_link_loop_is_a_warning_not_a_crash(newsroom: Newsroom, chosen: Path):
    (chosen / "a.jpg").symlink_to("b.jpg")
    (chosen / "b.jpg").symlink_to("a.jpg")
    _page(chosen, "a.jpg")
    report = import_paths(newsroom, [chosen / "bai-anh.md", chosen / "bai.txt"])
    assert [r.ok for r in report.results] == [True, True]
    assert report.results[0].warnings == ("The photo a.jpg was not found beside the page.",)


def test_the_cli_says_what_was_skipped(store_path: Path, chosen: Path, outside: Path, capsys):
    (chosen / "x.txt").symlink_to(outside / "bi-mat.txt")
    assert main(["--store", str(store_path), "import", str(chosen)]) == 0
    err = capsys.readouterr().err
    assert f"newsroom: skipped {chosen / 'x.txt'}: a link to " in err
    assert "outside the folder" in err
