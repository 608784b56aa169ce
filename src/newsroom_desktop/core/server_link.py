"""What the window shows of its link to a newsroom server: where, who, and how safe the line is."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from newsroom_desktop.core.server_records import ServerLink

# libpq checks the server's certificate against a CA only in these modes.
VERIFYING_MODES = frozenset({"verify-full", "verify-ca"})


def read_server_link(engine: Engine, url: URL) -> ServerLink | None:
    """Return how the store's engine reaches its server; None for a store file."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
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
