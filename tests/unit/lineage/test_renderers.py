"""What both renderers draw from the graph: styles, layout, Cytoscape elements, HTML."""

from __future__ import annotations

import json
import re

import pytest

from headwater.lineage.cytoscape import cytoscape_elements
from headwater.lineage.graph import NodeStatus, build_lineage_graph
from headwater.lineage.html import LineageHtml, render_html
from headwater.lineage.layout import layout_graph
from headwater.lineage.styles import cytoscape_stylesheet, status_style
from headwater.store.models import ExecutionStatus
from tests.unit.lineage.records import finished_lineage


@pytest.mark.parametrize(
    ("status", "fill"),
    [
        (NodeStatus.COMPLETED, "#2563eb"),
        (NodeStatus.CACHED, "#16a34a"),
        (NodeStatus.RUNNING, "#facc15"),
        (NodeStatus.FAILED, "#dc2626"),
        (NodeStatus.STOPPED, "#6b7280"),
    ],
)
def test_statuses_have_headwater_colours(status, fill):
    assert status_style(status).fill == fill


def test_stylesheet_draws_steps_as_circles_and_artifacts_as_squares_and_dashes_edges():
    sheet = {rule["selector"]: rule["style"] for rule in cytoscape_stylesheet()}

    assert sheet["node[kind = 'step']"]["shape"] == "ellipse"
    assert sheet["node[kind = 'artifact']"]["shape"] == "rectangle"
    assert sheet["edge.dashed"]["line-style"] == "dashed"
    assert sheet["node.cached"]["background-color"] == "#16a34a"
    # The selection outline comes last, so it wins over status outlines.
    assert cytoscape_stylesheet()[-1]["selector"] == "node:selected"


def test_layout_puts_data_left_to_right_one_column_per_hop():
    graph = build_lineage_graph(finished_lineage(ExecutionStatus.COMPLETED))

    positions = layout_graph(graph)

    xs = [positions[node.id].x for node in graph.nodes]
    assert xs == sorted(xs)
    assert len(set(xs)) == 4


def test_cytoscape_elements_carry_kind_status_position_and_dashed_class():
    graph = build_lineage_graph(finished_lineage(ExecutionStatus.CACHED))

    elements = cytoscape_elements(graph)

    load = elements[0]
    assert load["data"]["id"] == "step:load"
    assert load["classes"] == "step cached"
    assert set(load["position"]) == {"x", "y"}
    edges = [e for e in elements if "source" in e["data"]]
    assert [e["classes"] for e in edges] == ["dashed", "", ""]


def test_html_page_is_self_contained_and_lists_every_node():
    graph = build_lineage_graph(finished_lineage(ExecutionStatus.CACHED))

    page = render_html(graph)

    assert "<script src" not in page
    assert "<link" not in page
    assert not re.search(r"""(src|href)=["']https?:""", page)
    assert page.count('class="node ') == len(graph.nodes)
    assert 'class="edge dashed"' in page
    details = re.search(r'id="lineage-details">(.*?)</script>', page, re.S)
    assert details is not None
    assert set(json.loads(details.group(1))) == {node.id for node in graph.nodes}


def test_html_escapes_a_closing_script_tag_in_details():
    lineage = finished_lineage(ExecutionStatus.COMPLETED)
    step = lineage.step_runs[1].model_copy(update={"parameters": {"note": "</script>"}})
    graph = build_lineage_graph(lineage.__class__(lineage.run, [lineage.step_runs[0], step], {}))

    page = render_html(graph)

    assert "</script>'" not in page
    assert "<\\/script>" in page


def test_jupyter_shows_the_page_inside_a_sandboxed_iframe(tmp_path):
    page = LineageHtml("<html><body>hi</body></html>")

    shown = page._repr_html_()

    assert shown.startswith("<iframe srcdoc=")
    assert 'sandbox="allow-scripts"' in shown
    assert "&lt;body&gt;hi" in shown
    assert page.save(tmp_path / "run.html").read_text() == page.html
