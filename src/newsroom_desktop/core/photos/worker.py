"""A helper process for photo batches: ingest requests in on stdin, outcomes out on stdout.

The process imports only the photo modules (no store, no Qt), so it starts in about a tenth of
a second; a batch keeps it for all its files. Requests and outcomes are pickles on private
pipes between two processes of the same program.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from PIL import Image

import newsroom_desktop
from newsroom_desktop.core.errors import PhotoError
from newsroom_desktop.core.photos.ingest import IngestedPhoto, ingest_file

# The frozen app's launcher runs main() when its executable is started with this flag.
WORKER_FLAG = "--newsroom-photo-worker"
Outcome = IngestedPhoto | Exception


@dataclass(frozen=True, slots=True)
class Request:
    """One file to take in, and the settings of the process that asks."""

    path: Path
    originals_dir: Path
    thumbnail_dir: Path | None
    thumbnail_size: int
    max_pixels: int | None


def run_request(request: Request) -> Outcome:
    """Take one file in; return what was stored, or the error that refused it."""
    try:
        return ingest_file(
            request.path,
            request.originals_dir,
            thumbnail_dir=request.thumbnail_dir,
            thumbnail_size=request.thumbnail_size,
        )
    except Exception as exc:  # the asking process raises it, as if it had run the file itself
        return exc


class HelperGoneError(Exception):
    """The helper process ended or could not be reached; its file is to be taken in here."""


class Helper:
    """One helper process, driven by one thread of a batch."""

    def __init__(self) -> None:
        try:
            self.process = subprocess.Popen(
                _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_environment()
            )
        except (OSError, ValueError) as exc:
            raise HelperGoneError(str(exc)) from exc
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self._requests: IO[bytes] = self.process.stdin
        self._outcomes: IO[bytes] = self.process.stdout

    def run(self, request: Request) -> Outcome:
        """Have the helper take one file in and return its outcome."""
        try:
            pickle.dump(request, self._requests, protocol=pickle.HIGHEST_PROTOCOL)
            self._requests.flush()
            outcome = pickle.load(self._outcomes)  # noqa: S301 - our own helper's answer
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            raise HelperGoneError(str(exc)) from exc
        if not isinstance(outcome, IngestedPhoto | Exception):
            raise HelperGoneError(f"unexpected answer {type(outcome).__name__}")
        return outcome

    def close(self) -> None:
        """End the helper: it is idle between files, so nothing is left half written."""
        with contextlib.suppress(OSError):
            self._requests.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._outcomes.close()


def _command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    # -P: no module in the working folder may shadow ours or Pillow.
    return [sys.executable, "-P", "-m", "newsroom_desktop.core.photos.worker"]


def _environment() -> dict[str, str]:
    # The helper must import this very package (its requests are pickled with our classes):
    # a source tree this process was pointed at comes first. An installed package is found
    # by the same interpreter anyway, and its site-packages must not go before the stdlib.
    root = Path(newsroom_desktop.__file__).resolve().parents[1]
    if {"site-packages", "dist-packages"} & set(root.parts):
        return dict(os.environ)
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), path]) if path else str(root)}


def serve(requests: BinaryIO, outcomes: BinaryIO) -> None:
    """Answer requests until their stream ends."""
    while True:
        try:
            request = pickle.load(requests)  # noqa: S301 - from the process that started us
        except EOFError:
            return
        if not isinstance(request, Request):
            return
        Image.MAX_IMAGE_PIXELS = request.max_pixels
        outcome = run_request(request)
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an error that does not pickle: say it in words
            text = f"{request.path.name} cannot be taken in: {outcome}"
            data = pickle.dumps(PhotoError(text, code="unreadable"))
        try:
            outcomes.write(data)
            outcomes.flush()
        except BrokenPipeError:  # the asking process is gone: nobody waits for the rest
            return


def main() -> None:
    """Run as a helper: Ctrl+C is for the asking process, which ends us after the file."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # What the imports made lives as long as we do: out of the collector's walks, the last
    # one at exit included (about 10 ms of CPU a helper).
    gc.freeze()
    outcomes = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, never into the outcomes
    with contextlib.suppress(BrokenPipeError), outcomes:  # its last flush, if they left
        serve(sys.stdin.buffer, outcomes)


if __name__ == "__main__":
    # Run as the package's module, not as __main__: requests are pickled with its classes.
    from newsroom_desktop.core.photos import worker  # noqa: PLW0406 - see above

    worker.main()
