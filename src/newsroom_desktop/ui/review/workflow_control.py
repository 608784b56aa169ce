"""The workflow of the open article: its status bar, the actions open to the person, who acts."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from newsroom_desktop.core.changes import ACTOR, WORKFLOW, Changes
from newsroom_desktop.core.documents import Actor, ArticleDoc
from newsroom_desktop.core.profile import save_profile
from newsroom_desktop.core.workflow_rules import StatusEventInfo, can_edit, submit_message, taken_by
from newsroom_desktop.ui.review.common import elide, when
from newsroom_desktop.ui.review.core_call import MESSAGE_MS, call_core, review_tr
from newsroom_desktop.ui.review.status import (
    WorkflowBar,
    action_label,
    action_tip,
    ask_return_note,
    ask_submit_message,
    disabled_tip,
    done_message,
    lock_message,
    refusal_reason,
)
from newsroom_desktop.ui.services import Services


class WorkflowController(QObject):
    """Shows the open article's status and moves it through the workflow, through the core."""

    def __init__(
        self,
        services: Services,
        actions: dict[str, QAction],
        bar: WorkflowBar,
        photo_panel: QWidget,
        parent: QObject | None = None,
        *,
        submit_with_message: QAction | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.newsroom = services.newsroom
        self.session = services.session
        self.actions = actions
        self.bar = bar
        self.photo_panel = photo_panel
        self._shown_for = self.newsroom.actor
        for key, action in actions.items():
            action.triggered.connect(lambda _=False, k=key: self.run_action(k))
        self.submit_with_message = submit_with_message
        if submit_with_message is not None:
            submit_with_message.triggered.connect(self.submit_with_note)
        self.session.loaded.connect(self.show_article)

    def retranslate(self) -> None:
        for key, action in self.actions.items():
            action.setText(action_label(key))
        if self.submit_with_message is not None:
            self.submit_with_message.setText(review_tr("Submit with a &Message…"))
        self.show_article(self.session.doc)  # the tooltips say why, in the new language

    def show_article(self, doc: ArticleDoc | None) -> None:
        """Show the article's status, the actions open to the person and any lock (None: none)."""
        if doc is None:
            for key, action in self.actions.items():
                self._show_action(key, action, review_tr("No article is open."))
            self._follow_submit()
            self.photo_panel.setEnabled(True)
            self.bar.show_state(None, ())
            return
        actor = self._shown_for = self.newsroom.actor
        newsroom = self.newsroom
        checks = call_core(self.services, lambda: newsroom.workflow.action_checks(doc.id)) or []
        available = [check.action for check in checks if check.allowed]
        reasons = {c.action: refusal_reason(c.code, c.action, doc.status) for c in checks}
        editable = can_edit(doc, actor)
        for key, action in self.actions.items():
            self._show_action(key, action, "" if key in available else reasons.get(key, ""))
        self._follow_submit()
        self.photo_panel.setEnabled(editable)
        lock = "" if editable else lock_message(doc, actor)
        workflow = newsroom.workflow
        events = call_core(self.services, lambda: workflow.events(doc.id)) or []
        self.bar.show_state(
            doc,
            available,
            lock=lock,
            info=self._info(doc, events),
            taken_by=taken_by(events, doc.status),
        )

    def _follow_submit(self) -> None:
        """Submit with a Message is open exactly when Submit is, for the same reason."""
        extra = self.submit_with_message
        if extra is not None:
            extra.setEnabled(self.actions["submit"].isEnabled())
            extra.setToolTip(self.actions["submit"].toolTip())

    @staticmethod
    def _show_action(key: str, action: QAction, refusal: str) -> None:
        """Enable an action, or disable it with the reason it cannot run in its tooltip."""
        action.setEnabled(not refusal)
        tip = disabled_tip(key, refusal) if refusal else action_tip(key)
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def _info(self, doc: ArticleDoc, events: list[StatusEventInfo]) -> str:
        """Return what the person should know about an article they may edit ("" if nothing)."""
        if doc.status == "published":
            return review_tr("Published — changes you make here correct the published article.")
        message = submit_message(events, doc.status)
        if message is not None:
            text = review_tr("Message from %1 on submitting (%2): “%3”")
            return (
                text.replace("%1", message.actor)
                .replace("%2", when(message.created_at, self.newsroom.zone))
                .replace("%3", elide(message.note, 300))
            )
        if doc.status != "draft":
            return ""
        last = events[-1] if events else None
        if last is None or last.action != "return":
            return ""
        text = review_tr("Returned to draft by %1 (%2): “%3”")
        return (
            text.replace("%1", last.actor)
            .replace("%2", when(last.created_at, self.newsroom.zone))
            .replace("%3", elide(last.note, 300))
        )

    def submit_with_note(self) -> None:
        """Submit the open article with a message for the desk (asked for; it may be empty)."""
        doc = self.session.doc
        if doc is None or not self.actions["submit"].isEnabled():
            return
        message = ask_submit_message(self.services.parent, doc.headline)
        if message is not None:
            self.run_action("submit", message)

    def run_action(self, action: str, note: str = "") -> None:
        """Take a workflow action on the open article, after saving what was typed."""
        doc = self.session.doc
        if doc is None:
            return
        if action == "return":
            asked = ask_return_note(self.services.parent, doc.headline)
            if asked is None:
                return
            note = asked
        elif not self._confirmed(action, doc):
            return
        if not self.session.flush():
            return
        workflow = self.newsroom.workflow
        changed = call_core(
            self.services,
            lambda: workflow.apply(doc.id, action, note),
            review_tr("Could not change the status"),
        )
        if changed is None:
            self.session.reload()
            return
        # The list entry as stored (who took it comes from the status events, not the article).
        summaries = self.newsroom.articles.summaries([changed.id]) or [changed.summary()]
        self.services.changes.publish(Changes(tuple(summaries), kind=WORKFLOW))
        self.services.status(done_message(action), MESSAGE_MS)

    def _confirmed(self, action: str, doc: ArticleDoc) -> bool:
        """Ask first where an action deserves it (spiking; approving with open notes)."""
        if action == "spike":
            return self._confirm_spike(doc)
        if action == "approve":
            return self._confirm_open_notes(doc)
        return True

    def _confirm_spike(self, doc: ArticleDoc) -> bool:
        name = f"“{doc.headline}”" if doc.headline else review_tr("this article")
        answer = QMessageBox.question(
            self.services.parent,
            review_tr("Spike Article"),
            review_tr("Spike %1? It is kept, and an editor can reopen it later.").replace(
                "%1", name
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_open_notes(self, doc: ArticleDoc) -> bool:
        """Ask before approving an article whose notes are not all resolved (none: go on)."""
        notes = self.newsroom.notes
        found = call_core(self.services, lambda: notes.open_notes([doc.id]))
        count = len((found or {}).get(doc.id, []))
        if not count:
            return True
        name = f"“{doc.headline}”" if doc.headline else review_tr("this article")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            review_tr("Approve with Open Notes?"),
            review_tr(
                "%1 still has %n open note(s). Approve it anyway, or cancel and resolve them "
                "first?",
                "",
                count,
            ).replace("%1", name),
            QMessageBox.StandardButton.Cancel,
            self.services.parent,
        )
        box.setObjectName("approveOpenNotesQuestion")
        approve = box.addButton(review_tr("Approve Anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is approve

    def switch_person(self, actor: Actor) -> None:
        """Act as another person from now on: store the profile and show what they may do."""
        self.session.flush()
        profile = save_profile(actor.name, actor.role)
        settings = self.services.settings
        settings.replace(
            settings.current.updated(profile_name=profile.name, profile_role=profile.role)
        )
        self.newsroom.act_as(profile.actor)
        self.profile_changed()

    def profile_changed(self) -> None:
        """Show the list and the open article as the new acting person sees them."""
        if self.newsroom.actor == self._shown_for:
            return  # other preferences changed: keep the editor and its undo history
        self._shown_for = self.newsroom.actor
        self.services.changes.publish(Changes(kind=ACTOR))
