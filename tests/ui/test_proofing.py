"""Spell check and house style in the real window: underlines, the context menu, F7, tone marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from newsroom_desktop.core.proofing.house import HouseStyle
from newsroom_desktop.core.proofing.speller import DICTIONARY_TAGS
from tests.conftest import EDITOR

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
BODY = "Đoàn đến Huế , gặp của của bà con.\n\nTôi muôns đi xa, sức khỏe tốt."


def underlined(document) -> list[tuple[str, str]]:
    """Return (text, colour) of every wavy underline the highlighter put in ``document``."""
    found = []
    block = document.begin()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == WAVE:
                text = block.text()[fmt.start : fmt.start + fmt.length]
                found.append((text, fmt.format.underlineColor().name()))
        block = block.next()
    return found


def open_window(make_window, body: str = BODY, **fields):
    window = make_window()
    doc = window.newsroom.articles.create({"headline": "Về Huế", "body": body, **fields})
    window.refresh_list()
    window.open_article(doc.id)
    return window


def position_of(document, text: str) -> int:
    return document.toPlainText().index(text)


def point_at(edit, position: int) -> QPoint:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position + 1)
    return edit.cursorRect(cursor).center()


def test_misspellings_are_red_and_style_findings_blue_where_they_are(make_window):
    window = open_window(make_window)
    body = window.editor.body.document()
    assert underlined(body) == [
        ("Huế", "#d0342c"),
        (" ,", "#1f6fd1"),
        ("của của", "#1f6fd1"),
        ("muôns", "#d0342c"),
    ]
    assert underlined(window.editor.headline.document()) == [("Huế", "#d0342c")]


def test_typing_a_misspelling_underlines_it_and_fixing_it_clears_it(qtbot, make_window):
    window = open_window(make_window, body="Tôi đi.")
    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(body, " Xinchao")
    assert ("Xinchao", "#d0342c") in underlined(body.document())
    for _ in "Xinchao":
        QTest.keyClick(body, Qt.Key.Key_Backspace)
    assert underlined(body.document()) == []


def test_context_menu_suggests_and_a_suggestion_replaces_the_word(make_window):
    window = open_window(make_window)
    body = window.editor.body
    menu = window.proofing.context_menu(
        "body", point_at(body, position_of(body.document(), "muôns"))
    )
    texts = [a.text() for a in menu.actions()]
    assert "muôn" in texts
    assert any("Newsroom Dictionary" in t for t in texts) and "Copy" in " ".join(texts)
    next(a for a in menu.actions() if a.text() == "muôn").trigger()
    assert "Tôi muôn đi xa" in body.document().toPlainText()
    assert "muôns" not in window.editor.body_markdown()
    body.undo()
    assert "Tôi muôns đi xa" in body.document().toPlainText()


def test_add_to_the_newsroom_dictionary_keeps_the_word_in_the_store(make_window):
    window = open_window(make_window)
    body = window.editor.body
    menu = window.proofing.context_menu("body", point_at(body, position_of(body.document(), "Huế")))
    menu.findChild(type(menu.actions()[0]), "addToDictionary").trigger()
    assert "Huế" in window.newsroom.proofing.words()
    assert ("Huế", "#d0342c") not in underlined(body.document())
    assert underlined(window.editor.headline.document()) == []


def test_ignore_stops_flagging_the_word_in_this_window_only(make_window):
    window = open_window(make_window)
    body = window.editor.body
    menu = window.proofing.context_menu(
        "body", point_at(body, position_of(body.document(), "muôns"))
    )
    menu.findChild(type(menu.actions()[0]), "ignoreWord").trigger()
    assert ("muôns", "#d0342c") not in underlined(body.document())
    assert window.newsroom.proofing.words() == []


def test_a_style_fix_from_the_menu(make_window):
    window = open_window(make_window)
    body = window.editor.body
    menu = window.proofing.context_menu(
        "body", point_at(body, position_of(body.document(), "của của"))
    )
    fixes = [a for a in menu.actions() if a.objectName() == "styleFix"]
    assert [a.text() for a in fixes] == ["Change to “của”"]
    fixes[0].trigger()
    assert "gặp của bà con" in body.document().toPlainText()


def test_f7_walks_through_the_findings_and_wraps(qtbot, make_window):
    window = open_window(make_window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.Start)
    seen = []
    for _ in range(6):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F7)
        edit = QApplication.focusWidget()
        seen.append((edit.objectName() or type(edit).__name__, edit.textCursor().selectedText()))
    # From the cursor to the end of the body, then from the headline on, around.
    headline = window.editor.headline.objectName() or type(window.editor.headline).__name__
    assert seen == [
        ("BodyEdit", "Huế"),
        ("BodyEdit", " ,"),
        ("BodyEdit", "của của"),
        ("BodyEdit", "muôns"),
        (headline, "Huế"),
        ("BodyEdit", "Huế"),
    ]


def test_normalise_tone_marks_is_one_undo_step(make_window):
    window = make_window()
    window.newsroom.act_as(EDITOR)
    window.newsroom.proofing.set_house(HouseStyle(tone_style="new"))
    doc = window.newsroom.articles.create(
        {"headline": "Hòa bình", "body": "Sức **khỏe** và thủy lợi, hòa hợp."}
    )
    window.refresh_list()
    window.open_article(doc.id)
    body = window.editor.body
    assert ("khỏe", "#1f6fd1") in underlined(body.document())
    assert window.proofing.action_normalise.isEnabled()
    window.proofing.action_normalise.trigger()
    assert body.document().toPlainText() == "Sức khoẻ và thuỷ lợi, hoà hợp."
    assert window.editor.headline.text() == "Hoà bình"
    assert "**khoẻ**" in window.editor.body_markdown()
    assert underlined(body.document()) == []
    body.undo()
    assert body.document().toPlainText() == "Sức khỏe và thủy lợi, hòa hợp."


def test_without_a_house_placement_normalise_is_off_and_says_why(make_window):
    window = open_window(make_window)
    assert not window.proofing.action_normalise.isEnabled()
    assert "House Style" in window.proofing.action_normalise.toolTip()


def test_a_missing_dictionary_is_told_in_the_status_bar(make_window, monkeypatch):
    monkeypatch.setitem(DICTIONARY_TAGS, "vi", "zz_ZZ")
    window = open_window(make_window)
    assert "hunspell-vi" in window.statusBar().currentMessage()
    assert ("muôns", "#d0342c") not in underlined(window.editor.body.document())
    assert ("của của", "#1f6fd1") in underlined(window.editor.body.document())


@pytest.mark.modal
def test_the_house_style_dialog_switches_a_rule_off_for_every_desk(qtbot, make_window):
    from newsroom_desktop.ui.house_style_dialog import HouseStyleDialog

    window = open_window(make_window)
    window.newsroom.act_as(EDITOR)
    dialog = HouseStyleDialog(window.services, window)
    dialog.rule_boxes["repeated_word"].setChecked(False)
    dialog.city.setCurrentIndex(dialog.city.findData("TP HCM"))
    assert dialog.apply()
    assert window.newsroom.proofing.house().off == frozenset({"repeated_word"})
    window.proofing.reload()
    assert ("của của", "#1f6fd1") not in underlined(window.editor.body.document())


def test_a_long_article_is_underlined_from_the_top_then_to_the_end(qtbot, make_window):
    paragraphs = [f"Đoạn {n}: tôi muôns đi xa cùng bà con trong xóm." for n in range(600)]
    window = open_window(make_window, body="\n\n".join(paragraphs))
    document = window.editor.body.document()
    first = underlined(document)
    assert first[:20] == [("muôns", "#d0342c")] * 20 and len(first) < 600
    qtbot.waitUntil(lambda: len(underlined(document)) == 600)
    assert not window.proofing.highlighter("body").busy


def test_underlining_is_no_edit_the_article_opened_stays_saved(qtbot, make_window):
    window = open_window(make_window)
    qtbot.waitUntil(lambda: not window.proofing.highlighter("body").busy)
    assert ("muôns", "#d0342c") in underlined(window.editor.body.document())
    assert underlined(window.editor.headline.document()) == [("Huế", "#d0342c")]
    assert not window.editor.is_dirty() and not window.session.dirty
    window.proofing.ignore("muôns")  # every field underlined again, a paragraph changes
    qtbot.waitUntil(lambda: not window.proofing.highlighter("body").busy)
    assert ("muôns", "#d0342c") not in underlined(window.editor.body.document())
    assert not window.editor.is_dirty() and not window.session.dirty
    QTest.keyClicks(window.editor.body, "x")  # a real edit still is one
    assert window.editor.is_dirty()


def red_and_blue(image) -> tuple[int, int]:
    """Count the pixels of ``image`` drawn in the spelling red and in the style blue."""
    red = blue = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            r, g, b = colour.red(), colour.green(), colour.blue()
            red += r - b > 50 and r > g  # the text is black on white: grey, whatever its shade
            blue += b - r > 50 and b > g
    return red, blue


def test_an_opened_article_shows_its_underlines_on_the_page(qtbot, make_window):
    # The top is underlined as the body arrives, before Qt lays it out; the rest after.
    paragraphs = [f"Đoạn {n}: tôi muôns đi xa cùng bà con trong xóm." for n in range(300)]
    window = open_window(make_window, body="\n\n".join(paragraphs))
    body = window.editor.body
    first = body.document().begin()
    assert first.layout().lineCount() > 0  # shown: laid out
    assert underlined(body.document())[0] == ("muôns", "#d0342c")
    qtbot.waitUntil(lambda: not window.proofing.highlighter("body").busy)
    assert len(underlined(body.document())) == 300
    top = body.document().documentLayout().blockBoundingRect(first).toRect()
    red, _ = red_and_blue(body.viewport().grab(top).toImage())
    assert red > 10
    assert not window.editor.is_dirty()


def test_underlines_given_before_the_text_is_laid_out_are_drawn_like_qts(qtbot):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextEdit

    from newsroom_desktop.core.proofing.proofer import Proofer
    from newsroom_desktop.core.proofing.speller import load_speller
    from newsroom_desktop.ui.editor.spelling import ProofHighlighter

    proofer = Proofer(load_speller("vi"), HouseStyle())
    text = "Tôi muôns đi.\nGặp của của bà con , muôns muôns.\nKhông có lỗi.\nĐi  xa muôns"
    stepped, by_qt = QTextDocument(), QTextDocument()
    for document in (stepped, by_qt):
        document.setPlainText(text)
    assert stepped.lastBlock().layout().lineCount() == 0  # not laid out: nothing shows it yet
    lit = ProofHighlighter(stepped, "body", lambda: proofer, whole_field=False)
    lit.rehighlight_in_steps()
    qtbot.waitUntil(lambda: not lit.busy)
    ProofHighlighter(by_qt, "body", lambda: proofer, whole_field=False).rehighlight()
    assert underlined(stepped) == underlined(by_qt)
    # Where findings overlap ("muôns muôns": a repeat of a misspelling) the later one wins.
    assert ("muôns ", "#1f6fd1") in underlined(stepped)
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.resize(500, 200)
    edit.setDocument(stepped)
    edit.show()
    qtbot.waitExposed(edit)
    red, blue = red_and_blue(edit.viewport().grab().toImage())
    assert red > 20 and blue > 20


def test_the_export_check_lists_spelling_and_house_style_without_stopping_it(make_window):
    from newsroom_desktop.ui.export_dialog import ExportDialog

    window = open_window(make_window, lead="Tin ngắn.", byline="Ngọc Hậu")
    doc = window.session.doc
    dialog = ExportDialog(window.newsroom, window.settings, [doc.id], window)
    lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert "✍ Về Huế: Spelling: “Huế”, “muôns”" in lines
    assert "✍ Về Huế: Repeated word: “của của”" in lines
    assert "✍ Về Huế: Space before punctuation: “,”" in lines
    assert not any(line.startswith("⚠") for line in lines)
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_preferences_open_the_house_style(make_window, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from newsroom_desktop.ui.house_style_dialog import HouseStyleDialog
    from newsroom_desktop.ui.preferences import PreferencesDialog

    window = open_window(make_window)
    opened = []
    monkeypatch.setattr(HouseStyleDialog, "exec", lambda self: opened.append(self) or 0)

    def exec_preferences(self):
        self.findChild(QPushButton, "houseStyleButton").click()
        return 0

    monkeypatch.setattr(PreferencesDialog, "exec", exec_preferences)
    window.show_preferences()
    assert len(opened) == 1
    # A reporter sees the house style and cannot change it.
    assert not opened[0].editable and not opened[0].tones.isEnabled()


def test_the_caption_of_the_chosen_photo_is_checked_and_fixed_too(qtbot, make_window, tmp_path):
    from tests.exporters.conftest import make_jpeg

    window = open_window(make_window)
    operation = window.session.add_photos([str(make_jpeg(tmp_path / "a.jpg", (1600, 1000)))])
    qtbot.waitUntil(lambda: operation.finished, timeout=15000)
    panel = window.photo_panel
    panel.list.setCurrentRow(0)
    panel.caption.setPlainText("Bà con ở Huế ở TP HCM.")
    caption = panel.caption.document()
    assert underlined(caption) == [("Huế", "#d0342c"), ("TP HCM", "#1f6fd1")]
    at = point_at(panel.caption, position_of(caption, "TP HCM"))
    menu = window.proofing.context_menu("caption", at)
    next(a for a in menu.actions() if a.objectName() == "styleFix").trigger()
    assert panel.caption.toPlainText() == "Bà con ở Huế ở TP.HCM."
    qtbot.waitUntil(
        lambda: (
            window.newsroom.articles.get(window.session.doc.id).photos[0].caption
            == "Bà con ở Huế ở TP.HCM."
        ),
        timeout=5000,
    )


def test_a_word_removed_from_the_newsroom_dictionary_is_flagged_again(make_window, monkeypatch):
    from newsroom_desktop.ui.house_style_dialog import HouseStyleDialog

    window = open_window(make_window)
    window.newsroom.proofing.add_word("Huế")
    window.proofing.reload()
    assert ("Huế", "#d0342c") not in underlined(window.editor.body.document())

    def remove_and_close(self):
        self.words.setCurrentRow(0)
        self.remove_word.click()
        return 0

    monkeypatch.setattr(HouseStyleDialog, "exec", remove_and_close)
    window.proofing.action_house.trigger()
    assert window.newsroom.proofing.words() == []
    assert ("Huế", "#d0342c") in underlined(window.editor.body.document())
