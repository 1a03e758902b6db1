"""The seed page's 0.x example end to end: three runs, their lineage served by Dash."""

from __future__ import annotations

import json
import runpy
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from headwater.artifacts import PickleFallbackWarning
from headwater.legacy.deprecation import LegacyApiWarning, forget_legacy_warnings

SEED = Path(__file__).parents[1] / "pipelines" / "legacy_seed.py"


@pytest.fixture
def seed() -> dict[str, Any]:
    """The seed's definitions, executed fresh (so every 0.x name warns again)."""
    forget_legacy_warnings()
    with pytest.warns(LegacyApiWarning) as record:
        namespace = runpy.run_path(str(SEED), run_name="legacy_seed")
    warned = {str(w.message).split("'")[1] for w in record}
    assert warned == {
        "headwater.steps.step",
        "Output(...)",
        "BaseStepConfig",
        "headwater.pipelines.pipeline",
    }
    return namespace


def _run_three_times(pipeline_instance: Any) -> list[Any]:
    pipeline_instance.run()
    pipeline_instance.run()
    pipeline_instance.run(enable_cache=False)
    return pipeline_instance.get_runs()


def run_three_times(pipeline_instance: Any) -> list[Any]:
    """The seed's three runs: first run, cached rerun, run without cache."""
    with pytest.warns(LegacyApiWarning) as caught:
        runs = _run_three_times(pipeline_instance)
    # The seed's model is saved by the scikit-learn integration, never by the pickle fallback.
    assert not [w for w in caught if issubclass(w.category, PickleFallbackWarning)]
    return runs


def test_seed_runs_complete_then_cache_the_loader_then_rerun_everything(seed):
    runs = run_three_times(seed["first_pipeline_instance"])

    statuses = [[(s.name, s.status.value) for s in run.steps] for run in runs]

    assert statuses == [
        [("step_1", "completed"), ("step_2", "completed")],
        [("step_1", "cached"), ("step_2", "completed")],
        [("step_1", "completed"), ("step_2", "completed")],
    ]
    assert [run.name for run in runs] == [
        "first_pipeline-1",
        "first_pipeline-2",
        "first_pipeline-3",
    ]


def test_post_execution_reads_the_latest_runs_outputs_by_step_parameter_name(seed):
    run_three_times(seed["first_pipeline_instance"])
    from headwater.post_execution import get_pipeline

    with pytest.warns(LegacyApiWarning, match=r"Client\(\)\.get_pipeline\(name\)"):
        latest = get_pipeline("first_pipeline").runs[-1]
    with pytest.warns(LegacyApiWarning, match=r"run\.steps\[name\]"):
        loader = latest.get_step("step_1")
    with pytest.warns(LegacyApiWarning, match=r"artifact\.load\(\)"):
        X_train = loader.outputs["X_train"].read()
    model = latest.get_step("step_2").output.read()

    assert latest.name == "first_pipeline-3"
    assert X_train.shape == (1437, 64)
    assert model.gamma == 0.001


def test_visualizer_serves_one_tab_per_visualized_run_newest_selected(seed):
    from headwater.integrations.dash.visualizers.pipeline_run_lineage_visualizer import (
        PipelineRunLineageVisualizer,
    )

    runs = run_three_times(seed["first_pipeline_instance"])
    visualizer = PipelineRunLineageVisualizer(port=0, open_browser=False)
    try:
        urls = {visualizer.visualize(run, block=False) for run in runs}
        (url,) = urls
        with urllib.request.urlopen(f"{url}_dash-layout", timeout=10) as response:
            layout = json.load(response)
    finally:
        PipelineRunLineageVisualizer.stop()

    tabs = _find(layout, "runs")["props"]
    assert [tab["props"]["label"] for tab in tabs["children"]] == [run.name for run in runs]
    assert tabs["value"] == str(runs[-1].id)


def _find(component: Any, component_id: str) -> Any:
    """The component with this id in a serialized Dash layout."""
    if isinstance(component, dict):
        if component.get("props", {}).get("id") == component_id:
            return component
        children = component.get("props", {}).get("children")
        return _find(children, component_id) if children is not None else None
    if isinstance(component, list):
        for child in component:
            found = _find(child, component_id)
            if found is not None:
                return found
    return None
