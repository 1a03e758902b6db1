"""The Client end to end on the embedded store: listing, navigation, tags, deletion, prune."""

from __future__ import annotations

import datetime as dt
import pathlib

import numpy as np
import pytest

from headwater import (
    Client,
    Path,
    StorageSize,
    Uri,
    get_step_context,
    log_metadata,
    pipeline,
    step,
)
from headwater.errors import ArtifactError, EntityNotFoundError, FilterError, HeadwaterError
from tests.pipelines.linear import linear

WHEN = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)


@step(enable_cache=False)
def evaluate(accuracy: float) -> np.ndarray:
    log_metadata({"accuracy": accuracy}, run_id_name_or_prefix=get_step_context().run_id)
    log_metadata(
        {
            "count": 3,
            "ratio": 0.5,
            "label": "resnet",
            "ok": True,
            "params": {"depth": 2},
            "layers": [1, 2],
            "evaluated": WHEN,
            "source": Uri("s3://bucket/data"),
            "folder": Path("/data/train"),
            "weights": StorageSize(2048),
        }
    )
    return np.arange(10.0)


@pipeline
def scored(accuracy: float = 0.5) -> None:
    evaluate(accuracy=accuracy)


def test_runs_filter_by_run_metadata():
    scored.with_options(run_name="good")(accuracy=0.95)
    scored.with_options(run_name="bad")(accuracy=0.5)

    page = Client().list_pipeline_runs(metadata={"accuracy": "gte:0.9"})

    assert [run.name for run in page] == ["good"]
    assert page[0].metadata == {"accuracy": 0.95}


def test_metadata_values_come_back_with_their_types():
    run = scored()

    metadata = run.steps["evaluate"].metadata

    assert metadata["count"] == 3
    assert type(metadata["count"]) is int
    assert (metadata["ratio"], metadata["label"], metadata["ok"]) == (0.5, "resnet", True)
    assert (metadata["params"], metadata["layers"]) == ({"depth": 2}, [1, 2])
    assert metadata["evaluated"] == WHEN
    assert isinstance(metadata["source"], Uri)
    assert metadata["source"] == "s3://bucket/data"
    assert isinstance(metadata["folder"], Path)
    assert isinstance(metadata["weights"], StorageSize)
    assert metadata["weights"] == 2048


def test_navigation_reads_naturally_from_pipeline_to_loaded_value():
    linear(n=4)
    linear.with_options(enable_cache=False)(n=5)

    pipeline_response = Client().get_pipeline("linear")

    assert [run.name for run in pipeline_response.runs] == ["linear-2", "linear-1"]
    last = pipeline_response.last_run
    assert last.name == "linear-2"
    assert last.steps["double"].outputs["output"].load() == [0, 2, 4, 6, 8]
    assert last.steps["total"].metadata == {"total": 20}
    assert any("loading 5 numbers" in line.message for line in last.steps["load"].logs())


def test_lists_filter_sort_and_page_with_zenml_arguments():
    for n in (1, 2, 3):
        linear.with_options(run_name=f"n-{n}")(n=n)

    page = Client().list_pipeline_runs(
        pipeline_name="linear", name="startswith:n-", sort_by="asc:name", page=2, size=2
    )

    assert [run.name for run in page] == ["n-3"]
    assert (page.index, page.size, page.total, page.total_pages) == (2, 2, 3, 2)


def test_step_runs_are_listed_by_run_name_and_status():
    run = linear()

    page = Client().list_run_steps(pipeline_run_id=run.name, status="completed")

    assert [s.name for s in page] == ["load", "double", "total"]
    assert Client().get_run_step(page[0].id).name == "load"


def test_artifacts_and_their_versions_are_found_by_name():
    linear.with_options(enable_cache=False)(n=2)
    linear.with_options(enable_cache=False)(n=3)

    artifact = Client().get_artifact("total.output")

    assert [v.load() for v in artifact.versions] == [2, 6]
    assert Client().get_artifact_version("total.output").load() == 6
    assert Client().get_artifact_version("total.output", 1).load() == 2
    assert "total.output" in [a.name for a in Client().list_artifacts()]
    with pytest.raises(EntityNotFoundError, match="has no version '9'"):
        Client().get_artifact_version("total.output", 9)


def test_tags_are_added_and_removed_on_runs_and_artifacts():
    run = linear()
    version = run.steps["total"].output

    Client().add_tags(["best", "baseline"], run=run.name)
    Client().remove_tags(["baseline"], run=run.name)
    Client().add_tags(["gold"], artifact="total.output")
    Client().add_tags(["v1"], artifact_version_id=version.id)

    assert Client().get_pipeline_run(run.id).tags == ("best",)
    assert [r.name for r in Client().list_pipeline_runs(tag="best")] == [run.name]
    assert Client().get_artifact("total.output").tags == ("gold",)
    assert Client().get_artifact_version(version.id).tags == ("v1",)
    assert {t.name for t in Client().list_tags(size=100)} >= {"best", "gold", "v1"}


def test_tagging_needs_exactly_one_target():
    with pytest.raises(HeadwaterError, match="Name exactly one thing to tag"):
        Client().add_tags(["best"])


def test_users_and_projects_are_listed():
    linear()

    assert [u.name for u in Client().list_users()] == ["default"]
    assert Client().get_project("default").name == "default"
    assert [p.name for p in Client().list_projects()] == ["default"]


def test_a_bad_filter_says_what_is_wrong():
    with pytest.raises(FilterError, match="Cannot filter runs by 'colour'"):
        Client().list_pipeline_runs(colour="red")


def test_deleting_a_run_removes_it_and_its_logs_but_keeps_artifacts():
    run = linear.with_options(enable_cache=False)()
    log_uri = run.steps["load"].model.log_uri
    version = run.steps["total"].output

    Client().delete_pipeline_run(run.name)

    with pytest.raises(EntityNotFoundError):
        Client().get_pipeline_run(run.name)
    assert not pathlib.Path(log_uri.removeprefix("file://")).exists()
    assert Client().get_artifact_version(version.id).load() == 6


def test_deleting_a_pipeline_removes_all_its_runs():
    linear()
    linear()
    scored()

    Client().delete_pipeline("linear")

    with pytest.raises(EntityNotFoundError):
        Client().get_pipeline("linear")
    assert [r.pipeline_name for r in Client().list_pipeline_runs()] == ["scored"]


def test_prune_lists_first_then_deletes_only_what_no_run_uses():
    old = linear.with_options(enable_cache=False)(n=7)
    kept = linear.with_options(enable_cache=False)(n=8)
    orphan = old.steps["total"].output
    Client().delete_pipeline_run(old.id)

    listed = Client().prune_artifacts(dry_run=True)
    assert orphan.id in {v.id for v in listed.artifact_versions}
    assert orphan.load() == 42

    pruned = Client().prune_artifacts()

    assert {v.id for v in pruned.artifact_versions} == {v.id for v in listed.artifact_versions}
    with pytest.raises(EntityNotFoundError):
        Client().get_artifact_version(orphan.id)
    with pytest.raises(ArtifactError, match="pruned or deleted"):
        orphan.load()
    assert kept.steps["total"].output.load() == 56
    assert Client().prune_artifacts(dry_run=True).artifact_versions == []


def test_visualize_outside_a_notebook_says_where_each_file_is(capsys):
    run = scored()
    version = run.steps["evaluate"].output

    views = version.visualize()

    assert [view.kind for view in views] == ["image"]
    assert views[0].uri in capsys.readouterr().out
    assert views[0]._repr_html_().startswith('<img alt="histogram" src="data:image/png;base64,')
