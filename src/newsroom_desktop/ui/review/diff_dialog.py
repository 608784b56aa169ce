"""Track changes: two versions of the article in one text, insertions and deletions marked."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.diff import (
    CAPTION,
    DELETE_STYLE,
    INSERT_STYLE,
    ArticleDiff,
    DiffOp,
    FieldDiff,
)
from newsroom_desktop.core.documents import RevisionInfo
from newsroom_desktop.core.history import CURRENT
from newsroom_desktop.ui.labels import reason_label

from .common import set_up_reading, t, when

Compare = Callable[[str, str], ArticleDiff]  # old id, new id -> diff
# The strike and underline keep a change visible to readers who cannot tell red from green.
INSERT_CSS = f"{INSERT_STYLE};text-decoration:underline"
DELETE_CSS = f"{DELETE_STYLE};text-decoration:line-through"
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
ANCHOR = "change-"
CONTEXT_PX = 72
THIN_SPACE = "\u2009"  # between a deletion and the insertion that replaces it
STYLE = """
QTextBrowser#diffView { background: #ffffff; border: 1px solid #dfe1e6; border-radius: 6px; }
QLabel#diffAdded { color: #055d20; background: #ccffd8; border-radius: 4px; padding: 2px 8px;
    font-weight: 600; }
QLabel#diffRemoved { color: #82071e; background: #ffd7d5; border-radius: 4px; padding: 2px 8px;
    font-weight: 600; }
QLabel#diffPosition { color: #5b6270; }
"""


@dataclass(frozen=True)
class RenderedDiff:
    """A comparison as HTML for the view, and how many separate changes it marks."""

    html: str
    changes: int


def _paragraphs(ops: Sequence[DiffOp]) -> list[list[DiffOp]]:
    """Cut the ops into paragraphs; a paragraph break that was added or removed shows as ¶."""
    out: list[list[DiffOp]] = [[]]
    for op in ops:
        for k, piece in enumerate(_PARAGRAPH_BREAK.split(op.text)):
            if k:
                if op.kind != "equal":
                    out[-1].append(DiffOp(op.kind, "¶"))
                out.append([])
            if piece:
                out[-1].append(DiffOp(op.kind, piece))
    return [p for p in out if p]


def _span(op: DiffOp) -> str:
    text = html.escape(op.text).replace("\n", "<br>")
    if op.kind == "insert":
        return f'<span style="{INSERT_CSS}">{text}</span>'
    if op.kind == "delete":
        return f'<span style="{DELETE_CSS}">{text}</span>'
    return text


def _field_heading(field: FieldDiff, label: str) -> str:
    if field.changed:
        counts = []
        if field.added_words:
            counts.append(f'<span style="color:#1a7f37">+{field.added_words}</span>')
        if field.removed_words:
            counts.append(f'<span style="color:#cf222e">−{field.removed_words}</span>')
        extra = " ".join(counts) or html.escape(t("changed"))
    else:
        extra = f'<span style="color:#9aa0a6">{html.escape(t("unchanged"))}</span>'
    return (
        f'<p style="margin-top:14px; color:#5b6270; font-size:9pt; font-weight:600">'
        f"{html.escape(label.upper())}&nbsp;&nbsp;{extra}</p>"
    )


def field_label(field: str) -> str:
    """Return the translated name of a compared field."""
    names = {"headline": t("Headline"), "lead": t("Lead"), "body": t("Body")}
    return names.get(field, field)


def render_diff(diff: ArticleDiff) -> RenderedDiff:
    """Render a comparison: each field under its name, changes inline and numbered for jumping."""
    parts: list[str] = []
    changes = 0
    caption_number = 0
    for field in diff.fields:
        if field.field == CAPTION:
            caption_number += 1
            label = t("Caption %1").replace("%1", str(caption_number))
        else:
            label = field_label(field.field)
        if not field.ops:
            continue
        parts.append(_field_heading(field, label))
        size = ' style="font-size:15pt; font-weight:700"' if field.field == "headline" else ""
        bold = ' style="font-weight:600"' if field.field == "lead" else size
        previous = "equal"
        for paragraph in _paragraphs(field.ops):
            spans = []
            for op in paragraph:
                if op.kind != "equal" and previous == "equal":
                    changes += 1
                    spans.append(f'<a name="{ANCHOR}{changes}"></a>')
                elif op.kind == "insert" and previous == "delete":
                    spans.append(THIN_SPACE)  # "rất đặc biệt", not "rấtđặc biệt"
                spans.append(_span(op))
                previous = op.kind
            parts.append(f"<p{bold}>{''.join(spans)}</p>")
    if not diff.changed:
        same = html.escape(t("The two versions are the same."))
        parts.insert(0, f'<p style="color:#5b6270"><i>{same}</i></p>')
    return RenderedDiff("\n".join(parts), changes)


def version_label(revision: RevisionInfo, zone: ZoneInfo) -> str:
    """Return how a version is named in the combos: "12 · submitted · Ngọc Hậu · 07/09 06:59"."""
    if revision.id == CURRENT:
        return t("Current text")
    parts = [str(revision.number), reason_label(revision.reason), revision.author,
             when(revision.created_at, zone)]  # fmt: skip
    return " · ".join(p for p in parts if p)


class DiffDialog(QDialog):
    """Compare any two versions; by default the reporter's submitted text with the current one."""

    def __init__(
        self,
        versions: Sequence[RevisionInfo],
        compare: Compare,
        zone: ZoneInfo,
        *,
        old: str,
        new: str = CURRENT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diffDialog")
        self._compare = compare
        self.diff: ArticleDiff | None = None
        self.changes = 0
        self.position = 0
        self.old_combo = QComboBox()
        self.old_combo.setObjectName("diffOld")
        self.new_combo = QComboBox()
        self.new_combo.setObjectName("diffNew")
        self._fill(versions, zone)
        self.swap = QToolButton()
        self.added = QLabel()
        self.added.setObjectName("diffAdded")
        self.removed = QLabel()
        self.removed.setObjectName("diffRemoved")
        self.view = QTextBrowser()
        set_up_reading(self.view, "diffView")
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.position_label = QLabel()
        self.position_label.setObjectName("diffPosition")
        self.legend = QLabel()
        self.close_button = QPushButton()
        self._build()
        self.setStyleSheet(STYLE)
        self.retranslate()
        self.old_combo.setCurrentIndex(max(0, self.old_combo.findData(old)))
        self.new_combo.setCurrentIndex(max(0, self.new_combo.findData(new)))
        self.old_combo.currentIndexChanged.connect(self.refresh)
        self.new_combo.currentIndexChanged.connect(self.refresh)
        self.refresh()
        self.resize(920, 760)

    def _fill(self, versions: Sequence[RevisionInfo], zone: ZoneInfo) -> None:
        for combo in (self.old_combo, self.new_combo):
            combo.setMinimumWidth(280)
            for version in versions:
                combo.addItem(version_label(version, zone), version.id)

    def _build(self) -> None:
        self.from_label = QLabel()
        self.to_label = QLabel()
        choose = QHBoxLayout()
        choose.addWidget(self.from_label)
        choose.addWidget(self.old_combo, 1)
        choose.addWidget(self.swap)
        choose.addWidget(self.to_label)
        choose.addWidget(self.new_combo, 1)
        summary = QHBoxLayout()
        summary.addWidget(self.added)
        summary.addWidget(self.removed)
        summary.addSpacing(12)
        summary.addWidget(self.legend)
        summary.addStretch(1)
        summary.addWidget(self.position_label)
        summary.addWidget(self.previous_button)
        summary.addWidget(self.next_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addLayout(summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.swap.clicked.connect(self._swap)
        self.previous_button.clicked.connect(lambda: self.go_to_change(self.position - 1))
        self.next_button.clicked.connect(lambda: self.go_to_change(self.position + 1))
        self.close_button.clicked.connect(self.accept)
        self.previous_button.setShortcut("Alt+Up")
        self.next_button.setShortcut("Alt+Down")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare Revisions"))
        self.from_label.setText(self.tr("Compare"))
        self.to_label.setText(self.tr("with"))
        self.swap.setText("⇄")
        self.swap.setToolTip(self.tr("Swap the two versions"))
        self.previous_button.setText(self.tr("Previous Change"))
        self.next_button.setText(self.tr("Next Change"))
        self.legend.setText(
            f'<span style="{INSERT_CSS}">{html.escape(self.tr("inserted"))}</span>&nbsp;&nbsp;'
            f'<span style="{DELETE_CSS}">{html.escape(self.tr("deleted"))}</span>'
        )
        self.close_button.setText(self.tr("Close"))

    def old_id(self) -> str:
        return str(self.old_combo.currentData())

    def new_id(self) -> str:
        return str(self.new_combo.currentData())

    def refresh(self) -> None:
        """Compare the two chosen versions and show the result from its top."""
        self.diff = self._compare(self.old_id(), self.new_id())
        rendered = render_diff(self.diff)
        self.changes = rendered.changes
        self.view.setHtml(rendered.html)
        self.added.setText(self.tr("+%n word(s)", "", self.diff.added_words))
        self.removed.setText(self.tr("−%n word(s)", "", self.diff.removed_words))
        self.position = 0
        self._update_position()

    def go_to_change(self, number: int) -> None:
        """Scroll to the ``number``-th change (1-based), within bounds."""
        if not self.changes:
            return
        self.position = min(max(1, number), self.changes)
        self.view.scrollToAnchor(f"{ANCHOR}{self.position}")
        # Leave a few lines above the change, so that it is read in its context.
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() - CONTEXT_PX)
        self._update_position()

    def _update_position(self) -> None:
        if not self.changes:
            self.position_label.setText(self.tr("No changes"))
        elif self.position:
            self.position_label.setText(
                self.tr("Change %1 of %2")
                .replace("%1", str(self.position))
                .replace("%2", str(self.changes))
            )
        else:
            self.position_label.setText(self.tr("%n change(s)", "", self.changes))
        self.previous_button.setEnabled(self.position > 1)
        self.next_button.setEnabled(self.position < self.changes)

    def _swap(self) -> None:
        old, new = self.old_combo.currentIndex(), self.new_combo.currentIndex()
        for combo in (self.old_combo, self.new_combo):
            combo.blockSignals(True)
        self.old_combo.setCurrentIndex(new)
        self.new_combo.setCurrentIndex(old)
        for combo in (self.old_combo, self.new_combo):
            combo.blockSignals(False)
        self.refresh()

    def view_text(self) -> str:
        """Return the comparison as plain text (what the view shows)."""
        return self.view.toPlainText()
