"""What the review controllers share: one core call with its error shown, their translations."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from newsroom_desktop.core.errors import NewsroomError
from newsroom_desktop.ui.labels import error_message
from newsroom_desktop.ui.services import Services

T = TypeVar("T")
MESSAGE_MS = 5000


def review_tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` in the context the review controllers' texts have always had."""
    return QCoreApplication.translate("ReviewController", text, disambiguation, n)


def call_core(services: Services, work: Callable[[], T], title: str = "") -> T | None:
    """Run one core call; show its error (translated) and return None if it fails."""
    try:
        return work()
    except NewsroomError as exc:
        message = error_message(exc.code, exc.message)
        services.problem(title or review_tr("Could not do that"), message)
        return None
