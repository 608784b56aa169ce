"""Only the article's photos are exported: images typed into the body are left out and named."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.exporters import registry
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.checks import check
from newsroom_desktop.exporters.images import plan_images
from newsroom_desktop.exporters.markdown import body_markdown
from newsroom_desktop.jobs.exports import export_article
from tests.exporters.conftest import make_jpeg

UNLINKED = "0123abcd-0000-4000-8000-000000000000"
PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQ"
    "DwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
# What must never reach an export as a picture, whatever the format.
NEVER = ("track.png", "bi-mat.jpg", "data:image", UNLINKED)


def _body(secret: Path, figure: str) -> str:
    return (
        "Đoạn mở đầu ![theo dõi](http://evil.example/track.png) giữa câu.\n\n"
        f"![bí mật]({secret})\n\n"
        "![tệp](file:///etc/passwd)\n\n"
        f"![nhúng]({PIXEL})\n\n"
        "> Trích dẫn có ảnh ![tham chiếu][trk]\n> kéo dài hai dòng.\n\n"
        "- mục có ảnh ![ở mục](//evil.example/list.png)\n\n"
        f"[trk]: https://evil.example/ref.png\n\n{figure}\n\n"
        f"![không có](photo:{UNLINKED})\n\nĐoạn cuối.\n"
    )


@pytest.fixture
def doc(newsroom, tmp_path: Path) -> ArticleDoc:
    (tmp_path / "rieng").mkdir()
    secret = make_jpeg(tmp_path / "rieng" / "bi-mat.jpg", (123, 45))
    photo = make_jpeg(tmp_path / "anh.jpg", (640, 480))
    created = newsroom.articles.create({"headline": "Ảnh lạ trong bài", "lead": "Sapo."})
    (use,) = newsroom.photos.add(created.id, [photo], place=False)
    newsroom.photos.update_use(created.id, use.id, caption="Ảnh của bài", credit="Ảnh: A")
    body = _body(secret, body_md.figure_markdown(use.id, "ảnh thật"))
    newsroom.articles.save(created.id, {"body": body})
    return newsroom.articles.get(created.id)


def _texts(files: list[Path]) -> str:
    """Return the text of every file written (the XML parts of a .docx)."""
    out = []
    for path in files:
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as package:
                out += [package.read(n).decode() for n in package.namelist() if n.endswith("rels")]
                out += [package.read(n).decode() for n in package.namelist() if n.endswith("xml")]
        elif path.suffix in (".html", ".md", ".json", ".xml", ".txt"):
            out.append(path.read_text(encoding="utf-8"))
    return "\n".join(out)


@pytest.mark.parametrize("format_name", registry.names())
def test_no_export_shows_an_image_that_is_not_the_articles(
    newsroom, doc: ArticleDoc, tmp_path: Path, format_name: str
):
    result = export_article(newsroom, doc.id, format_name, tmp_path / "out", ExportOptions())
    assert result.ok, result.error
    text = _texts(list(result.files)).replace("\\u003c", "<")
    for never in NEVER:
        assert never not in text, never
    assert "list.png" not in text
    if format_name not in ("md", "package"):  # a link definition alone shows nothing (below)
        assert "evil.example" not in text
    srcs = re.findall(r"""(?:src|source|href)=["']([^"']*\.(?:png|jpe?g))""", text)
    assert all(src.startswith("images/") for src in srcs), srcs
    if format_name in ("html", "fragment", "ninjs", "package"):
        assert "Đoạn mở đầu  giữa câu." in text
        assert text.count("<img") == 1 or format_name == "package"
    if format_name == "pdf":
        (pdf,) = result.files
        listing = subprocess.run(
            ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert [(int(line.split()[3]), int(line.split()[4])) for line in listing] == [(640, 480)]


def _shown(src: str) -> str:
    return src if len(src) <= 80 else src[:79] + "…"


def test_the_check_names_each_image_left_out(doc: ArticleDoc, tmp_path: Path):
    foreign = [p for p in check(doc) if p.code == "foreign_image"]
    not_ours = "The body shows an image that is not one of the article's photos"
    sources = [
        "http://evil.example/track.png",
        str(tmp_path / "rieng" / "bi-mat.jpg"),
        PIXEL,
        "https://evil.example/ref.png",
        "//evil.example/list.png",
    ]
    assert [p.message for p in foreign] == [
        *(f"{not_ours} ({_shown(src)}); it is left out of the export." for src in sources),
        f"The body places a photo the article does not have (photo:{UNLINKED}); "
        "it is left out of the export.",
    ]
    assert {p.field for p in foreign} == {"body"}


def test_the_markdown_export_keeps_the_text_around_a_cut_image(doc: ArticleDoc):
    markdown = body_markdown(doc, plan_images(doc, ExportOptions()))
    assert "Đoạn mở đầu  giữa câu." in markdown
    assert "> Trích dẫn có ảnh \n> kéo dài hai dòng." in markdown
    assert "- mục có ảnh \n" in markdown
    assert "![tệp](file:///etc/passwd)" in markdown  # not an image in CommonMark: text
    images = body_md.image_sources(markdown)
    assert len(images) == 1
    assert images[0].startswith("images/")


@pytest.mark.parametrize(
    "body",
    [
        "![a\nb](http://evil.example/x.png)\n",  # the Markdown of an image over two lines
        "> - ![a\n>   b](http://evil.example/x.png) c\n",  # inside a quote and a list
        "!![a](http://evil.example/x.png)[b](http://evil.example/y.png)\n",  # a cut makes one
        "`![a](http://evil.example/x.png)` ![a](http://evil.example/x.png)\n",  # code first
    ],
)
def test_cutting_an_image_never_leaves_or_makes_one(body: str):
    stripped = body_md.strip_images(body, lambda src: False)
    assert body_md.image_sources(stripped) == []
    if body.startswith("`"):
        assert stripped == "`![a](http://evil.example/x.png)` \n"  # the code span is kept


def test_the_body_preview_shows_no_foreign_image(tmp_path: Path):
    html = body_md.render_html(_body(tmp_path / "bi-mat.jpg", ""))
    for never in ("track.png", "bi-mat.jpg", "data:image", "ref.png", "list.png"):
        assert never not in html, never
    assert "<p>Đoạn mở đầu  giữa câu.</p>" in html
