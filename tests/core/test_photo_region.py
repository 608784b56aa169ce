"""Crops decoded as a region by djpeg show the same picture as a whole decode by Pillow."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos import cropping, region, write_rendition
from newsroom_desktop.core.photos.formats import open_image
from newsroom_desktop.core.photos.recipe import Recipe

needs_djpeg = pytest.mark.skipif(
    shutil.which("djpeg") is None, reason="djpeg is not installed (packaging/system-deps.sh)"
)
FIELDS = {
    "caption": "Ảnh",
    "credit": "Ảnh: Ngọc Hậu",
    "creator": "",
    "copyright": "",
    "alt_text": "",
}


def detailed_jpeg(path: Path, size: tuple[int, int], orientation: int = 1, **save: object) -> Path:
    """A picture whose every region looks different: shifted pixels would show at once."""
    image = Image.merge(
        "RGB",
        (
            Image.linear_gradient("L").resize(size),
            Image.effect_noise(size, 60).point(lambda v: v // 2 + 64),
            Image.linear_gradient("L").rotate(90).resize(size),
        ),
    )
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 37):
        draw.line([(x, 0), (x + 200, size[1])], fill=(255, 255, 0), width=3)
    exif = Image.Exif()
    exif[0x0112] = orientation
    image.save(path, "JPEG", quality=92, exif=exif.tobytes(), **save)
    return path


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    return max(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean)


def render(original: Path, dest: Path, recipe: Recipe) -> Image.Image:
    write_rendition(original, dest, recipe=recipe, max_side=1600, **FIELDS)
    with Image.open(dest) as got:
        got.load()
        return got


@needs_djpeg
@pytest.mark.parametrize(
    "save",
    [{}, {"subsampling": 0}, {"subsampling": 1}, {"progressive": True}],
    ids=["4:2:0", "4:4:4", "4:2:2", "progressive"],
)
def test_a_region_decode_holds_the_same_pixels_as_a_whole_decode(
    tmp_path: Path, save: dict[str, object]
) -> None:
    original = detailed_jpeg(tmp_path / "p.jpg", (1203, 801), **save)
    need = (333.4, 101.2, 901.7, 640.9)
    with open_image(original) as image:
        got = region.decode_region(image, original, need, image.size)
    assert got is not None, "djpeg should decode an RGB JPEG's region at full scale"
    assert got.full == (1203, 801)
    left, top = got.origin
    assert left <= 333 - region.MARGIN and top <= 101 - region.MARGIN
    assert left + got.pixels.width >= 902 + region.MARGIN
    with Image.open(original) as whole:
        whole.draft(None, whole.size)
        whole.decoderconfig = (1, 1)  # the same fast decode djpeg is asked for
        same = whole.crop((left, top, left + got.pixels.width, top + got.pixels.height))
    assert mean_difference(got.pixels, same) < 1.0


@needs_djpeg
@pytest.mark.parametrize("orientation", [1, 6, 3])
@pytest.mark.parametrize(("turns", "angle"), [(0, 0.0), (1, 0.0), (0, 4.0), (3, -9.0)])
def test_a_crop_renders_the_same_with_and_without_djpeg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, orientation: int, turns: int, angle: float
) -> None:
    original = detailed_jpeg(tmp_path / "p.jpg", (2400, 1600), orientation)
    recipe = Recipe(crop=(410, 230, 900, 900), quarter_turns=turns, straighten=angle)
    decoded: list[region.Region | None] = []

    def decode_region(*args: object) -> region.Region | None:
        decoded.append(region.decode_region(*args))  # type: ignore[arg-type]
        return decoded[-1]

    monkeypatch.setattr(cropping, "decode_region", decode_region)
    with_djpeg = render(original, tmp_path / "a.jpg", recipe)
    assert decoded and decoded[0] is not None, "the crop was to be decoded by djpeg"
    monkeypatch.setattr(region, "djpeg_path", lambda: None)
    without = render(original, tmp_path / "b.jpg", recipe)
    assert with_djpeg.size == without.size == (900, 900)
    assert mean_difference(with_djpeg, without) < 1.5


@needs_djpeg
def test_a_damaged_photo_still_gets_its_clear_error(tmp_path: Path) -> None:
    original = detailed_jpeg(tmp_path / "p.jpg", (2400, 1600))
    data = original.read_bytes()
    original.write_bytes(data[: len(data) // 2])  # a card pulled out mid-write
    with pytest.raises(PhotoError) as caught:
        render(original, tmp_path / "out.jpg", Recipe(crop=(100, 100, 900, 900)))
    assert caught.value.code == "unreadable"
    assert not (tmp_path / "out.jpg").exists()


def test_decodes_at_a_reduced_scale_are_left_to_pillow(tmp_path: Path) -> None:
    original = detailed_jpeg(tmp_path / "p.jpg", (2400, 1600))
    with open_image(original) as image:
        assert region.decode_region(image, original, (0, 0, 900, 900), (600, 400)) is None
