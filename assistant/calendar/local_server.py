"""The embedded calendar: Radicale in a thread on 127.0.0.1, storage in the user's data directory.

With no server configured the assistant still has a real CalDAV calendar, which any client
(Thunderbird, DAVx5 on the same machine) can open at the printed URL while the assistant runs.
Several assistant processes may run at once: each starts its own server on its own free port over the
same storage, and Radicale's file lock serialises writes, so they all see the same calendar.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["LocalServer", "free_port", "wait_for_port"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout_s: float, alive: Callable[[], bool] = lambda: True) -> bool:
    """True once something accepts connections on 127.0.0.1:port; False on timeout or when ``alive`` fails."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and alive():
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


class LocalServer:
    """``with LocalServer(path) as url: ...`` or ``start()``/``stop()``; binds 127.0.0.1 only."""

    def __init__(self, storage: Path, port: int = 0, htpasswd: Path | None = None) -> None:
        self.storage = Path(storage)
        self.port = port
        self.htpasswd = htpasswd
        self._thread: threading.Thread | None = None
        self._shutdown: tuple[socket.socket, socket.socket] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, timeout_s: float = 10.0) -> str:
        logging.getLogger("radicale").setLevel(logging.ERROR)  # it warns about auth=none on every start
        self.storage.mkdir(parents=True, exist_ok=True)
        chosen = not self.port
        for _ in range(5 if chosen else 1):
            # A free port can be taken by another process before Radicale binds it: then try another one.
            self.port = free_port() if chosen else self.port
            if self._serve(timeout_s):
                return self.url
        raise RuntimeError(f"the embedded calendar server did not start on 127.0.0.1:{self.port}")

    def _serve(self, timeout_s: float) -> bool:
        """Start Radicale on self.port; False (and stopped) when it does not come up."""
        import radicale.config
        import radicale.server

        with socket.socket() as probe:  # a port another process listens on answers too: never wait for that one
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Radicale binds: TIME_WAIT is no owner
            try:
                probe.bind(("127.0.0.1", self.port))
            except OSError:
                return False
        auth = (
            {"type": "htpasswd", "htpasswd_filename": str(self.htpasswd), "htpasswd_encryption": "plain"}
            if self.htpasswd
            else {"type": "none", "delay": "0"}
        )  # Radicale sleeps 1 s on each 401, also on the challenge every client's first request gets: with no
        # passwords to guess that delay only slowed every connect (and so every start) by a second
        conf = radicale.config.load([])
        conf.update(
            {
                "server": {"hosts": f"127.0.0.1:{self.port}"},
                "storage": {"filesystem_folder": str(self.storage)},
                "auth": auth,
                "logging": {"level": "error", "mask_passwords": "True"},
            },
            "octocal",
            privileged=True,
        )
        ours, theirs = socket.socketpair()
        self._shutdown = (ours, theirs)

        def serve() -> None:
            try:
                radicale.server.serve(conf, ours)
            except (OSError, RuntimeError) as error:  # "No servers started": the port was taken; start() retries
                logging.getLogger(__name__).info("radicale did not start on port %s: %s", self.port, error)

        self._thread = threading.Thread(target=serve, daemon=True, name="radicale")
        self._thread.start()
        if wait_for_port(self.port, timeout_s, self._thread.is_alive):
            self._thread.join(0.1)  # a port someone else holds answers too, but Radicale's bind failed and it ended
            if self._thread.is_alive():
                return True
        self.stop()
        return False

    def stop(self) -> None:
        """Closing our end of the socket pair tells Radicale's loop to shut down."""
        if self._shutdown is not None:
            self._shutdown[1].close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._shutdown[0].close()
            self._shutdown = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
