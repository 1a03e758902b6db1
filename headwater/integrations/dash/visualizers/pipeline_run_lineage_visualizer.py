"""`PipelineRunLineageVisualizer`: a run's lineage as an interactive graph in the browser.

Example:
    ```python
    from headwater.integrations.dash.visualizers.pipeline_run_lineage_visualizer import (
        PipelineRunLineageVisualizer,
    )
    from headwater.post_execution import get_pipeline

    latest_run = get_pipeline("first_pipeline").runs[-1]
    PipelineRunLineageVisualizer().visualize(latest_run)
    ```
"""

from __future__ import annotations

import importlib
import os
import sys
import uuid
import webbrowser
from typing import Any

from headwater.errors import IntegrationError
from headwater.integrations.registry import require_integration
from headwater.lineage.notebook import display_inline, in_notebook
from headwater.session import get_session

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050
# Overrides the default port, e.g. when 8050 is taken on this machine.
PORT_VARIABLE = "HEADWATER_LINEAGE_PORT"


class PipelineRunLineageVisualizer:
    """Serves run lineage graphs at http://127.0.0.1:8050/, one tab per visualized run.

    Steps are circles and artifacts squares, coloured by status: completed blue, cached
    green, running yellow, failed red, stopped grey. Edges out of cached steps are
    dashed. Click a node for its details.
    """

    def __init__(
        self, *, host: str = DEFAULT_HOST, port: int | None = None, open_browser: bool = True
    ) -> None:
        self.host = host
        self.port = port if port is not None else _default_port()
        self.open_browser = open_browser

    def visualize(self, object: Any, *, block: bool = True) -> str:  # the 0.x parameter name
        """Show a run's lineage; the first call starts the server, later ones add tabs.

        Args:
            object: The run: a run from `get_pipeline(...).runs` or `Client()`, a run
                name, or a run id.
            block: Keep this process serving the page after the script's last line, until
                Ctrl-C (the call itself returns at once). False keeps nothing alive, for
                tests and notebooks.

        Returns:
            The page's address.

        Raises:
            IntegrationError: the Dash integration is not installed, or the port is taken.
            EntityNotFoundError: no run has that name or id.
        """
        require_integration("dash")
        from headwater.integrations.dash.server import get_lineage_server

        session = get_session()
        run = session.store.get_run(_run_reference(object))
        server, is_new = get_lineage_server(self.host, self.port)
        server.show(run.id, session)
        if in_notebook():
            _show_in_notebook(server.url)
        elif is_new:
            self._announce(server.url)
        if block and not in_notebook():
            server.keep_process_alive()
        return server.url

    @staticmethod
    def stop() -> None:
        """Stop this process's lineage server, if one runs."""
        from headwater.integrations.dash.server import stop_lineage_server

        stop_lineage_server()

    def _announce(self, url: str) -> None:
        if self.open_browser and _has_display() and webbrowser.open(url):
            return
        sys.stderr.write(f"Headwater's lineage visualizer: open {url} in a browser.\n")


def _run_reference(run: Any) -> uuid.UUID | str:
    if isinstance(run, uuid.UUID | str):
        return run
    run_id = getattr(run, "id", None)
    if isinstance(run_id, uuid.UUID):
        return run_id
    raise IntegrationError(
        f"PipelineRunLineageVisualizer.visualize() got {run!r}, which is not a run. Pass a "
        f"run (e.g. get_pipeline('name').runs[-1]), a run name or a run id."
    )


def _default_port() -> int:
    value = os.environ.get(PORT_VARIABLE, "")
    if not value:
        return DEFAULT_PORT
    if not value.isdigit():
        raise IntegrationError(
            f"{PORT_VARIABLE} is '{value}', which is not a port number. Set it to a number "
            f"such as 8050, or unset it."
        )
    return int(value)


def _has_display() -> bool:
    """True where a browser can open a window (a desktop, not a bare server)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _show_in_notebook(url: str) -> None:
    # Imported by name: IPython is optional, and typed or not depending on its version.
    iframe: Any = importlib.import_module("IPython.display").IFrame
    display_inline(iframe(url, width="100%", height=640))
