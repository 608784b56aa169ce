"""Server passwords live in the system keyring (a real Secret Service), never in our files."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy.engine import make_url

from newsroom_desktop.core import credentials
from newsroom_desktop.core.errors import StoreError

URL = make_url("postgresql+psycopg://ngoc_hau@db.toasoan.vn:5433/toasoan")
READ_BACK = "import keyring, sys; print(keyring.get_password(sys.argv[1], sys.argv[2]) or '<none>')"


def read_in_another_process(env: dict[str, str], service: str, login: str) -> str:
    """Ask the keyring from a fresh process: what a later start of the app would find."""
    out = subprocess.run(
        [sys.executable, "-c", READ_BACK, service, login],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return out.stdout.strip()


def test_a_kept_password_is_in_the_keyring_for_the_next_start(keyring_env):
    credentials.remember_password(URL, "mật-khẩu đúng")
    service = credentials.keyring_service(URL)
    assert service == "Newsroom Desktop db.toasoan.vn:5433/toasoan"
    assert read_in_another_process(keyring_env, service, "ngoc_hau") == "mật-khẩu đúng"
    assert credentials.with_stored_password(URL).password == "mật-khẩu đúng"
    # A URL's own password wins: scripts that give one are not overridden by the keyring.
    given = URL.set(password="từ-url")
    assert credentials.with_stored_password(given).password == "từ-url"


def test_forgetting_removes_it(keyring_env):
    credentials.remember_password(URL, "x1")
    assert credentials.forget_password(URL)
    service = credentials.keyring_service(URL)
    assert read_in_another_process(keyring_env, service, "ngoc_hau") == "<none>"
    assert credentials.with_stored_password(URL).password is None
    assert not credentials.forget_password(URL)


def test_each_server_and_login_has_its_own_entry(keyring_env):
    other_db = URL.set(database="toasoan2")
    other_login = URL.set(username="bien_tap")
    credentials.remember_password(URL, "một")
    credentials.remember_password(other_db, "hai")
    credentials.remember_password(other_login, "ba")
    assert [credentials.stored_password(u) for u in (URL, other_db, other_login)] == [
        "một",
        "hai",
        "ba",
    ]


def test_without_a_keyring_the_password_is_not_kept_and_says_so(monkeypatch):
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(StoreError) as caught:
            credentials.remember_password(URL, "x")
        assert caught.value.code == "keyring_unavailable"
        assert "asks for it each time" in caught.value.message
        assert credentials.stored_password(URL) is None  # libpq's .pgpass may still answer
    finally:
        keyring.set_keyring(before)
