"""The artifact catalog: each artifact with its latest version and producer, in one list."""

from __future__ import annotations

from tests.pipelines.linear import linear


def _artifact(api, name: str) -> dict:
    page = api.get("/artifacts", params={"name": name}).json()
    (artifact,) = page["items"]
    return artifact


def test_each_listed_artifact_names_its_latest_version_and_producing_run(api):
    linear()
    second = linear(n=4)  # other parameters: `load` runs again and saves version 2

    artifact = _artifact(api, "load.output")

    latest = artifact["latest_version"]
    assert artifact["version_count"] == 2
    assert latest["version"] == 2
    assert latest["data_type"] == "builtins.list"
    assert latest["size_bytes"] > 0
    assert (latest["producer_step_name"], latest["producer_run_name"]) == ("load", second.name)
    assert latest["producer_run_id"] == str(second.id)


def test_one_artifact_reads_the_same_as_its_row_in_the_list(api):
    linear()
    listed = _artifact(api, "total.output")

    read = api.get(f"/artifacts/{listed['id']}").json()

    assert read == listed


def test_artifacts_filter_by_data_type(api):
    linear()

    ints = api.get("/artifacts", params={"data_type": "builtins.int"}).json()

    assert [a["name"] for a in ints["items"]] == ["total.output"]
