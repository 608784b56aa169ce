"""Worker processes that write a batch's export files while the parent reads, places, records.

Only the files are made in the workers (rendering is most of an export's time); the store is
read, the files are moved into place and the exports recorded by the parent alone, in order.
Workers are forked from the parent (no second start-up), so they are used only where fork is
safe: from the command line (the window's process runs Qt threads) and on systems that fork.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsroom_desktop.core.documents import ArticleDoc
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.exporters import registry, templates
from newsroom_desktop.exporters.base import ExportOptions
from newsroom_desktop.exporters.manifest import file_digest

# Fewer articles than this are written in the parent: starting processes would cost more.
MIN_ARTICLES = 64
# Articles a worker writes per task: few enough to keep both cores busy, many enough that
# sending them costs little.
PER_TASK = 25
# Formats written in the parent only: Qt lays out the PDF, and Qt must not be forked.
PARENT_ONLY = frozenset({"pdf"})


@dataclass(frozen=True)
class Written:
    """What a worker wrote for one article in the staging folder: its files, or the error."""

    files: tuple[Path, ...] = ()
    digests: tuple[str, ...] = ()  # the files' SHA-256, hashed here rather than by the parent
    error: str = ""
    code: str = ""


def write_articles(
    format: str,  # noqa: A002
    items: list[tuple[ArticleDoc, ExportOptions]],
    staged: Path,
) -> list[Written]:
    """Write each article into ``staged`` as ``format`` (in a worker); one result each."""
    exporter = registry.get(format)
    out: list[Written] = []
    with templates.batch():
        for doc, options in items:
            try:
                files = tuple(exporter.export(doc, staged, options))
                out.append(Written(files, tuple(file_digest(path) for path in files)))
            except NewsroomError as exc:
                out.append(Written(error=exc.message, code=exc.code))
    return out


@contextlib.contextmanager
def worker_pool(format: str, workers: int, articles: int) -> Iterator[Executor | None]:  # noqa: A002
    """Yield a pool of ``workers`` forked processes, or None where the parent does it all."""
    usable = (
        workers > 1
        and articles >= MIN_ARTICLES
        and format not in PARENT_ONLY
        and "fork" in multiprocessing.get_all_start_methods()
    )
    if not usable:
        yield None
        return
    # What exists before the fork is left out of the collector's passes: in a worker a pass
    # would otherwise touch every object inherited, copying the parent's memory page by page.
    gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        yield pool
    finally:
        # Cancelled or failed: tasks not started are dropped; their files are never placed.
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
