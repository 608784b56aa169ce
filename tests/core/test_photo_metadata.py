"""Photo metadata: real photos, files written by exiftool, hostile input, and merge rules."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos import PhotoMetadata, iptc, jpeg, read_metadata, xmp
from newsroom_desktop.core.photos.exif import camera_name
from newsroom_desktop.core.photos.fields import decode_legacy, normalise_iso

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
VI_CAPTION = "Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ."
VI_CREDIT = "Ảnh: Ngọc Hậu"
DC = "http://purl.org/dc/elements/1.1/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PS = "http://ns.adobe.com/photoshop/1.0/"


# --- helpers -----------------------------------------------------------------------------


def make_jpeg(path: Path, size: tuple[int, int] = (64, 48), **save: object) -> Path:
    Image.new("RGB", size, (90, 140, 200)).save(path, "JPEG", **save)
    return path


def exiftool(*args: str | Path) -> None:
    assert EXIFTOOL is not None
    subprocess.run([EXIFTOOL, "-q", "-overwrite_original", *map(str, args)], check=True)


def with_segments(path: Path, *segments: bytes) -> Path:
    path.write_bytes(jpeg.insert_segments(path.read_bytes(), list(segments)))
    return path


def xmp_segment(packet: bytes) -> bytes:
    return jpeg.segment(jpeg.APP1, xmp.XMP_HEADER + packet)


def packet(body: str, attributes: str = "", doctype: str = "") -> str:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        f'{doctype}<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        f'<rdf:RDF xmlns:rdf="{RDF}">'
        f'<rdf:Description rdf:about="" xmlns:dc="{DC}" xmlns:photoshop="{PS}"'
        ' xmlns:xmpNote="http://ns.adobe.com/xmp/note/"'
        ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"'
        f" {attributes}>{body}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )


def alt(name: str, value: str) -> str:
    return f'<{name}><rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt></{name}>'


# --- the real photos ---------------------------------------------------------------------

README_VALUES = {
    "iptc-ref-2024.1__aidin36-xmp.jpg": (
        "The description aka caption (ref2023.2)",
        "The Headline (ref2023.2)",
        "Creator1 (ref2023.2)",
        "Credit Line (ref2023.2)",
    ),
    "exiftool_t_PhotoMechanic.jpg": ("Caption", "Headline", "Photographer", "Credit"),
    "mei_FujiFilm_FinePixS1Pro_4.jpg": (
        "The Gateshead Angel",
        "The Gateshead Angel",
        "Ian Britton",
        "Ian Britton - FreeFoto.com",
    ),
    "mei_Photoshop_3.jpg": (
        "Test description string for metadata-extractor",
        "",
        "Test author string for metadata-extractor",
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(README_VALUES))
def test_real_photos_give_the_readme_values(name: str) -> None:
    meta = read_metadata(PHOTOS / name)
    assert (meta.description, meta.headline, meta.creator, meta.credit) == README_VALUES[name]


def test_iptc_reference_image_in_full() -> None:
    meta = read_metadata(PHOTOS / "iptc-ref-2024.1__aidin36-xmp.jpg")
    assert meta == PhotoMetadata(
        format="JPEG",
        width=1000,
        height=500,
        orientation=1,
        taken_at="2024-03-22T00:23:02+00:00",
        camera="",
        description="The description aka caption (ref2023.2)",
        headline="The Headline (ref2023.2)",
        creator="Creator1 (ref2023.2)",
        credit="Credit Line (ref2023.2)",
        copyright="Copyright (Notice) 2023.2 IPTC - www.iptc.org  (ref2023.2)",
        alt_text="This is the Alt Text description to support accessibility in 2023.2",
        keywords=("Keyword1ref2023.2", "Keyword2ref2023.2", "Keyword3ref2023.2"),
    )


def test_photoshop_xmp_creator_wins_over_iim_cut_at_32_bytes() -> None:
    meta = read_metadata(PHOTOS / "mei_Photoshop_3.jpg")
    assert meta.creator == "Test author string for metadata-extractor"
    assert meta.keywords == ("test keyword 1", "test keyword 2")
    assert meta.copyright == "Test copyright string for metadata-extractor"
    segments = jpeg.read_app_segments(PHOTOS / "mei_Photoshop_3.jpg", frozenset({jpeg.APP13}))
    iim = iptc.fields_from_photoshop(iptc.photoshop_payload(p for _, p in segments))
    assert iim.creator == "Test author string for metadata-"


def test_exif_camera_and_date_from_fujifilm() -> None:
    meta = read_metadata(PHOTOS / "mei_FujiFilm_FinePixS1Pro_4.jpg")
    assert meta.camera == "FUJIFILM FinePixS2Pro"
    assert meta.taken_at == "2002-09-01T12:03:56"
    assert (meta.width, meta.height, meta.format) == (600, 400, "JPEG")


def test_photo_mechanic_iim_date_and_time_with_offset() -> None:
    segments = jpeg.read_app_segments(
        PHOTOS / "exiftool_t_PhotoMechanic.jpg", frozenset({jpeg.APP13})
    )
    iim = iptc.fields_from_photoshop(iptc.photoshop_payload(p for _, p in segments))
    assert iim.taken_at == "2006-10-29T06:27:51-05:00"
    assert read_metadata(PHOTOS / "exiftool_t_PhotoMechanic.jpg").taken_at == iim.taken_at


# --- files written by exiftool -------------------------------------------------------------


@needs_exiftool
def test_iim_utf8_with_coded_character_set(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "utf8.jpg")
    exiftool(
        "-IPTC:CodedCharacterSet=UTF8",
        f"-IPTC:Caption-Abstract={VI_CAPTION}",
        f"-IPTC:Credit={VI_CREDIT}",
        "-IPTC:By-line=Ngọc Hậu",
        "-IPTC:Headline=Tăng cường",
        "-IPTC:Keywords=Cần Thơ",
        "-IPTC:Keywords=công an",
        photo,
    )
    meta = read_metadata(photo)
    assert meta.description == VI_CAPTION
    assert meta.credit == VI_CREDIT
    assert meta.creator == "Ngọc Hậu"
    assert meta.headline == "Tăng cường"
    assert meta.keywords == ("Cần Thơ", "công an")


@needs_exiftool
def test_iim_latin1_without_marker(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "latin.jpg")
    exiftool("-charset", "iptc=Latin", "-IPTC:Caption-Abstract=Café au lait", photo)
    exiftool("-charset", "iptc=Latin", "-IPTC:By-line=José Müller", photo)
    raw = photo.read_bytes()
    assert "Café".encode("latin-1") in raw
    assert b"\x1b%G" not in raw
    meta = read_metadata(photo)
    assert meta.description == "Café au lait"
    assert meta.creator == "José Müller"


@needs_exiftool
def test_iim_utf8_without_marker_is_sniffed(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "sniffed.jpg")
    exiftool("-charset", "iptc=UTF8", f"-IPTC:Caption-Abstract={VI_CAPTION}", photo)
    assert b"\x1b%G" not in photo.read_bytes()
    assert read_metadata(photo).description == VI_CAPTION


@needs_exiftool
def test_xmp_utf8_written_by_exiftool(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "xmp.jpg")
    exiftool(
        f"-XMP-dc:Description={VI_CAPTION}",
        f"-XMP-photoshop:Credit={VI_CREDIT}",
        "-XMP-dc:Creator=Ngọc Hậu",
        "-XMP-dc:Creator=Phương Nam",
        "-XMP-photoshop:Headline=Tiêu đề",
        "-XMP-dc:Rights=© Báo Công an",
        "-XMP-iptcCore:AltTextAccessibility=Ảnh đại biểu",
        "-XMP-dc:Subject=Cần Thơ",
        "-XMP-dc:Subject=hội nghị",
        photo,
    )
    meta = read_metadata(photo)
    assert meta.description == VI_CAPTION
    assert meta.credit == VI_CREDIT
    assert meta.creator == "Ngọc Hậu, Phương Nam"
    assert meta.headline == "Tiêu đề"
    assert meta.copyright == "© Báo Công an"
    assert meta.alt_text == "Ảnh đại biểu"
    assert meta.keywords == ("Cần Thơ", "hội nghị")


@needs_exiftool
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_xmp_utf16_packet(tmp_path: Path, encoding: str) -> None:
    body = alt("dc:description", VI_CAPTION) + f"<photoshop:Credit>{VI_CREDIT}</photoshop:Credit>"
    photo = with_segments(
        make_jpeg(tmp_path / "utf16.jpg"), xmp_segment(packet(body).encode(encoding))
    )
    meta = read_metadata(photo)
    assert meta.description == VI_CAPTION
    assert meta.credit == VI_CREDIT
    assert exiftool_json(photo)["XMP-dc:Description"] == VI_CAPTION  # the oracle agrees


@needs_exiftool
def test_precedence_is_xmp_then_iim_then_exif_field_by_field(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "all.jpg")
    exiftool(
        "-EXIF:ImageDescription=from exif",
        "-EXIF:Artist=exif artist",
        "-EXIF:Copyright=exif rights",
        "-IPTC:Caption-Abstract=from iim",
        "-IPTC:By-line=iim by-line",
        "-XMP-dc:Description=from xmp",
        photo,
    )
    meta = read_metadata(photo)
    assert (meta.description, meta.creator, meta.copyright) == (
        "from xmp",
        "iim by-line",
        "exif rights",
    )
    exiftool("-XMP:all=", photo)
    assert read_metadata(photo).description == "from iim"
    exiftool("-IPTC:all=", photo)
    meta = read_metadata(photo)
    assert (meta.description, meta.creator) == ("from exif", "exif artist")


@needs_exiftool
def test_exif_date_offset_camera_and_orientation(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "exif.jpg")
    exiftool(
        "-EXIF:DateTimeOriginal=2021:09:07 06:59:00",
        "-EXIF:OffsetTimeOriginal=+07:00",
        "-EXIF:Make=Canon",
        "-EXIF:Model=Canon EOS R5",
        "-EXIF:Orientation#=6",
        photo,
    )
    meta = read_metadata(photo)
    assert meta.taken_at == "2021-09-07T06:59:00+07:00"
    assert meta.camera == "Canon EOS R5"
    assert meta.orientation == 6
    assert (meta.width, meta.height) == (64, 48)  # as stored, before orientation


@needs_exiftool
def test_utf8_in_exif_ascii_fields(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "exif-utf8.jpg")
    exiftool("-EXIF:Artist=Ngọc Hậu", "-EXIF:ImageDescription=OLYMPUS DIGITAL CAMERA", photo)
    meta = read_metadata(photo)
    assert meta.creator == "Ngọc Hậu"
    assert meta.description == ""  # firmware boilerplate is not a caption


@needs_exiftool
@pytest.mark.parametrize("suffix", [".png", ".tif", ".webp"])
def test_other_formats_xmp_and_dimensions(tmp_path: Path, suffix: str) -> None:
    photo = tmp_path / f"photo{suffix}"
    Image.new("RGB", (40, 30), (10, 20, 30)).save(photo)
    exiftool(f"-XMP-dc:Description={VI_CAPTION}", "-XMP-photoshop:Headline=Tiêu đề", photo)
    meta = read_metadata(photo)
    assert (meta.width, meta.height) == (40, 30)
    assert meta.description == VI_CAPTION
    assert meta.headline == "Tiêu đề"


@needs_exiftool
def test_tiff_iptc(tmp_path: Path) -> None:
    photo = tmp_path / "photo.tif"
    Image.new("RGB", (20, 10)).save(photo)
    exiftool("-IPTC:CodedCharacterSet=UTF8", f"-IPTC:Credit={VI_CREDIT}", photo)
    assert read_metadata(photo).credit == VI_CREDIT


def test_png_without_metadata_gives_format_and_size(tmp_path: Path) -> None:
    photo = tmp_path / "plain.png"
    Image.new("RGBA", (7, 5)).save(photo)
    assert read_metadata(photo) == PhotoMetadata(format="PNG", width=7, height=5)


def exiftool_json(path: Path) -> dict[str, object]:
    import json

    assert EXIFTOOL is not None
    out = subprocess.run(
        [EXIFTOOL, "-j", "-G1", "-charset", "iptc=UTF8", str(path)],
        check=True,
        capture_output=True,
    ).stdout
    result: dict[str, object] = json.loads(out)[0]
    return result


# --- XMP forms -----------------------------------------------------------------------------


def test_xmp_short_form_attributes_and_plain_alt(tmp_path: Path) -> None:
    body = (
        '<dc:description><rdf:Alt><rdf:li xml:lang="vi">Chú thích</rdf:li>'
        '<rdf:li xml:lang="en">Caption</rdf:li></rdf:Alt></dc:description>'
    )
    attributes = 'photoshop:Headline="Short &amp; sweet" photoshop:Credit="Người chụp"'
    photo = with_segments(
        make_jpeg(tmp_path / "short.jpg"), xmp_segment(packet(body, attributes).encode())
    )
    meta = read_metadata(photo)
    assert meta.headline == "Short & sweet"
    assert meta.credit == "Người chụp"
    assert meta.description == "Chú thích"  # no x-default: the first language


def test_xmp_x_default_wins_and_nfd_becomes_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", VI_CAPTION)
    body = (
        '<dc:description><rdf:Alt><rdf:li xml:lang="en">English</rdf:li>'
        f'<rdf:li xml:lang="x-default">  {nfd}\n</rdf:li></rdf:Alt></dc:description>'
    )
    photo = with_segments(make_jpeg(tmp_path / "nfd.jpg"), xmp_segment(packet(body).encode()))
    assert read_metadata(photo).description == VI_CAPTION


@needs_exiftool
def test_extended_xmp_is_reassembled(tmp_path: Path) -> None:
    # ~ 100 KB of title (not read) first: the caption after it is in the second chunk.
    long_title = ((VI_CAPTION + " ") * 1500).strip()
    extended = packet(alt("dc:title", long_title) + alt("dc:description", VI_CAPTION)).encode()
    guid = hashlib.md5(extended).hexdigest().upper()
    main = packet("", f'xmpNote:HasExtendedXMP="{guid}"').encode()
    chunks = []
    for offset in range(0, len(extended), 60000):
        part = extended[offset : offset + 60000]
        header = xmp.EXTENSION_HEADER + guid.encode() + len(extended).to_bytes(4, "big")
        chunks.append(jpeg.segment(jpeg.APP1, header + offset.to_bytes(4, "big") + part))
    assert len(chunks) == 2
    photo = with_segments(make_jpeg(tmp_path / "ext.jpg"), xmp_segment(main), *chunks)
    assert extended.rindex(VI_CAPTION.encode()) > 60000  # the caption, in the second chunk
    assert read_metadata(photo).description == VI_CAPTION
    assert exiftool_json(photo)["XMP-dc:Description"] == VI_CAPTION
    # A missing chunk leaves the extension out rather than reading half of it.
    broken = with_segments(make_jpeg(tmp_path / "broken.jpg"), xmp_segment(main), chunks[1])
    assert read_metadata(broken).description == ""


# --- hostile input ------------------------------------------------------------------------

BOMB = (
    '<!DOCTYPE x:xmpmeta [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)


@pytest.mark.timeout(10)
def test_xmp_entity_bomb_is_not_expanded(tmp_path: Path) -> None:
    hostile = packet(alt("dc:description", "&lol9;"), doctype=BOMB)
    photo = with_segments(
        make_jpeg(tmp_path / "bomb.jpg"),
        xmp_segment(hostile.encode()),
        jpeg.segment(jpeg.APP13, iptc.build_photoshop_app13(iim_caption("safe caption"))),
    )
    meta = read_metadata(photo)
    assert meta.description == "safe caption"  # the XMP is dropped, IIM still read
    assert "lol" not in meta.description


def test_xmp_external_entity_is_not_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    doctype = f'<!DOCTYPE x:xmpmeta [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    hostile = packet(alt("dc:description", "&xxe;"), doctype=doctype)
    photo = with_segments(make_jpeg(tmp_path / "xxe.jpg"), xmp_segment(hostile.encode()))
    assert read_metadata(photo).description == ""


def test_xml_declaration_and_dtd_reach_defusedxml(tmp_path: Path) -> None:
    # The same packet without the DTD parses: it is the DTD that is refused.
    plain = '<?xml version="1.0" encoding="UTF-8"?>' + packet(alt("dc:description", "ok"))
    photo = with_segments(make_jpeg(tmp_path / "plain.jpg"), xmp_segment(plain.encode()))
    assert read_metadata(photo).description == "ok"
    assert xmp.parse_packet(packet("", doctype="<!DOCTYPE x:xmpmeta>").encode()) is None


def iim_caption(text: str) -> bytes:
    return b"\x1c\x01\x5a\x00\x03\x1b%G" + b"\x1c\x02\x78" + _len(text.encode()) + text.encode()


def _len(raw: bytes) -> bytes:
    return len(raw).to_bytes(2, "big")


@pytest.mark.parametrize(
    "payload",
    [
        b"Photoshop 3.0\x00" + b"\xff" * 300,
        b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00\xff\xff\xff\xff\x1c\x02",
        b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x07abc",
        b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00\x00\x00\x00\x08\x1c\x02\x78\x80\x04\xff\xff",
        b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00\x00\x00\x00\x06\x1c\x02\x78\xff\xff\x41",
        b"Photoshop 3.0\x00",
        b"",
    ],
)
def test_garbage_app13_is_skipped(tmp_path: Path, payload: bytes) -> None:
    photo = with_segments(make_jpeg(tmp_path / "garbage.jpg"), jpeg.segment(jpeg.APP13, payload))
    meta = read_metadata(photo)
    assert (meta.width, meta.description, meta.keywords) == (64, "", ())


def test_truncated_iim_keeps_whole_datasets(tmp_path: Path) -> None:
    iim = iim_caption("whole") + b"\x1c\x02\x69\x00\x40short"  # headline claims 64 bytes
    data = b"8BIM\x04\x04\x00\x00" + len(iim).to_bytes(4, "big") + iim
    photo = with_segments(
        make_jpeg(tmp_path / "cut.jpg"), jpeg.segment(jpeg.APP13, b"Photoshop 3.0\x00" + data)
    )
    meta = read_metadata(photo)
    assert (meta.description, meta.headline) == ("whole", "")


def test_iim_extended_length_dataset(tmp_path: Path) -> None:
    text = "Mở rộng".encode()
    iim = b"\x1c\x01\x5a\x00\x03\x1b%G\x1c\x02\x78\x80\x04" + len(text).to_bytes(4, "big") + text
    assert iptc.iim_fields(iim).description == "Mở rộng"


def test_not_an_image_raises_photo_error(tmp_path: Path) -> None:
    fake = tmp_path / "notes.jpg"
    fake.write_text("This is not a photo.\n")
    with pytest.raises(PhotoError) as caught:
        read_metadata(fake)
    assert caught.value.code == "not_an_image"
    assert "notes.jpg" in str(caught.value)


# --- pieces ------------------------------------------------------------------------------


def test_decode_legacy_charsets() -> None:
    assert decode_legacy("Café".encode()) == "Café"
    assert decode_legacy("Café".encode("latin-1")) == "Café"
    assert decode_legacy("“quoted”".encode("cp1252")) == "“quoted”"
    assert decode_legacy("Nguyễn Văn Thắ".encode()[:-1]) == "Nguyễn Văn Th"  # cut in a char
    assert decode_legacy("Thắ".encode()[:-1]) == "Th"  # two bytes of three: still UTF-8


def test_camera_name() -> None:
    assert camera_name("Canon", "Canon EOS R5") == "Canon EOS R5"
    assert camera_name("NIKON CORPORATION", "NIKON D850") == "NIKON D850"
    assert camera_name("FUJIFILM", "X-T4") == "FUJIFILM X-T4"
    assert camera_name("Apple", "iPhone 15 Pro") == "Apple iPhone 15 Pro"
    assert camera_name("", "Model") == "Model"
    assert camera_name("  SONY ", "") == "SONY"


def test_normalise_iso() -> None:
    assert normalise_iso("2006-10-29") == "2006-10-29"
    assert normalise_iso("2024-03-22T00:23:02Z") == "2024-03-22T00:23:02+00:00"
    assert normalise_iso("2021-09-07T06:59+07:00") == "2021-09-07T06:59:00+07:00"
    assert normalise_iso("2021-02-30") == ""
    assert normalise_iso("soon") == ""


# --- property: nothing but PhotoError, whatever the bytes ----------------------------

SEED_JPEG = (PHOTOS / "exiftool_t_PhotoMechanic.jpg").read_bytes()


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("photo-fuzz")


def _must_not_raise_other(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"sample{suffix}"
    path.write_bytes(data)
    try:
        meta = read_metadata(path)
    except PhotoError:
        return
    assert isinstance(meta, PhotoMetadata)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096), st.sampled_from([".jpg", ".png", ".bin"]))
def test_random_bytes_never_raise_anything_but_photo_error(
    fuzz_dir: Path, data: bytes, suffix: str
) -> None:
    _must_not_raise_other(fuzz_dir, data, suffix)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, len(SEED_JPEG) - 1), st.integers(0, 255)), min_size=1, max_size=12
    ),
    st.integers(2, len(SEED_JPEG)),
)
def test_mutated_jpeg_never_raises_anything_but_photo_error(
    fuzz_dir: Path, flips: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(SEED_JPEG)
    for position, value in flips:
        data[position] = value
    _must_not_raise_other(fuzz_dir, bytes(data[:cut]), ".jpg")


def test_fuzz_seed_is_the_photo_mechanic_file() -> None:
    # The seed carries XMP, IIM and a JFIF header, so mutations reach every parser.
    image = Image.open(io.BytesIO(SEED_JPEG))
    assert image.format == "JPEG"
    assert b"Photoshop 3.0" in SEED_JPEG
    assert xmp.XMP_HEADER in SEED_JPEG


@needs_exiftool
def test_png_exif_before_the_image_data(tmp_path: Path) -> None:
    photo = tmp_path / "oriented.png"
    Image.new("RGB", (40, 30)).save(photo)
    exiftool("-EXIF:Orientation#=6", "-EXIF:Artist=Ngọc Hậu", photo)
    meta = read_metadata(photo)
    assert (meta.orientation, meta.creator) == (6, "Ngọc Hậu")
