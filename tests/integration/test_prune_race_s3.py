"""Pruning while runs save equal bytes on S3, which no file lock covers: the claims in
the metadata store keep every recorded output's bytes (issue 18, item 4).

A real S3-compatible server on loopback (moto's server mode) and a real Headwater server,
whose database every saver and pruner shares; the same runs from another machine would
claim through the same server.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from headwater import Client
from headwater.client.catalog import PruneResult
from headwater.config import STORE_URL_VARIABLE
from headwater.runner.step_executor import StepExecutor
from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import close_sessions, get_session
from headwater.store.rest.store import RestStore
from tests.integration.s3_server import S3Server, running_s3_server
from tests.pipelines.linear import linear


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    yield from running_s3_server(tmp_path_factory.mktemp("moto") / "server.log")


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, s3: S3Server) -> Iterator[Client]:
    """A Client of a Headwater server, on a stack whose artifact store is on S3."""
    static = tmp_path / "static"
    static.mkdir()
    with BackgroundServer(create_app(get_session(), static_folder=static)) as running:
        monkeypatch.setenv(STORE_URL_VARIABLE, running.url)
        client = Client()
        prefix = f"race-{uuid.uuid4().hex[:8]}"
        client.register_service_connector("race-s3", "aws", s3.connector_settings())
        client.create_stack_component(
            f"{prefix}-store",
            flavor="fsspec",
            component_type="artifact_store",
            configuration={"path": f"s3://{s3.bucket}/{prefix}", "connector": "race-s3"},
        )
        client.create_stack(
            f"{prefix}-stack",
            components={"orchestrator": "default", "artifact_store": f"{prefix}-store"},
        )
        client.activate_stack(f"{prefix}-stack")
        yield client
        close_sessions()


def _an_unused_folder(client: Client) -> str:
    old = linear.with_options(enable_cache=False)(n=7)
    uri = old.steps["load"].output.uri  # read before the delete: the run's steps go too
    client.delete_pipeline_run(old.id)
    return uri


def test_a_prune_between_a_save_and_its_record_keeps_the_bytes_on_s3(client, monkeypatch):
    old_uri = _an_unused_folder(client)
    record_success = StepExecutor._record_success
    pruned: list[PruneResult] = []

    def prune_then_record(self: StepExecutor, *args: Any, **kwargs: Any) -> Any:
        if not pruned:  # no lock holds it back on S3: it runs to its end right here
            pruned.append(Client().prune_artifacts())
        return record_success(self, *args, **kwargs)

    monkeypatch.setattr(StepExecutor, "_record_success", prune_then_record)
    run = linear.with_options(enable_cache=False)(n=7)

    assert run.steps["load"].output.uri == old_uri  # saved into the existing folder
    assert len(pruned) == 1
    # The old run's other versions went; the one whose folder the step claimed stays.
    assert sorted(v.name for v in pruned[0].artifact_versions) == ["double.output", "total.output"]
    assert old_uri not in pruned[0].deleted_uris
    assert run.steps["load"].output.load() == list(range(7))
    assert client.get_pipeline_run(run.id).steps["total"].output.load() == 42


def test_a_run_saving_while_a_prune_deletes_waits_and_saves_its_own_copy(client, monkeypatch):
    old_uri = _an_unused_folder(client)
    claim = RestStore.claim_artifact_uris
    refused = threading.Event()

    def noting_refusals(self: RestStore, claim_id: uuid.UUID, uris: Any) -> bool:
        claimed = claim(self, claim_id, uris)
        if not claimed:
            refused.set()
        return claimed

    monkeypatch.setattr(RestStore, "claim_artifact_uris", noting_refusals)
    delete_bytes = Client._delete_bytes
    runs: list[Any] = []
    racer = threading.Thread(
        target=lambda: runs.append(linear.with_options(enable_cache=False)(n=7))
    )

    def delete_once_a_run_saves_the_same_bytes(self: Client, uri: str) -> None:
        if uri == old_uri and not racer.is_alive():
            racer.start()
            assert refused.wait(timeout=120), "the run never tried to claim the folder"
        delete_bytes(self, uri)

    monkeypatch.setattr(Client, "_delete_bytes", delete_once_a_run_saves_the_same_bytes)
    pruned = client.prune_artifacts()
    racer.join(timeout=300)

    assert old_uri in pruned.deleted_uris
    assert refused.is_set()
    assert len(runs) == 1
    run = client.get_pipeline_run(runs[0].id)
    assert run.steps["load"].output.uri == old_uri
    assert run.steps["load"].output.load() == list(range(7))
    assert run.steps["total"].output.load() == 42
