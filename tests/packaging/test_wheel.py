"""The wheel and sdist carry resources/ and the migrations; the wheel works in a fresh venv."""

from __future__ import annotations

import json
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from newsroom_desktop import __version__
from tests.conftest import ROOT
from tests.packaging.conftest import Packages, repo_resources, run

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

# One file of each kind a user meets; repo_resources() adds everything else under resources/.
KEY_RESOURCES = (
    "templates/article.html",
    "templates/print.css",
    "samples/sample-article.txt",
    "icons/newsroom-desktop.svg",
    "icons/hicolor/256x256/apps/newsroom-desktop.png",
    "fonts/NotoSerif-Regular.ttf",
)
MIGRATIONS = ("env.py", "script.py.mako", "versions/0001_initial.py")


def _under(names: list[str], prefix: str) -> set[str]:
    return {name.removeprefix(prefix) for name in names if name.startswith(prefix)}


def test_wheel_holds_resources_and_migrations(packages: Packages) -> None:
    with zipfile.ZipFile(packages.wheel) as wheel:
        names = wheel.namelist()
    resources = _under(names, "newsroom_desktop/resources/")
    assert set(KEY_RESOURCES) <= resources
    assert not repo_resources() - resources, "files under resources/ missing from the wheel"
    assert {n for n in resources if n.startswith("translations/") and n.endswith(".qm")}
    migrations = _under(names, "newsroom_desktop/core/migrations/")
    assert set(MIGRATIONS) <= migrations


def test_sdist_holds_resources_and_migrations(packages: Packages) -> None:
    with tarfile.open(packages.sdist) as sdist:
        names = sdist.getnames()
    top = f"newsroom_desktop-{__version__}/"
    assert set(KEY_RESOURCES) <= _under(names, top + "resources/")
    assert not repo_resources() - _under(names, top + "resources/")
    assert set(MIGRATIONS) <= _under(names, top + "src/newsroom_desktop/core/migrations/")
    # What the packaging needs to build from the sdist alone.
    assert {
        "packaging/newsroom-desktop.spec",
        "packaging/launcher.py",
        "packaging/io.github.newsroom_desktop.NewsroomDesktop.desktop",
        "packaging/io.github.newsroom_desktop.NewsroomDesktop.metainfo.xml",
    } <= _under(names, top)


def test_wheel_in_fresh_venv_imports_and_exports(wheel_venv: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    where = run([wheel_venv / "python", "-c",
                 "from newsroom_desktop.core.resources import resource_path;"
                 "print(resource_path('samples', 'sample-article.txt'))"],
                cwd=tmp_path, env=env).stdout.strip()  # fmt: skip
    sample = Path(where)
    # The sample comes from the installed package, not from this checkout.
    assert sample.is_relative_to(wheel_venv.parent), sample
    assert not sample.is_relative_to(ROOT)

    store = tmp_path / "store.sqlite"
    done = run([wheel_venv / "newsroom", "--store", store, "import", sample, "--json"],
               cwd=tmp_path, env=env)  # fmt: skip
    (imported,) = json.loads(done.stdout)
    out = tmp_path / "out"
    run([wheel_venv / "newsroom", "--store", store, "export", imported["id"],
         "--format", "html", "--out", out], cwd=tmp_path, env=env)  # fmt: skip
    (page,) = out.glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert "<title>Tăng cường sự lãnh đạo của Đảng" in html
    assert "Cập nhật lúc 06:59 ngày 07/09/2021" in html

    version = run([wheel_venv / "newsroom-desktop", "--version"], cwd=tmp_path, env=env)
    assert version.stdout.strip() == f"newsroom-desktop {__version__}"
    report = run([wheel_venv / "newsroom-desktop", "--check-resources"], cwd=tmp_path, env=env)
    assert json.loads(report.stdout)["problems"] == []
