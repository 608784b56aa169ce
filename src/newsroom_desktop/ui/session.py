"""The open article: loading, autosave, caption edits and photo changes, nothing lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from newsroom_desktop.core.changes import (
    ACTOR,
    ELSEWHERE,
    PHOTOS,
    RESTORED,
    SAVED,
    UPDATED,
    WORKFLOW,
    Changes,
)
from newsroom_desktop.core.documents import ArticleDoc, PhotoUse
from newsroom_desktop.core.errors import ConflictError, NewsroomError, NotFoundError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.photos import IngestedPhoto
from newsroom_desktop.core.photos.recipe import Recipe
from newsroom_desktop.ui.autosave import Job, Saver, save_fields_job
from newsroom_desktop.ui.hub import ChangeHub
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.ops import Operation, OperationRunner

CAPTION_SAVE_MS = 600
NO_GENERATION = -1
# Change sets after which the editor shows the stored article again (when it is the open one).
RELOADING = frozenset({ELSEWHERE, UPDATED, WORKFLOW, RESTORED, ACTOR})


def _text_of(doc: ArticleDoc) -> tuple[object, ...]:
    """Return what a person edits of an article (a sync may move its version, not these)."""
    return (doc.headline, doc.lead, doc.body, doc.byline, doc.section, doc.tags, doc.status)


class ArticleSession(QObject):
    """Owns the article being edited: the editor shows it, the saver writes it."""

    loaded = Signal(object)  # ArticleDoc or None
    stored = Signal(object)  # ArticleDoc after any save
    state = Signal(str)  # saving, saved, dirty, failed, conflict
    problem = Signal(str, str)  # title, message
    notice = Signal(str)  # a line for the status bar
    photos_added = Signal(list)  # the PhotoUses just added to the open article

    def __init__(
        self,
        newsroom: Newsroom,
        editor: Any,
        hub: ChangeHub,
        operations: OperationRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.newsroom = newsroom
        self.editor = editor
        self.hub = hub
        self.operations = operations
        self.saver = Saver(newsroom, parent=self)
        # The caption template that fills photos as they are added ("": none).
        self.import_template = ""
        self.doc: ArticleDoc | None = None
        self._generation = 0
        self._saved_generation = 0
        self._captions: dict[str, PhotoUse] = {}
        self._caption_timer = QTimer(self)
        self._caption_timer.setSingleShot(True)
        self._caption_timer.setInterval(CAPTION_SAVE_MS)
        self._caption_timer.timeout.connect(self._save_captions)
        self.saver.autosave_due.connect(lambda: self.save("autosave"))
        self.saver.saved.connect(self._on_saved)
        self.saver.failed.connect(self._on_failed)
        self.saver.state_changed.connect(self._relay_state)
        self._text_failed = False  # the newest save of the text failed: nothing says "Saved"
        editor.changed.connect(self._on_edit)

    # -- opening -------------------------------------------------------------------------

    def open(self, article_id: str | None) -> ArticleDoc | None:
        """Save what is open, then open ``article_id`` (None closes the editor)."""
        if self.doc is not None and article_id == self.doc.id:
            return self.doc
        if not self.flush():
            return self.doc
        doc = self.newsroom.articles.get(article_id) if article_id else None
        self._show(doc)
        return doc

    def reload(self) -> None:
        """Show the stored version of the open article (after a change made elsewhere)."""
        if self.doc is not None:
            self._show(self.newsroom.articles.get(self.doc.id))

    def follow(self, changes: Changes) -> None:
        """Show the stored open article again if a command or another program changed it."""
        doc = self.doc
        if doc is None or changes.kind not in RELOADING or not changes.touches(doc.id):
            return
        if changes.kind != ELSEWHERE:
            self.reload()
            return
        # Our own autosaves show up here every few seconds: compare versions, not articles.
        # A workflow move elsewhere changes the status, not the version: compare that too.
        moved = any(s.id == doc.id and s.status != doc.status for s in changes.articles)
        try:
            if not moved and self.newsroom.articles.version(doc.id) == self.saver.version:
                return
        except NewsroomError:
            return  # deleted for good elsewhere: the next save will say so
        if not moved and self._adopt_echo():
            return  # a sync brought our own text back: the cursor and the edits stay
        if self.dirty:
            self.notice.emit(
                QCoreApplication.translate(
                    "SafetyController",
                    "This article was changed elsewhere. Your next save keeps both versions "
                    "as revisions.",
                )
            )
        else:
            self.reload()

    def _adopt_echo(self) -> bool:
        """Take the stored article's version if it holds the text we last saved (a sync)."""
        doc = self.doc
        if doc is None:
            return False
        try:
            stored = self.newsroom.articles.get(doc.id)
        except NewsroomError:
            return False
        if _text_of(stored) != _text_of(doc):
            return False
        self.doc = stored
        self.saver.rebase(stored.version)
        return True

    def _show(self, doc: ArticleDoc | None) -> None:
        self.doc = doc
        self.saver.bind(doc)
        self._captions.clear()
        self.loaded.emit(doc)
        # Loading fills the editor, which reports changes; none of them is the user's.
        self._generation = self._saved_generation = 0
        self._text_failed = False
        self.saver.timer.stop()
        self.state.emit("loaded")

    # -- saving --------------------------------------------------------------------------

    def _on_edit(self) -> None:
        if self.doc is None:
            return
        self._generation += 1
        self.saver.note_change()

    def _relay_state(self, state: str) -> None:
        """Pass the saver's state on; "saved" only once the text as typed is committed."""
        if state in ("failed", "conflict"):
            self._text_failed = True
        if state == "saved" and self.dirty:
            # A caption or photo save landed, but the text typed since is not in the store.
            state = "failed" if self._text_failed else "dirty"
        self.state.emit(state)

    @property
    def dirty(self) -> bool:
        return self._generation != self._saved_generation or bool(self._captions)

    def _fields_job(self, reason: str, *, commit_preedit: bool = True) -> Job | None:
        if self.doc is None:
            return None
        # A word still being composed (Telex, VNI) is committed when the user saves, switches
        # or closes, but not by a timed autosave, which would cut the word in two.
        if commit_preedit:
            self.editor.commit_preedit()
        if not self.editor.is_dirty() and reason == "autosave":
            return None
        return save_fields_job(self.doc.id, self.editor.current_fields(), reason)

    def save(self, reason: str = "save") -> None:
        """Queue a save of the editor's text; it runs off the GUI thread."""
        self._save_captions()
        job = self._fields_job(reason, commit_preedit=reason != "autosave")
        if job is not None:
            self.saver.submit(job, self._generation)

    def flush(self, reason: str = "autosave") -> bool:
        """Write everything now (switching, closing); return False if it could not be saved.

        Like an autosave it keeps a revision only when one is due; the word being composed is
        committed first.
        """
        if self.doc is None:
            return True
        self._save_captions(now=True)
        job = self._fields_job(reason if self.editor.is_dirty() else "autosave")
        failures: list[object] = []
        self.saver.failed.connect(failures.append)
        try:
            if job is not None:
                self.saver.run_now(job, self._generation)
            else:
                self.saver.flush()
        finally:
            self.saver.failed.disconnect(failures.append)
        return not failures

    def _on_saved(self, payload: tuple[ArticleDoc, int]) -> None:
        doc, generation = payload
        if self.doc is not None and doc.id == self.doc.id:
            self.doc = doc
            if generation == self._generation:
                self._saved_generation = generation
                self._text_failed = False
                self.editor.mark_saved()
        self.stored.emit(doc)
        self.hub.publish(Changes.of([doc], SAVED))

    def _on_failed(self, error: object) -> None:
        if isinstance(error, ConflictError) and self._adopt_echo():
            self.save("autosave")  # only a sync moved the version on: save again upon it
            return
        if isinstance(error, ConflictError):
            self.problem.emit(
                self.tr("Changed elsewhere"),
                self.tr(
                    "This article was changed in another window or program while you edited it. "
                    "Your text was kept as a revision; nothing is lost. Use Article ▸ Revision "
                    "History to compare, or save again to keep your version."
                ),
            )
            self.saver.force_next = True
            return
        if isinstance(error, NewsroomError):
            message = error_message(error.code, error.message)
        else:
            message = str(error)
        self.problem.emit(self.tr("Could not save"), message)

    # -- photos --------------------------------------------------------------------------

    def edit_caption(self, use: PhotoUse) -> None:
        """Show a caption edit in the editor at once; save it a moment later."""
        self.editor.update_photo(use)
        self._captions[use.id] = use
        if self.doc is not None:
            self.doc = replace(
                self.doc, photos=tuple(use if p.id == use.id else p for p in self.doc.photos)
            )
        self._caption_timer.start()
        self.state.emit("dirty")

    def _save_captions(self, now: bool = False) -> None:
        self._caption_timer.stop()
        if not self._captions or self.doc is None:
            return
        edits, self._captions = list(self._captions.values()), {}
        article_id = self.doc.id

        def job(newsroom: Newsroom, _expected: int | None) -> ArticleDoc:
            doc = None
            for use in edits:
                doc = newsroom.photos.update_use(
                    article_id,
                    use.id,
                    caption=use.caption,
                    credit=use.credit,
                    alt_text=use.alt_text,
                )
            assert doc is not None
            return doc

        # Caption saves carry no editor generation: they never mark the text as saved.
        if now:
            self.saver.run_now(job, NO_GENERATION)
        else:
            self.saver.submit(job, NO_GENERATION)

    def _photo_job(self, job: Job, select: str = "", *, reload_body: bool = False) -> None:
        """Run a photo change after the text is saved, then refresh the panel (and body)."""
        if not self.flush():
            return
        self.saver.run_now(job, NO_GENERATION)
        if self.doc is not None:
            if reload_body:
                self._show(self.newsroom.articles.get(self.doc.id))
            self.hub.publish(Changes.of([self.doc], PHOTOS, focus=select))

    def attach_photo(self, use_id: str, file: str) -> None:
        """Give a figure waiting for its photo (an imported caption) the file chosen."""
        article_id = self._article_id()
        self._photo_job(lambda nr, _v: nr.photos.attach(article_id, use_id, Path(file)), use_id)
        use = self.doc.photo(use_id) if self.doc else None
        if use is not None:
            self.editor.update_photo(use)  # the figure shows the photo at once

    def set_lead(self, use_id: str) -> None:
        article_id = self._article_id()
        self._photo_job(
            lambda nr, _v: nr.photos.update_use(article_id, use_id, is_lead=True), use_id
        )

    def set_recipe(self, use_id: str, recipe: Recipe | None) -> None:
        """Crop, turn and straighten a photo of the open article (None: show it whole)."""
        article_id = self._article_id()
        self._photo_job(lambda nr, _v: nr.photos.set_recipe(article_id, use_id, recipe), use_id)
        use = self.doc.photo(use_id) if self.doc else None
        if use is not None:
            self.editor.update_photo(use)  # the figure in the body shows the crop too

    def remove_photo(self, use_id: str) -> None:
        article_id = self._article_id()
        self._photo_job(lambda nr, _v: nr.photos.remove(article_id, use_id), reload_body=True)

    def reorder(self, use_ids: list[str]) -> None:
        article_id = self._article_id()
        self._photo_job(lambda nr, _v: nr.photos.reorder(article_id, use_ids))

    def insert_photo(self, use_id: str) -> None:
        use = self.doc.photo(use_id) if self.doc else None
        if use is not None:
            self.editor.insert_photo(use)

    def add_photos(
        self, paths: Sequence[str], on_done: Callable[[], None] | None = None
    ) -> Operation | None:
        """Take photo files in the background, then add them to the article's photos.

        They go to the photo panel only; the person places each in the text where they want it.
        """
        if self.doc is None or not paths:
            return None
        files = [Path(p) for p in paths]
        newsroom = self.newsroom
        operation = Operation(
            self.tr("Adding photos…"),
            lambda progress: newsroom.photos.ingest(files, progress),
            self,
        )
        return self.operations.start(
            operation,
            done=lambda ingested: self._link(ingested, on_done),
            failed=self._on_operation_failed,
        )

    def _link(self, ingested: list[IngestedPhoto], on_done: Callable[[], None] | None) -> None:
        if self.doc is None:
            return
        article_id = self.doc.id
        before = {p.id for p in self.doc.photos}
        self.flush()
        template = self.import_template
        self.saver.run_now(
            lambda nr, _v: self._linked(nr, article_id, ingested, template), NO_GENERATION
        )
        new = [p for p in self.doc.photos if p.id not in before]
        for use in new:
            self.editor.update_photo(use)  # the body knows them: a drag from the panel places one
        self.hub.publish(Changes.of([self.doc], PHOTOS, focus=new[0].id if new else ""))
        if new:
            self.photos_added.emit(new)
            self.notice.emit(
                self.tr(
                    "Added %n photo(s) to the Photos panel: Insert in Text places one.",
                    "",
                    len(new),
                )
            )
        if on_done is not None:
            on_done()

    @staticmethod
    def _linked(
        newsroom: Newsroom, article_id: str, ingested: list[IngestedPhoto], template: str = ""
    ) -> ArticleDoc:
        fill_in = None
        if template:
            try:
                fill_in = newsroom.photo_templates.apply_at_import(template)
            except NotFoundError:
                fill_in = None  # deleted since it was chosen: the photos come in as they are
        newsroom.photos.link_ingested(article_id, ingested, place=False, fill_in=fill_in)
        return newsroom.articles.get(article_id)

    def _on_operation_failed(self, error: object) -> None:
        if isinstance(error, NewsroomError) and error.code == "cancelled":
            return
        message = error.message if isinstance(error, NewsroomError) else str(error)
        self.problem.emit(self.tr("Could not add the photos"), message)

    def _article_id(self) -> str:
        assert self.doc is not None
        return self.doc.id
