"""Photo ingest: byte-identical content-addressed originals, and refusal of bad files."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos import (
    IngestedPhoto,
    cached_thumbnail,
    formats,
    ingest,
    ingest_file,
    original_path,
    read_metadata,
)

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
FUJI = PHOTOS / "mei_FujiFilm_FinePixS1Pro_4.jpg"


@pytest.fixture
def originals(tmp_path: Path) -> Path:
    return tmp_path / "originals"


def noise_jpeg(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    Image.effect_noise(size, 60).convert("RGB").save(path, "JPEG", quality=90)
    return path


def png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_claiming(width: int, height: int) -> bytes:
    """Return a tiny PNG whose IHDR (with a valid CRC) declares ``width`` × ``height``."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def jpeg_claiming(width: int, height: int) -> bytes:
    """Return a small JPEG whose SOF0 header is patched to declare ``width`` × ``height``."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 10, 10)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def assert_nothing_stored(originals: Path) -> None:
    assert not originals.exists() or not any(originals.rglob("*"))


# --- storing ------------------------------------------------------------------------------


def test_ingest_copies_the_original_byte_for_byte(tmp_path: Path, originals: Path) -> None:
    source = tmp_path / "Ảnh hội nghị.JPG"
    shutil.copyfile(FUJI, source)
    result = ingest_file(source, originals)
    data = FUJI.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    assert isinstance(result, IngestedPhoto)
    assert result.sha256 == sha
    assert result.stored_path == originals / sha[:2] / f"{sha}.jpg"
    assert result.stored_path.read_bytes() == data
    assert result.file_size == len(data)
    assert result.original_filename == "Ảnh hội nghị.JPG"
    assert result.already_stored is False
    assert result.metadata == read_metadata(FUJI)
    assert result.metadata.credit == "Ian Britton - FreeFoto.com"
    # No temp files are left behind, only the one original.
    assert [p for p in originals.rglob("*") if p.is_file()] == [result.stored_path]


def test_same_file_twice_is_stored_once(tmp_path: Path, originals: Path) -> None:
    first = ingest_file(FUJI, originals)
    copy = tmp_path / "again.jpeg"
    shutil.copyfile(FUJI, copy)
    second = ingest_file(copy, originals)
    assert second.already_stored is True
    assert second.stored_path == first.stored_path
    assert second.original_filename == "again.jpeg"
    assert len([p for p in originals.rglob("*") if p.is_file()]) == 1


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("PNG", ".png"), ("TIFF", ".tif"), ("WEBP", ".webp"), ("GIF", ".gif")]
)
def test_extension_follows_the_format_not_the_name(
    tmp_path: Path, originals: Path, fmt: str, suffix: str
) -> None:
    source = tmp_path / "misnamed.jpg"
    Image.new("RGB", (30, 20), (1, 2, 3)).save(source, fmt)
    result = ingest_file(source, originals)
    assert result.stored_path.suffix == suffix
    assert result.metadata.format == fmt
    assert result.stored_path == original_path(originals, result.sha256, fmt)


def test_original_path_helper(tmp_path: Path) -> None:
    sha = "ab" + "0" * 62
    assert original_path(tmp_path, sha, "JPEG") == tmp_path / "ab" / f"{sha}.jpg"
    assert original_path(tmp_path, sha, "MPO") == tmp_path / "ab" / f"{sha}.jpg"
    assert original_path(tmp_path, sha, "HEIF") == tmp_path / "ab" / f"{sha}.heic"
    with pytest.raises(PhotoError) as caught:
        original_path(tmp_path, "../../etc/passwd", "JPEG")
    assert caught.value.code == "invalid"


def test_ingest_can_make_the_thumbnail_from_its_own_decode(tmp_path: Path, originals: Path) -> None:
    cache = tmp_path / "thumbs"
    result = ingest_file(FUJI, originals, thumbnail_dir=cache, thumbnail_size=200)
    thumb = cached_thumbnail(cache, result.sha256, 200)
    assert thumb is not None
    with Image.open(thumb) as image:
        assert image.size == (200, 133)


# --- refusals -------------------------------------------------------------------------------


def refuse(path: Path, originals: Path, code: str) -> PhotoError:
    with pytest.raises(PhotoError) as caught:
        ingest_file(path, originals)
    assert caught.value.code == code
    assert path.name in str(caught.value)
    assert "\n" not in str(caught.value)
    assert_nothing_stored(originals)
    return caught.value


def test_text_file_renamed_jpg_is_not_an_image(tmp_path: Path, originals: Path) -> None:
    fake = tmp_path / "letter.jpg"
    fake.write_text("Kính gửi Ban biên tập,\n")
    refuse(fake, originals, "not_an_image")


def test_empty_file_is_refused(tmp_path: Path, originals: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    assert "empty" in str(refuse(empty, originals, "not_an_image"))


def test_missing_file_and_folder_are_unreadable(tmp_path: Path, originals: Path) -> None:
    refuse(tmp_path / "gone.jpg", originals, "unreadable")
    folder = tmp_path / "folder.jpg"
    folder.mkdir()
    refuse(folder, originals, "unreadable")


def test_truncated_jpeg_is_unreadable(tmp_path: Path, originals: Path) -> None:
    whole = noise_jpeg(tmp_path / "whole.jpg").read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) * 3 // 5])
    with Image.open(cut) as image:  # the header alone looks fine
        assert image.size == (800, 600)
    refuse(cut, originals, "unreadable")


def test_png_claiming_100000_squared_pixels_is_too_large(tmp_path: Path, originals: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_claiming(100_000, 100_000))
    error = refuse(bomb, originals, "too_large")
    assert "too many pixels" in str(error)


def test_jpeg_claiming_huge_size_is_too_large(tmp_path: Path, originals: Path) -> None:
    bomb = tmp_path / "bomb.jpg"
    bomb.write_bytes(jpeg_claiming(65_000, 65_000))
    refuse(bomb, originals, "too_large")


def test_just_over_the_limit_is_refused_before_decoding(
    tmp_path: Path, originals: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Between 1x and 2x the limit Pillow only warns; we refuse all the same.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    source = tmp_path / "big.png"
    Image.new("RGB", (120, 100)).save(source)
    refuse(source, originals, "too_large")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 12_000)
    assert ingest_file(source, originals).metadata.width == 120


def test_heic_without_plugin_is_unsupported(
    tmp_path: Path, originals: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if formats.heif_available():
        pytest.skip("pillow-heif is installed, so HEIC is supported here")
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    error = refuse(heic, originals, "unsupported")
    assert "heif" in str(error)


def test_pdf_is_not_an_image(tmp_path: Path, originals: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    refuse(pdf, originals, "not_an_image")


def test_file_changed_during_import_is_refused(
    tmp_path: Path, originals: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "moving.jpg"
    shutil.copyfile(FUJI, source)
    real_copy = ingest._copy_hashing

    def copy_then_touch(path: Path, target: object, limit: int | None = None) -> tuple[str, int]:
        result = real_copy(path, target, limit)  # type: ignore[arg-type]
        with path.open("ab") as stream:
            stream.write(b"more")
        return result

    monkeypatch.setattr(ingest, "_copy_hashing", copy_then_touch)
    refuse(source, originals, "unreadable")


def test_refusal_keeps_an_existing_originals_folder(tmp_path: Path, originals: Path) -> None:
    kept = ingest_file(FUJI, originals)
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(PhotoError):
        ingest_file(fake, originals)
    assert [p for p in originals.rglob("*") if p.is_file()] == [kept.stored_path]


@pytest.mark.parametrize("kernel_copy", [True, False], ids=["copy_file_range", "read-write"])
def test_stored_copy_and_its_hash_are_the_files_bytes_either_way(
    tmp_path: Path, originals: Path, monkeypatch: pytest.MonkeyPatch, kernel_copy: bool
) -> None:
    """The kernel copies where it can; where it cannot (another file system), reading does."""
    if not kernel_copy:

        def unsupported(*_args: object) -> int:
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(os, "copy_file_range", unsupported, raising=False)
    photo = ingest_file(FUJI, originals)
    data = FUJI.read_bytes()
    assert photo.stored_path.read_bytes() == data
    assert photo.sha256 == hashlib.sha256(data).hexdigest()
    assert photo.file_size == len(data)


def test_file_growing_while_copied_is_refused_without_copying_on(
    tmp_path: Path, originals: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file still being written (a card reader, a download) stops the copy one byte past."""
    source = tmp_path / "growing.jpg"
    shutil.copyfile(FUJI, source)
    real_identity = ingest._identity
    seen: list[int] = []

    def identity_then_grow(path: Path) -> tuple[int, int]:
        result = real_identity(path)
        if not seen:  # after the first look, the file doubles
            with path.open("ab") as stream:
                stream.write(FUJI.read_bytes())
        seen.append(result[0])
        return result

    monkeypatch.setattr(ingest, "_identity", identity_then_grow)
    refuse(source, originals, "unreadable")
    assert not [p for p in originals.rglob("*") if p.is_file()]
