"""Server passwords in the system keyring (Secret Service, Keychain, Credential Manager).

A person's newsroom-server password is never written to the settings or any file of ours: the
window keeps it in the system keyring through the ``keyring`` library, one entry per server,
database and login. Scripts can still give it in the URL, or through libpq's own ``~/.pgpass``
and ``PGPASSWORD``, which psycopg reads when the URL has no password and the keyring none.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.engine import URL

from newsroom_desktop.core.errors import StoreError

log = logging.getLogger(__name__)

SERVICE_PREFIX = "Newsroom Desktop"


def keyring_service(url: URL) -> str:
    """Return the keyring service name of the server and database ``url`` names."""
    return f"{SERVICE_PREFIX} {url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _keyring() -> Any:
    # keyring finds its backends through entry points: a cost paid only by server stores.
    import keyring  # noqa: PLC0415 - lazy, for start-up time

    return keyring


def _unavailable(exc: Exception) -> StoreError:
    return StoreError(
        f"The system keyring cannot keep the password ({exc}); the app asks for it each time. "
        "On Linux the keyring is the desktop's Secret Service (GNOME Keyring, KWallet).",
        code="keyring_unavailable",
    )


def remember_password(url: URL, password: str) -> None:
    """Keep ``password`` for the login of ``url`` in the system keyring (StoreError if none)."""
    if not url.username:
        raise StoreError("A password is kept for a login: the server URL names none.")
    try:
        _keyring().set_password(keyring_service(url), url.username, password)
    except Exception as exc:  # any backend failure means the same to the user: not kept
        raise _unavailable(exc) from exc


def stored_password(url: URL) -> str | None:
    """Return the kept password of the login of ``url``; None if none (or no keyring)."""
    if not url.username:
        return None
    try:
        password = _keyring().get_password(keyring_service(url), url.username)
    except Exception as exc:  # no keyring: the server asks libpq's .pgpass, then the person
        log.info("No password from the system keyring: %s", exc)
        return None
    return str(password) if password is not None else None


def forget_password(url: URL) -> bool:
    """Remove the kept password of the login of ``url``; return False if none was kept."""
    if not url.username:
        return False
    try:
        _keyring().delete_password(keyring_service(url), url.username)
    except Exception:  # PasswordDeleteError when none was kept; a missing keyring alike
        return False
    return True


def with_stored_password(url: URL) -> URL:
    """Return ``url`` with the keyring's password when it has none of its own."""
    if url.password is not None or not url.username:
        return url
    password = stored_password(url)
    return url if password is None else url.set(password=password)
