"""Word files: python-docx and LibreOffice documents, photos with captions, hostile packages."""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsroom_desktop.core.errors import ImportFailedError
from newsroom_desktop.importers.docx import parse
from tests.importers.conftest import GATESHEAD, IMPORTS, PHOTOSHOP

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
WORD = IMPORTS / "docx"


def test_python_docx_article(make_docx):
    path = make_docx(
        [
            ("Normal", "THỜI SỰ"),
            ("Heading 1", "Khánh thành cầu mới nối hai bờ sông Hậu"),
            ("Normal", "Cập nhật lúc 06:59 ngày 07/09/2021"),
            ("Normal", "(Dân trí) - Sáng 7-9, UBND TP Cần Thơ khánh thành cầu mới."),
            (
                "runs",
                [
                    ("Cây cầu dài ", ""),
                    ("1,2 km", "bold"),
                    (", rộng ", ""),
                    ("20 m", "italic"),
                    (".", ""),
                ],
            ),
            ("picture", PHOTOSHOP),
            ("Caption", "Cầu mới nhìn từ trên cao. Ảnh: CHÍ QUỐC"),
            ("Heading 2", "Giảm tải cho phà"),
            ("List Bullet", "Chiều dài 1,2 km"),
            ("List Bullet", "Vốn 2.000 tỉ đồng"),
            ("picture", GATESHEAD),
            ("Normal", "Người dân phấn khởi khi cầu được thông xe vào buổi tối hôm qua."),
            ("Normal", "CHÍ QUỐC"),
        ],
        keywords="cầu, Cần Thơ",
    )
    article = parse(path)
    assert article.section == "THỜI SỰ"
    assert article.headline == "Khánh thành cầu mới nối hai bờ sông Hậu"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.lead == "(Dân trí) - Sáng 7-9, UBND TP Cần Thơ khánh thành cầu mới."
    assert article.byline == "CHÍ QUỐC"
    assert article.tags == ("cầu", "Cần Thơ")
    assert article.paragraphs == (
        "Cây cầu dài **1,2 km**, rộng *20 m*.",
        "## Giảm tải cho phà",
        "- Chiều dài 1,2 km\n- Vốn 2.000 tỉ đồng",
        "Người dân phấn khởi khi cầu được thông xe vào buổi tối hôm qua.",
    )
    captioned, bare = article.figures
    assert (captioned.caption, captioned.credit) == ("Cầu mới nhìn từ trên cao.", "CHÍ QUỐC")
    assert captioned.image_bytes == PHOTOSHOP.read_bytes()
    assert captioned.image_name == "bai-viet-photo-1.jpg"
    assert bare.caption == ""
    assert bare.image_bytes == GATESHEAD.read_bytes()


def test_title_property_is_the_headline_when_the_text_has_none(make_docx):
    path = make_docx(
        [("Normal", "Sáng 7-9, UBND TP Cần Thơ khánh thành cầu mới nối hai bờ sông Hậu.")],
        title="Khánh thành cầu mới",
    )
    article = parse(path)
    assert article.headline == "Khánh thành cầu mới"
    assert article.lead.startswith("Sáng 7-9")


def test_libreoffice_resaved_document():
    article = parse(WORD / "libreoffice-resaved.docx")
    assert article.headline == "Chợ nổi Cái Răng vào mùa nước nổi"
    assert article.section == "Du lịch"
    assert article.updated_at == datetime(2021, 9, 7, 6, 59, tzinfo=HCM)
    assert article.lead.startswith("(CT)- Mùa nước nổi năm nay")
    assert article.byline == "PHƯƠNG NAM"
    assert article.paragraphs[0].endswith(
        "treo **bẹo** để khách nhìn từ xa, một nét *riêng* của chợ nổi miền Tây."
    )
    assert "## Du khách tăng mạnh" in article.paragraphs
    assert "- Khách trong nước: 12.000 lượt\n- Khách quốc tế: 1.500 lượt" in article.paragraphs
    assert "1. Đặt ghe từ sớm\n2. Mang theo áo mưa" in article.paragraphs
    captioned, bare = article.figures
    assert (captioned.caption, captioned.credit) == (
        "Ghe hàng trên chợ nổi lúc bình minh.",
        "NGỌC HẬU",
    )
    # LibreOffice keeps the photo's bytes, so its IPTC caption is still inside.
    assert captioned.image_bytes == GATESHEAD.read_bytes() == bare.image_bytes
    assert bare.caption == ""


def test_libreoffice_document_from_html_with_an_embedded_photo():
    article = parse(WORD / "libreoffice-html-embedded.docx")
    assert article.headline == "Người dân Cần Thơ hết cảnh chờ phà"
    assert article.lead.startswith("TTO - Sáng 7-9")
    assert article.byline == "CHÍ QUỐC"
    assert "[cổng thông tin thành phố](https://cantho.gov.vn/giao-thong)" in article.paragraphs[0]
    (figure,) = article.figures
    assert (figure.caption, figure.credit) == (
        "Cầu Ninh Kiều - Cái Răng trong ngày khánh thành.",
        "CHÍ QUỐC",
    )
    assert figure.image_bytes == GATESHEAD.read_bytes()
    assert "1. Khởi công: tháng 10/2019\n2. Thông xe: tháng 9/2021" in article.paragraphs


def test_a_linked_picture_is_not_fetched_and_its_caption_waits():
    article = parse(WORD / "libreoffice-linked-photo.docx")
    (figure,) = article.figures
    assert figure.caption == "Cầu Ninh Kiều - Cái Răng trong ngày khánh thành."
    assert not figure.has_image
    assert any("linked from outside" in w for w in article.warnings)


def _rewrite(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, replace.get(item.filename, old.read(item.filename)))
    return target


def test_xml_entities_in_a_docx_are_refused(make_docx, tmp_path: Path):
    source = make_docx([("Heading 1", "Tiêu đề"), ("Normal", "Đoạn &lol9;")])
    with zipfile.ZipFile(source) as package:
        document = package.read("word/document.xml").decode("utf-8")
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10))
        + '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    )
    body = document.split("?>", 1)[1].replace("Đoạn &amp;lol9;", "Đoạn &lol9; &xxe;")
    path = _rewrite(source, tmp_path / "xxe.docx", {"word/document.xml": (bomb + body).encode()})
    with pytest.raises(ImportFailedError, match=r"xxe\.docx.*entities") as caught:
        parse(path)
    assert caught.value.code == "xml_entities"


def test_a_zip_bomb_posing_as_docx_is_refused_before_inflating(make_docx, tmp_path: Path):
    source = make_docx([("Heading 1", "Tiêu đề"), ("Normal", "Đoạn.")])
    path = tmp_path / "bomb.docx"
    shutil.copyfile(source, path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/image1.png", b"\0" * (40 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    with pytest.raises(ImportFailedError, match=r"bomb\.docx.*zip bomb") as caught:
        parse(path)
    assert caught.value.code == "zip_bomb"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "not a Word .docx"),  # an old .doc
        ("Chỉ là chữ".encode().ljust(64, b" "), "not a Word .docx"),
        (None, "zip file but not a Word document"),
    ],
)
def test_files_that_are_not_word_documents(tmp_path: Path, content, message):
    path = tmp_path / "gia.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("hello.txt", "xin chào")
    else:
        path.write_bytes(content)
    with pytest.raises(ImportFailedError, match=rf"gia\.docx.*{message}"):
        parse(path)


def test_a_damaged_document_part_is_refused_with_its_reason(make_docx, tmp_path: Path):
    source = make_docx([("Heading 1", "Tiêu đề"), ("Normal", "Đoạn.")])
    path = _rewrite(source, tmp_path / "hong.docx", {"word/document.xml": b"<w:document><w:body"})
    with pytest.raises(ImportFailedError, match=r"hong\.docx.*(damaged|cannot be read)"):
        parse(path)


def test_an_embedded_pixel_bomb_is_passed_on_as_bytes(make_docx, tmp_path: Path):
    # The importer does not decode images; the store's photo ingest refuses the bomb later.
    from tests.importers.conftest import pixel_bomb_png

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(pixel_bomb_png(1000, 1000))
    source = make_docx(
        [("Heading 1", "Tiêu đề"), ("Normal", "Đoạn mở đầu."), ("picture", bomb),
         ("Caption", "Chú thích ảnh.")]
    )  # fmt: skip
    with zipfile.ZipFile(source) as package:
        (media,) = [n for n in package.namelist() if n.startswith("word/media/")]
    path = _rewrite(source, tmp_path / "pixels.docx", {media: pixel_bomb_png()})
    (figure,) = parse(path).figures
    assert figure.caption == "Chú thích ảnh."
    assert figure.image_bytes == pixel_bomb_png()
    assert io.BytesIO(figure.image_bytes).getbuffer().nbytes < 200


def test_slimmed_styles_give_mammoth_the_same_document(make_docx):
    import mammoth

    from newsroom_desktop.importers.docx import package_for_mammoth

    path = make_docx(
        [("Title", "Tiêu đề"), ("List Number", "Một"), ("List Bullet", "Hai"),
         ("Caption", "Chú thích."), ("Quote", "Trích dẫn.")]
    )  # fmt: skip
    with zipfile.ZipFile(path) as package:
        assert package.getinfo("word/styles.xml").file_size > 64 * 1024  # python-docx's big one
    with path.open("rb") as original, package_for_mammoth(path) as slim:
        assert not isinstance(slim, io.BufferedReader)
        expected = mammoth.convert_to_html(original, style_map="p[style-name='Caption'] => p.c")
        got = mammoth.convert_to_html(slim, style_map="p[style-name='Caption'] => p.c")
    assert got.value == expected.value
    assert '<p class="c">Chú thích.</p>' in got.value
