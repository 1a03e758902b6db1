"""A team keeps artifacts on S3 through a service connector, against a real S3-compatible
server on loopback (moto's server mode) and a real Headwater server.

Register an aws connector and an fsspec artifact store on s3://bucket/prefix naming it,
verify it from the server, make a stack of it, run a pipeline on that stack, and read
its artifacts back through the Client and the server's artifact endpoints.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from headwater import Client
from headwater.config import STORE_URL_VARIABLE
from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import close_sessions, get_session
from headwater.store.connector_models import VerificationFailure
from tests.integration.s3_server import S3Server, running_s3_server
from tests.pipelines.linear import linear


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """One S3-compatible server for the module; each test writes under its own prefix."""
    yield from running_s3_server(tmp_path_factory.mktemp("moto") / "server.log")


@pytest.fixture
def prefix() -> str:
    return f"team-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[BackgroundServer]:
    """A Headwater server over this test's home; the test's Client talks to it."""
    static = tmp_path / "static"
    static.mkdir()
    with BackgroundServer(create_app(get_session(), static_folder=static)) as running:
        monkeypatch.setenv(STORE_URL_VARIABLE, running.url)
        yield running
        close_sessions()


def _s3_stack(client: Client, s3: S3Server, prefix: str, *, connector: str = "team-s3") -> str:
    location = f"s3://{s3.bucket}/{prefix}"
    client.create_stack_component(
        f"{prefix}-store",
        flavor="fsspec",
        component_type="artifact_store",
        configuration={"path": location, "connector": connector},
    )
    client.create_stack(
        f"{prefix}-stack",
        components={"orchestrator": "default", "artifact_store": f"{prefix}-store"},
    )
    return location


def test_a_pipeline_runs_on_an_s3_stack_through_a_connector_and_reads_back(
    server: BackgroundServer, s3: S3Server, prefix: str
):
    client = Client()
    client.register_service_connector("team-s3", "aws", s3.connector_settings())
    location = _s3_stack(client, s3, prefix)
    verified = client.verify_service_connector("team-s3")
    client.activate_stack(f"{prefix}-stack")

    run = linear(n=4)

    assert [(v.ok, v.location) for v in verified] == [(True, location)]
    again = client.get_pipeline_run(run.id)
    total = again.steps["total"].outputs["output"]
    assert total.uri.startswith(f"{location}/artifacts/")
    assert total.load() == 12
    assert [line.message for line in again.steps["load"].logs()] == ["loading 4 numbers"]
    assert any(key.startswith(f"{prefix}/artifacts/") for key in s3.object_keys(prefix))
    assert not [key for key in s3.object_keys(prefix) if ".headwater-verify" in key]


def test_the_dashboards_artifact_endpoints_serve_bytes_kept_on_s3(
    server: BackgroundServer, s3: S3Server, prefix: str
):
    client = Client()
    client.register_service_connector("team-s3", "aws", s3.connector_settings())
    _s3_stack(client, s3, prefix)
    client.activate_stack(f"{prefix}-stack")
    run = linear(n=4)
    version_id = client.get_pipeline_run(run.id).steps["total"].outputs["output"].id

    with httpx.Client(base_url=f"{server.url}/api/v1", timeout=30) as api:
        files = api.get(f"/artifact-versions/{version_id}/files")
        paths = [f["path"] for f in files.json()]
        downloaded = api.get(f"/artifact-versions/{version_id}/files/{paths[0]}")

    assert files.status_code == 200
    assert paths
    assert downloaded.status_code == 200
    assert b"12" in downloaded.content


def test_verifying_an_artifact_store_with_a_wrong_key_says_the_credentials_were_refused(
    server: BackgroundServer, s3: S3Server, prefix: str
):
    client = Client()
    wrong = {**s3.connector_settings(), "aws_secret_access_key": "not-the-secret"}
    client.register_service_connector("wrong-key", "aws", wrong)
    _s3_stack(client, s3, prefix, connector="wrong-key")

    verified = client.verify_artifact_store(f"{prefix}-store")

    assert (verified.ok, verified.failure, verified.failed_step) == (
        False,
        VerificationFailure.AUTH,
        "write",
    )
    assert "credentials were refused" in verified.message
    assert "not-the-secret" not in verified.message


def test_verifying_a_connector_on_a_missing_bucket_says_the_bucket_is_missing(
    server: BackgroundServer, s3: S3Server
):
    client = Client()
    client.register_service_connector("team-s3", "aws", s3.connector_settings())

    (verified,) = client.verify_service_connector("team-s3", "s3://no-such-bucket/prefix")

    assert (verified.ok, verified.failure) == (False, VerificationFailure.MISSING_BUCKET)
    assert "does not exist" in verified.message


def test_verifying_with_a_read_only_key_says_the_location_is_not_writable(
    server: BackgroundServer, s3: S3Server, prefix: str
):
    client = Client()
    client.register_service_connector("reader", "aws", s3.connector_settings(s3.reader))

    (verified,) = client.verify_service_connector("reader", f"s3://{s3.bucket}/{prefix}")

    assert (verified.ok, verified.failure) == (False, VerificationFailure.NOT_WRITABLE)


def test_verifying_an_endpoint_nobody_answers_says_it_is_unreachable(server: BackgroundServer):
    client = Client()
    settings = {"aws_access_key_id": "a", "aws_secret_access_key": "b"}
    client.register_service_connector("nowhere", "aws", {**settings, "endpoint_url": _closed()})

    (verified,) = client.verify_service_connector("nowhere", "s3://bucket/prefix")

    assert (verified.ok, verified.failure) == (False, VerificationFailure.UNREACHABLE)


def test_a_verify_through_the_api_answers_its_failure_as_json_not_a_500(
    server: BackgroundServer, s3: S3Server
):
    client = Client()
    wrong = {**s3.connector_settings(), "aws_access_key_id": "AKIANOBODY"}
    connector = client.register_service_connector("nobody", "aws", wrong)

    answer = httpx.post(
        f"{server.url}/api/v1/service-connectors/{connector.id}/verify",
        json={"location": f"s3://{s3.bucket}/x"},
        timeout=60,
    )

    assert answer.status_code == 200
    assert answer.json()[0]["ok"] is False
    assert answer.json()[0]["failure"] == "auth"


def _closed() -> str:
    """The URL of a loopback port nothing listens on."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
