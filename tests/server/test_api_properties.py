"""Property-based API test: schemathesis against the served OpenAPI schema.

Every operation gets a few generated requests that are valid by the schema, once against
a server on SQLite and once on PostgreSQL. None may answer with a 5xx, and every answer
(errors too) must match the schema's responses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from headwater.config import Settings
from headwater.server.app import create_app, openapi_document
from headwater.server.serving import BackgroundServer
from headwater.session import Session
from headwater.store.factory import open_store
from tests.store_contract.conftest import SQL_BACKENDS, PostgresServer
from tests.store_contract.records import a_run, an_output, record_step

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# The live stream never ends by design; its behaviour has tests of its own.
NOT_GENERATED = {"stream_events"}
OPERATIONS = sorted(
    (path, method.upper())
    for path, methods in openapi_document()["paths"].items()
    for method, operation in methods.items()
    if operation["operationId"] not in NOT_GENERATED
)


@pytest.fixture(scope="module", params=SQL_BACKENDS)
def served_schema(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[schemathesis.BaseSchema]:
    """One server per database (SQLite, then PostgreSQL), over a store holding a run.

    PostgreSQL refuses values SQLite keeps (NUL characters, out-of-range numbers), so
    "no 5xx" is only proven once it holds on both.
    """
    home: Path = tmp_path_factory.mktemp("schemathesis-home")
    if request.param == "sqlite":
        url = f"sqlite:///{home / 'headwater.db'}"
    else:
        postgres: PostgresServer = request.getfixturevalue("postgresql_server")
        url = postgres.create_database("headwater_schemathesis")
    store = open_store(url)
    artifacts = str(home / "artifacts")
    run = store.create_run(a_run())
    record_step(store, run, "train", an_output())
    session = Session(Settings(home, url, artifacts), store, default_artifact_store_url=artifacts)
    with BackgroundServer(create_app(session)) as server:
        yield schemathesis.openapi.from_url(f"{server.url}/api/v1/openapi.json")
    store.close()


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_no_operation_answers_a_5xx_or_breaks_its_schema(served_schema, path, method):
    operation = served_schema[path][method]

    @settings(
        max_examples=3,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    @given(case=operation.as_strategy())
    def call(case):
        case.call_and_validate(checks=CHECKS)

    call()
