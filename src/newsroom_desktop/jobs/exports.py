"""The export job: one article, a selection or a whole status; checked, written and recorded."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsroom_desktop.core.documents import ArticleDoc, ListQuery
from newsroom_desktop.core.errors import ExportFailedError, NewsroomError
from newsroom_desktop.core.file_docs import FileArticles, FileReader
from newsroom_desktop.exporters import registry, templates
from newsroom_desktop.exporters.base import Exporter, ExportOptions
from newsroom_desktop.exporters.checks import Problem, check
from newsroom_desktop.exporters.images import IMAGES_DIR, plan_images
from newsroom_desktop.exporters.manifest import ExportManifest, Placement
from newsroom_desktop.jobs import Progress
from newsroom_desktop.jobs.export_pool import (
    MIN_ARTICLES,
    PARENT_ONLY,
    PER_TASK,
    WorkerPool,
    Written,
    worker_pool,
)

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom

PAGE = 500
# Articles handled as one group (held in memory at once; a larger batch goes group by group).
CHUNK = 2000
# With workers, the exports are recorded in the store this many at a time as they come in.
RECORD_SLICE = 250
# A group is read in slices of this many (one query each), each checked and handed to the
# workers before the next is read, so they start on the first slice.
READ_SLICE = 250
# Formats whose photos go inside the one file they write (or nowhere); the others write them
# to images/ beside it. Should a format's files differ from planned_files, the export itself
# still refuses to replace what it does not own: a wrong plan asks too little, never replaces.
SINGLE_FILE_FORMATS = frozenset({"txt", "docx", "pdf"})
PACKAGE_SUFFIXES = (".html", ".md", ".ninjs.json")


@dataclass(frozen=True)
class ExportResult:
    """What happened to one article: the files written, or the error; and what the check found."""

    id: str
    headline: str = ""
    files: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()
    error: str = ""
    error_code: str = ""
    published: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class ExportReport:
    """The outcome of a batch: one result per article tried, and whether it was cancelled."""

    format: str
    out_dir: Path
    results: tuple[ExportResult, ...] = field(default=())
    cancelled: bool = False

    @property
    def exported(self) -> tuple[ExportResult, ...]:
        return tuple(r for r in self.results if r.ok)

    @property
    def failed(self) -> tuple[ExportResult, ...]:
        return tuple(r for r in self.results if not r.ok)


def article_ids(newsroom: Newsroom, status: str) -> list[str]:
    """Return the ids of every article (not trashed) in ``status``, newest first."""
    ids: list[str] = []
    query = ListQuery(status=status)
    while True:
        page = newsroom.articles.list(query, offset=len(ids), limit=PAGE)
        ids += [summary.id for summary in page]
        if len(page) < PAGE:
            return ids


def _problem_text(problems: Sequence[Problem]) -> str:
    return " ".join(p.message for p in problems)


def export_article(
    newsroom: Newsroom,
    article_id: str,
    format: str,  # noqa: A002
    out_dir: Path,
    options: ExportOptions,
) -> ExportResult:
    """Check, export and record one article (id or prefix); a failure comes back as the result."""
    exporter = registry.get(format)
    try:
        doc = newsroom.articles.get(article_id)
    except NewsroomError as exc:
        return ExportResult(article_id, error=exc.message, error_code=exc.code)
    placement = Placement(out_dir, force=options.force)
    try:
        result = _export_doc(doc, exporter, placement, options, None)
    finally:
        placement.close()
    return _record(newsroom, [result], format, options)[0]


def _refusal(doc: ArticleDoc, problems: tuple[Problem, ...], options: ExportOptions) -> str:
    if doc.deleted_at is not None:
        return f"“{doc.headline}” is in the trash; restore it before exporting."
    if options.strict and problems:
        return f"“{doc.headline}” was not exported: {_problem_text(problems)}"
    return ""


def _unique_stem(
    article_id: str, slug: str, options: ExportOptions, used: set[str]
) -> ExportOptions:
    # Two articles with the same headline share a slug: the later ones get their id added.
    stem = options.stem_of(article_id, slug)
    if stem in used:
        stem = f"{stem}-{article_id[:8]}"
        options = replace(options, stem=stem)
    used.add(stem)
    return options


@dataclass(frozen=True)
class _Job:
    """An article that passed its check: what to write, under which name."""

    doc: ArticleDoc
    options: ExportOptions
    problems: tuple[Problem, ...] | None  # None: the worker that writes it checks it


def _checked(
    doc: ArticleDoc,
    options: ExportOptions,
    used_stems: set[str] | None,
    *,
    check_here: bool = True,
) -> _Job | ExportResult:
    """Check one article: the job of writing it, or the result that refuses it.

    Without ``check_here`` an article the check cannot refuse (not ``strict``, not in the
    trash) is left for its worker to check, beside its other work.
    """
    problems: tuple[Problem, ...] | None = None  # None: its worker checks it
    if check_here or options.strict or doc.deleted_at is not None:
        problems = tuple(check(doc, options.min_photo_width))
        refusal = _refusal(doc, problems, options)
        if refusal:
            code = "trashed" if doc.deleted_at is not None else "check_failed"
            return ExportResult(doc.id, doc.headline, (), problems, refusal, code)
    if used_stems is not None:
        options = _unique_stem(doc.id, doc.slug, options, used_stems)
    return _Job(doc, options, problems)


def _export_doc(
    doc: ArticleDoc,
    exporter: Exporter,
    placement: Placement,
    options: ExportOptions,
    used_stems: set[str] | None,
) -> ExportResult:
    """Check and write one article; nothing is recorded in the store yet."""
    job = _checked(doc, options, used_stems)
    return job if isinstance(job, ExportResult) else _write(job, exporter, placement)


def _write(job: _Job, exporter: Exporter, placement: Placement) -> ExportResult:
    doc = job.doc
    try:
        staged = placement.stage()
        files = placement.place(staged, exporter.export(doc, staged, job.options), doc.id)
    except NewsroomError as exc:
        return ExportResult(doc.id, doc.headline, (), job.problems or (), exc.message, exc.code)
    return ExportResult(doc.id, doc.headline, tuple(files), job.problems or ())


def _placed(job: _Job, written: Written, placement: Placement) -> ExportResult:
    """The result of an article a worker wrote and placed (its record lines noted here)."""
    doc = job.doc
    problems = written.problems if job.problems is None else job.problems
    if written.error:
        return ExportResult(doc.id, doc.headline, (), problems, written.error, written.code)
    placement.noted(written.claims)
    return ExportResult(doc.id, doc.headline, written.files, problems)


def _record(
    newsroom: Newsroom,
    results: list[ExportResult],
    format: str,  # noqa: A002
    options: ExportOptions,
) -> list[ExportResult]:
    """Record the successful exports in one transaction; mark the ones that got published."""
    done = [r.id for r in results if r.ok]
    if options.preview or not done:
        return results
    published = newsroom.exports.record_exports(done, format)
    return [replace(r, published=True) if r.id in published else r for r in results]


def _prepare(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFailedError(
            f"Cannot create the folder {out_dir}: {exc.strerror or exc}."
        ) from exc


def _missing(article_id: str) -> ExportResult:
    return ExportResult(
        article_id, error=f"No article with id {article_id}.", error_code="not_found"
    )


def export_many(
    newsroom: Newsroom,
    ids: Sequence[str],
    format: str,  # noqa: A002
    out_dir: Path,
    *,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    early: EarlyExport | None = None,
) -> ExportReport:
    """Export the articles with these (full) ids; ``progress(done, total, headline)`` False cancels.

    ``progress`` is called with 0 before the first article and after each one with the
    headline just exported. One article's failure does not stop the others; cancelling takes
    effect between articles, and what was exported stays exported (and recorded). Articles
    are read a slice at a time, and the exports are recorded in one transaction at the end.
    With ``workers`` above 1 (the command line; never a process running Qt) a large batch's
    files are written and placed by that many forked processes; the results come back here
    in order and are recorded RECORD_SLICE at a time (one transaction each) as they come.
    ``early`` is the same export begun before the store was opened (``begin_export``): it
    is finished, not begun again.
    """
    options = options or ExportOptions(zone=newsroom.zone)
    if early is not None:
        if not early.matches(ids, format, out_dir, options):
            early.close()  # begun for other articles: done the usual way instead
        elif progress is not None and not progress(0, len(ids), ""):
            early.close()
            return ExportReport(format, out_dir, cancelled=True)
        else:
            return early.finish(newsroom, progress)
    exporter = registry.get(format)  # an unknown format fails before anything is written
    _prepare(out_dir)
    total = len(ids)
    if progress is not None and not progress(0, total, ""):
        return ExportReport(format, out_dir, cancelled=True)
    placement = Placement(out_dir, force=options.force)
    # Articles named by the caller (options.stem) share one name: they go one after another.
    workers = workers if not options.stem else 1
    try:
        with templates.batch(), worker_pool(format, workers, total, placement) as pool:
            return _export_chunks(
                newsroom,
                ids,
                _Batch(format, exporter, placement, pool),
                options=options,
                progress=progress,
            )
    finally:
        placement.close()


@dataclass(frozen=True)
class _Batch:
    """What every article of a batch is exported with."""

    format: str
    exporter: Exporter
    placement: Placement
    pool: WorkerPool | None


def _export_chunks(
    newsroom: Newsroom,
    ids: Sequence[str],
    batch: _Batch,
    *,
    options: ExportOptions,
    progress: Progress | None,
) -> ExportReport:
    used: set[str] | None = set() if not options.stem else None
    chunks = (
        _chunk_results(
            _jobs(newsroom, ids[start : start + CHUNK], options, used, batch.pool is None), batch
        )
        for start in range(0, len(ids), CHUNK)
    )
    return _gather(newsroom, chunks, len(ids), batch, options=options, progress=progress)


def _gather(
    newsroom: Newsroom,
    chunks: Iterable[Iterator[ExportResult]],
    total: int,
    batch: _Batch,
    *,
    options: ExportOptions,
    progress: Progress | None,
) -> ExportReport:
    """Report each result in order (progress, cancel) and record the exports in the store."""
    results: list[ExportResult] = []
    recorded = 0  # results[:recorded] are recorded in the store
    cancelled = False
    for chunk_results in chunks:
        for result in chunk_results:
            results.append(result)
            done = len(results)
            if progress is not None and not progress(done, total, result.headline) and done < total:
                cancelled = True
                break
            if batch.pool is not None and done - recorded >= RECORD_SLICE:
                # While the workers go on: the store's write (and its wait on the disk) is
                # done beside their work, not after it.
                results[recorded:] = _record(newsroom, results[recorded:], batch.format, options)
                recorded = done
        if cancelled:
            if batch.pool is not None:
                # Workers stop at once; what they had already placed is exported, and recorded.
                batch.pool.cancel()
                results.extend(chunk_results)
            break
    results[recorded:] = _record(newsroom, results[recorded:], batch.format, options)
    return ExportReport(batch.format, batch.placement.out_dir, tuple(results), cancelled=cancelled)


def _jobs(
    newsroom: Newsroom,
    ids: Sequence[str],
    options: ExportOptions,
    used: set[str] | None,
    check_here: bool,
) -> Iterator[_Job | ExportResult]:
    """Read and check the articles a slice at a time: workers start on the first slice."""
    for start in range(0, len(ids), READ_SLICE):
        part = ids[start : start + READ_SLICE]
        docs = {doc.id: doc for doc in newsroom.exports.documents(part)}
        for i in part:
            doc = docs.get(i)
            yield (
                _missing(i) if doc is None else _checked(doc, options, used, check_here=check_here)
            )


def _chunk_results(jobs: Iterable[_Job | ExportResult], batch: _Batch) -> Iterator[ExportResult]:
    """Yield each article's result in order: written and placed here, or by the workers."""
    pool = batch.pool
    if pool is None:
        for job in jobs:
            yield (
                job
                if isinstance(job, ExportResult)
                else _write(job, batch.exporter, batch.placement)
            )
        return
    # Each slice goes to a worker as soon as it is checked, while the next ones are checked.
    dispatch = _Dispatch(pool, batch.format)
    ordered: list[_Job | ExportResult] = []
    for job in jobs:
        ordered.append(job)
        if isinstance(job, _Job):
            dispatch.add(job)
    dispatch.flush()
    yield from _in_order(ordered, dispatch, batch)


def _in_order(
    ordered: Sequence[_Job | ExportResult], dispatch: _Dispatch, batch: _Batch
) -> Iterator[ExportResult]:
    """Yield the results in the batch's order, each as the workers finish it."""
    for job in ordered:
        if isinstance(job, ExportResult):
            if not dispatch.pool.cancelled:  # once cancelled, only what workers placed is told
                yield job
            continue
        outcome = dispatch.outcome(job)
        if outcome is not None:
            yield _placed(job, outcome, batch.placement)


class _Dispatch:
    """Hands checked articles to the workers PER_TASK at a time; gives each one's outcome back."""

    def __init__(self, pool: WorkerPool, format: str) -> None:  # noqa: A002
        self.pool = pool
        self.format = format
        self._part: list[_Job] = []
        self._tasks: list[Future[list[Written]]] = []
        self._where: dict[int, tuple[int, int]] = {}  # id(job): (task, place in it)
        self._done: dict[int, list[Written]] = {}

    def add(self, job: _Job) -> None:
        self._where[id(job)] = (len(self._tasks), len(self._part))
        self._part.append(job)
        if len(self._part) == PER_TASK:
            self.flush()

    def flush(self) -> None:
        """Hand out the articles added since the last task."""
        if self._part:
            self._tasks.append(self.pool.write(self.format, _items(self._part)))
            self._part = []

    def outcome(self, job: _Job) -> Written | None:
        """Wait for what a worker did with ``job``; None if it was never started (cancelled)."""
        task, place = self._where[id(job)]
        done = self._done.get(task)
        if done is None:
            try:
                done = self._tasks[task].result()
            except CancelledError:
                done = []
            self._done[task] = done
        return done[place] if place < len(done) else None


def _items(part: list[_Job]) -> list[tuple[ArticleDoc, ExportOptions, bool]]:
    return [(job.doc, job.options, job.problems is None) for job in part]


@dataclass(frozen=True)
class _Later:
    """An article with photos in an export begun early: read through the core once it opens."""

    id: str
    options: ExportOptions | None  # its name kept in the batch's order; None: in the trash


class EarlyExport:
    """A large export begun before the store is opened: the writers start on the articles
    without photos while the program imports the store's machinery (``begin_export``)."""

    def __init__(
        self,
        key: tuple[tuple[str, ...], str, Path, ExportOptions],
        batch: _Batch,
        dispatch: _Dispatch,
        *,
        slots: list[_Job | ExportResult | _Later],
        used: set[str],
        stack: contextlib.ExitStack,
    ) -> None:
        self._key = key
        self._used = used
        self._batch = batch
        self._dispatch = dispatch
        self._slots = slots
        self._stack = stack

    def matches(
        self,
        ids: Sequence[str],
        format: str,  # noqa: A002
        out_dir: Path,
        options: ExportOptions,
    ) -> bool:
        return self._key == (tuple(ids), format, out_dir, options)

    def finish(self, newsroom: Newsroom, progress: Progress | None) -> ExportReport:
        """Read the articles with photos, hand them out too; report and record every one."""
        try:
            options = self._key[3]
            used = {job.options.stem_for(job.doc) for job in self._slots if isinstance(job, _Job)}
            later = [slot.id for slot in self._slots if isinstance(slot, _Later)]
            docs = {
                doc.id: doc
                for start in range(0, len(later), CHUNK)
                for doc in newsroom.exports.documents(later[start : start + CHUNK])
            }
            ordered: list[_Job | ExportResult] = []
            for slot in self._slots:
                if isinstance(slot, _Later):
                    doc = docs.get(slot.id)
                    if doc is None:
                        slot = _missing(slot.id)  # noqa: PLW2901 - deleted meanwhile
                    elif slot.options is not None:  # named in its place in the batch
                        slot = _checked(doc, slot.options, None, check_here=False)  # noqa: PLW2901
                    else:
                        slot = _checked(doc, options, used, check_here=False)  # noqa: PLW2901
                    if isinstance(slot, _Job):
                        self._dispatch.add(slot)
                ordered.append(slot)
            self._dispatch.flush()
            chunks = [_in_order(ordered, self._dispatch, self._batch)]
            return _gather(
                newsroom, chunks, len(ordered), self._batch, options=options, progress=progress
            )
        finally:
            self.close()

    def close(self, *, discard: bool = False) -> None:
        """End the workers (after the article in hand) and remove the staging folder.

        What the workers placed stays in the folder, owned by its record, as after an export
        that was killed: exporting again replaces it.
        """
        try:
            self._stack.close()
        finally:
            self._batch.placement.close()


def begin_export(
    store: Path,
    ids: Sequence[str],
    format: str,  # noqa: A002
    out_dir: Path,
    *,
    options: ExportOptions,
    workers: int,
) -> EarlyExport | None:
    """Begin a large export from the store file before the store is opened; None: not here.

    Only a batch of existing articles named by their full ids, large enough for workers, not
    refused by the check (``strict``) nor named by the caller (``stem``), is begun early.
    """
    if options.strict or options.stem or workers < 2 or len(ids) < MIN_ARTICLES:
        return None
    if format in PARENT_ONLY or format not in registry.names():
        return None
    reader = FileReader.open(store)
    if reader is None:
        return None
    with contextlib.closing(reader):
        if reader.existing(ids) != set(ids):
            return None  # the usual way says which id is unknown
        return _begin(reader, ids, format, out_dir, options=options, workers=workers)


def _begin(
    reader: FileReader,
    ids: Sequence[str],
    format: str,  # noqa: A002
    out_dir: Path,
    *,
    options: ExportOptions,
    workers: int,
) -> EarlyExport | None:
    try:
        _prepare(out_dir)
    except NewsroomError:
        return None
    placement = Placement(out_dir, force=options.force)
    stack = contextlib.ExitStack()
    pool = stack.enter_context(worker_pool(format, workers, len(ids), placement))
    if pool is None:
        stack.close()
        placement.close()
        return None
    batch = _Batch(format, registry.get(format), placement, pool)
    dispatch = _Dispatch(pool, format)
    used: set[str] = set()
    slots: list[_Job | ExportResult | _Later] = []
    # A slice at a time, each handed out before the next is read: the workers start at once.
    for start in range(0, len(ids), READ_SLICE):
        part = ids[start : start + READ_SLICE]
        found = reader.read(part)
        if found is None:  # the file could not be read after all: the usual way, from nothing
            stack.close()
            placement.close()
            return None
        for article_id in part:
            slots.append(_early_slot(article_id, found, options, used, dispatch))
    dispatch.flush()
    key = (tuple(ids), format, out_dir, options)
    return EarlyExport(key, batch, dispatch, slots=slots, used=used, stack=stack)


def _early_slot(
    article_id: str,
    found: FileArticles,
    options: ExportOptions,
    used: set[str],
    dispatch: _Dispatch,
) -> _Job | ExportResult | _Later:
    doc = found.docs.get(article_id)
    if doc is None:
        pictured = found.pictured[article_id]
        named = None if pictured.trashed else _unique_stem(article_id, pictured.slug, options, used)
        return _Later(article_id, named)
    job = _checked(doc, options, used, check_here=False)
    if isinstance(job, _Job):
        dispatch.add(job)
    return job


def planned_files(doc: ArticleDoc, format: str, options: ExportOptions) -> list[str]:  # noqa: A002
    """Return the files (relative to the folder, with /) exporting ``doc`` writes, unwritten."""
    stem = options.stem_for(doc)
    if format == "package" and options.zip:
        return [f"{stem}.zip"]
    images = [
        f"{IMAGES_DIR}/{image.name}"
        for image in plan_images(doc, options).values()
        if image.has_file
    ]
    if format == "package":
        return [f"{stem}/{stem}{suffix}" for suffix in PACKAGE_SUFFIXES] + [
            f"{stem}/{name}" for name in images
        ]
    main = f"{stem}{registry.get(format).suffix}"
    return [main] if format in SINGLE_FILE_FORMATS else [main, *images]


def files_to_replace(
    newsroom: Newsroom,
    ids: Sequence[str],
    format: str,  # noqa: A002
    out_dir: Path,
    options: ExportOptions,
) -> list[Path]:
    """Return the files exporting these articles would replace: those not their own exports.

    This is the question to ask before ``export_many``; without ``force`` the export refuses
    each article that would replace any of them.
    """
    registry.get(format)
    try:
        if options.force or not out_dir.is_dir() or not any(out_dir.iterdir()):
            return []
    except OSError:
        return []  # an unreadable folder: the export itself will say what is wrong
    manifest = ExportManifest(out_dir)
    used: set[str] | None = set() if not options.stem else None
    found: list[Path] = []
    for start in range(0, len(ids), CHUNK):
        for doc in newsroom.exports.documents(ids[start : start + CHUNK]):
            problems = tuple(check(doc, options.min_photo_width)) if options.strict else ()
            if _refusal(doc, problems, options):
                continue  # refused before anything is written
            planned = _unique_stem(doc.id, doc.slug, options, used) if used is not None else options
            found += manifest.conflicts(planned_files(doc, format, planned), doc.id)
    return found
