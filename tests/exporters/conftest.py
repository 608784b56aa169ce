"""The sample article with its two photos in a store, a hostile article, and helpers."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image, ImageDraw

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.models import Article
from tests.conftest import ROOT, SAMPLE_TEXT

REFERENCE = ROOT / "tests" / "reference"
STANDARDS = ROOT / "tests" / "data" / "standards"
SAMPLE_TIME = datetime(2021, 9, 7, 6, 59, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
CREDIT = "Ảnh: Ngọc Hậu"
ALTS = (
    "Hội trường điểm cầu Công an TP Cần Thơ, đại biểu ngồi theo dõi màn hình hội thảo",
    "Trung tướng Trần Quốc Tỏ đứng phát biểu trước micro",
)
HOSTILE = '<script>alert(1)</script> & "quotes" ]]>'
HOSTILE_CAPTION = 'Ảnh <img src=x onerror=alert(1)> & "caption" ]]>'


def sample_lines() -> list[str]:
    """Return the sample's non-empty lines, stripped (content and furniture)."""
    return [
        line.strip()
        for line in SAMPLE_TEXT.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def sample_content_lines() -> list[str]:
    """Return the sample's content lines: headline once, no share/print furniture."""
    lines = sample_lines()
    assert lines[1] == lines[2], "the sample repeats its headline"
    assert lines[-2].startswith("Chia sẻ bài viết")
    assert lines[-1] == "In bài viết"
    return [lines[0], lines[1], *lines[3:-2]]


def sample_parts() -> dict[str, object]:
    """Return the sample's fields; figures stand at the positions of its two caption lines."""
    lines = sample_content_lines()
    section, headline, dateline, lead, *rest = lines
    assert dateline == "Cập nhật lúc 06:59 ngày 07/09/2021"
    *blocks, byline = rest
    captions = [blocks[1], blocks[5]]
    assert captions[0].startswith("Đại biểu tham dự")
    assert captions[1].startswith("Trung tướng")
    return {
        "section": section,
        "headline": headline,
        "lead": lead,
        "blocks": blocks,
        "captions": captions,
        "byline": byline,
    }


def make_jpeg(path: Path, size: tuple[int, int], orientation: int = 1, hue: int = 0) -> Path:
    """Draw a photo-like JPEG (gradient and shapes) with an EXIF orientation."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    for n in range(12):
        x, y = (n * 257 + hue) % width, (n * 173) % height
        draw.ellipse(
            (x, y, x + width // 6, y + height // 6), fill=((60 * n + hue) % 256, 120, 200 - n * 10)
        )
    draw.rectangle((0, 0, width // 10, height // 10), fill=(200, 30, 30))  # marks the top-left
    exif = Image.Exif()
    exif[0x0112] = orientation
    image.save(path, "JPEG", quality=88, exif=exif.tobytes())
    return path


@pytest.fixture(scope="session")
def photo_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("camera")
    first = make_jpeg(folder / "DSC_0001.jpg", (3000, 2000))
    second = make_jpeg(folder / "DSC_0002.jpg", (3000, 2000), orientation=6, hue=90)
    return first, second


def set_times(newsroom, article_id: str, when: datetime = SAMPLE_TIME) -> ArticleDoc:
    """Give the article fixed created/updated times (the sample's), as an import would."""
    with newsroom.store.write() as session:
        article = session.get(Article, article_id)
        article.created_at = when
        article.updated_at = when
    return newsroom.articles.get(article_id)


@pytest.fixture
def sample_doc(newsroom, photo_files) -> ArticleDoc:
    parts = sample_parts()
    doc = newsroom.articles.create(
        {
            "section": parts["section"],
            "headline": parts["headline"],
            "lead": parts["lead"],
            "byline": parts["byline"],
            "tags": ["Công an", "Cần Thơ"],
            "language": "vi",
        }
    )
    uses = newsroom.photos.add(doc.id, list(photo_files), place=False)
    blocks = list(parts["blocks"])
    for use, caption, alt in zip(uses, parts["captions"], ALTS, strict=True):
        newsroom.photos.update_use(doc.id, use.id, caption=caption, credit=CREDIT, alt_text=alt)
        blocks[blocks.index(caption)] = body_md.figure_markdown(use.id, alt)
    newsroom.articles.save(doc.id, {"body": "\n\n".join(blocks) + "\n"})
    return set_times(newsroom, doc.id)


@pytest.fixture
def hostile_doc(newsroom, photo_files) -> ArticleDoc:
    doc = newsroom.articles.create(
        {
            "section": HOSTILE,
            "headline": HOSTILE,
            "lead": HOSTILE,
            "byline": HOSTILE,
            "tags": [HOSTILE],
            "body": f"Body with {HOSTILE} in it.\n",
        }
    )
    (use,) = newsroom.photos.add(doc.id, [photo_files[0]])
    newsroom.photos.update_use(
        doc.id, use.id, caption=HOSTILE_CAPTION, credit=HOSTILE, alt_text=HOSTILE
    )
    return set_times(newsroom, doc.id)


_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_STAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
_NITF_STAMP_RE = re.compile(r"\d{8}T\d{6}(?:Z|[+-]\d{4})")


def normalise(text: str) -> str:
    """Blank out what changes between runs: ids and timestamps."""
    text = _UUID_RE.sub("<uuid>", text)
    text = _STAMP_RE.sub("<time>", text)
    return _NITF_STAMP_RE.sub("<time>", text)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_imported(newsroom, imported) -> ArticleDoc:
    """Store an ImportedArticle the way an import does: fields, then figures with their text."""
    from newsroom_desktop.core._writes import create_in, link_photo
    from newsroom_desktop.core.intake import ImportedFigure

    with newsroom.store.write() as session:
        fields = {
            "section": imported.section,
            "headline": imported.headline,
            "lead": imported.lead,
            "byline": imported.byline,
            "language": imported.language,
            "tags": list(imported.tags),
        }
        article = create_in(
            session,
            newsroom.ctx,
            fields,
            reason="import",
            created_at=imported.created_at,
            updated_at=imported.updated_at,
        )
        blocks = []
        for block in imported.blocks:
            if isinstance(block, ImportedFigure):
                link = link_photo(
                    article,
                    None,
                    caption=block.caption,
                    credit=block.credit,
                    alt_text=block.alt_text,
                )
                session.flush()
                blocks.append(body_md.figure_markdown(link.id, block.alt_text))
            else:
                blocks.append(block)
        article.body = "\n\n".join(blocks) + "\n"
        article_id = article.id
    return set_times(newsroom, article_id, imported.updated_at or SAMPLE_TIME)
