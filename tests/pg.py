"""A throw-away PostgreSQL server for the test run: initdb + pg_ctl in a temp folder, TLS, SCRAM.

The server listens on 127.0.0.1 only, on a free port, with its unix sockets in the temp folder.
Host connections must authenticate with SCRAM-SHA-256; TLS uses a CA and server certificate
made at start with the ``openssl`` command (no Python dependency for it). As root (CI) the
binaries run as the ``postgres`` user, since initdb refuses root. Missing binaries FAIL the
tests that need the server, naming the set-up step, instead of skipping them.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from newsroom_desktop.core.documents import Actor

SUPERUSER = "newsroom_test"
TEMPLATE_DB = "newsroom_template"
MISSING = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found: run `make test`, which installs "
    "Debian's `postgresql` package through packaging/system-deps.sh (as root), or install it."
)


def find_bindir() -> Path:
    """Return the folder of initdb and pg_ctl: pg_config's, else the newest Debian one."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0:
            candidates.append(Path(out.stdout.strip()))
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(versions, key=_version_key, reverse=True)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    pytest.fail(MISSING, pytrace=False)


def _version_key(path: Path) -> float:
    try:
        return float(path.parent.name)
    except ValueError:
        return 0.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgServer:
    """A running throw-away server and how to reach it."""

    bindir: Path
    folder: Path
    port: int
    password: str
    ca_file: Path
    run_as: list[str]
    running: bool = False

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(
        self,
        database: str = "postgres",
        *,
        user: str = SUPERUSER,
        password: str | None = None,
        driver: str = "postgresql+psycopg",
    ) -> URL:
        """Return the URL of ``database`` on this server (TLS checked against the test CA)."""
        return URL.create(
            driver,
            username=user,
            password=self.password if password is None else password,
            host="127.0.0.1",
            port=self.port,
            database=database,
            query={"sslmode": "verify-full", "sslrootcert": str(self.ca_file)},
        )

    def _run(self, *args: str) -> None:
        cmd = [*self.run_as, str(self.bindir / args[0]), *args[1:]]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd="/")
        if out.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {out.stdout}\n{out.stderr}")

    def start(self) -> None:
        pwfile = self.folder / "pwfile"
        pwfile.write_text(self.password + "\n")
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-host=scram-sha-256",
            "--auth-local=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        pwfile.unlink()
        conf = self.data / "postgresql.conf"
        with conf.open("a") as handle:
            handle.write(
                "listen_addresses = '127.0.0.1'\n"
                f"port = {self.port}\n"
                f"unix_socket_directories = '{self.folder}'\n"
                "password_encryption = 'scram-sha-256'\n"
                "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "max_connections = 200\n"
            )
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhostssl all all 127.0.0.1/32 scram-sha-256\n"
            # A plain line too: the window must warn when it is used (sslmode=disable).
            "hostnossl all all 127.0.0.1/32 scram-sha-256\n"
        )
        _make_certificates(self.folder, self.data)
        self._chown(self.data)
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "start")
        self.running = True

    def _chown(self, path: Path) -> None:
        if not self.run_as:
            return
        user = pwd.getpwnam("postgres")
        for item in [path, *path.rglob("*")]:
            os.chown(item, user.pw_uid, user.pw_gid)

    def stop(self) -> None:
        if self.running:
            self.running = False
            with contextlib.suppress(RuntimeError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def _make_certificates(folder: Path, data: Path) -> None:
    """Make a test CA and a server certificate for 127.0.0.1 signed by it (openssl)."""
    ca_key, ca_crt = folder / "ca.key", folder / "ca.crt"
    csr = folder / "server.csr"
    ext = folder / "server.ext"
    ext.write_text("subjectAltName = IP:127.0.0.1, DNS:localhost\n")
    commands = [
        [
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Newsroom test CA",
            "-keyout",
            str(ca_key),
            "-out",
            str(ca_crt),
        ],
        [
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(data / "server.key"),
            "-out",
            str(csr),
        ],
        [
            "x509",
            "-req",
            "-in",
            str(csr),
            "-CA",
            str(ca_crt),
            "-CAkey",
            str(ca_key),
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            str(ext),
            "-out",
            str(data / "server.crt"),
        ],
    ]
    for args in commands:
        subprocess.run(["openssl", *args], capture_output=True, check=True)
    (data / "server.key").chmod(0o600)


def start_server() -> PgServer:
    """Start a server in a new temp folder; it is stopped at exit whatever happens."""
    bindir = find_bindir()
    if shutil.which("openssl") is None:
        pytest.fail(
            "The openssl command is needed to make the test server's TLS certificates: "
            "run `make test` (packaging/system-deps.sh) or install openssl.",
            pytrace=False,
        )
    folder = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        # initdb refuses to run as root: the server runs as the postgres user, which owns it all.
        run_as = ["runuser", "-u", "postgres", "--"]
        folder.chmod(0o755)
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    server = PgServer(
        bindir, folder, _free_port(), secrets.token_urlsafe(16), folder / "ca.crt", run_as
    )
    atexit.register(server.stop)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server


def _admin(server: PgServer, sql: str) -> None:
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def make_template(server: PgServer) -> str:
    """Make the migrated template database every test database is copied from; return its name."""
    from newsroom_desktop.core.server import init_server

    _admin(server, f"CREATE DATABASE {TEMPLATE_DB} TEMPLATE template0")
    init_server(server.url(TEMPLATE_DB).render_as_string(hide_password=False))
    return TEMPLATE_DB


@contextlib.contextmanager
def database(server: PgServer, template: str = "template0") -> Iterator[str]:
    """Yield the URL (with its password) of a new database copied from ``template``; drop it."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    _admin(server, f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        yield server.url(name).render_as_string(hide_password=False)
    finally:
        # FORCE: a test that failed half-way may leave a connection open in its engine's pool.
        _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def person_url(owner_url: str, name: str, role: str) -> str:
    """Give ``name`` their own login with ``role`` in the database at ``owner_url`` (its owner's
    URL) as `newsroom server add-person` does; return the URL that signs in as them."""
    from newsroom_desktop.core.server_people import add_person

    made = add_person(owner_url, name, role)
    url = make_url(owner_url).set(username=made.person.login, password=made.password)
    return url.render_as_string(hide_password=False)


def connect(url: str) -> psycopg.Connection:
    """Open a plain psycopg connection to ``url`` (no app in between), committing each statement."""
    u = make_url(url)
    return psycopg.connect(
        host=u.host,
        port=u.port,
        user=u.username,
        password=u.password,
        dbname=u.database,
        autocommit=True,
        **dict(u.query),
    )


class ServerDesks:
    """The `newsroom` fixture on a server: one desk signed in with each person's own login.

    ``act_as`` switches desks (making the person's login on first use), since on a server the
    acting person is the login; everything else goes to the current desk. ``owner`` is a desk
    signed in as the server's owner, which test set-ups use to put an article in any status.
    """

    def __init__(self, owner_url: str) -> None:
        from newsroom_desktop.core.newsroom import Newsroom
        from newsroom_desktop.core.settings import Settings

        self._open = lambda url: Newsroom.open(url, settings=Settings())
        self.owner_url = owner_url
        self.owner = self._open(owner_url)
        self.urls: dict[str, str] = {}
        self._desks: dict[str, Any] = {}
        self._current = self.owner

    def url_for(self, actor: Actor) -> str:
        """Return the URL of ``actor``'s own login, made (or given their role) on first use."""
        from newsroom_desktop.core.server_people import actor_role, set_role

        if actor.name not in self.urls:
            self.urls[actor.name] = person_url(self.owner_url, actor.name, actor.role)
        elif self._desks.get(actor.name) and self._desks[actor.name].actor != actor:
            set_role(self.owner_url, actor.name, actor.role)
            self._desks.pop(actor.name).close()
        assert actor_role(actor.role) == actor.role
        return self.urls[actor.name]

    def act_as(self, actor: Actor) -> None:
        url = self.url_for(actor)
        if actor.name not in self._desks:
            self._desks[actor.name] = self._open(url)
        self._current = self._desks[actor.name]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._current, name)

    def close(self) -> None:
        for desk in self._desks.values():
            desk.close()
        self.owner.close()
