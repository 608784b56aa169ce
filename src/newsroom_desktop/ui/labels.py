"""Translated names for the core's stable codes: statuses, revision reasons, error codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(status: str) -> str:
    """Return the translated name of an article status."""
    names = {
        "draft": _t("Draft"),
        "submitted": _t("Submitted"),
        "editing": _t("Editing"),
        "ready": _t("Ready"),
        "published": _t("Published"),
        "spiked": _t("Spiked"),
    }
    return names.get(status, status)


def reason_label(reason: str) -> str:
    """Return the translated name of why a revision was saved."""
    names = {
        "create": _t("created"),
        "save": _t("saved"),
        "edit": _t("edited"),
        "autosave": _t("autosave"),
        "submit": _t("submitted"),
        "take": _t("taken for editing"),
        "approve": _t("approved"),
        "publish": _t("published"),
        "return": _t("returned to draft"),
        "spike": _t("spiked"),
        "restore": _t("restored"),
        "import": _t("imported"),
        "photos": _t("photos changed"),
        "captions": _t("captions changed"),
        "conflict": _t("conflicting edit"),
    }
    return names.get(reason, reason)


def error_message(code: str, fallback: str) -> str:
    """Return a translated message for a core error code, or the core's English text."""
    messages = {
        "store_locked": _t(
            "The store is busy: another program is writing to it. Try again in a moment."
        ),
        "store_damaged": _t(
            "The store is damaged. Restore it from a backup (File ▸ Restore from backup…)."
        ),
        "store_not_a_store": _t("This file is not a Newsroom store. It was left untouched."),
        "store_too_new": _t(
            "This store was written by a newer version of Newsroom Desktop. Update the app to open it."  # noqa: E501
        ),
        "store_disk_full": _t(
            "The disk is full. Free some space; your text is kept and will be saved again."
        ),
        "store_read_only": _t("The store is read-only: changes cannot be saved."),
        "store_unknown_schema": _t(
            "This store was made by a version of Newsroom Desktop this one cannot upgrade from. "
            "It was left untouched."
        ),
        "store_foreign_schema": _t(
            "This backup does not have the tables Newsroom Desktop makes, so it was not restored."
        ),
    }
    return messages.get(code, fallback)
