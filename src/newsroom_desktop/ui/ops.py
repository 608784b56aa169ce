"""Long work off the GUI thread: one helper for progress, Cancel and results by signal."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from newsroom_desktop.core.errors import NewsroomError

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], bool]
Work = Callable[[Progress], Any]


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancelled: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.cancelled = cancelled

    def _progress(self, done: int, total: int, label: str) -> bool:
        self.signals.progress.emit(done, total, label)
        return not self.cancelled.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Exception as exc:  # every failure must reach the UI as a message
            if not isinstance(exc, NewsroomError):
                log.exception("background work failed")  # a bug, not a refusal: keep its trace
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Operation(QObject):
    """One piece of background work: signals ``progress``, ``done`` or ``failed``, once."""

    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, title: str, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._cancelled = threading.Event()
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self._finish_done)
        self._signals.failed.connect(self._finish_failed)
        self._runner = _Runner(work, self._signals, self._cancelled)
        self.finished = False

    def start(self, pool: QThreadPool | None = None) -> Operation:
        (pool or QThreadPool.globalInstance()).start(self._runner)
        return self

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _finish_done(self, result: object) -> None:
        self.finished = True
        self.done.emit(result)

    def _finish_failed(self, error: object) -> None:
        self.finished = True
        self.failed.emit(error)


class ProgressStrip(QWidget):
    """A progress bar with a label and a Cancel button, shown in the status bar while work runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(200)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelOperation")
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self._operation: Operation | None = None
        self.cancel_button.clicked.connect(self._cancel)
        self.hide()

    def track(self, operation: Operation) -> None:
        """Show ``operation``'s progress until it finishes."""
        self._operation = operation
        self.label.setText(operation.title)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        operation.progress.connect(self._on_progress)
        operation.done.connect(self._on_end)
        operation.failed.connect(self._on_end)
        self.show()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.bar.setFormat(f"{done}/{total}")
        if label:
            self.label.setText(f"{self._operation.title if self._operation else ''} {label}")

    def _cancel(self) -> None:
        if self._operation is not None:
            self._operation.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def _on_end(self, _result: object) -> None:
        self._operation = None
        self.hide()


class OperationRunner(QObject):
    """Starts background work: shows it in the progress strip and keeps it alive until it ends."""

    def __init__(self, strip: ProgressStrip, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.strip = strip
        self._running: set[Operation] = set()

    def keep(self, operation: Operation) -> None:
        """Hold ``operation`` until it is done or failed (Qt would otherwise lose it)."""
        self._running.add(operation)
        operation.done.connect(lambda _r: self._running.discard(operation))
        operation.failed.connect(lambda _e: self._running.discard(operation))

    def start(
        self,
        operation: Operation,
        *,
        track: bool = True,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Any], None] | None = None,
    ) -> Operation:
        """Show ``operation``'s progress (unless ``track`` is False), keep it and start it."""
        if track:
            self.strip.track(operation)  # first, so the strip hides before a summary shows
        if done is not None:
            operation.done.connect(done)
        if failed is not None:
            operation.failed.connect(failed)
        self.keep(operation)
        return operation.start()
