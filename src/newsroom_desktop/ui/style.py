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
QLabel#photoWarnings { color: #a15c00; background: #fff4e0; border-radius: 4px; padding: 4px 6px; }
QLabel#fileInfo { color: #5b6270; }
QStatusBar { background: #ffffff; border-top: 1px solid #dfe1e6; }
QStatusBar QLabel { color: #5b6270; padding: 0 8px; }
QSplitter::handle { background: #f4f5f7; }
"""


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
    app.setPalette(palette)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
