"""One source of truth for alt text: the photo use; the body, revisions and exports follow it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from newsroom_desktop.core import body as body_md
from newsroom_desktop.core.photos import read_metadata
from newsroom_desktop.exporters import registry
from newsroom_desktop.exporters.base import ExportOptions
from tests.conftest import DATA

FILE = DATA / "photos" / "iptc-ref-2024.1__aidin36-xmp.jpg"
FILE_ALT = "This is the Alt Text description to support accessibility in 2023.2"
NEW_ALT = "Đại biểu dự họp tại điểm cầu Công an thành phố, nhìn lên màn hình"
FILE_CAPTION = "The description aka caption (ref2023.2)"
NEW_CAPTION = "Hội nghị trực tuyến tại điểm cầu Cần Thơ"


def _body_alts(markdown: str) -> list[str]:
    return [f.alt for f in body_md.figures(markdown)]


def test_with_figure_alts_rewrites_only_the_figures_named():
    a, b = "11111111-aaaa-bbbb-cccc-000000000001", "11111111-aaaa-bbbb-cccc-000000000002"
    body = (
        f"Đoạn đầu có ![chữ](photo:{a}) trong dòng.\n\n"
        f"![cũ \\[1\\]](photo:{a})\n\n> ![trích](photo:{b})\n\n![giữ](photo:{b})\n"
    )
    out = body_md.with_figure_alts(body, {a: "mới *đậm* [2]", b: "b mới"})
    assert _body_alts(out) == ["mới *đậm* [2]", "b mới", "b mới"]
    assert out.startswith(f"Đoạn đầu có ![chữ](photo:{a}) trong dòng.")  # not a figure
    assert "> ![b mới]" in out  # the quote stays a quote
    assert body_md.with_figure_alts(out, {a: "mới *đậm* [2]", b: "b mới"}) == out
    assert body_md.with_figure_alts(body, {}) == body


def test_alt_text_changed_on_the_photo_reaches_body_revisions_and_every_export(newsroom, tmp_path):
    doc = newsroom.articles.create({"headline": "Hội nghị trực tuyến", "body": "Đoạn một.\n"})
    (use,) = newsroom.photos.add(doc.id, [FILE])  # placed with the file's own alt text
    assert use.alt_text == FILE_ALT
    assert _body_alts(newsroom.articles.get(doc.id).body) == [FILE_ALT]
    # The editor then saves the body as it shows it, with the figure's Markdown as it had it.
    stale_body = newsroom.articles.get(doc.id).body + "\nĐoạn hai.\n"
    newsroom.articles.save(doc.id, {"body": stale_body}, reason="save")
    before = {r.id for r in newsroom.history.list(doc.id)}

    assert use.caption == FILE_CAPTION
    newsroom.photos.update_use(doc.id, use.id, alt_text=NEW_ALT, caption=NEW_CAPTION)
    # ... and the editor saves its text again, still holding the old alt in its figure.
    newsroom.articles.save(doc.id, {"body": stale_body + "\nĐoạn ba.\n"}, reason="save")

    stored = newsroom.articles.get(doc.id)
    assert _body_alts(stored.body) == [NEW_ALT]
    assert stored.photos[0].alt_text == NEW_ALT
    after = [r for r in newsroom.history.list(doc.id) if r.id not in before]
    assert len(after) == 2
    for info in after:
        assert _body_alts(info.body) == [NEW_ALT], info.reason

    out = tmp_path / "out"
    texts: dict[str, str] = {}
    for name in ("html", "fragment", "md", "txt", "newsml", "nitf", "ninjs", "docx", "package"):
        for path in registry.get(name).export(stored, out / name, ExportOptions()):
            texts[f"{name}:{path.name}"] = _text_of(path)
    carriers = {k: t for k, t in texts.items() if NEW_ALT in t or FILE_ALT in t}
    assert {k.split(":")[0] for k in carriers} >= {"html", "fragment", "md", "newsml", "nitf",
                                                    "ninjs", "docx", "package"}  # fmt: skip
    stale = [k for k, t in carriers.items() if FILE_ALT in t]
    assert stale == []
    # Captions have one home too: every export that prints one prints the panel's.
    captioned = {k.split(":")[0] for k, t in texts.items() if NEW_CAPTION in t}
    assert captioned >= {"html", "fragment", "md", "txt", "newsml", "nitf", "ninjs", "docx"}
    assert [k for k, t in texts.items() if FILE_CAPTION in t] == []


def _text_of(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml").decode("utf-8")
    if path.suffix in (".jpg", ".jpeg"):
        return read_metadata(path).alt_text  # the package's photos carry it inside
    if path.suffix in (".png", ".webp", ".zip"):
        return ""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text
