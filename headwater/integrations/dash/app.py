"""The Dash app of the lineage visualizer: one tab per run, a graph, a details panel.

The graph's elements and stylesheet come from `headwater.lineage`, the same model the
self-contained HTML export draws. A `dcc.Interval` polls the store: new runs become new
tabs (the newest selected), and a running run's graph updates as its steps finish.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dash
import dash_cytoscape as cyto
from dash import Input, Output, State, dcc, html

from headwater.lineage.cytoscape import cytoscape_elements
from headwater.lineage.graph import LineageGraph, NodeStatus
from headwater.lineage.loading import load_lineage_graph
from headwater.lineage.styles import LEGEND, cytoscape_stylesheet, status_style

if TYPE_CHECKING:
    from headwater.session import Session

POLL_MILLISECONDS = 1000
HINT = "Click a step or an artifact to see its details."
GRAPH_LAYOUT = {"name": "preset", "fit": True, "padding": 48}

# Runs in the browser: `window.cy` is the page's one Cytoscape instance.
FIT_SCRIPT = "function(n) { if (n && window.cy) { window.cy.fit(undefined, 48); } return n; }"
RESET_SCRIPT = """function(n) {
    if (n && window.cy) {
        window.cy.elements().unselect();
        window.cy.layout({name: "preset", fit: true, padding: 48,
            positions: (node) => node.data("position")}).run();
    }
    return n;
}"""


@dataclass
class LineageRuns:
    """The runs the page shows, in the order they were added (one tab each)."""

    _entries: list[tuple[uuid.UUID, Session]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, run_id: uuid.UUID, session: Session) -> None:
        """Show this run too (once: adding it again only selects it)."""
        with self._lock:
            self._entries = [(r, s) for r, s in self._entries if r != run_id]
            self._entries.append((run_id, session))

    def entries(self) -> list[tuple[uuid.UUID, Session]]:
        """Run ids and the sessions to read them from, oldest tab first."""
        with self._lock:
            return list(self._entries)

    def graph(self, run_id: str) -> LineageGraph:
        """The current lineage graph of a shown run, read fresh from its store."""
        for known, session in self.entries():
            if str(known) == run_id:
                return load_lineage_graph(session.store, known)
        raise KeyError(run_id)


def build_lineage_app(runs: LineageRuns) -> dash.Dash:
    """The Dash app showing `runs`, with its layout and callbacks wired."""
    app = dash.Dash(
        __name__,
        title="Headwater · run lineage",
        update_title="",
        assets_folder=str(Path(__file__).parent / "assets"),
    )
    app.layout = lambda: _page(runs)
    _register_callbacks(app, runs)
    return app


def _page(runs: LineageRuns) -> html.Div:
    tabs = _tabs(runs)
    entries = runs.entries()
    newest = str(entries[-1][0]) if entries else None
    return html.Div(
        className="page",
        children=[
            html.Header(
                [html.H1("Run lineage"), html.Span("Headwater", className="brand")],
                className="top",
            ),
            dcc.Tabs(id="runs", value=newest, children=tabs, className="run-tabs"),
            html.Div(id="run-summary", className="summary"),
            _toolbar(),
            html.Main(
                [
                    cyto.Cytoscape(
                        id="lineage",
                        elements=[],
                        layout=GRAPH_LAYOUT,
                        stylesheet=cytoscape_stylesheet(),
                        minZoom=0.2,
                        maxZoom=1.5,
                        boxSelectionEnabled=False,
                        className="graph",
                        style={"width": "100%", "height": "100%"},
                    ),
                    html.Aside(_details(None), id="details", className="details"),
                ],
                className="body",
            ),
            dcc.Interval(id="poll", interval=POLL_MILLISECONDS),
            dcc.Store(id="shown"),
            dcc.Store(id="fit-done"),
            dcc.Store(id="reset-done"),
        ],
    )


def _tabs(runs: LineageRuns) -> list[dcc.Tab]:
    tabs = []
    for run_id, session in runs.entries():
        run = session.store.get_run(run_id)
        tabs.append(dcc.Tab(label=run.name, value=str(run_id), className="run-tab"))
    return tabs


def _toolbar() -> html.Div:
    legend = [_legend_item(status) for status in LEGEND]
    legend += [
        html.Span([html.Span(className="swatch shape"), "step"], className="item"),
        html.Span([html.Span(className="swatch shape square"), "artifact"], className="item"),
        html.Span([html.Span(className="dash"), "from a cached step"], className="item"),
    ]
    return html.Div(
        [
            html.Div(legend, className="legend", title="Legend"),
            html.Span(className="spacer"),
            html.Button("Fit", id="fit", type="button"),
            html.Button("Reset", id="reset", type="button"),
        ],
        className="toolbar",
    )


def _legend_item(status: NodeStatus) -> html.Span:
    style = status_style(status)
    swatch = html.Span(
        className="swatch", style={"background": style.fill, "borderColor": style.border}
    )
    return html.Span([swatch, status.value], className="item")


def _summary(graph: LineageGraph) -> list[Any]:
    style = status_style(graph.run_status)
    badge = html.Span(
        graph.run_status.value,
        className="badge",
        style={"background": style.fill, "color": "#111827" if style.has_dark_text else "#fff"},
    )
    steps = sum(1 for node in graph.nodes if node.kind.value == "step")
    return [
        html.Strong(graph.run_name),
        badge,
        html.Span(f"pipeline {graph.pipeline_name} · {steps} steps", className="muted"),
    ]


def _details(data: dict[str, Any] | None) -> list[Any]:
    if not data:
        return [html.P(HINT, className="hint")]
    rows = [html.Tr([html.Th(field), html.Td(value)]) for field, value in data["details"]]
    return [html.H2(data["details"][0][1]), html.Table(html.Tbody(rows))]


def _register_callbacks(app: dash.Dash, runs: LineageRuns) -> None:
    @app.callback(
        Output("runs", "children"),
        Output("runs", "value"),
        Input("poll", "n_intervals"),
        State("runs", "children"),
        prevent_initial_call=True,
    )
    def add_new_tabs(_: int | None, shown: list[Any] | None) -> tuple[Any, Any]:
        if len(shown or []) == len(runs.entries()):
            return dash.no_update, dash.no_update
        return _tabs(runs), str(runs.entries()[-1][0])

    @app.callback(
        Output("lineage", "elements"),
        Output("lineage", "layout"),
        Output("run-summary", "children"),
        Output("shown", "data"),
        Input("runs", "value"),
        Input("poll", "n_intervals"),
        State("shown", "data"),
    )
    def show_run(run_id: str | None, _: int | None, shown: Any) -> tuple[Any, ...]:
        if run_id is None:
            return [], dash.no_update, [html.Span("No runs yet.", className="muted")], None
        if dash.ctx.triggered_id == "poll" and _is_finished(shown, run_id):
            return dash.no_update, dash.no_update, dash.no_update, dash.no_update
        graph = runs.graph(run_id)
        fingerprint = _fingerprint(graph)
        if dash.ctx.triggered_id == "poll" and fingerprint == shown:
            return dash.no_update, dash.no_update, dash.no_update, dash.no_update
        elements = _with_home_positions(cytoscape_elements(graph))
        # A new layout value makes the graph lay out and fit again on a tab switch.
        layout: Any = {**GRAPH_LAYOUT, "run": run_id}
        if shown is not None and shown["run"] == run_id:
            layout = dash.no_update  # same run, new statuses: keep the user's zoom
        return elements, layout, _summary(graph), fingerprint

    @app.callback(
        Output("details", "children"),
        Input("lineage", "tapNodeData"),
        Input("reset", "n_clicks"),
        Input("runs", "value"),
    )
    def show_details(data: dict[str, Any] | None, *_: Any) -> list[Any]:
        return _details(data if dash.ctx.triggered_id == "lineage" else None)

    # Dash leaves clientside_callback unannotated.
    app.clientside_callback(  # type: ignore[no-untyped-call]
        FIT_SCRIPT, Output("fit-done", "data"), Input("fit", "n_clicks")
    )
    app.clientside_callback(  # type: ignore[no-untyped-call]
        RESET_SCRIPT, Output("reset-done", "data"), Input("reset", "n_clicks")
    )


def _with_home_positions(elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep each node's laid-out position in its data, so Reset can put it back."""
    for element in elements:
        if "position" in element:
            element["data"]["position"] = dict(element["position"])
    return elements


def _fingerprint(graph: LineageGraph) -> dict[str, Any]:
    """What a poll compares to decide whether the picture changed."""
    return {
        "run": graph.run_id,
        "status": graph.run_status.value,
        "nodes": [[node.id, node.status.value] for node in graph.nodes],
    }


def _is_finished(shown: dict[str, Any] | None, run_id: str) -> bool:
    """True when the page already shows this run in a status that cannot change."""
    if shown is None or shown["run"] != run_id:
        return False
    return NodeStatus(shown["status"]) not in (
        NodeStatus.INITIALIZING,
        NodeStatus.RUNNING,
        NodeStatus.PENDING,
    )
