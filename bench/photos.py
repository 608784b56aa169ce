"""Generate photo-like test JPEGs (gradients, shapes and grain), e.g. 24-megapixel ones."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter


def photo_like(width: int, height: int, seed: int) -> Image.Image:
    """Return an RGB image with the texture of a photo: sky gradient, shapes, grain."""
    rng = random.Random(seed)
    small = Image.new("RGB", (width // 8, height // 8))
    draw = ImageDraw.Draw(small)
    top = (rng.randint(60, 140), rng.randint(120, 200), rng.randint(180, 255))
    bottom = (rng.randint(20, 90), rng.randint(60, 120), rng.randint(20, 80))
    h = small.height
    for y in range(h):
        t = y / max(h - 1, 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (small.width, y)], fill=colour)
    for _ in range(25):
        x, y = rng.randrange(small.width), rng.randrange(small.height)
        r = rng.randint(5, small.width // 6)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    image = small.filter(ImageFilter.GaussianBlur(3)).resize(
        (width, height), Image.Resampling.BILINEAR
    )
    grain = Image.effect_noise((width, height), 12).convert("RGB")
    return Image.blend(image, grain, 0.08)


def write_photos(folder: Path, count: int, width: int = 6000, height: int = 4000) -> list[Path]:
    """Write ``count`` distinct JPEGs of ``width``×``height`` to ``folder``; reuse existing ones."""
    folder.mkdir(parents=True, exist_ok=True)
    base = photo_like(width, height, 1)
    paths = []
    for i in range(count):
        path = folder / f"photo-{width}x{height}-{i:03d}.jpg"
        if not path.exists():
            # A small per-photo mark keeps every file distinct (distinct SHA-256) cheaply.
            image = base.copy()
            ImageDraw.Draw(image).rectangle([i * 40, 0, i * 40 + 30, 30], fill=(i * 5 % 256, 0, 0))
            image.save(path, "JPEG", quality=90)
        paths.append(path)
    return paths


def write_captioned_photos(folder: Path, count: int) -> list[Path]:
    """Write ``count`` distinct 24 MP camera-like JPEGs with EXIF, an IPTC caption and XMP.

    What a newsroom photographer's camera and Photo Mechanic leave in a file: EXIF (camera,
    date taken, orientation) and the caption fields as IPTC-IIM and XMP. Existing files are reused.
    """
    # Imported here: the other benches use write_photos without the app's photo modules.
    from newsroom_desktop.core.photos import iptc, jpeg, xmp
    from newsroom_desktop.core.photos.fields import CaptionFields

    folder.mkdir(parents=True, exist_ok=True)
    wanted = [folder / f"DSC_{i:04d}.jpg" for i in range(count)]
    if all(path.exists() for path in wanted):
        return wanted
    # Sensor grain as a camera leaves it: about 8 MB a file at quality 92, as from a 24 MP body.
    grain = Image.effect_noise((6000, 4000), 40).convert("RGB")
    base = Image.blend(photo_like(6000, 4000, 2), grain, 0.2)
    for i, path in enumerate(wanted):
        if path.exists():
            continue
        image = base.copy()
        ImageDraw.Draw(image).rectangle([i * 40, 0, i * 40 + 30, 30], fill=(i * 5 % 256, 0, 0))
        exif = Image.Exif()
        exif[0x010F], exif[0x0110], exif[0x0112] = "NIKON CORPORATION", "NIKON D750", 1
        exif.get_ifd(0x8769)[0x9003] = f"2021:09:07 06:{i % 60:02d}:00"
        fields = CaptionFields(
            description=f"Đại biểu tham dự tại điểm cầu Thành ủy Cần Thơ, ảnh số {i}.",
            headline="Hội nghị trực tuyến toàn quốc",
            creator="Ngọc Hậu",
            credit="Báo Cần Thơ",
            keywords=("Đảng", "Cần Thơ"),
        )
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
        app13 = iptc.build_photoshop_app13(iptc.build_iim(fields))
        app1 = xmp.XMP_HEADER + xmp.build_packet(fields)
        data = jpeg.insert_segments(
            buffer.getvalue(), [jpeg.segment(jpeg.APP1, app1), jpeg.segment(jpeg.APP13, app13)]
        )
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    return wanted
