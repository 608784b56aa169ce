"""Take in a batch of photo files on every core: this thread and helper processes share them.

Decoding a JPEG holds Python's lock, so threads would take turns; helper processes
(``worker``) decode beside this one. Files are handed out one at a time from the front of the
batch, so a helper that starts late or a file that decodes slowly never leaves a core idle
while files wait. Outcomes keep the batch's order.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image

from newsroom_desktop.core.errors import CancelledError
from newsroom_desktop.core.photos.ingest import IngestedPhoto
from newsroom_desktop.core.photos.thumbnails import DEFAULT_SIZE
from newsroom_desktop.core.photos.worker import (
    Helper,
    HelperGoneError,
    Outcome,
    Request,
    run_request,
)

Progress = Callable[[int, int, str], bool]
# Each helper decodes one picture at a time; a large PNG or TIFF holds all its pixels, so a
# batch uses a few cores at most.
MAX_HELPERS = 3
# A helper costs about a tenth of a second to start: worth it for a few camera photos' work
# (a 24 MP JPEG is about 8 MB and takes about as long to decode), not for small images.
BYTES_A_HELPER = 16 << 20


def helper_count(files: Sequence[Path]) -> int:
    """Return how many helper processes a batch starts: one a spare core, if work enough."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    total = sum(_size(path) for path in files)
    return max(0, min(cores - 1, len(files) - 1, MAX_HELPERS, total // BYTES_A_HELPER))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # ingest says why, in order
        return 0


class _Batch:
    """The files of a batch, who has which, and what came of each."""

    def __init__(self, count: int, *, stop_on_error: bool) -> None:
        self.outcomes: list[Outcome | None] = [None] * count
        self.finished = 0
        self.stopped = False
        self._next = 0
        self._returned: list[int] = []
        self._running = 0
        self._stop_on_error = stop_on_error
        self._changed = threading.Condition()

    def take(self) -> int | None:
        """Return the next file's index to work on, or None when none is left (or stopped)."""
        with self._changed:
            if self.stopped:
                return None
            if self._returned:
                index = self._returned.pop()
            elif self._next < len(self.outcomes):
                index, self._next = self._next, self._next + 1
            else:
                return None
            self._running += 1
            return index

    def give_back(self, index: int) -> None:
        """Put back a file whose helper went away, for this thread to take in."""
        with self._changed:
            self._returned.append(index)
            self._running -= 1
            self._changed.notify_all()

    def finish(self, index: int, outcome: Outcome) -> None:
        with self._changed:
            self.outcomes[index] = outcome
            self.finished += 1
            self._running -= 1
            if isinstance(outcome, Exception) and self._stop_on_error:
                self.stopped = True
            self._changed.notify_all()

    def stop(self) -> None:
        with self._changed:
            self.stopped = True

    def wait(self) -> bool:
        """Wait until a file finishes or comes back; return False when all work is done."""
        with self._changed:
            if self._returned and not self.stopped:
                return True
            if not self._running:
                return False
            self._changed.wait()
            return True


class RunningBatch:
    """A batch whose helper processes take its files in from the moment it is made.

    A command makes it before its own slow start (imports, opening the store), so the spare
    cores work meanwhile; ``ingest_each`` joins it later from this thread. Whatever happens in
    between, ``close`` ends the helpers; ``close(discard=True)`` also removes the originals
    stored first by a batch that was never joined (the call failed before it could record
    them). A joined batch's outcomes are its caller's: they are never removed here.
    """

    def __init__(
        self,
        files: Sequence[Path],
        originals_dir: Path,
        *,
        thumbnail_dir: Path | None = None,
        thumbnail_size: int = DEFAULT_SIZE,
        stop_on_error: bool = False,
        helpers: int | None = None,
    ) -> None:
        self.paths = [Path(f) for f in files]
        self.where = (originals_dir, thumbnail_dir, thumbnail_size, stop_on_error)
        self._max_pixels = Image.MAX_IMAGE_PIXELS
        self._batch = _Batch(len(self.paths), stop_on_error=stop_on_error)
        self._joined = False
        # Only a folder this batch makes is known to hold nothing another process refers to.
        self._fresh_folder = not originals_dir.exists()
        count = helper_count(self.paths) if helpers is None else helpers
        self._threads = [
            threading.Thread(target=_drive_helper, args=(self._batch, self.request), daemon=True)
            for _ in range(count)
        ]
        for thread in self._threads:
            thread.start()

    def request(self, index: int) -> Request:
        originals_dir, thumbnail_dir, thumbnail_size, _ = self.where
        return Request(
            self.paths[index], originals_dir, thumbnail_dir, thumbnail_size, self._max_pixels
        )

    def join(self, progress: Progress | None = None) -> list[Outcome | None]:
        """Take files in on this thread too until none is left; return every outcome in order.

        ``progress`` returning False stops the batch after the files in hand (CancelledError).
        """
        self._joined = True
        try:
            cancelled = _work_here(self._batch, self.paths, self.request, progress)
        finally:
            self.close()
        if cancelled:
            raise CancelledError("Adding photos was cancelled.")
        if progress is not None:
            progress(len(self.paths), len(self.paths), "")
        return self._batch.outcomes

    def close(self, *, discard: bool = False) -> None:
        """Hand out no more files and end the helpers (each after the file in hand).

        With ``discard``, and if the batch was never joined, remove the originals it stored
        first in an originals folder it made itself: nothing can refer to them. In a folder
        that was there before, another process may have taken the same photo in meanwhile
        and found it stored: those files stay (unused, as after any failed call).
        """
        self._batch.stop()
        for thread in self._threads:
            thread.join()
        if discard and not self._joined and self._fresh_folder:
            for outcome in self._batch.outcomes:
                if isinstance(outcome, IngestedPhoto) and not outcome.already_stored:
                    outcome.stored_path.unlink(missing_ok=True)
                    # Its folders, if now empty (beside a file that was no store, say).
                    for folder in (outcome.stored_path.parent, self.where[0]):
                        with contextlib.suppress(OSError):
                            folder.rmdir()


def ingest_each(
    files: Sequence[Path],
    originals_dir: Path,
    *,
    thumbnail_dir: Path | None = None,
    thumbnail_size: int = DEFAULT_SIZE,
    progress: Progress | None = None,
    stop_on_error: bool = False,
    helpers: int | None = None,
    started: RunningBatch | None = None,
) -> list[Outcome | None]:
    """Take in every file, on every core; return, in order, each one's photo or error.

    With ``stop_on_error`` no new file is started after one is refused (None in the list).
    ``progress(done, total, name)`` is called from this thread; when it returns False the batch
    stops after the files being taken in and raises CancelledError. ``helpers`` overrides
    how many helper processes share the work (``helper_count``). ``started`` is the same
    batch begun earlier (``RunningBatch``): it is joined, not begun again.
    """
    paths = [Path(f) for f in files]
    where = (originals_dir, thumbnail_dir, thumbnail_size, stop_on_error)
    if started is not None and (started.paths, started.where) == (paths, where):
        return started.join(progress)
    if started is not None:  # begun for other files or folders: nothing will record its work
        started.close(discard=True)
    batch = RunningBatch(
        paths,
        originals_dir,
        thumbnail_dir=thumbnail_dir,
        thumbnail_size=thumbnail_size,
        stop_on_error=stop_on_error,
        helpers=helpers,
    )
    return batch.join(progress)


def _work_here(
    batch: _Batch, paths: list[Path], request: Callable[[int], Request], progress: Progress | None
) -> bool:
    """Take files in on this thread until none is left; return whether progress cancelled."""
    while True:
        index = batch.take()
        if index is None:
            if batch.wait():
                if progress is not None and not progress(batch.finished, len(paths), ""):
                    return True
                continue
            return False
        if progress is not None and not progress(batch.finished, len(paths), paths[index].name):
            batch.give_back(index)
            return True
        batch.finish(index, run_request(request(index)))


def _drive_helper(batch: _Batch, request: Callable[[int], Request]) -> None:
    """Feed one helper process files until none is left; if it goes away, give its file back."""
    try:
        helper = Helper()
    except HelperGoneError:
        return  # no helper process can start here: the other workers share its files
    try:
        while (index := batch.take()) is not None:
            try:
                outcome = helper.run(request(index))
            except HelperGoneError:
                batch.give_back(index)
                return
            batch.finish(index, outcome)
    finally:
        helper.close()
