"""The canonical Markdown body: figures, plain text, HTML."""

from __future__ import annotations

from newsroom_desktop.core import body

PID = "0b0e4f4e-1f0c-4c39-9f0e-4f2f1b6a9c11"


def test_figure_round_trip():
    md = f"Đoạn một.\n\n{body.figure_markdown(PID, 'Ảnh [1] *đẹp*')}\n\nĐoạn hai.\n"
    figs = body.figures(md)
    assert [f.photo_id for f in figs] == [PID]
    assert figs[0].alt == "Ảnh [1] *đẹp*"


def test_image_inside_text_is_not_a_figure():
    md = f"Xem ![a](photo:{PID}) ở đây.\n"
    assert body.figures(md) == []


def test_plain_text_keeps_blocks_and_drops_images():
    md = f"## Tiêu đề\n\nCó **đậm** và *nghiêng*.\n\n{body.figure_markdown(PID, 'x')}\n\n- một\n- hai\n"  # noqa: E501
    assert body.plain_text(md) == "Tiêu đề\n\nCó đậm và nghiêng.\n\nmột\n\nhai"


def test_raw_html_stays_text():
    html = body.render_html('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n')
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_are_not_rendered_as_links():
    html = body.render_html("[bấm](javascript:alert(1))\n")
    assert "href" not in html


def test_render_uses_figure_renderer():
    md = f"Một.\n\n{body.figure_markdown(PID, 'alt')}\n"
    html = body.render_html(md, lambda pid, alt: f"<figure id='{pid}'>{alt}</figure>\n")
    assert f"<figure id='{PID}'>alt</figure>" in html
    assert "<p>Một.</p>" in html


def test_append_and_remove_figure():
    md = body.append_figure("Một.\n", PID, "alt")
    assert body.photo_ids(md) == [PID]
    assert body.remove_figure(md, PID) == "Một.\n"
    assert body.append_figure("", PID) == f"![](photo:{PID})\n"
