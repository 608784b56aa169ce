"""Every importer refuses pipes, devices and folders with one line, without reading them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.importers.registry import parse_file

SUFFIXES = (".txt", ".html", ".md", ".docx")


@pytest.mark.timeout(20)
@pytest.mark.parametrize("suffix", [*SUFFIXES, ""])  # no suffix: its first bytes would decide
def test_a_pipe_is_refused_at_once_whatever_its_name(tmp_path: Path, suffix: str):
    pipe = tmp_path / f"bai{suffix}"
    os.mkfifo(pipe)  # opening it to read would wait for a writer forever
    with pytest.raises(
        ImportFailedError, match=rf"^Cannot import bai{suffix}: it is a pipe"
    ) as err:
        parse_file(pipe)
    assert err.value.code == "unreadable"


@pytest.mark.timeout(20)
@pytest.mark.parametrize("fmt", ["text", "html", "md", "docx"])
def test_a_device_is_refused_unread_whatever_the_format(fmt: str):
    with pytest.raises(ImportFailedError, match=r"^Cannot import zero: it is a device, not a file"):
        parse_file(Path("/dev/zero"), fmt)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_folder_named_like_an_article_is_refused(tmp_path: Path, suffix: str):
    folder = tmp_path / f"bai{suffix}"
    folder.mkdir()
    with pytest.raises(ImportFailedError, match=r"it is a folder, not a file"):
        parse_file(folder)
