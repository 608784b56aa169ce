"""The conflict dialog: a choice per difference gives the result, hand edits stay, Esc waits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from newsroom_desktop.core.conflicts import ConflictSide
from newsroom_desktop.ui.review.conflict_dialog import ConflictDialog
from newsroom_desktop.ui.review.diff_render import DELETE_CSS, INSERT_CSS
from tests.ui.typing import type_text

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
P2_OURS = P2.replace("phân cấp quản lý cán bộ", "phân cấp quản lý cán bộ cấp cơ sở")
P3 = (
    "Đồng chí Phạm Văn Hiểu, Phó Bí thư Thường trực Thành ủy, yêu cầu các cấp ủy thực hiện "
    "nghiêm túc quy định."
)
P3_THEIRS = P3.replace("nghiêm túc quy định", "nghiêm túc, kịp thời quy định")
P4 = "Hội nghị kết thúc lúc 11 giờ cùng ngày."
OURS = ConflictSide("Yours · 14:32", HEADLINE, LEAD, "\n\n".join([P1, P2_OURS, P3, P4]))
THEIRS = ConflictSide(
    "Server · Phương Nam · 14:35", HEADLINE, LEAD, "\n\n".join([P1, P2, P3_THEIRS, P4])
)

# A fuller conflict for the screenshot: headline, lead, changed, added and removed paragraphs.
SCREEN_OURS = ConflictSide(
    "Yours · 14:32",
    "Tăng cường sự lãnh đạo của Đảng đối với công tác cán bộ cấp cơ sở",
    LEAD,
    "\n\n".join(
        [P1, P2_OURS, P3, "Phóng viên ghi nhận nhiều ý kiến đóng góp thẳng thắn tại hội nghị.", P4]
    ),
)
SCREEN_THEIRS = ConflictSide(
    "Server · Phương Nam · 14:35",
    HEADLINE,
    LEAD.replace("Sáng 07/9", "Sáng thứ Ba (07/9)"),
    "\n\n".join(
        [
            P1,
            P2,
            P3_THEIRS,
            P4,
            "Ảnh: Phương Nam. Hội nghị được tổ chức trực tuyến đến 9 quận, huyện.",
        ]
    ),
)


def body(*pars: str) -> str:
    return "\n\n".join(pars)


def open_dialog(qtbot, ours: ConflictSide = OURS, theirs: ConflictSide = THEIRS) -> ConflictDialog:
    dialog = ConflictDialog(ours, theirs)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def test_one_row_per_difference_with_both_sides_marked(qtbot):
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == f"Resolve the conflict — {HEADLINE}"
    assert [row.key for row in dialog.rows] == [("body", 1), ("body", 2)]
    first = dialog.rows[0]
    # By default the server's version: its own words kept, this desk's struck out.
    assert f'<span style="{DELETE_CSS}"> cấp cơ sở' in first.ours_view.text()
    assert first.buttons["theirs"].isChecked()
    assert dialog.resolved()["body"] == body(P1, P2, P3_THEIRS, P4)
    first.buttons["ours"].click()
    assert f'<span style="{INSERT_CSS}"> cấp cơ sở' in first.ours_view.text()
    assert first.ours_view.property("kept") is True
    assert first.theirs_view.property("kept") is False


def test_mine_for_one_paragraph_and_theirs_for_another(qtbot):
    dialog = open_dialog(qtbot)
    dialog.rows[0].buttons["ours"].click()
    dialog.rows[1].buttons["theirs"].click()
    assert dialog.resolved() == {
        "headline": HEADLINE,
        "lead": LEAD,
        "body": body(P1, P2_OURS, P3_THEIRS, P4),
    }
    dialog.rows[1].buttons["both"].click()
    assert dialog.resolved()["body"] == body(P1, P2_OURS, P3, P3_THEIRS, P4)
    assert dialog.result_state.text() == ""
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_hand_edit_is_returned_and_a_choice_can_be_undone(qtbot):
    dialog = open_dialog(qtbot)
    edit = dialog.result_edits["body"]
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " Tin: Ngọc Hậu.")
    assert dialog.resolved()["body"] == body(P1, P2, P3_THEIRS, P4 + " Tin: Ngọc Hậu.")
    assert dialog.result_state.text() == "edited by hand"
    headline = dialog.result_edits["headline"]
    headline.setFocus()
    headline.selectAll()
    type_text(headline, "Cần Thơ triển khai Quy định số 05")
    assert dialog.resolved()["headline"] == "Cần Thơ triển khai Quy định số 05"
    # A choice rewrites the body it changes (one step of its undo history), not the headline.
    dialog.choose(("body", 1), "ours")
    assert dialog.resolved()["body"] == body(P1, P2_OURS, P3_THEIRS, P4)
    assert dialog.resolved()["headline"] == "Cần Thơ triển khai Quy định số 05"
    edit.undo()
    assert dialog.resolved()["body"] == body(P1, P2, P3_THEIRS, P4 + " Tin: Ngọc Hậu.")


def test_keys_move_between_differences_and_choose(qtbot):
    dialog = open_dialog(qtbot)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert dialog.current == 1
    assert dialog.rows[1].property("current") is True
    qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert dialog.choices[("body", 2)] == "ours"
    qtbot.keyClick(dialog, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert dialog.resolved()["body"] == body(P1, P2_OURS, P2, P3, P4)
    dialog.rows[1].buttons["theirs"].setFocus()
    assert dialog.current == 1


def test_escape_decides_later(qtbot):
    dialog = open_dialog(qtbot)
    dialog.rows[0].buttons["ours"].setFocus()
    qtbot.keyClick(dialog.rows[0].buttons["ours"], Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_equal_chunks_are_shown_dimmed_and_a_one_sided_paragraph_says_so(qtbot):
    dialog = open_dialog(qtbot, SCREEN_OURS, SCREEN_THEIRS)
    keys = [row.key for row in dialog.rows]
    assert keys == [
        ("headline", 0),
        ("lead", 0),
        ("body", 1),
        ("body", 2),
        ("body", 3),
        ("body", 5),
    ]
    assert "Not in this version" in dialog.rows[4].theirs_view.text()
    same = dialog.findChildren(type(dialog.rows[0].title), "conflictSame")
    assert len(same) == 2  # the first and the fourth paragraph
    assert "unchanged" in same[0].text()


def test_a_headline_choice_rewrites_the_headline_undoably(qtbot):
    dialog = open_dialog(qtbot, SCREEN_OURS, SCREEN_THEIRS)
    dialog.choose(("headline", 0), "ours")
    assert dialog.resolved()["headline"] == SCREEN_OURS.headline
    dialog.result_edits["headline"].undo()
    assert dialog.resolved()["headline"] == HEADLINE
    qtbot.mouseClick(dialog.rows[3], Qt.MouseButton.LeftButton)
    assert dialog.current == 3


def test_without_differences_the_keys_do_nothing(qtbot):
    dialog = open_dialog(qtbot, OURS, OURS)
    assert dialog.rows == []
    dialog.go_to(1)
    dialog.choose_current("ours")
    assert dialog.resolved() == {"headline": HEADLINE, "lead": LEAD, "body": OURS.body}
