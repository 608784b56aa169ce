"""Track changes as an editor meets it: submit, take, edit, review the diff, approve."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from newsroom_desktop.core.diff import diff_text
from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.vocabulary import CURRENT
from newsroom_desktop.ui.review.diff_render import DELETE_CSS, INSERT_CSS, render_diff
from tests.conftest import EDITOR
from tests.ui.typing import type_text

BODY = (
    "Sáng 07/9, Trung tướng Trần Quốc Tỏ chủ trì Hội thảo trực tuyến về Quy chế phối hợp.\n\n"
    "Tham dự tại điểm cầu Cần Thơ có đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy."
)


def select_word(edit, word: str) -> None:
    text = edit.document().toPlainText()
    start = text.index(word)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def test_editor_reviews_what_they_changed_against_the_submitted_text(qtbot, make_window):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Hội thảo về công tác Đảng", "body": BODY})
    window.refresh_list()
    window.open_article(doc.id)
    review = window.review
    review.workflow_actions["submit"].trigger()

    review.workflow.switch_person(EDITOR)
    review.workflow_actions["take"].trigger()
    assert not window.editor.is_read_only()
    body = window.editor.body
    body.setFocus()
    select_word(body, "trực tuyến ")
    type_text(body, "toàn quốc ")  # "trực tuyến" out, "toàn quốc" in
    select_word(body, "Thường trực ")
    body.textCursor().removeSelectedText()  # "Thường trực" out

    dialog = review.history.show_compare()
    # By default: the reporter's submitted version against the text now (typed, not yet saved
    # by the timer: opening the comparison saves it first).
    submitted = window.newsroom.history.submitted_revision(doc.id)
    assert dialog.old_id() == submitted.id
    assert dialog.new_id() == CURRENT
    shown = dialog.view_text()
    assert "toàn quốc" in shown
    assert "trực tuyến" in shown  # deleted words stay on show, struck through
    assert "Thường trực" in shown
    marked = render_diff(dialog.diff).html
    assert f'<span style="{INSERT_CSS}">toàn quốc' in marked
    assert f'<span style="{DELETE_CSS}">trực tuyến' in marked
    assert f'<span style="{DELETE_CSS}">Thường trực' in marked
    assert (dialog.diff.added_words, dialog.diff.removed_words) == (2, 4)
    assert dialog.added.text() == "+2 word(s)"
    assert dialog.removed.text() == "−4 word(s)"
    html = dialog.view.toHtml()
    assert "line-through" in html
    assert "underline" in html
    assert dialog.changes == 2
    assert dialog.position_label.text() == "2 change(s)"
    dialog.next_button.click()
    assert dialog.position_label.text() == "Change 1 of 2"
    dialog.next_button.click()
    assert dialog.position_label.text() == "Change 2 of 2"
    assert not dialog.next_button.isEnabled()

    # Any two versions: the first revision against the submitted one shows no change.
    first = window.newsroom.history.list(doc.id)[-1]
    dialog.new_combo.setCurrentIndex(dialog.new_combo.findData(submitted.id))
    dialog.old_combo.setCurrentIndex(dialog.old_combo.findData(first.id))
    assert not dialog.diff.changed
    assert dialog.added.text() == "+0 word(s)"
    assert "The two versions are the same." in dialog.view_text()
    dialog.swap.click()
    assert (dialog.old_id(), dialog.new_id()) == (submitted.id, first.id)
    dialog.close()

    review.workflow_actions["approve"].trigger()
    stored = window.newsroom.articles.get(doc.id)
    assert stored.status == "ready"
    assert "toàn quốc" in stored.body
    assert "Thường trực" not in stored.body
    row = window.list_model.row_of(doc.id)
    assert window.list_model.summary(row).status == "ready"
    assert window.review.bar.chip.text() == "Ready"


def _revision(headline: str, body: str, captions=()) -> RevisionInfo:
    from datetime import UTC, datetime

    return RevisionInfo(
        id="r", article_id="a", number=1, created_at=datetime(2021, 9, 7, tzinfo=UTC),
        author="", reason="save", section="", headline=headline, lead="", body=body,
        byline="", language="vi", tags=(), captions=tuple(captions),
    )  # fmt: skip


def test_rendering_marks_every_change_and_each_field_once():
    from newsroom_desktop.core.diff import diff_revisions

    old = _revision("Mưa lớn ở Cần Thơ", "Đoạn một.\n\nĐoạn hai.", [("p1", "Ảnh cũ")])
    new = _revision("Mưa rất lớn ở Cần Thơ", "Đoạn một. Đoạn hai.", [("p1", "Ảnh mới")])
    rendered = render_diff(diff_revisions(old, new))
    assert rendered.html.count(INSERT_CSS) >= 2
    assert rendered.html.count(DELETE_CSS) >= 2
    assert "¶" in rendered.html  # the paragraph break that was removed is shown
    assert "CAPTION 1" in rendered.html
    assert rendered.changes == rendered.html.count('<a name="change-')


def test_unchanged_fields_say_so():
    field = diff_text("Cùng một câu.", "Cùng một câu.", "headline")
    assert not field.changed
    from newsroom_desktop.core.diff import ArticleDiff

    rendered = render_diff(ArticleDiff(fields=(field,), added_words=0, removed_words=0))
    assert "unchanged" in rendered.html
    assert rendered.changes == 0
