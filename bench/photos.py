"""Generate photo-like test JPEGs (gradients, shapes and grain), e.g. 24-megapixel ones."""

from __future__ import annotations

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
