"""The rows of the conflict dialog: a difference side by side with its choice, or dimmed text."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from newsroom_desktop.core.conflicts import CHOICES, DEFAULT_CHOICE, Choice, Chunk, ChunkKey
from newsroom_desktop.core.diff import DiffOp, diff_text
from newsroom_desktop.ui.labels import field_label
from newsroom_desktop.ui.review.common import elide, t
from newsroom_desktop.ui.review.diff_render import DELETE_CSS, INSERT_CSS

SAME_LIMIT = 150  # characters of an unchanged paragraph shown on its one line
SHORTCUTS = {"ours": "Alt+M", "theirs": "Alt+T", "both": "Alt+B"}


def reading_font() -> QFont:
    """Return the serif face article text is read in (as the compare dialog's)."""
    font = QFont("Noto Serif")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(11)
    return font


def choice_label(choice: str) -> str:
    """Return the translated text of a choice's button."""
    names = {"ours": t("Take mine"), "theirs": t("Take theirs"), "both": t("Keep both")}
    return names[choice]


def choice_tip(choice: str) -> str:
    """Return the tooltip of a choice's button: what it keeps, and its key."""
    tips = {
        "ours": t("Keep the version of this desk for this difference"),
        "theirs": t("Keep the server's version for this difference"),
        "both": t("Keep this desk's version, then the server's"),
    }
    return f"{tips[choice]} ({SHORTCUTS[choice]})"


def chunk_title(key: ChunkKey) -> str:
    """Return where a chunk sits: "Headline", "Body · paragraph 3"."""
    name, index = key
    if name != "body":
        return field_label(name)
    return f"{field_label(name)} · {t('paragraph %1').replace('%1', str(index + 1))}"


def _text_html(text: str, marked: bool) -> str:
    # A paragraph break that only one side has shows as ¶, as in the compare dialog.
    escaped = html.escape(text).replace("\n\n", "¶<br>" if marked else "<br><br>")
    return escaped.replace("\n", "<br>")


def side_html(ops: tuple[DiffOp, ...], own: str, kept: bool) -> str:
    """Render one side of a difference: its own words marked as kept (inserted) or dropped.

    ``own`` is the kind of op only this side has ("delete" for ours, "insert" for theirs).
    """
    parts = []
    style = INSERT_CSS if kept else DELETE_CSS
    for op in ops:
        if op.kind == "equal":
            parts.append(_text_html(op.text, marked=False))
        elif op.kind == own:
            parts.append(f'<span style="{style}">{_text_html(op.text, marked=True)}</span>')
    if not parts:
        return f'<i style="color:#8a909c">{html.escape(t("Not in this version"))}</i>'
    return "".join(parts)


class ChoiceRow(QFrame):
    """One difference: this desk's text beside the server's, and which of them to keep."""

    chosen = Signal(str)
    entered = Signal()  # the row took the focus or a click: it is the one the keys act on

    def __init__(self, key: ChunkKey, chunk: Chunk, choice: Choice) -> None:
        super().__init__()
        self.setObjectName("conflictRow")
        self.key = key
        self.ops = diff_text(chunk.ours, chunk.theirs).ops
        self.title = QLabel(chunk_title(key).upper())
        self.title.setObjectName("conflictRowTitle")
        self.ours_view = self._pane("conflictOurs")
        self.theirs_view = self._pane("conflictTheirs")
        self.buttons: dict[Choice, QToolButton] = {}
        self.group = QButtonGroup(self)
        self._build()
        self.set_choice(choice)

    def _pane(self, name: str) -> QLabel:
        pane = QLabel()
        pane.setObjectName(name)
        pane.setWordWrap(True)
        pane.setTextFormat(Qt.TextFormat.RichText)
        pane.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pane.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        pane.setFont(reading_font())
        return pane

    def _build(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.setSpacing(0)
        for choice in CHOICES:
            button = QToolButton()
            button.setObjectName(f"choice_{choice}")
            button.setProperty("segment", choice)
            button.setCheckable(True)
            button.setText(choice_label(choice))
            button.setToolTip(choice_tip(choice))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, c=choice: self._on_click(c))
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[choice] = button
            head.addWidget(button)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.addLayout(head, 0, 0, 1, 2)
        grid.addWidget(self.ours_view, 1, 0)
        grid.addWidget(self.theirs_view, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _on_click(self, choice: Choice) -> None:
        self.set_choice(choice)
        self.chosen.emit(choice)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.entered.emit()
        return super().eventFilter(watched, event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.entered.emit()
        super().mousePressEvent(event)

    def choice(self) -> Choice:
        return next((c for c in CHOICES if self.buttons[c].isChecked()), DEFAULT_CHOICE)

    def set_choice(self, choice: Choice) -> None:
        """Check the choice's button and mark what the result keeps and drops."""
        self.buttons[choice].setChecked(True)
        ours_kept, theirs_kept = choice in ("ours", "both"), choice in ("theirs", "both")
        self.ours_view.setText(side_html(self.ops, "delete", ours_kept))
        self.theirs_view.setText(side_html(self.ops, "insert", theirs_kept))
        for pane, kept in ((self.ours_view, ours_kept), (self.theirs_view, theirs_kept)):
            _set_property(pane, "kept", kept)

    def set_current(self, current: bool) -> None:
        _set_property(self, "current", current)

    def focus_choice(self) -> None:
        self.buttons[self.choice()].setFocus(Qt.FocusReason.ShortcutFocusReason)


def _set_property(widget: QWidget, name: str, value: bool) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def same_row(key: ChunkKey, chunk: Chunk) -> QLabel:
    """Return an unchanged chunk as one dimmed line: context, nothing to choose."""
    text = elide(chunk.ours, SAME_LIMIT)
    label = QLabel(
        f'<span style="color:#9aa0a6">{html.escape(chunk_title(key))} · '
        f"{html.escape(t('unchanged'))}</span>&nbsp;&nbsp;{html.escape(text)}"
    )
    label.setObjectName("conflictSame")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setToolTip(chunk.ours)
    return label
