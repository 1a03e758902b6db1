"""The lineage picture as one self-contained HTML page: opens offline, needs no server.

Everything is inline (the SVG drawn in Python, the page's CSS and script), so the file
can be mailed, attached to a ticket or opened years later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path

from headwater.lineage.graph import LineageGraph, NodeStatus
from headwater.lineage.styles import LEGEND, status_style
from headwater.lineage.svg import render_svg

HINT = '<p class="hint">Click a step or an artifact to see its details.</p>'


def _static(name: str) -> str:
    return resources.files("headwater.lineage").joinpath("static", name).read_text("utf-8")


def render_html(graph: LineageGraph) -> str:
    """A complete HTML document showing the graph, its legend and a details panel."""
    title = f"Lineage of run {graph.run_name}"
    details = {node.id: [list(row) for row in node.details] for node in graph.nodes}
    # "</" inside a <script> element would end it early.
    details_json = json.dumps(details).replace("</", "<\\/")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_static('lineage.css')}</style></head><body>"
        f"{_header(graph)}{_toolbar()}"
        f'<main><div id="canvas">{render_svg(graph)}</div>'
        f'<aside id="details" aria-label="Details">{HINT}</aside></main>'
        f'<script type="application/json" id="lineage-details">{details_json}</script>'
        f"<script>{_static('lineage.js')}</script></body></html>"
    )


def _header(graph: LineageGraph) -> str:
    badge = status_style(graph.run_status)
    text_color = "#111827" if badge.has_dark_text else "#ffffff"
    return (
        f"<header><h1>{escape(graph.run_name)}"
        f'<span class="badge" style="background:{badge.fill};color:{text_color}">'
        f"{escape(graph.run_status.value)}</span></h1>"
        f'<div class="subtitle">Pipeline {escape(graph.pipeline_name)} · '
        f"{_count(graph, 'step')} · {_count(graph, 'artifact')}</div></header>"
    )


def _count(graph: LineageGraph, kind: str) -> str:
    count = sum(1 for node in graph.nodes if node.kind.value == kind)
    return f"{count} {kind}{'' if count == 1 else 's'}"


def _toolbar() -> str:
    items = "".join(_legend_item(status) for status in LEGEND)
    shapes = (
        '<span class="item"><span class="swatch" style="border-color:#64748b"></span>step</span>'
        '<span class="item"><span class="swatch square" style="border-color:#64748b"></span>'
        "artifact</span>"
        '<span class="item"><span class="dash"></span>from a cached step</span>'
    )
    return (
        f'<div class="toolbar"><div class="legend" aria-label="Legend">{items}{shapes}</div>'
        '<span class="spacer"></span><button id="fit" type="button">Fit</button>'
        '<button id="reset" type="button">Reset</button></div>'
    )


def _legend_item(status: NodeStatus) -> str:
    style = status_style(status)
    return (
        f'<span class="item"><span class="swatch" style="background:{style.fill};'
        f'border-color:{style.border}"></span>{status.value}</span>'
    )


@dataclass(frozen=True, slots=True)
class LineageHtml:
    """A rendered lineage page; Jupyter shows it inline, `save` writes the file."""

    html: str

    def save(self, path: str | Path) -> Path:
        """Write the page to `path` and return the path."""
        target = Path(path)
        target.write_text(self.html, encoding="utf-8")
        return target

    def _repr_html_(self) -> str:
        # An iframe keeps the page's ids, styles and script apart from the notebook's.
        return (
            f'<iframe srcdoc="{escape(self.html, quote=True)}" title="Run lineage" '
            'sandbox="allow-scripts" '
            'style="width:100%;height:560px;border:1px solid #e2e8f0;border-radius:6px">'
            "</iframe>"
        )
