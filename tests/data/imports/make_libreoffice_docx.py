"""Rebuild the LibreOffice-written .docx test inputs in docx/ (needs soffice on PATH).

The committed files were made with this script on Debian 12 with libreoffice-writer-nogui, so
that the DOCX importer is tested on files written by a real word processor while CI needs no
LibreOffice. Run: .venv/bin/python tests/data/imports/make_libreoffice_docx.py
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches

HERE = Path(__file__).resolve().parent
OUT = HERE / "docx"
PHOTO = HERE.parents[1] / "data" / "photos" / "mei_FujiFilm_FinePixS1Pro_4.jpg"
PHOTO_NO_IPTC_NAME = "gateshead.jpg"


def resaved_source(folder: Path) -> Path:
    """Write a Vietnamese article with python-docx, for LibreOffice to open and save again."""
    doc = Document()
    doc.core_properties.title = "Chợ nổi Cái Răng vào mùa nước nổi"
    doc.core_properties.category = "Du lịch"
    doc.core_properties.keywords = "chợ nổi, Cần Thơ"
    doc.add_paragraph("Chợ nổi Cái Răng vào mùa nước nổi", style="Title")
    doc.add_paragraph("Cập nhật lúc 06:59 ngày 07/09/2021")
    doc.add_paragraph(
        "(CT)- Mùa nước nổi năm nay, chợ nổi Cái Răng đón nhiều du khách hơn mọi năm nhờ cây "
        "cầu mới nối hai bờ sông Hậu vừa được khánh thành."
    )
    para = doc.add_paragraph(
        "Từ sáng sớm, hàng trăm ghe xuồng chở trái cây về chợ. Người bán treo "
    )
    para.add_run("bẹo").bold = True
    para.add_run(" để khách nhìn từ xa, một nét ")
    para.add_run("riêng").italic = True
    para.add_run(" của chợ nổi miền Tây.")
    doc.add_picture(str(PHOTO), width=Inches(3))
    doc.add_paragraph("Ghe hàng trên chợ nổi lúc bình minh. Ảnh: NGỌC HẬU", style="Caption")
    doc.add_heading("Du khách tăng mạnh", level=2)
    doc.add_paragraph(
        "Theo Sở Văn hóa, Thể thao và Du lịch, lượng khách đến chợ nổi trong tháng 8 tăng gần "
        "gấp đôi so với cùng kỳ năm trước."
    )
    doc.add_paragraph("Khách trong nước: 12.000 lượt", style="List Bullet")
    doc.add_paragraph("Khách quốc tế: 1.500 lượt", style="List Bullet")
    doc.add_paragraph("Đặt ghe từ sớm", style="List Number")
    doc.add_paragraph("Mang theo áo mưa", style="List Number")
    doc.add_picture(str(PHOTO), width=Inches(2))  # no caption paragraph: the file's IPTC caption
    doc.add_paragraph("Nhiều du khách chọn đi ghe nhỏ để len vào giữa chợ và mua trái cây tận tay.")
    doc.add_paragraph("PHƯƠNG NAM")
    if "Caption" not in [s.name for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]:
        raise SystemExit("python-docx's template has no Caption style")
    path = folder / "libreoffice-resaved.docx"
    doc.save(str(path))
    return path


def html_source(folder: Path, *, embed: bool) -> Path:
    """Write an HTML article for LibreOffice to open as a text document and save as .docx."""
    photo = folder / PHOTO_NO_IPTC_NAME
    shutil.copyfile(PHOTO, photo)
    src = (
        "data:image/jpeg;base64," + base64.b64encode(PHOTO.read_bytes()).decode("ascii")
        if embed
        else photo.name
    )
    name = "libreoffice-html-embedded" if embed else "libreoffice-linked-photo"
    path = folder / f"{name}.html"
    path.write_text(
        f"""<html><head><meta charset="utf-8"><title>Cầu mới</title></head><body>
<h1>Người dân Cần Thơ hết cảnh chờ phà</h1>
<p>06:59 - 07/09/2021</p>
<p>TTO - Sáng 7-9, UBND TP Cần Thơ khánh thành cầu Ninh Kiều - Cái Răng, công trình giao thông
trọng điểm giúp người dân không còn phải chờ phà mỗi ngày.</p>
<p>Cây cầu có chiều dài 1,2 km, rộng 20 m với bốn làn xe. Xem thêm tại
<a href="https://cantho.gov.vn/giao-thong">cổng thông tin thành phố</a>.</p>
<p><img src="{src}" width="300" alt="Cầu mới"></p>
<p><i>Cầu Ninh Kiều - Cái Răng trong ngày khánh thành. Ảnh: CHÍ QUỐC</i></p>
<h2>Giảm tải cho phà</h2>
<p>Bà Nguyễn Thị Hoa kể mỗi sáng bà phải dậy từ 4 giờ để kịp chuyến phà sớm nhất.
<b>"Giờ có cầu rồi, tôi đỡ khổ nhiều lắm"</b>, bà Hoa nói.</p>
<ol><li>Khởi công: tháng 10/2019</li><li>Thông xe: tháng 9/2021</li></ol>
<p>CHÍ QUỐC</p>
</body></html>
""",
        encoding="utf-8",
    )
    return path


def convert(source: Path, folder: Path, *, html: bool) -> Path:
    """Let LibreOffice open ``source`` and write it as Word 2007+ .docx; return the file."""
    out = folder / "out"
    command = ["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile"]
    if html:
        command.append("--infilter=HTML (StarWriter)")
    command += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return out / f"{source.stem}.docx"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsroom-docx-build-") as tmp:
        folder = Path(tmp)
        made = [
            convert(resaved_source(folder), folder, html=False),
            convert(html_source(folder, embed=True), folder, html=True),
            convert(html_source(folder, embed=False), folder, html=True),
        ]
        for path in made:
            shutil.copyfile(path, OUT / path.name)
            print(f"wrote {OUT / path.name}")


if __name__ == "__main__":
    main()
