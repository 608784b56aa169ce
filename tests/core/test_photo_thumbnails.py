"""Thumbnails: upright, reduced-scale JPEG decode, cached, atomic, alpha kept as PNG."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from PIL import Image, ImageOps
from PIL.JpegImagePlugin import JpegImageFile

from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos import (
    cached_thumbnail,
    make_thumbnail,
    thumbnail_path,
    thumbnails,
)

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
FUJI = PHOTOS / "mei_FujiFilm_FinePixS1Pro_4.jpg"


def sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def quadrants(size: tuple[int, int] = (400, 200)) -> Image.Image:
    """Return a landscape picture with a distinct colour in each quadrant."""
    width, height = size
    image = Image.new("RGB", size)
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]
    for index, colour in enumerate(colours):
        x, y = (index % 2) * width // 2, (index // 2) * height // 2
        image.paste(colour, (x, y, x + width // 2, y + height // 2))
    return image


def oriented_jpeg(path: Path, orientation: int, size: tuple[int, int] = (400, 200)) -> Path:
    exif = Image.Exif()
    exif[0x0112] = orientation
    quadrants(size).save(path, "JPEG", quality=95, exif=exif.tobytes())
    return path


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_thumbnail_of_a_real_photo(tmp_path: Path) -> None:
    thumb = make_thumbnail(FUJI, sha_of(FUJI), tmp_path / "cache")
    assert thumb == thumbnail_path(tmp_path / "cache", sha_of(FUJI), 320)
    with Image.open(thumb) as image:
        assert (image.format, image.size, image.mode) == ("JPEG", (320, 213), "RGB")


def test_orientation_6_gives_a_portrait_thumbnail(tmp_path: Path) -> None:
    source = oriented_jpeg(tmp_path / "rotated.jpg", 6)
    thumb = make_thumbnail(source, sha_of(source), tmp_path / "cache", size=100)
    with Image.open(thumb) as image:
        assert image.size == (50, 100)
        assert not image.getexif().get(0x0112)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_matches_exif_transpose(tmp_path: Path, orientation: int) -> None:
    source = oriented_jpeg(tmp_path / f"o{orientation}.jpg", orientation)
    with Image.open(source) as original:
        upright = ImageOps.exif_transpose(original)
    thumb = make_thumbnail(source, sha_of(source), tmp_path / "cache", size=80)
    with Image.open(thumb) as image:
        assert image.size == ((80, 40) if upright.width > upright.height else (40, 80))
        small = upright.resize(image.size)
        for point in ((5, 5), (image.width - 5, 5), (5, image.height - 5)):
            assert close(image.getpixel(point), small.getpixel(point))


def test_large_jpeg_is_decoded_at_one_eighth(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "24mp.jpg"
    Image.linear_gradient("L").resize((6000, 4000)).convert("RGB").save(source, quality=90)
    drafts: list[tuple[int, int]] = []
    real_draft = JpegImageFile.draft

    def spy(self: JpegImageFile, mode: str | None, size: tuple[int, int] | None):  # type: ignore[no-untyped-def]
        result = real_draft(self, mode, size)
        drafts.append(self.size)
        return result

    monkeypatch.setattr(JpegImageFile, "draft", spy)
    started = time.perf_counter()
    thumb = make_thumbnail(source, sha_of(source), tmp_path / "cache")
    elapsed = time.perf_counter() - started
    assert drafts == [(750, 500)]  # 6000 × 4000 at scale 1/8, never decoded full size
    with Image.open(thumb) as image:
        assert image.size == (320, 213)
    assert elapsed < 2.0


def test_cache_hit_does_not_open_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = make_thumbnail(FUJI, sha_of(FUJI), cache)
    stamp = first.stat().st_mtime_ns

    def no_open(path: Path) -> Image.Image:
        raise AssertionError("the original must not be opened on a cache hit")

    monkeypatch.setattr(thumbnails, "open_image", no_open)
    assert make_thumbnail(FUJI, sha_of(FUJI), cache) == first
    assert first.stat().st_mtime_ns == stamp
    assert cached_thumbnail(cache, sha_of(FUJI), 320) == first
    assert cached_thumbnail(cache, sha_of(FUJI), 160) is None


def test_deleted_cache_dir_is_recreated(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = make_thumbnail(FUJI, sha_of(FUJI), cache)
    shutil.rmtree(cache)
    again = make_thumbnail(FUJI, sha_of(FUJI), cache)
    assert again == first
    assert again.is_file()
    assert [p.name for p in cache.rglob("*.tmp")] == []


def test_alpha_is_kept_as_png(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    image = Image.new("RGBA", (600, 300), (255, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 300, 300))
    image.save(source)
    thumb = make_thumbnail(source, sha_of(source), tmp_path / "cache", size=60)
    assert thumb.suffix == ".png"
    assert thumb == thumbnail_path(tmp_path / "cache", sha_of(source), 60, alpha=True)
    with Image.open(thumb) as result:
        assert (result.mode, result.size) == ("RGBA", (60, 30))
        assert result.getpixel((50, 15))[3] == 0
        assert result.getpixel((5, 15)) == (0, 0, 255, 255)


def test_cmyk_and_grey_become_rgb(tmp_path: Path) -> None:
    for mode, colour in (("CMYK", (0, 255, 255, 0)), ("L", 128)):
        source = tmp_path / f"{mode}.jpg"
        Image.new(mode, (64, 64), colour).save(source)
        thumb = make_thumbnail(source, sha_of(source), tmp_path / "cache", size=32)
        with Image.open(thumb) as image:
            assert image.mode == "RGB"
            if mode == "CMYK":
                assert close(image.getpixel((10, 10)), (255, 0, 0), 60)


def test_small_image_is_not_enlarged(tmp_path: Path) -> None:
    source = tmp_path / "tiny.png"
    Image.new("RGB", (40, 30), (9, 9, 9)).save(source)
    with Image.open(make_thumbnail(source, sha_of(source), tmp_path / "cache")) as image:
        assert image.size == (40, 30)


def test_bad_hash_or_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PhotoError) as caught:
        make_thumbnail(FUJI, "../../outside", tmp_path)
    assert caught.value.code == "invalid"
    with pytest.raises(PhotoError):
        make_thumbnail(FUJI, sha_of(FUJI), tmp_path, size=0)


def test_truncated_original_gives_unreadable(tmp_path: Path) -> None:
    source = tmp_path / "cut.jpg"
    Image.effect_noise((400, 300), 50).convert("RGB").save(source, quality=95)
    source.write_bytes(source.read_bytes()[:5000])
    with pytest.raises(PhotoError) as caught:
        make_thumbnail(source, sha_of(source), tmp_path / "cache")
    assert caught.value.code == "unreadable"
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("*.jpg"))
