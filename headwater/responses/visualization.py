"""`ArtifactVisualization`: one stored view of an artifact, renderable inline in Jupyter.

Jupyter shows an object through its `_repr_html_` (or `_repr_markdown_`); each kind of
visualization file becomes HTML here. User HTML goes into a sandboxed iframe, as in the
dashboard, so a visualization cannot run scripts against the notebook.
"""

from __future__ import annotations

import base64
import html
import importlib
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import ArtifactStore
    from headwater.store.models import Visualization

_IMAGE_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif"}


class ArtifactVisualization:
    """A visualization file of an artifact version: its kind, name and where it is."""

    def __init__(self, visualization: Visualization, artifact_store: ArtifactStore) -> None:
        self.kind = visualization.type.value
        self.name = visualization.name
        self.uri = visualization.uri
        self._artifact_store = artifact_store

    def read_bytes(self) -> bytes:
        """The visualization file's content.

        Raises:
            ArtifactError: the file is gone (its artifact was pruned).
        """
        return self._artifact_store.read_bytes(self.uri)

    def _repr_markdown_(self) -> str | None:
        if self.kind != "markdown":
            return None
        return self.read_bytes().decode("utf-8", errors="replace")

    def _repr_html_(self) -> str:
        data = self.read_bytes()
        match self.kind:
            case "html":
                document = html.escape(data.decode("utf-8", errors="replace"), quote=True)
                return (
                    f'<iframe sandbox="" srcdoc="{document}" title="{html.escape(self.name)}" '
                    f'style="width:100%;height:420px;border:0"></iframe>'
                )
            case "image":
                return f'<img alt="{html.escape(self.name)}" src="{_data_url(data)}">'
            case "chart" | "table":
                return _structured_html(data, self.kind)
            case "json":
                pretty = json.dumps(json.loads(data), indent=2)
                return f"<pre>{html.escape(pretty)}</pre>"
            case _:  # csv, markdown: shown as text
                return f"<pre>{html.escape(data.decode('utf-8', errors='replace'))}</pre>"

    def is_array_chart(self) -> bool:
        """Whether this is an array's chart data, which its PNG shows in a notebook."""
        return self.kind == "chart" and b'"headwater.chart"' not in self.read_bytes()[:64]

    def __repr__(self) -> str:
        return f"<{self.kind} visualization '{self.name}' at {self.uri}>"


def display_inline(views: list[ArtifactVisualization]) -> bool:
    """Show the views with IPython's `display` when running in a notebook kernel.

    Returns False (showing nothing) outside a notebook: a plain Python process, or an
    IPython terminal, which cannot draw HTML.
    """
    shell = _notebook_shell()
    if shell is None:
        return False
    display = importlib.import_module("IPython.display").display
    for view in views:
        display(view)
    return True


def _notebook_shell() -> Any:
    # Only look when IPython is already loaded: importing it would cost every script.
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return None
    shell = ipython.get_ipython()
    if shell is None or "IPKernelApp" not in getattr(shell, "config", {}):
        return None
    return shell


def _data_url(data: bytes) -> str:
    kind = next((t for magic, t in _IMAGE_TYPES.items() if data.startswith(magic)), "image/png")
    if data.lstrip().startswith(b"<svg") or data.lstrip().startswith(b"<?xml"):
        kind = "image/svg+xml"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _structured_html(data: bytes, kind: str) -> str:
    # The same data the dashboard draws, as an inline SVG or a static table.
    from headwater.artifacts.chart_spec import Chart
    from headwater.artifacts.static_views import chart_svg, table_html
    from headwater.artifacts.table_spec import Table

    if kind == "chart":
        return chart_svg(Chart.model_validate_json(data))
    return table_html(Table.model_validate_json(data))
