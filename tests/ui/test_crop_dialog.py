"""Crop from the photo panel: C or a double click opens the dialog; OK is one step to undo."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog

from newsroom_desktop.core.photos.recipe import Recipe
from newsroom_desktop.ui.crop_dialog import CropDialog
from tests.exporters.conftest import make_jpeg

CAPTION = "Đại biểu tham dự tại điểm cầu"


def _window_with_photo(qtbot, make_window, tmp_path: Path, size=(3000, 2000), orientation=1):
    photo = make_jpeg(tmp_path / "DSC_0001.jpg", size, orientation=orientation)
    window = make_window()
    nr = window.newsroom
    doc = nr.articles.create({"headline": "Ảnh cắt", "body": "Đoạn một."})
    (use,) = nr.photos.add(doc.id, [photo])
    nr.photos.update_use(doc.id, use.id, caption=CAPTION, credit="Ảnh: Hậu", alt_text="Hội trường")
    window.refresh_list()
    window.open_article(doc.id)
    qtbot.waitUntil(lambda: window.photo_panel.list.count() == 1)
    with qtbot.waitActive(window):  # keyboard shortcuts go to the active window
        window.activateWindow()
    return window, doc.id, use.id, photo


def _stored_recipe(window, article_id: str) -> Recipe | None:
    return window.newsroom.articles.get(article_id).photos[0].recipe


def test_c_opens_the_crop_and_ok_is_one_undo_step(qtbot, make_window, tmp_path, monkeypatch):
    window, article_id, use_id, photo = _window_with_photo(qtbot, make_window, tmp_path)
    before = hashlib.sha256(photo.read_bytes()).hexdigest()
    opened: list[CropDialog] = []

    def square(dialog: CropDialog) -> int:
        opened.append(dialog)
        dialog.aspect.setCurrentIndex(dialog.aspect.findData("1:1"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CropDialog, "exec", square)
    panel = window.photo_panel
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_C)
    assert len(opened) == 1
    recipe = _stored_recipe(window, article_id)
    assert recipe is not None and recipe.aspect == "1:1"
    # The panel shows the photo as cropped: a square thumbnail, and says so.
    icon = panel.list.item(0).icon().pixmap(200, 200).toImage()
    assert abs(icon.width() - icon.height()) <= 1
    assert panel.preview.pixmap().width() == panel.preview.pixmap().height()
    assert "Cropped to: 2000 × 2000" in panel.file_info.text()

    # Ctrl+Z in the photo list takes the crop back in one step, Ctrl+Shift+Z does it again.
    qtbot.keyClick(panel.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored_recipe(window, article_id) is None
    assert "Cropped" not in panel.file_info.text()
    window.crop.redo_action.trigger()
    assert _stored_recipe(window, article_id) == recipe
    # A double click on the large picture opens it again; Cancel changes nothing.
    monkeypatch.setattr(CropDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    qtbot.mouseDClick(panel.preview, Qt.MouseButton.LeftButton)
    assert _stored_recipe(window, article_id) == recipe
    assert hashlib.sha256(photo.read_bytes()).hexdigest() == before
    assert use_id in {u.id for u in window.session.doc.photos}


def test_c_typed_in_a_caption_is_a_letter_not_the_crop(qtbot, make_window, tmp_path, monkeypatch):
    window, article_id, _use_id, _photo = _window_with_photo(qtbot, make_window, tmp_path)
    monkeypatch.setattr(CropDialog, "exec", lambda d: (_ for _ in ()).throw(AssertionError))
    panel = window.photo_panel
    panel.credit.setFocus()
    panel.credit.end(False)
    qtbot.keyClicks(panel.credit, " c")
    assert panel.credit.text() == "Ảnh: Hậu c"
    assert _stored_recipe(window, article_id) is None


def _dialog(qtbot, size=(3000, 2000), min_width=0) -> tuple[CropDialog, QImage]:
    image = QImage(size[0] // 5, size[1] // 5, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    dialog = CropDialog(image, _use(size), min_width)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog, image


def _use(size):
    from newsroom_desktop.core.documents import PhotoUse

    return PhotoUse(
        id="u1", photo_id="p1", position=0, caption="", credit="", alt_text="", is_lead=False,
        placed=False, description="", headline="", creator="", copyright="", file_credit="",
        file_alt_text="", keywords=(), width=size[0], height=size[1], format="JPEG",
        orientation=1, taken_at="", camera="", sha256="0" * 64, original_filename="a.jpg",
        file=None,
    )  # fmt: skip


def test_dragging_a_corner_keeps_the_preset_and_the_dialog_says_when_too_small(qtbot):
    dialog, _image = _dialog(qtbot, min_width=1600)
    assert dialog.recipe() is None  # nothing changed: the whole photo
    dialog.aspect.setCurrentIndex(dialog.aspect.findData("16:9"))
    frame = dialog.canvas.screen_box()
    corner = frame.bottomRight().toPoint() - QPoint(1, 1)
    target = frame.center().toPoint()
    qtbot.mousePress(dialog.canvas, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(dialog.canvas, target)
    qtbot.mouseRelease(dialog.canvas, Qt.MouseButton.LeftButton, pos=target)
    recipe = dialog.recipe()
    assert recipe is not None and recipe.crop is not None and recipe.aspect == "16:9"
    _x, _y, width, height = recipe.crop
    assert width < 3000 * 0.6 and abs(width / height - 16 / 9) < 0.02
    # The frame was halved: about 1500 px wide, less than the 1600 the web needs here.
    assert "too small for the web" in dialog.size_label.text()
    # Dragging inside moves the frame without changing its size.
    inside = dialog.canvas.screen_box().center().toPoint()
    qtbot.mousePress(dialog.canvas, Qt.MouseButton.LeftButton, pos=inside)
    qtbot.mouseMove(dialog.canvas, inside + QPoint(40, 20))
    qtbot.mouseRelease(dialog.canvas, Qt.MouseButton.LeftButton, pos=inside + QPoint(40, 20))
    moved = dialog.recipe()
    assert moved is not None and moved.crop is not None
    assert moved.crop[2:] == recipe.crop[2:] and moved.crop[:2] != recipe.crop[:2]


def test_turning_and_straightening_then_reset(qtbot):
    dialog, _image = _dialog(qtbot)
    dialog.turn_right.click()
    turned = dialog.recipe()
    assert turned == Recipe(quarter_turns=1)
    assert dialog.size_label.text().startswith("2000 × 3000")
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.recipe() is None)  # turned back (a shortcut clicks animated)
    dialog.straighten.setValue(-45)
    straight = dialog.recipe()
    assert straight is not None and straight.straighten == -4.5
    assert dialog.angle.text() == "-4.5°"
    _x, _y, width, _h = dialog.canvas.crop()
    assert width < 3000  # the empty corners are cut away
    dialog.reset.click()
    assert dialog.recipe() is None and dialog.straighten.value() == 0


def test_the_same_photo_twice_is_flagged_in_the_panel(qtbot, make_window, tmp_path):
    window, _article_id, _use_id, photo = _window_with_photo(qtbot, make_window, tmp_path)
    operation = window.session.add_photos([str(photo)])
    qtbot.waitUntil(lambda: operation.finished and window.photo_panel.list.count() == 2)
    panel = window.photo_panel
    assert all(panel.list.item(i).text().endswith("⚠") for i in range(2))
    panel.list.setCurrentRow(0)
    assert "shows this photo more than once" in panel.warnings.text()


def test_the_panel_picture_is_what_the_export_renders(qtbot, tmp_path):
    from PIL import Image, ImageChops, ImageStat
    from PySide6.QtCore import QBuffer, QIODevice

    from newsroom_desktop.core.photos.recipe import upright_size
    from newsroom_desktop.core.photos.rendition import write_rendition
    from newsroom_desktop.core.photos.thumbnails import make_thumbnail
    from newsroom_desktop.ui.crop_view import cropped_image

    original = make_jpeg(tmp_path / "p.jpg", (1500, 1000), orientation=6, hue=40)
    recipe = Recipe(crop=(100, 300, 700, 525), aspect="4:3", quarter_turns=3, straighten=-6.5)
    thumb = make_thumbnail(original, "a" * 64, tmp_path / "cache", 600)
    shown = cropped_image(QImage(str(thumb)), recipe, upright_size(1500, 1000, 6))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    shown.save(buffer, "PNG")
    panel = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    info = write_rendition(
        original, tmp_path / "out.jpg", caption="", credit="", creator="", copyright="",
        alt_text="", recipe=recipe,
    )  # fmt: skip
    with Image.open(info.path) as exported:
        assert abs(exported.width / exported.height - panel.width / panel.height) < 0.02
        same_size = exported.convert("RGB").resize(panel.size, Image.Resampling.LANCZOS)
    difference = ImageStat.Stat(ImageChops.difference(panel, same_size)).mean
    assert max(difference) < 10


def test_crops_of_one_article_are_not_undone_in_another(qtbot, make_window, tmp_path, monkeypatch):
    window, article_id, _use_id, _photo = _window_with_photo(qtbot, make_window, tmp_path)
    monkeypatch.setattr(CropDialog, "exec", lambda d: d.turn_right.click() or 1)
    window.photo_panel.action_crop.trigger()
    assert _stored_recipe(window, article_id) == Recipe(quarter_turns=1)
    window.session.reload()  # the same article shown again keeps its crop history
    assert window.crop.undo_action.isEnabled()
    other = window.newsroom.articles.create({"headline": "Bài khác"})
    window.open_article(other.id)
    assert not window.crop.undo_action.isEnabled()
    assert _stored_recipe(window, article_id) == Recipe(quarter_turns=1)


def test_a_small_crop_shows_sharp_in_the_panel(qtbot, make_window, tmp_path):
    window, article_id, use_id, _photo = _window_with_photo(qtbot, make_window, tmp_path)
    face = Recipe(crop=(1200, 400, 600, 600), aspect="1:1")  # a fifth of the photo's width
    window.session.set_recipe(use_id, face)
    use = window.session.doc.photo(use_id)
    assert use is not None and use.recipe == face
    # Cut from the crop dialog's 1200 px picture, not the 320 px thumbnail (64 px across).
    picture = window.thumbnail(use)
    assert picture is not None and picture.width() == picture.height() >= 230
    assert window.photo_panel.preview.pixmap().width() > 0
    assert _stored_recipe(window, article_id) == face
