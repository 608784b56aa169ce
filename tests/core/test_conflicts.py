"""Sync conflicts: two versions aligned into chunks by the word diff, merged as chosen."""

from __future__ import annotations

import unicodedata

import pytest

from newsroom_desktop.core.conflicts import (
    Chunk,
    ConflictSide,
    conflict_chunks,
    merge,
    resolve_chunk,
)
from newsroom_desktop.core.errors import ValidationError

HEADLINE = "Tăng cường sự lãnh đạo của Đảng đối với công tác cán bộ"
LEAD = "Sáng 07/9, Ban Tổ chức Thành ủy Cần Thơ tổ chức hội nghị triển khai Quy định số 05."
P1 = (
    "Tăng cường sự lãnh đạo của Đảng đối với công tác cán bộ là nhiệm vụ then chốt, "
    "quyết định sự thành công của công cuộc đổi mới."
)
P2 = (
    "Hội nghị quán triệt các nội dung mới về phân cấp quản lý cán bộ, bổ nhiệm, giới thiệu "
    "cán bộ ứng cử và luân chuyển cán bộ."
)
P3 = (
    "Đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy, yêu cầu các cấp ủy thực hiện "
    "nghiêm túc quy định."
)
P4 = "Hội nghị kết thúc lúc 11 giờ cùng ngày."
# The same paragraphs as changed on the reporter's desk (ours) and on the server (theirs).
P2_OURS = P2.replace("phân cấp quản lý cán bộ", "phân cấp quản lý cán bộ cấp cơ sở")
P3_THEIRS = P3.replace("nghiêm túc quy định", "nghiêm túc, kịp thời quy định")
NEW_OURS = "Phóng viên ghi nhận nhiều ý kiến đóng góp tại hội nghị."
NEW_THEIRS = "Ảnh: Phương Nam."


def side(label: str, *pars: str, headline: str = HEADLINE, lead: str = LEAD) -> ConflictSide:
    return ConflictSide(label, headline, lead, "\n\n".join(pars))


def body(*pars: str) -> str:
    return "\n\n".join(pars)


def differing(chunks):
    return [(key, (chunk.ours, chunk.theirs)) for key, chunk in chunks.differing()]


def test_equal_texts_give_no_differing_chunk():
    ours = side("Yours · 14:32", P1, P2, P3)
    theirs = side("Server · Phương Nam · 14:35", P1, P2, P3)
    chunks = conflict_chunks(ours, theirs)
    assert differing(chunks) == []
    assert [chunk.same for chunk in chunks.body] == [P1, P2, P3]
    assert chunks.headline == (Chunk.equal(HEADLINE),)
    assert merge(chunks, {}) == {"headline": HEADLINE, "lead": LEAD, "body": body(P1, P2, P3)}


def test_a_paragraph_changed_on_each_side_gives_one_differing_chunk_each():
    chunks = conflict_chunks(
        side("ours", P1, P2_OURS, P3, P4), side("theirs", P1, P2, P3_THEIRS, P4)
    )
    assert differing(chunks) == [(("body", 1), (P2_OURS, P2)), (("body", 2), (P3, P3_THEIRS))]
    assert [chunk.same for chunk in chunks.body] == [P1, None, None, P4]


def test_added_and_removed_paragraphs_differ_against_nothing():
    chunks = conflict_chunks(
        side("ours", P1, NEW_OURS, P2, P3, P4), side("theirs", P1, P2, P3, NEW_THEIRS)
    )
    assert differing(chunks) == [
        (("body", 1), (NEW_OURS, "")),
        (("body", 4), (P4, NEW_THEIRS)),
    ]
    removed = conflict_chunks(side("ours", P1, P2, P3), side("theirs", P1, P3))
    assert differing(removed) == [(("body", 1), (P2, ""))]


def test_headline_and_lead_are_one_chunk_each():
    chunks = conflict_chunks(
        side("ours", P1, headline=HEADLINE + " cấp cơ sở"),
        side("theirs", P1, lead=LEAD.replace("Sáng", "Chiều")),
    )
    assert differing(chunks) == [
        (("headline", 0), (HEADLINE + " cấp cơ sở", HEADLINE)),
        (("lead", 0), (LEAD, LEAD.replace("Sáng", "Chiều"))),
    ]


def test_text_is_compared_in_nfc():
    decomposed = unicodedata.normalize("NFD", P1)
    assert decomposed != P1
    chunks = conflict_chunks(
        side("ours", decomposed, headline=unicodedata.normalize("NFD", HEADLINE)),
        side("theirs", P1),
    )
    assert differing(chunks) == []


CASE = (side("ours", P1, P2_OURS, P3, P4), side("theirs", P1, P2, P3_THEIRS, P4))


@pytest.mark.parametrize(
    ("choices", "expected"),
    [
        ({}, body(P1, P2, P3_THEIRS, P4)),  # the server's version by default
        ({("body", 1): "ours", ("body", 2): "ours"}, body(P1, P2_OURS, P3, P4)),
        ({("body", 1): "ours", ("body", 2): "theirs"}, body(P1, P2_OURS, P3_THEIRS, P4)),
        ({("body", 1): "theirs", ("body", 2): "ours"}, body(P1, P2, P3, P4)),
        ({("body", 1): "both"}, body(P1, P2_OURS, P2, P3_THEIRS, P4)),
    ],
)
def test_merge_takes_each_chunk_as_chosen(choices, expected):
    merged = merge(conflict_chunks(*CASE), choices)
    assert merged == {"headline": HEADLINE, "lead": LEAD, "body": expected}


def test_merge_of_one_sided_paragraphs():
    chunks = conflict_chunks(side("ours", P1, NEW_OURS, P2), side("theirs", P1, P2, NEW_THEIRS))
    assert merge(chunks, {})["body"] == body(P1, P2, NEW_THEIRS)
    assert merge(chunks, {("body", 1): "ours", ("body", 3): "ours"})["body"] == body(
        P1, NEW_OURS, P2
    )
    assert merge(chunks, {("body", 1): "both", ("body", 3): "both"})["body"] == body(
        P1, NEW_OURS, P2, NEW_THEIRS
    )


def test_both_keeps_ours_then_theirs():
    chunks = conflict_chunks(
        side("ours", P1, headline="Hội nghị cán bộ"), side("theirs", P1, lead="Sapo mới.")
    )
    merged = merge(chunks, {("headline", 0): "both", ("lead", 0): "both"})
    assert merged["headline"] == f"Hội nghị cán bộ {HEADLINE}"
    assert merged["lead"] == f"{LEAD}\n\nSapo mới."
    assert resolve_chunk(Chunk("", "Ảnh: Phương Nam."), "both") == "Ảnh: Phương Nam."


def test_a_rewritten_body_is_one_chunk():
    chunks = conflict_chunks(side("ours", P1, P2), side("theirs", NEW_OURS))
    assert differing(chunks) == [(("body", 0), (body(P1, P2), NEW_OURS))]
    empty = conflict_chunks(side("ours"), side("theirs", P1))
    assert differing(empty) == [(("body", 0), ("", P1))]
    assert merge(empty, {("body", 0): "ours"})["body"] == ""


def test_merge_refuses_unknown_keys_and_choices():
    chunks = conflict_chunks(*CASE)
    with pytest.raises(ValidationError) as error:
        merge(chunks, {("body", 0): "ours"})  # an equal chunk: nothing to choose
    assert error.value.code == "conflict_chunk"
    with pytest.raises(ValidationError) as error:
        merge(chunks, {("body", 1): "mine"})  # type: ignore[dict-item]
    assert error.value.code == "conflict_choice"
    with pytest.raises(ValidationError):
        chunks.field("byline")


def test_a_paragraph_split_on_one_side_is_one_chunk():
    joined = f"{P2} {P3}"
    chunks = conflict_chunks(side("ours", P1, joined, P4), side("theirs", P1, P2, P3, P4))
    assert differing(chunks) == [(("body", 1), (joined, body(P2, P3)))]
    assert merge(chunks, {("body", 1): "ours"})["body"] == body(P1, joined, P4)
