"""Every test gets its own data, cache and config folders; nothing touches the user's."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Qt reads the platform when the QApplication is made, which may be before any fixture runs.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from newsroom_desktop.core.documents import Actor
from tests import pg
from tests.pg import PgServer

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SAMPLE_TEXT = ROOT / "resources" / "samples" / "sample-article.txt"
REPORTER = Actor("Ngọc Hậu", "reporter")
EDITOR = Actor("Phương Nam", "editor")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("NEWSROOM_STORE", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return home


@pytest.fixture(autouse=True)
def live_store_files_left_to_sqlite(request: pytest.FixtureRequest):
    """Fail any test in which code opened, removed or moved a store file this process holds.

    Closing any descriptor of the live store drops the process's SQLite locks (see
    ``core.live_files``); the guard refuses such calls and records them. A test that makes one
    on purpose takes the ``live_store_incidents`` fixture and checks them itself.
    """
    from newsroom_desktop.core import live_files

    live_files.clear_incidents()
    yield
    found = live_files.incidents()
    live_files.clear_incidents()
    if "live_store_incidents" not in request.fixturenames:
        assert not found, "plain file calls on a live store:\n" + "\n".join(found)


@pytest.fixture
def live_store_incidents() -> list[str]:
    """Let a test make plain file calls on a live store on purpose; it checks the record."""
    from newsroom_desktop.core import live_files

    return live_files.incidents


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "newsroom.sqlite"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "backends(*names): run the tests taking `backend` on these store backends"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a test once per backend its module names with ``pytest.mark.backends``."""
    if "backend" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("backends")
    names = marker.args if marker else ("sqlite",)
    if names != ("sqlite",):
        metafunc.parametrize("backend", names, indirect=True)


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    """The store backend a test runs on: "sqlite" (a file) or "postgresql" (the test server)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throw-away PostgreSQL server for the whole run (fails, never skips, without binaries)."""
    server = pg.start_server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """The migrated database each test's database is copied from (one migration per run)."""
    return pg.make_template(pg_server)


@pytest.fixture
def pg_database(pg_server: PgServer, pg_template: str) -> Iterator[str]:
    """The URL of a fresh, prepared newsroom database on the test server, dropped after."""
    with pg.database(pg_server, pg_template) as url:
        yield url


@pytest.fixture
def store_location(backend: str, store_path: Path, request: pytest.FixtureRequest) -> str | Path:
    """Where the test's store is: a file, or a fresh database on the test server."""
    if backend == "postgresql":
        return str(request.getfixturevalue("pg_database"))
    return store_path


@pytest.fixture
def server_person(pg_database: str) -> Callable[[str, str], str]:
    """Make a person with their own login in the test's server database; return its URL."""
    return lambda name, role: pg.person_url(pg_database, name, role)


@pytest.fixture
def newsroom(store_location: str | Path):
    from newsroom_desktop.core.newsroom import Newsroom

    if isinstance(store_location, str):  # the test server: each person signs in as themself
        desks = pg.ServerDesks(store_location)
        desks.act_as(REPORTER)
        yield desks
        desks.close()
        return
    nr = Newsroom.open(store_location, actor=REPORTER)
    yield nr
    nr.close()


@pytest.fixture
def keyring_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A real Secret Service (GNOME Keyring on a private bus) as this test's system keyring."""
    import keyring
    from keyring.backends import SecretService

    from tests.secret_service import secret_service

    with secret_service() as env:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        before = keyring.get_keyring()
        keyring.set_keyring(SecretService.Keyring())
        try:
            yield env
        finally:
            keyring.set_keyring(before)
