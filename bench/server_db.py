"""A throw-away PostgreSQL server and a prepared newsroom database for the server benches."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.pg starts the same throw-away server the tests use

from tests import pg

from newsroom_desktop.core.server import init_server


@contextlib.contextmanager
def newsroom_database(url: str | None = None) -> Iterator[str]:
    """Yield the URL of a prepared, empty newsroom database (on a throw-away server if no URL)."""
    if url is not None:
        init_server(url)
        yield url
        return
    server = pg.start_server()
    try:
        with pg.database(server) as fresh:
            init_server(fresh)
            yield fresh
    finally:
        server.stop()
