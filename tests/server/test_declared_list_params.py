"""The server's list routes take every filter field their entity declares, in OpenAPI too."""

from __future__ import annotations

import pytest

from headwater.server.app import openapi_document
from headwater.store import listings
from headwater.store.listings import RUNS, EntityListing

ROUTES = [
    ("/api/v1/runs", listings.RUNS),
    ("/api/v1/step-runs", listings.STEP_RUNS),
    ("/api/v1/runs/{run_id}/steps", listings.STEP_RUNS),
    ("/api/v1/artifact-versions", listings.ARTIFACT_VERSIONS),
    ("/api/v1/artifacts", listings.ARTIFACTS),
    ("/api/v1/pipelines", listings.PIPELINES),
    ("/api/v1/pipelines/{pipeline_id}/versions", listings.PIPELINE_VERSIONS),
    ("/api/v1/tags", listings.TAGS),
    ("/api/v1/users", listings.USERS),
    ("/api/v1/projects", listings.PROJECTS),
    ("/api/v1/models", listings.MODELS),
    ("/api/v1/model-versions", listings.MODEL_VERSIONS),
    ("/api/v1/stage-transitions", listings.STAGE_TRANSITIONS),
    ("/api/v1/approval-requests", listings.APPROVAL_REQUESTS),
    ("/api/v1/stack-components", listings.STACK_COMPONENTS),
    ("/api/v1/stacks", listings.STACKS),
    ("/api/v1/service-connectors", listings.SERVICE_CONNECTORS),
    ("/api/v1/audit-events", listings.AUDIT_EVENTS),
]


def _query_parameters(path: str) -> dict[str, dict]:
    operation = openapi_document()["paths"][path]["get"]
    return {p["name"]: p for p in operation["parameters"] if p["in"] == "query"}


@pytest.mark.parametrize(("path", "listing"), ROUTES, ids=[path for path, _ in ROUTES])
def test_a_list_route_takes_every_declared_filter_and_its_paging(path: str, listing: EntityListing):
    parameters = _query_parameters(path)

    assert set(listing.fields) | {"sort_by", "page", "size"} <= set(parameters)


def test_every_declared_entity_has_a_list_route():
    declared = {v.entity for v in vars(listings).values() if isinstance(v, EntityListing)}

    assert declared == {listing.entity for _, listing in ROUTES}


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
