"""Placing a lineage graph left to right: data flows from the left edge to the right.

A small layered layout: a node's column is the length of the longest path reaching it,
and nodes in a column are ordered by the average row of what feeds them, so edges cross
rarely. Both renderers use these positions, so the picture is the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from graphlib import TopologicalSorter

from headwater.lineage.graph import LineageGraph

COLUMN_GAP = 150.0
ROW_GAP = 110.0


@dataclass(frozen=True, slots=True)
class Point:
    """A node's centre, in pixels from the top-left corner of the drawing."""

    x: float
    y: float


def layout_graph(graph: LineageGraph) -> dict[str, Point]:
    """Every node id's position; the drawing starts at (0, 0)."""
    columns = _columns(graph)
    ordered = _order_rows(graph, columns)
    tallest = max((len(ids) for ids in ordered), default=0)
    positions: dict[str, Point] = {}
    for column, ids in enumerate(ordered):
        offset = (tallest - len(ids)) * ROW_GAP / 2
        for row, node_id in enumerate(ids):
            positions[node_id] = Point(column * COLUMN_GAP, offset + row * ROW_GAP)
    return positions


def _columns(graph: LineageGraph) -> dict[str, int]:
    """Each node's column: the length of the longest path that reaches it."""
    sources = _sources(graph)
    column: dict[str, int] = {}
    for node_id in TopologicalSorter(sources).static_order():
        column[node_id] = max((column[s] + 1 for s in sources[node_id]), default=0)
    return column


def _sources(graph: LineageGraph) -> dict[str, list[str]]:
    sources: dict[str, list[str]] = {node.id: [] for node in graph.nodes}
    for edge in graph.edges:
        sources[edge.target].append(edge.source)
    return sources


def _order_rows(graph: LineageGraph, columns: dict[str, int]) -> list[list[str]]:
    width = max(columns.values(), default=-1) + 1
    ordered: list[list[str]] = [[] for _ in range(width)]
    for node in graph.nodes:  # graph order is execution order: a stable first guess
        ordered[columns[node.id]].append(node.id)
    sources = _sources(graph)
    row_of: dict[str, float] = {}
    for ids in ordered:
        feeders = {node_id: [row_of[s] for s in sources[node_id]] for node_id in ids}
        ids.sort(key=lambda n: sum(feeders[n]) / len(feeders[n]) if feeders[n] else 0.0)
        # Rows centred on the middle line, so columns of different heights compare.
        middle = (len(ids) - 1) / 2
        row_of.update({node_id: row - middle for row, node_id in enumerate(ids)})
    return ordered
