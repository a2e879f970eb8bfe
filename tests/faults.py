"""A fault-injecting HTTP proxy in front of a real CalDAV server, for the reliability tests.

Each request is forwarded to the server unless ``fault(method, path, body)`` returns a status code, which is
answered instead (a 400 for one event's PUT, a 503 for everything, ...), or ``mode`` names a network fault:

- ``refused``: nothing listens on the port (``pause()``; ``heal()`` listens again on the same port);
- ``reset``: the connection is reset before the request reaches the server;
- ``hang``: the request never reaches the server and no answer comes;
- ``stall``: the server does the request; half of its answer comes, then nothing;
- ``drip``: the server does the request; its answer comes one byte every 50 ms;
- ``lost_answer``: the server does a write (PUT, DELETE, ...) and the answer is lost (connection reset): the
  nastiest case, since the client cannot tell whether the change was made.

Plain sockets and http.client: no CalDAV mock, the server behind it is real.
"""

from __future__ import annotations

import http.client
import http.server
import socket
import struct
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

Fault = Callable[[str, str, bytes], "int | None"]
MODES = (None, "refused", "reset", "hang", "stall", "drip", "lost_answer")
WRITES = {"PUT", "DELETE", "MOVE", "COPY", "PROPPATCH", "MKCALENDAR", "MKCOL"}


class FaultProxy:
    def __init__(self, target_url: str, fault: Fault | None = None) -> None:
        self.target = urlsplit(target_url)
        self.fault: Fault = fault or (lambda method, path, body: None)
        self.mode: str | None = None
        self.log: list[tuple[str, str, int]] = []
        self.healed = threading.Event()
        self._port = 0
        self._start()

    def _start(self) -> None:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _reset(self) -> None:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()
                self.wfile = _Sink()  # the handler's own finish() writes nothing more

            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                mode = proxy.mode
                if mode == "reset":
                    proxy.log.append((self.command, self.path, -1))
                    return self._reset()
                if mode == "hang":
                    proxy.healed.wait(60)
                    return self._reset()
                status = proxy.fault(self.command, self.path, body)
                if status is not None:
                    self.send_response(status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    proxy.log.append((self.command, self.path, status))
                    return
                conn = http.client.HTTPConnection(proxy.target.hostname, proxy.target.port, timeout=10)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                conn.request(self.command, self.path, body=body or None, headers=headers)
                answer = conn.getresponse()
                data = answer.read()
                conn.close()
                proxy.log.append((self.command, self.path, answer.status))
                if mode == "lost_answer" and self.command in WRITES:
                    return self._reset()
                head = [f"HTTP/1.1 {answer.status} {answer.reason}\r\n".encode()]
                for key, value in answer.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        head.append(f"{key}: {value}\r\n".encode("latin-1"))
                head.append(f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n".encode())
                raw = b"".join(head) + data
                self.close_connection = True
                if mode == "stall":
                    self.wfile.write(raw[: len(raw) // 2])
                    self.wfile.flush()
                    proxy.healed.wait(60)
                    return self._reset()
                if mode == "drip":
                    for i in range(len(raw)):
                        if proxy.healed.is_set():
                            return self._reset()
                        self.wfile.write(raw[i : i + 1])
                        self.wfile.flush()
                        time.sleep(0.05)
                    return
                self.wfile.write(raw)

            do_GET = do_PUT = do_DELETE = do_POST = do_PROPFIND = do_REPORT = do_MKCALENDAR = do_OPTIONS = _any
            do_HEAD = do_PROPPATCH = do_MOVE = do_COPY = _any

            def log_message(self, *args: object) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a reset the proxy made on purpose, or a client that gave up

        self.server = Server(("127.0.0.1", self._port), Handler)
        self._port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self._port}{self.target.path or '/'}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def set(self, mode: str | None) -> None:
        """Inject a network fault from now on (None: forward everything)."""
        assert mode in MODES, mode
        self.healed.clear()
        if mode == "refused":
            self.pause()
        self.mode = mode

    def pause(self) -> None:
        """Stop listening: connections to the port are refused."""
        self.server.shutdown()
        self.server.server_close()
        self.thread = None  # type: ignore[assignment]

    def heal(self) -> None:
        """Forward everything again (listening again if paused); stalled and hanging requests end."""
        self.mode = None
        self.healed.set()
        if self.thread is None:
            self._start()
            self.thread.start()

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.healed.set()
        if self.thread is not None:
            self.server.shutdown()
            self.server.server_close()


class _Sink:
    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass
