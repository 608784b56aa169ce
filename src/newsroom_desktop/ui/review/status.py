"""The workflow in the window: action labels, the status chip, the action bar, the lock banner."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsroom_desktop.core.documents import Actor, ArticleDoc
from newsroom_desktop.core.workflow_rules import ACTIONS, TAKEN_STATUSES, doc_edit_refusal
from newsroom_desktop.ui.labels import status_label
from newsroom_desktop.ui.list_columns import STATUS_COLOURS
from newsroom_desktop.ui.review.common import t
from newsroom_desktop.ui.style import REVIEW_BAR_STYLE

# The action that moves an article on from each status: shown as the bar's main button.
PRIMARY = {"draft": "submit", "submitted": "take", "editing": "approve", "ready": "publish",
           "spiked": "reopen"}  # fmt: skip


def action_label(action: str) -> str:
    """Return the menu text of a workflow action."""
    labels = {
        "submit": t("&Submit for Review"),
        "take": t("&Take for Editing"),
        "approve": t("&Approve"),
        "publish": t("&Publish"),
        "return": t("&Return to Draft…"),
        "spike": t("Spi&ke…"),
        "reopen": t("Re&open"),
        "withdraw": t("&Withdraw Submission"),
    }
    return labels.get(action, action)


def action_tip(action: str) -> str:
    """Return the tooltip of a workflow action: what it does, in one line."""
    tips = {
        "submit": t("Send the draft to the desk; it is locked for you until it comes back"),
        "take": t("Start editing a submitted article"),
        "approve": t("Mark the article ready to publish"),
        "publish": t("Mark the article published"),
        "return": t("Send the article back to its reporter, with a note saying why"),
        "spike": t("Kill the article; it is kept, and an editor can reopen it"),
        "reopen": t("Bring a spiked article back as a draft"),
        "withdraw": t("Take the submission back as a draft, while no editor has taken it"),
    }
    return tips.get(action, "")


def refusal_reason(code: str, action: str, status: str) -> str:
    """Return why an action cannot run now, for its tooltip (the core gives the code)."""
    if code == "workflow_trashed":
        return t("The article is in the trash; restore it first.")
    if code == "workflow_role":
        return t("Only an editor can do this.")
    if code == "workflow_owner":
        if action == "withdraw":
            return t("Only the reporter who owns the article can withdraw it.")
        return t("A reporter can do this only on their own articles.")
    if action == "withdraw" and status in TAKEN_STATUSES:
        return t("An editor has taken it already; ask the desk to return it.")
    if status == "spiked":
        return t("The article is spiked; an editor must reopen it first.")
    needs = {
        "submit": t("Only a draft can be submitted."),
        "take": t("Only a submitted article can be taken for editing."),
        "approve": t("Only a submitted article or one being edited can be approved."),
        "publish": t("Only an approved article (Ready) can be published."),
        "return": t("Only a submitted article, one being edited or one ready can be returned."),
        "reopen": t("Only a spiked article can be reopened."),
        "withdraw": t("Only a submitted article can be withdrawn."),
    }
    now = t("The article is %1.").replace("%1", status_label(status))
    return f"{now} {needs[action]}" if action in needs else now


def disabled_tip(action: str, reason: str) -> str:
    """Return the tooltip of an action that cannot run: what it does, and why not now."""
    return t("%1 — not available: %2").replace("%1", action_tip(action)).replace("%2", reason)


def done_message(action: str) -> str:
    """Return the status bar line after a workflow action."""
    messages = {
        "submit": t("Submitted for review."),
        "take": t("Taken for editing."),
        "approve": t("Approved: ready to publish."),
        "publish": t("Marked published."),
        "return": t("Returned to draft."),
        "spike": t("Spiked."),
        "reopen": t("Reopened as a draft."),
        "withdraw": t("Withdrawn: a draft again."),
    }
    return messages.get(action, "")


def lock_message(doc: ArticleDoc, actor: Actor) -> str:
    """Return why ``actor`` may not edit ``doc`` now, for the banner ("" if they may)."""
    refusal = doc_edit_refusal(doc, actor)
    if refusal is None:
        return ""
    if refusal.code == "workflow_trashed":
        return t("In the trash — restore it before editing.")
    if doc.status == "spiked":
        return t("Spiked — an editor must reopen it before it can be edited.")
    if refusal.code == "workflow_owner":
        owner = doc.owner or t("another reporter")
        return t("Written by %1 — a reporter can edit only their own articles.").replace(
            "%1", owner
        )
    messages = {
        "submitted": t("Submitted for review — only an editor can change it now."),
        "editing": t("Being edited by the desk — only an editor can change it now."),
        "ready": t("Approved and ready to publish — only an editor can change it now."),
        "published": t("Published — only an editor can correct it now."),
    }
    return messages.get(doc.status, refusal.message)


def chip_style(status: str) -> str:
    """Return the style of the status chip: the list's colour on a light tint of it."""
    colour = QColor(STATUS_COLOURS.get(status, "#8a8f98"))
    r, g, b = colour.red(), colour.green(), colour.blue()
    return (
        f"background: rgba({r},{g},{b},30); color: {colour.darker(125).name()};"
        f" border: 1px solid rgba({r},{g},{b},90);"
    )


class WorkflowBar(QWidget):
    """Above the article: its status, owner and open notes, the actions, and why it is locked."""

    notes_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.chip = QLabel()
        self.chip.setObjectName("statusChip")
        self.meta = QLabel()
        self.meta.setObjectName("reviewMeta")
        self.notes_button = QToolButton()
        self.notes_button.setObjectName("reviewNotesButton")
        self.notes_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.notes_button.clicked.connect(self.notes_clicked)
        self.banner = QLabel()
        self.banner.setObjectName("reviewBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.buttons: dict[str, QToolButton] = {}
        self._row = QHBoxLayout()
        self._row.setSpacing(8)
        self._row.addWidget(self.chip)
        self._row.addWidget(self.meta)
        self._row.addWidget(self.notes_button)
        self._row.addStretch(1)
        # Owner and taker go on a line of their own when the row has no room for them.
        self._meta_line = QHBoxLayout()
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 6)
        layout.setSpacing(6)
        layout.addLayout(self._row)
        layout.addLayout(self._meta_line)
        layout.addWidget(self.banner)
        self.setStyleSheet(REVIEW_BAR_STYLE)
        self.show_state(None, set())

    def set_actions(self, actions: dict[str, QAction]) -> None:
        """Give the bar one button per workflow action, in the workflow's order."""
        for key in ACTIONS:
            button = QToolButton()
            button.setDefaultAction(actions[key])
            button.setProperty("workflow", True)
            button.setProperty("danger", key == "spike")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.hide()
            self._row.addWidget(button)
            self.buttons[key] = button

    def add_menu_action(self, key: str, action: QAction) -> None:
        """Offer ``action`` in a drop-down on the button of workflow action ``key``."""
        button = self.buttons[key]
        menu = QMenu(button)
        menu.addAction(action)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def show_state(
        self,
        doc: ArticleDoc | None,
        available: Iterable[str],
        *,
        lock: str = "",
        info: str = "",
        open_notes: int | None = None,
        taken_by: str = "",
    ) -> None:
        """Show the article's status, the actions open to the person, and any banner.

        ``open_notes`` None keeps the count shown (the notes controller keeps it current).
        """
        self.setVisible(doc is not None)
        if doc is None:
            return
        self.chip.setText(status_label(doc.status))
        self.chip.setStyleSheet(chip_style(doc.status))
        meta = [self.tr("by %1").replace("%1", doc.owner)] if doc.owner else []
        if taken_by:
            meta.append(self.tr("taken by %1").replace("%1", taken_by))
        self.meta.setText(" · ".join(meta))
        self.meta.setVisible(bool(meta))
        if open_notes is not None:
            self.show_open_notes(open_notes)
        allowed = set(available)
        primary = PRIMARY.get(doc.status, "")
        for key, button in self.buttons.items():
            button.setVisible(key in allowed)
            is_primary = key == primary
            if button.property("primary") != is_primary:
                button.setProperty("primary", is_primary)
                button.style().unpolish(button)
                button.style().polish(button)
        text, kind = (lock, "lock") if lock else (info, "info")
        self.banner.setText(text)
        if self.banner.property("kind") != kind:
            self.banner.setProperty("kind", kind)
            self.banner.style().unpolish(self.banner)
            self.banner.style().polish(self.banner)
        self.banner.setVisible(bool(text))
        self._place_meta()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_meta()

    def _place_meta(self) -> None:
        """Keep the owner and taker in the row if they fit beside the actions, else below."""
        widgets = [self.chip, self.meta, self.notes_button, *self.buttons.values()]
        shown = [w for w in widgets if not w.isHidden()]
        margins = self._layout.contentsMargins()
        needed = sum(w.sizeHint().width() for w in shown) + self._row.spacing() * len(shown)
        fits = needed + margins.left() + margins.right() <= self.width()
        in_row = self._row.indexOf(self.meta) >= 0
        if fits == in_row:
            return
        if fits:
            self._meta_line.removeWidget(self.meta)
            self._row.insertWidget(1, self.meta)
        else:
            self._row.removeWidget(self.meta)
            self._meta_line.addWidget(self.meta)

    def show_open_notes(self, count: int) -> None:
        """Show how many notes on the article are still open (none: no button)."""
        self.notes_button.setText(self.tr("%n open note(s)", "", count))
        self.notes_button.setVisible(count > 0)


class NoteDialog(QDialog):
    """Ask for a note: one that must not be empty (why an article goes back to its reporter),
    or, ``optional``, one that may be (a message with a submission)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("workflowNoteDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("workflowNote")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(110)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        if not optional:
            self.ok.setEnabled(False)
            self.text.textChanged.connect(
                lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
            )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)

    def note(self) -> str:
        return self.text.toPlainText().strip()


def ask_return_note(parent: QWidget | None, headline: str) -> str | None:
    """Ask why the article goes back to draft; None if the editor cancels."""
    name = f"“{headline}”" if headline else t("this article")
    dialog = NoteDialog(
        t("Return to Draft"),
        t("Tell the reporter what to change in %1. They see the note when they open it.").replace(
            "%1", name
        ),
        t("Return to Draft"),
        parent,
    )
    return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_submit_message(parent: QWidget | None, headline: str) -> str | None:
    """Ask for an optional message to the desk with the submission; None if the person cancels."""
    name = f"“{headline}”" if headline else t("this article")
    dialog = NoteDialog(
        t("Submit with a Message"),
        t(
            "Submit %1 for review. The editor who opens it reads your message above the article "
            "(optional)."
        ).replace("%1", name),
        t("Submit for Review"),
        parent,
        optional=True,
    )
    dialog.setObjectName("submitMessageDialog")
    return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None
