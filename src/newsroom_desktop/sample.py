"""The sample newsroom: the seed article imported from its pasted-page text, with two photos.

The photos are drawn here with Pillow (a conference hall and a speaker at a lectern), so the
sample ships nothing that needs a licence. No Qt.
"""

from __future__ import annotations

import dataclasses
import random
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from newsroom_desktop.core.documents import Actor, ArticleDoc
from newsroom_desktop.core.intake import ImportedArticle, ImportedFigure
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.resources import resource_path
from newsroom_desktop.importers.text import parse

SIZE = (1600, 1067)
CREDIT = "Ảnh minh họa"
ALT_TEXTS = (
    "Hội trường có màn hình lớn phía trước, các đại biểu ngồi theo từng dãy bàn phủ khăn trắng.",
    "Một người đứng phát biểu sau bục gỗ, phía sau là phông nền đỏ và lẵng hoa.",
)


def _hall(seed: int) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE, (226, 221, 210))
    draw = ImageDraw.Draw(image)
    w, h = SIZE
    draw.rectangle([0, 0, w, int(h * 0.42)], fill=(150, 36, 32))
    draw.rectangle([int(w * 0.28), int(h * 0.06), int(w * 0.72), int(h * 0.36)], fill=(32, 70, 130))
    draw.rectangle(
        [int(w * 0.30), int(h * 0.08), int(w * 0.70), int(h * 0.34)], fill=(70, 120, 190)
    )
    for row in range(5):
        y = int(h * (0.5 + row * 0.1))
        draw.rectangle([int(w * 0.05), y + 28, int(w * 0.95), y + 52], fill=(246, 246, 244))
        for col in range(14):
            x = int(w * (0.08 + col * 0.064)) + rng.randint(-6, 6)
            r = 20 + row * 3
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(40 + rng.randint(0, 30),) * 3)
            draw.rectangle(
                [x - r - 6, y + r - 4, x + r + 6, y + 30], fill=(rng.choice((30, 60, 200)),) * 3
            )
    return image.filter(ImageFilter.GaussianBlur(1.2))


def _speaker(seed: int) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE, (160, 34, 30))
    draw = ImageDraw.Draw(image)
    w, h = SIZE
    for i in range(12):
        x = int(w * 0.05) + i * int(w * 0.08)
        draw.line([x, 0, x + rng.randint(-20, 20), h], fill=(140, 28, 26), width=18)
    draw.ellipse([int(w * 0.44), int(h * 0.18), int(w * 0.56), int(h * 0.38)], fill=(214, 170, 140))
    draw.rectangle(
        [int(w * 0.40), int(h * 0.36), int(w * 0.60), int(h * 0.75)], fill=(210, 190, 120)
    )
    draw.rectangle([int(w * 0.34), int(h * 0.55), int(w * 0.66), int(h * 1.0)], fill=(120, 70, 36))
    draw.rectangle(
        [int(w * 0.36), int(h * 0.57), int(w * 0.64), int(h * 0.62)], fill=(200, 160, 60)
    )
    for cx in (0.16, 0.84):
        draw.ellipse(
            [int(w * (cx - 0.08)), int(h * 0.62), int(w * (cx + 0.08)), int(h * 0.86)],
            fill=(230, 190, 40),
        )
        draw.rectangle(
            [int(w * (cx - 0.04)), int(h * 0.84), int(w * (cx + 0.04)), h], fill=(90, 60, 30)
        )
    return image.filter(ImageFilter.GaussianBlur(1.0))


def write_sample_photos(folder: Path) -> list[Path]:
    """Draw the two sample photos as JPEG files in ``folder``."""
    paths = []
    for index, image in enumerate((_hall(1), _speaker(2))):
        path = folder / f"sample-photo-{index + 1}.jpg"
        image.save(path, "JPEG", quality=88)
        paths.append(path)
    return paths


def sample_article(photos: list[Path], zone: object = None) -> ImportedArticle:
    """Return the seed article as the text importer reads it, its figures given photos."""
    kwargs = {"zone": zone} if zone is not None else {}
    article = parse(resource_path("samples", "sample-article.txt"), **kwargs)  # type: ignore[arg-type]
    blocks = []
    figure_index = 0
    for block in article.blocks:
        if isinstance(block, ImportedFigure) and figure_index < len(photos):
            block = dataclasses.replace(  # noqa: PLW2901 - the figure, given its photo
                block,
                image=photos[figure_index],
                credit=block.credit or CREDIT,
                alt_text=block.alt_text or ALT_TEXTS[figure_index % len(ALT_TEXTS)],
            )
            figure_index += 1
        blocks.append(block)
    return dataclasses.replace(
        article, blocks=tuple(blocks), tags=article.tags or ("Công an", "Cần Thơ")
    )


def create_sample(newsroom: Newsroom) -> ArticleDoc:
    """Add the sample article with its two photos to the store; return it.

    In a store file the article belongs to the reporter its byline names, as it would in the
    newsroom it came from, not to the newcomer trying the app (on a server the login owns
    what it writes).
    """
    with tempfile.TemporaryDirectory() as tmp:
        photos = write_sample_photos(Path(tmp))
        article = sample_article(photos, newsroom.zone)
        author = newsroom
        if newsroom.store.is_sqlite and not newsroom.signed_in and article.byline:
            reporter = Actor(article.byline, "reporter")
            author = Newsroom(newsroom.store, actor=reporter, zone=newsroom.zone.key)
        stored = author.intake.store(article)
    if newsroom.store.is_sqlite:  # a sample to try the app on: never sent to a server later
        newsroom.sync.keep_on_desk(stored.id)
    return newsroom.articles.get(stored.id)
