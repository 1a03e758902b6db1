"""A team server never follows a location a client recorded as given.

Each test replays one step of the break-in: a member with no role in project `beta`
records URIs that point at `beta`'s files, an artifact store's root or the server's own
files, and tries to read them back. Writes are refused; records that got in some other
way (an older server, a direct database write) are never followed on read.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from headwater.session import get_session
from headwater.store.models import (
    ArtifactVersionCreate,
    ExecutionStatus,
    StepRunCreate,
    StepRunEnd,
    Visualization,
    VisualizationType,
)
from tests.pipelines.linear import linear
from tests.server.auth_fixtures import AuthServer

HASH = "ab" * 32


@pytest.fixture
def beta_run(auth_server: AuthServer, monkeypatch: pytest.MonkeyPatch) -> dict:
    """A real run in project `beta`, where the member holds no role; returns its JSON."""
    with _client(auth_server, "admin") as admin:
        assert admin.post("/projects", json={"name": "beta"}).status_code == 201
        monkeypatch.setenv("HEADWATER_PROJECT", "beta")
        run = linear()
        monkeypatch.delenv("HEADWATER_PROJECT")
        return dict(admin.get(f"/runs/{run.id}").json())


@pytest.fixture
def member(auth_server: AuthServer) -> Iterator[httpx.Client]:
    with _client(auth_server, "member") as client:
        yield client


def _client(server: AuthServer, user: str) -> httpx.Client:
    headers = {"Authorization": f"Bearer {server.token(user)}"}
    return httpx.Client(base_url=f"{server.url}/api/v1", headers=headers, timeout=30)


def _member_run(member: httpx.Client) -> dict:
    created = member.post("/runs", json={"pipeline_name": "mine", "spec_hash": "h", "spec": {}})
    assert created.status_code == 201, created.text
    return dict(created.json())


def _step(run_id: str, name: str = "steal", log_uri: str | None = None) -> dict:
    return StepRunCreate(
        run_id=uuid.UUID(run_id),
        name=name,
        status=ExecutionStatus.RUNNING,
        cache_key=uuid.uuid4().hex,
        cache_components={},
        parameters={},
        source_code="",
        inputs={},
        log_uri=log_uri,
    ).model_dump(mode="json")


def _output(uri: str, *, views: tuple[Visualization, ...] = ()) -> ArtifactVersionCreate:
    return ArtifactVersionCreate(
        output_name="loot",
        artifact_name="loot",
        uri=uri,
        content_hash=HASH,
        data_type="builtins.bytes",
        materializer="headwater.artifacts.materializers.builtin.BuiltInMaterializer",
        size_bytes=1,
        visualizations=views,
    )


def _first_beta_log(beta_run: dict) -> str:
    store = get_session().store
    from headwater.store.filters import ListQuery

    steps = store.list_step_runs(ListQuery(filters={"run_id": beta_run["id"]}, size=10)).items
    return next(str(s.log_uri) for s in steps if s.name == "load")


def test_a_step_whose_log_is_another_projects_log_is_refused(
    member: httpx.Client, beta_run: dict
) -> None:
    run = _member_run(member)

    answer = member.post("/step-runs", json=_step(run["id"], log_uri=_first_beta_log(beta_run)))

    assert answer.status_code == 400
    assert answer.json()["code"] == "location_not_allowed"
    assert "the server chooses where a step's log lies" in answer.json()["message"]


def test_a_recorded_log_elsewhere_is_never_read(member: httpx.Client, beta_run: dict) -> None:
    run = _member_run(member)
    # As an older server would have stored it: straight into the database.
    stolen = _first_beta_log(beta_run)
    step = get_session().store.start_step(
        StepRunCreate.model_validate(_step(run["id"], log_uri=stolen))
    )

    answer = member.get(f"/step-runs/{step.id}/logs")

    assert answer.status_code == 200
    assert answer.json()["lines"] == []


def test_an_output_at_the_artifact_store_root_is_refused(member: httpx.Client) -> None:
    run = _member_run(member)
    step = member.post("/step-runs", json=_step(run["id"])).json()
    root = get_session().default_artifact_store.root_uri
    end = StepRunEnd(status=ExecutionStatus.COMPLETED, outputs=(_output(root),))

    answer = member.post(f"/step-runs/{step['id']}/end", json=end.model_dump(mode="json"))

    assert answer.status_code == 400
    assert answer.json()["code"] == "location_not_allowed"
    assert "must lie in the folder" in answer.json()["message"]


def test_an_output_in_its_content_folder_is_recorded(member: httpx.Client) -> None:
    run = _member_run(member)
    step = member.post("/step-runs", json=_step(run["id"])).json()
    uri = get_session().default_artifact_store.artifact_uri(HASH)
    end = StepRunEnd(status=ExecutionStatus.COMPLETED, outputs=(_output(uri),))

    answer = member.post(f"/step-runs/{step['id']}/end", json=end.model_dump(mode="json"))

    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "completed"


def test_a_visualization_outside_its_artifact_folder_is_refused(member: httpx.Client) -> None:
    run = _member_run(member)
    step = member.post("/step-runs", json=_step(run["id"])).json()
    artifact_store = get_session().default_artifact_store
    uri = artifact_store.artifact_uri(HASH)
    view = Visualization(type=VisualizationType.HTML, uri=f"{uri}/../../x.html", name="v")
    end = StepRunEnd(status=ExecutionStatus.COMPLETED, outputs=(_output(uri, views=(view,)),))

    answer = member.post(f"/step-runs/{step['id']}/end", json=end.model_dump(mode="json"))

    assert answer.status_code == 400
    assert "outside the artifact's folder" in answer.json()["message"]


def test_a_recorded_output_at_the_store_root_is_never_downloaded(
    member: httpx.Client, beta_run: dict
) -> None:
    store = get_session().store
    run = _member_run(member)
    step = store.start_step(StepRunCreate.model_validate(_step(run["id"])))
    root = get_session().default_artifact_store.root_uri
    ended = store.finish_step(
        step.id, StepRunEnd(status=ExecutionStatus.COMPLETED, outputs=(_output(root),))
    )
    version_id = ended.outputs["loot"]

    listed = member.get(f"/artifact-versions/{version_id}/files")
    downloaded = member.get(f"/artifact-versions/{version_id}/files/logs")

    assert listed.status_code == 409
    assert listed.json()["code"] == "location_not_allowed"
    assert downloaded.status_code == 409


def test_an_artifact_store_at_the_filesystem_root_is_refused(member: httpx.Client) -> None:
    body = {
        "name": "everything",
        "type": "artifact_store",
        "flavor": "fsspec",
        "settings": {"path": "/"},
    }

    answer = member.post("/stack-components", json=body)

    assert answer.status_code == 400
    assert answer.json()["code"] == "location_not_allowed"
    assert "server's own files" in answer.json()["message"]


def test_an_artifact_store_outside_the_servers_roots_is_refused(
    member: httpx.Client, tmp_path: Path
) -> None:
    body = {
        "name": "elsewhere",
        "type": "artifact_store",
        "flavor": "fsspec",
        "settings": {"path": str(tmp_path / "elsewhere")},
    }

    answer = member.post("/stack-components", json=body)

    assert answer.status_code == 400
    assert "HEADWATER_SERVER_ARTIFACT_ROOTS" in answer.json()["message"]


def test_an_artifact_store_under_a_configured_root_is_registered(
    member: httpx.Client, auth_server: AuthServer
) -> None:
    artifact_root = get_session().settings.artifact_store_url
    body = {
        "name": "team",
        "type": "artifact_store",
        "flavor": "fsspec",
        "settings": {"path": f"{artifact_root}/team"},
    }

    answer = member.post("/stack-components", json=body)

    assert answer.status_code == 201, answer.text


@pytest.mark.parametrize(
    "path",
    [
        "simplecache::file:///",
        "filecache::file:///",
        "blockcache::file:///",
        "dir::file:///",
        "zip://::file://{archive}",
    ],
)
def test_an_artifact_store_reaching_the_servers_disk_through_fsspec_is_refused(
    member: httpx.Client, tmp_path: Path, path: str
) -> None:
    # Wrapping the local filesystem in a cache, a folder view or an archive is still a
    # read of the server's disk, so the configured roots apply to it too.
    archive = tmp_path / "any.zip"
    zipfile.ZipFile(archive, "w").close()
    body = {
        "name": "wrapped",
        "type": "artifact_store",
        "flavor": "fsspec",
        "settings": {"path": path.format(archive=archive)},
    }

    answer = member.post("/stack-components", json=body)

    assert answer.status_code == 400, answer.text
    assert answer.json()["code"] == "location_not_allowed"
    assert "plain local path" in answer.json()["message"]
