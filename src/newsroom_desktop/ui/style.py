"""The app's look: Fusion with a calm, light palette and a small style sheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QMainWindow { background: #f4f5f7; }
QToolBar#mainToolbar { background: #ffffff; border-bottom: 1px solid #dfe1e6; spacing: 4px; padding: 4px; }
QToolBar#mainToolbar QToolButton { padding: 4px 6px; border-radius: 4px; }
QToolBar#mainToolbar QToolButton:hover { background: #eef1f6; }
QToolBar#mainToolbar QToolButton:checked { background: #dde6f7; }
QLineEdit#articleSearch { padding: 6px 8px; border: 1px solid #c9ced6; border-radius: 6px; background: #ffffff; }
QTableView#articleTable { background: #ffffff; alternate-background-color: #f8f9fb; border: 1px solid #dfe1e6;
    border-radius: 6px; selection-background-color: #dbe7fb; selection-color: #1d2330; }
QHeaderView::section { background: #f4f5f7; border: none; border-bottom: 1px solid #dfe1e6; padding: 4px 6px;
    color: #5b6270; font-weight: 600; }
QLabel#panelTitle { font-weight: 700; color: #333a45; padding: 2px 0 4px 2px; }
QListWidget#photoList { background: #ffffff; border: 1px solid #dfe1e6; border-radius: 6px; }
QLabel#photoPreview { background: #eceef2; border-radius: 6px; color: #7a8290; }
QLabel#photoWarnings, QLabel#photoAddedNotice { color: #a15c00; background: #fff4e0; border-radius: 4px; padding: 4px 6px; }
QLabel#fileInfo { color: #5b6270; }
QStatusBar { background: #ffffff; border-top: 1px solid #dfe1e6; }
QStatusBar QLabel { color: #5b6270; padding: 0 8px; }
QSplitter::handle { background: #f4f5f7; }
"""

# The editor: a white page, quiet header fields, the counts and the find bar.
EDITOR_PANEL_STYLE = """
EditorPanel, #EditorHeader, #EditorPage, #EditorScroll { background: #ffffff; }
QLabel#FieldLabel { color: #5f6368; }
BodyEdit { background: #ffffff; color: #202124; selection-background-color: #c8dcf5;
           selection-color: #202124; }
#EditorHeader QPlainTextEdit { background: transparent; border: none; color: #202124; }
#MetaRow QLineEdit, #MetaRow QComboBox {
    border: 1px solid #e1e4e8; border-radius: 5px; padding: 3px 7px; background: #fbfbfc;
    color: #3c4043; min-height: 20px; }
#MetaRow QLineEdit:focus, #MetaRow QComboBox:focus { border-color: #8ab4f8; background: #fff; }
#Rule { background: #e8eaed; max-height: 1px; min-height: 1px; border: none; }
QLabel#Count { color: #9aa0a6; }
QLabel#Count[over="true"] { color: #c5221f; }
#FindBar { background: #f6f7f9; border-top: 1px solid #e1e4e8; }
"""

# Saved filters above the article list.
SAVED_FILTERS_STYLE = """
QListWidget#savedFilters { background: transparent; border: none; outline: none; }
"""

# The notes panel: cards, the passage a note points at, resolved notes greyed.
NOTES_PANEL_STYLE = """
NotesPanel { background: #f4f5f7; }
#notesList { background: transparent; }
QFrame#noteCard { background: #ffffff; border: 1px solid #dfe1e6; border-radius: 8px; }
QFrame#noteCard:hover { border-color: #9db8e8; }
QFrame#noteCard[resolved="true"] { background: #f8f9fb; }
QLabel#noteMeta { color: #5b6270; }
QLabel#noteQuote { color: #3c4043; background: #fff8c5; border-left: 3px solid #d4a72c;
    padding: 3px 6px; }
QLabel#noteQuote[gone="true"] { background: #f1f2f4; border-left-color: #b8bec8; color: #7a8290; }
QLabel#noteText { color: #1d2330; }
QFrame#noteCard[resolved="true"] QLabel#noteText { color: #6b7280; }
QLabel#noteResolved { color: #1a7f37; }
QLabel#notesSection { color: #5b6270; font-weight: 600; padding: 6px 2px 0 2px; }
QLabel#notesEmpty { color: #7a8290; padding: 12px 4px; }
QToolButton#noteButton { border: 1px solid #d0d5dd; border-radius: 4px; padding: 1px 8px;
    background: #ffffff; color: #344054; }
QToolButton#noteButton:hover { background: #eef1f6; }
QPlainTextEdit#noteInput { background: #ffffff; border: 1px solid #c9ced6; border-radius: 6px;
    padding: 4px; }
QToolButton#notesClose { border: none; color: #5b6270; padding: 0 4px; }
QToolButton#notesClose:hover { color: #1d2330; background: #e4e7ec; border-radius: 4px; }
QLabel#notePassage { color: #3c4043; background: #fff8c5; border-radius: 4px; padding: 3px 6px; }
"""

# Revision history: the list and the page of the chosen revision.
HISTORY_STYLE = """
QTreeWidget#revisionList, QTreeWidget#workflowEvents {
  background: #ffffff; border: 1px solid #dfe1e6; border-radius: 6px;
}
QLabel#workflowEventsTitle { color: #3c4043; font-weight: 600; }
QTextBrowser#revisionView { background: #ffffff; border: 1px solid #dfe1e6; border-radius: 6px; }
QLabel#revisionHeader { color: #3c4043; padding: 2px 2px 4px 2px; }
QLabel#readOnlyTag { color: #7a4500; background: #fff4e0; border-radius: 4px; padding: 1px 6px; }
"""

# A length against its target: grey under, green near, red over.
LENGTH_COUNT_STYLE = """
QLabel[length="under"] { color: #9aa0a6; }
QLabel[length="near"] { color: #1a7f37; }
QLabel[length="over"] { color: #c5221f; }
"""

# The first-run profile dialog.
PROFILE_DIALOG_STYLE = """
QLabel#profileTitle { font-size: 15pt; font-weight: 700; color: #1d2330; }
QLabel#profileIntro { color: #3c4043; }
QLabel#roleHint { color: #5b6270; margin-left: 24px; }
QLabel#profileError { color: #b42318; }
QLineEdit#profileName { padding: 6px 8px; border: 1px solid #c9ced6; border-radius: 6px; }
"""

# The workflow bar above the article: status chip, actions, lock banner.
REVIEW_BAR_STYLE = """
#reviewBar { background: #ffffff; border-bottom: 1px solid #eceef2; }
QLabel#statusChip { border-radius: 10px; padding: 2px 10px; font-weight: 600; }
QLabel#reviewMeta { color: #5b6270; }
QToolButton#reviewNotesButton { border: none; color: #2f6fdb; padding: 2px 4px; }
QToolButton#reviewNotesButton:hover { text-decoration: underline; }
#reviewBar QToolButton[workflow="true"] { border: 1px solid #c9ced6; border-radius: 5px;
    padding: 3px 10px; background: #ffffff; color: #1d2330; }
#reviewBar QToolButton[workflow="true"]:hover { background: #eef1f6; }
#reviewBar QToolButton[primary="true"] { background: #2f6fdb; border-color: #2f6fdb;
    color: #ffffff; font-weight: 600; }
#reviewBar QToolButton[primary="true"]:hover { background: #2a63c5; }
#reviewBar QToolButton[danger="true"] { color: #b42318; }
#reviewBar QToolButton[workflow="true"][popupMode="1"] { padding-right: 26px; }
#reviewBar QToolButton::menu-button { width: 20px; border-left: 1px solid rgba(255,255,255,120);
    border-top-right-radius: 5px; border-bottom-right-radius: 5px; }
#reviewBar QToolButton::menu-arrow { width: 9px; height: 9px; }
QLabel#reviewBanner { padding: 7px 12px; border-radius: 6px; margin: 0 0 2px 0; }
QLabel#reviewBanner[kind="lock"] { background: #fff4e0; color: #7a4500; border: 1px solid #f2d3a2; }
QLabel#reviewBanner[kind="info"] { background: #eef4ff; color: #1d3f7a; border: 1px solid #cfdcf5; }
"""

# Track changes: GitHub-like colours that stay readable on a light background.
DIFF_INSERT_CSS = "background-color:#ccffd8;color:#055d20"
DIFF_DELETE_CSS = "background-color:#ffd7d5;color:#82071e"
# Compare revisions: the view and the word counts in the change colours.
DIFF_DIALOG_STYLE = """
QTextBrowser#diffView { background: #ffffff; border: 1px solid #dfe1e6; border-radius: 6px; }
QLabel#diffAdded { color: #055d20; background: #ccffd8; border-radius: 4px; padding: 2px 8px;
    font-weight: 600; }
QLabel#diffRemoved { color: #82071e; background: #ffd7d5; border-radius: 4px; padding: 2px 8px;
    font-weight: 600; }
QLabel#diffPosition { color: #5b6270; }
"""

# Resolve a sync conflict: this desk's side in blue, the server's in violet, the kept side framed.
CONFLICT_DIALOG_STYLE = """
QLabel#conflictIntro { background: #fff4e0; color: #7a4500; border: 1px solid #f2d3a2;
    border-radius: 6px; padding: 8px 12px; }
QLabel#conflictOursLabel, QLabel#conflictTheirsLabel { font-weight: 600; padding: 6px 10px;
    border-radius: 6px; }
QLabel#conflictOursLabel { background: #e8f0fe; color: #1d3f7a; }
QLabel#conflictTheirsLabel { background: #f1ebfb; color: #4b2a7a; }
QScrollArea#conflictScroll { background: #f4f5f7; border: 1px solid #dfe1e6; border-radius: 6px; }
QWidget#conflictRows { background: #f4f5f7; }
QFrame#conflictRow { background: #ffffff; border: 1px solid #dfe1e6; border-radius: 6px;
    border-left: 4px solid #dfe1e6; }
QFrame#conflictRow[current="true"] { border-left: 4px solid #2f6fdb; }
QLabel#conflictRowTitle { color: #5b6270; font-size: 9pt; font-weight: 600; border: none; }
QLabel#conflictOurs, QLabel#conflictTheirs { border: 1px solid #e3e6eb; border-radius: 5px;
    padding: 8px 10px; background: #fafbfc; color: #6b7280; }
QLabel#conflictOurs[kept="true"], QLabel#conflictTheirs[kept="true"] { background: #ffffff;
    color: #1d2330; border: 2px solid #2f6fdb; }
QLabel#conflictSame { color: #8a909c; padding: 3px 14px; }
QToolButton[segment] { border: 1px solid #c9ced6; background: #ffffff; color: #1d2330;
    padding: 3px 10px; }
QToolButton[segment="ours"] { border-top-left-radius: 5px; border-bottom-left-radius: 5px; }
QToolButton[segment="theirs"] { border-left: none; border-right: none; }
QToolButton[segment="both"] { border-top-right-radius: 5px; border-bottom-right-radius: 5px; }
QToolButton[segment]:hover { background: #eef1f6; }
QToolButton[segment]:checked { background: #2f6fdb; color: #ffffff; border-color: #2f6fdb; }
QToolButton[segment]:focus { text-decoration: underline; }
QLabel#conflictResultTitle { font-size: 11pt; font-weight: 700; }
QLabel#conflictResultState { color: #7a4500; font-style: italic; }
QLabel#conflictHint { color: #8a909c; }
QPushButton#conflictUse { background: #2f6fdb; color: #ffffff; border: 1px solid #2f6fdb;
    border-radius: 5px; padding: 5px 14px; font-weight: 600; }
QPushButton#conflictUse:hover { background: #2a63c5; }
QPushButton#conflictLater { background: #ffffff; color: #1d2330; border: 1px solid #c9ced6;
    border-radius: 5px; padding: 5px 14px; }
QPushButton#conflictLater:hover { background: #eef1f6; }
"""


DISABLED_TEXT = "#9aa0a9"


def apply_style(app: QApplication) -> None:
    """Apply the Fusion style, a light palette and the style sheet."""
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8f9fb"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fdb"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d2330"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d2330"))
    # setColor(role, …) sets every colour group: give disabled text its grey back, so that a
    # menu item or button that cannot run looks it.
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    app.setPalette(palette)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
