"""What a reader would find cut off in the window: shared by the layout tests and their 150 % run.

Run as a script (``python -m tests.ui.layout_probe STORE WIDTHxHEIGHT``, with QT_SCALE_FACTOR
set as the test wants), it opens the sample article at that size, with the Notes panel open,
and prints the problems it finds as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollBar, QWidget

LONG_BYLINE = "Nguyễn Thị Hằng"


def open_sample(window, qt_wait, size: tuple[int, int], *, notes: bool) -> None:
    """Open the sample article with a long byline, at ``size``, the Notes panel open or not."""
    window.resize(*size)
    doc = window.newsroom.articles.list()[0]
    window.open_article(doc.id)
    window.editor.byline.setText(LONG_BYLINE)
    if notes != window.review.notes_dock.isVisible():
        window.commands["notes"].trigger()
    qt_wait()


def _visible_bars(root: QWidget) -> list[QScrollBar]:
    return [b for b in root.findChildren(QScrollBar) if b.isVisible() and b.maximum() > 0]


def clipped(window) -> list[str]:
    """Return what is cut off or needs its own scrollbar (empty when the window reads whole)."""
    problems: list[str] = []
    editor = window.editor
    for name, field in (("headline", editor.headline), ("lead", editor.lead)):
        if field.height() < field.wanted_height() or field.verticalScrollBar().maximum() > 0:
            problems.append(f"{name}: {field.wanted_height()} px of text in {field.height()} px")
    body = editor.body
    if body.height() < body.document().size().height() or body.verticalScrollBar().maximum():
        problems.append("body: scrolls inside the page")
    page_bars = _visible_bars(editor)
    if page_bars != [editor.page_scroll.verticalScrollBar()]:
        problems.append(f"editor: {len(page_bars)} scrollbars, not the page's one")
    for index, name in enumerate(("section", "byline", "tags")):
        field = getattr(editor, name)
        if field.width() < editor.meta.needed_width(index):
            problems.append(f"{name}: {field.width()} px for {editor.meta.needed_width(index)} px")
        if not field.visibleRegion().boundingRect().contains(field.rect()):
            problems.append(f"{name}: partly hidden")
    photos = window.photo_panel
    viewport = photos.details_scroll.viewport()
    if photos.details.minimumSizeHint().width() > viewport.width():
        problems.append("photo panel: wider than its panel")
    if photos.details.width() > viewport.width():
        problems.append("photo panel: needs a horizontal scrollbar")
    for name in ("caption", "alt_text"):
        box = getattr(photos, name)
        if box.verticalScrollBar().maximum() > 0 or box.height() < box.wanted_height():
            problems.append(f"photo {name}: scrolls inside")
    return problems


def main() -> int:  # pragma: no cover - run in a child process by the 150 % test
    from newsroom_desktop.core.newsroom import Newsroom
    from newsroom_desktop.ui.main_window import MainWindow
    from newsroom_desktop.ui.style import apply_style
    from tests.conftest import REPORTER
    from tests.ui.conftest import FAST

    store, size = Path(sys.argv[1]), sys.argv[2]
    app = QApplication([sys.argv[0]])
    apply_style(app)
    newsroom = Newsroom.open(store, actor=REPORTER)
    window = MainWindow(newsroom, FAST)
    window.show()
    width, height = (int(n) for n in size.split("x"))

    def settle() -> None:
        for _ in range(10):
            app.processEvents()

    open_sample(window, settle, (width, height), notes=True)
    print(json.dumps({"ratio": window.devicePixelRatioF(), "problems": clipped(window)}))
    window.session.saver.flush()
    window.close()
    newsroom.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
