"""Caption templates: variables per photo, replace or append, bad syntax, in the store."""

from __future__ import annotations

from datetime import date

import pytest

from newsroom_desktop.core.errors import NotFoundError, ValidationError
from newsroom_desktop.core.photo_templates import (
    APPEND,
    CaptionTemplate,
    Fill,
    TemplateSyntaxError,
    apply_template,
    apply_to_each,
    check_template,
)
from tests.conftest import DATA, EDITOR, REPORTER

PHOTOS = DATA / "photos"
RUN = Fill(today=date(2026, 12, 7), byline="Ngọc Hậu", event="Hội nghị Thành ủy")
PHOTO = {
    "caption": "Đại biểu tham dự",
    "headline": "",
    "creator": "Ian Britton",
    "credit": "",
    "copyright": "",
    "city": "Cần Thơ",
    "keywords": "hội nghị",
    "alt_text": "",
    "filename": "DSC_0042.jpg",
    "taken_at": "2021-09-06T08:15:00+07:00",
}


def template(**fields: tuple[str, str]) -> CaptionTemplate:
    """A template applying each field given as (value, mode)."""
    t = CaptionTemplate(name="Hội nghị")
    for name, (value, mode) in fields.items():
        t = t.with_field(name, value=value, apply=True, mode=mode)
    return t


def test_variables_are_filled_per_photo():
    t = template(
        caption=("{city}, {date_taken:%d/%m/%Y}: {event}. Ảnh {seq:02d} ({filename})", "replace"),
        credit=("Ảnh: {byline}", "replace"),
        copyright=("© {date:%Y} Báo Cần Thơ — {creator}", "replace"),
    )
    out = apply_template(check_template(t), PHOTO, RUN, seq=3)
    assert out["caption"] == "Cần Thơ, 06/09/2021: Hội nghị Thành ủy. Ảnh 03 (DSC_0042.jpg)"
    assert out["credit"] == "Ảnh: Ngọc Hậu"
    assert out["copyright"] == "© 2026 Báo Cần Thơ — Ian Britton"
    assert out["creator"] == "Ian Britton"  # not applied: unchanged


def test_append_adds_to_the_photo_text_and_keywords_once_each():
    t = template(
        caption=("— {event}", APPEND),
        keywords=("Thành ủy; hội nghị, Cần Thơ", APPEND),
        alt_text=("Ảnh chụp tại {city}", APPEND),
    )
    out = apply_template(check_template(t), PHOTO, RUN)
    assert out["caption"] == "Đại biểu tham dự — Hội nghị Thành ủy"
    assert out["keywords"] == "hội nghị, Thành ủy, Cần Thơ"
    assert out["alt_text"] == "Ảnh chụp tại Cần Thơ"  # appended to nothing: no leading space


def test_a_city_the_template_sets_is_the_city_of_its_caption():
    t = template(city=("Hà Nội", "replace"), caption=("{city}: {caption}", "replace"))
    # {caption} is no variable: said clearly, not filled with something else
    with pytest.raises(ValidationError, match=r"unknown variable \{caption\}"):
        check_template(t)
    t = template(city=("Hà Nội", "replace"), caption=("{city} — {date_taken}", "replace"))
    assert apply_template(check_template(t), PHOTO, RUN)["caption"] == "Hà Nội — 06/09/2021"


def test_seq_counts_the_selection_and_no_date_taken_is_empty():
    t = check_template(template(headline=("{seq}/{date_taken}", "replace")))
    photos = [PHOTO, {**PHOTO, "taken_at": ""}, PHOTO]
    assert [o["headline"] for o in apply_to_each(t, photos, RUN)] == [
        "1/06/09/2021",
        "2/",
        "3/06/09/2021",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Ảnh {city", "a “{” without its “}”"),
        ("Ảnh city}", "a “}” without its “{”"),
        ("{place}", "unknown variable {place}"),
        ("{city!r}", "unknown variable {city}"),
        ("{city:>10}", "{city} takes no format"),
        ("{seq:%Y}", "{seq:%Y} is not a number format"),
        ("{seq:{x}}", "the format of {seq} is not valid"),
    ],
)
def test_bad_template_syntax_gets_a_clear_error(text: str, message: str):
    with pytest.raises(ValidationError) as refused:
        check_template(template(caption=(text, "replace")))
    assert message in refused.value.message
    assert refused.value.message.startswith("caption: ")
    assert refused.value.code == "template_syntax"
    assert isinstance(refused.value, TemplateSyntaxError)
    assert refused.value.where == "caption"  # the window names the field in its own language


def test_doubled_braces_are_braces():
    t = check_template(template(caption=("{{{city}}}", "replace")))
    assert apply_template(t, PHOTO, RUN)["caption"] == "{Cần Thơ}"


# -- in the store ----------------------------------------------------------------------------

pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _photo_ids(newsroom, names: list[str]) -> list[str]:
    article = newsroom.articles.create({"headline": "Ảnh hội nghị"})
    uses = newsroom.photos.add(article.id, [PHOTOS / n for n in names], place=False)
    return [u.photo_id for u in uses]


FILES = ["exiftool_t_PhotoMechanic.jpg", "mei_FujiFilm_FinePixS1Pro_4.jpg"]


def test_templates_are_kept_in_the_store_and_seen_by_another_person(newsroom):
    t = template(caption=("{event} ({seq})", "replace"), credit=("Ảnh: {byline}", "replace"))
    saved = newsroom.photo_templates.save(t)
    assert saved.id
    newsroom.photo_templates.duplicate("Hội nghị", "Hội nghị (bản sao)")
    newsroom.act_as(EDITOR)  # on a server: another person's own login
    names = [x.name for x in newsroom.photo_templates.templates()]
    assert names == ["Hội nghị", "Hội nghị (bản sao)"]
    got = newsroom.photo_templates.get("Hội nghị")
    assert got.field("caption").value == "{event} ({seq})"
    assert got.field("credit").apply
    assert not got.field("headline").apply
    with pytest.raises(ValidationError, match="exists already"):
        newsroom.photo_templates.save(CaptionTemplate(name="Hội nghị"))
    newsroom.photo_templates.delete("Hội nghị (bản sao)")
    with pytest.raises(NotFoundError):
        newsroom.photo_templates.get("Hội nghị (bản sao)")


def test_apply_changes_every_photo_in_one_step_and_restore_undoes_it(newsroom):
    ids = _photo_ids(newsroom, FILES)
    newsroom.photo_templates.save(
        template(
            caption=("{event}, ảnh {seq}", "replace"),
            keywords=("Thành ủy", APPEND),
            creator=("=nh=", "replace"),
        )
    )
    newsroom.photo_templates.import_roster("nh\tNgọc Hậu\n".encode())
    before = [newsroom.photo_templates.values(i) for i in ids]
    changes = newsroom.photo_templates.apply("Hội nghị", ids, event="Hội nghị Thành ủy")
    assert [c.photo_id for c in changes] == ids
    after = [newsroom.photo_templates.values(i) for i in ids]
    assert [a["caption"] for a in after] == ["Hội nghị Thành ủy, ảnh 1", "Hội nghị Thành ủy, ảnh 2"]
    assert {a["creator"] for a in after} == {"Ngọc Hậu"}  # the roster's code, expanded
    assert after[0]["keywords"].endswith("Thành ủy")
    assert changes[0].before["caption"] == before[0]["caption"]
    newsroom.photo_templates.restore(changes)
    assert [newsroom.photo_templates.values(i) for i in ids] == before


def test_batch_edit_sets_one_field_on_many_photos(newsroom):
    ids = _photo_ids(newsroom, FILES)
    changes = newsroom.photo_templates.set_field(ids, "credit", "Báo Cần Thơ")
    assert len(changes) == 2
    assert {newsroom.photo_templates.values(i)["credit"] for i in ids} == {"Báo Cần Thơ"}
    # Photos that have it already are not counted as changed.
    assert newsroom.photo_templates.set_field(ids, "credit", "Báo Cần Thơ") == []
    with pytest.raises(ValidationError, match="no field 'rating'"):
        newsroom.photo_templates.set_field(ids, "rating", "5")
    with pytest.raises(NotFoundError):
        newsroom.photo_templates.set_field([*ids, "0" * 36], "credit", "x")
    # A line longer than its column is cut to it, on either backend.
    newsroom.photo_templates.set_field(ids[:1], "city", "Cần Thơ " * 40)
    assert len(newsroom.photo_templates.values(ids[0])["city"]) == 200
    # Nothing was half done by the refused batch.
    assert {newsroom.photo_templates.values(i)["credit"] for i in ids} == {"Báo Cần Thơ"}


def test_the_roster_is_in_the_store(newsroom):
    data = "ht\tTrung tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an\nnh\tNgọc Hậu\tPhóng viên\n"
    assert newsroom.photo_templates.import_roster(data.encode()) == 2
    newsroom.act_as(REPORTER)
    assert newsroom.photo_templates.roster().lookup("nh#2") == "Phóng viên"
    assert newsroom.photo_templates.export_roster().decode() == "".join(
        sorted(data.splitlines(keepends=True))
    )
    newsroom.photo_templates.import_roster(b"cc2\tAaron Barnum\n", merge=True)
    assert set(newsroom.photo_templates.roster().codes) == {"ht", "nh", "cc2"}
    newsroom.photo_templates.import_roster(b"cc2\tAaron Barnum\n")
    assert set(newsroom.photo_templates.roster().codes) == {"cc2"}
    with pytest.raises(ValidationError):
        newsroom.photo_templates.import_roster(b"bad\xff\tline\n")
    assert set(newsroom.photo_templates.roster().codes) == {"cc2"}  # a bad file loses nothing


def test_keywords_are_kept_once_each(newsroom):
    (photo_id,) = _photo_ids(newsroom, FILES[:1])
    newsroom.photo_templates.set_field([photo_id], "keywords", "Đảng, Cần Thơ; Đảng")
    values = newsroom.photo_templates.values(photo_id)
    assert values["keywords"] == "Đảng, Cần Thơ"
