"""A loopback TCP proxy for fault tests: cut, stall or randomly drop the network to a server.

One background thread runs a selector over every socket; the controls (``cut``, ``stall``,
``drop_after``, ``restore``) are thread-safe and return once that thread has applied them, so
they hold on connections already open as well as on new ones. The proxy is byte-transparent:
TLS passes through, and the certificate still names the target (127.0.0.1).
"""

from __future__ import annotations

import contextlib
import random
import selectors
import socket
import struct
import threading

CHUNK = 65536


def _reset(sock: socket.socket) -> None:
    """Close ``sock`` abruptly: SO_LINGER 0 makes the close send an RST, not a FIN."""
    with contextlib.suppress(OSError):  # already dead: a plain close will do
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class _Pipe:
    """One proxied connection: the client's socket, the server's, and bytes waiting for each."""

    def __init__(self, client: socket.socket, server: socket.socket) -> None:
        self.peer = {client: server, server: client}
        self.waiting: dict[socket.socket, bytearray] = {client: bytearray(), server: bytearray()}
        self.budget: int | None = None  # bytes left before a drop_after cut


class FaultProxy:
    """Forward 127.0.0.1:``port`` to ``target_host``:``target_port``, with faults on demand."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._lock = threading.Condition()
        self._mode = "normal"  # normal, stall, cut or drop
        self._rng = random.Random()
        self._drop_max = 0
        self._asked = self._applied = 0  # control generations: asked for, applied by the thread
        self._closing = self._closed = False
        # Written by the proxy's thread only: connections forwarded (refused ones not counted)
        # and bytes delivered, both directions together.
        self.connections = self.bytes_forwarded = 0
        self._pipes: dict[socket.socket, _Pipe] = {}
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._sel = selectors.DefaultSelector()
        self._sel.register(self._listener, selectors.EVENT_READ)
        self._sel.register(self._wake_r, selectors.EVENT_READ)
        self._thread = threading.Thread(target=self._run, name="FaultProxy", daemon=True)
        self._thread.start()

    def cut(self) -> None:
        """Reset every open connection and refuse (accept, then reset) new ones until restore."""
        self._control("cut")

    def stall(self) -> None:
        """Stop forwarding: connections stay open (new ones too) and their bytes wait."""
        self._control("stall")

    def drop_after(self, n_bytes: int, seed: int | None = None) -> None:
        """Forward, but reset each connection after a random 1..``n_bytes`` bytes of it."""
        self._control("drop", n_bytes, seed)

    def restore(self) -> None:
        """Forward normally again (bytes held by a stall go through)."""
        self._control("normal")

    def close(self) -> None:
        """Close every socket and join the thread."""
        with self._lock:
            self._closing = True
        self._wake()
        self._thread.join()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _control(self, mode: str, n_bytes: int = 0, seed: int | None = None) -> None:
        with self._lock:
            self._mode, self._drop_max = mode, n_bytes
            if mode == "drop":
                self._rng = random.Random(seed)
            self._asked += 1
            wanted = self._asked
        self._wake()
        with self._lock:
            self._lock.wait_for(lambda: self._applied >= wanted or self._closed)

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # a wake-up byte already waits, or we are closed
            self._wake_w.send(b"x")

    def _run(self) -> None:
        try:
            while not self._closing:
                for key, _ in self._sel.select():
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    if sock is self._wake_r:
                        self._wake_r.recv(CHUNK)  # any byte left over only wakes us once more
                    elif sock is self._listener:
                        self._accept()
                    elif sock in self._pipes:
                        self._serve(sock, key.events)
                self._apply()
        finally:
            for pipe in self._open_pipes():
                self._drop(pipe, abrupt=False)
            self._sel.close()
            for sock in (self._listener, self._wake_r, self._wake_w):
                sock.close()
            with self._lock:
                self._closed = True
                self._lock.notify_all()

    def _apply(self) -> None:
        with self._lock:
            if self._applied == self._asked:
                return
            mode, self._applied = self._mode, self._asked
            for pipe in self._open_pipes():
                if mode == "cut":
                    self._drop(pipe, abrupt=True)
                else:
                    pipe.budget = self._budget(pipe.budget)
                    self._watch(pipe)
            self._lock.notify_all()

    def _open_pipes(self) -> list[_Pipe]:
        return list({id(pipe): pipe for pipe in self._pipes.values()}.values())

    def _budget(self, budget: int | None) -> int | None:
        if self._mode != "drop":
            return None
        return budget if budget is not None else self._rng.randint(1, self._drop_max)

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        if self._mode == "cut":
            _reset(client)
            return
        try:
            server = socket.create_connection(self.target, timeout=5)
        except OSError:
            _reset(client)
            return
        pipe = _Pipe(client, server)
        self.connections += 1
        with self._lock:
            pipe.budget = self._budget(None)
        for sock in (client, server):
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._pipes[sock] = pipe
        self._watch(pipe)

    def _watch(self, pipe: _Pipe) -> None:
        """Listen for what each socket of ``pipe`` may do now: nothing at all while stalled."""
        for sock, peer in pipe.peer.items():
            events = 0
            if self._mode != "stall":
                events = selectors.EVENT_WRITE if pipe.waiting[sock] else 0
                events |= selectors.EVENT_READ if not pipe.waiting[peer] else 0
            registered = self._sel.get_map().get(sock)
            if registered and not events:
                self._sel.unregister(sock)
            elif registered and registered.events != events:
                self._sel.modify(sock, events)
            elif not registered and events:
                self._sel.register(sock, events)

    def _serve(self, sock: socket.socket, events: int) -> None:
        pipe = self._pipes[sock]
        try:
            if events & selectors.EVENT_READ:
                data = sock.recv(CHUNK)
                if not data:  # an orderly close (nothing waits for the peer: we read no more)
                    self._drop(pipe, abrupt=False)
                    return
                self._send(pipe, pipe.peer[sock], data)
            if events & selectors.EVENT_WRITE and sock in self._pipes:
                self._send(pipe, sock, b"")
        except OSError:
            self._drop(pipe, abrupt=True)
            return
        if sock in self._pipes:
            self._watch(pipe)

    def _send(self, pipe: _Pipe, sock: socket.socket, data: bytes) -> None:
        """Send what waits for ``sock`` and then ``data``, as far as it goes without blocking."""
        waiting = pipe.waiting[sock]
        waiting += data
        over = pipe.budget is not None and len(waiting) >= pipe.budget
        if pipe.budget is not None:
            del waiting[pipe.budget :]
        try:
            sent = sock.send(waiting) if waiting else 0
        except BlockingIOError:
            sent = 0
        del waiting[:sent]
        self.bytes_forwarded += sent
        if pipe.budget is not None:
            pipe.budget -= sent
            if over and not waiting:
                self._drop(pipe, abrupt=True)

    def _drop(self, pipe: _Pipe, *, abrupt: bool) -> None:
        for sock in pipe.peer:
            if self._pipes.pop(sock, None) is None:
                continue  # dropped already
            if sock in self._sel.get_map():
                self._sel.unregister(sock)
            if abrupt:
                _reset(sock)
            else:
                sock.close()
