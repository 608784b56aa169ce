"""Saving without freezing typing: saves run one at a time on a worker thread, in order."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import ConflictError, NewsroomError
from newsroom_desktop.core.newsroom import Newsroom

AUTOSAVE_MS = 2000

log = logging.getLogger(__name__)

Job = Callable[[Newsroom, int | None], ArticleDoc]


class _Signals(QObject):
    saved = Signal(object, int)  # ArticleDoc, generation
    failed = Signal(object, int)  # exception, generation


class _SaveRunner(QRunnable):
    def __init__(self, saver: Saver, job: Job, generation: int) -> None:
        super().__init__()
        self.saver = saver
        self.job = job
        self.generation = generation

    @Slot()
    def run(self) -> None:
        self.saver.run_job(self.job, self.generation)


class Saver(QObject):
    """Saves of the open article: queued in order, off the GUI thread; tracks the version.

    ``note_change()`` arms the autosave timer: the first unsaved change is saved at most
    ``interval`` later, however long the typing goes on.
    """

    state_changed = Signal(str)  # "saving", "saved", "dirty", "failed", "conflict"
    saved = Signal(object)  # ArticleDoc as stored
    failed = Signal(object)  # NewsroomError or OSError
    autosave_due = Signal()

    def __init__(
        self, newsroom: Newsroom, interval_ms: int = AUTOSAVE_MS, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.newsroom = newsroom
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer: saves land in the order they were made
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(interval_ms))
        self.timer.timeout.connect(self.autosave_due)
        self._signals = _Signals()
        self._signals.saved.connect(self._on_saved)
        self._signals.failed.connect(self._on_failed)
        self._lock = threading.Lock()
        self.article_id: str | None = None
        self._version: int | None = None
        self.pending = 0
        self.last_saved_at: datetime | None = None
        self.force_next = False

    def bind(self, doc: ArticleDoc | None) -> None:
        """Follow a newly opened article (the previous one must have been flushed)."""
        self.timer.stop()
        with self._lock:
            self.article_id = doc.id if doc else None
            self._version = doc.version if doc else None

    def rebase(self, version: int) -> None:
        """Expect ``version`` from now on: the stored text is ours, only its number moved."""
        with self._lock:
            self._version = version

    @property
    def version(self) -> int | None:
        with self._lock:
            return self._version

    def set_interval(self, ms: int) -> None:
        self.timer.setInterval(int(ms))

    def note_change(self) -> None:
        """Record an edit; an autosave is due within the interval."""
        if not self.timer.isActive():
            self.timer.start()
        self.state_changed.emit("dirty")

    def submit(self, job: Job, generation: int) -> None:
        """Queue a save job (run on the worker thread); results arrive as signals."""
        self.timer.stop()
        self.pending += 1
        self.state_changed.emit("saving")
        self.pool.start(_SaveRunner(self, job, generation))

    def run_now(self, job: Job, generation: int) -> None:
        """Finish queued saves, then run ``job`` on this thread (its signals arrive at once)."""
        self.flush()
        self.pending += 1
        self.state_changed.emit("saving")
        self.run_job(job, generation)

    def flush(self) -> None:
        """Wait until every queued save is written and its result delivered."""
        self.timer.stop()
        self.pool.waitForDone()
        QCoreApplication.sendPostedEvents()

    def run_job(self, job: Job, generation: int) -> None:
        """Run one save job with the current expected version (worker or GUI thread)."""
        with self._lock:
            expected = None if self.force_next else self._version
            self.force_next = False
        try:
            doc = job(self.newsroom, expected)
        except Exception as exc:  # every failed save must reach the user, never look saved
            if not isinstance(exc, NewsroomError | OSError):
                log.exception("saving failed")  # a bug, not a refusal: keep its trace
            self._signals.failed.emit(exc, generation)
            return
        with self._lock:
            if doc.id == self.article_id:
                self._version = doc.version
        self._signals.saved.emit(doc, generation)

    def _on_saved(self, doc: ArticleDoc, generation: int) -> None:
        self.pending = max(0, self.pending - 1)
        self.last_saved_at = datetime.now().astimezone()
        self.saved.emit((doc, generation))
        if self.pending == 0:
            self.state_changed.emit("saved")

    def _on_failed(self, error: Exception, generation: int) -> None:
        self.pending = max(0, self.pending - 1)
        self.state_changed.emit("conflict" if isinstance(error, ConflictError) else "failed")
        self.failed.emit(error)


def save_fields_job(article_id: str, fields: Mapping[str, Any], reason: str) -> Job:
    """Return a job that saves the editor's fields as ``reason``."""
    frozen = dict(fields)

    def job(newsroom: Newsroom, expected: int | None) -> ArticleDoc:
        return newsroom.articles.save(
            article_id, frozen, expected_version=expected, reason=reason
        ).article

    return job
