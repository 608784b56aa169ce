"""Photos of an export: names beside the article, credits read as names, waiting figures."""

from __future__ import annotations

import pytest

from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.images import (
    credit_name,
    photo_copyright,
    plan_images,
    write_images,
)

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("Ảnh: Ngọc Hậu", "Ngọc Hậu"),
        ("ảnh Minh Trí", "Minh Trí"),
        ("Photo by AP", "AP"),
        ("TTXVN", "TTXVN"),
    ],
)
def test_credit_name(credit, name):
    assert credit_name(credit) == name


def test_plan_names_and_upright_sizes(sample_doc):
    plan = plan_images(sample_doc, ExportOptions(max_side=900))
    assert [(i.name, i.width, i.height) for i in plan.values()] == [
        (f"{sample_doc.slug}-1.jpg", 900, 600),
        (f"{sample_doc.slug}-2.jpg", 600, 900),
    ]


def test_newsroom_copyright_wins_over_the_photographer(sample_doc):
    use = sample_doc.photos[0]
    assert photo_copyright(sample_doc, use, ExportOptions()) == "© 2021 Ngọc Hậu"
    assert (
        photo_copyright(sample_doc, use, ExportOptions(copyright="© Báo Cần Thơ"))
        == "© Báo Cần Thơ"
    )


def test_a_figure_waiting_for_its_photo_writes_no_file(newsroom, tmp_path):
    from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
    from tests.exporters.conftest import store_imported

    doc = store_imported(
        newsroom, ImportedArticle("Chờ ảnh", blocks=("Đoạn.", ImportedFigure("Chú thích")))
    )
    images = write_images(doc, tmp_path, ExportOptions())
    (image,) = images.values()
    assert not image.has_file
    assert not (tmp_path / "images").exists()


# A store file can lose an original; a server cannot (blobs are never deleted), and a desk's
# lost cached copy is fetched again (tests/core/test_photo_blobs.py).
@pytest.mark.backends("sqlite")
def test_a_lost_original_is_a_clear_error(sample_doc, tmp_path):
    sample_doc.photos[1].file.unlink()
    with pytest.raises(ExportFailedError, match=r"The photo DSC_0002\.jpg of “Tăng cường"):
        write_images(sample_doc, tmp_path, ExportOptions())
