"""`/flavors`: what the dashboard builds component forms from."""

from __future__ import annotations


def test_flavors_are_listed_with_the_json_schema_of_their_settings(api):
    flavors = api.get("/flavors", params={"type": "artifact_store"}).json()

    assert [(f["type"], f["name"]) for f in flavors] == [("artifact_store", "fsspec")]
    assert "path" in flavors[0]["settings_schema"]["properties"]
    assert flavors[0]["secret_fields"] == []


def test_one_flavor_is_found_by_type_and_name(api):
    flavor = api.get("/flavors/orchestrator/local").json()

    assert (flavor["name"], flavor["settings_schema"]["type"]) == ("local", "object")


def test_an_unknown_flavor_answers_400_with_the_known_ones(api):
    response = api.get("/flavors/orchestrator/k8s")

    assert response.status_code == 400
    assert "Use one of: 'local'" in response.json()["message"]


def test_an_unknown_component_type_answers_400(api):
    response = api.get("/flavors/database/x")

    assert response.status_code == 400
    assert "'database' is not a stack component type" in response.json()["message"]
