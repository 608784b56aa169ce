"""Web renditions: size, orientation, sRGB, and caption fields that exiftool reads back."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos import (
    RenditionInfo,
    iptc,
    jpeg,
    read_metadata,
    write_rendition,
    xmp,
)

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
VI_CAPTION = "Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ."
VI_CREDIT = "Ảnh: Ngọc Hậu"
HOSTILE = '<script>alert("x")</script> & \'quotes\' "double" ]]> <!-- -->'
FIELDS: dict[str, str] = {
    "caption": VI_CAPTION,
    "credit": VI_CREDIT,
    "creator": "Ngọc Hậu",
    "copyright": "© Báo Công an Cần Thơ",
    "alt_text": "Đại biểu ngồi trong hội trường",
}


def exiftool_json(path: Path) -> dict[str, object]:
    assert EXIFTOOL is not None
    out = subprocess.run(
        [EXIFTOOL, "-j", "-G1", "-a", "-charset", "iptc=UTF8", str(path)],
        check=True,
        capture_output=True,
    ).stdout
    result: dict[str, object] = json.loads(out)[0]
    return result


def landscape_jpeg(path: Path, size: tuple[int, int] = (4000, 3000), **save: object) -> Path:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.save(path, "JPEG", quality=90, **save)
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- an Adobe-RGB-like ICC profile, built by hand (Pillow can only create sRGB) ------------------


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \x00\x00\x00\x00" + _s15(x) + _s15(y) + _s15(z)


def _desc(text: str) -> bytes:
    ascii_text = text.encode() + b"\x00"
    return (
        b"desc\x00\x00\x00\x00"
        + struct.pack(">I", len(ascii_text))
        + ascii_text
        + b"\x00" * 8  # no Unicode description
        + b"\x00\x00\x00"
        + b"\x00" * 67  # no ScriptCode description
    )


def adobe_rgb_like_profile() -> bytes:
    gamma = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\x00\x00"
    tags = [
        (b"desc", _desc("Adobe RGB like (test)")),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(0.60974, 0.31111, 0.01947)),
        (b"gXYZ", _xyz(0.20528, 0.62567, 0.06087)),
        (b"bXYZ", _xyz(0.14919, 0.06322, 0.74457)),
        (b"rTRC", gamma),
        (b"gTRC", gamma),
        (b"bTRC", gamma),
        (b"cprt", b"text\x00\x00\x00\x00No copyright\x00\x00\x00\x00"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body + b"\x00" * (-len(body) % 4)
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + bytes((2, 0x10, 0, 0))
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\x00" * 24
        + struct.pack(">I", 0)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + b"\x00" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


# --- tests ----------------------------------------------------------------------------------


@needs_exiftool
def test_exiftool_reads_every_field_as_iim_and_xmp(tmp_path: Path) -> None:
    source = landscape_jpeg(tmp_path / "source.jpg")
    dest = tmp_path / "web" / "photo.jpg"
    info = write_rendition(
        source,
        dest,
        **FIELDS,
        headline="Hội nghị trực tuyến toàn quốc",
        keywords=["Cần Thơ", "công an", "Cần Thơ", " "],
        title="Hội nghị",
    )
    assert info == RenditionInfo(width=1600, height=1200, path=dest)
    tags = exiftool_json(dest)
    expected = {
        "XMP-dc:Description": VI_CAPTION,
        "XMP-dc:Creator": "Ngọc Hậu",
        "XMP-dc:Rights": FIELDS["copyright"],
        "XMP-dc:Title": "Hội nghị",
        "XMP-dc:Subject": ["Cần Thơ", "công an"],
        "XMP-photoshop:Credit": VI_CREDIT,
        "XMP-photoshop:Headline": "Hội nghị trực tuyến toàn quốc",
        "XMP-iptcCore:AltTextAccessibility": FIELDS["alt_text"],
        "IPTC:CodedCharacterSet": "UTF8",
        "IPTC:Caption-Abstract": VI_CAPTION,
        "IPTC:By-line": "Ngọc Hậu",
        "IPTC:Credit": VI_CREDIT,
        "IPTC:CopyrightNotice": FIELDS["copyright"],
        "IPTC:Headline": "Hội nghị trực tuyến toàn quốc",
        "IPTC:ObjectName": "Hội nghị",
        "IPTC:Keywords": ["Cần Thơ", "công an"],
        "IFD0:Orientation": "Horizontal (normal)",
        "File:EncodingProcess": "Progressive DCT, Huffman coding",
        "ICC_Profile:ProfileDescription": "sRGB built-in",
    }
    assert {key: tags.get(key) for key in expected} == expected
    assert tags["Photoshop:IPTCDigest"] == tags["File:CurrentIPTCDigest"]
    assert "ExifTool:Warning" not in tags


def test_our_reader_reads_the_rendition_back(tmp_path: Path) -> None:
    source = landscape_jpeg(tmp_path / "source.jpg", (800, 600))
    dest = tmp_path / "out.jpg"
    write_rendition(source, dest, **FIELDS, headline="Tiêu đề", keywords=("a", "b"))
    meta = read_metadata(dest)
    assert (meta.description, meta.credit, meta.creator) == (
        VI_CAPTION,
        VI_CREDIT,
        "Ngọc Hậu",
    )
    assert (meta.copyright, meta.alt_text, meta.headline, meta.keywords) == (
        FIELDS["copyright"],
        FIELDS["alt_text"],
        "Tiêu đề",
        ("a", "b"),
    )
    segments = jpeg.read_app_segments(dest, frozenset({jpeg.APP13}))
    iim = iptc.fields_from_photoshop(iptc.photoshop_payload(p for _, p in segments))
    assert (iim.description, iim.credit, iim.headline) == (VI_CAPTION, VI_CREDIT, "Tiêu đề")


@needs_exiftool
def test_hostile_strings_stay_text(tmp_path: Path) -> None:
    source = landscape_jpeg(tmp_path / "source.jpg", (300, 200))
    dest = tmp_path / "out.jpg"
    fields = dict.fromkeys(FIELDS, HOSTILE)
    write_rendition(source, dest, **fields, headline=HOSTILE, keywords=[HOSTILE], title=HOSTILE)
    tags = exiftool_json(dest)
    for key in (
        "XMP-dc:Description",
        "XMP-dc:Creator",
        "XMP-dc:Rights",
        "XMP-dc:Title",
        "XMP-dc:Subject",
        "XMP-photoshop:Credit",
        "XMP-photoshop:Headline",
        "XMP-iptcCore:AltTextAccessibility",
        "IPTC:Caption-Abstract",
        "IPTC:Headline",
    ):
        assert tags[key] == HOSTILE, key
    assert tags["IPTC:By-line"] == HOSTILE.encode()[:32].decode()  # IIM limit: 32 bytes
    # The packet is well-formed XML with one rdf:Description and no markup smuggled in.
    packet = _xmp_packet(dest)
    root = xmp.parse_packet(packet)
    assert root is not None
    assert b"<script>" not in packet
    assert read_metadata(dest).description == HOSTILE


def _xmp_packet(path: Path) -> bytes:
    segments = jpeg.read_app_segments(path, frozenset({jpeg.APP1}))
    return next(p for _, p in segments if p.startswith(xmp.XMP_HEADER))[len(xmp.XMP_HEADER) :]


@needs_exiftool
def test_iim_limits_cut_on_character_boundaries(tmp_path: Path) -> None:
    source = landscape_jpeg(tmp_path / "source.jpg", (200, 100))
    dest = tmp_path / "out.jpg"
    long_caption = VI_CAPTION * 60  # ~ 4 KB of UTF-8, mostly multi-byte letters
    long_credit = "Ảnh: Nguyễn Thị Ngọc Hậu, Phương Nam"  # more than 32 bytes
    write_rendition(
        source,
        dest,
        caption=long_caption,
        credit=long_credit,
        creator="Nguyễn Thị Ngọc Hậu và Đặng Văn",
        copyright="© " + "Báo " * 60,
        alt_text="alt",
        keywords=["Đường " * 20],
    )
    tags = exiftool_json(dest)
    for key, text, limit in (
        ("IPTC:Caption-Abstract", long_caption, 2000),
        ("IPTC:Credit", long_credit, 32),
        ("IPTC:By-line", "Nguyễn Thị Ngọc Hậu và Đặng Văn", 32),
        ("IPTC:Keywords", ("Đường " * 20).strip(), 64),
    ):
        value = str(tags[key])
        assert len(value.encode()) <= limit, key
        assert len(value.encode()) > limit - 4, key  # cut at most one character short
        assert text.startswith(value), key
        assert "\ufffd" not in value
    assert tags["XMP-dc:Description"] == long_caption  # XMP keeps the whole text
    assert tags["XMP-photoshop:Credit"] == long_credit


def test_longest_side_1600_by_default_and_never_upscaled(tmp_path: Path) -> None:
    portrait = landscape_jpeg(tmp_path / "portrait.jpg", (3000, 4500))
    info = write_rendition(portrait, tmp_path / "a.jpg", **FIELDS)
    assert (info.width, info.height) == (1067, 1600)
    small = landscape_jpeg(tmp_path / "small.jpg", (640, 480))
    info = write_rendition(small, tmp_path / "b.jpg", **FIELDS, max_side=1600)
    assert (info.width, info.height) == (640, 480)
    info = write_rendition(small, tmp_path / "c.jpg", **FIELDS, max_side=100, quality=60)
    with Image.open(info.path) as image:
        assert image.size == (100, 75) == (info.width, info.height)


def test_orientation_is_applied_and_reset(tmp_path: Path) -> None:
    source = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8769)[0x9003] = "2021:09:07 06:59:00"
    Image.new("RGB", (2000, 1000), (10, 200, 10)).save(source, exif=exif.tobytes())
    info = write_rendition(source, tmp_path / "out.jpg", **FIELDS)
    assert (info.width, info.height) == (800, 1600)
    with Image.open(info.path) as image:
        assert image.size == (800, 1600)
        assert image.getexif().get(0x0112) == 1
    meta = read_metadata(info.path)
    assert (meta.orientation, meta.taken_at) == (1, "2021-09-07T06:59:00")


@needs_exiftool
def test_gps_and_private_exif_are_not_published(tmp_path: Path) -> None:
    assert EXIFTOOL is not None
    source = landscape_jpeg(tmp_path / "gps.jpg", (300, 200))
    subprocess.run(
        [
            EXIFTOOL,
            "-q",
            "-overwrite_original",
            "-GPSLatitude=10.03",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=105.78",
            "-GPSLongitudeRef=E",
            "-SerialNumber=123456",
            "-Make=Canon",
            "-Model=Canon EOS R5",
            str(source),
        ],
        check=True,
    )
    out = write_rendition(source, tmp_path / "out.jpg", **FIELDS).path
    tags = exiftool_json(out)
    assert not [key for key in tags if "GPS" in key or "Serial" in key]
    assert tags["IFD0:Model"] == "Canon EOS R5"


def test_original_is_never_modified(tmp_path: Path) -> None:
    source = tmp_path / "original.jpg"
    shutil.copyfile(PHOTOS / "iptc-ref-2024.1__aidin36-xmp.jpg", source)
    before = sha(source)
    write_rendition(source, tmp_path / "out.jpg", **FIELDS)
    assert sha(source) == before == sha(PHOTOS / "iptc-ref-2024.1__aidin36-xmp.jpg")


def test_cmyk_becomes_rgb_with_srgb_profile(tmp_path: Path) -> None:
    source = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(source)
    out = write_rendition(source, tmp_path / "out.jpg", **FIELDS).path
    with Image.open(out) as image:
        assert image.mode == "RGB"
        red, green, blue = image.getpixel((150, 100))
        assert red > 200
        assert green < 60
        assert blue < 60
        icc = image.info["icc_profile"]
    description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    assert "sRGB" in description


def test_wide_gamut_profile_is_converted_to_srgb(tmp_path: Path) -> None:
    profile = adobe_rgb_like_profile()
    source = tmp_path / "adobe.jpg"
    colour = (60, 160, 60)
    Image.new("RGB", (300, 200), colour).save(source, quality=100, icc_profile=profile)
    wide = ImageCms.ImageCmsProfile(io.BytesIO(profile))
    expected = ImageCms.profileToProfile(
        Image.new("RGB", (1, 1), colour), wide, ImageCms.createProfile("sRGB")
    )
    assert expected is not None
    expected_pixel = expected.getpixel((0, 0))
    assert isinstance(expected_pixel, tuple)
    assert max(abs(a - b) for a, b in zip(expected_pixel, colour, strict=True)) > 10
    out = write_rendition(source, tmp_path / "out.jpg", **FIELDS).path
    with Image.open(out) as image:
        pixel = image.getpixel((150, 100))
        assert isinstance(pixel, tuple)
        assert max(abs(a - b) for a, b in zip(pixel, expected_pixel, strict=True)) <= 3
        description = ImageCms.getProfileDescription(
            ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))
        )
    assert "sRGB" in description


def test_png_with_alpha_is_flattened_on_white(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 100, 100))
    image.save(source)
    out = write_rendition(source, tmp_path / "out.jpg", **FIELDS).path
    with Image.open(out) as result:
        assert result.mode == "RGB"
        assert all(c > 245 for c in result.getpixel((150, 50)))  # type: ignore[union-attr]


def test_too_much_text_for_one_segment_is_refused(tmp_path: Path) -> None:
    source = landscape_jpeg(tmp_path / "s.jpg", (100, 100))
    with pytest.raises(PhotoError) as caught:
        write_rendition(source, tmp_path / "out.jpg", **{**FIELDS, "caption": "Đ" * 40_000})
    assert caught.value.code == "metadata_too_large"
    assert not (tmp_path / "out.jpg").exists()


def test_bad_settings_and_bad_originals_are_refused(tmp_path: Path) -> None:
    source = landscape_jpeg(tmp_path / "s.jpg", (100, 100))
    with pytest.raises(PhotoError) as caught:
        write_rendition(source, tmp_path / "o.jpg", **FIELDS, quality=0)
    assert caught.value.code == "invalid"
    fake = tmp_path / "fake.jpg"
    fake.write_text("nope")
    with pytest.raises(PhotoError) as caught:
        write_rendition(fake, tmp_path / "o.jpg", **FIELDS)
    assert caught.value.code == "not_an_image"
    assert not (tmp_path / "o.jpg").exists()


def test_segments_sit_after_the_jfif_and_exif_headers(tmp_path: Path) -> None:
    source = landscape_jpeg(tmp_path / "s.jpg", (100, 100))
    data = write_rendition(source, tmp_path / "o.jpg", **FIELDS).path.read_bytes()
    markers = []
    pos = 2
    while data[pos + 1] != 0xDA:
        markers.append(data[pos + 1])
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    assert markers[:5] == [0xE0, jpeg.APP1, jpeg.APP1, jpeg.APP13, 0xE2]


def test_the_same_rendition_is_the_same_bytes_in_another_process_and_second(tmp_path):
    """The embedded sRGB profile carries no time of making: an export made again is identical."""
    source = tmp_path / "photo.jpg"
    Image.new("RGB", (900, 600), (200, 120, 40)).save(source, quality=90)
    script = (
        "import sys; from pathlib import Path; "
        "from newsroom_desktop.core.photos.rendition import write_rendition; "
        "write_rendition(Path(sys.argv[1]), Path(sys.argv[2]), max_side=300, "
        "caption='Ảnh', credit='Ảnh: Ngọc Hậu', creator='Ngọc Hậu', copyright='', alt_text='')"
    )
    made = []
    for name in ("first.jpg", "second.jpg"):
        dest = tmp_path / name
        command = [sys.executable, "-c", script, str(source), str(dest)]
        subprocess.run(command, check=True, capture_output=True)
        made.append(dest.read_bytes())
        time.sleep(1.1)  # the next one is made in another second
    assert made[0] == made[1]
    with Image.open(io.BytesIO(made[0])) as image:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))
    assert "sRGB" in ImageCms.getProfileDescription(profile)
