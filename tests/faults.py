"""A fault-injecting HTTP proxy in front of a real CalDAV server, for the reliability tests.

Each request is forwarded to the server unless ``fault(method, path, body)`` returns a status code, which is
answered instead (a 400 for one event's PUT, a 503 for everything, ...). Plain sockets and http.client: no
CalDAV mock, the server behind it is real.
"""

from __future__ import annotations

import http.client
import http.server
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

Fault = Callable[[str, str, bytes], "int | None"]


class FaultProxy:
    def __init__(self, target_url: str, fault: Fault | None = None) -> None:
        self.target = urlsplit(target_url)
        self.fault: Fault = fault or (lambda method, path, body: None)
        self.log: list[tuple[str, str, int]] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
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
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                proxy.log.append((self.command, self.path, answer.status))
                conn.close()

            do_GET = do_PUT = do_DELETE = do_POST = do_PROPFIND = do_REPORT = do_MKCALENDAR = do_OPTIONS = _any
            do_HEAD = do_PROPPATCH = do_MOVE = do_COPY = _any

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{self.target.path or '/'}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
