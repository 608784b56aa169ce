"""Spelling and house style in the editor's text: wavy underlines, fixes, F7 and tone marks."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import groupby

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)

from newsroom_desktop.core.proofing.findings import SPELLING, Finding
from newsroom_desktop.core.proofing.proofer import Proofer
from newsroom_desktop.core.proofing.tones import ToneStyle, syllable_in_style, syllable_style
from newsroom_desktop.core.proofing.words import word_spans

SPELLING_COLOR = QColor("#d0342c")
STYLE_COLOR = QColor("#1f6fd1")
ProoferSource = Callable[[], Proofer | None]
# The work a step of rehighlight_in_steps does before the window gets its turn again: well
# under a frame (16 ms), so scrolling and typing never wait for a long article.
STEP_SECONDS = 0.006
# The work done on a new document before it is shown, from the top: no layout work at all then.
AHEAD_SECONDS = 0.012
# The first step underlines at least the top of the text (what opening shows) whatever it costs.
TOP_BLOCKS = 20
# Paragraph texts whose findings the highlighter keeps (typing makes a new text a keystroke).
MAX_CACHED = 5_000
Range = tuple[int, int, QTextCharFormat]


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
    Each paragraph text is checked once per proofer state: Qt's passes, F7 and the context
    menu all read the same findings.
    """

    finished = Signal()  # a pass of rehighlight_in_steps reached the end

    def __init__(
        self, document: QTextDocument, field: str, proofer: ProoferSource, *, whole_field: bool
    ) -> None:
        super().__init__(document)
        self.field = field
        self.whole_field = whole_field
        self._proofer = proofer
        self._spelling_format = underline(SPELLING_COLOR)
        self._style_format = underline(STYLE_COLOR)
        self._generation = 0
        self._pending = False
        self._cache: dict[str, tuple[Finding, ...]] = {}
        self._cached_for: tuple[Proofer | None, int] = (None, -1)
        # Qt queues a whole pass for the next event-loop turn and, until it runs, leaves typed
        # paragraphs alone; a pass now (with no proofer yet, a cheap one) clears that, so a
        # long article is never done again in one go behind rehighlight_in_steps' back.
        self.rehighlight()

    def findings(self, text: str) -> list[Finding]:
        """Return the findings of one block's ``text``."""
        proofer = self._proofer()
        if proofer is None or not text.strip():
            return []
        state = (proofer, proofer.revision)
        if self._cached_for[0] is not proofer or self._cached_for[1] != proofer.revision:
            self._cache.clear()  # another proofer, or a word added or ignored since
            self._cached_for = state
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= MAX_CACHED:
                self._cache.clear()
            found = tuple(proofer.check(text, self.field, whole_field=self.whole_field))
            self._cache[text] = found
        return list(found)

    def rehighlight(self) -> None:
        """Underline the whole document again at once (a field of a few lines)."""
        with quiet(self.document()):
            super().rehighlight()

    def underline_ahead(self, seconds: float = AHEAD_SECONDS) -> None:
        """Underline from the top for ``seconds`` of work, before the document is shown.

        Showing it lays the whole text out anew (at the view's width), so each paragraph takes
        its underlines with no layout work now; once shown, each underline added costs a layout
        of its paragraph again. rehighlight_in_steps then finds these paragraphs done.
        """
        deadline = time.perf_counter() + seconds
        block = self.document().begin()
        with quiet(self.document()):
            while block.isValid() and time.perf_counter() < deadline:
                self._underline(block, shown=False)
                block = block.next()

    def rehighlight_in_steps(self) -> None:
        """Underline the whole document again, a few milliseconds of work an event-loop turn.

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
        deadline = time.perf_counter() + STEP_SECONDS
        least = number + TOP_BLOCKS if number == 0 else 0
        block = self.document().findBlockByNumber(number)
        with quiet(self.document()):
            while block.isValid():
                self._underline(block)
                block = block.next()
                if time.perf_counter() > deadline and block.blockNumber() >= least:
                    break
        self._pending = block.isValid()
        if self._pending:
            after = block.blockNumber()
            QTimer.singleShot(0, self, lambda: self._step(generation, after))
        else:
            self.finished.emit()

    def _underline(self, block: QTextBlock, *, shown: bool = True) -> None:
        """Give ``block`` its underlines, with no layout work where none is needed.

        A paragraph whose underlines are already right is left alone (most are: a fresh
        document has none, and most paragraphs have no finding). One the text view has not
        laid out yet (a long article is laid out a piece at a time after it is shown) takes
        its underlines directly: Qt lays it out with them when it gets there; so does every
        paragraph of a document not ``shown`` yet. Only the others go through Qt's
        rehighlighting, which lays the paragraph out again at once.
        """
        wanted = self._ranges(block.text())
        layout = block.layout()
        if _same(layout.formats(), wanted):
            return
        if (not shown or layout.lineCount() == 0) and not layout.preeditAreaText():
            layout.setFormats([_format_range(*r) for r in wanted])
        else:
            self.rehighlightBlock(block)

    def _ranges(self, text: str) -> list[Range]:
        """Return the underlines of ``text`` as Qt keeps them: runs of one format each."""
        found = self.findings(text)
        if not found:
            return []
        formats = (self._spelling_format, self._style_format)
        marks = [-1] * len(text)  # each character's format: an index in formats, or none
        for finding in found:  # as setFormat does: a later finding's format wins
            end = min(finding.end, len(text))
            if 0 <= finding.start < end:
                marks[finding.start : end] = [self._kind(finding)] * (end - finding.start)
        ranges: list[Range] = []
        start = 0
        for kind, run in groupby(marks):
            length = len(list(run))
            if kind >= 0:
                ranges.append((start, length, formats[kind]))
            start += length
        return ranges

    def _kind(self, finding: Finding) -> int:
        return 0 if finding.kind == SPELLING else 1

    def _format(self, finding: Finding) -> QTextCharFormat:
        return self._spelling_format if finding.kind == SPELLING else self._style_format

    def highlightBlock(self, text: str) -> None:
        for finding in self.findings(text):
            self.setFormat(finding.start, finding.end - finding.start, self._format(finding))


@contextmanager
def quiet(document: QTextDocument | None) -> Iterator[None]:
    """Keep ``document``'s change signals from its editor while only underlines change.

    Qt reports a block's new formats as a change of the text: the editor would take it for an
    edit, mark the article changed and start an autosave. Its layout (drawing, the page's
    height) hears of it all the same: that signal is the layout's own.
    """
    if document is None:
        yield
        return
    blocked = document.blockSignals(True)
    try:
        yield
    finally:
        document.blockSignals(blocked)


def _same(current: list[QTextLayout.FormatRange], wanted: list[Range]) -> bool:
    """Tell whether a block's ``current`` formats are the ``wanted`` underlines."""
    if len(current) != len(wanted):
        return False
    return all(
        (have.start, have.length) == (start, length) and have.format == fmt
        for have, (start, length, fmt) in zip(current, wanted, strict=True)
    )


def _format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    found = QTextLayout.FormatRange()
    found.start, found.length, found.format = start, length, fmt
    return found


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
