"""How lineage nodes look: one colour per status, shapes per kind, the legend's entries.

The colours are the ones used everywhere in Headwater: completed blue, cached green,
running yellow, failed red, stopped grey.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, assert_never

from headwater.lineage.graph import NodeStatus


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """The fill and outline of a node in one status."""

    fill: str
    border: str
    # Whether the label on the node needs dark text to stay readable.
    has_dark_text: bool


def status_style(status: NodeStatus) -> StatusStyle:
    """The fill and outline for a status."""
    match status:
        case NodeStatus.COMPLETED:
            return StatusStyle("#2563eb", "#1e40af", has_dark_text=False)
        case NodeStatus.CACHED:
            return StatusStyle("#16a34a", "#166534", has_dark_text=False)
        case NodeStatus.RUNNING:
            return StatusStyle("#facc15", "#a16207", has_dark_text=True)
        case NodeStatus.FAILED:
            return StatusStyle("#dc2626", "#991b1b", has_dark_text=False)
        case NodeStatus.STOPPED:
            return StatusStyle("#6b7280", "#374151", has_dark_text=False)
        case NodeStatus.INITIALIZING:
            return StatusStyle("#d1d5db", "#6b7280", has_dark_text=True)
        case NodeStatus.PENDING:
            return StatusStyle("#f3f4f6", "#9ca3af", has_dark_text=True)
        case _:
            assert_never(status)


# The legend, in the order a reader meets the statuses.
LEGEND: tuple[NodeStatus, ...] = (
    NodeStatus.COMPLETED,
    NodeStatus.CACHED,
    NodeStatus.RUNNING,
    NodeStatus.FAILED,
    NodeStatus.STOPPED,
    NodeStatus.PENDING,
)

STEP_SIZE = 64
ARTIFACT_SIZE = 44
EDGE_COLOR = "#94a3b8"
SELECTED_COLOR = "#f97316"
FONT_FAMILY = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif"


def cytoscape_stylesheet() -> list[dict[str, Any]]:
    """The Cytoscape.js stylesheet for lineage elements (see `cytoscape.py`)."""
    sheet: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "label": "data(label)",
                "font-family": FONT_FAMILY,
                "font-size": 12,
                "color": "#1f2937",
                "text-valign": "bottom",
                "text-margin-y": 6,
                "text-wrap": "ellipsis",
                "text-max-width": 140,
                "border-width": 2,
            },
        },
        {
            "selector": "node[kind = 'step']",
            "style": {"shape": "ellipse", "width": STEP_SIZE, "height": STEP_SIZE},
        },
        {
            "selector": "node[kind = 'artifact']",
            "style": {"shape": "rectangle", "width": ARTIFACT_SIZE, "height": ARTIFACT_SIZE},
        },
        {
            "selector": "edge",
            "style": {
                "width": 2,
                "line-color": EDGE_COLOR,
                "target-arrow-color": EDGE_COLOR,
                "target-arrow-shape": "triangle",
                "curve-style": "bezier",
            },
        },
        {"selector": "edge.dashed", "style": {"line-style": "dashed"}},
    ]
    for status in NodeStatus:
        style = status_style(status)
        sheet.append(
            {
                "selector": f"node.{status.value}",
                "style": {"background-color": style.fill, "border-color": style.border},
            }
        )
    # Last, so the selection outline wins over every status outline.
    sheet.append(
        {"selector": "node:selected", "style": {"border-color": SELECTED_COLOR, "border-width": 4}}
    )
    return sheet
