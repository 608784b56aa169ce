"""The start-up trace: with NEWSROOM_TRACE_START=1, milestones in ms since the process began.

Each ``mark(name)`` prints one line to stderr, ``[start]   312 ms  cpu   240 ms  window shown``:
the wall clock counted from the moment the process was started (read from /proc on Linux, so
Python's own start-up shows; elsewhere from the first mark), and the processor time this
process used so far (which a busy machine does not inflate). Nothing is printed, and nearly
nothing done, without the variable. No Qt and no core here: the entry points import it first.
"""

from __future__ import annotations

import os
import sys
import time

ENV = "NEWSROOM_TRACE_START"
_ON = os.environ.get(ENV, "") not in ("", "0")


def _process_age() -> float:
    """Return the seconds since this process started (0.0 where /proc cannot tell)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:  # noqa: PTH123 - not a store
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - started)
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


_ORIGIN = time.perf_counter() - (_process_age() if _ON else 0.0)


def enabled() -> bool:
    """Tell whether the trace is on."""
    return _ON


def since_start_ms() -> float:
    """Return the milliseconds since the process started (as the trace counts them)."""
    return (time.perf_counter() - _ORIGIN) * 1000


def mark(name: str) -> None:
    """Print the milestone ``name`` with the time since the process started, if tracing."""
    if _ON:
        cpu = time.process_time() * 1000
        line = f"[start] {since_start_ms():7.0f} ms  cpu {cpu:5.0f} ms  {name}"
        print(line, file=sys.stderr, flush=True)
