"""The PyInstaller folder runs on its own: version, resources, CLI import and export, the window."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from newsroom_desktop import __version__
from tests.conftest import SAMPLE_TEXT
from tests.packaging.conftest import repo_resources, run

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

HEADLINE = "Tăng cường sự lãnh đạo của Đảng"


def _env() -> dict[str, str]:
    # Nothing from this checkout or its venv may leak into the frozen process.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PATH"] = "/usr/bin:/bin"
    return env


def test_both_executables_report_the_version(frozen_app: Path, tmp_path: Path) -> None:
    for name in ("newsroom", "newsroom-desktop"):
        done = run([frozen_app / name, "--version"], cwd=tmp_path, env=_env())
        assert done.stdout.strip() == f"{name} {__version__}"


def test_bundle_holds_every_resource_and_the_migrations(frozen_app: Path, tmp_path: Path) -> None:
    done = run([frozen_app / "newsroom-desktop", "--check-resources"], cwd=tmp_path, env=_env())
    report = json.loads(done.stdout)
    assert report["problems"] == []
    assert Path(report["resources"]).is_relative_to(frozen_app)
    assert not repo_resources() - set(report["files"]), "files under resources/ not bundled"
    assert {"env.py", "versions/0001_initial.py"} <= set(report["migrations"])
    assert report["translations"], "no translation catalogue in the bundle"
    assert all(report["translations"].values())
    assert {"Noto Sans", "Noto Serif"} <= set(report["fonts"])
    assert {"svg", "jpeg", "png", "webp"} <= set(report["image_formats"])


def test_cli_imports_and_exports_the_sample(frozen_app: Path, tmp_path: Path) -> None:
    newsroom = frozen_app / "newsroom"
    store = tmp_path / "store.sqlite"
    done = run(
        [newsroom, "--store", store, "import", SAMPLE_TEXT, "--json"], cwd=tmp_path, env=_env()
    )
    (imported,) = json.loads(done.stdout)
    out = tmp_path / "out"
    for fmt in ("html", "pdf", "docx"):
        run([newsroom, "--store", store, "export", imported["id"], "--format", fmt, "--out", out],
            cwd=tmp_path, env=_env())  # fmt: skip
    (page,) = out.glob("*.html")
    assert f"<title>{HEADLINE}" in page.read_text(encoding="utf-8")
    # The PDF proves QtGui, QtPrintSupport and the bundled fonts made it in.
    (pdf,) = out.glob("*.pdf")
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    assert "NotoSerif-Regular" in fonts
    text = subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Cập nhật lúc 06:59 ngày 07/09/2021" in text
    (word,) = out.glob("*.docx")  # python-docx's template data files are bundled
    assert word.stat().st_size > 10_000
    # Reading the page back runs readability-lxml, lxml and nh3 from the bundle.
    again = run([newsroom, "--store", store, "import", page, "--json"], cwd=tmp_path, env=_env())
    (reimported,) = json.loads(again.stdout)
    shown = run(
        [newsroom, "--store", store, "show", reimported["id"], "--json"], cwd=tmp_path, env=_env()
    )
    assert json.loads(shown.stdout)["headline"].startswith(HEADLINE)


def _screenshot(frozen_app: Path, folder: Path, lang: str) -> Image.Image:
    shot = folder / f"shot-{lang}.png"
    run([frozen_app / "newsroom-desktop", "--store", folder / f"{lang}.sqlite", "--lang", lang,
         "--screenshot", shot], cwd=folder, env=_env())  # fmt: skip
    with Image.open(shot) as image:
        assert image.format == "PNG"
        return image.convert("RGB")


def test_window_opens_offscreen_for_a_screenshot(frozen_app: Path, tmp_path: Path) -> None:
    from newsroom_desktop.ui.main_window import DEFAULT_SIZE

    english = _screenshot(frozen_app, tmp_path, "en")
    assert english.size == DEFAULT_SIZE
    # A drawn window (the sample article, its photos), not a blank or black surface.
    colours = english.getcolors(maxcolors=1_000_000)
    assert colours is not None
    assert len(colours) > 500
    # The menu bar reads "Tệp  Sửa  Định dạng ..." only if the bundled catalogues load.
    vietnamese = _screenshot(frozen_app, tmp_path, "vi")
    menu_bar = (0, 0, DEFAULT_SIZE[0] // 2, 24)
    assert english.crop(menu_bar).tobytes() != vietnamese.crop(menu_bar).tobytes()
