"""Spelling and house style in the editor's text: wavy underlines, fixes, F7 and tone marks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from newsroom_desktop.core.proofing.findings import SPELLING, Finding
from newsroom_desktop.core.proofing.proofer import Proofer
from newsroom_desktop.core.proofing.tones import ToneStyle, syllable_in_style, syllable_style
from newsroom_desktop.core.proofing.words import word_spans

SPELLING_COLOR = QColor("#d0342c")
STYLE_COLOR = QColor("#1f6fd1")
ProoferSource = Callable[[], Proofer | None]
# Paragraphs underlined an event-loop turn when a whole article is done again (15-40 ms).
STEP_BLOCKS = 20


def underline(color: QColor) -> QTextCharFormat:
    """Return the wavy underline of a finding in ``color`` (red: spelling, blue: style)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(color)
    return fmt


class ProofHighlighter(QSyntaxHighlighter):
    """Underlines the findings of one field's document, a block (paragraph) at a time.

    A block is checked when Qt asks for it: when the document is shown and when it is typed
    in, so a keystroke costs the check of its paragraph only. ``whole_field`` says the
    document is the whole field (headline, lead), whose own rules (length, capitals) apply.
    """

    finished = Signal()  # a pass of rehighlight_in_steps reached the end

    def __init__(
        self, document: QTextDocument, field: str, proofer: ProoferSource, *, whole_field: bool
    ) -> None:
        super().__init__(document)
        self.field = field
        self.whole_field = whole_field
        self._proofer = proofer
        self._formats = {SPELLING: underline(SPELLING_COLOR)}
        self._style_format = underline(STYLE_COLOR)
        self._generation = 0
        self._pending = False
        # Qt queues a whole pass for the next event-loop turn and, until it runs, leaves typed
        # paragraphs alone; a pass now (with no proofer yet, a cheap one) clears that, so a
        # long article is never done again in one go behind rehighlight_in_steps' back.
        self.rehighlight()

    def findings(self, text: str) -> list[Finding]:
        """Return the findings of one block's ``text``."""
        proofer = self._proofer()
        if proofer is None or not text.strip():
            return []
        return proofer.check(text, self.field, whole_field=self.whole_field)

    def rehighlight_in_steps(self) -> None:
        """Underline the whole document again, a few paragraphs an event-loop turn.

        The first step covers the top of the text (what opening shows); the rest follows
        between the window's other events, so typing never waits for a long article.
        """
        self._generation += 1
        self._step(self._generation, 0)

    @property
    def busy(self) -> bool:
        """Tell whether a pass of rehighlight_in_steps is still under way."""
        return self._pending

    def _step(self, generation: int, number: int) -> None:
        if generation != self._generation:
            return  # a newer pass (another article, a new word) took over
        block = self.document().findBlockByNumber(number)
        end = number + STEP_BLOCKS
        while block.isValid() and block.blockNumber() < end:
            self.rehighlightBlock(block)
            block = block.next()
        self._pending = block.isValid()
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._step(generation, end))
        else:
            self.finished.emit()

    def highlightBlock(self, text: str) -> None:
        for finding in self.findings(text):
            fmt = self._formats.get(finding.kind, self._style_format)
            self.setFormat(finding.start, finding.end - finding.start, fmt)


def block_findings(highlighter: ProofHighlighter, block: QTextBlock) -> list[Finding]:
    """Return the findings of ``block``, their offsets made document positions."""
    return [f.moved(f.field, block.position()) for f in highlighter.findings(block.text())]


def finding_at(highlighter: ProofHighlighter, position: int) -> Finding | None:
    """Return the finding that covers document ``position`` (or ends just there), or None."""
    document = highlighter.document()
    block = document.findBlock(position)
    if not block.isValid():
        return None
    for finding in block_findings(highlighter, block):
        if finding.start <= position <= finding.end and finding.end > finding.start:
            return finding
    return None


def next_finding(
    highlighter: ProofHighlighter, start: int, end: int, *, wrap: bool = True
) -> Finding | None:
    """Return the first finding after the selection ``start``..``end``.

    Past the last one: the first of the document if ``wrap``, else None.
    """
    document = highlighter.document()
    first: Finding | None = None
    block = document.begin()
    while block.isValid():
        for finding in block_findings(highlighter, block):
            if finding.start >= end and (finding.start, finding.end) != (start, end):
                return finding
            first = first or finding
        block = block.next()
    return first if wrap else None


def replace_range(cursor: QTextCursor, start: int, end: int, text: str) -> None:
    """Replace document positions ``start``..``end`` with ``text``, keeping the text's format."""
    probe = QTextCursor(cursor.document())
    probe.setPosition(min(start + 1, end))
    fmt = probe.charFormat()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text, fmt)


def apply_fix(document: QTextDocument, finding: Finding, replacement: str) -> None:
    """Replace ``finding`` (document positions) with ``replacement`` as one undo step."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    replace_range(cursor, finding.start, finding.end, replacement)
    cursor.endEditBlock()


def normalise_tone_marks(document: QTextDocument, style: ToneStyle) -> int:
    """Place every tone mark of ``document`` in ``style``, as one undo step; return how many."""
    changes: list[tuple[int, int, str]] = []
    block = document.begin()
    while block.isValid():
        for start, end, word in word_spans(block.text()):
            found = syllable_style(word)
            if found is not None and found != style:
                at = block.position() + start
                changes.append((at, block.position() + end, syllable_in_style(word, style)))
        block = block.next()
    if not changes:
        return 0
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for start, end, word in reversed(changes):  # from the end: earlier positions stay true
        replace_range(cursor, start, end, word)
    cursor.endEditBlock()
    return len(changes)
