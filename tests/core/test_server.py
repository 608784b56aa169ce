"""A newsroom server: server URLs, `server init` on empty and other databases, schema checks."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newsroom_desktop.cli import main
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.errors import StoreError
from newsroom_desktop.core.newsroom import Newsroom
from newsroom_desktop.core.paths import resolve_store
from newsroom_desktop.core.server import init_server, server_revision, upgrade_server
from newsroom_desktop.core.store import SCHEMA_HEAD, Store
from tests import pg
from tests.conftest import REPORTER
from tests.pg import PgServer


@pytest.fixture
def empty_database(pg_server: PgServer) -> Iterator[str]:
    with pg.database(pg_server) as url:
        yield url


def _sql(url: str, *statements: str) -> list[object]:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            results = [conn.execute(text(sql)) for sql in statements]
            return [r.all() if r.returns_rows else None for r in results]
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:secret@127.0.0.1:5433/news",
        "postgres://u:secret@127.0.0.1:5433/news",
        "postgresql+psycopg://u:secret@127.0.0.1:5433/news",
    ],
)
def test_a_postgresql_url_is_a_server_store(url: str):
    loc = resolve_store(url)
    assert loc.path is None
    assert loc.url.drivername == "postgresql+psycopg"
    assert loc.url.database == "news"
    assert "secret" not in loc.display  # the password never reaches messages or the title bar


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+asyncpg://u@h/news", "psycopg 3"),
        ("postgresql://u@h", "names no database"),
        ("mysql://u@h/news", "not supported"),
    ],
)
def test_other_server_urls_are_refused(url: str, message: str):
    with pytest.raises(StoreError) as refused:
        resolve_store(url)
    assert message in refused.value.message
    assert refused.value.code == "store_unsupported"


def test_init_prepares_an_empty_database_and_the_app_uses_it(empty_database: str):
    assert server_revision(empty_database) is None
    init_server(empty_database)
    assert server_revision(empty_database) == SCHEMA_HEAD
    # Who ran init is the newsroom's first admin, working as an editor; a server takes the
    # identity from the login, never from the app.
    with pytest.raises(StoreError) as refused:
        Newsroom.open(empty_database, actor=REPORTER)
    assert refused.value.code == "identity_from_server"
    nr = Newsroom.open(empty_database)
    try:
        assert nr.actor == Actor(make_url(empty_database).username or "", "editor")
        doc = nr.articles.create({"headline": "Trên máy chủ", "body": "Đoạn một."})
        assert nr.articles.get(doc.id).headline == "Trên máy chủ"
    finally:
        nr.close()
    assert upgrade_server(empty_database) == SCHEMA_HEAD  # nothing to do at the head


def test_the_connection_is_encrypted_and_checks_the_password(pg_server: PgServer, pg_database):
    rows = _sql(pg_database, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
    assert rows == [[(True,)]]
    wrong = pg_server.url(make_url(pg_database).database or "", password="wrong")
    with pytest.raises(StoreError) as refused:
        Store.open(wrong.render_as_string(hide_password=False))
    assert "password authentication failed" in refused.value.message
    assert "wrong" not in refused.value.message


def test_init_refuses_a_database_holding_anything_else(empty_database: str):
    _sql(empty_database, "CREATE SCHEMA accounts", "CREATE TABLE accounts.ledger (id int)")
    with pytest.raises(StoreError) as refused:
        init_server(empty_database)
    assert refused.value.code == "store_not_empty"
    assert "accounts.ledger" in refused.value.message
    tables = _sql(
        empty_database,
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    )
    assert tables == [[("accounts", "ledger")]]  # left untouched: no alembic_version added


def test_init_refuses_a_newsroom_that_is_already_there(pg_database: str):
    with pytest.raises(StoreError) as refused:
        init_server(pg_database)
    assert refused.value.code == "store_not_empty"


def test_an_unprepared_database_is_refused_on_open(empty_database: str):
    with pytest.raises(StoreError) as refused:
        Newsroom.open(empty_database, actor=REPORTER)
    assert refused.value.code == "store_not_prepared"
    assert "newsroom server init" in refused.value.message
    assert server_revision(empty_database) is None  # opening never builds the schema


def test_a_server_of_a_newer_app_is_refused(pg_database: str, capsys):
    _sql(pg_database, "UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(StoreError) as refused:
        Newsroom.open(pg_database, actor=REPORTER)
    assert refused.value.code == "store_too_new"
    assert "newer version of Newsroom Desktop" in refused.value.message
    with pytest.raises(StoreError):
        upgrade_server(pg_database)  # an older app never "upgrades" a newer server
    assert main(["--store", pg_database, "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer version" in err
    assert server_revision(pg_database) == "0099"


def test_a_server_of_an_unknown_schema_is_refused(pg_database: str):
    _sql(pg_database, "UPDATE alembic_version SET version_num = 'feature-x'")
    with pytest.raises(StoreError) as refused:
        Store.open(pg_database)
    assert refused.value.code == "store_unknown_schema"


def test_server_init_from_the_command_line(empty_database: str, capsys):
    assert main(["server", "init", empty_database]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Newsroom server ready:") and SCHEMA_HEAD in out
    assert "@" in out and make_url(empty_database).password not in out
    assert main(["--store", empty_database, "new", "--headline", "Bài đầu tiên"]) == 0
    capsys.readouterr()
    assert main(["--store", empty_database, "list"]) == 0
    assert "Bài đầu tiên" in capsys.readouterr().out
    assert main(["server", "init", empty_database]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not empty" in err
    assert main(["server", "upgrade", empty_database]) == 0
    assert "nothing to do" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["backups"], "pg_dump and pg_restore"),
        (["restore", "/nonexistent.sqlite", "--yes"], "pg_dump and pg_restore"),
        (["check"], "checked on the server"),
    ],
)
def test_file_maintenance_on_a_server_says_what_to_use(pg_database: str, capsys, command, message):
    assert main(["--store", pg_database, *command]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
    assert make_url(pg_database).password not in err


def test_backup_of_a_server_is_a_pg_dump_archive(pg_server: PgServer, pg_database: str, capsys):
    assert main(["--store", pg_database, "new", "--headline", "Sao lưu máy chủ"]) == 0
    capsys.readouterr()
    assert main(["--store", pg_database, "backup"]) == 0
    archive = Path(capsys.readouterr().out.strip())
    assert archive.suffix == ".dump" and archive.read_bytes().startswith(b"PGDMP")
    listing = subprocess.run(
        [str(pg_server.bindir / "pg_restore"), "--list", str(archive)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "TABLE DATA public articles" in listing.stdout
    assert not list(archive.parent.glob(".*.part"))
