"""The caption desk in the window: templates, the code roster, batch edits of the photo panel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from newsroom_desktop.core.code_replace import MAX_ROSTER_BYTES, expand_all
from newsroom_desktop.core.documents import PhotoUse
from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.core.photo_templates import CaptionTemplate, Fill, PhotoChange
from newsroom_desktop.core.photos.files import atomic_write_bytes
from newsroom_desktop.ui.folders import remember_folder, start_folder
from newsroom_desktop.ui.photo_batch import templated, use_values, with_field
from newsroom_desktop.ui.photo_panel import PhotoPanel
from newsroom_desktop.ui.services import Services
from newsroom_desktop.ui.template_dialog import TemplateDialog

ROSTERS = "rosters"
PHOTO_FIELDS = ("headline", "creator", "copyright", "city", "keywords")
ROSTER_FILTER = "*.txt *.tsv *.tab"


class CaptionDeskController(QObject):
    """Adds the caption desk's commands to a menu and to the photo panel, and runs them."""

    def __init__(
        self,
        services: Services,
        *,
        photo_panel: PhotoPanel,
        menu: QMenu,
        before: QAction | None = None,
    ) -> None:
        super().__init__(services.parent)
        self.services = services
        self.panel = photo_panel
        self.service = services.newsroom.photo_templates
        self.action_templates = QAction(self)
        self.action_templates.setObjectName("action_caption_templates")
        self.action_templates.setShortcut(QKeySequence("Ctrl+Shift+T"))
        services.parent.addAction(self.action_templates)  # the shortcut works in the whole window
        self.action_import_roster = QAction(self)
        self.action_export_roster = QAction(self)
        # Which template fills photos as they are added: chosen from a submenu, none at first.
        self.import_menu = QMenu(menu)
        self.import_menu.setObjectName("menu_import_template")
        self.import_menu.aboutToShow.connect(self._fill_import_menu)
        self.import_menu.triggered.connect(self._choose_import_template)
        # In the menu above ``before`` (Preferences), in a group of their own.
        ours = [
            self.action_templates,
            self.import_menu.menuAction(),
            self.action_import_roster,
            self.action_export_roster,
        ]
        if before is None:
            menu.addSeparator()
            menu.addActions(ours)
        else:
            menu.insertActions(before, ours)
            menu.insertSeparator(before)
        self.action_templates.triggered.connect(self.edit_templates)
        self.action_import_roster.triggered.connect(self.import_roster)
        self.action_export_roster.triggered.connect(self.export_roster)
        photo_panel.action_apply_template.triggered.connect(self.apply_template)
        photo_panel.action_batch_edit.triggered.connect(self.batch_edit)
        self.retranslate()
        self.load_roster()

    def retranslate(self) -> None:
        self.action_templates.setText(self.tr("Caption Te&mplates…"))
        self.import_menu.setTitle(self.tr("Template for &Added Photos"))
        self.action_import_roster.setText(self.tr("Import Code R&oster…"))
        self.action_export_roster.setText(self.tr("Export Code Roster…"))
        self.action_import_roster.setToolTip(
            self.tr("Take in a tab-separated code file (as Photo Mechanic reads it)")
        )

    def _fill_import_menu(self) -> None:
        self.import_menu.clear()
        group = QActionGroup(self.import_menu)
        chosen = self.services.session.import_template
        try:
            names = [t.name for t in self.service.templates()]
        except NewsroomError:
            names = []
        for label, name in [(self.tr("None"), ""), *((n, n) for n in names)]:
            action = self.import_menu.addAction(label)
            action.setData(name)
            action.setCheckable(True)
            action.setChecked(name == chosen)
            group.addAction(action)

    def _choose_import_template(self, action: QAction) -> None:
        self.choose_import_template(str(action.data() or ""))

    def choose_import_template(self, name: str) -> None:
        """Fill the photos added from now on from template ``name`` ("": from their files)."""
        self.services.session.import_template = name
        if name:
            self.services.status(
                self.tr("Photos you add now get the template “%1”").replace("%1", name), 8000
            )

    def load_roster(self) -> None:
        try:
            self.panel.expander.set_roster(self.service.roster())
        except NewsroomError as exc:
            self.services.status(exc.message, 8000)

    def _byline(self) -> str:
        doc = self.services.session.doc
        return (doc.byline if doc is not None and doc.byline else "") or (
            self.services.newsroom.actor.name
        )

    def edit_templates(self) -> TemplateDialog:
        current = self.panel.current_use()
        dialog = TemplateDialog(
            self.services.newsroom,
            sample=use_values(current) if current is not None else None,
            byline=self._byline(),
            parent=self.services.parent,
        )
        dialog.open()
        return dialog

    def _fail(self, exc: NewsroomError) -> None:
        self.services.problem(self.tr("Caption Templates"), exc.message)

    def apply_template(self, name: str | None = None, event: str | None = None) -> int:
        """Fill the selected photos' captions from a template, as one undoable step."""
        uses = self.panel.selected_uses()
        if not uses:
            return 0
        try:
            names = [t.name for t in self.service.templates()]
            if name is None:
                if not names:
                    self.edit_templates()
                    return 0
                name, ok = QInputDialog.getItem(
                    self.panel, self.tr("Apply Caption Template"), self.tr("Template:"), names, 0,
                    False,
                )  # fmt: skip
                if not ok:
                    return 0
            if event is None:
                event, ok = QInputDialog.getText(
                    self.panel, self.tr("Apply Caption Template"), self.tr("Event ({event}):")
                )
                if not ok:
                    return 0
            template = self.service.get(name)
            roster = self.service.roster()
        except NewsroomError as exc:
            self._fail(exc)
            return 0
        today = datetime.now(self.services.newsroom.zone).date()  # the newsroom's day
        run = Fill(today, self._byline(), event, lambda text: expand_all(text, roster))
        pairs = templated(template, uses, run)
        label = self.tr("Apply Template “%1”").replace("%1", name)
        more = self._photo_fields_step(template, uses, event)
        changed = self.panel.batch.run(label, pairs, more)
        return self._report(max(changed, len(self._photo_changes)), len(uses))

    def _photo_fields_step(
        self, template: CaptionTemplate, uses: list[PhotoUse], event: str
    ) -> Callable[[bool], None] | None:
        """Return the step that sets the template's fields kept on the photos themselves.

        Headline, creator, copyright, city and keywords belong to the photo, not to its use in
        this article: they go to the store (every article using the photo, and its exports,
        see them); undo puts back what they were.
        """
        on_photo = replace(
            template,
            fields=tuple(
                f if f.name in PHOTO_FIELDS else replace(f, apply=False) for f in template.fields
            ),
        )
        photo_ids = list(dict.fromkeys(u.photo_id for u in uses if u.photo_id))
        self._photo_changes: list[PhotoChange] = []
        if not photo_ids or not any(on_photo.field(n).apply for n in PHOTO_FIELDS):
            return None
        done: list[list[PhotoChange]] = []

        def step(undo: bool) -> None:
            session = self.services.session
            session.flush()  # the captions first: the reload below shows them as stored
            try:
                if undo:
                    self.service.restore(done[0])
                elif not done:
                    done.append(self.service.apply(on_photo, photo_ids, event=event))
                    self._photo_changes = done[0]
                else:
                    self.service.restore(
                        [PhotoChange(c.photo_id, c.after, c.before) for c in done[0]]
                    )
            except NewsroomError as exc:
                self._fail(exc)
            session.reload()

        return step

    def batch_edit(self, field: str | None = None, value: str | None = None) -> int:
        """Give one caption field the same text on every selected photo, as one undoable step."""
        uses = self.panel.selected_uses()
        if not uses:
            return 0
        labels = {
            self.tr("Caption"): "caption",
            self.tr("Credit"): "credit",
            self.tr("Alt text"): "alt_text",
        }
        if field is None:
            title = self.tr("Set a Field for %n Photo(s)", "", len(uses))
            chosen, ok = QInputDialog.getItem(
                self.panel, title, self.tr("Field:"), list(labels), 0, False
            )
            if not ok:
                return 0
            field = labels[chosen]
            value, ok = QInputDialog.getText(self.panel, title, self.tr("Text:"))
            if not ok:
                return 0
        pairs = with_field(uses, field, value or "", self.panel.expander.roster)
        return self._report(self.panel.batch.run(self.tr("Set Field"), pairs), len(uses))

    def _report(self, changed: int, selected: int) -> int:
        self.services.status(
            self.tr("%1 of %2 photos changed (Ctrl+Z on the photos undoes it)")
            .replace("%1", str(changed))
            .replace("%2", str(selected)),
            8000,
        )
        return changed

    def import_roster(self, file: str | None = None) -> int:
        """Take in a roster file; it replaces the newsroom's roster."""
        if file is None:
            file, _ = QFileDialog.getOpenFileName(
                self.panel,
                self.tr("Import Code Roster"),
                start_folder(ROSTERS),
                self.tr("Code rosters (%1)").replace("%1", ROSTER_FILTER),
            )
            remember_folder(ROSTERS, file)
            if not file:
                return 0
        path = Path(file)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_ROSTER_BYTES + 1)
            count = self.service.import_roster(data, name=path.name)
        except NewsroomError as exc:
            self.services.problem(self.tr("Import Code Roster"), exc.message)
            return 0
        except OSError as exc:
            self.services.problem(self.tr("Import Code Roster"), f"{path.name}: {exc.strerror}")
            return 0
        self.load_roster()
        self.services.status(self.tr("%n code(s) taken in", "", count), 8000)
        return count

    def export_roster(self, file: str | None = None) -> bool:
        """Write the newsroom's roster as a tab-separated UTF-8 file."""
        if file is None:
            file, _ = QFileDialog.getSaveFileName(
                self.panel,
                self.tr("Export Code Roster"),
                str(Path(start_folder(ROSTERS)) / "roster.txt"),
                self.tr("Code rosters (%1)").replace("%1", ROSTER_FILTER),
            )
            remember_folder(ROSTERS, file)
            if not file:
                return False
        try:
            atomic_write_bytes(Path(file), self.service.export_roster())
        except (NewsroomError, OSError) as exc:
            message = exc.message if isinstance(exc, NewsroomError) else str(exc.strerror)
            self.services.problem(self.tr("Export Code Roster"), message)
            return False
        return True
