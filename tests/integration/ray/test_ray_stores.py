"""Ray workers record through a real server (one that requires a login too, with a token
scoped to their run) and into PostgreSQL; the `ray` flavor runs a stack's pipelines
unchanged; a run whose workers could not reach its stores is refused."""

from __future__ import annotations

import secrets
from pathlib import Path

import httpx
import pytest

from headwater import Client
from headwater.config import STORE_URL_VARIABLE
from headwater.credentials import API_KEY_VARIABLE
from headwater.integrations.ray.orchestrator import RayOrchestrator
from headwater.server.app import create_app
from headwater.server.passwords import hash_password
from headwater.server.serving import BackgroundServer
from headwater.server.tokens import read_token
from headwater.session import close_sessions, get_session
from headwater.store.logins import ServerRole
from tests.integration.ray.helpers import run_on_ray, step_runs
from tests.integration.ray.pipelines import chain, rendezvous, retried
from tests.server.auth_fixtures import PASSWORD, AuthServer, logins

# PostgreSQL from the store contract's fixtures (it fails loudly when PostgreSQL is down).
from tests.store_contract.conftest import postgresql_server  # noqa: F401

pytestmark = pytest.mark.usefixtures("local_ray")


def test_workers_record_through_a_real_server(tmp_path, monkeypatch):
    static = tmp_path / "static"
    static.mkdir()
    with BackgroundServer(create_app(get_session(), static_folder=static)) as server:
        monkeypatch.setenv(STORE_URL_VARIABLE, server.url)

        run = run_on_ray(retried, str(tmp_path))

        response = Client().get_pipeline_run(run.id)
        assert response.status == "completed"
        assert response.steps["after"].output.load() == "DONE"
        attempts = httpx.get(
            f"{server.url}/api/v1/runs/{run.id}/steps", params={"size": 50}, timeout=30
        ).json()["items"]
        assert sorted(a["status"] for a in attempts if a["name"] == "flaky") == [
            "completed",
            "failed",
            "failed",
        ]
        close_sessions()


def test_workers_record_through_a_server_that_requires_a_login_with_a_run_token(
    tmp_path, monkeypatch
):
    static = tmp_path / "static"
    static.mkdir()
    session = get_session()
    logins(session.store).save_login("member", hash_password(PASSWORD), ServerRole.MEMBER)
    secret = secrets.token_bytes(32)
    app = create_app(session, static_folder=static, token_secret=secret)
    with BackgroundServer(app) as running:
        server = AuthServer(url=running.url, secret=secret, app=app)
        users_token = server.token("member")
        monkeypatch.setenv(STORE_URL_VARIABLE, server.url)
        monkeypatch.setenv(API_KEY_VARIABLE, users_token)

        run = run_on_ray(retried, str(tmp_path))

        assert Client().get_pipeline_run(run.id).steps["after"].output.load() == "DONE"
        assert [a.status for a in step_runs(run.id, "flaky")] == ["failed", "failed", "completed"]
        # What the workers were sent: a token of this run, not the user's own.
        sent = RayOrchestrator().worker_connection(run).token
        assert sent is not None
        assert sent != users_token
        claims = read_token(secret, sent)
        assert claims is not None
        assert claims.run_id == run.id
        close_sessions()


def test_workers_record_into_postgresql(postgresql_server, monkeypatch, tmp_path):  # noqa: F811
    monkeypatch.setenv(STORE_URL_VARIABLE, postgresql_server.create_database("headwater_ray"))

    run = run_on_ray(rendezvous, str(tmp_path), width=2)

    assert get_session().store.get_run(run.id).status == "completed"
    assert len(step_runs(run.id)) == 4
    close_sessions()


def test_a_stack_with_the_ray_flavor_runs_the_same_pipeline_on_ray():
    client = Client()
    client.create_stack_component("ray-local", "ray", "orchestrator", {"num_cpus": 2})
    client.create_stack("parallel", {"orchestrator": "ray-local", "artifact_store": "default"})
    client.activate_stack("parallel")

    run = chain(length=3)

    assert run.status == "completed"
    assert run.model.orchestrator == "ray"
    assert run.steps["trivial_3"].output.load() == 3


def test_the_ray_flavor_settings_schema_is_served_for_the_stack_forms(tmp_path: Path):
    static = tmp_path / "static"
    static.mkdir()
    with BackgroundServer(create_app(get_session(), static_folder=static)) as server:
        answer = httpx.get(f"{server.url}/api/v1/flavors/orchestrator/ray", timeout=30)

    assert answer.status_code == 200
    properties = answer.json()["settings_schema"]["properties"]
    assert {"address", "num_cpus", "runtime_env", "max_steps_in_flight"} <= set(properties)
    assert properties["num_cpus"]["anyOf"][0] == {"minimum": 1, "type": "integer"}
