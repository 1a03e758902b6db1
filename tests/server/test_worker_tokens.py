"""Worker tokens: a run's workers record into that run, as its user, and nothing else."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import httpx
import pytest

from headwater.errors import HeadwaterError
from headwater.server.tokens import read_token
from headwater.store.filters import ListQuery
from headwater.store.models import (
    ExecutionStatus,
    MetadataTarget,
    PipelineRun,
    StepRunCreate,
    StepRunEnd,
)
from headwater.store.rest import RestStore
from tests.server.auth_fixtures import AuthServer
from tests.store_contract.records import a_run, a_step


@pytest.fixture
def rest_store(auth_server: AuthServer) -> Iterator[Callable[[str | None], RestStore]]:
    """Opens REST stores on the server with a token; closes them after the test."""
    opened: list[RestStore] = []

    def open_with(token: str | None) -> RestStore:
        opened.append(RestStore(auth_server.url, token))
        return opened[-1]

    yield open_with
    for store in opened:
        store.close()


@pytest.fixture
def member(auth_server: AuthServer, rest_store: Callable[[str | None], RestStore]) -> RestStore:
    """The REST store as the member user, who starts the runs."""
    return rest_store(auth_server.token("member"))


def _step(run: PipelineRun) -> StepRunCreate:
    # The server chooses where a step's log lies.
    return a_step(run).model_copy(update={"log_uri": None})


def _as_worker(server: AuthServer, token: str | None) -> httpx.Client:
    assert token is not None
    headers = {"Authorization": f"Bearer {token}"}
    return httpx.Client(base_url=f"{server.url}/api/v1", headers=headers, timeout=30)


def test_a_worker_token_names_its_run_and_its_user(auth_server: AuthServer, member: RestStore):
    run = member.create_run(a_run())

    token = member.issue_worker_token(run.id)

    assert token is not None
    claims = read_token(auth_server.secret, token)
    assert claims is not None
    assert claims.run_id == run.id
    assert claims.user_id == member.get_run(run.id).user_id


def test_a_worker_token_records_the_steps_of_its_run(
    member: RestStore, rest_store: Callable[[str | None], RestStore]
):
    run = member.create_run(a_run())
    worker = rest_store(member.issue_worker_token(run.id))

    started = worker.start_step(_step(run))
    worker.add_metadata(MetadataTarget.STEP_RUN, started.id, [])
    worker.heartbeat(run.id)
    ended = worker.finish_step(started.id, StepRunEnd(status=ExecutionStatus.COMPLETED))

    assert ended.status is ExecutionStatus.COMPLETED
    assert member.get_step_run(started.id).status is ExecutionStatus.COMPLETED


def test_a_worker_token_of_one_run_cannot_write_to_another(
    auth_server: AuthServer, member: RestStore
):
    mine, other = member.create_run(a_run()), member.create_run(a_run())
    others_step = member.start_step(_step(other))
    end = {"status": "completed"}

    with _as_worker(auth_server, member.issue_worker_token(mine.id)) as worker:
        started = worker.post("/step-runs", json=_step(other).model_dump(mode="json"))
        finished = worker.post(f"/step-runs/{others_step.id}/end", json=end)
        beat = worker.post(f"/runs/{other.id}/heartbeat")
        tagged = worker.post(
            "/metadata", json={"target": "run", "target_id": str(other.id), "entries": []}
        )

    for refused in (started, finished, beat, tagged):
        assert refused.status_code == 403, refused.text
        assert refused.json()["code"] == "forbidden"
        assert f"worker token of run '{mine.id}'" in refused.json()["message"]
    assert member.get_step_run(others_step.id).status is ExecutionStatus.RUNNING
    steps = member.list_step_runs(ListQuery(filters={"run_id": str(other.id)})).items
    assert [s.id for s in steps] == [others_step.id]


def test_a_worker_token_cannot_stop_runs_mint_tokens_or_end_sessions(
    auth_server: AuthServer, member: RestStore
):
    run = member.create_run(a_run())

    with _as_worker(auth_server, member.issue_worker_token(run.id)) as worker:
        answers = [
            worker.put(f"/runs/{run.id}/status", json={"status": "stopped"}),
            worker.delete(f"/runs/{run.id}"),
            worker.post(f"/runs/{run.id}/worker-token"),
            worker.post("/runs", json=a_run().model_dump(mode="json")),
            worker.delete("/me/sessions"),
        ]
        read = worker.get(f"/runs/{run.id}")

    assert [a.status_code for a in answers] == [403] * len(answers)
    assert read.status_code == 200
    assert member.get_run(run.id).status is ExecutionStatus.INITIALIZING


def test_a_worker_token_is_not_a_session_cookie(auth_server: AuthServer, member: RestStore):
    run = member.create_run(a_run())
    token = member.issue_worker_token(run.id)
    assert token is not None

    answer = httpx.get(
        f"{auth_server.url}/api/v1/runs/{run.id}", cookies={"headwater_session": token}
    )

    assert answer.status_code == 401


def test_a_viewer_gets_no_worker_token(
    auth_server: AuthServer, member: RestStore, rest_store: Callable[[str | None], RestStore]
):
    run = member.create_run(a_run())
    viewer = rest_store(auth_server.token("viewer"))

    with pytest.raises(HeadwaterError, match="may not 'step:create'"):
        viewer.issue_worker_token(run.id)


def test_a_server_without_logins_gives_workers_no_token(api: httpx.Client):
    run = api.post("/runs", json=a_run().model_dump(mode="json")).json()

    answer = api.post(f"/runs/{run['id']}/worker-token")

    assert answer.status_code == 200
    assert answer.json()["token"] is None


def test_a_worker_token_for_an_unknown_run_is_refused(member: RestStore):
    with pytest.raises(HeadwaterError, match="No run"):
        member.issue_worker_token(uuid.uuid4())


def test_a_worker_token_lasts_longer_than_a_login(auth_server: AuthServer, member: RestStore):
    run = member.create_run(a_run())
    login = read_token(auth_server.secret, auth_server.token("member"))

    worker = read_token(auth_server.secret, member.issue_worker_token(run.id) or "")

    # A run's steps may take longer than a login lasts; its end ends the token instead.
    assert login is not None
    assert worker is not None
    assert worker.expires > login.expires


def test_a_worker_token_ends_with_its_run(auth_server: AuthServer, member: RestStore):
    run = member.create_run(a_run())
    token = member.issue_worker_token(run.id)
    member.update_run_status(run.id, ExecutionStatus.RUNNING)
    member.update_run_status(run.id, ExecutionStatus.COMPLETED)

    with _as_worker(auth_server, token) as worker:
        late = worker.post("/step-runs", json=_step(run).model_dump(mode="json"))
        read = worker.get(f"/runs/{run.id}")

    assert late.status_code == 401
    assert f"run '{run.id}' has ended" in late.json()["message"]
    assert read.status_code == 401
