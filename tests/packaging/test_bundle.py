"""ui/bundle.py: the window icon and the --check-resources report an install is tested with."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from newsroom_desktop.ui import bundle
from tests.conftest import ROOT


@pytest.fixture
def resources_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(bundle, "resources_dir", lambda: copy)
    return copy


def test_app_icon_has_every_size(qapp: object) -> None:
    icon = bundle.app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in bundle.ICON_SIZES} <= sizes
    assert icon.pixmap(QSize(64, 64)).width() == 64


def test_checkout_has_no_problems(qapp: object) -> None:
    report = bundle.resource_report()
    assert report["problems"] == []
    assert set(bundle.REQUIRED) <= set(report["files"])
    assert {"env.py", "versions/0001_initial.py"} <= set(report["migrations"])
    assert {"Noto Sans", "Noto Serif"} <= set(report["fonts"])


def test_missing_template_and_broken_translation_are_reported(
    qapp: object, resources_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (resources_copy / "templates" / "article.html").unlink()
    (resources_copy / "translations" / "newsroom_vi.qm").unlink()
    (resources_copy / "translations" / "newsroom_xx.qm").write_bytes(b"not a catalogue")

    assert bundle.check_resources() == 1
    report = json.loads(capsys.readouterr().out)
    assert "missing resource templates/article.html" in report["problems"]
    assert "missing resource translations/newsroom_vi.qm" in report["problems"]
    assert "translation newsroom_xx.qm does not load" in report["problems"]
    assert report["translations"]["newsroom_xx.qm"] is False


def test_migrations_that_alembic_cannot_read_are_reported(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bundle that kept only compiled modules: the folder exists, the scripts do not.
    empty = tmp_path / "migrations"
    (empty / "versions").mkdir(parents=True)
    monkeypatch.setattr(bundle, "migrations_dir", lambda: empty)
    report = bundle.resource_report()
    assert any(p.startswith("migrations:") for p in report["problems"])
