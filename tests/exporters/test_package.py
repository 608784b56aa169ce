"""The web package: page, Markdown, ninjs and photos whose files carry their captions."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile

from PIL import Image, ImageCms

from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.package import PackageExporter
from tests.exporters.conftest import ALTS, CREDIT, HOSTILE, HOSTILE_CAPTION, sha256
from tests.exporters.standards import ninjs_errors


def exiftool(*paths) -> list[dict]:
    out = subprocess.run(
        ["exiftool", "-json", "-G1", "-a", "-charset", "iptc=UTF8", *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def test_package_folder_has_page_markdown_ninjs_and_photos(sample_doc, tmp_path):
    files = PackageExporter().export(sample_doc, tmp_path, ExportOptions())
    folder = tmp_path / sample_doc.slug
    names = sorted(p.relative_to(folder).as_posix() for p in files)
    slug = sample_doc.slug
    assert names == sorted(
        [
            f"{slug}.html",
            f"{slug}.md",
            f"{slug}.ninjs.json",
            f"images/{slug}-1.jpg",
            f"images/{slug}-2.jpg",
        ]
    )
    page = (folder / f"{slug}.html").read_text(encoding="utf-8")
    assert f'src="images/{slug}-2.jpg"' in page
    assert (
        ninjs_errors(json.loads((folder / f"{slug}.ninjs.json").read_text(encoding="utf-8"))) == []
    )


def test_photos_carry_caption_credit_byline_copyright_and_alt_text(sample_doc, tmp_path):
    PackageExporter().export(sample_doc, tmp_path, ExportOptions())
    photos = sorted((tmp_path / sample_doc.slug / "images").glob("*.jpg"))
    tags = exiftool(*photos)
    for info, use, alt in zip(tags, sample_doc.photos, ALTS, strict=True):
        assert info["XMP-dc:Description"] == use.caption
        assert info["IPTC:Caption-Abstract"] == use.caption
        assert info["XMP-photoshop:Credit"] == CREDIT
        assert info["IPTC:Credit"] == CREDIT
        assert info["XMP-dc:Creator"] == "Ngọc Hậu"
        assert info["IPTC:By-line"] == "Ngọc Hậu"
        assert info["XMP-dc:Rights"] == info["IPTC:CopyrightNotice"] == "© 2021 Ngọc Hậu"
        assert info["XMP-iptcCore:AltTextAccessibility"] == alt
        assert info["XMP-photoshop:Headline"] == sample_doc.headline


def test_photos_are_upright_srgb_web_size_and_originals_unchanged(sample_doc, tmp_path):
    originals = [use.file for use in sample_doc.photos]
    before = [sha256(path) for path in originals]
    PackageExporter().export(sample_doc, tmp_path, ExportOptions(max_side=1200))
    first, second = sorted((tmp_path / sample_doc.slug / "images").glob("*.jpg"))
    with Image.open(first) as landscape, Image.open(second) as portrait:
        assert landscape.size == (1200, 800)
        assert portrait.size == (800, 1200)  # EXIF orientation 6 applied
        assert portrait.getexif().get(0x0112, 1) == 1
        profile = ImageCms.ImageCmsProfile(io.BytesIO(landscape.info["icc_profile"]))
        assert "sRGB" in ImageCms.getProfileDescription(profile)
        # The red mark drawn at the original's top-left ends up top-right after turning.
        red = portrait.getpixel((portrait.width - 10, 10))
        assert red[0] > 150
        assert red[1] < 90
    assert [sha256(path) for path in originals] == before


def test_package_zip(sample_doc, tmp_path):
    (path,) = PackageExporter().export(sample_doc, tmp_path, ExportOptions(zip=True))
    assert path.name == f"{sample_doc.slug}.zip"
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
        assert archive.testzip() is None
    slug = sample_doc.slug
    assert names == sorted(
        f"{slug}/{n}"
        for n in (
            f"{slug}.html",
            f"{slug}.md",
            f"{slug}.ninjs.json",
            f"images/{slug}-1.jpg",
            f"images/{slug}-2.jpg",
        )
    )
    assert not (tmp_path / slug).exists()


def test_hostile_captions_inside_photos_stay_text(hostile_doc, tmp_path):
    PackageExporter().export(hostile_doc, tmp_path, ExportOptions())
    (photo,) = (tmp_path / hostile_doc.slug / "images").glob("*.jpg")
    (info,) = exiftool(photo)
    assert info["XMP-dc:Description"] == HOSTILE_CAPTION
    assert info["IPTC:Caption-Abstract"] == HOSTILE_CAPTION
    assert info["XMP-photoshop:Credit"] == HOSTILE
