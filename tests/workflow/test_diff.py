"""Track changes on Vietnamese text: diacritics, moved paragraphs, empty sides, captions, HTML."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom_desktop.cli.render import marked_text
from newsroom_desktop.core.diff import (
    ArticleDiff,
    DiffOp,
    diff_body,
    diff_revisions,
    diff_text,
)
from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.text import word_count
from newsroom_desktop.ui.review.diff_render import to_html
from tests.conftest import EDITOR
from tests.workflow.conftest import sample_paragraphs

# Every test taking a store fixture runs on a store file and on the test server.
pytestmark = pytest.mark.backends("sqlite", "postgresql")

SENTENCE = "Tăng cường sự lãnh đạo của Đảng đối với lực lượng Công an Nhân dân."


def _revision(number: int = 1, captions: tuple[tuple[str, str], ...] = (), **fields: str):
    values = {"headline": "", "lead": "", "body": "", **fields}
    return RevisionInfo(
        id=f"r{number}",
        article_id="a",
        number=number,
        created_at=datetime(2021, 9, 7, tzinfo=UTC),
        author="Ngọc Hậu",
        reason="save",
        section="",
        byline="",
        language="vi",
        tags=(),
        captions=captions,
        **values,
    )


def _kinds(ops: tuple[DiffOp, ...]) -> list[tuple[str, str]]:
    return [(op.kind, op.text) for op in ops if op.kind != "equal"]


def test_a_diacritic_change_is_one_word_removed_and_one_added():
    diff = diff_text(SENTENCE, SENTENCE.replace("Đảng", "Đẳng"))
    assert _kinds(diff.ops) == [("delete", "Đảng"), ("insert", "Đẳng")]
    assert (diff.removed_words, diff.added_words) == (1, 1)
    assert marked_text(diff) == (
        "Tăng cường sự lãnh đạo của [-Đảng-]{+Đẳng+} đối với lực lượng Công an Nhân dân."
    )


def test_old_and_new_spellings_of_a_tone_mark_are_different_words():
    diff = diff_text("Thành phố hoà bình", "Thành phố hòa bình")
    assert _kinds(diff.ops) == [("delete", "hoà"), ("insert", "hòa")]


def test_the_same_text_in_nfd_is_no_change():
    diff = diff_text(SENTENCE, unicodedata.normalize("NFD", SENTENCE))
    assert not diff.changed
    assert (diff.added_words, diff.removed_words) == (0, 0)


def test_a_capital_letter_is_a_change():
    diff = diff_text("Ban chấp hành đảng bộ", "Ban chấp hành Đảng bộ")
    assert _kinds(diff.ops) == [("delete", "đảng"), ("insert", "Đảng")]


def test_identical_texts_are_one_unchanged_run():
    text = "\n\n".join(sample_paragraphs())
    diff = diff_text(text, text)
    assert diff.ops == (DiffOp("equal", text),)
    assert not diff.changed


def test_an_empty_side_is_all_inserted_or_all_deleted():
    text = "\n\n".join(sample_paragraphs()[:3])
    added = diff_text("", text)
    assert added.ops == (DiffOp("insert", text),)
    assert (added.added_words, added.removed_words) == (word_count(text), 0)
    removed = diff_text(text, "")
    assert removed.ops == (DiffOp("delete", text),)
    assert (removed.added_words, removed.removed_words) == (0, word_count(text))
    assert diff_text("", "").ops == ()


def test_a_moved_paragraph_is_deleted_where_it_was_and_added_where_it_is():
    p1, p2, p3, p4 = sample_paragraphs()[:4]
    diff = diff_text("\n\n".join([p1, p2, p3, p4]), "\n\n".join([p1, p3, p4, p2]))
    changes = _kinds(diff.ops)
    assert [kind for kind, _ in changes] == ["delete", "insert"]
    assert changes[0][1].strip() == p2
    assert changes[1][1].strip() == p2
    assert diff.added_words == diff.removed_words == word_count(p2)
    assert diff.new_text() == "\n\n".join([p1, p3, p4, p2])
    assert diff.old_text() == "\n\n".join([p1, p2, p3, p4])


def test_edits_spread_over_every_paragraph_are_found_word_by_word():
    old = sample_paragraphs()
    new = [p.replace("Đảng", "Đẳng", 1) for p in old]
    changed = sum(1 for a, b in zip(old, new, strict=True) if a != b)
    diff = diff_text("\n\n".join(old), "\n\n".join(new))
    assert diff.added_words == diff.removed_words == changed
    assert {text for _, text in _kinds(diff.ops)} == {"Đảng", "Đẳng"}


def test_a_rewritten_sentence_is_not_scattered_into_shared_small_words():
    old = "Hội thảo đã thảo luận về cơ sở lý luận của Đảng."
    new = "Đại biểu phát biểu ý kiến của mình tại hội nghị."
    diff = diff_text(old, new)
    assert _kinds(diff.ops) == [("delete", old.rstrip(".")), ("insert", new.rstrip("."))]
    assert diff.ops[-1] == DiffOp("equal", ".")


def test_a_split_paragraph_is_a_break_without_words():
    diff = diff_text("Câu một. Câu hai.", "Câu một.\n\nCâu hai.")
    assert _kinds(diff.ops) == [("delete", " "), ("insert", "\n\n")]
    assert (diff.added_words, diff.removed_words) == (0, 0)


def test_merged_paragraphs_are_a_break_removed():
    diff = diff_text("Câu một.\n\nCâu hai.", "Câu một. Câu hai.")
    assert _kinds(diff.ops) == [("delete", "\n\n"), ("insert", " ")]


def test_an_unchanged_paragraph_among_changed_ones_stays_unchanged():
    old = "Một hai ba.\n\nBốn năm sáu.\n\nBảy tám."
    new = "Một hai bốn.\n\nBảy tám.\n\nChín mười."
    assert marked_text(diff_text(old, new)) == (
        "Một hai [-ba-]{+bốn+}.\n\n[-Bốn năm sáu.\n\n-]Bảy tám.{+\n\nChín mười.+}"
    )


def test_extra_spaces_are_no_change():
    assert not diff_text("Cần  Thơ  và Hậu Giang", "Cần Thơ và Hậu Giang").changed


def test_numbers_and_dates_are_single_words():
    diff = diff_text("Sáng 07/9 lúc 06:59", "Sáng 08/9 lúc 06:59")
    assert _kinds(diff.ops) == [("delete", "07/9"), ("insert", "08/9")]
    assert (diff.added_words, diff.removed_words) == (1, 1)


def test_body_is_compared_as_the_reader_sees_it():
    old = "Đoạn **một** của bài.\n\n![Ảnh](photo:0b8f7e0c-2f8e-4a53-9f55-1f1f7c9a9a01)\n\nĐoạn hai."
    new = "Đoạn **một** của bài viết.\n\nĐoạn hai."
    diff = diff_body(old, new)
    assert diff.field == "body"
    assert _kinds(diff.ops) == [("insert", " viết")]
    assert diff.new_text() == "Đoạn một của bài viết.\n\nĐoạn hai."


_WORDS = ["Đảng", "Đẳng", "của", "và", "Cần", "Thơ", "hòa", "hoà", "07/09/2021", "1.000", "công"]
_SEPARATORS = [" ", "  ", ", ", ". ", "\n\n", " (", ") ", ": ", "\n"]
_texts = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=40
).map(lambda parts: "".join(w + s for w, s in parts))


def _squash(text: str) -> str:
    """Return the text with whitespace evened out, as the diff's unchanged runs show it."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


@settings(max_examples=300, deadline=None)
@given(_texts, _texts)
def test_the_ops_rebuild_both_versions(old: str, new: str):
    diff = diff_text(old, new)
    assert _squash(diff.new_text()) == _squash(new)
    assert _squash(diff.old_text()) == _squash(old)
    assert diff.added_words == sum(word_count(o.text) for o in diff.ops if o.kind == "insert")
    kept = sum(word_count(o.text) for o in diff.ops if o.kind == "equal")
    assert kept + diff.added_words == word_count(new)
    assert kept + diff.removed_words == word_count(old)
    assert all(op.text for op in diff.ops)
    assert all(a.kind != b.kind for a, b in zip(diff.ops, diff.ops[1:], strict=False))


def test_revisions_compare_headline_lead_body_and_each_caption():
    use_a, use_b, use_c = "aaaa-1", "bbbb-2", "cccc-3"
    old = _revision(
        1,
        headline="Hội thảo trực tuyến",
        lead="Sáng 07/9, Hội thảo.",
        body="Đoạn một.",
        captions=((use_a, "Đại biểu tham dự."), (use_b, "Ảnh sẽ bị xóa.")),
    )
    new = _revision(
        2,
        headline="Hội thảo trực tuyến toàn quốc",
        lead="Sáng 07/9, Hội thảo.",
        body="Đoạn một.",
        captions=((use_a, "Đại biểu tham dự tại điểm cầu."), (use_c, "Ảnh mới.")),
    )
    diff = diff_revisions(old, new)
    assert isinstance(diff, ArticleDiff)
    assert [(f.field, f.photo_id) for f in diff.fields] == [
        ("headline", ""),
        ("lead", ""),
        ("body", ""),
        ("caption", use_a),
        ("caption", use_c),
        ("caption", use_b),
    ]
    assert not diff.field("lead").changed  # type: ignore[union-attr]
    assert diff.field("caption", use_a).added_words == 3  # type: ignore[union-attr]
    assert diff.field("caption", use_b).ops == (DiffOp("delete", "Ảnh sẽ bị xóa."),)  # type: ignore[union-attr]
    assert diff.added_words == 2 + 3 + 2
    assert diff.removed_words == 4
    assert (diff.old, diff.new) == (old, new)


def test_html_marks_changes_inline_and_escapes_text():
    old = _revision(1, headline="Tin <b>nóng</b>", body="Đoạn một.\n\nĐoạn hai.")
    new = _revision(2, headline="Tin <b>nóng</b> & mới", body="Đoạn một.")
    html = to_html(diff_revisions(old, new), labels={"headline": "Tiêu đề"})
    assert "<h4>Tiêu đề</h4>" in html
    assert "Tin &lt;b&gt;nóng&lt;/b&gt;" in html
    assert "<b>" not in html
    assert (
        '<ins class="diff-insert" style="background-color:#ccffd8;color:#055d20"> &amp; mới</ins>'
        in html
    )
    assert '<del class="diff-delete"' in html
    assert "¶<br>Đoạn hai." in html


def test_compare_defaults_to_the_submitted_text_against_the_current(newsroom: Newsroom):
    doc = newsroom.articles.create({"headline": "Tin", "body": SENTENCE})
    before_submit = newsroom.diffs.compare(doc.id)
    assert before_submit.old is not None
    assert before_submit.old.reason == "create"
    assert not before_submit.changed
    newsroom.articles.save(doc.id, {"body": SENTENCE + " Thêm câu."})
    newsroom.workflow.apply(doc.id, "submit")
    newsroom.act_as(EDITOR)
    newsroom.workflow.apply(doc.id, "take")
    newsroom.articles.save(
        doc.id, {"body": SENTENCE.replace("Đảng", "Đẳng") + " Thêm câu."}, reason="autosave"
    )
    newsroom.articles.save(doc.id, {"headline": "Tin mới"}, reason="autosave")

    diff = newsroom.diffs.compare(doc.id)

    assert diff.old is not None
    assert diff.new is not None
    assert (diff.old.reason, diff.new.id) == ("submit", "current")
    assert _kinds(diff.field("body").ops) == [("delete", "Đảng"), ("insert", "Đẳng")]  # type: ignore[union-attr]
    assert _kinds(diff.field("headline").ops) == [("insert", " mới")]  # type: ignore[union-attr]
    assert (diff.added_words, diff.removed_words) == (2, 1)
    between = newsroom.diffs.compare(doc.id, 1, 2)
    assert _kinds(between.field("body").ops) == [("insert", " Thêm câu.")]  # type: ignore[union-attr]
    reverse = newsroom.diffs.compare(doc.id, "current", "submitted")
    assert (reverse.added_words, reverse.removed_words) == (1, 2)
