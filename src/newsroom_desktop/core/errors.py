"""One error hierarchy for the core, with stable codes the UI and CLI turn into messages."""

from __future__ import annotations


class NewsroomError(Exception):
    """Base of every error the core raises on purpose; ``code`` is stable, ``str()`` is English."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class StoreError(NewsroomError):
    """The store cannot be opened, read or written."""

    code = "store"


class NotFoundError(NewsroomError):
    """No article, photo or revision matches the id."""

    code = "not_found"


class AmbiguousIdError(NewsroomError):
    """An id prefix matches more than one record."""

    code = "ambiguous_id"


class ValidationError(NewsroomError):
    """A value does not fit its field."""

    code = "invalid"


class ConflictError(NewsroomError):
    """A save was based on an older version of the article than the one stored."""

    code = "conflict"

    def __init__(self, message: str, *, current_version: int, expected_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version
        self.expected_version = expected_version


class PhotoError(NewsroomError):
    """A photo file cannot be taken in."""

    code = "photo"


class WorkflowError(NewsroomError):
    """A status change that the workflow or the person's role does not allow."""

    code = "workflow"


class ImportFailedError(NewsroomError):
    """A file could not be imported; nothing of it was stored."""

    code = "import"


class ExportFailedError(NewsroomError):
    """An article could not be exported."""

    code = "export"


class CancelledError(NewsroomError):
    """Long work was cancelled by the user."""

    code = "cancelled"
