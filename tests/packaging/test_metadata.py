"""The desktop entry, the AppStream metainfo and the icons are valid and agree with the app."""

from __future__ import annotations

import configparser
import subprocess
from xml.etree import ElementTree

from PIL import Image

from newsroom_desktop import __version__
from newsroom_desktop.app import DESKTOP_ID
from newsroom_desktop.ui.bundle import ICON_SIZES
from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{DESKTOP_ID}.desktop"
METAINFO = PACKAGING / f"{DESKTOP_ID}.metainfo.xml"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_is_valid() -> None:
    done = subprocess.run(
        ["desktop-file-validate", DESKTOP], check=False, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == ""  # no warnings either


def test_desktop_entry_starts_the_app_with_its_icon() -> None:
    entry = _entry()
    assert entry["Exec"].split()[0] == "newsroom-desktop"
    assert entry["Icon"] == "newsroom-desktop"
    assert (HICOLOR / "48x48" / "apps" / f"{entry['Icon']}.png").is_file()
    assert {"Office", "Publishing"} <= set(entry["Categories"].strip(";").split(";"))
    assert entry["Comment[vi]"]


def test_metainfo_is_valid() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", METAINFO],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_names_the_desktop_entry_and_this_release() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    release = root.find("releases/release")
    assert release is not None
    assert release.get("version") == __version__
    assert release.get("date") == "2026-11-27"
    assert {el.get(LANG) for el in root.findall("summary")} == {None, "vi"}
    assert {el.get(LANG) for el in root.findall("description/p")} == {None, "vi"}
    assert root.find("content_rating") is not None
    assert root.findtext("screenshots/screenshot/image", "").endswith("docs/screenshot.png")


def test_icons_have_the_size_their_folder_names() -> None:
    folders = sorted(HICOLOR.glob("*x*/apps/newsroom-desktop.png"))
    # packaging/make_icons.py writes ICON_SIZES; the window icon loads the same list.
    assert {p.parts[-3] for p in folders} == {f"{n}x{n}" for n in ICON_SIZES}
    for png in folders:
        size = int(png.parts[-3].split("x")[0])
        with Image.open(png) as image:
            assert image.size == (size, size), png
            alpha = image.convert("RGBA").getchannel("A")
            # Rounded corners stay transparent; the middle is the drawn page.
            assert alpha.getpixel((0, 0)) == 0, png
            assert alpha.getpixel((size // 2, size // 2)) == 255, png
