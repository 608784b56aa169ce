"""A newsroom server's address as a person types it, and how a desk reaches it: plain records."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

# The SQLAlchemy driver name of a server store (core/paths.py POSTGRES_DRIVER).
SCHEME = "postgresql+psycopg"
# A desk asks its server; a server that does not answer in this time is reported, not awaited.
CONNECT_TIMEOUT_S = 10


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


@dataclass(frozen=True)
class ServerAddress:
    """What a person types to reach a newsroom server; the password is not part of it."""

    host: str
    database: str
    login: str
    port: int = 5432
    ca_file: str = ""  # the newsroom's CA certificate: with it the server must prove who it is

    @property
    def text(self) -> str:
        """Return the server URL without a password (verify-full with a CA file), as kept."""
        query = {"connect_timeout": str(CONNECT_TIMEOUT_S)}
        if self.ca_file:
            query |= {"sslmode": "verify-full", "sslrootcert": self.ca_file}
        login = f"{quote(self.login, safe='')}@" if self.login else ""
        return (
            f"{SCHEME}://{login}{self.host}:{self.port}/{quote(self.database, safe='')}"
            f"?{urlencode(query)}"
        )

    def with_password(self, password: str) -> str:
        """Return the server URL with ``password`` in it (to join a desk; never kept so)."""
        parts = urlsplit(self.text)
        login = quote(self.login, safe="")
        netloc = f"{login}:{quote(password, safe='')}@{parts.netloc.partition('@')[2]}"
        return parts._replace(netloc=netloc).geturl()

    @classmethod
    def from_text(cls, raw: str) -> ServerAddress | None:
        """Return the address a kept URL names; None if it is not a server URL."""
        try:
            parts = urlsplit(raw)
            port = parts.port or 5432
        except ValueError:
            return None
        if not parts.scheme.startswith("postgres"):
            return None
        query = parse_qs(parts.query)
        return cls(
            host=parts.hostname or "",
            database=unquote(parts.path.lstrip("/")),
            login=unquote(parts.username or ""),
            port=port,
            ca_file=query.get("sslrootcert", [""])[0],
        )
