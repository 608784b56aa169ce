"""Shipped resources are found in the checkout (editable install) as in a wheel."""

from __future__ import annotations

import pytest

from newsroom_desktop.core import resources
from newsroom_desktop.core.errors import NotFoundError
from tests.conftest import ROOT


def test_resources_of_the_checkout_are_found():
    assert (
        resources.resource_path("templates", "article.html")
        == ROOT / "resources" / "templates" / "article.html"
    )
    assert resources.resource_path("fonts", "NotoSerif-Regular.ttf").stat().st_size > 100_000


def test_a_wheel_layout_is_preferred(tmp_path, monkeypatch):
    package = tmp_path / "site" / "newsroom_desktop"
    (package / "resources" / "templates").mkdir(parents=True)
    (package / "resources" / "templates" / "article.html").write_text("x", encoding="utf-8")
    monkeypatch.setattr(resources, "_PACKAGE", package)
    resources.resources_dir.cache_clear()
    try:
        assert (
            resources.resource_path("templates", "article.html").read_text(encoding="utf-8") == "x"
        )
    finally:
        resources.resources_dir.cache_clear()


def test_a_missing_resource_is_named():
    with pytest.raises(NotFoundError, match=r"templates/nothing\.html is missing"):
        resources.resource_path("templates", "nothing.html")
