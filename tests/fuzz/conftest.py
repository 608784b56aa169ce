"""Fuzz session summary: how many inputs each target was given."""

from __future__ import annotations

from tests.fuzz.bounds import EXAMPLES, TRIED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if TRIED:
        total = sum(TRIED.values())
        parts = ", ".join(f"{k} {v}" for k, v in sorted(TRIED.items()))
        terminalreporter.write_line(
            f"fuzz: {total} inputs tried (max {EXAMPLES} per test): {parts}"
        )
