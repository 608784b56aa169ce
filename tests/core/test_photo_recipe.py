"""Crop recipes: stored on the use, rendered by every export, the original never changed."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from PIL import Image, ImageChops, ImageOps, ImageStat

from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photo_checks import REPEATED, TOO_NARROW, repeated_uses, use_warnings
from newsroom_desktop.core.photos.imaging import fit_within
from newsroom_desktop.core.photos.recipe import (
    Recipe,
    parse_recipe,
    turned_size,
    upright_size,
    valid_box,
)
from newsroom_desktop.core.photos.rendition import write_rendition
from newsroom_desktop.core.store import migrations_dir
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.checks import check
from newsroom_desktop.exporters.package import PackageExporter
from tests.exporters.conftest import make_jpeg

PHOTOS = Path(__file__).resolve().parents[1] / "data" / "photos"
FUJI = PHOTOS / "mei_FujiFilm_FinePixS1Pro_4.jpg"  # 600 × 400, IPTC and XMP by Photoshop
CAPTION = "Đại biểu tham dự tại điểm cầu Công an thành phố Cần Thơ."
CREDIT = "Ảnh: Ngọc Hậu"
ALT = "Đại biểu ngồi trong hội trường, nhìn lên màn hình"
EDITOR = Actor("Phương Nam", "editor")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def exiftool(path: Path) -> dict[str, object]:
    exe = shutil.which("exiftool")
    assert exe is not None, "exiftool is the oracle: install libimage-exiftool-perl"
    out = subprocess.run(
        [exe, "-j", "-G1", "-a", "-charset", "iptc=UTF8", str(path)],
        check=True,
        capture_output=True,
    ).stdout
    result: dict[str, object] = json.loads(out)[0]
    return result


def oracle(path: Path, recipe: Recipe, size: tuple[int, int]) -> Image.Image:
    """Render a recipe the slow, obvious way: whole picture at full size, Pillow's own upright."""
    with Image.open(path) as image:
        pixels = ImageOps.exif_transpose(image).convert("RGB")
    upright = pixels.size
    for _ in range(recipe.quarter_turns):
        pixels = pixels.transpose(Image.Transpose.ROTATE_270)
    if recipe.straighten:
        centre = (pixels.width / 2, pixels.height / 2)
        pixels = pixels.rotate(-recipe.straighten, Image.Resampling.BICUBIC, center=centre)
    left, top, right, bottom = recipe.box(upright)
    pixels = pixels.crop((round(left), round(top), round(right), round(bottom)))
    return pixels.resize(size, Image.Resampling.LANCZOS)


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    return max(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b)).mean)


@pytest.mark.parametrize("orientation", [1, 2, 3, 5, 6, 8])
@pytest.mark.parametrize(("turns", "angle"), [(0, 0.0), (1, 0.0), (2, 7.5), (3, -12.0)])
def test_the_rendition_shows_what_the_recipe_says(
    tmp_path: Path, orientation: int, turns: int, angle: float
) -> None:
    original = make_jpeg(tmp_path / "p.jpg", (1200, 800), orientation=orientation)
    before = sha256(original)
    frame = turned_size(upright_size(1200, 800, orientation), turns)
    crop = (frame[0] // 5, frame[1] // 4, frame[0] // 2, frame[1] // 2)
    recipe = Recipe(crop=crop, quarter_turns=turns, straighten=angle)
    info = write_rendition(
        original,
        tmp_path / "out.jpg",
        max_side=240,  # small: the JPEG decodes at a reduced scale, as for a big photo
        caption=CAPTION,
        credit=CREDIT,
        creator="",
        copyright="",
        alt_text=ALT,
        recipe=recipe,
    )
    expected_size = fit_within(recipe.final_size(upright_size(1200, 800, orientation)), 240)
    with Image.open(info.path) as got:
        assert got.size == expected_size
        assert mean_difference(got, oracle(original, recipe, got.size)) < 8
    assert sha256(original) == before


def test_straightening_leaves_no_empty_corners(tmp_path: Path) -> None:
    white = tmp_path / "white.jpg"
    Image.new("RGB", (900, 600), "white").save(white, quality=95)
    for angle in (-15.0, 4.0, 15.0):
        info = write_rendition(
            white,
            tmp_path / "out.jpg",
            caption="",
            credit="",
            creator="",
            copyright="",
            alt_text="",
            recipe=Recipe(straighten=angle),
        )
        with Image.open(info.path) as got:
            corners = [(0, 0), (got.width - 1, 0), (0, got.height - 1), (got.width - 1, 9)]
            assert all(min(got.getpixel(xy)) > 235 for xy in corners), angle  # type: ignore[arg-type]
            assert got.width < 900  # the empty corners were cut away
            assert abs(got.width / got.height - 1.5) < 0.01


def test_bad_recipes_are_refused_with_a_clear_message() -> None:
    for text, words in [
        ("{", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"turns": 5}', "quarter turns"),
        ('{"turns": 0, "straighten": 40}', "at most 15°"),
        ('{"turns": 0, "straighten": "x"}', "must be a number"),
        ('{"crop": [0, 0, 4, 4], "turns": 0}', "at least 16"),
        ('{"crop": [0, 0, 160, 100], "aspect": "1:1"}', "not 1:1"),
        ('{"crop": [0, 0, 160, 160], "aspect": "5:4"}', "Unknown crop aspect"),
        ('{"crop": "all"}', "four whole numbers"),
        ("{" + " " * 500 + "}", "at most 400"),
    ]:
        with pytest.raises(ValidationError, match=words):
            parse_recipe(text)
    kept = Recipe(crop=(10, 20, 320, 180), aspect="16:9", quarter_turns=1, straighten=-2.5)
    assert parse_recipe(kept.to_json()) == kept
    assert Recipe().to_json() == "" and parse_recipe("") is None


def test_the_valid_box_is_the_frame_when_straight_and_shrinks_as_it_turns() -> None:
    assert valid_box((600, 400), 0) == (0, 0, 600, 400)
    left, top, right, bottom = valid_box((600, 400), 10)
    assert (
        0 < left < 100 and right - left < 600 and abs((right - left) / (bottom - top) - 1.5) < 1e-9
    )


@pytest.fixture
def nr(tmp_path: Path):
    newsroom = Newsroom.open(tmp_path / "s.sqlite", actor=EDITOR)
    yield newsroom
    newsroom.close()


def _article_with(nr: Newsroom, *files: Path, headline: str = "Hội nghị trực tuyến"):
    doc = nr.articles.create(
        {"headline": headline, "lead": "Sapo.", "body": "Đoạn một.", "byline": "Ngọc Hậu"}
    )
    uses = nr.photos.add(doc.id, list(files))
    for use in uses:
        nr.photos.update_use(doc.id, use.id, caption=CAPTION, credit=CREDIT, alt_text=ALT)
    return doc.id, [u.id for u in uses]


def test_a_crop_is_stored_with_the_use_exported_with_its_captions_and_the_original_kept(
    nr: Newsroom, tmp_path: Path
) -> None:
    article_id, (use_id,) = _article_with(nr, FUJI)
    original = nr.articles.get(article_id).photos[0].file
    assert original is not None
    before = sha256(original)
    square = Recipe(crop=(150, 20, 360, 360), aspect="1:1")
    doc = nr.photos.set_recipe(article_id, use_id, square)
    (use,) = doc.photos
    assert use.recipe == square and use.final_size == (360, 360)
    assert nr.history.list(article_id)[0].reason == "crop"

    files = PackageExporter().export(nr.articles.get(article_id), tmp_path / "out", ExportOptions())
    (photo,) = [f for f in files if f.suffix == ".jpg"]
    tags = exiftool(photo)
    assert (tags["File:ImageWidth"], tags["File:ImageHeight"]) == (360, 360)
    assert tags["XMP-dc:Description"] == tags["IPTC:Caption-Abstract"] == CAPTION
    assert tags["XMP-photoshop:Credit"] == tags["IPTC:Credit"] == CREDIT
    assert tags["XMP-iptcCore:AltTextAccessibility"] == ALT
    assert tags["IPTC:CodedCharacterSet"] == "UTF8"
    # The page shows the photo at its cropped size.
    page = next(f for f in files if f.suffix == ".html").read_text(encoding="utf-8")
    assert 'width="360" height="360"' in page
    assert sha256(original) == before == use.sha256

    # Shown whole again: the export is the whole photo once more.
    nr.photos.set_recipe(article_id, use_id, None)
    files = PackageExporter().export(
        nr.articles.get(article_id), tmp_path / "again", ExportOptions()
    )
    (photo,) = [f for f in files if f.suffix == ".jpg"]
    with Image.open(photo) as whole:
        assert whole.size == (600, 400)
    assert sha256(original) == before


def test_one_photo_is_cropped_its_own_way_in_each_article(nr: Newsroom) -> None:
    first, (first_use,) = _article_with(nr, FUJI)
    second, (second_use,) = _article_with(nr, FUJI, headline="Bài thứ hai")
    nr.photos.set_recipe(first, first_use, Recipe(quarter_turns=1))
    nr.photos.set_recipe(second, second_use, Recipe(crop=(0, 0, 320, 180), aspect="16:9"))
    assert nr.articles.get(first).photos[0].final_size == (400, 600)
    assert nr.articles.get(second).photos[0].final_size == (320, 180)


def test_a_bad_crop_is_refused_and_changes_nothing(nr: Newsroom) -> None:
    article_id, (use_id,) = _article_with(nr, FUJI)
    version = nr.articles.get(article_id).version
    with pytest.raises(ValidationError, match="outside the photo"):
        nr.photos.set_recipe(article_id, use_id, Recipe(crop=(500, 0, 200, 200)))
    # Turned a quarter, the 600 × 400 photo is 400 wide: a crop 500 wide no longer fits.
    with pytest.raises(ValidationError, match="outside the photo"):
        nr.photos.set_recipe(article_id, use_id, Recipe(crop=(0, 0, 500, 300), quarter_turns=1))
    doc = nr.articles.get(article_id)
    assert doc.version == version and doc.photos[0].recipe is None


def test_restoring_a_revision_brings_back_its_crop(nr: Newsroom) -> None:
    article_id, (use_id,) = _article_with(nr, FUJI)
    nr.photos.set_recipe(article_id, use_id, Recipe(crop=(0, 0, 300, 200), aspect="3:2"))
    cropped = nr.history.list(article_id)[0]
    nr.photos.set_recipe(article_id, use_id, Recipe(quarter_turns=2))
    nr.history.restore(article_id, cropped.id)
    assert nr.articles.get(article_id).photos[0].recipe == Recipe(
        crop=(0, 0, 300, 200), aspect="3:2"
    )


def test_warnings_too_small_once_cropped_missing_credit_and_alt_and_repeated(
    nr: Newsroom, tmp_path: Path
) -> None:
    big = make_jpeg(tmp_path / "big.jpg", (3000, 2000))
    article_id, (use_id,) = _article_with(nr, big)
    (use,) = nr.articles.get(article_id).photos
    assert use_warnings(use, 1200) == [] and check(nr.articles.get(article_id), 1200) == []
    doc = nr.photos.set_recipe(article_id, use_id, Recipe(crop=(100, 100, 800, 600)))
    (narrow,) = use_warnings(doc.photos[0], 1200)
    assert narrow.code == TOO_NARROW and "800 px wide once cropped" in narrow.message
    assert [p.code for p in check(doc, 1200)] == ["photo_too_small"]
    assert check(doc) == []  # without a smallest width, no width problem

    # The same file a second time in the article; no credit and no alt text on it.
    (again,) = nr.photos.add(article_id, [big])
    nr.photos.update_use(article_id, again.id, caption="Ảnh khác", credit="", alt_text="")
    doc = nr.articles.get(article_id)
    assert repeated_uses(doc.photos) == {use_id, again.id}
    codes = [(p.field, p.code) for p in check(doc)]
    assert (f"photo:{again.id}", "missing_credit") in codes
    assert (f"photo:{again.id}", "missing_alt") in codes
    assert (f"photo:{again.id}", "repeated_photo") in codes
    assert (f"photo:{use_id}", "repeated_photo") in codes
    # One use placed twice in the body is the same photo shown twice, too.
    body = f"Đoạn.\n\n![{ALT}](photo:{use_id})\n\nGiữa.\n\n![{ALT}](photo:{use_id})\n"
    assert repeated_uses(doc.photos[:1], [use_id, use_id]) == {use_id}
    warnings = use_warnings(doc.photos[0], repeated=True)
    assert [w.code for w in warnings] == [REPEATED]
    nr.photos.remove(article_id, again.id)
    nr.articles.save(article_id, {"body": body})
    doc = nr.articles.get(article_id)
    assert [p.code for p in check(doc)] == ["repeated_photo"]


def test_the_migration_adds_the_recipe_and_down_keeps_the_uses(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    nr = Newsroom.open(path, actor=EDITOR)
    article_id, (use_id,) = _article_with(nr, FUJI)
    nr.photos.set_recipe(article_id, use_id, Recipe(quarter_turns=1))
    revisions = len(nr.history.list(article_id))
    store = nr.ctx.store
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with store._write_engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0008")
    with store.engine.connect() as conn:
        columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(article_photos)")]
        assert "recipe" not in columns and "caption" in columns
    store.migrate()
    nr.close()
    nr = Newsroom.open(path, actor=EDITOR)
    (use,) = nr.articles.get(article_id).photos
    assert use.id == use_id and use.caption == CAPTION and use.recipe is None
    assert len(nr.history.list(article_id)) == revisions
    nr.close()


def test_the_command_crops_lists_and_exports_the_crop(tmp_path: Path, capsys) -> None:
    from newsroom_desktop.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--store", str(tmp_path / "cli.sqlite"), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    article_id = run("new", "--headline", "Ảnh cắt")[1].strip()
    use_id = run("photos", "add", article_id, str(FUJI))[1].strip()
    code, out, err = run("photos", "crop", article_id, use_id[:8], "--aspect", "16:9")
    assert code == 0 and out.strip() == f"{use_id[:8]}  600x338"
    assert "600 px wide once cropped" in err  # narrower than the 1200 px the web needs
    (listed,) = json.loads(run("photos", "list", article_id, "--json")[1])
    assert listed["recipe"] == {"aspect": "16:9", "straighten": 0.0, "turns": 0}
    assert listed["final_size"] == [600, 338]
    code, _out, err = run("photos", "crop", article_id, use_id, "--box", "0,0,900,10")
    assert code != 0 and "at least 16" in err
    code, _out, err = run("photos", "crop", article_id, use_id, "--box", "a,b")
    assert code != 0 and "four whole numbers" in err
    code, out, _err = run("export", article_id, "-f", "package", "-o", str(tmp_path / "out"))
    assert code == 0
    (photo,) = (tmp_path / "out").rglob("*.jpg")
    with Image.open(photo) as exported:
        assert exported.size == (600, 338)
    assert (
        run("photos", "crop", article_id, use_id, "--reset")[1].strip() == f"{use_id[:8]}  600x400"
    )


@pytest.mark.parametrize("name", ["html", "fragment", "md", "newsml", "nitf", "ninjs", "docx"])
def test_every_export_with_photos_renders_the_crop(nr: Newsroom, tmp_path: Path, name: str) -> None:
    import io
    import zipfile

    from newsroom_desktop.exporters import registry

    article_id, (use_id,) = _article_with(nr, FUJI)
    nr.photos.set_recipe(article_id, use_id, Recipe(crop=(100, 40, 480, 270), aspect="16:9"))
    files = registry.get(name).export(nr.articles.get(article_id), tmp_path, ExportOptions())
    if name == "docx":
        with zipfile.ZipFile(files[0]) as archive:
            (media,) = [n for n in archive.namelist() if n.startswith("word/media/")]
            with Image.open(io.BytesIO(archive.read(media))) as embedded:
                assert embedded.size == (480, 270)
        return
    (photo,) = [f for f in files if f.suffix == ".jpg"]
    tags = exiftool(photo)
    assert (tags["File:ImageWidth"], tags["File:ImageHeight"]) == (480, 270)
    assert tags["IPTC:Caption-Abstract"] == tags["XMP-dc:Description"] == CAPTION
    assert tags["XMP-iptcCore:AltTextAccessibility"] == ALT


@pytest.mark.parametrize("mode", ["P", "RGBA", "L", "CMYK"])
def test_other_kinds_of_picture_crop_too(tmp_path: Path, mode: str) -> None:
    picture = Image.linear_gradient("L").resize((640, 480)).convert(mode)
    original = tmp_path / ("p.jpg" if mode == "CMYK" else "p.png")
    picture.save(original)
    info = write_rendition(
        original,
        tmp_path / "out.jpg",
        caption=CAPTION,
        credit=CREDIT,
        creator="",
        copyright="",
        alt_text=ALT,
        recipe=Recipe(crop=(40, 40, 400, 300), aspect="4:3", quarter_turns=2, straighten=3.0),
    )
    with Image.open(info.path) as got:
        assert got.mode == "RGB"
        left, top, right, bottom = Recipe(
            crop=(40, 40, 400, 300), aspect="4:3", quarter_turns=2, straighten=3.0
        ).box((640, 480))
        assert got.size == (round(right - left), round(bottom - top))
        # The gradient runs dark to light top to bottom; turned half round, light to dark.
        centre = got.width // 2
        top, bottom = got.getpixel((centre, 2)), got.getpixel((centre, got.height - 3))
        assert top[0] > bottom[0] + 60  # type: ignore[index]
