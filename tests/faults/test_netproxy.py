"""The fault proxy cuts, stalls and randomly drops real (TLS) connections to the test server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import psycopg
import pytest

from tests import pg
from tests.netproxy import FaultProxy
from tests.pg import PgServer

QUICK_S = 5.0


@pytest.fixture
def proxy(pg_server: PgServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", pg_server.port) as proxy:
        yield proxy


def _through(server: PgServer, proxy: FaultProxy, connect_timeout: int = 5) -> str:
    """The server's own URL (TLS checked against the test CA), through the proxy's port."""
    url = server.url().set(port=proxy.port)
    url = url.update_query_dict({"connect_timeout": str(connect_timeout)})
    return url.render_as_string(hide_password=False)


@pytest.fixture
def proxied_url(pg_server: PgServer, proxy: FaultProxy) -> str:
    return _through(pg_server, proxy)


def _ask(conn: psycopg.Connection, sql: str = "SELECT 1") -> object:
    row = conn.execute(sql).fetchone()
    assert row is not None
    return row[0]


def _session(url: str) -> None:
    """Sign in, ask a few things (some answers of a few kilobytes), sign out."""
    with pg.connect(url) as conn:
        for n in (1, 1000, 5000):
            assert _ask(conn, f"SELECT repeat('x', {n})") == "x" * n


def test_forwards_a_tls_session(proxy: FaultProxy, proxied_url: str) -> None:
    with pg.connect(proxied_url) as conn:
        assert _ask(conn, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") is True
        assert _ask(conn, "SELECT inet_server_port()") != proxy.port  # the server's own port
    assert proxy.connections == 1
    assert proxy.bytes_forwarded > 1000  # the TLS handshake and SCRAM at least


def test_cut_breaks_live_connections_and_refuses_new_ones(
    proxy: FaultProxy, proxied_url: str
) -> None:
    with pg.connect(proxied_url) as conn:
        assert _ask(conn) == 1
        proxy.cut()
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError):
            _ask(conn)
        assert time.monotonic() - started < QUICK_S
    started = time.monotonic()
    with pytest.raises(psycopg.OperationalError):
        pg.connect(proxied_url)
    assert time.monotonic() - started < QUICK_S
    assert proxy.connections == 1  # the refused one was never forwarded

    proxy.restore()
    with pg.connect(proxied_url) as conn:
        assert _ask(conn) == 1
    assert proxy.connections == 2


def test_stall_holds_a_query_until_restore(proxy: FaultProxy, proxied_url: str) -> None:
    answers: list[object] = []
    with pg.connect(proxied_url) as conn:
        assert _ask(conn) == 1
        proxy.stall()
        asker = threading.Thread(target=lambda: answers.append(_ask(conn, "SELECT 42")))
        try:
            asker.start()
            asker.join(1.0)
            assert asker.is_alive(), "the query went through a stalled proxy"
            assert answers == []
        finally:
            proxy.restore()
            asker.join(QUICK_S)
        assert not asker.is_alive(), "the query did not finish after restore()"
        assert answers == [42]


def test_stall_holds_new_connections_until_restore(
    pg_server: PgServer, proxy: FaultProxy, proxied_url: str
) -> None:
    proxy.stall()
    started = time.monotonic()
    with pytest.raises(psycopg.OperationalError):
        pg.connect(_through(pg_server, proxy, connect_timeout=2))  # libpq's shortest
    assert time.monotonic() - started >= 1.5  # held, not refused: it ran out of time
    assert proxy.connections == 1
    proxy.restore()
    _session(proxied_url)


def test_drop_after_cuts_connections_at_varying_points(proxy: FaultProxy, proxied_url: str) -> None:
    before = proxy.bytes_forwarded
    _session(proxied_url)
    whole = proxy.bytes_forwarded - before

    proxy.drop_after(whole * 2, seed=7)  # about half the sessions end before they are done
    failed_at: list[int] = []
    for _ in range(20):
        before = proxy.bytes_forwarded
        started = time.monotonic()
        try:
            _session(proxied_url)
        except psycopg.OperationalError:
            failed_at.append(proxy.bytes_forwarded - before)
        assert time.monotonic() - started < QUICK_S
    assert 3 <= len(failed_at) < 20, failed_at
    assert len(set(failed_at)) > 1, failed_at  # cut at different points, not one fixed place
    assert min(failed_at) < whole / 2 < max(failed_at)  # some in sign-in, some in the queries

    proxy.restore()
    for _ in range(3):
        _session(proxied_url)
    assert proxy.connections == 24
