"""Photo metadata is capped: long fields cut, huge XMP packets left unread, each with a warning."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from newsroom_desktop.cli.main import main
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photos import ingest_file, read_metadata
from newsroom_desktop.core.photos.limits import FIELD_LIMITS, MAX_KEYWORDS, MAX_XMP_BYTES
from newsroom_desktop.jobs.imports import import_paths

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
FORMATS = {".jpg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".tif": "TIFF"}
CAPTION = "Đại biểu dự lễ khánh thành cầu Cần Thơ sáng 7-9. " * 500  # ~ 25,000 characters
HEADLINE = "Tiêu đề rất dài " * 50
CREATOR = "Nguyễn Văn An " * 30
KEYWORDS = [f"từ khóa {n} " + "dài " * 30 for n in range(150)]


def exiftool(*args: str | Path) -> None:
    assert EXIFTOOL is not None
    subprocess.run([EXIFTOOL, "-q", "-overwrite_original", *map(str, args)], check=True)


def blank(path: Path) -> Path:
    Image.new("RGB", (32, 24), (90, 140, 200)).save(path, FORMATS[path.suffix])
    return path


def packet(description: str, headline: str = "") -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
        f"<photoshop:Headline>{headline}</photoshop:Headline>"
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
        f"{description}</rdf:li></rdf:Alt></dc:description>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def pillow_png(path: Path, xmp: bytes) -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp.decode())
    Image.new("RGB", (32, 24)).save(path, "PNG", pnginfo=info)
    return path


@needs_exiftool
@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_long_fields_written_by_exiftool_are_cut_with_a_warning(tmp_path: Path, suffix: str):
    photo = blank(tmp_path / f"dai{suffix}")
    exiftool(
        f"-XMP-dc:Description={CAPTION}",
        f"-XMP-photoshop:Headline={HEADLINE}",
        f"-XMP-dc:Creator={CREATOR}",
        *(f"-XMP-dc:Subject={k}" for k in KEYWORDS),
        photo,
    )
    meta = read_metadata(photo)
    assert meta.description == CAPTION[: FIELD_LIMITS["description"]].rstrip()
    assert meta.headline == HEADLINE[: FIELD_LIMITS["headline"]].rstrip()
    assert meta.creator == CREATOR[: FIELD_LIMITS["creator"]].rstrip()
    assert len(meta.keywords) == MAX_KEYWORDS
    assert all(len(k) <= FIELD_LIMITS["keyword"] for k in meta.keywords)
    assert meta.warnings == (
        f"dai{suffix}: its caption was {len(CAPTION.strip()):,} characters; "
        "the first 2,000 were kept.",
        f"dai{suffix}: its headline was {len(HEADLINE.strip()):,} characters; "
        "the first 256 were kept.",
        f"dai{suffix}: its creator was {len(CREATOR.strip()):,} characters; "
        "the first 256 were kept.",
        f"dai{suffix}: it has 150 keywords; the first 100 were kept, each at most 64 characters.",
    )


def test_fields_within_the_limits_give_no_warning(tmp_path: Path):
    photo = pillow_png(tmp_path / "vua.png", packet("Chú thích vừa đủ.", "Tiêu đề"))
    meta = read_metadata(photo)
    assert (meta.description, meta.headline, meta.warnings) == ("Chú thích vừa đủ.", "Tiêu đề", ())


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A caption longer than the XMP packet limit, in a file for exiftool's ``<=``."""
    path = tmp_path_factory.mktemp("huge") / "caption.txt"
    path.write_text("x" * (MAX_XMP_BYTES + 100_000), encoding="utf-8")
    return path


@needs_exiftool
def test_xmp_packets_over_the_limit_are_not_parsed_in_any_container(tmp_path: Path, huge: Path):
    photos = [blank(tmp_path / f"to{suffix}") for suffix in sorted(FORMATS)]
    # JPEG keeps the caption in extended XMP; PNG in iTXt, WebP in its XMP chunk, TIFF in tag 700.
    exiftool(f"-XMP-dc:Description<={huge}", "-XMP-photoshop:Headline=Tiêu đề XMP", *photos)
    exiftool("-IPTC:CodedCharacterSet=UTF8", "-IPTC:Caption-Abstract=Chú thích IPTC", photos[0])
    for photo in photos:
        meta = read_metadata(photo)
        assert "xxxxxxxx" not in meta.description  # the huge packet was not read
        assert len(meta.warnings) == 1
        assert meta.warnings[0].startswith(f"{photo.name}: its XMP metadata is ")
        assert meta.warnings[0].endswith(", over the 4 MB limit; it was not read.")
    assert read_metadata(photos[0]).description == "Chú thích IPTC"  # the IIM copy still counts


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_xmp_packets_over_the_limit_written_by_pillow_are_not_parsed(tmp_path: Path, fmt: str):
    xmp = packet("y" * MAX_XMP_BYTES, "Tiêu đề")
    if fmt == "PNG":
        photo = pillow_png(tmp_path / "lon.png", xmp)
    else:
        photo = tmp_path / "lon.webp"
        Image.new("RGB", (32, 24)).save(photo, "WEBP", xmp=xmp)
    meta = read_metadata(photo)
    assert (meta.description, meta.headline) == ("", "")
    size = f"{len(xmp) / (1 << 20):.1f} MB"
    assert meta.warnings == (
        f"{photo.name}: its XMP metadata is {size}, over the 4 MB limit; it was not read.",
    )


def test_the_ingest_result_and_the_stored_photo_keep_to_the_limits(
    tmp_path: Path, newsroom: Newsroom
):
    photo = pillow_png(tmp_path / "dai.png", packet(CAPTION))
    ingested = ingest_file(photo, tmp_path / "originals")
    assert ingested.warnings == ingested.metadata.warnings
    assert "its caption was" in ingested.warnings[0]
    article = newsroom.articles.create({"headline": "Ảnh"})
    (use,) = newsroom.photos.link_ingested(article.id, [ingested])
    assert use.caption == CAPTION[:2000].rstrip()


def test_the_cli_says_what_was_cut(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    store = str(tmp_path / "cli.sqlite")
    photo = pillow_png(tmp_path / "dai.png", packet(CAPTION))
    assert main(["--store", store, "new", "--headline", "Ảnh"]) == 0
    article_id = capsys.readouterr().out.strip()
    assert main(["--store", store, "photos", "add", article_id, str(photo)]) == 0
    out, err = capsys.readouterr()
    assert len(out.split()) == 1  # the new photo's id, as before
    assert err.startswith("newsroom: warning: dai.png: its caption was 24,499 characters")


def test_an_import_says_what_was_cut(tmp_path: Path, newsroom: Newsroom):
    pillow_png(tmp_path / "dai.png", packet(CAPTION))
    page = tmp_path / "trang.html"
    page.write_text(
        "<html><body><h1>Tiêu đề</h1><p>Đoạn mở đầu.</p><img src='dai.png'></body></html>",
        encoding="utf-8",
    )
    (result,) = import_paths(newsroom, [page]).results
    assert any(w.startswith("dai.png: its caption was") for w in result.warnings)
