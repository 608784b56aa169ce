"""What the window shows of its link to a newsroom server: where, who, and how safe the line is."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from newsroom_desktop.core.paths import POSTGRES_DRIVER
from newsroom_desktop.core.store import Store

# A desk asks its server; a server that does not answer in this time is reported, not awaited.
CONNECT_TIMEOUT_S = 10

# libpq checks the server's certificate against a CA only in these modes.
VERIFYING_MODES = frozenset({"verify-full", "verify-ca"})


@dataclass(frozen=True)
class ServerLink:
    """The connection of an open server store, as the status bar names it."""

    server: str  # host:port/database, never the password
    login: str
    encrypted: bool
    verified: bool  # the server proved who it is (a CA file and sslmode verify-full)
    local: bool  # through a unix socket on this machine: nothing crosses a network

    @property
    def exposed(self) -> bool:
        """Tell whether passwords and articles cross a network in the clear."""
        return not self.encrypted and not self.local


def server_link(store: Store) -> ServerLink | None:
    """Return how the store reaches its server; None for a store file."""
    url = store.location.url
    if store.engine.dialect.name != "postgresql":
        return None
    with store.engine.connect() as conn:
        row = conn.execute(
            text("SELECT ssl, current_user FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        ).one()
    mode = str(url.query.get("sslmode", "prefer"))
    host = url.host or str(url.query.get("host", ""))
    return ServerLink(
        server=f"{host or 'localhost'}:{url.port or 5432}/{url.database}",
        login=str(row[1]),
        encrypted=bool(row[0]),
        verified=bool(row[0]) and mode in VERIFYING_MODES,
        local=not host or host.startswith("/"),
    )


@dataclass(frozen=True)
class ServerAddress:
    """What a person types to reach a newsroom server; the password is not part of it."""

    host: str
    database: str
    login: str
    port: int = 5432
    ca_file: str = ""  # the newsroom's CA certificate: with it the server must prove who it is

    def url(self, password: str | None = None) -> URL:
        """Return the server URL (verify-full with a CA file; never waits long for a reply)."""
        query = {"connect_timeout": str(CONNECT_TIMEOUT_S)}
        if self.ca_file:
            query |= {"sslmode": "verify-full", "sslrootcert": self.ca_file}
        return URL.create(
            POSTGRES_DRIVER,
            username=self.login or None,
            password=password or None,
            host=self.host or None,
            port=self.port,
            database=self.database,
            query=query,
        )

    @property
    def text(self) -> str:
        """Return the URL as settings keep it: everything but the password."""
        return self.url().render_as_string(hide_password=True)

    @classmethod
    def from_text(cls, raw: str) -> ServerAddress | None:
        """Return the address a kept URL names; None if it is not a server URL."""
        try:
            url = make_url(raw)
        except ArgumentError:
            return None
        if not url.drivername.startswith("postgres"):
            return None
        return cls(
            host=url.host or "",
            database=url.database or "",
            login=url.username or "",
            port=url.port or 5432,
            ca_file=str(url.query.get("sslrootcert", "")),
        )
