"""A private Secret Service for the tests: a session D-Bus with GNOME Keyring, unlocked.

The password tests store and read passwords through the real ``keyring`` library and a real
Secret Service daemon (the one Linux desktops run), on a private bus in a temporary home, so
the person's own keyring is never touched. Missing daemons FAIL the tests that need them,
naming the set-up step (packaging/system-deps.sh installs gnome-keyring and dbus).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SECRETS_NAME = "org.freedesktop.secrets"
MISSING = (
    "dbus-daemon and gnome-keyring-daemon were not found: run `make test`, which installs "
    "Debian's `dbus` and `gnome-keyring` through packaging/system-deps.sh (as root)."
)


@contextmanager
def secret_service() -> Iterator[dict[str, str]]:
    """Run a session bus with an unlocked GNOME Keyring; yield the environment to reach it."""
    dbus, gkd = shutil.which("dbus-daemon"), shutil.which("gnome-keyring-daemon")
    if not dbus or not gkd:
        pytest.fail(MISSING, pytrace=False)
    home = Path(tempfile.mkdtemp(prefix="newsroom-keyring-"))
    bus = subprocess.run(
        [dbus, "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True,
        text=True,
        check=True,
    )
    address, pid = bus.stdout.split()[:2]
    env = {"DBUS_SESSION_BUS_ADDRESS": address}  # all a client needs to find the keyring
    (home / "run").mkdir(mode=0o700)
    # The daemon keeps its keyring files in its own temporary home.
    daemon_env = {
        **os.environ,
        **env,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "run"),
    }
    # In the foreground, so that this process holds it and ends it; --unlock reads the login
    # keyring's password on stdin and makes the keyring, unlocked.
    daemon = subprocess.Popen(
        [gkd, "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=daemon_env,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"newsroom-test")
    daemon.stdin.close()
    try:
        _wait_for_login_keyring(address)
        yield env
    finally:
        daemon.terminate()
        daemon.wait(10)
        os.kill(int(pid), signal.SIGTERM)
        shutil.rmtree(home, ignore_errors=True)


def _wait_for_login_keyring(address: str, seconds: float = 10.0) -> None:
    """Wait until our daemon serves the Secret Service with its unlocked login keyring.

    Nothing may ask the Secret Service before our daemon owns its bus name: D-Bus would start
    another, locked, keyring daemon for that question, and ours would give up the name.
    """
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection
    from secretstorage import exceptions, get_default_collection

    deadline = time.monotonic() + seconds
    with open_dbus_connection(address) as connection:
        while True:
            owned = connection.send_and_get_reply(message_bus.NameHasOwner(SECRETS_NAME))
            if owned.body[0]:
                try:
                    if not get_default_collection(connection).is_locked():
                        return
                except exceptions.SecretStorageException:
                    pass
            if time.monotonic() > deadline:
                raise RuntimeError("GNOME Keyring did not make its login keyring in time")
            time.sleep(0.05)
