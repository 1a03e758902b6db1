"""Lineage pictures of big runs: reading the records, building the graph, rendering it.

A linear 200-step run and a 1→100→1 fan-out, each run once in a fresh embedded store;
every figure is the median of several repeats.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.core import fan_out_pipeline, in_fresh_home, linear_pipeline, median_ms
from headwater import Pipeline
from headwater.lineage.cytoscape import cytoscape_elements
from headwater.lineage.graph import build_lineage_graph
from headwater.lineage.html import render_html
from headwater.lineage.loading import load_run_lineage
from headwater.session import get_session


@dataclass(frozen=True)
class LineageFigure:
    """How long each stage of one run's lineage picture takes, in ms."""

    case: str
    nodes: int
    load_ms: float
    graph_ms: float
    cytoscape_ms: float
    html_ms: float
    html_kib: float


def measure(case: str, pipeline: Pipeline) -> LineageFigure:
    """Run the pipeline once, then time each lineage stage on its run."""
    run = pipeline()
    store = get_session().store
    lineage = load_run_lineage(store, run.id)
    graph = build_lineage_graph(lineage)
    page = render_html(graph)
    return LineageFigure(
        case=case,
        nodes=len(graph.nodes),
        load_ms=median_ms(lambda: load_run_lineage(store, run.id)),
        graph_ms=median_ms(lambda: build_lineage_graph(lineage)),
        cytoscape_ms=median_ms(lambda: cytoscape_elements(graph)),
        html_ms=median_ms(lambda: render_html(graph)),
        html_kib=len(page.encode()) / 1024,
    )


def run_all() -> list[LineageFigure]:
    """Every lineage case, each in a fresh home."""
    figures: list[LineageFigure] = []
    for case, pipeline in (
        ("linear, 200 steps", linear_pipeline(200)),
        ("fan-out 1→100→1", fan_out_pipeline(100)),
    ):
        figures.append(in_fresh_home(lambda c=case, p=pipeline: measure(c, p)))
    return figures
