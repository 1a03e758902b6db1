"""In server mode, what a request records is the logged-in user's, whatever its body says."""

from __future__ import annotations

import subprocess
import sys

import httpx

from tests.server.auth_fixtures import PASSWORD, AuthServer


def _headwater(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _user_name_of_run(client: httpx.Client, run_id: str) -> str:
    user_id = client.get(f"/runs/{run_id}").json()["user_id"]
    return str(client.get(f"/users/{user_id}").json()["name"])


def test_a_pipeline_run_through_the_rest_store_is_the_logged_in_users(auth_server: AuthServer):
    logged_in = _headwater("login", auth_server.url, "--username", "member", "--password", PASSWORD)
    child = subprocess.run(
        [sys.executable, "-c", "from tests.pipelines.linear import linear; linear()"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    headers = {"Authorization": f"Bearer {auth_server.token('admin')}"}

    with httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers) as client:
        runs = client.get("/runs").json()["items"]
        author = _user_name_of_run(client, runs[0]["id"])

    assert logged_in.returncode == 0, logged_in.stderr
    assert child.returncode == 0, child.stderr
    assert len(runs) == 1
    assert author == "member"


def test_a_run_body_claiming_another_user_is_recorded_as_the_caller(auth_server: AuthServer):
    headers = {"Authorization": f"Bearer {auth_server.token('member')}"}
    body = {"pipeline_name": "p", "spec_hash": "h", "spec": {}, "user_name": "admin"}

    with httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers) as client:
        created = client.post("/runs", json=body)
        author = _user_name_of_run(client, created.json()["id"])

    assert created.status_code == 201
    assert author == "member"


def test_a_stage_change_claiming_another_user_is_recorded_as_the_caller(
    auth_server: AuthServer,
):
    headers = {"Authorization": f"Bearer {auth_server.token('member')}"}

    with httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers) as client:
        version = client.post(
            "/model-versions/resolve",
            json={"request": {"model_name": "churn", "user_name": "admin"}},
        ).json()
        staged = client.put(
            f"/model-versions/{version['id']}/stage",
            json={"stage": "staging", "user_name": "admin"},
        )
        transitions = client.get("/stage-transitions", params={"model_name": "churn"}).json()

    assert staged.status_code == 200
    assert [t["user_name"] for t in transitions["items"]] == ["member"]


def test_local_mode_records_the_user_the_body_names(api: httpx.Client):
    body = {"pipeline_name": "p", "spec_hash": "h", "spec": {}, "user_name": "ada"}

    created = api.post("/runs", json=body)

    assert created.status_code == 201
    assert _user_name_of_run(api, created.json()["id"]) == "ada"
