"""Translated names for the core's stable codes: statuses, reasons, formats, fields, roles, errors.

The one translate helper lives here too: ``translator("Context")`` gives a module the ``_t`` of
the Qt context its texts belong to (update_ts.py reads ``_t = translator("Context")``).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from newsroom_desktop.exporters.registry import FORMATS


class Translate(Protocol):
    """``_t(text, disambiguation, n)``: ``text`` in the UI language, in one Qt context."""

    def __call__(self, text: str, disambiguation: str | None = None, n: int = -1) -> str: ...


def translator(context: str) -> Translate:
    """Return the translate helper of the Qt context ``context``."""

    def translate(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(context, text, disambiguation, n)

    return translate


_t = translator("Labels")


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
        "withdraw": _t("withdrawn"),
        "restore": _t("restored"),
        "import": _t("imported"),
        "photos": _t("photos changed"),
        "captions": _t("captions changed"),
        "crop": _t("photo cropped"),
        "conflict": _t("conflicting edit"),
        "sync": _t("sent to the server"),
        "resolve": _t("conflict resolved"),
    }
    return names.get(reason, reason)


def format_label(name: str) -> str:
    """Return the translated name of an export format (the registry's English one if unknown)."""
    labels = {
        "html": _t("Web page (HTML)"),
        "fragment": _t("Body for a CMS (HTML fragment)"),
        "md": _t("Markdown (Hugo, Jekyll)"),
        "txt": _t("Plain text"),
        "newsml": _t("NewsML-G2"),
        "nitf": _t("NITF 3.6"),
        "ninjs": _t("ninjs (IPTC JSON)"),
        "docx": _t("Word (.docx)"),
        "pdf": _t("PDF"),
        "package": _t("Web package (folder or .zip)"),
    }
    return labels.get(name, FORMATS[name].label if name in FORMATS else name)


def field_label(field: str) -> str:
    """Return the translated name of an article field (a note's anchor, a compared field)."""
    names = {
        "headline": _t("Headline"),
        "lead": _t("Lead"),
        "body": _t("Body"),
        "byline": _t("Byline"),
        "caption": _t("Caption"),
    }
    return names.get(field, field)


def role_label(role: str) -> str:
    """Return the translated name of a person's role."""
    names = {"reporter": _t("Reporter"), "editor": _t("Editor")}
    return names.get(role, role)


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
        "sync_offline": _t(
            "The newsroom server cannot be reached. Check the network and try again; your work "
            "is kept on this computer."
        ),
        "lease_role": _t("Only editors check articles out; reporters draft without one."),
    }
    return messages.get(code, fallback)
