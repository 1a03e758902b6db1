"""The server's list routes take every filter field their entity declares, in OpenAPI too."""

from __future__ import annotations

import pytest

from headwater.server.app import openapi_document
from headwater.store.listings import (
    ARTIFACT_VERSIONS,
    PIPELINE_VERSIONS,
    PIPELINES,
    RUNS,
    STEP_RUNS,
    EntityListing,
)

ROUTES = [
    ("/api/v1/runs", RUNS),
    ("/api/v1/step-runs", STEP_RUNS),
    ("/api/v1/runs/{run_id}/steps", STEP_RUNS),
    ("/api/v1/artifact-versions", ARTIFACT_VERSIONS),
    ("/api/v1/pipelines", PIPELINES),
    ("/api/v1/pipelines/{pipeline_id}/versions", PIPELINE_VERSIONS),
]


def _query_parameters(path: str) -> dict[str, dict]:
    operation = openapi_document()["paths"][path]["get"]
    return {p["name"]: p for p in operation["parameters"] if p["in"] == "query"}


@pytest.mark.parametrize(("path", "listing"), ROUTES, ids=[path for path, _ in ROUTES])
def test_a_list_route_takes_every_declared_filter_and_its_paging(path: str, listing: EntityListing):
    parameters = _query_parameters(path)

    assert set(listing.fields) | {"sort_by", "page", "size"} <= set(parameters)


def test_a_repeatable_field_is_a_list_and_others_are_strings():
    parameters = _query_parameters("/api/v1/runs")

    created = parameters["created"]["schema"]["anyOf"]
    assert {"type": "array", "items": {"type": "string"}} in created
    assert {"type": "string"} in parameters["pipeline_version_id"]["schema"]["anyOf"]
    assert parameters["sort_by"]["schema"]["default"] == RUNS.default_sort


def test_the_steps_of_a_run_come_oldest_first_in_one_page():
    parameters = _query_parameters("/api/v1/runs/{run_id}/steps")

    assert parameters["sort_by"]["schema"]["default"] == "asc:created"
    assert parameters["size"]["schema"]["default"] == 1000
