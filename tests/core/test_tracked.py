"""Tracked changes placed in the current text: rejecting every one gives the submitted text."""

from __future__ import annotations

import random

from newsroom_desktop.core.tracked import (
    SEPARATOR,
    ParagraphMap,
    authors_of,
    reject,
    shown_deletion,
    track_paragraphs,
)

OLD = [
    "Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo trực tuyến về Quy chế phối hợp.",
    "Tham dự tại điểm cầu Cần Thơ có đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy.",
    "Hội thảo kết thúc lúc 11 giờ cùng ngày.",
]


def rejected_all(new: list[str], changes) -> str:
    text = SEPARATOR.join(new)
    for change in reversed(changes):
        text = reject(text, change)
    return text


def test_a_replaced_word_is_a_deletion_then_an_insertion_at_its_place() -> None:
    new = [OLD[0].replace("trực tuyến", "toàn quốc"), OLD[1], OLD[2]]
    changes = track_paragraphs(OLD, new)
    assert [(c.kind, c.text) for c in changes] == [
        ("delete", "trực tuyến"),
        ("insert", "toàn quốc"),
    ]
    joined = SEPARATOR.join(new)
    insert = changes[1]
    assert joined[insert.start : insert.end] == "toàn quốc"
    assert changes[0].start == insert.start  # the deleted words stood where the new ones are
    assert rejected_all(new, changes) == SEPARATOR.join(OLD)
    # Rejecting only the insertion leaves the deletion: the words are gone, nothing new in.
    assert reject(joined, insert) == OLD[0].replace("trực tuyến ", " ") + joined[len(new[0]) :]


def test_a_deleted_paragraph_and_an_added_one_are_placed_between_paragraphs() -> None:
    new = [OLD[0], "Đoạn mới hoàn toàn được thêm vào.", OLD[2]]
    changes = track_paragraphs(OLD, new)
    assert {c.kind for c in changes} == {"insert", "delete"}
    assert rejected_all(new, changes) == SEPARATOR.join(OLD)
    deleted = next(c for c in changes if c.kind == "delete")
    assert "Phạm Văn Hiểu" in deleted.text
    assert "\n" not in shown_deletion(deleted.text)


def test_a_deleted_paragraph_break_shows_as_a_pilcrow_inside_one_paragraph() -> None:
    assert shown_deletion("Thành ủy.\n\nHội thảo") == "Thành ủy.¶Hội thảo"
    assert shown_deletion("dòng một\ndòng hai", hard_break="\u2028") == "dòng một\u2028dòng hai"


def test_no_change_gives_no_tracked_change() -> None:
    assert track_paragraphs(OLD, OLD) == []


def test_rejecting_every_change_of_random_edits_gives_the_submitted_text_back() -> None:
    rng = random.Random(18)
    words = " ".join(OLD).split()
    for _ in range(60):
        old = [" ".join(rng.sample(words, 8)) + "." for _ in range(rng.randint(1, 4))]
        new = []
        for par in old:
            tokens = par.split()
            for _ in range(rng.randint(0, 3)):
                at = rng.randrange(len(tokens))
                choice = rng.random()
                if choice < 0.4:
                    tokens.insert(at, rng.choice(words))
                elif choice < 0.7 and len(tokens) > 1:
                    del tokens[at]
                else:
                    tokens[at] = rng.choice(words)
            if rng.random() > 0.15:
                new.append(" ".join(tokens))
        if rng.random() < 0.3:
            new.insert(rng.randint(0, len(new)), "Một đoạn hoàn toàn mới.")
        changes = track_paragraphs(old, new)
        joined = SEPARATOR.join(new)
        for change in changes:
            if change.kind == "insert":
                assert joined[change.start : change.end] == change.text
        assert rejected_all(new, changes) == SEPARATOR.join(old)


def test_places_map_to_paragraphs_and_spans_skip_the_breaks() -> None:
    places = ParagraphMap(["abc", "de", "fghi"])  # "abc\n\nde\n\nfghi"
    assert places.locate(0) == (0, 0)
    assert places.locate(3) == (0, 3)
    assert places.locate(4) == (0, 3)  # inside the break: the end of the first paragraph
    assert places.locate(5) == (1, 0)
    assert places.locate(99) == (2, 4)
    assert places.spans(1, 10) == [(0, 1, 3), (1, 0, 2), (2, 0, 1)]
    assert ParagraphMap([]).locate(5) == (0, 0)


def test_each_change_is_theirs_who_first_saved_it() -> None:
    nam = [OLD[0].replace("trực tuyến", "toàn quốc"), OLD[1], OLD[2]]
    hau = [nam[0], OLD[1].replace(" Thường trực", ""), OLD[2]]
    now = [hau[0], hau[1], OLD[2].replace("11 giờ", "11 giờ 30")]  # typed, not saved yet
    changes = track_paragraphs(OLD, now)
    authors = authors_of(OLD, [("Phương Nam", nam), ("Ngọc Hậu", hau)], changes)
    assert list(zip([c.text.strip() for c in changes], authors, strict=True)) == [
        ("trực tuyến", "Phương Nam"),
        ("toàn quốc", "Phương Nam"),
        ("Thường trực", "Ngọc Hậu"),
        ("30", ""),
    ]
