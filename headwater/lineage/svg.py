"""Drawing a laid-out lineage graph as SVG: circles for steps, squares for artifacts."""

from __future__ import annotations

from html import escape

from headwater.lineage.graph import LineageEdge, LineageGraph, LineageNode, NodeKind
from headwater.lineage.layout import Point, layout_graph
from headwater.lineage.styles import ARTIFACT_SIZE, EDGE_COLOR, STEP_SIZE, status_style

LABEL_CHARACTERS = 22


def render_svg(graph: LineageGraph) -> str:
    """The graph as one `<svg>` element; nodes carry `data-id` for the page's script."""
    positions = layout_graph(graph)
    nodes_by_id = {node.id: node for node in graph.nodes}
    edges = "".join(_edge(edge, positions, nodes_by_id) for edge in graph.edges)
    nodes = "".join(_node(node, positions[node.id]) for node in graph.nodes)
    return (
        '<svg id="lineage-graph" role="img" aria-label="Lineage of run '
        f'{escape(graph.run_name)}" xmlns="http://www.w3.org/2000/svg">'
        "<defs>"
        '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{EDGE_COLOR}"/></marker>'
        "</defs>"
        f'<g id="viewport"><g class="edges">{edges}</g><g class="nodes">{nodes}</g></g>'
        "</svg>"
    )


def _half_width(node: LineageNode) -> float:
    return (STEP_SIZE if node.kind is NodeKind.STEP else ARTIFACT_SIZE) / 2


def _edge(edge: LineageEdge, positions: dict[str, Point], nodes: dict[str, LineageNode]) -> str:
    start, end = positions[edge.source], positions[edge.target]
    x1 = start.x + _half_width(nodes[edge.source])
    x2 = end.x - _half_width(nodes[edge.target]) - 3
    bend = max((x2 - x1) / 2, 20.0)
    path = f"M {x1:.1f} {start.y:.1f} C {x1 + bend:.1f} {start.y:.1f}, "
    path += f"{x2 - bend:.1f} {end.y:.1f}, {x2:.1f} {end.y:.1f}"
    dash = ' stroke-dasharray="6 5"' if edge.is_dashed else ""
    css_class = "edge dashed" if edge.is_dashed else "edge"
    return (
        f'<path class="{css_class}" d="{path}" fill="none" stroke="{EDGE_COLOR}" '
        f'stroke-width="2"{dash} marker-end="url(#arrow)"><title>{escape(edge.label)}</title>'
        "</path>"
    )


def _node(node: LineageNode, point: Point) -> str:
    style = status_style(node.status)
    half = _half_width(node)
    if node.kind is NodeKind.STEP:
        shape = f'<circle cx="{point.x:.1f}" cy="{point.y:.1f}" r="{half:.1f}"'
    else:
        shape = (
            f'<rect x="{point.x - half:.1f}" y="{point.y - half:.1f}" width="{2 * half:.1f}" '
            f'height="{2 * half:.1f}" rx="4"'
        )
    shape += f' fill="{style.fill}" stroke="{style.border}" stroke-width="2"/>'
    label = node.label
    if len(label) > LABEL_CHARACTERS:
        label = label[: LABEL_CHARACTERS - 1] + "…"
    text = (
        f'<text x="{point.x:.1f}" y="{point.y + half + 18:.1f}" text-anchor="middle">'
        f"{escape(label)}</text>"
    )
    description = f"{node.kind.value} {node.label}, {node.status.value}"
    return (
        f'<g class="node {node.kind.value} {node.status.value}" data-id="{escape(node.id)}" '
        f'tabindex="0" role="button" aria-label="{escape(description)}">'
        f"<title>{escape(description)}</title>{shape}{text}</g>"
    )
