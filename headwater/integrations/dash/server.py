"""`LineageServer`: the one Dash server of this process, serving in a background thread.

The first visualized run starts it; later runs become new tabs of the same page. When
asked to, it keeps the process alive after the script's last line (an `atexit` wait)
until Ctrl-C, so a script that visualizes three runs shows all three.
"""

from __future__ import annotations

import atexit
import socket
import sys
import threading
from typing import TYPE_CHECKING

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from headwater.errors import IntegrationError
from headwater.integrations.dash.app import LineageRuns, build_lineage_app

if TYPE_CHECKING:
    import uuid

    from headwater.session import Session


class _QuietRequestHandler(WSGIRequestHandler):
    """Serves requests without a log line each: the page polls every second."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


class LineageServer:
    """A running lineage page at `url`; `show` adds a run as a tab."""

    def __init__(self, host: str, port: int) -> None:
        self.runs = LineageRuns()
        app = build_lineage_app(self.runs)
        listener = _listen(host, port)
        try:
            # Werkzeug exits the process when it cannot bind, so it gets a bound socket.
            self._server: BaseWSGIServer = make_server(
                host,
                listener.getsockname()[1],
                app.server,
                threaded=True,
                request_handler=_QuietRequestHandler,
                fd=listener.fileno(),
            )
        finally:
            listener.close()  # the server holds its own duplicate of the socket
        self.url = f"http://{host}:{self._server.server_address[1]}/"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="headwater-lineage", daemon=True
        )
        self._thread.start()
        self._keeps_process_alive = False

    def show(self, run_id: uuid.UUID, session: Session) -> None:
        """Add a run to the page (the browser picks it up within a second)."""
        self.runs.add(run_id, session)

    def keep_process_alive(self) -> None:
        """After the script ends, keep serving until Ctrl-C (registered once)."""
        if not self._keeps_process_alive:
            self._keeps_process_alive = True
            atexit.register(self._serve_until_interrupted)

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _serve_until_interrupted(self) -> None:
        if hasattr(sys, "last_value") or not self._thread.is_alive():
            return  # the script crashed, or the server was stopped: nothing to show
        count = len(self.runs.entries())
        sys.stderr.write(
            f"Headwater's lineage visualizer is showing {count} run(s) at {self.url} "
            f"- press Ctrl-C to stop.\n"
        )
        try:
            while self._thread.is_alive():
                self._thread.join(0.5)
        except KeyboardInterrupt:
            sys.stderr.write("Lineage visualizer stopped.\n")
        finally:
            self.stop()


def _listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port (port 0: one the OS picks).

    Raises:
        IntegrationError: the port is taken or the host is not this machine's.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen(128)
    except OSError as exc:
        listener.close()
        raise IntegrationError(
            f"The lineage visualizer cannot listen on {host}:{port}: {exc.strerror}. Another "
            f"visualizer may still be running; stop it with Ctrl-C, or pass another port: "
            f"PipelineRunLineageVisualizer(port=8051)."
        ) from exc
    return listener


_current: LineageServer | None = None
_lock = threading.Lock()


def get_lineage_server(host: str, port: int) -> tuple[LineageServer, bool]:
    """The process's lineage server, started on first use; True when just started."""
    global _current
    with _lock:
        if _current is not None:
            return _current, False
        _current = LineageServer(host, port)
        return _current, True


def stop_lineage_server() -> None:
    """Stop the process's lineage server, if one runs (the next visualize starts anew)."""
    global _current
    with _lock:
        server, _current = _current, None
    if server is not None:
        server.stop()
