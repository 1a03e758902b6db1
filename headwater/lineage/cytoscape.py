"""A lineage graph as Cytoscape.js elements: what the Dash visualizer hands its graph."""

from __future__ import annotations

from typing import Any

from headwater.lineage.graph import LineageGraph
from headwater.lineage.layout import layout_graph


def cytoscape_elements(graph: LineageGraph) -> list[dict[str, Any]]:
    """Nodes (with preset positions) then edges, in Cytoscape.js element form.

    A node's classes are its kind and status (`"step cached"`), which the stylesheet
    of `styles.cytoscape_stylesheet` colours; an edge out of a cached step has the
    class `dashed`.
    """
    positions = layout_graph(graph)
    elements: list[dict[str, Any]] = []
    for node in graph.nodes:
        point = positions[node.id]
        elements.append(
            {
                "data": {
                    "id": node.id,
                    "label": node.label,
                    "kind": node.kind.value,
                    "status": node.status.value,
                    "details": [list(row) for row in node.details],
                    "run": graph.run_name,
                },
                "position": {"x": point.x, "y": point.y},
                "classes": f"{node.kind.value} {node.status.value}",
            }
        )
    for edge in graph.edges:
        elements.append(
            {
                "data": {
                    "id": f"{edge.source}->{edge.target}:{edge.label}",
                    "source": edge.source,
                    "target": edge.target,
                    "label": edge.label,
                },
                "classes": "dashed" if edge.is_dashed else "",
            }
        )
    return elements
