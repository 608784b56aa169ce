"""Change notices from the newsroom server: one LISTEN connection on a background thread."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

# The channel the triggers of migration 0002 notify, with {"kind", "article", "op"}.
CHANNEL = "newsroom_changes"
# How long one wait for notices lasts: the longest a close() waits for the thread to stop.
WAIT_S = 0.5
RETRY_S = 0.2
MAX_RETRY_S = 5.0
KEEPALIVE = (
    ("TCP_KEEPIDLE", 10),
    ("TCP_KEEPINTVL", 5),
    ("TCP_KEEPCNT", 3),
    ("TCP_USER_TIMEOUT", 30_000),
)
# Past this many waiting notices the watcher asks the store what changed instead.
MAX_PENDING = 2000


@dataclass(frozen=True)
class Notice:
    """One row changed on the server: what kind of thing, which article, how."""

    kind: str
    article: str
    op: str


def parse(payload: str) -> Notice | None:
    """Return the notice a trigger sent, or None for a payload that is not one."""
    try:
        data = json.loads(payload)
        return Notice(str(data["kind"]), str(data["article"]), str(data["op"]))
    except (ValueError, KeyError, TypeError):
        return None


def _keep_alive(conn: Any) -> None:
    """Let the system notice a silently dead link (a cable, a laptop lid) in half a minute.

    A listener only reads, so without keepalives it would wait on a dead connection forever.
    """
    if conn.info.host.startswith("/"):
        return  # a Unix socket does not go silent
    with socket.fromfd(conn.pgconn.socket, socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for name, value in KEEPALIVE:
            option = getattr(socket, name, None)
            if option is not None:
                sock.setsockopt(socket.IPPROTO_TCP, option, value)


class NoticeListener:
    """Listens on the server's change channel, reconnecting whenever the connection drops.

    It connects through the store's engine (the same address, password and TLS) but keeps
    its connection out of the pool, in autocommit. After each (re)connection ``take`` says
    ``resync``: notices sent while no one listened are lost, so the caller asks the store.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._pending: list[Notice] = []
        self._overflow = False
        self._resync = False
        self._stop = threading.Event()
        self.listening = threading.Event()
        self.connections = 0  # how many times it connected (a reconnection counts)
        self.backend_pid = 0  # the server process of the current connection
        self._thread = threading.Thread(target=self._run, name="newsroom-notices", daemon=True)
        self._thread.start()

    def take(self) -> tuple[list[Notice], bool]:
        """Return the notices that arrived since the last call, and whether to ask afresh."""
        with self._lock:
            notices, self._pending = self._pending, []
            resync = self._resync or self._overflow
            self._resync = self._overflow = False
        return notices, resync

    def pending(self) -> bool:
        """Tell whether anything waits to be taken (cheap: no query)."""
        with self._lock:
            return bool(self._pending) or self._resync or self._overflow

    def _connect(self) -> Any:
        raw = self.engine.raw_connection()
        conn = raw.driver_connection
        assert conn is not None
        raw.detach()  # ours alone: never handed back to the pool, closed by us
        conn.rollback()
        conn.autocommit = True
        return conn

    def _run(self) -> None:
        import psycopg  # noqa: PLC0415 - lazy, for start-up time

        delay = RETRY_S
        while not self._stop.is_set():
            conn = None
            try:
                conn = self._connect()
                _keep_alive(conn)
                conn.execute(f"LISTEN {CHANNEL}")
                with self._lock:
                    self._resync = True
                self.backend_pid = int(conn.info.backend_pid)
                self.connections += 1
                self.listening.set()
                delay = RETRY_S
                self._listen(conn)
            except (SQLAlchemyError, OSError, psycopg.Error):
                self.listening.clear()
                self._stop.wait(delay)
                delay = min(delay * 2, MAX_RETRY_S)
            except Exception:  # a dead listener would leave the window blind for good
                log.exception("The change listener failed; it starts again")
                self.listening.clear()
                self._stop.wait(delay)
                delay = min(delay * 2, MAX_RETRY_S)
            finally:
                if conn is not None:
                    with contextlib.suppress(Exception):
                        conn.close()

    def _listen(self, conn: Any) -> None:
        while not self._stop.is_set():
            for item in conn.notifies(timeout=WAIT_S):
                notice = parse(item.payload)
                if notice is not None:
                    self._add(notice)

    def _add(self, notice: Notice) -> None:
        with self._lock:
            if len(self._pending) >= MAX_PENDING:
                self._overflow = True
                self._pending.clear()
            elif not self._overflow:
                self._pending.append(notice)

    def close(self) -> None:
        """Stop listening and let go of the connection."""
        self._stop.set()
        self._thread.join(timeout=WAIT_S * 4)
