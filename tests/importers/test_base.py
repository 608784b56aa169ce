"""Reading files for import: size limits before reading, encodings, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
from newsroom_desktop.importers.base import read_bytes, read_text


def test_size_limit_is_checked_before_reading(tmp_path: Path):
    path = tmp_path / "lon.txt"
    path.write_bytes(b"a" * 2048)
    assert read_bytes(path, limit=4096) == b"a" * 2048
    with pytest.raises(
        ImportFailedError, match=r"^Cannot import lon\.txt: .*at most 0 MB"
    ) as caught:
        read_bytes(path, limit=1024)
    assert caught.value.code == "too_large"


def test_missing_file_and_folder_give_one_line_naming_them(tmp_path: Path):
    with pytest.raises(ImportFailedError, match=r"^Cannot import khong-co\.txt: No such file"):
        read_bytes(tmp_path / "khong-co.txt")
    with pytest.raises(ImportFailedError, match=r"not a file"):
        read_bytes(tmp_path)


def test_text_is_nfc_and_legacy_text_warns(tmp_path: Path):
    path = tmp_path / "cu.txt"
    path.write_bytes("Café crème".encode("cp1252"))
    text, warnings = read_text(path)
    assert text == "Café crème"
    assert warnings
    assert "windows-1252" in warnings[0]


def test_article_helpers():
    figure = ImportedFigure(caption="Chú thích", image_bytes=b"x")
    article = ImportedArticle("Tiêu đề", blocks=("Đoạn.", figure)).with_warnings("", "cảnh báo")
    assert article.figures == (figure,)
    assert article.paragraphs == ("Đoạn.",)
    assert article.warnings == ("cảnh báo",)
    assert figure.has_image
    assert not ImportedFigure().has_image
