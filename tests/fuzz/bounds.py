"""What every fuzz target shares: how many examples, the time bound, and the outcome check."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from newsroom_desktop.core.errors import NewsroomError

# make test runs a bounded, reproducible sample; make fuzz sets NEWSROOM_FUZZ_EXAMPLES=20000.
EXAMPLES = int(os.environ.get("NEWSROOM_FUZZ_EXAMPLES", "50"))
LONG_RUN = EXAMPLES > 1000
# A whole test may take up to a second an input (pytest-timeout's 120 s suits make test only).
TEST_TIMEOUT_S = max(120, EXAMPLES)
# No input may keep an importer or the photo reader busy longer than this.
TIME_BOUND_S = 10.0
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the time bound below is the deadline, measured without Hypothesis' noise
    derandomize=not LONG_RUN,  # the same inputs on every make test run: no flaky failures
    database=None if not LONG_RUN else settings.default.database,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
    print_blob=True,
)

TRIED: dict[str, int] = {}


class Hang(Exception):
    """An input kept the code busy past the time bound."""


@contextlib.contextmanager
def time_bound(seconds: float = TIME_BOUND_S) -> Iterator[None]:
    """Raise Hang if the block runs longer than ``seconds`` (nests with pytest-timeout's alarm)."""

    def on_alarm(_signum: int, _frame: Any) -> None:
        raise Hang(f"still running after {seconds} s")

    start = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer, _interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - start), 0.001))


def outcome(target: str, call: Callable[[], Any]) -> Any:
    """Run one input: it must end in a result or a NewsroomError, within the time bound."""
    TRIED[target] = TRIED.get(target, 0) + 1
    with time_bound():
        try:
            return call()
        except NewsroomError as exc:
            refusal = exc
    message = refusal.message.strip()
    assert message, f"{refusal.code}: an error with no message"
    assert "\n" not in message, f"not one line: {message!r}"
    return refusal
