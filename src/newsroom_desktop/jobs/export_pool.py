"""Worker processes that write and place a batch's export files while the parent reads and records.

Rendering, writing and moving the files into the folder (checked against the folder's record,
as the parent would) are done in the workers; the store is read and the exports recorded by the
parent alone, which reports the articles in order. Workers are forked from the parent (no
second start-up, and they inherit the batch's placement), so they are used only where fork is
safe: from the command line (the window's process runs Qt threads) and on systems that fork.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.exporters import registry, templates
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.checks import Problem, check
from newsroom_desktop.exporters.manifest import Entry, Placement, PlacementPlan

# Fewer articles than this are written in the parent: starting processes would cost more.
MIN_ARTICLES = 64
# Articles a worker writes per task: few enough to keep both cores busy to the end, many
# enough that handing them out costs little (the parent's GIL-bound thread hands them out).
PER_TASK = 50
# Formats written in the parent only: Qt lays out the PDF, and Qt must not be forked.
PARENT_ONLY = frozenset({"pdf"})


@dataclass(frozen=True)
class Written:
    """What a worker did with one article: the files it placed and claimed, or the error."""

    files: tuple[Path, ...] = ()
    claims: tuple[tuple[str, Entry], ...] = ()  # the folder's record lines the worker wrote
    error: str = ""
    code: str = ""
    problems: tuple[Problem, ...] = ()  # what the check found, when the worker checked it


@dataclass(frozen=True)
class _WorkerState:
    """What every worker of a batch inherits from the parent when it is forked."""

    placement: Placement | None
    stop: Any  # a multiprocessing Event: set by the parent when the batch is cancelled


_STATE: _WorkerState | None = None


def _start_worker(state: _WorkerState) -> None:
    global _STATE  # noqa: PLW0603 - one batch per worker process, set once at its start
    _STATE = state


def write_articles(
    format: str,  # noqa: A002
    items: list[tuple[ArticleDoc, ExportOptions, bool]],
) -> list[Written]:
    """Write each article and move its files into place (in a worker); one result each.

    Each item is an article, its options, and whether the pre-export check is to run here
    (its findings come back with the result; the check refuses nothing here).

    Once the batch is cancelled no further article is started: the list then ends early,
    and the articles left out have nothing written.
    """
    state = _STATE
    if state is None or state.placement is None:  # pragma: no cover - a worker's own call
        raise RuntimeError("write_articles runs in a worker of a pool given a placement")
    exporter = registry.get(format)
    # A staging folder of its own: workers creating files in one folder wait on each other.
    staged = state.placement.stage() / f"w{os.getpid()}"
    # Each article is written and checked; then the record gets one append for all of them
    # (before any file moves in) and the files move into place.
    outcomes: list[tuple[PlacementPlan | Written, tuple[Problem, ...]]] = []
    with templates.batch():
        for doc, options, checking in items:
            if state.stop.is_set():
                break
            problems = tuple(check(doc, options.min_photo_width)) if checking else ()
            try:
                files = exporter.export(doc, staged, options)
                outcomes.append((state.placement.plan(staged, files, doc.id), problems))
            except NewsroomError as exc:
                outcomes.append((Written(error=exc.message, code=exc.code), problems))
    plans = [outcome for outcome, _ in outcomes if isinstance(outcome, PlacementPlan)]
    try:
        placed = iter(state.placement.commit(plans))
    except NewsroomError as exc:  # the record cannot be written: nothing was moved
        failed = Written(error=exc.message, code=exc.code)
        return [_with(o if isinstance(o, Written) else failed, p) for o, p in outcomes]
    return [
        _with(o if isinstance(o, Written) else _written(o, next(placed)), p) for o, p in outcomes
    ]


def _with(written: Written, problems: tuple[Problem, ...]) -> Written:
    return replace(written, problems=problems) if problems else written


def _written(plan: PlacementPlan, placed: list[Path] | NewsroomError) -> Written:
    if isinstance(placed, NewsroomError):
        return Written(error=placed.message, code=placed.code)
    return Written(tuple(placed), tuple(plan.claims.items()))


class WorkerPool:
    """The worker processes of a batch, its tasks, and the flag that tells them to stop."""

    def __init__(self, executor: Executor, stop: Any) -> None:
        self._executor = executor
        self._stop = stop
        self._tasks: list[Future[list[Written]]] = []

    def write(
        self,
        format: str,  # noqa: A002
        items: list[tuple[ArticleDoc, ExportOptions, bool]],
    ) -> Future[list[Written]]:
        """Hand a worker these articles to write and place; the future gives one result each."""
        task = self._executor.submit(write_articles, format, items)
        self._tasks.append(task)
        return task

    @property
    def cancelled(self) -> bool:
        return bool(self._stop.is_set())

    def cancel(self) -> None:
        """Start no further article: tasks not begun are dropped, begun ones end early."""
        self._stop.set()
        for task in self._tasks:
            task.cancel()


@contextlib.contextmanager
def worker_pool(
    format: str,  # noqa: A002
    workers: int,
    articles: int,
    placement: Placement | None = None,
) -> Iterator[WorkerPool | None]:
    """Yield a pool of ``workers`` forked processes, or None where the parent does it all.

    The workers place files with ``placement`` (staged in its folder, which exists first).
    """
    usable = (
        workers > 1
        and articles >= MIN_ARTICLES
        and format not in PARENT_ONLY
        and "fork" in multiprocessing.get_all_start_methods()
    )
    if not usable:
        yield None
        return
    context = multiprocessing.get_context("fork")
    if placement is not None:
        try:
            placement.stage()  # made before the fork: every worker stages inside it
        except NewsroomError:  # the parent alone then, and each article says why it failed
            yield None
            return
    stop = context.Event()
    state = _WorkerState(placement, stop)
    # What exists before the fork is left out of the collector's passes: in a worker a pass
    # would otherwise touch every object inherited, copying the parent's memory page by page.
    gc.freeze()
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(state,)
    )
    try:
        yield WorkerPool(executor, stop)
    finally:
        # Cancelled or failed: tasks not started are dropped; a started one stops at the flag.
        stop.set()
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
